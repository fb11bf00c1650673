/**
 * Rules for a pickup point's coordinates, as pure functions. Coordinates are optional (an operator
 * may not have them when signing up a leader), but half a coordinate is a typo, and a value off the
 * globe is one too; the database CHECKs repeat the ranges as the last line of defence.
 */
export interface CoordinatesProblem {
  code: 'leaders.coordinates_incomplete';
  field: string;
  detail: string;
}

export interface Coordinates {
  latitude: number | null;
  longitude: number | null;
}

export function checkCoordinates(c: Coordinates, prefix = 'body'): CoordinatesProblem | null {
  if ((c.latitude === null) !== (c.longitude === null)) {
    const missing = c.latitude === null ? 'latitude' : 'longitude';
    return {
      code: 'leaders.coordinates_incomplete',
      field: `${prefix}.${missing}`,
      detail: `${missing} is missing`,
    };
  }
  return null;
}

export function inRange(c: Coordinates): boolean {
  const okLat = c.latitude === null || (Number.isFinite(c.latitude) && Math.abs(c.latitude) <= 90);
  const okLng = c.longitude === null || (Number.isFinite(c.longitude) && Math.abs(c.longitude) <= 180);
  return okLat && okLng;
}

/** The stored precision (numeric(9,6), about 0.1 m): rounding here keeps the API's answer equal to the row. */
export function roundCoordinate(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1e6) / 1e6;
}
