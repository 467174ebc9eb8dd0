import type { Feature } from 'geojson';
import * as L from 'leaflet';
import { api } from '../api';
import { h, replace } from '../dom';
import { t } from '../i18n';
import type { VenueFeature, VenueFeatureCollection, VenueProperties } from '../types';
import { cityLabel, label } from '../ui/labels';
import { formatDate, formatNumber } from '../ui/format';
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
    // The content is built on each opening (in the current language); the bookings fill in later,
    // and update() then only re-lays the popup out (its content is an element, not a function).
    layer.bindPopup('', { maxWidth: 300, autoPanPadding: [24, 24] });
    layer.on('popupopen', (e: L.PopupEvent) => {
      const popup = e.popup;
      popup.setContent(
        popupContent(feature.properties, () => {
          if (!popup.isOpen()) return;
          popup.update();
          (popup as unknown as { _adjustPan?: () => void })._adjustPan?.(); // keep it in view as it grows
        }),
      );
    });
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
      // No animation: the popup opens where the venue ends up, and pans itself fully into view.
      const still = { animate: false };
      if (layer instanceof L.CircleMarker) map.setView(layer.getLatLng(), Math.max(map.getZoom(), 15), still);
      else if (layer instanceof L.Polyline)
        map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 16, ...still });
      else if ('getBounds' in layer)
        map.fitBounds((layer as L.FeatureGroup).getBounds(), { padding: [40, 40], maxZoom: 16, ...still });
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

function popupContent(p: VenueProperties, resized: () => void): HTMLElement {
  const bookings = h('div', { class: 'popup__bookings', 'aria-live': 'polite' });
  void bookingsInto(bookings, p.id).then(resized);
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
    bookings,
    h(
      'p',
      null,
      h('a', { href: `#/file?venue=${encodeURIComponent(p.id)}&j=${p.jurisdiction}` }, t('venue.fileHere')),
    ),
  );
}

interface Booking {
  date: string;
  start: string;
  end: string;
  startsAt?: string;
  endsAt?: string;
  expectedParticipants?: number;
  status?: string;
  form?: string;
}

const bookingCache = new Map<string, { at: number; items: Promise<Booking[]> }>();

/** The assemblies booked at a venue in the next 60 days (public; Constitutional Court, 2025). */
async function bookingsInto(el: HTMLElement, id: string): Promise<void> {
  let cached = bookingCache.get(id);
  if (!cached || Date.now() - cached.at > 60_000) {
    const items = api
      .get<{ bookings?: Booking[] }>(`/venues/${encodeURIComponent(id)}/bookings`, { auth: false })
      .then((r) => r?.bookings ?? []);
    cached = { at: Date.now(), items };
    bookingCache.set(id, cached);
    items.catch(() => bookingCache.delete(id));
  }
  let items: Booking[];
  try {
    items = await cached.items;
  } catch {
    return; // bookings are extra: the popup stands without them
  }
  const shown = items.slice(0, 5);
  replace(
    el,
    h('h4', { class: 'popup__subtitle' }, t('venue.bookings')),
    shown.length
      ? h(
          'ul',
          { class: 'popup__list' },
          shown.map((b) =>
            h(
              'li',
              null,
              `${formatDate(b.date, false)}, ${b.start}–${b.end}`,
              b.form ? ` · ${label('form', b.form)}` : '',
              b.expectedParticipants
                ? ` · ${t('venue.people', { n: formatNumber(b.expectedParticipants) })}`
                : '',
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('venue.noBookings')),
    items.length > shown.length
      ? h('p', { class: 'muted' }, t('venue.moreBookings', { n: items.length - shown.length }))
      : null,
  );
}
