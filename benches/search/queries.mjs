// The queries of the search benchmark, and whether a first result is plausible.
//   - Example site: judged queries of tests/search/<lang>.tsv (each names its expected
//     first result): four plain ones, a typo and one written without accents.
//   - Generated corpora: words picked from the articles of the language by how many
//     articles contain them (about 1 %, 5 % and 20 % of them), one pair of words that
//     share an article, the 5 % word with one inner letter left out (a one-edit typo),
//     and a word with accents (or tonos) written without them (none in English text).
// A first result is plausible when it is the judged one, or, without a judgement, when
// the text of its page has every intended word (folded like the engines fold it; a
// word also counts when the page has a word that shares its first letters, all but its
// last three and at least three, as stemming allows: "take" for "taking").
import fs from 'node:fs';
import path from 'node:path';

/** Without accents, tonos or dialytika (what someone typing without them writes). */
const bare = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
/** Lower-case, without accents, tonos or dialytika, final sigma as σ. */
export const fold = (s) => bare(s).toLowerCase().replace(/ς/g, 'σ');

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text) => text.match(WORD) || [];

// --- example site --------------------------------------------------------------------

// Judged queries of tests/search/<lang>.tsv used here: four plain ones leading to
// different kinds of page, in the language's own words, then a typo and a query
// written without accents (or tonos).
const EXAMPLE = {
  es: { plain: ['arraigo reglamento', 'real decreto 1155', 'red de ciudades', 'valladolid'],
    typo: 'arraijo', accentless: 'insercion sociolaboral' },
  el: { plain: ['Αθήνα', 'νόμος 5038/2023', 'νομική συμβουλευτική ΛΟΑΤΚΙ', 'Κέντρο Συντονισμού'],
    typo: 'κανονισμος αλοδαπων', accentless: 'δικτυο πολεων' },
  en: { plain: ['new immigration regulation', 'organic law 4/2000', 'psychological support', 'babel day centre'],
    typo: 'regulaton', accentless: 'puerta unica' },
};

/** Queries of the example site, with the expected first results of tests/search/<lang>.tsv. */
export function exampleQueries(root, lang) {
  const tsv = path.join(root, 'tests', 'search', `${lang}.tsv`);
  const judged = new Map(fs.readFileSync(tsv, 'utf8').split('\n')
    .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t').slice(0, 2)));
  const { plain, typo, accentless } = EXAMPLE[lang];
  return [...plain.map((q) => [q, 'plain']), [typo, 'typo'], [accentless, 'accentless']].map(([query, kind]) => {
    if (!judged.has(query)) throw new Error(`${tsv}: no judged query \`${query}\` (benches/search/queries.mjs)`);
    return { lang, query, kind, words: words(query), first: judged.get(query) };
  });
}

// --- generated corpora ---------------------------------------------------------------

// The text of an article: front matter title and summary, body without link targets.
function articleText(md) {
  const m = md.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  const [front, body] = m ? [m[1], m[2]] : ['', md];
  const field = (name) => ((front.match(new RegExp(`^${name}: "(.*)"$`, 'm')) || [])[1] || '');
  return `${field('title')} ${field('summary')} ${body.replace(/\]\([^)]*\)/g, ']')}`;
}

/** Queries of a generated corpus (its puerta/ site), picked from the text of `lang`. */
export function corpusQueries(siteRoot, lang) {
  const dir = path.join(siteRoot, 'content', 'blog');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(`.${lang}.md`)).sort();
  const df = new Map(); // lower-cased word -> articles containing it
  const docs = [];
  for (const f of files) {
    const set = new Set(words(articleText(fs.readFileSync(path.join(dir, f), 'utf8')).toLowerCase())
      .filter((w) => /^\p{L}+$/u.test(w)));
    docs.push(set);
    for (const w of set) df.set(w, (df.get(w) || 0) + 1);
  }
  const n = docs.length;
  // Words of six letters or more, no folded twin (so an accent-less query means one word).
  const folded = new Map();
  for (const w of df.keys()) folded.set(fold(w), (folded.get(fold(w)) || 0) + 1);
  const usable = [...df.keys()].filter((w) => [...w].length >= 6 && folded.get(fold(w)) === 1);
  const near = (share, pool = usable, not = []) => pool.filter((w) => !not.includes(w))
    .sort((a, b) => Math.abs(df.get(a) - share * n) - Math.abs(df.get(b) - share * n) || (a < b ? -1 : 1))[0];
  const rare = near(0.01);
  const mid = near(0.05, usable, [rare]);
  const common = near(0.2, usable, [rare, mid]);
  // A pair: the 10 % word closest to its target that shares an article with the 2 % one.
  const a = near(0.02, usable, [rare, mid, common]);
  const b = usable.filter((w) => ![rare, mid, common, a].includes(w) && docs.some((d) => d.has(a) && d.has(w)))
    .sort((x, y) => Math.abs(df.get(x) - 0.1 * n) - Math.abs(df.get(y) - 0.1 * n) || (x < y ? -1 : 1))[0];
  const out = [
    { lang, query: rare, kind: 'plain', words: [rare], df: df.get(rare) },
    { lang, query: mid, kind: 'plain', words: [mid], df: df.get(mid) },
    { lang, query: common, kind: 'plain', words: [common], df: df.get(common) },
    { lang, query: `${a} ${b}`, kind: 'plain', words: [a, b], df: docs.filter((d) => d.has(a) && d.has(b)).length },
  ];
  const chars = [...mid];
  const cut = Math.floor(chars.length / 2);
  out.push({ lang, query: chars.filter((_, i) => i !== cut).join(''), kind: 'typo', words: [mid], df: df.get(mid) });
  const accented = near(0.05, usable.filter((w) => bare(w) !== w), [rare, mid, common, a, b]);
  if (accented) out.push({ lang, query: bare(accented), kind: 'accentless', words: [accented], df: df.get(accented) });
  return out.map((q) => ({ ...q, first: null }));
}

// --- plausibility --------------------------------------------------------------------

const textCache = new Map();
// The folded words of a built page's <main> (its whole body when it has none).
function pageWords(site, urlPath) {
  const key = `${site}\0${urlPath}`;
  if (!textCache.has(key)) {
    let file = path.join(site, decodeURIComponent(urlPath.split(/[?#]/)[0]));
    if (urlPath.endsWith('/')) file = path.join(file, 'index.html');
    let html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const main = html.match(/<main[\s\S]*<\/main>/);
    html = (main ? main[0] : html).replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ');
    textCache.set(key, new Set(words(fold(html))));
  }
  return textCache.get(key);
}

/** Whether `urlPath` is a plausible first result for `q` (see the top of this file). */
export function plausible(site, q, urlPath) {
  if (!urlPath) return false;
  if (q.first) return decodeURIComponent(new URL(urlPath, 'http://x').pathname) === q.first;
  const have = pageWords(site, urlPath);
  return q.words.every((w) => {
    const f = [...fold(w)];
    if (have.has(f.join(''))) return true;
    const need = Math.max(3, f.length - 3);
    for (const t of have) {
      const c = [...t];
      let same = 0;
      while (same < f.length && same < c.length && c[same] === f[same]) same += 1;
      if (same >= need) return true;
    }
    return false;
  });
}
