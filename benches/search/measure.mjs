// puerta's search page vs Pagefind on the same built site, in Debian's headless Chromium
// (the approach of .ci/web/search.mjs: a node static server on loopback, playwright-core
// from .ci/web/node_modules, a fresh browser context, so a cold cache, for every load).
//   - puerta: /<lang>/search/?q=<query>, until the first result (or "no result") is in
//     the DOM of [data-search-results];
//   - Pagefind: /pagefind-bench/<lang>.html?q=<query>, a page written into the copy of
//     the site that imports /pagefind/pagefind.js, calls pagefind.options({}),
//     pagefind.search(q) and the first result's data() (its fragment: what showing it
//     needs), then puts that result in the DOM.
// Time: performance.now() at that moment, i.e. from the start of the navigation.
// Query time after load (first load of each query only): the same query run 7 more
// times with every piece at hand, median: puerta's search page runs it again on an
// input event and times the runtime's call (its "puerta-search" performance measures);
// the Pagefind page times pagefind.search(q) and the first result's data().
// Bytes: every response (status 200) that had ended by then, the page itself and what
// Pagefind's web worker fetches included, counted as a static host serves them: brotli
// (quality 11) of the file, except Pagefind's files that are already gzip on disk (index,
// fragments, wasm), which a host serves as they are (Pagefind decompresses them itself):
// their size on disk.
// Usage: node measure.mjs --puerta SITE --pagefind COPY (--example ROOT | --corpus SITE_ROOT)
//          --scale NAME [--runs 3] [--json out.json] [--indexing indexing.json]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { exampleQueries, corpusQueries, plausible } from './queries.mjs';
import { summarize } from './report.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '../../.ci/web/package.json'));
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LANGS = ['es', 'el', 'en'];
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const PUERTA = path.resolve(opt('--puerta', ''));
const PAGEFIND = path.resolve(opt('--pagefind', ''));
const scale = opt('--scale', 'example');
const runs = Number(opt('--runs', '3'));
const jsonOut = opt('--json');
const indexing = opt('--indexing') ? JSON.parse(fs.readFileSync(opt('--indexing'), 'utf8')) : {};
if (!fs.existsSync(path.join(PUERTA, 'index.html')) || !fs.existsSync(path.join(PAGEFIND, 'pagefind'))
  || !(opt('--example') || opt('--corpus'))) {
  console.error('usage: node measure.mjs --puerta SITE --pagefind COPY (--example ROOT | --corpus SITE_ROOT) --scale NAME [--runs 3] [--json out.json] [--indexing file.json]');
  process.exit(2);
}
const queries = LANGS.flatMap((lang) => (opt('--example')
  ? exampleQueries(path.resolve(opt('--example')), lang)
  : corpusQueries(path.resolve(opt('--corpus')), lang)));

// --- the Pagefind page -----------------------------------------------------------------
for (const lang of LANGS) {
  fs.mkdirSync(path.join(PAGEFIND, 'pagefind-bench'), { recursive: true });
  fs.writeFileSync(path.join(PAGEFIND, 'pagefind-bench', `${lang}.html`), `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><ol id="hits"></ol><p id="count"></p>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({});
const search = await pagefind.search(q);
const first = search.results.length ? await search.results[0].data() : null;
if (first) {
  const a = document.createElement('a');
  a.href = first.url;
  a.textContent = first.meta.title || first.url;
  const li = document.createElement('li');
  li.append(a);
  document.getElementById('hits').append(li);
}
document.getElementById('count').textContent = String(search.results.length);
window.__first = { ms: performance.now(), hits: search.results.length, url: first && first.url };
window.__after = async () => {
  const xs = [];
  for (let i = 0; i < 7; i += 1) {
    const t = performance.now();
    const again = await pagefind.search(q);
    if (again.results.length) await again.results[0].data();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[3];
};
if (window.__benchDone) window.__benchDone();
</script></body></html>
`);
}

// --- static servers ----------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
async function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
const puerta = await serve(PUERTA);
const pf = await serve(PAGEFIND);

// --- bytes as a static host serves them ------------------------------------------------------
const sizeCache = new Map();
function sizes(root, p) {
  const file = path.join(root, p.endsWith('/') ? `${p}index.html` : p);
  if (!sizeCache.has(file)) {
    const disk = fs.readFileSync(file);
    const gz = disk[0] === 0x1f && disk[1] === 0x8b;
    const raw = gz ? zlib.gunzipSync(disk) : disk;
    const brotli = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    sizeCache.set(file, { served: gz ? disk.length : brotli, raw: raw.length, brotli, gzipOnDisk: gz });
  }
  return sizeCache.get(file);
}
const partOf = {
  puerta: (p) => (!p.startsWith('/search/') ? 'other' : p.endsWith('.wasm') ? 'wasm' : p.endsWith('.js') ? 'js' : 'index'),
  pagefind: (p) => (!p.startsWith('/pagefind/') ? 'other' : p.endsWith('.js') ? 'js'
    : /\/wasm\.[^/]*\.pagefind$/.test(p) ? 'wasm' : p.endsWith('.pf_fragment') ? 'fragment' : 'index'),
};
// Bytes per part (js, wasm, index, fragment, other) of the responses, and each file with
// its start and end (ms from the start of the navigation).
function account(engine, root, origin, resources) {
  const seen = new Set();
  const parts = {};
  const files = [];
  for (const { url, start, end } of resources.filter((r) => r.url.startsWith(origin))) {
    const p = decodeURIComponent(new URL(url).pathname);
    if (seen.has(p)) continue;
    seen.add(p);
    const s = sizes(root, p);
    const part = partOf[engine](p);
    parts[part] = parts[part] || { served: 0, raw: 0, brotli: 0, files: 0 };
    for (const k of ['served', 'raw', 'brotli']) parts[part][k] += s[k];
    parts[part].files += 1;
    files.push({ path: p, part, start, end, ...s });
  }
  return { parts, files };
}

