import { json, RunningApi, startApi } from '../support/test-app';

/** Every core path of API.md is served and documented in the OpenAPI document. */
const CONTRACT: [string, string][] = [
  ['get', '/api/v1/health'],
  ['get', '/api/v1/deadlines'],
  ['get', '/api/v1/calendar/{year}'],
  ['get', '/api/v1/refusal-grounds'],
  ['post', '/api/v1/auth/challenge'],
  ['post', '/api/v1/auth/session'],
  ['post', '/api/v1/admin/staff'],
  ['post', '/api/v1/filings'],
  ['get', '/api/v1/filings/{id}'],
  ['get', '/api/v1/filings'],
  ['post', '/api/v1/filings/{id}/decision'],
  ['post', '/api/v1/filings/{id}/withdraw'],
  ['post', '/api/v1/filings/{id}/proposal/accept'],
  ['post', '/api/v1/filings/{id}/proposal/decline'],
  ['get', '/api/v1/venues'],
  ['post', '/api/v1/venues'],
  ['patch', '/api/v1/venues/{id}'],
  ['get', '/api/v1/venues/{id}/bookings'],
  ['get', '/api/v1/restricted-zones'],
  ['post', '/api/v1/restricted-zones'],
  ['get', '/api/v1/register'],
  ['get', '/api/v1/register.geojson'],
  ['get', '/api/v1/register.ics'],
  ['get', '/api/v1/register.csv'],
  ['get', '/api/v1/stats'],
  ['post', '/api/v1/admin/import'],
];

describe('the contract of API.md', () => {
  let api: RunningApi;
  let doc: any;
  beforeAll(async () => {
    api = await startApi();
    doc = await json(await fetch(`${api.baseUrl}/api/docs-json`));
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(CONTRACT)('%s %s is documented', (method, path) => {
    expect(doc.paths[path]?.[method]).toBeDefined();
  });

  it.each(CONTRACT.filter(([method]) => method === 'get'))('%s %s is served', async (_method, path) => {
    const id = path.startsWith('/api/v1/venues')
      ? '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000001'
      : '00000000-0000-4000-8000-000000000000';
    const url = path
      .replace('{year}', '2025')
      .replace('{id}', id)
      .replace('/deadlines', '/deadlines?form=rally&date=2025-03-26&jurisdiction=750000000');
    const response = await fetch(`${api.baseUrl}${url}`);
    // the filings are for signed-in people; everything else here is public
    expect(response.status).toBe(path.startsWith('/api/v1/filings') ? 401 : 200);
  });
});
