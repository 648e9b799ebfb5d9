// Browser tests of search on a built site, in Debian's headless Chromium (DESIGN.md §9):
//   - no search request (loader, wasm, index) before the search box is used;
//   - in each language: typing a query shows the expected first result as you type,
//     the live region announces the count, arrow keys and Enter follow a result;
//   - /<lang>/search/?q= shows results on load (cold cache), a query with no result
//     says so and suggests where to go;
//   - with JavaScript off, every page still has the form, and the search page says
//     that search needs JavaScript;
//   - bytes fetched before the first result (raw, gzip, brotli as a static host would
//     serve them) and time to the first result, printed and written as JSON.
// Usage: node search.mjs <site-dir> [--json out.json] [--cases cases.json]
// Cases: [{"lang","query","first","hits"?}]: `first` is the path of the expected first
// hit (null: whatever comes first); `marks: false` when no snippet can show the words
// (a city found by an alias); `hits`, when given, the URLs the search page must
// list, in order (what `puerta search` answers natively: the same engine).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_JS = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const jsonOut = opt('--json');
const casesFile = opt('--cases');
const SITE = path.resolve(args[0] || '');
if (!args[0] || !fs.existsSync(path.join(SITE, 'index.html'))) {
  console.error('usage: node search.mjs <site-dir> [--json out.json] [--cases cases.json]');
  process.exit(2);
}
const CASES = casesFile ? JSON.parse(fs.readFileSync(casesFile, 'utf8')) : [
  { lang: 'es', query: 'puerta unica', first: '/es/services/soie/' },
  { lang: 'el', query: 'νομικη συμβουλευτικη', first: '/el/services/kifkif-legal/' },
  { lang: 'en', query: 'legal advice lgbti', first: '/en/services/kifkif-legal/' },
];

// --- static server that counts what it serves ------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.bin': 'application/octet-stream',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.ics': 'text/calendar' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = path.join(SITE, decodeURIComponent(url.pathname));
  if (!file.startsWith(SITE)) { res.writeHead(403).end(); return; }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end('not found'); return; }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// --- browser ----------------------------------------------------------------------
