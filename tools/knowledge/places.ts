// Places for the knowledge layer: countries (CLDR names in English and Korean, ISO codes), cities that
// name a time zone (CLDR exemplar cities, their country from tzdata), other cities and regions WordNet
// places inside a country (part holonyms: San Francisco -> California -> United States), and the
// project's hand-compiled place list (public/models/compact-engine/places.json) for Korean names CLDR
// lacks. Every place ends at an ISO 3166-1 country code, which is how the catalog's flags are tagged.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WordNet } from './wordnet.ts';

export interface Place {
  kind: 'country' | 'city';
  cc: string;
  en: string[]; // display forms, first is canonical
  ko: string[];
  /** Where the place and its country link come from, for provenance. */
  source: 'cldr-territory' | 'cldr-exemplar-city+tzdata' | 'wordnet-holonym' | 'project-places';
  /** For cities: the chain that ties them to the country ("California"), shown in reasons. */
  via?: string[];
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const REGION_CODE = /^[A-Z]{2}$/;
/** CLDR territories that are not countries with a flag of their own. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

export function countries(cldrNames: string): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const lang of ['en', 'ko'] as const) {
    const t = (readJson(join(cldrNames, 'main', lang, 'territories.json')) as any).main[lang].localeDisplayNames.territories as Record<string, string>;
    for (const [key, name] of Object.entries(t)) {
      const cc = key.split('-')[0]!;
      if (!REGION_CODE.test(cc) || NOT_COUNTRIES.has(cc)) continue;
      let p = out.get(cc);
      if (!p) out.set(cc, (p = { kind: 'country', cc, en: [], ko: [], source: 'cldr-territory' }));
      // "Falkland Islands (Islas Malvinas)" -> also "Falkland Islands"
      for (const n of [name, name.replace(/\s*\(.*\)\s*/, '')]) {
        const list = p[lang];
        if (n && !list.includes(n)) key.includes('-alt') ? list.push(n) : list.unshift(n);
      }
    }
  }
  return out;
}

/** Zone id -> country code: tzdata zone.tab gives one country per zone; zone1970.tab's first code otherwise. */
export function zoneCountries(zoneinfoDir: string): { map: Map<string, string>; files: string[] } {
  const map = new Map<string, string>();
  const files: string[] = [];
  for (const f of ['zone.tab', 'zone1970.tab']) {
    const p = join(zoneinfoDir, f);
    if (!existsSync(p)) continue;
    files.push(p);
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.trim()) continue;
      const [codes, , zone] = line.split('\t');
      if (zone && codes && !map.has(zone)) map.set(zone, codes.split(',')[0]!);
    }
  }
  if (files.length === 0) throw new Error(`No zone.tab or zone1970.tab under ${zoneinfoDir}: apt-get install tzdata`);
  return { map, files };
}

export function exemplarCities(cldrDates: string, zones: Map<string, string>): Place[] {
  const names = new Map<string, { en?: string; ko?: string }>();
  for (const lang of ['en', 'ko'] as const) {
    const z = (readJson(join(cldrDates, 'main', lang, 'timeZoneNames.json')) as any).main[lang].dates.timeZoneNames.zone as Record<string, Record<string, any>>;
    const walk = (node: Record<string, any>, path: string[]) => {
      for (const [k, v] of Object.entries(node)) {
        if (v && typeof v === 'object' && !('exemplarCity' in v) && !('long' in v) && !('short' in v) && !('_type' in v)) walk(v, [...path, k]);
        else {
          const id = [...path, k].join('/');
          const e = names.get(id) ?? {};
          e[lang] = (v?.exemplarCity as string | undefined) ?? (lang === 'en' ? k.replace(/_/g, ' ') : undefined);
          names.set(id, e);
        }
      }
    };
    walk(z, []);
  }
  // English names CLDR leaves out (the zone id's last part) are filled from the id, also where only the
  // Korean file names the zone (CLDR's English file lists few zones: Auckland and Tokyo had been
  // dropped with their Korean names, 오클랜드 and 도쿄).
  for (const id of zones.keys()) {
    const e = names.get(id) ?? {};
    if (!e.en) names.set(id, { ...e, en: id.split('/').pop()!.replace(/_/g, ' ') });
  }
  const out: Place[] = [];
  for (const [id, n] of names) {
    const cc = zones.get(id);
    if (!cc || !n.en || id.startsWith('Etc/')) continue;
    out.push({ kind: 'city', cc, en: [n.en], ko: n.ko && n.ko !== n.en ? [n.ko] : [], source: 'cldr-exemplar-city+tzdata' });
  }
  return out;
}

const MAX_HOLONYM_HOPS = 3;
/** What a WordNet instance must be an instance of to count as a city or region (its gloss head). */
const PLACE_CLASSES = /^(city|port|national capital|state capital|provincial capital|capital|town|american state|state|province|island|region|resort|metropolis)$/;

/**
 * WordNet cities and regions: an instance (@i) of a place class whose part holonyms (#p) reach a
 * country within a few hops. Country synsets are recognised by CLDR's English names.
 */
export function wordnetPlaces(wn: WordNet, byName: Map<string, string>): Place[] {
  const countryOf = new Map<string, string>(); // synset id -> cc
  for (const s of wn.synsets.values()) {
    if (!s.id.startsWith('n:')) continue;
    const cc = s.display.map((d) => byName.get(d.toLowerCase())).find((c) => c);
    if (cc && s.pointers.some((p) => p.symbol === '@i')) countryOf.set(s.id, cc);
  }
  const out: Place[] = [];
  for (const s of wn.synsets.values()) {
    if (!s.id.startsWith('n:') || countryOf.has(s.id)) continue;
    const classes = s.pointers.filter((p) => p.symbol === '@i').map((p) => wn.synsets.get(p.target)?.lemmas[0] ?? '');
    if (!classes.some((c) => PLACE_CLASSES.test(c))) continue;
    const via: string[] = [];
    let cur = s;
    let cc: string | undefined;
    for (let hop = 0; hop < MAX_HOLONYM_HOPS && !cc; hop++) {
      const up = cur.pointers.find((p) => p.symbol === '#p');
      const next = up && wn.synsets.get(up.target);
      if (!next) break;
      cc = countryOf.get(next.id);
      if (!cc) via.push(next.display[0]!);
      cur = next;
    }
    if (!cc) continue;
    const en = s.display.filter((d) => /^[A-Z]/.test(d) && !/^(capital|the) /i.test(d));
    if (en.length) out.push({ kind: 'city', cc, en, ko: [], source: 'wordnet-holonym', via });
  }
  return out;
}

export function projectPlaces(file: string): Place[] {
  if (!existsSync(file)) return [];
  const j = readJson(file) as { places: { en: string[]; ko: string[]; country: string }[] };
  return j.places.map((p) => ({ kind: 'city' as const, cc: p.country, en: p.en, ko: p.ko, source: 'project-places' as const }));
}
