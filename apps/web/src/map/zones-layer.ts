import * as L from 'leaflet';
import type { Feature, FeatureCollection } from 'geojson';
import { api } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { ZONE_STYLE } from './styles';

/**
 * No-picketing zones of a jurisdiction as dashed red areas. The endpoint may not exist on every
 * server: a 404 (or any failure) simply leaves the layer out.
 */
export async function loadZones(
  map: L.Map,
  jurisdiction: string | undefined,
  signal: AbortSignal,
): Promise<L.GeoJSON | null> {
  let data: FeatureCollection;
  try {
    data = await api.get<FeatureCollection>('/restricted-zones', {
      query: { jurisdiction },
      signal,
      auth: false,
    });
  } catch {
    return null; // not built yet on this server (404), or offline: the map works without it
  }
  if (!data || !Array.isArray(data.features) || signal.aborted) return null;
  const layer = L.geoJSON(data, {
    style: () => ZONE_STYLE,
    interactive: true,
  });
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
