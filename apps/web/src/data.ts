import { api } from './api';
import type { Filing, RefusalGround } from './types';

/** Lists may come bare or wrapped ({items}, {filings}, {rows}); the client takes either. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const key of ['items', 'filings', 'rows', 'data', 'entries', 'results']) {
      const v = (data as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

export async function listFilings(
  query: { status?: string; jurisdiction?: string; scope?: 'mine' | 'jurisdiction' },
  signal?: AbortSignal,
): Promise<Filing[]> {
  const items = itemsOf<Filing>(await api.get<unknown>('/filings', { query, signal }));
  return items.sort((a, b) => deadlineMs(a) - deadlineMs(b));
}

function deadlineMs(f: Filing): number {
  const d = f.answerDeadline ?? f.deadlines?.answerDeadline;
  const ms = d ? new Date(d).getTime() : NaN;
  return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
}

export function getFiling(id: string, signal?: AbortSignal): Promise<Filing> {
  return api.get<Filing>(`/filings/${encodeURIComponent(id)}`, { signal });
}

let grounds: Promise<RefusalGround[]> | null = null;
export function refusalGrounds(): Promise<RefusalGround[]> {
  if (!grounds) {
    grounds = api.get<unknown>('/refusal-grounds', { auth: false }).then((d) => itemsOf<RefusalGround>(d));
    grounds.catch(() => (grounds = null));
  }
  return grounds;
}
