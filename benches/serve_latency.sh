#!/usr/bin/env bash
# Save-to-reload latency of `puerta serve`: edits one article of a site, waits for the
# reload long-poll to answer, and prints the time between the save and the answer.
#
#   benches/serve_latency.sh SITE_DIR [RUNS]      (SITE_DIR: e.g. gen_corpus.py output /puerta)
#
# Uses target/release/puerta (or $PUERTA); the edited article is restored at the end.
set -euo pipefail
SITE=$1
RUNS=${2:-3}
BIN=${PUERTA:-$PWD/target/release/puerta}
ARTICLE=$(find "$SITE/content/blog" -name "*.es.md" -print -quit)
BACKUP=$(mktemp)
cp "$ARTICLE" "$BACKUP"
LOG=$(mktemp)
SCRATCH=$(mktemp -d)
TMPDIR=$SCRATCH "$BIN" serve --port 0 --root "$SITE" 2>"$LOG" &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; cp "$BACKUP" "$ARTICLE"; rm -rf "$SCRATCH" "$BACKUP" "$LOG"; }
trap cleanup EXIT
until grep -q 'Serving every language at' "$LOG"; do sleep 0.2; done
URL=$(grep -o 'http://[^ ]*' "$LOG" | head -1)
sleep 1 # the watcher starts right after the URL is printed
times=()
for run in $(seq "$RUNS"); do
  indexed=$(grep -c 'Search indexes updated' "$LOG" || true)
  version=$(curl -s "${URL}__puerta/reload?v=none")
  curl -s "${URL}__puerta/reload?v=$version" >/dev/null &
  POLL=$!
  sleep 0.2
  start=$(date +%s%N)
  printf '\nEdit %s at %s.\n' "$run" "$start" >>"$ARTICLE"
  wait "$POLL"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  grep 'Built' "$LOG" | tail -1
  echo "run $run: save to reload $ms ms"
  # Let the search indexes catch up before the next edit.
  until [ "$(grep -c 'Search indexes updated' "$LOG" || true)" -gt "$indexed" ]; do sleep 0.2; done
  grep 'Search indexes updated' "$LOG" | tail -1
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median save to reload: " a[int((NR+1)/2)] " ms"}'
