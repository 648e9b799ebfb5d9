// Query time of the browser runtime after load, in node (the same V8 as Chromium),
// without a browser: the built site's index of one language is read from disk the way
// the loader fetches it (manifest, open bundle, then the pieces each call asks for),
// then every query runs `--runs` more times with every piece at hand; prints the
// median and fastest time of each, and the median of the medians.
// Usage: node benches/search/wasm-query.mjs WASM SITE LANG [--runs N] [--corpus SRC | QUERY…]
//   WASM    the runtime (target/puerta-search-wasm/…/puerta_search_runtime.wasm, or the
//           hashed copy under SITE/static/)
//   SITE    a built site (its search/<lang>/ directory is read)
//   --corpus SRC  the queries of benches/search/queries.mjs for a generated corpus
import fs from 'node:fs';
import path from 'node:path';
import { corpusQueries } from './queries.mjs';

const args = process.argv.slice(2);
let runs = 21;
let corpus = null;
const rest = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') runs = Number(args[(i += 1)]);
  else if (args[i] === '--corpus') corpus = args[(i += 1)];
  else rest.push(args[i]);
}
const [wasmPath, site, lang, ...typed] = rest;
if (!wasmPath || !site || !lang) {
  console.error('usage: node benches/search/wasm-query.mjs WASM SITE LANG [--runs N] [--corpus SRC | QUERY…]');
  process.exit(2);
}
const queries = corpus ? corpusQueries(corpus, lang).map((q) => q.query) : typed;

const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
const wasm = instance.exports;
const dir = path.join(site, 'search', lang);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytesIn = (bytes) => {
  const ptr = wasm.alloc(bytes.length);
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
};
const result = (ptr) => {
  if (!ptr) return null;
  const len = new DataView(wasm.memory.buffer).getUint32(ptr, true);
  const text = decoder.decode(new Uint8Array(wasm.memory.buffer, ptr + 4, len));
  wasm.dealloc(ptr, len + 4);
  return JSON.parse(text);
};
const withText = (text, f) => {
  const bytes = encoder.encode(text);
  const ptr = bytesIn(bytes);
  try { return f(ptr, bytes.length); } finally { wasm.dealloc(ptr, bytes.length); }
};
const put = (name, offset, bytes) => {
  const failed = withText(name, (p, n) => result(wasm.put(p, n, offset, bytesIn(bytes), bytes.length)));
  if (failed) throw new Error(failed.error);
};

const manifestBytes = fs.readFileSync(path.join(dir, 'index.json'));
const manifest = JSON.parse(decoder.decode(manifestBytes));
withText('index.json', (p, n) => wasm.declare(p, n, manifestBytes.length, manifestBytes.length));
put('index.json', 0, manifestBytes);
const chunkOf = (name) => manifest.files[name].chunk || manifest.chunk;
for (const [name, file] of Object.entries(manifest.files)) withText(name, (p, n) => wasm.declare(p, n, file.size, chunkOf(name)));
const bundle = fs.readFileSync(path.join(dir, manifest.open.url));
let at = 0;
for (const [name, offset, len] of manifest.open.ranges) {
  put(name, offset, bundle.subarray(at, at + len));
  at += len;
}
const until = (call) => {
  for (let round = 0; round < 16; round += 1) {
    const answer = call();
    if (answer.error) throw new Error(answer.error);
    if (!answer.need) return answer;
    for (const [name, n] of answer.need) {
      put(name, n * chunkOf(name), fs.readFileSync(path.join(dir, `${manifest.files[name].id}-${n}.bin`)));
    }
  }
  throw new Error('the index asked for too many pieces');
};
until(() => withText(lang, (p, n) => result(wasm.open(p, n))));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const medians = [];
for (const text of queries) {
  const request = JSON.stringify({ text });
  const first = until(() => withText(request, (p, n) => result(wasm.query(p, n))));
  const xs = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const answer = withText(request, (p, n) => result(wasm.query(p, n)));
    xs.push(performance.now() - t);
    if (answer.need || answer.error) throw new Error(`"${text}": ${JSON.stringify(answer).slice(0, 200)}`);
  }
  medians.push(median(xs));
  console.log(`${lang} ${JSON.stringify(text).padEnd(28)} ${median(xs).toFixed(2).padStart(6)} ms (fastest ${Math.min(...xs).toFixed(2)})  ${first.total} matches`);
}
console.log(`${lang} median of ${queries.length} queries: ${median(medians).toFixed(2)} ms`);
