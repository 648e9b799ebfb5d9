// Browser checks of a built site, in Debian's headless Chromium:
//   - zero axe-core violations (WCAG 2.0/2.1 A+AA, 2.2 AA), at 360 px and at 1280 px wide,
//   - zero requests to hosts other than 127.0.0.1 / localhost,
//   - no horizontal overflow at 360 px (scrollWidth <= 360).
// Usage: node axe.mjs <site-dir> [/url/path ...]   (default: one page of each type)
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_JS = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [360, 1280];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif',
  '.gif': 'image/gif', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const [siteArg, ...urlArgs] = process.argv.slice(2);
if (!siteArg) { console.error('usage: node axe.mjs <site-dir> [/url/path ...]'); process.exit(2); }
const SITE = path.resolve(siteArg);

// --- pages to check ---------------------------------------------------------------
const isFile = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const subdirs = (rel) => {
  try {
    return fs.readdirSync(path.join(SITE, rel), { withFileTypes: true })
      .filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch { return []; }
};
// First `<dir>/<name>/` that has an index.html, `name` not in `skip`.
const firstPage = (dir, skip = [], prefer = []) => {
  const names = subdirs(dir).filter((n) => !skip.includes(n));
  names.sort((a, b) => (prefer.includes(b) - prefer.includes(a)));
  const n = names.find((n) => isFile(path.join(SITE, dir, n, 'index.html')));
  return n === undefined ? undefined : `/${dir}/${n}/`;
};
const blogSkip = ['page', 'category', 'tag'];
const defaultPages = () => ({
  'language chooser': '/', 'es home': '/es/', 'el home': '/el/', 'en home': '/en/',
  'es blog': '/es/blog/',
  'es article': firstPage('es/blog', blogSkip),
  'es category': firstPage('es/blog/category'),
  'es tag': firstPage('es/blog/tag'),
  'el article': firstPage('el/blog', blogSkip),
  'en page': firstPage('en', ['blog', 'search', 'directory', 'services', 'organizations',
    'seminars', 'cities', 'networks', 'laws'], ['about']),
  'es directory': '/es/directory/', 'es search': '/es/search/',
  'es service': firstPage('es/services'), 'es organization': firstPage('es/organizations'),
  'es seminar': firstPage('es/seminars'), 'es city': firstPage('es/cities'),
  'es network': firstPage('es/networks'), 'es law': firstPage('es/laws'),
  'not found': '/404.html',
});
const fileFor = (urlPath) => {
  const p = path.join(SITE, decodeURIComponent(urlPath));
  if (!p.startsWith(SITE)) return undefined;
  return urlPath.endsWith('/') ? path.join(p, 'index.html') : p;
};
let pages = urlArgs;
if (pages.length === 0) {
  pages = [];
  for (const [kind, url] of Object.entries(defaultPages())) {
    if (url && isFile(fileFor(url))) pages.push(url);
    else console.log(`note: no ${kind} page found${url ? ` (${url})` : ''}; not checked`);
  }
}
if (pages.length === 0) { console.error(`no pages to check in ${SITE}`); process.exit(1); }

// --- static file server on 127.0.0.1 ------------------------------------------------
const server = http.createServer((req, res) => {
  const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
  let file = fileFor(urlPath);
  if (file && !urlPath.endsWith('/') && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    res.writeHead(301, { Location: `${urlPath}/` }).end();
    return;
  }
  let status = 200;
  if (!file || !isFile(file)) { status = 404; file = path.join(SITE, '404.html'); }
  if (!isFile(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
  const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(status, { 'Content-Type': type });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// --- browser ----------------------------------------------------------------------
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puerta-axe-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: WIDTHS[0], height: 740 },
});
const isLocal = (u) => {
  const { protocol, hostname } = new URL(u);
  return !['http:', 'https:', 'ws:', 'wss:'].includes(protocol)
    || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};
let external = [];
let brokenLocal = [];
context.on('request', (r) => { if (!isLocal(r.url())) external.push(`${r.method()} ${r.url()}`); });
context.on('response', (r) => {
  if (r.status() >= 400 && isLocal(r.url()) && !r.url().endsWith('/404.html')) brokenLocal.push(`${r.status()} ${r.url()}`);
});
// Third-party requests are recorded above, then refused: the machine has no network anyway.
await context.route((u) => !isLocal(u.href), (route) => route.abort('blockedbyclient'));

let failures = 0;
const fail = (msg) => { failures += 1; console.log(`  FAIL ${msg}`); };
const page = context.pages()[0] ?? await context.newPage();
page.on('websocket', (ws) => { if (!isLocal(ws.url())) external.push(`WS ${ws.url()}`); });
page.on('pageerror', (e) => console.log(`  note: script error: ${e.message}`));

console.log(`axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'))).version}, ` +
  `${CHROMIUM} ${context.browser()?.version() ?? ''}, serving ${SITE} at ${origin}`);
for (const url of pages) {
  console.log(`${url}`);
  external = []; brokenLocal = [];
  await page.setViewportSize({ width: WIDTHS[0], height: 740 });
  const resp = await page.goto(origin + url, { waitUntil: 'load' });
  if (resp && resp.status() >= 400 && url !== '/404.html') fail(`HTTP ${resp.status()}`);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    if (width === 360) {
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      if (sw > 360) fail(`horizontal overflow at 360 px: scrollWidth ${sw}`);
    }
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE_JS });
    const { violations } = await page.evaluate((values) =>
      window.axe.run(document, { runOnly: { type: 'tag', values } }), TAGS);
    for (const v of violations) {
      fail(`axe @${width}px ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`);
      for (const n of v.nodes.slice(0, 10)) console.log(`         ${n.target.join(' ')}  ${n.html.slice(0, 160)}`);
      if (v.nodes.length > 10) console.log(`         … and ${v.nodes.length - 10} more`);
    }
  }
  for (const r of new Set(external)) fail(`third-party request: ${r}`);
  for (const r of new Set(brokenLocal)) console.log(`  note: ${r}`);
}

await context.close();
server.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`${pages.length} page(s) checked: ${failures === 0 ? 'ok' : `${failures} failure(s)`}`);
process.exit(failures === 0 ? 0 : 1);
