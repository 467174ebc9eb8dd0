import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { KZ_BOUNDS, tileUrl } from '../config';
import { h } from '../dom';
import { live, tl, type Live } from '../i18n';

export type { Map as LeafletMap } from 'leaflet';

/**
 * A Leaflet map of Kazakhstan in `el`. Tiles come from the configured URL; when they fail (no
 * network) the features still render on a plain background and a quiet note says so.
 */
export function createMap(el: HTMLElement, options: { label: Live }): L.Map {
  el.classList.add('map');
  el.setAttribute('role', 'region');
  live.bindAttr(el, 'aria-label', options.label);
  const map = L.map(el, {
    zoomControl: true,
    attributionControl: true,
    scrollWheelZoom: true,
    tapHold: false,
    minZoom: 3,
    maxZoom: 18,
    worldCopyJump: false,
  });
  map.attributionControl.setPrefix('Leaflet');
  map.fitBounds(KZ_BOUNDS);

  const url = tileUrl();
  if (url) {
    const tiles = L.tileLayer(url, {
      maxZoom: 19,
      attribution: '© OpenStreetMap contributors',
      crossOrigin: false,
    });
    let noted = false;
    tiles.on('tileerror', () => {
      if (noted) return;
      noted = true;
      el.classList.add('map--no-tiles');
      // Under the map, not on it: it must never cover a popup or a shape.
      const note = h('p', { class: 'map-note', role: 'status' }, tl('map.tilesFailed'));
      el.after(note);
    });
    tiles.addTo(map);
  } else {
    el.classList.add('map--no-tiles');
  }
  return map;
}
