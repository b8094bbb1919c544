#!/usr/bin/env bash
# What a token stream for the date recognizer would cost: instructions (valgrind's
# callgrind, which does not swing with the machine) per input byte for a structure parse of
# each file, and for reading every section's text into tokens once (the recognizer's own
# token_reader, forward from the start), each as the difference of two rounds and one.
# Today the recognizer reads tokens only around a candidate; a stream built ahead of it
# would have to cost less than those reads do to pay.
#   tests/bench/token_cost.sh [DIR]      (default: ../shared/corpus/wikitext)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=${1:-${WIKIREL_SHARED_DIR:-$root/../shared}/corpus/wikitext}
command -v valgrind >/dev/null || { echo "token_cost.sh: needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/tokens.cpp" <<'CPP'
#include <wikirel/article.hpp>
#include <wikirel/detail/temporal_tokens.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// tokens MODE ROUNDS FILE...: MODE 0 parses (structure); 1 also tokenises each section's text.
int main(int argc, char** argv) {
  const int mode = std::atoi(argv[1]), rounds = std::atoi(argv[2]);
  std::vector<std::string> texts;
  for (int i = 3; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    texts.push_back(s.str());
  }
  std::size_t checksum = 0, text_bytes = 0, tokens = 0;
  for (int r = 0; r < rounds; ++r)
    for (const std::string& t : texts) {
      wikirel::options o;
      o.format = wikirel::format::wikitext;
      o.events = false;
      const wikirel::article a = wikirel::parse(t, o);
      for (const auto& section : a.sections()) {
        const std::string_view v = section.text();
        text_bytes += v.size();
        if (mode == 0) continue;
        const wikirel::detail::token_reader<char> reader{v.data(), v.data() + v.size()};
        for (const char* p = v.data();;) {
          const auto k = reader.next(p);
          if (k.kind == wikirel::detail::token_kind::end) break;
          checksum += static_cast<unsigned>(k.kind) + k.value;
          ++tokens;
          p = k.end;
        }
      }
    }
  std::printf("%zu %zu %zu\n", checksum, text_bytes / rounds, tokens / rounds);
}
CPP
g++ -std=c++20 -O3 -DNDEBUG -I "$root/include" "$work/tokens.cpp" -o "$work/tokens"
files=("$dir"/*.wiki)
bytes=$(cat "${files[@]}" | wc -c)
count() {  # instructions of MODE with ROUNDS rounds
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/tokens" "$1" "$2" "${files[@]}" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
parse1=$(count 0 1) parse2=$(count 0 2) tok1=$(count 1 1) tok2=$(count 1 2)
read -r _ text tokens < <("$work/tokens" 1 1 "${files[@]}")
awk -v n="${#files[@]}" -v b="$bytes" -v t="$text" -v k="$tokens" -v p1="$parse1" -v p2="$parse2" -v t1="$tok1" -v t2="$tok2" 'BEGIN {
  parse = p2 - p1; tok = (t2 - t1) - parse
  printf "%d files, %d bytes, %d bytes of section text, %d tokens\n", n, b, t, k
  printf "structure parse:          %.2f instructions per input byte\n", parse / b
  printf "tokenising section text:  %.2f instructions per input byte (%.1f per text byte, %.0f per token)\n", tok / b, tok / t, tok / k
}'
