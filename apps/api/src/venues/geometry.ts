import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import { FieldError, problems } from '../common/problem';

export const GEOMETRY_TYPES = ['Point', 'LineString', 'Polygon', 'MultiPolygon'] as const;
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

/** Kazakhstan's rough bounding box (lon 46.4..87.4, lat 40.5..55.5), generous by a few km. */
export const KAZAKHSTAN_BBOX = { west: 46.4, south: 40.5, east: 87.4, north: 55.5 } as const;

/** Most positions a single geometry may carry (a detailed district boundary has a few thousand). */
const MAX_POSITIONS = 20_000;

/**
 * A GeoJSON geometry (RFC 7946: WGS 84 longitude, latitude). Its shape is checked here; its
 * coordinates in depth by checkGeometry, and its validity by PostGIS.
 */
export class GeometryBody {
  @ApiProperty({ enum: GEOMETRY_TYPES })
  @IsIn(GEOMETRY_TYPES as unknown as string[], {
    message: `type must be one of ${GEOMETRY_TYPES.join(', ')}`,
  })
  type: GeometryType;

  @ApiProperty({
    description: 'GeoJSON coordinates, [longitude, latitude] positions',
    example: [76.9094, 43.2318],
    type: 'array',
    items: {},
  })
  @IsArray()
  coordinates: unknown[];

  @ApiPropertyOptional({ description: 'GeoJSON bbox (ignored)', type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  bbox?: number[];
}

type Position = [number, number] | [number, number, number];

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90
  );
}

/** Structural problems of the coordinates of a geometry of the given type, or null when sound. */
export function coordinateProblem(type: GeometryType, coordinates: unknown): string | null {
  let count = 0;
  const positions = (value: unknown, min: number, what: string): string | null => {
    if (!Array.isArray(value) || value.length < min) return `${what} needs at least ${min} positions`;
    for (const p of value) {
      if (!isPosition(p)) return 'every position is [longitude, latitude] with -180..180 and -90..90';
      count++;
    }
    return null;
  };
  const ring = (value: unknown): string | null => {
    const problem = positions(value, 4, 'a polygon ring');
    if (problem) return problem;
    const r = value as Position[];
    const [first, last] = [r[0], r[r.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) return 'a polygon ring must end where it starts';
    return null;
  };
  const polygon = (value: unknown): string | null => {
    if (!Array.isArray(value) || value.length < 1) return 'a polygon needs at least one ring';
    for (const r of value) {
      const problem = ring(r);
      if (problem) return problem;
    }
    return null;
  };
  let problem: string | null;
  switch (type) {
    case 'Point':
      problem = isPosition(coordinates)
        ? null
        : 'a Point is one [longitude, latitude] position with -180..180 and -90..90';
      count = 1;
      break;
    case 'LineString':
      problem = positions(coordinates, 2, 'a LineString');
      break;
    case 'Polygon':
      problem = polygon(coordinates);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(coordinates) || coordinates.length < 1)
        problem = 'a MultiPolygon needs at least one polygon';
      else problem = coordinates.map(polygon).find((p) => p !== null) ?? null;
      break;
    default:
      problem = 'unsupported geometry type';
  }
  if (!problem && count > MAX_POSITIONS) problem = `at most ${MAX_POSITIONS} positions`;
  return problem;
}

/**
 * Checks a geometry for storage: the allowed types, sound coordinates, ST_IsValid under PostGIS
 * (SRID 4326) and inside Kazakhstan's bounding box. Answers the GeoJSON text to store (without
 * bbox), or throws a 400 validation problem naming `field`.
 */
export async function checkGeometry(
  dataSource: DataSource,
  geometry: GeometryBody,
  allowed: readonly GeometryType[],
  field = 'geometry',
): Promise<string> {
  const fail = (code: string, message: string): never => {
    const errors: FieldError[] = [{ field, code, message }];
    throw problems.validation(errors, `The ${field} is not acceptable: ${message}.`);
  };
  if (!allowed.includes(geometry.type)) {
    fail('geometry_type', `${field}.type must be one of ${allowed.join(', ')}`);
  }
  const structural = coordinateProblem(geometry.type, geometry.coordinates);
  if (structural) fail('invalid_coordinates', structural);
  // Only the two members PostGIS needs; a position's third value (altitude) is dropped.
  const flat = (value: unknown): unknown =>
    isPosition(value) ? [value[0], value[1]] : (value as unknown[]).map(flat);
  const text = JSON.stringify({ type: geometry.type, coordinates: flat(geometry.coordinates) });
  let row: { valid: boolean; reason: string; inside: boolean; empty: boolean } | undefined;
  try {
    [row] = await dataSource.query(
      `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsEmpty(g) AS empty,
              ST_CoveredBy(g, ST_MakeEnvelope($2, $3, $4, $5, 4326)) AS inside
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) s`,
      [text, KAZAKHSTAN_BBOX.west, KAZAKHSTAN_BBOX.south, KAZAKHSTAN_BBOX.east, KAZAKHSTAN_BBOX.north],
    );
  } catch (error) {
    fail('invalid_geometry', `PostGIS cannot read it (${String((error as Error).message).slice(0, 200)})`);
  }
  if (!row || row.empty) fail('invalid_geometry', 'the geometry is empty');
  if (!row!.valid) fail('invalid_geometry', `the geometry is not valid: ${row!.reason}`);
  if (!row!.inside) fail('outside_kazakhstan', 'the geometry must lie inside Kazakhstan');
  return text;
}
