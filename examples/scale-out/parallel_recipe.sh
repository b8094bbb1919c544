#!/usr/bin/env bash
# parallel_recipe.sh [-j N] [--block 50M] [--cli wikirel] DUMP [-- WIKIREL_OPTION...] > OUT.jsonl
#
# wikirel over a MediaWiki dump with GNU parallel: the decompressed dump is cut into blocks of
# whole <page> elements, each block is wrapped into a valid dump (wrap_pages.sh) and read by its
# own `wikirel --json --no-progress --jobs 1 -`, and --keep-order prints the results in block
# order: the output is byte-identical to `wikirel --json --no-progress DUMP`.
# DUMP: .xml, .xml.bz2 (decompressed with lbzip2 -dc, in parallel, when installed; else bzcat),
# or - for stdin (uncompressed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jobs=$(nproc) block=50M cli=wikirel
while (($#)); do
  case $1 in
    -j|--jobs) jobs=$2; shift 2 ;;
    --block) block=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) dump=$1; shift ;;
  esac
done
[[ -n ${dump:-} ]] || { echo "usage: parallel_recipe.sh [-j N] [--block 50M] [--cli wikirel] DUMP [-- OPTIONS]" >&2; exit 2; }

case $dump in
  -) decompress=(cat) ;;
  *.bz2) if command -v lbzip2 >/dev/null; then decompress=(lbzip2 -dc "$dump"); else decompress=(bzcat "$dump"); fi ;;
  *) decompress=(cat "$dump") ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The job command, quoted for the shell that parallel runs it in.
job="sh $(printf %q "$here/wrap_pages.sh") $(printf %q "$tmp/header.xml") | $(printf %q "$cli") --json --no-progress --jobs 1"
for option in "$@"; do job+=" $(printf %q "$option")"; done
job+=" -"

# awk copies the dump's header (everything before the first <page>) to header.xml, and passes on
# the rest. It closes header.xml before it passes on the first page, so the file is complete
# before parallel has a block to start a job with.
# --recstart '<page>': blocks are cut just before a <page> (the only place `<page>` can occur:
# text has `&lt;`). Not --recend '</page>' as well: parallel then cuts only where the two are
# adjacent, "</page><page>", and dumps have a newline and indentation between them.
"${decompress[@]}" \
  | awk -v header="$tmp/header.xml" '
      !pages && /<page>/ { pages = 1; close(header) }
      !pages { print > header; next }
      { print }' \
  | parallel --will-cite --pipe --recstart '<page>' --recend '' --block "$block" \
      --keep-order --halt now,fail=1 -j "$jobs" "$job"
