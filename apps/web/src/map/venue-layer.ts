import type { Feature } from 'geojson';
import * as L from 'leaflet';
import { h } from '../dom';
import { t } from '../i18n';
import type { VenueFeature, VenueFeatureCollection, VenueProperties } from '../types';
import { cityLabel, label } from '../ui/labels';
import { formatNumber } from '../ui/format';
import { placeAreaStyle, placeStyle, routeStyle } from './styles';

export interface VenueLayer {
  group: L.FeatureGroup;
  byId: Map<string, L.Layer>;
  /** Zooms to a venue and opens its popup. */
  show(id: string): void;
}

/** Specialized places (points, polygons) and routes (lines) as styled Leaflet layers with popups. */
export function venueLayer(map: L.Map, collection: VenueFeatureCollection): VenueLayer {
  const group = L.featureGroup();
  const byId = new Map<string, L.Layer>();
  for (const feature of collection.features) {
    const layer = featureLayer(feature);
    if (!layer) continue;
    layer.bindPopup(() => popupContent(feature.properties), { maxWidth: 280, autoPanPadding: [24, 24] });
    layer.bindTooltip(feature.properties.name, { direction: 'top', sticky: true, opacity: 0.95 });
    byId.set(feature.properties.id, layer);
    group.addLayer(layer);
  }
  group.addTo(map);
  return {
    group,
    byId,
    show(id) {
      const layer = byId.get(id);
      if (!layer) return;
      if (layer instanceof L.CircleMarker) map.setView(layer.getLatLng(), Math.max(map.getZoom(), 15));
      else if (layer instanceof L.Polyline)
        map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 16 });
      else if ('getBounds' in layer)
        map.fitBounds((layer as L.FeatureGroup).getBounds(), { padding: [40, 40], maxZoom: 16 });
      layer.openPopup();
    },
  };
}

function featureLayer(feature: VenueFeature): L.Layer | null {
  const { id, kind } = feature.properties;
  const g = feature.geometry;
  if (!g) return null;
  if (g.type === 'Point') {
    const [lng, lat] = g.coordinates;
    return L.circleMarker([lat, lng], { radius: 9, ...placeStyle(id) });
  }
  return L.geoJSON(feature as Feature, {
    style: () =>
      kind === 'route' || g.type === 'LineString' || g.type === 'MultiLineString'
        ? routeStyle(id)
        : placeAreaStyle(id),
    pointToLayer: (_f, latlng) => L.circleMarker(latlng, { radius: 9, ...placeStyle(id) }),
  });
}

function popupContent(p: VenueProperties): HTMLElement {
  return h(
    'div',
    { class: 'popup' },
    h('h3', { class: 'popup__title' }, p.name),
    h(
      'p',
      { class: 'popup__meta' },
      h('span', { class: `chip chip--${p.kind}` }, label('kind', p.kind)),
      ' ',
      cityLabel(p.jurisdiction),
    ),
    h('p', null, t('venue.maxOccupancy'), ': ', h('strong', null, formatNumber(p.maxOccupancy))),
    p.decisionRef ? h('p', { class: 'popup__ref' }, p.decisionRef) : null,
    h(
      'p',
      null,
      h('a', { href: `#/file?venue=${encodeURIComponent(p.id)}&j=${p.jurisdiction}` }, t('venue.fileHere')),
    ),
  );
}
