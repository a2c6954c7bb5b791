/**
 * A subdivision: an ISO 3166-2 one with its names in many languages (Unicode CLDR), or a GeoNames
 * second-level unit that ISO does not list (a Korean si or gu, a Norwegian kommune, a US county).
 */
export interface Subdivision {
  /**
   * ISO 3166-2 code (`IT-78`), GeoNames' admin2 code (`KR.11.11500`: country, admin1, admin2), or a French
   * unit's INSEE code with its kind (`FR.COM.24031`).
   */
  code: string;
  country: string;
  /** The code of the country or subdivision it lies in. */
  parent: string;
  /**
   * 1 for a first-level subdivision (Calabria), 2 below that (Reggio Calabria) and for a former code
   * that CLDR still names (CZ-110 Prague 10, NO-12 Hordaland, GR-64 Chalkidiki).
   */
  level: 1 | 2;
  /** English name where CLDR has one, else ISO's or GeoNames'. */
  name: string;
  names: string[];
  /** Whose list it comes from: ISO 3166-2, GeoNames' admin2 codes, or INSEE's for French communes. */
  scheme: 'iso' | 'geonames' | 'insee';
  /** People living there, where the list gives it (INSEE does). */
  population?: number;
  /** Where a GeoNames unit lies: the mean position of the gazetteer's places in it. */
  lat?: number;
  lon?: number;
  /** GeoNames' admin1 code of a GeoNames unit (`11` for Seoul), to tell namesakes apart by the place a qualifier names. */
  admin1?: string;
}
