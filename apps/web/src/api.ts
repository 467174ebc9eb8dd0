import { session, setSession } from './session';

/** A field error of a problem+json body: `field` is a dotted path such as `organizer.iin`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem (or a network failure, status 0) as a typed error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }

  /** The endpoint itself does not exist (yet): the router answered, not a handler. */
  get endpointMissing(): boolean {
    return (
      (this.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(this.detail ?? '')) ||
      this.status === 405 ||
      this.status === 501
    );
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Send the bearer token when signed in (default true). */
  auth?: boolean;
}

export const API_BASE = '/api/v1';

/** `/api/v1/path?query` with empty query values left out (the api refuses unknown or empty fields). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the api; resolves with the parsed JSON, rejects with ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json, application/geo+json',
  };
  const token = options.auth === false ? undefined : session()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', (error as Error)?.message);
  }

  const text = await response.text().catch(() => '');
  let data: any;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (response.ok) return data as T;

  if (response.status === 401 && token) setSession(null); // the session ended on the server
  const problem = data && typeof data === 'object' ? data : {};
  throw new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : codeFor(response.status),
    typeof problem.detail === 'string' ? problem.detail : undefined,
    Array.isArray(problem.errors) ? problem.errors : [],
    problem,
  );
}

function codeFor(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'internal_error';
  return 'bad_request';
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
};

/** A fresh UUID v4 (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {}
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
