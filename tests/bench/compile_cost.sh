#!/usr/bin/env bash
# What compile-time parsing costs: compiles a translation unit that parses an N KB article
# into fitted fixed_storage (measure() + parse<fixed_storage>) during compilation, with
# g++ and clang++, and prints wall time and peak memory of the compiler (/usr/bin/time -v).
# The articles are the first N KB of examples/samples/freedonia_sylvania.wiki.
#   tests/bench/compile_cost.sh [SIZES_KB...]     (default: 1 2 4 8 16)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("${@:-1 2 4 8 16}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
printf '%-6s %-8s %10s %12s %s\n' size compiler seconds "peak MiB" result
for kb in "${sizes[@]}"; do
  python3 - "$root/examples/samples/freedonia_sylvania.wiki" "$kb" > "$work/ct$kb.cpp" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().encode()[: int(sys.argv[2]) * 1024].decode("utf-8", "ignore")
text = text[: text.rfind("\n") + 1]
print('#include <wikirel/article.hpp>\n#include <cstdio>')
print('constexpr std::string_view kText = R"wikirel_cost(' + text + ')wikirel_cost";')
print('constexpr auto kNeed = wikirel::measure(kText);')
print('using storage = wikirel::fixed_storage<kNeed.sections, kNeed.events, kNeed.citations, kNeed.text_bytes, kNeed.links>;')
print('constexpr auto kArticle = wikirel::parse<storage>(kText);')
print('int main() { std::printf("%zu sections, %zu events, %zu citations\\n", kArticle.sections().size(), kArticle.events().size(), kArticle.citations().size()); }')
PY
  for cxx in g++ clang++; do
    flags=(-std=c++20 -O1 -I "$root/include")
    # clang stops constant evaluation after 2^20 steps by default; g++ after 2^25 operations.
    [[ $cxx == clang++ ]] && flags+=(-stdlib=libstdc++ -fconstexpr-steps=100000000)
    [[ $cxx == g++ ]] && flags+=(-fconstexpr-ops-limit=1000000000)
    if /usr/bin/time -v "$cxx" "${flags[@]}" "$work/ct$kb.cpp" -o "$work/ct$kb" 2> "$work/time.txt"; then
      result=$("$work/ct$kb")
    else
      result="failed: $(grep -m1 -E 'error' "$work/time.txt" | cut -c1-80)"
    fi
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
    mib=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
    printf '%-6s %-8s %10s %12s %s\n' "${kb}KB" "$cxx" "$secs" "$mib" "$result"
  done
done
