// Distances between regions from the centres of their counties (or of the nearest enclosing
// region that has coordinates). The coordinates are data (see GeoTable's callers), never made up.
import { COUNTY_CENTRES } from './county-centres.ts';
import type { GeoLookup } from './types.ts';

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two [lng, lat] points. */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** A lookup over a table of region code -> [lng, lat]; a code without an entry takes its nearest ancestor's. */
export class GeoTable implements GeoLookup {
  readonly #points = new Map<string, readonly [number, number]>();

  constructor(points: Iterable<readonly [string, readonly [number, number]]>) {
    for (const [code, p] of points) this.#points.set(code, p);
  }

  get size(): number {
    return this.#points.size;
  }

  locate(code: string): readonly [number, number] | undefined {
    for (const len of [12, 9, 6, 4, 2]) {
      if (code.length < len) continue;
      const p = this.#points.get(code.slice(0, len));
      if (p) return p;
    }
    return undefined;
  }
}

/** The county (6 digits) of a code, or the code itself when coarser. */
export function countyOrSelf(code: string): string {
  return code.length > 6 ? code.slice(0, 6) : code;
}

/**
 * Kilometres between the counties of two region codes (centre to centre), rounded to whole km;
 * null when either is unknown. Two places in one county are 0 km apart.
 */
export function distanceKm(geo: GeoLookup, from: string, to: string): number | null {
  const a = geo.locate(countyOrSelf(from));
  const b = geo.locate(countyOrSelf(to));
  return a && b ? Math.round(haversineKm(a, b)) : null;
}

/**
 * The county centres shipped with bangfu (county-centres.ts), plus for each city (4 digits) and
 * province (2 digits) the mean of its counties' centres, so a code without a point of its own
 * (a new district, a city-wide post) still has a place.
 */
export function countyCentres(): GeoTable {
  const points: [string, [number, number]][] = [];
  const sums = new Map<string, [number, number, number]>();
  for (const item of COUNTY_CENTRES.split(';')) {
    const [code, lng, lat] = item.split(/[:,]/) as [string, string, string];
    const p: [number, number] = [Number(lng), Number(lat)];
    points.push([code, p]);
    for (const prefix of [code.slice(0, 4), code.slice(0, 2)]) {
      const s = sums.get(prefix) ?? [0, 0, 0];
      s[0] += p[0];
      s[1] += p[1];
      s[2] += 1;
      sums.set(prefix, s);
    }
  }
  for (const [prefix, [lng, lat, n]] of sums) points.push([prefix, [lng / n, lat / n]]);
  return new GeoTable(points);
}
