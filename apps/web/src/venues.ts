import { api } from './api';
import type { VenueFeature, VenueFeatureCollection } from './types';

const cache = new Map<string, Promise<VenueFeatureCollection>>();

/** Active specialized places and routes (all, or of one jurisdiction); cached for the visit. */
export function loadVenues(jurisdiction?: string, signal?: AbortSignal): Promise<VenueFeatureCollection> {
  const key = jurisdiction ?? 'all';
  let pending = cache.get(key);
  if (!pending) {
    pending = api.get<VenueFeatureCollection>('/venues', { query: { jurisdiction }, auth: false });
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Forget cached venues (after a maslikhat officer adds one). */
export function invalidateVenues(): void {
  cache.clear();
}

export function venueName(features: VenueFeature[], id: string | null | undefined): string | undefined {
  return features.find((f) => f.properties.id === id)?.properties.name;
}
