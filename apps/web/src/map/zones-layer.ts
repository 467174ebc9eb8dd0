import * as L from 'leaflet';
import type { Feature, FeatureCollection } from 'geojson';
import { api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { ZONE_STYLE } from './styles';

/**
 * The no-picketing zones of a jurisdiction (all when undefined). The endpoint may be missing on
 * a server: a 404, like any failure, gives null and the map simply goes without them.
 */
export async function fetchZones(
  jurisdiction: string | undefined,
  signal: AbortSignal,
): Promise<FeatureCollection | null> {
  try {
    const data = await api.get<FeatureCollection>('/restricted-zones', {
      query: { jurisdiction },
      signal,
      auth: false,
    });
    return data && Array.isArray(data.features) ? data : null;
  } catch {
    return null;
  }
}

/** The zones as dashed red areas under the venues, each with a popup of its reason and decision. */
export function zonesLayer(map: L.Map, data: FeatureCollection): L.GeoJSON {
  const layer = L.geoJSON(data, { style: () => ZONE_STYLE, interactive: true });
  layer.eachLayer((l) => {
    const props = ((l as L.Path & { feature?: Feature }).feature?.properties ?? {}) as Record<string, string>;
    (l as L.Path).bindPopup(() =>
      h(
        'div',
        { class: 'popup' },
        h('h3', { class: 'popup__title' }, t('zone.title')),
        props.reason ? h('p', null, props.reason) : null,
        props.decisionRef ? h('p', { class: 'popup__ref' }, props.decisionRef) : null,
      ),
    );
  });
  layer.addTo(map);
  layer.bringToBack();
  return layer;
}
