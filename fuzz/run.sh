#!/bin/sh
# Runs the fuzz targets one after the other, each for SECONDS (default 180), with its
# dictionary (fuzz/dict/) and its corpus (fuzz/corpus/, seeded by fuzz/seed.sh when
# missing). One job at a time: the machines have two cores.
#
#     fuzz/run.sh [SECONDS] [TARGET...]      e.g. fuzz/run.sh 60 markdown
#
# A crash stops that target with its input in fuzz/artifacts/<target>/; keep it in
# tests/fuzz-regressions/<target>/ once fixed. Extra libFuzzer flags: FUZZ_FLAGS.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-180}
[ $# -gt 0 ] && shift
targets=${*:-front_matter directory_yaml markdown search_query}
[ -d fuzz/corpus ] || fuzz/seed.sh
# The fuzz targets do not need the browser runtime that build.rs compiles to wasm.
export PUERTA_SKIP_WASM=1
for target in $targets; do
    echo "== $target: $seconds s"
    # shellcheck disable=SC2086
    cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" \
        -dict="fuzz/dict/$target.dict" -print_final_stats=1 ${FUZZ_FLAGS:-} ||
        failed="${failed:-} $target"
done
if [ -n "${failed:-}" ]; then
    echo "crashed:$failed (inputs in fuzz/artifacts/)"
    exit 1
fi
