import type { PathOptions } from 'leaflet';

/** Colours of the map, shared with the legend in CSS (keep in step with styles/tokens.css). */
export const COLORS = {
  place: '#0b6e99',
  route: '#c2410c',
  zone: '#b42318',
  draft: '#6d28d9',
};

export function placeStyle(id: string): PathOptions {
  return {
    color: '#ffffff',
    weight: 2,
    fillColor: COLORS.place,
    fillOpacity: 0.92,
    className: `jiyn-venue jiyn-venue--place venue-${id}`,
  };
}

export function placeAreaStyle(id: string): PathOptions {
  return {
    color: COLORS.place,
    weight: 2,
    fillColor: COLORS.place,
    fillOpacity: 0.22,
    className: `jiyn-venue jiyn-venue--place venue-${id}`,
  };
}

export function routeStyle(id: string): PathOptions {
  return {
    color: COLORS.route,
    weight: 6,
    opacity: 0.92,
    lineCap: 'round',
    lineJoin: 'round',
    className: `jiyn-venue jiyn-venue--route venue-${id}`,
  };
}

export const ZONE_STYLE: PathOptions = {
  color: COLORS.zone,
  weight: 2,
  dashArray: '6 5',
  fillColor: COLORS.zone,
  fillOpacity: 0.12,
  className: 'jiyn-zone',
};
