#ifndef WIKIREL_DETAIL_SECTION_NAMES_HPP
#define WIKIREL_DETAIL_SECTION_NAMES_HPP

// Headings that introduce apparatus rather than narrative: reference lists, bibliographies,
// link lists. Dates under them are not events.

#include "chars.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

inline constexpr std::string_view reference_headings[] = {
    "references", "reference", "notes", "note", "footnotes", "citations", "sources", "source",
    "bibliography", "further reading", "external links", "external link", "see also",
    "notes and references", "references and notes", "notes and sources", "works cited",
    "literature", "reading", "links", "general references", "specific references",
    "einzelnachweise", "weblinks", "literatur", "belege", "quellen", "anmerkungen",
    "siehe auch", "fu\xc3\x9fnoten", "referenzen", "nachweise", "notes et r\xc3\xa9" "f\xc3\xa9rences",
    "r\xc3\xa9" "f\xc3\xa9rences", "bibliographie", "liens externes", "voir aussi",
    "referencias", "enlaces externos", "v\xc3\xa9" "ase tambi\xc3\xa9n", "bronnelys", "verwysings",
    "eksterne skakels", "kjelder", "referanser", "eksterne lenker"};

/// For each length a name above has, the first bytes its names start with (lower-cased,
/// folded to 64 buckets): a heading whose length and first byte no name shares is not one,
/// which settles nearly every heading with one table load instead of a pass over the list.
struct first_byte_filter {
  std::uint64_t by_length[64] = {};
  static constexpr unsigned bucket(unsigned char c) noexcept { return to_lower(c) & 63u; }
  constexpr bool may_hold(std::size_t n, unsigned char first) const noexcept {
    return n < 64 && ((by_length[n] >> bucket(first)) & 1u) != 0;
  }
};
inline constexpr first_byte_filter reference_heading_starts = [] {
  first_byte_filter f;
  for (std::string_view name : reference_headings)
    f.by_length[name.size()] |= std::uint64_t{1} << first_byte_filter::bucket(static_cast<unsigned char>(name[0]));
  return f;
}();
static_assert([] {
  for (std::string_view name : reference_headings)
    if (name.empty() || name.size() >= 64) return false;
  return true;
}(), "every reference heading has a slot in the filter");

/// True when a heading names a reference list, bibliography or link list.
template <class CharT>
constexpr bool is_reference_heading(std::basic_string_view<CharT> heading) noexcept {
  if (heading.empty() || !reference_heading_starts.may_hold(heading.size(), byte_of(heading[0]))) return false;
  for (std::string_view name : reference_headings)
    if (equals_ci(heading.data(), heading.size(), name)) return true;
  return false;
}

}  // namespace wikirel::detail

#endif
