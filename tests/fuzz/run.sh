#!/usr/bin/env bash
# Fuzz wikirel for N seconds (default 600):
#
#   ./tests/fuzz/run.sh 1800
#
# Configures build/fuzz with clang and WIKIREL_FUZZ=ON, builds wikirel_fuzz (libFuzzer +
# ASan + UBSan), checks that both the SSE2 and the scalar copies of the finders are linked
# in, then fuzzes with one process (the machine is shared) over a working corpus in
# build/fuzz/corpus, seeded from tests/fuzz/corpus (the source tree is never written).
# Crashes, timeouts and failed checks land in build/fuzz/artifacts/; the run goes on after
# each (fork mode with one worker). Minimize one with
#   build/fuzz/tests/wikirel_fuzz -minimize_crash=1 -runs=100000 build/fuzz/artifacts/crash-...
# and keep it under tests/fuzz/regressions/ with a line in its README.md.
#
# Environment: CXX (default clang++-14, else clang++), FUZZ_MAX_LEN (8192), FUZZ_TIMEOUT (10).
set -euo pipefail

seconds="${1:-600}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/fuzz"
cxx="${CXX:-}"
if [[ -z "$cxx" ]]; then
  if command -v clang++-14 >/dev/null; then cxx=clang++-14; else cxx=clang++; fi
fi

cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-stdlib=libstdc++" \
  -DWIKIREL_FUZZ=ON -DWIKIREL_BUILD_TESTS=ON -DWIKIREL_BUILD_EXAMPLES=OFF -DWIKIREL_INSTALL=OFF >/dev/null
cmake --build "$build" --target wikirel_fuzz -j 1

fuzzer="$build/tests/wikirel_fuzz"
# Two code paths, really: SSE2 finders from the ordinary headers, scalar ones from the
# WIKIREL_NO_SIMD copy (namespace wikirel_noSIMD).
symbols="$(nm -C "$fuzzer")"
grep -q 'wikirel::detail::find_first_of_sse2' <<<"$symbols" || { echo "run.sh: no SSE2 finder in $fuzzer" >&2; exit 1; }
grep -q 'wikirel_noSIMD::' <<<"$symbols" || { echo "run.sh: no scalar (wikirel_noSIMD) copy in $fuzzer" >&2; exit 1; }
if grep -q 'wikirel_noSIMD::detail::find_first_of_sse2' <<<"$symbols"; then
  echo "run.sh: the scalar copy contains SSE2 finders" >&2
  exit 1
fi

mkdir -p "$build/corpus" "$build/artifacts"
cp -n "$here"/corpus/* "$build/corpus/" 2>/dev/null || true
cd "$build"
exec "$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout="${FUZZ_TIMEOUT:-10}" \
  -rss_limit_mb=2048 -dict="$here/wikitext.dict" -artifact_prefix="$build/artifacts/" \
  -print_final_stats=1 "$build/corpus"
