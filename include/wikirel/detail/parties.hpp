#ifndef WIKIREL_DETAIL_PARTIES_HPP
#define WIKIREL_DETAIL_PARTIES_HPP

// The parties of a relations article, read from its title: "A–B relations",
// "A – B relations", "Relations between A and B" (and "A–B–C relations").

#include "chars.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel::detail {

/// Calls add(first, last) for each party named by `title`; returns how many.
template <class C, class Add>
constexpr int parties_from_title(const C* first, const C* last, Add&& add) {
  trim(first, last);
  constexpr std::string_view between = "relations between ";
  if (starts_with_ci(first, last, between)) {
    const C* a = first + between.size();
    const C* and_at = nullptr;
    for (const C* p = a; last - p >= 5; ++p)
      if (starts_with(p, last, " and ")) and_at = p;
    if (!and_at) return 0;
    const C* b = and_at + 5;
    add(a, and_at);
    add(b, last);
    return 2;
  }
  constexpr std::string_view suffix = " relations";
  if (last - first <= static_cast<std::ptrdiff_t>(suffix.size()) ||
      !equals_ci(last - suffix.size(), suffix.size(), suffix))
    return 0;
  return split_parties(first, last - suffix.size(), add);
}

/// Splits "A–B" at en or em dashes; at hyphens only when there is no other dash and the
/// hyphen is spaced or the only one ("Guinea-Bissau–Portugal" keeps its hyphen).
template <class C, class Add>
constexpr int split_parties(const C* first, const C* last, Add&& add) {
  int dashes = 0, hyphens = 0, spaced_hyphens = 0;
  for (const C* p = first; p < last;) {
    const int n = dash_length(p, last);
    if (n == 3) ++dashes;
    if (n == 1) {
      ++hyphens;
      if (p > first && p + 1 < last && byte_of(p[-1]) == ' ' && byte_of(p[1]) == ' ') ++spaced_hyphens;
    }
    p += n > 0 ? n : 1;
  }
  const bool use_hyphens = dashes == 0 && (spaced_hyphens > 0 || hyphens == 1);
  if (dashes == 0 && !use_hyphens) return 0;
  int count = 0;
  const C* part = first;
  for (const C* p = first; p < last;) {
    const int n = dash_length(p, last);
    const bool split = (n == 3 && dashes > 0) ||
                       (n == 1 && use_hyphens && (spaced_hyphens == 0 || (byte_of(p[-1]) == ' ' && byte_of(p[1]) == ' ')));
    if (split) {
      const C* a = part;
      const C* b = p;
      trim(a, b);
      if (a < b) add(a, b), ++count;
      part = p + n;
    }
    p += n > 0 ? n : 1;
  }
  const C* a = part;
  const C* b = last;
  trim(a, b);
  if (a < b) add(a, b), ++count;
  return count;
}

}  // namespace wikirel::detail

#endif
