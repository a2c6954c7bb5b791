/** The SPARQL for one page of every non-deprecated P190 statement, with dates, coordinates, countries and labels. */
export function p190Query(limit: number, offset: number): string {
  return `SELECT ?item ?itemLabel ?twin ?twinLabel ?start ?startPrecision ?end ?endPrecision
       ?itemCoord ?twinCoord ?itemCountry ?twinCountry WHERE {
  ?item p:P190 ?st . ?st ps:P190 ?twin .
  FILTER NOT EXISTS { ?st wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?st pqv:P580 ?sv . ?sv wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision }
  OPTIONAL { ?st pqv:P582 ?ev . ?ev wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision }
  OPTIONAL { ?item wdt:P625 ?itemCoord }
  OPTIONAL { ?twin wdt:P625 ?twinCoord }
  OPTIONAL { ?item wdt:P17/wdt:P297 ?itemCountry }
  OPTIONAL { ?twin wdt:P17/wdt:P297 ?twinCountry }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul,de,fr,es,it,ru,zh,ja". }
}
ORDER BY ?st
LIMIT ${limit} OFFSET ${offset}`;
}
