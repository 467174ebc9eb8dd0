import type { Geometry } from 'geojson';
import * as L from 'leaflet';
import { COLORS } from './styles';

export type DrawMode = 'Point' | 'Polygon' | 'LineString';

export interface DrawTool {
  setMode(mode: DrawMode): void;
  mode(): DrawMode;
  undo(): void;
  clear(): void;
  vertices(): L.LatLng[];
  setVertices(points: L.LatLng[]): void;
  /** The drawn shape as GeoJSON, or null while it has too few vertices. */
  geometry(): Geometry | null;
  destroy(): void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Click-to-add-vertices drawing on a Leaflet map (no plugin): a point takes one click, a line two
 * or more, a polygon three or more (closed automatically).
 */
export function createDrawTool(map: L.Map, onChange: () => void): DrawTool {
  let current: DrawMode = 'Point';
  let points: L.LatLng[] = [];
  const layer = L.layerGroup().addTo(map);
  map.getContainer().classList.add('map--drawing');

  function redraw() {
    layer.clearLayers();
    const style = {
      color: COLORS.draft,
      weight: 4,
      fillColor: COLORS.draft,
      fillOpacity: 0.2,
      className: 'jiyn-draft',
    };
    if (current === 'Polygon' && points.length >= 3) L.polygon(points, style).addTo(layer);
    else if (current !== 'Point' && points.length >= 2)
      L.polyline(points, { ...style, dashArray: current === 'Polygon' ? '6 6' : undefined }).addTo(layer);
    points.forEach((p, i) =>
      L.circleMarker(p, {
        radius: current === 'Point' ? 9 : 6,
        color: '#fff',
        weight: 2,
        fillColor: COLORS.draft,
        fillOpacity: 1,
        className: 'jiyn-draft-vertex',
        interactive: false,
      })
        .bindTooltip(current === 'Point' ? '' : String(i + 1), { permanent: false })
        .addTo(layer),
    );
    onChange();
  }

  const onClick = (e: L.LeafletMouseEvent) => {
    if (current === 'Point') points = [e.latlng];
    else points = [...points, e.latlng];
    redraw();
  };
  map.on('click', onClick);

  return {
    setMode(mode) {
      current = mode;
      if (mode === 'Point' && points.length > 1) points = points.slice(-1);
      redraw();
    },
    mode: () => current,
    undo() {
      points = points.slice(0, -1);
      redraw();
    },
    clear() {
      points = [];
      redraw();
    },
    vertices: () => [...points],
    setVertices(next) {
      points = current === 'Point' ? next.slice(-1) : [...next];
      redraw();
    },
    geometry() {
      const coords = points.map((p) => [round(p.lng), round(p.lat)]);
      if (current === 'Point') return coords.length === 1 ? { type: 'Point', coordinates: coords[0] } : null;
      if (current === 'LineString')
        return coords.length >= 2 ? { type: 'LineString', coordinates: coords } : null;
      return coords.length >= 3 ? { type: 'Polygon', coordinates: [[...coords, coords[0]]] } : null;
    },
    destroy() {
      map.off('click', onClick);
      layer.remove();
      map.getContainer().classList.remove('map--drawing');
    },
  };
}

/** "43.2318, 76.9094" per line -> points; lines that do not parse are skipped. */
export function parseCoordinates(text: string): L.LatLng[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number),
    )
    .filter((n) => n.length >= 2 && n.every(Number.isFinite) && Math.abs(n[0]) <= 90 && Math.abs(n[1]) <= 180)
    .map(([lat, lng]) => L.latLng(lat, lng));
}

export function formatCoordinates(points: L.LatLng[]): string {
  return points.map((p) => `${round(p.lat)}, ${round(p.lng)}`).join('\n');
}