// --- browser -------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// One cold load (fresh context): what the page recorded at its first result, and the
// responses that had ended by then. Those are taken from the browser context, not from
// the page's Resource Timing, which misses what a worker fetches (Pagefind searches in
// a web worker); the page says when it is done through a binding.
async function load(url, setup, after = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let doneAt = null;
  const finished = [];
  context.on('requestfinished', async (r) => {
    const at = Date.now();
    const response = await r.response();
    if (response && response.status() === 200) {
      const t = r.timing(); // startTime: epoch ms; responseEnd: ms after startTime
      finished.push({ url: r.url(), at, startTime: t.startTime, took: t.responseEnd });
    }
  });
  await context.exposeBinding('__benchDone', () => { doneAt = doneAt || Date.now(); });
  if (setup) await context.addInitScript(setup);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__first, null, { timeout: 60000, polling: 50 });
    const first = await page.evaluate(() => window.__first);
    const origin = await page.evaluate(() => performance.timeOrigin);
    await page.waitForTimeout(20); // the events of responses that ended before the binding call
    const round = (x) => Math.round(x * 10) / 10;
    const resources = finished.filter((f) => f.at <= doneAt).map((f) => ({ url: f.url,
      start: round(f.startTime - origin), end: f.took >= 0 ? round(f.startTime - origin + f.took) : null }));
    const queryMs = after ? await page.evaluate(() => (window.__after ? window.__after() : null)) : null;
    return { ...first, resources, errors, queryMs };
  } catch (e) {
    return { error: `${e.message.split('\n')[0]} ${errors.join(' ')}`.trim() };
  } finally {
    await context.close();
  }
}
// On puerta's search page: the first result, "no result" or an error, as it lands in the DOM.
const puertaSetup = () => {
  const look = () => {
    if (window.__first) return;
    const box = document.querySelector('[data-search-results]');
    const shown = box && box.querySelector('.search-hits a, .search-none, .search-error');
    if (!shown) return;
    const count = box.querySelector('.count');
    window.__first = {
      ms: performance.now(),
      hits: shown.matches('.search-hits a') ? Number((count ? count.textContent : '').replace(/\D/g, '')) : 0,
      url: shown.matches('a') ? shown.getAttribute('href') : null,
      failed: shown.matches('.search-error'),
    };
    window.__benchDone();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  // The same query again, 7 times: the median of the runtime's calls that had every
  // piece at hand (the loader's "puerta-search" measures).
  window.__after = async () => {
    const input = document.querySelector('#search-page-q');
    for (let i = 0; i < 7; i += 1) {
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 150));
    }
    const xs = performance.getEntriesByName('puerta-search').map((e) => e.duration).sort((a, b) => a - b);
    return xs.length ? xs[Math.floor((xs.length - 1) / 2)] : null;
  };
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const results = [];
for (const q of queries) {
  const out = { ...q };
  const targets = {
    puerta: { root: PUERTA, url: `${puerta.origin}/${q.lang}/search/?q=${encodeURIComponent(q.query)}`, origin: puerta.origin, setup: puertaSetup },
    pagefind: { root: PAGEFIND, url: `${pf.origin}/pagefind-bench/${q.lang}.html?q=${encodeURIComponent(q.query)}`, origin: pf.origin },
  };
  for (const engine of Object.keys(targets)) out[engine] = { ms: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const [engine, t] of Object.entries(targets)) { // alternate, so both see the same load
      const r = await load(t.url, t.setup, run === 0);
      const o = out[engine];
      if (r.error || r.failed) { o.error = r.error || 'the search page showed an error'; continue; }
      o.ms.push(r.ms);
      if (run === 0) {
        Object.assign(o, { hits: r.hits, first: r.url, plausible: plausible(PUERTA, q, r.url), queryMs: r.queryMs },
          account(engine, t.root, t.origin, r.resources));
        if (r.errors.length) o.pageErrors = r.errors;
      }
    }
  }
  for (const engine of Object.keys(targets)) out[engine].msMedian = median(out[engine].ms);
  results.push(out);
  const line = (e) => { const o = out[e]; return o.error ? `${e} ERROR ${o.error}`
    : `${e} ${o.msMedian.toFixed(0)} ms (then ${o.queryMs === null || o.queryMs === undefined ? '?' : o.queryMs.toFixed(1)} ms), ${o.hits} hits, first ${o.first}${o.plausible ? '' : ' (not plausible)'}`; };
  console.log(`${q.lang} ${q.kind.padEnd(10)} "${q.query}": ${line('puerta')} | ${line('pagefind')}`);
}
const chromiumVersion = browser.version();
await browser.close();
puerta.server.close();
pf.server.close();

const report = { scale, runs, chromium: chromiumVersion, indexing, queries: results, summary: summarize(results) };
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
