#!/usr/bin/env bash
# Save-to-visible latency of `puerta serve`: edits one article of a site, waits for
# the reload long-poll to answer, then fetches the edited page and checks that it
# holds the edit (what a browser does on reload). Prints both times per run, then
# their medians.
#
#   benches/serve_latency.sh SITE_DIR [RUNS]      (SITE_DIR: e.g. gen_corpus.py output /puerta)
#
# Uses target/release/puerta (or $PUERTA); the edited article is restored at the end.
set -euo pipefail
SITE=$1
RUNS=${2:-5}
BIN=${PUERTA:-$PWD/target/release/puerta}
ARTICLE=$(find "$SITE/content/blog" -name "*.es.md" -print -quit)
# The article's page: its slug, or its key when it has none.
NAME=$(basename "$ARTICLE" .es.md)
SLUG=$(sed -n 's/^slug: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$ARTICLE" | head -1)
PAGE="es/blog/${SLUG:-$NAME}/"
BACKUP=$(mktemp)
cp "$ARTICLE" "$BACKUP"
LOG=$(mktemp)
SCRATCH=$(mktemp -d)
TMPDIR=$SCRATCH "$BIN" serve --port 0 --root "$SITE" >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; cp "$BACKUP" "$ARTICLE"; rm -rf "$SCRATCH" "$BACKUP" "$LOG"; }
trap cleanup EXIT
until grep -q 'Serving every language at' "$LOG"; do sleep 0.2; done
URL=$(grep -o 'http://[^ ]*' "$LOG" | head -1)
sleep 1 # the watcher starts right after the URL is printed
curl -sf "$URL$PAGE" >/dev/null || { echo "no page at $URL$PAGE" >&2; exit 1; }
reloads=()
visibles=()
for run in $(seq "$RUNS"); do
  indexed=$(grep -c 'Search indexes updated\|Still serving' "$LOG" || true)
  version=$(curl -s "${URL}__puerta/reload?v=none")
  curl -s "${URL}__puerta/reload?v=$version" >/dev/null &
  POLL=$!
  sleep 0.2
  mark="Edit $run at $(date +%s%N)."
  start=$(date +%s%N)
  printf '\n%s\n' "$mark" >>"$ARTICLE"
  wait "$POLL"
  reloaded=$(date +%s%N)
  page=$(curl -s "$URL$PAGE")
  end=$(date +%s%N)
  grep -qF "$mark" <<<"$page" || { echo "run $run: the page does not hold the edit" >&2; exit 1; }
  reloads+=($(( (reloaded - start) / 1000000 )))
  visibles+=($(( (end - start) / 1000000 )))
  grep 'Updated the site' "$LOG" | tail -1
  echo "run $run: save to reload ${reloads[-1]} ms, save to edited page ${visibles[-1]} ms"
  # Let the search indexes catch up before the next edit (or the build fail).
  until [ "$(grep -c 'Search indexes updated\|Still serving' "$LOG" || true)" -gt "$indexed" ]; do sleep 0.2; done
  grep 'Search indexes updated\|Still serving' "$LOG" | tail -1
  if grep -q 'Still serving' "$LOG"; then echo "a build failed:" >&2; grep -v '^Updated\|^Changed' "$LOG" >&2; exit 1; fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median save to reload: $(median "${reloads[@]}") ms"
echo "median save to edited page visible: $(median "${visibles[@]}") ms"
echo "load: $(uptime)"
