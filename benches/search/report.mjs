// Tables of the search benchmark: medians across the queries of each language, from the
// per-query figures of measure.mjs. Run alone, prints the tables of the JSON files given:
//   node report.mjs target/bench/search-example.json target/bench/search-1000.json …
import fs from 'node:fs';

const ENGINES = ['puerta', 'pagefind'];
const median = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const served = (o, part) => (o.parts && o.parts[part] ? o.parts[part].served : 0);
/** Bytes of search itself (JS, wasm, index pieces and Pagefind's fragments), as served. */
export const searchBytes = (o) => ['js', 'wasm', 'index', 'fragment'].reduce((n, p) => n + served(o, p), 0);

/** Per language and engine: medians across queries, plausible first results, errors. */
export function summarize(results) {
  const out = {};
  for (const lang of [...new Set(results.map((r) => r.lang))]) {
    out[lang] = {};
    for (const engine of ENGINES) {
      const all = results.filter((r) => r.lang === lang);
      const ok = all.map((r) => r[engine]).filter((o) => !o.error);
      out[lang][engine] = {
        queries: all.length,
        errors: all.length - ok.length,
        searchBytes: median(ok.map(searchBytes)),
        js: median(ok.map((o) => served(o, 'js'))),
        wasm: median(ok.map((o) => served(o, 'wasm'))),
        index: median(ok.map((o) => served(o, 'index') + served(o, 'fragment'))),
        page: median(ok.map((o) => served(o, 'other'))),
        ms: median(ok.map((o) => o.msMedian)),
        queryMs: median(ok.map((o) => o.queryMs)),
        plausible: ok.filter((o) => o.plausible).length,
        zeroHits: ok.filter((o) => o.hits === 0).length,
        hits: median(ok.map((o) => o.hits)),
      };
    }
  }
  return out;
}

const kb = (n) => (n === null ? '–' : `${(n / 1024).toFixed(1)}`);
const ms = (n) => (n === null ? '–' : n.toFixed(0));

/** The Markdown table of one or more scales ({scale, summary} each). */
export function table(reports) {
  const lines = [
    '| scale | lang | engine | search KiB before 1st result (JS + wasm + index) | JS | wasm | index | page (HTML, CSS) | time to 1st result (ms) | query after load (ms) | 1st result judged right (example) or plausible (corpora) / queries | queries with 0 hits | hits (median) |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const { scale, summary } of reports) {
    for (const [lang, engines] of Object.entries(summary)) {
      for (const engine of ENGINES) {
        const s = engines[engine];
        const errors = s.errors ? ` (${s.errors} failed)` : '';
        lines.push(`| ${scale} | ${lang} | ${engine} | ${kb(s.searchBytes)} | ${kb(s.js)} | ${kb(s.wasm)} | ${kb(s.index)} | ${kb(s.page)} | ${ms(s.ms)} | ${s.queryMs === null || s.queryMs === undefined ? '–' : s.queryMs.toFixed(1)} | ${s.plausible}/${s.queries}${errors} | ${s.zeroHits} | ${s.hits ?? '–'} |`);
      }
    }
  }
  return lines.join('\n');
}

/** The table of indexing figures of one or more scales. */
export function indexingTable(reports) {
  const lines = [
    '| scale | puerta `index` stage (s) | puerta whole build: wall (s), peak RSS (MiB) | Pagefind: wall (s), peak RSS (MiB) | Pagefind bundle: files, MB | puerta search/: files, MB |',
    '|---|--:|--:|--:|--:|--:|',
  ];
  const f = (x, d = 1) => (x === undefined || x === null ? '–' : Number(x).toFixed(d));
  for (const { scale, indexing: i = {} } of reports) {
    lines.push(`| ${scale} | ${f(i.puertaIndexS, 2)} | ${f(i.puertaBuildS, 1)}, ${f(i.puertaBuildRssMiB, 0)} | ${f(i.pagefindS, 1)}, ${f(i.pagefindRssMiB, 0)} | ${i.pagefindFiles ?? '–'}, ${f(i.pagefindBytes / 1e6, 1)} | ${i.puertaSearchFiles ?? '–'}, ${f(i.puertaSearchBytes / 1e6, 1)} |`);
  }
  return lines.join('\n');
}

/** Every query of a report: hits and first result of each engine. */
export function queryTable(report) {
  const lines = [
    '| lang | kind | query | puerta hits | puerta 1st | puerta ms | Pagefind hits | Pagefind 1st | Pagefind ms |',
    '|---|---|---|--:|---|--:|--:|---|--:|',
  ];
  const cell = (o) => (o.error ? ['error', o.error, '–']
    : [o.hits, `${o.first ? decodeURI(o.first) : '–'}${o.plausible ? '' : ' ✗'}`, ms(o.msMedian)]);
  for (const q of report.queries) {
    lines.push(`| ${q.lang} | ${q.kind} | ${q.query} | ${cell(q.puerta).join(' | ')} | ${cell(q.pagefind).join(' | ')} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reports = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  if (reports.length === 0) {
    console.error('usage: node report.mjs search-<scale>.json …');
    process.exit(2);
  }
  console.log(`${table(reports)}\n\n${indexingTable(reports)}`);
  for (const r of reports) console.log(`\n${r.scale}, every query (✗: first result not the judged one, or not plausible):\n\n${queryTable(r)}`);
}
