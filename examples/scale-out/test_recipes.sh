#!/usr/bin/env bash
# test_recipes.sh CLI DUMP.xml.bz2 OUTDIR
#
# Checks that every scale-out recipe prints, byte for byte, what one process prints:
#   bzcat DUMP | CLI --json --no-progress -
# against: split_dump.py's chunks, the Dask recipe on a LocalCluster of 2 worker processes, the
# GNU parallel recipe with -j 2, and a multistream dump made from DUMP (split_dump.py --index and
# the Dask recipe --index). Chunks and blocks are made small, so that each recipe really runs
# several of them (checked). Needs bzip2, GNU parallel and a Python ($PYTHON, else
# /usr/bin/python3) with Debian's python3-distributed.
set -uo pipefail

if (($# != 3)); then
  echo "usage: test_recipes.sh CLI DUMP.xml.bz2 OUTDIR" >&2
  exit 2
fi
cli=$(realpath "$1") dump=$(realpath "$2") out=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=${PYTHON:-/usr/bin/python3}
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree
mkdir -p "$out" && cd "$out" && rm -f runs.log || exit 1

# A CLI that counts its runs (one line in runs.log each), to check that the recipes did split.
cat > counting-wikirel <<EOF
#!/bin/sh
echo run >> "$PWD/runs.log"
exec "$cli" "\$@"
EOF
chmod +x counting-wikirel
runs() { local n=0; [[ -f runs.log ]] && n=$(wc -l < runs.log); rm -f runs.log; echo "$n"; }

passed=0 failed=0
# check NAME FILE MIN_RUNS: FILE equals the single-process output, from at least MIN_RUNS runs.
check() {
  local name=$1 file=$2 min=$3 n
  n=$(runs)
  if ! cmp "$file" expected.jsonl; then
    echo "FAIL $name: $file differs from the single-process output"; failed=$((failed + 1))
  elif ((n < min)); then
    echo "FAIL $name: $n runs of the CLI, expected at least $min"; failed=$((failed + 1))
  else
    echo "ok   $name ($n runs of the CLI)"; passed=$((passed + 1))
  fi
}

bzcat "$dump" | "$cli" --json --no-progress - > expected.jsonl || { echo "FAIL: the single-process run"; exit 1; }
[[ -s expected.jsonl ]] || { echo "FAIL: the single-process run printed nothing"; exit 1; }
echo "single process: $(wc -l < expected.jsonl) pages"

# Chunks of 40 KB: the 5-page sample (250 KB) makes 4.
"$python" "$here/split_dump.py" --chunk-size 40K "$dump" chunks > chunks.txt
while read -r chunk; do ./counting-wikirel --json --no-progress "$chunk"; done < chunks.txt > split.jsonl
check split_dump split.jsonl 3

"$python" "$here/dask_recipe.py" --workers 2 --chunk-size 40K --cli "$PWD/counting-wikirel" \
  -o dask.jsonl "$dump" 2> dask.log || { echo "dask_recipe.py failed:"; cat dask.log; }
check dask dask.jsonl 3

bash "$here/parallel_recipe.sh" -j 2 --block 40K --cli "$PWD/counting-wikirel" "$dump" \
  > parallel.jsonl 2> parallel.log || { echo "parallel_recipe.sh failed:"; cat parallel.log; }
check parallel parallel.jsonl 2

# A multistream dump of 2 pages a stream (3 page streams), split at every stream.
"$python" "$here/make_test_dumps.py" multistream "$dump" sample
"$python" "$here/split_dump.py" --chunk-size 1 --index sample-multistream-index.txt.bz2 \
  sample-multistream.xml.bz2 ms-chunks > ms-chunks.txt
while read -r chunk; do ./counting-wikirel --json --no-progress "$chunk"; done < ms-chunks.txt > ms-split.jsonl
check multistream_split ms-split.jsonl 2

"$python" "$here/dask_recipe.py" --workers 2 --chunk-size 1 --cli "$PWD/counting-wikirel" \
  --index sample-multistream-index.txt.bz2 -o ms-dask.jsonl sample-multistream.xml.bz2 2> ms-dask.log \
  || { echo "dask_recipe.py --index failed:"; cat ms-dask.log; }
check multistream_dask ms-dask.jsonl 2

echo "scaleout: $passed passed, $failed failed"
((failed == 0))
