/** A point on the Earth in degrees. */
export interface Point {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres between two points given in degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in kilometres between two points. */
export function distanceKm(a: Point, b: Point): number {
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

/** A latitude/longitude box. */
export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** A latitude/longitude box around a point, `km` each way (for an indexed range query). */
export function boxAround(p: Point, km: number): Box {
  const dLat = km / 111.32;
  const dLon = km / (111.32 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLon: p.lon - dLon, maxLon: p.lon + dLon };
}
