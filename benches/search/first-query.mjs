// Brotli bytes of a first query per kind of index file, from the JSON lines of
// `cargo run --release -p puerta-search-wasm --example first_query -- SITE LANG QUERY…`
// on standard input (kinds: the extension of the tantivy file a piece belongs to, and
// the open bundle). Usage: … | node benches/search/first-query.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file),
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
for (const line of lines) {
  const q = JSON.parse(line);
  const kinds = { open: brotli(path.join(q.dir, q.open)), 'index.json': brotli(path.join(q.dir, 'index.json')) };
  const count = {};
  for (const [piece, file] of q.pieces) {
    const kind = path.extname(file).slice(1) || file;
    kinds[kind] = (kinds[kind] || 0) + brotli(path.join(q.dir, piece));
    count[kind] = (count[kind] || 0) + 1;
  }
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  const parts = Object.entries(kinds).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}${count[k] ? `/${count[k]}` : ''}`).join(', ');
  console.log(`${q.lang} ${JSON.stringify(q.query).padEnd(28)} ${(total / 1024).toFixed(1).padStart(6)} KiB  rounds ${q.rounds}  warm ${q.warmMs.toFixed(2)} ms  total ${q.total}  first ${q.hits[0] || '-'}  [${parts}]`);
}
