// The MovieLens movies catalog (public/models/catalogs/movies): title, year, genres as categories,
// popularity from rating counts, and a description per movie for text retrieval.
import { CATALOG_FORMAT_VERSION, type CatalogItem, type CatalogManifest } from '../../src/core/catalog.ts';
import type { Movie } from './movielens';

export const MOVIES_CATALOG_ID = 'movies';

/** MovieLens genre -> category id and human labels (English, Korean). */
export const GENRES: Readonly<Record<string, { id: string; en: string; ko: string }>> = Object.freeze({
  Action: { id: 'action', en: 'action', ko: '액션' },
  Adventure: { id: 'adventure', en: 'adventure', ko: '모험' },
  Animation: { id: 'animation', en: 'animation', ko: '애니메이션' },
  Children: { id: 'children', en: 'children', ko: '어린이' },
  Comedy: { id: 'comedy', en: 'comedy', ko: '코미디' },
  Crime: { id: 'crime', en: 'crime', ko: '범죄' },
  Documentary: { id: 'documentary', en: 'documentary', ko: '다큐멘터리' },
  Drama: { id: 'drama', en: 'drama', ko: '드라마' },
  Fantasy: { id: 'fantasy', en: 'fantasy', ko: '판타지' },
  'Film-Noir': { id: 'film-noir', en: 'film noir', ko: '필름 누아르' },
  Horror: { id: 'horror', en: 'horror', ko: '공포' },
  IMAX: { id: 'imax', en: 'IMAX', ko: '아이맥스' },
  Musical: { id: 'musical', en: 'musical', ko: '뮤지컬' },
  Mystery: { id: 'mystery', en: 'mystery', ko: '미스터리' },
  Romance: { id: 'romance', en: 'romance', ko: '로맨스' },
  'Sci-Fi': { id: 'sci-fi', en: 'science fiction', ko: 'SF' },
  Thriller: { id: 'thriller', en: 'thriller', ko: '스릴러' },
  War: { id: 'war', en: 'war', ko: '전쟁' },
  Western: { id: 'western', en: 'western', ko: '서부극' },
});

/**
 * Everyday words for each genre (matched like its name, src/core/lexical.ts), so "something scary"
 * or "무서운 영화" reaches horror. Kept to words that mean the genre, not words common in titles.
 */
export const GENRE_KEYWORDS: Readonly<Record<string, { en: string[]; ko: string[] }>> = Object.freeze({
  action: { en: ['action-packed', 'fights', 'explosions', 'martial arts'], ko: ['액션영화', '격투'] },
  adventure: { en: ['adventurous', 'quest', 'expedition'], ko: ['모험영화', '탐험'] },
  animation: { en: ['animated', 'cartoon', 'anime'], ko: ['만화', '애니', '만화영화'] },
  children: { en: ['kids', 'family', "children's"], ko: ['아이', '아이들', '가족', '어린이용'] },
  comedy: { en: ['funny', 'hilarious', 'humor', 'humour', 'comedies'], ko: ['웃긴', '코믹'] },
  crime: { en: ['gangster', 'mafia', 'heist', 'detective'], ko: ['갱스터', '마피아', '형사'] },
  documentary: { en: ['documentaries', 'true story', 'nonfiction'], ko: ['다큐', '실화'] },
  drama: { en: ['dramatic', 'emotional'], ko: ['감동'] },
  fantasy: { en: ['magic', 'magical', 'wizards', 'fairy tale'], ko: ['마법', '마법사', '동화'] },
  'film-noir': { en: ['noir', 'hardboiled'], ko: ['누아르'] },
  horror: { en: ['scary', 'spooky', 'creepy', 'frightening', 'terrifying'], ko: ['무서운', '공포영화', '호러'] },
  imax: { en: [], ko: [] },
  musical: { en: ['musicals', 'singing'], ko: ['노래', '뮤지컬영화'] },
  mystery: { en: ['whodunit', 'mysterious'], ko: ['추리'] },
  romance: { en: ['romantic', 'love story', 'rom-com'], ko: ['로맨틱', '연애', '멜로'] },
  'sci-fi': { en: ['sci-fi', 'scifi', 'space', 'aliens', 'robots', 'futuristic'], ko: ['공상과학', '우주', '외계인', '로봇'] },
  thriller: { en: ['suspense', 'suspenseful', 'thrilling'], ko: ['서스펜스', '긴장감'] },
  war: { en: ['battle', 'soldiers', 'military'], ko: ['전쟁영화', '군인', '전투'] },
  western: { en: ['cowboy', 'cowboys', 'wild west'], ko: ['카우보이', '서부'] },
});

function genre(g: string): { id: string; en: string; ko: string } {
  const v = GENRES[g];
  if (!v) throw new Error(`Unknown MovieLens genre "${g}": add it to GENRES`);
  return v;
}

const TRAILING_ARTICLE = /^(.*?), (The|A|An|Les|La|Le|L'|Il|Das|Der|Die|El|Los|Las|Un|Une)( \(.*\))?$/;

/** MovieLens writes "Usual Suspects, The": the catalog shows "The Usual Suspects". */
export function displayTitle(title: string): string {
  const m = TRAILING_ARTICLE.exec(title);
  if (!m) return title;
  const article = m[2]!;
  return `${article}${article.endsWith("'") ? '' : ' '}${m[1]}${m[3] ?? ''}`;
}

export const movieItemId = (m: Movie): string => String(m.movieId);

export function movieItem(m: Movie, ratingCount: number, maxRatingCount: number): CatalogItem {
  if (!m.title || m.year === null || m.genres.length === 0) throw new Error(`Movie ${m.movieId} lacks a title, year or genre`);
  const title = displayTitle(m.title);
  const gs = m.genres.map(genre);
  const genreWords = gs.map((g) => g.en).join(', ');
  return {
    id: movieItemId(m),
    title,
    titles: {},
    tags: { en: gs.map((g) => g.en), ko: gs.map((g) => g.ko) },
    category: gs[0]!.id,
    categories: gs.map((g) => g.id),
    year: m.year,
    description: `${title} (${m.year}): ${genreWords} movie.`,
    safety: 'safe',
    popularity: Math.round((ratingCount / maxRatingCount) * 1e4) / 1e4,
  };
}

export function moviesManifest(itemCount: number): CatalogManifest {
  const categoryLabels: Record<string, Record<string, string>> = {};
  const categoryKeywords: Record<string, Record<string, string[]>> = {};
  for (const g of Object.values(GENRES)) {
    categoryLabels[g.id] = { en: g.en, ko: g.ko };
    const kw = GENRE_KEYWORDS[g.id];
    if (kw && (kw.en.length > 0 || kw.ko.length > 0)) categoryKeywords[g.id] = { en: kw.en, ko: kw.ko };
  }
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    id: MOVIES_CATALOG_ID,
    name: 'Movies (MovieLens)',
    kind: 'movies',
    itemCount,
    items: 'items.json',
    licence: {
      summary:
        'MovieLens latest-small (GroupLens Research, University of Minnesota): non-commercial use, attribution, derived data under the same terms.',
      file: 'LICENSE.md',
    },
    languages: ['en'],
    categoryLabels,
    categoryKeywords,
  };
}
