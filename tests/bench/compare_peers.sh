#!/usr/bin/env bash
# wikirel beside wtf_wikipedia on the same files, in one run: prints both throughputs and
# their ratio. Installs the peers first (../shared/peers/setup.sh: npm and Debian packages).
#   tests/bench/compare_peers.sh WIKIREL_BENCH [DIR] [REPEAT]
set -euo pipefail
bench=${1:?usage: compare_peers.sh WIKIREL_BENCH [DIR] [REPEAT]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${WIKIREL_SHARED_DIR:-$root/../shared}
dir=${2:-$shared/corpus/wikitext}
repeat=${3:-20}
bash "$shared/peers/setup.sh" >/dev/null
ours=$("$bench" --repeat "$repeat" "$dir")
echo "$ours"
theirs=$(node "$shared/peers/wtf_bench.mjs" "$dir")
echo "$theirs"
rate() { sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p' | tail -n 1; }
a=$(rate <<<"$ours")
b=$(rate <<<"$theirs")
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio: wikirel full parse is %.0fx wtf_wikipedia (%.1f vs %.2f MB/s)\n", a / b, a, b }'
