import { describe, expect, it } from 'vitest';
import { checkCoordinates, inRange, roundCoordinate } from './pickup-point-rules.js';

describe('checkCoordinates', () => {
  it('accepts both or neither', () => {
    expect(checkCoordinates({ latitude: 30.27, longitude: 120.15 })).toBeNull();
    expect(checkCoordinates({ latitude: null, longitude: null })).toBeNull();
    expect(checkCoordinates({ latitude: 0, longitude: 0 })).toBeNull();
  });

  it('names the missing half', () => {
    expect(checkCoordinates({ latitude: 30.27, longitude: null })).toEqual({
      code: 'leaders.coordinates_incomplete',
      field: 'body.longitude',
      detail: 'longitude is missing',
    });
    expect(checkCoordinates({ latitude: null, longitude: 120 }, 'body.pickupPoint')?.field).toBe(
      'body.pickupPoint.latitude',
    );
  });
});

describe('inRange', () => {
  it.each([
    [90, 180, true],
    [-90, -180, true],
    [null, null, true],
    [90.000001, 0, false],
    [0, -180.5, false],
    [Number.NaN, 0, false],
    [0, Number.POSITIVE_INFINITY, false],
  ])('(%s, %s) → %s', (latitude, longitude, ok) => {
    expect(inRange({ latitude, longitude })).toBe(ok);
  });
});

describe('roundCoordinate', () => {
  it('keeps six decimals', () => {
    expect(roundCoordinate(30.2741234567)).toBe(30.274123);
    expect(roundCoordinate(0.0000004)).toBe(0);
    expect(roundCoordinate(null)).toBeNull();
  });
});
