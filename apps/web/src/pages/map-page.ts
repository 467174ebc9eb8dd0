import { describe } from '../ui/problem';
import { h, replace } from '../dom';
import { L, tl } from '../i18n';
import { createMap } from '../map/base-map';
import { venueLayer, type VenueLayer } from '../map/venue-layer';
import { fetchZones, zonesLayer } from '../map/zones-layer';
import type { PageContext } from '../router';
import type { VenueFeature } from '../types';
import { jurisdictionSelect } from '../ui/jurisdiction';
import { cityLabel } from '../ui/labels';
import { formatNumber } from '../ui/format';
import { loading, pageHeader } from '../ui/page';
import { loadVenues } from '../venues';
import type * as Leaflet from 'leaflet';

/** The first page: specialized places and routes on a map of Kazakhstan, and the same as a list. */
export default function mapPage(root: HTMLElement, ctx: PageContext): void {
  let jurisdiction = ctx.query.get('j') ?? '750000000';
  const picker = jurisdictionSelect({ value: jurisdiction, withAll: true, name: 'jurisdiction' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const mapEl = h('div', { id: 'venues-map' });
  const list = h('div', { class: 'venue-list', 'data-testid': 'venue-list' });

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': tl('map.legend') },
    h(
      'li',
      null,
      h('span', { class: 'legend__swatch legend__swatch--place', 'aria-hidden': 'true' }),
      tl('kind.place'),
    ),
    h(
      'li',
      null,
      h('span', { class: 'legend__swatch legend__swatch--route', 'aria-hidden': 'true' }),
      tl('kind.route'),
    ),
    h(
      'li',
      null,
      h('span', { class: 'legend__swatch legend__swatch--zone', 'aria-hidden': 'true' }),
      tl('zone.title'),
    ),
  );
  replace(
    root,
    pageHeader('map.title', 'map.lead'),
    h('div', { class: 'toolbar' }, picker.field, status, legend),
    h('div', { class: 'map-layout' }, h('div', { class: 'map-frame' }, mapEl), list),
  );

  const map = createMap(mapEl, { label: tl('map.label') });
  ctx.onCleanup(() => map.remove());

  let layer: VenueLayer | null = null;
  let zones: Leaflet.GeoJSON | null = null;
  let controller: AbortController | null = null;

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    const j = jurisdiction === 'all' ? undefined : jurisdiction;
    replace(status, loading());
    list.setAttribute('aria-busy', 'true');
    try {
      // Both at once, so the map fits once around everything (no second jump when zones arrive).
      const [data, zoneData] = await Promise.all([loadVenues(j, signal), fetchZones(j, signal)]);
      if (signal.aborted) return;
      layer?.group.remove();
      zones?.remove();
      zones = zoneData ? zonesLayer(map, zoneData) : null;
      layer = venueLayer(map, data);
      const bounds = layer.group.getBounds();
      if (zones && bounds.isValid()) bounds.extend(zones.getBounds());
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 14 });
      renderList(data.features);
      replace(status, tl('map.count', { n: data.features.length }));
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(list);
      replace(
        status,
        h(
          'span',
          { class: 'problem problem--inline', role: 'alert' },
          L(() => describe(error).message),
          ' ',
          h(
            'button',
            { type: 'button', class: 'btn btn--small', onclick: () => void load() },
            tl('common.retry'),
          ),
        ),
      );
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  function renderList(features: VenueFeature[]) {
    const groups: [string, VenueFeature[]][] = [
      ['place', features.filter((f) => f.properties.kind === 'place')],
      ['route', features.filter((f) => f.properties.kind === 'route')],
    ];
    replace(
      list,
      features.length === 0 ? h('p', { class: 'muted' }, tl('map.none')) : null,
      groups
        .filter(([, items]) => items.length)
        .map(([kind, items]) =>
          h(
            'section',
            { class: 'venue-group' },
            h(
              'h2',
              null,
              kind === 'place' ? tl('map.places') : tl('map.routes'),
              h('span', { class: 'count' }, String(items.length)),
            ),
            h('ul', { class: 'venue-items' }, items.map(item)),
          ),
        ),
    );
  }

  function item(f: VenueFeature) {
    const p = f.properties;
    return h(
      'li',
      { class: `venue-item venue-item--${p.kind}`, 'data-venue-id': p.id },
      h('span', { class: `venue-item__icon venue-item__icon--${p.kind}`, 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'venue-item__body' },
        h(
          'h3',
          { class: 'venue-item__name' },
          h(
            'button',
            {
              type: 'button',
              class: 'venue-item__button',
              onclick: () => {
                if (window.matchMedia('(max-width: 959px)').matches)
                  mapEl.scrollIntoView({ behavior: 'smooth', block: 'center' });
                layer?.show(p.id);
              },
            },
            p.name,
            h('span', { class: 'visually-hidden' }, ' — ', tl('map.show')),
          ),
        ),
        h(
          'p',
          { class: 'venue-item__meta' },
          tl('venue.upTo', { n: formatNumber(p.maxOccupancy) }),
          jurisdiction === 'all' ? [' · ', L(() => cityLabel(p.jurisdiction))] : null,
        ),
      ),
      h('span', { class: 'venue-item__go', 'aria-hidden': 'true' }, '›'),
    );
  }

  picker.select.addEventListener('change', () => {
    jurisdiction = picker.select.value;
    ctx.setQuery({ j: jurisdiction });
    void load();
  });

  void load();
}