// launch() gives the browser a fresh temporary profile, and every test a new context.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
let checks = 0;
const check = (ok, what) => {
  checks += 1;
  if (ok) console.log(`  ok   ${what}`);
  else { failures += 1; console.log(`  FAIL ${what}`); }
};
const isSearch = (u) => new URL(u).pathname.startsWith('/search/');
const sizes = (file) => {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// axe-core on the page as it is now (results shown): the violations, as lines.
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE_JS });
  const { violations } = await page.evaluate((values) =>
    window.axe.run(document, { runOnly: { type: 'tag', values } }), AXE_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
const hrefPath = (href) => decodeURIComponent(new URL(href, origin).pathname);

async function fresh(options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  note: script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') console.log(`  note: console: ${m.text()}`); });
  return { context, page, requests };
}

const measures = [];
for (const { lang, query, first: expected, hits: native, marks = true } of CASES) {
  let first = expected; // null: whatever comes first (corpora without judged queries)
  console.log(`${lang}: "${query}" → ${first}`);
  // As you type, cold cache.
  {
    const { context, page, requests } = await fresh();
    await page.goto(`${origin}/${lang}/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    check(!requests.some(isSearch), 'no search request before the search box is used');
    const input = page.locator('form.site-search input[name=q]');
    check(await input.count() === 1, 'the page has a search box');
    const t0 = Date.now();
    await input.focus();
    await input.pressSequentially(query, { delay: 20 });
    const firstLink = page.locator('.search-popup .search-hits a').first();
    let shown = true;
    try { await firstLink.waitFor({ timeout: 15000 }); } catch { shown = false; }
    const ms = Date.now() - t0;
    // Results of a word still being typed may be replaced by those of the whole query.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    check(shown, `results as you type (${ms} ms from focus)`);
    if (shown) {
      if (!first) first = hrefPath(await firstLink.getAttribute('href'));
      check(hrefPath(await firstLink.getAttribute('href')) === first, `first result is ${first}`);
      const status = await page.locator('form.site-search [data-search-status]').textContent();
      check(/\d/.test(status), `the live region announces the count ("${status}")`);
      if (expected && marks) check(await page.locator('.search-popup mark').count() > 0, 'snippets highlight the words');
      const violations = await axe(page);
      check(violations.length === 0, `axe-core: no violation with the results open${violations.map((v) => `\n         ${v}`).join('')}`);
      const fetched = [...new Set(requests.filter(isSearch))];
      const total = { raw: 0, gzip: 0, brotli: 0 };
      const parts = {};
      for (const u of fetched) {
        const p = decodeURIComponent(new URL(u).pathname);
        const s = sizes(path.join(SITE, p));
        const part = p.endsWith('.wasm') ? 'wasm' : p.endsWith('.js') ? 'js' : 'index';
        parts[part] = parts[part] || { raw: 0, gzip: 0, brotli: 0, files: 0 };
        for (const k of ['raw', 'gzip', 'brotli']) { total[k] += s[k]; parts[part][k] += s[k]; }
        parts[part].files += 1;
      }
      const runs = await page.evaluate(() => performance.getEntriesByName('puerta-search').map((e) => e.duration));
      // Median of the queries that found every piece of the index at hand.
      const sorted = runs.sort((a, b) => a - b);
      const queryMs = sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
      measures.push({ lang, query, ms, queryMs, requests: fetched.length, total, parts, urls: fetched.map((u) => decodeURIComponent(new URL(u).pathname)) });
      await input.press('ArrowDown');
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href'));
      check(focused && hrefPath(focused) === first, 'ArrowDown moves to the first result');
      await Promise.all([page.waitForURL((u) => hrefPath(u.href) === first), page.keyboard.press('Enter')]);
      check(hrefPath(page.url()) === first, 'Enter follows it');
    }
    await context.close();
  }
  // ?q= on load, then a query with no result.
  {
    const { context, page } = await fresh();
    await page.goto(`${origin}/${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    const firstLink = page.locator('[data-search-results] .search-hits a').first();
    let shown = true;
    try { await firstLink.waitFor({ timeout: 15000 }); } catch { shown = false; }
    check(shown && hrefPath(await firstLink.getAttribute('href')) === first, '?q= shows results on load');
    if (native) {
      await page.waitForLoadState('networkidle');
      const listed = await page.locator('[data-search-results] .search-hits a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const same = listed.length === native.length && listed.every((h, i) => hrefPath(h) === hrefPath(native[i]));
      check(same, `the same ${native.length} results as puerta search natively${same ? '' : `: ${listed.join(' ')} vs ${native.join(' ')}`}`);
    }
    const input = page.locator('input#search-page-q');
    check(await input.inputValue() === query, 'the search page fills in the query');
    const more = page.locator('[data-search-results] .search-more');
    if (await more.count()) {
      const hits = page.locator('[data-search-results] .search-hits a');
      const before = await hits.count();
      await more.click();
      let grew = true;
      try { await hits.nth(before).waitFor({ timeout: 15000 }); } catch { grew = false; }
      const focused = grew && await hits.nth(before).evaluate((a) => a === document.activeElement);
      check(grew && focused, `"more results" adds hits after the first ${before} and focuses the first new one`);
    }
    const violations = await axe(page);
    check(violations.length === 0, `axe-core: no violation on the results page${violations.map((v) => `\n         ${v}`).join('')}`);
    await input.fill('zzqxw kifkif');
    const none = page.locator('[data-search-results] .search-none');
    let said = true;
    try { await none.waitFor({ timeout: 10000 }); } catch { said = false; }
    check(said, 'a query with no result says so');
    if (said) {
      check(await page.locator('[data-search-results] .search-browse a').count() > 0, 'and suggests where to go');
      check(await page.locator('[data-search-results] .search-words a').count() === 2, 'and each word alone');
    }
    await context.close();
  }
}

// JavaScript off.
{
  const { context, page, requests } = await fresh({ javaScriptEnabled: false });
  for (const { lang } of CASES) {
    await page.goto(`${origin}/${lang}/blog/`, { waitUntil: 'load' });
    const action = await page.locator('form.site-search').getAttribute('action');
    check(action === `/${lang}/search/`, `JavaScript off: /${lang}/blog/ has the form to ${action}`);
    await page.locator('form.site-search input[name=q]').fill('asilo');
    await Promise.all([page.waitForURL(/\/search\/\?q=asilo/), page.locator('form.site-search button').click()]);
    check(new URL(page.url()).searchParams.get('q') === 'asilo', 'the form leads to the search page with ?q=');
    const text = await page.locator('main').innerText();
    const noscript = await page.locator('noscript').count();
    check(noscript === 1 && text.includes('JavaScript'), 'which says that search needs JavaScript');
  }
  check(!requests.some(isSearch), 'JavaScript off: no search request');
  await context.close();
}

await browser.close();
server.close();

console.log('\nbytes before the first result (cold cache; gzip/brotli as a static host would serve them):');
console.log('lang  query                requests      raw     gzip   brotli   (wasm brotli, js brotli, index brotli)  first result / median query with the pieces at hand');
for (const m of measures) {
  const b = (p) => (m.parts[p] ? m.parts[p].brotli : 0);
  console.log(`${m.lang.padEnd(5)} ${m.query.padEnd(20)} ${String(m.requests).padStart(8)} ${String(m.total.raw).padStart(8)} ${String(m.total.gzip).padStart(8)} ${String(m.total.brotli).padStart(8)}   (${b('wasm')}, ${b('js')}, ${b('index')})  ${m.ms} ms / ${m.queryMs === null ? '?' : m.queryMs.toFixed(1)} ms`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(measures, null, 2));
console.log(`\n${checks - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
