#ifndef WIKIREL_DETAIL_DETECT_HPP
#define WIKIREL_DETAIL_DETECT_HPP

// Telling wikitext from plain text without being told: wikitext has markup that plain
// renderings never do ("[[", "{{", "'''", "<ref", "== … ==" lines). Looking at the first
// 64 KiB is enough and keeps detection constant-time.

#include "../options.hpp"
#include "chars.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel::detail {

/// "== History ==" holds a heading's text; "=====" under a title (an underline) does not.
template <class CharT>
constexpr bool heading_text_follows(const CharT* p, const CharT* end) noexcept {
  for (; p < end && byte_of(*p) != '\n'; ++p) {
    const unsigned char c = byte_of(*p);
    if (c != '=' && c != ' ' && c != '\t' && c != '\r') return true;
  }
  return false;
}

template <class CharT>
constexpr format detect_format(std::basic_string_view<CharT> text) noexcept {
  const std::size_t n = text.size() < 65536 ? text.size() : 65536;
  const CharT* p = text.data();
  const CharT* end = p + n;
  int signals = 0;
  bool line_start = true;
  for (; p < end && signals < 3; ++p) {
    const unsigned char c = byte_of(*p);
    if (line_start && c == '=' && end - p >= 2 && byte_of(p[1]) == '=' && heading_text_follows(p, end)) ++signals;
    line_start = c == '\n';
    if (end - p < 2) continue;
    const unsigned char d = byte_of(p[1]);
    if ((c == '[' && d == '[') || (c == '{' && d == '{') || (c == '{' && d == '|' && (p == text.data() || byte_of(p[-1]) == '\n'))) {
      ++signals;
      ++p;
    } else if (c == '\'' && d == '\'' && end - p >= 3 && byte_of(p[2]) == '\'') {
      ++signals;
      p += 2;
    } else if (c == '<' && starts_with_ci(p, end, "<ref")) {
      ++signals;
    }
  }
  return signals >= 2 || (signals == 1 && n < 2000) ? format::wikitext : format::plaintext;
}

}  // namespace wikirel::detail

#endif
