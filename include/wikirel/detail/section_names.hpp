#ifndef WIKIREL_DETAIL_SECTION_NAMES_HPP
#define WIKIREL_DETAIL_SECTION_NAMES_HPP

// Headings that introduce apparatus rather than narrative: reference lists, bibliographies,
// link lists. Dates under them are not events.

#include "chars.hpp"

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

/// The lengths of the shortest and longest names above: a heading of another length is
/// not one of them, which most headings show at once.
struct name_lengths {
  std::size_t shortest = ~std::size_t{0}, longest = 0;
};
inline constexpr name_lengths reference_heading_lengths = [] {
  name_lengths l;
  for (std::string_view name : reference_headings) {
    l.shortest = name.size() < l.shortest ? name.size() : l.shortest;
    l.longest = name.size() > l.longest ? name.size() : l.longest;
  }
  return l;
}();

/// True when a heading names a reference list, bibliography or link list.
template <class CharT>
constexpr bool is_reference_heading(std::basic_string_view<CharT> heading) noexcept {
  if (heading.size() < reference_heading_lengths.shortest || heading.size() > reference_heading_lengths.longest)
    return false;
  for (std::string_view name : reference_headings)
    if (equals_ci(heading.data(), heading.size(), name)) return true;
  return false;
}

}  // namespace wikirel::detail

#endif
