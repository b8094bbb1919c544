#ifndef WIKIREL_DETAIL_TEMPORAL_IDENTIFIERS_HPP
#define WIKIREL_DETAIL_TEMPORAL_IDENTIFIERS_HPP

// URLs, file names, ISBNs and DOIs carry numbers that look like years ("/1945/page",
// "978-0-19-1945-2", "10.1000/1945"). The recognizer asks, once per white-space-delimited
// run of text that holds a candidate, whether the run looks like one of them.

#include "chars.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel::detail {

/// The bytes that make a run worth a closer look: a marker of a URL, path or key
/// ("/@=_\\|.:") weighs 2, a hyphen 1 (two hyphens make an ISBN's shape).
struct identifier_mark_table {
  unsigned char weight[256] = {};
  constexpr identifier_mark_table() noexcept {
    for (unsigned char c : std::string_view("/@=_\\|.:")) weight[c] = 2;
    weight[static_cast<unsigned char>('-')] = 1;
  }
};
inline constexpr identifier_mark_table identifier_marks{};

/// The endings after a dot that make a run a domain or a file name. At namespace scope:
/// a constexpr array local to a function is built on the stack at every call.
inline constexpr std::string_view identifier_suffixes[] = {"com", "org", "net",  "edu", "gov", "html", "htm",
                                                           "php", "asp", "aspx", "jpg", "jpeg", "png", "gif",
                                                           "svg", "pdf", "tif",  "tiff", "ogg", "xml"};

/// Looks like a URL, a file name, an ISBN or a DOI: nothing inside it is a date.
template <class C>
constexpr bool looks_like_identifier(const C* b, const C* e) noexcept {
  // Most runs are plain words and numbers: look closer only when a marker is present.
  // One table load a byte: markers count as two hyphens.
  int weight = 0;
  for (const C* q = b; q < e && weight < 2; ++q) weight += identifier_marks.weight[byte_of(*q)];
  if (weight < 2) return false;
  int slashes = 0;
  int groups = 0;  // digit groups joined by single hyphens, so far
  int group_len[3] = {};
  int max_groups = 0;
  bool iso_shape = false;
  if (starts_with_ci(b, e, "doi:") || starts_with_ci(b, e, "www.") || starts_with_ci(b, e, "isbn")) return true;
  if (starts_with(b, e, "10.") && e - b > 4 && is_digit(byte_of(b[3]))) {
    for (const C* q = b; q < e; ++q)
      if (byte_of(*q) == '/') return true;
  }
  for (const C* q = b; q < e;) {
    const unsigned char c = byte_of(*q);
    if (c == '@' || c == '=' || c == '_' || c == '\\' || c == '|') return true;
    if (c == '/') {
      if (++slashes >= 2) return true;
      ++q;
      continue;
    }
    if (c == '.' && q + 1 < e && is_alpha(byte_of(q[1])) && q > b && is_alnum(byte_of(q[-1]))) {
      const C* w = q + 1;
      while (w < e && is_alpha(byte_of(*w))) ++w;
      for (std::string_view s : identifier_suffixes)
        if (equals_ci(q + 1, static_cast<std::size_t>(w - q - 1), s)) return true;
      q = w;
      continue;
    }
    if (is_digit(c)) {
      const C* d = q;
      while (d < e && is_digit(byte_of(*d))) ++d;
      const bool joined = q > b && byte_of(q[-1]) == '-' && q - 1 > b && is_digit(byte_of(q[-2]));
      groups = joined ? groups + 1 : 1;
      if (groups <= 3) group_len[groups - 1] = static_cast<int>(d - q);
      if (groups > max_groups) {
        max_groups = groups;
        iso_shape = groups == 3 && group_len[0] == 4 && group_len[1] == 2 && group_len[2] == 2;
      }
      q = d;
      continue;
    }
    ++q;
  }
  if (max_groups >= 4 || (max_groups == 3 && !iso_shape)) return true;  // "978-0-19-1945", "0-19-1945-X"
  return false;
}

}  // namespace wikirel::detail

#endif
