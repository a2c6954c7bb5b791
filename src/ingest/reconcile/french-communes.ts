import { readPackageJson } from '../sources/package-json.js';
import type { Subdivision } from './subdivision.js';

type CommuneRow = { code: string; nom: string; type: string; population?: number };
type EpciRow = { code: string; nom: string; populationTotale?: number };

/** INSEE's own codes for the kinds of French local unit: commune, delegated and associated commune, municipal arrondissement. */
const KIND_CODES: Readonly<Record<string, string>> = {
  'commune-actuelle': 'COM',
  'commune-deleguee': 'COMD',
  'commune-associee': 'COMA',
  'arrondissement-municipal': 'ARM',
};

/**
 * France's communes, the delegated and associated communes that merged ones keep, municipal
 * arrondissements and intercommunal bodies (EPCI), from INSEE's official geographic code as the
 * `@etalab/decoupage-administratif` package ships it: villages and merged communes ("Badefols-d'Ans",
 * "Aÿ-Champagne") that GeoNames' lists of larger places lack. Codes are INSEE's with its kind
 * (`FR.COM.24031`, `FR.COMD.01015`, `FR.EPCI.200067106`).
 */
export function frenchUnits(): Subdivision[] {
  const unit = (code: string, name: string, population: number | undefined): Subdivision => ({
    code,
    country: 'FR',
    parent: 'FR',
    level: 2,
    name,
    names: [name],
    scheme: 'insee',
    ...(population !== undefined ? { population } : {}),
  });
  const communes = readPackageJson<CommuneRow[]>(
    '@etalab/decoupage-administratif/data/communes.json',
  ).flatMap((c) => {
    const kind = KIND_CODES[c.type];
    return kind === undefined ? [] : [unit(`FR.${kind}.${c.code}`, c.nom, c.population)];
  });
  const epci = readPackageJson<EpciRow[]>('@etalab/decoupage-administratif/data/epci.json').map((e) =>
    unit(`FR.EPCI.${e.code}`, e.nom, e.populationTotale),
  );
  return [...communes, ...epci];
}
