#!/usr/bin/env bash
# Search benchmark: puerta's search page vs Pagefind 1.6 indexing the same built HTML.
# Usage: benches/search/compare.sh [--n N]… [--example] [--runs R]
#   --example  the example site of this repository (the default when no scale is given)
#   --n N      the corpus of ../shared/bench/gen_corpus.py --n N (N articles per language),
#              generated under target/bench/nN/ unless already there
#   --runs R   cold loads per query and engine (median time), default 3
# Per scale: puerta build --release into a directory, Pagefind (benches/search/package.json,
# installed here with npm ci) on a copy of it, then measure.mjs in Debian's headless
# Chromium with playwright-core from .ci/web (.ci/install-tools). Writes
# target/bench/search-<scale>.json and prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=${BENCH_DIR:-$ROOT/target/bench}
SHARED=${SHARED_DIR:-$ROOT/../shared}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
NOW=2026-11-26T12:00:00Z
RUNS=3
SCALES=()
usage() { sed -n '3,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --n) [ $# -ge 2 ] || usage; SCALES+=("$2"); shift 2 ;;
    --example) SCALES+=(example); shift ;;
    --runs) [ $# -ge 2 ] || usage; RUNS=$2; shift 2 ;;
    *) usage ;;
  esac
done
[ ${#SCALES[@]} -gt 0 ] || SCALES=(example)
[ -d .ci/web/node_modules/playwright-core ] || { echo "playwright-core missing: run .ci/install-tools" >&2; exit 2; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "Chromium missing: apt-get install chromium" >&2; exit 2; }

(cd benches/search && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
PAGEFIND=$ROOT/benches/search/node_modules/.bin/pagefind
cargo build --release -q
BIN=$TARGET/release/puerta
mkdir -p "$BENCH"

# Site chrome that is not content, left out of Pagefind's index: header, navigation,
# footer, the search forms and puerta's search page (its words are the interface's).
EXCLUDE='header, nav, footer, form[role=search], .search-page-form'

JSONS=()
for scale in "${SCALES[@]}"; do
  if [ "$scale" = example ]; then
    SRC=$ROOT
    WORK=$BENCH/search-example
    QUERIES=(--example "$ROOT")
  else
    WORK=$BENCH/n$scale
    SRC=$WORK/corpus/puerta
    QUERIES=(--corpus "$SRC")
    if [ ! -f "$SRC/puerta.yaml" ]; then
      echo "generating the corpus of $scale articles per language…"
      python3 "$SHARED/bench/gen_corpus.py" --n "$scale" --out "$WORK/corpus" --targets puerta --force >/dev/null
    fi
  fi
  SITE=$WORK/search-puerta
  COPY=$WORK/search-pagefind
  mkdir -p "$WORK"
  echo "== $scale: puerta build"
  /usr/bin/time -f '%e %M' -o "$WORK/puerta-time.txt" \
    "$BIN" --root "$SRC" build --out "$SITE" --now "$NOW" 2>"$WORK/puerta-build.log" >/dev/null \
    || { cat "$WORK/puerta-build.log" >&2; exit 1; }
  echo "== $scale: Pagefind on a copy"
  rm -rf "$COPY"
  cp -r "$SITE" "$COPY"
  rm -rf "$COPY/pagefind" "$COPY/pagefind-bench"
  /usr/bin/time -f '%e %M' -o "$WORK/pagefind-time.txt" \
    "$PAGEFIND" --site "$COPY" --exclude-selectors "$EXCLUDE" >"$WORK/pagefind.log" 2>&1 \
    || { cat "$WORK/pagefind.log" >&2; exit 1; }
  grep -iE 'indexed|language' "$WORK/pagefind.log" | sed 's/^/   /' || true
  python3 - "$WORK" "$SITE" "$COPY" "$("$PAGEFIND" --version)" >"$WORK/indexing.json" <<'EOF'
import json, os, re, sys
work, site, copy, version = sys.argv[1:5]
def tree(d):
    files = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs]
    return len(files), sum(os.path.getsize(f) for f in files)
pw, pm = open(f"{work}/puerta-time.txt").read().split()[-2:]
fw, fm = open(f"{work}/pagefind-time.txt").read().split()[-2:]
stage = re.search(r"^\s*index\s+([\d.]+) ms", open(f"{work}/puerta-build.log").read(), re.M)
pf_files, pf_bytes = tree(f"{copy}/pagefind")
ps_files, ps_bytes = tree(f"{site}/search")
json.dump({
    "pagefindVersion": version.strip(),
    "puertaIndexS": float(stage.group(1)) / 1000 if stage else None,
    "puertaBuildS": float(pw), "puertaBuildRssMiB": int(pm) / 1024,
    "pagefindS": float(fw), "pagefindRssMiB": int(fm) / 1024,
    "pagefindFiles": pf_files, "pagefindBytes": pf_bytes,
    "puertaSearchFiles": ps_files, "puertaSearchBytes": ps_bytes,
}, sys.stdout)
EOF
  echo "== $scale: headless Chromium, $RUNS cold loads per query and engine"
  node benches/search/measure.mjs --puerta "$SITE" --pagefind "$COPY" "${QUERIES[@]}" \
    --scale "$scale" --runs "$RUNS" --indexing "$WORK/indexing.json" --json "$BENCH/search-$scale.json"
  JSONS+=("$BENCH/search-$scale.json")
done
echo
node benches/search/report.mjs "${JSONS[@]}"
