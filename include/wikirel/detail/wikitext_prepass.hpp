#ifndef WIKIREL_DETAIL_WIKITEXT_PREPASS_HPP
#define WIKIREL_DETAIL_WIKITEXT_PREPASS_HPP

// Which "{{" and "{|" are never closed. MediaWiki matches braces before it reads anything
// else, and an unmatched "{{" is plain text; a reader that only learns this at the end of
// the input would have hidden everything after it. One quick pass over the braces, tags
// and line starts answers it up front, so the main reader never needs to back up.

#include "chars.hpp"
#include "compiler.hpp"
#include "scan.hpp"
#include "tags.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace wikirel::detail {

struct unclosed_marks {
  std::vector<std::uint32_t> braces;  ///< offsets of "{{" without "}}", ascending
  std::vector<std::uint32_t> tables;  ///< offsets of "{|" without "|}", ascending

  constexpr bool brace(std::uint32_t offset) const noexcept {
    return std::binary_search(braces.begin(), braces.end(), offset);
  }
  constexpr bool table(std::uint32_t offset) const noexcept {
    return std::binary_search(tables.begin(), tables.end(), offset);
  }
};

/// Where a table starts on the line at p ("{|" after blanks and ':' indents), or null.
template <class C>
constexpr const C* table_start(const C* p, const C* end) noexcept {
  while (p < end && (is_blank(byte_of(*p)) || byte_of(*p) == ':')) ++p;
  return end - p >= 2 && byte_of(p[0]) == '{' && byte_of(p[1]) == '|' ? p : nullptr;
}

/// Where a table ends on the line at p ("|}" after blanks), or null.
template <class C>
constexpr const C* table_end(const C* p, const C* end) noexcept {
  p = skip_blanks(p, end);
  return end - p >= 2 && byte_of(p[0]) == '|' && byte_of(p[1]) == '}' ? p : nullptr;
}

/// Steps over a tag whose content MediaWiki does not read as wikitext in place (comments,
/// <nowiki>, <pre>, <ref>, …). Returns where reading goes on.
template <class C>
constexpr const C* skip_opaque(const C* p, const C* end, closer_finder<C>& finder) noexcept {
  if (end - p >= 4 && byte_of(p[1]) == '!' && byte_of(p[2]) == '-' && byte_of(p[3]) == '-') {
    const C* after = finder.comment_end(p + 4);
    return after ? after : end;
  }
  tag_info<C> t = blank<tag_info<C>>();
  if (!read_tag(p, end, end, t)) return p + 1;
  const bool hides = t.kind == tag_kind::opaque || t.kind == tag_kind::nowiki || t.kind == tag_kind::ref ||
                     t.kind == tag_kind::hidden;
  if (t.closing || t.self_closing || !hides) return t.end;
  const C* after = nullptr;
  const C* close = finder.closing_tag(t.end, end, t.name.view(), after);
  return close == end ? t.end : after;
}

/// True when only blanks (and, for a table start, ':' indents) stand between the line's
/// start and p.
template <class C>
constexpr bool at_line_start(const C* begin, const C* p, bool indents) noexcept {
  while (p > begin && (is_blank(byte_of(p[-1])) || (indents && byte_of(p[-1]) == ':'))) --p;
  return p == begin || byte_of(p[-1]) == '\n';
}

template <class C>
constexpr unclosed_marks find_unclosed(const C* begin, const C* end) {
  // Only braces and tags matter; line starts are checked by looking back from a "{|" or
  // "|}", so the scan does not stop at every newline.
  using specials = byte_set<'{', '}', '<'>;
  closer_finder<C> finder(end);
  unclosed_marks marks;
  std::vector<std::uint32_t> tables;
  const auto offset = [begin](const C* p) { return static_cast<std::uint32_t>(p - begin); };
  for (const C* p = begin;;) {
    p = find_first_of<specials>(p, end);
    if (p >= end) break;
    const unsigned char c = byte_of(*p);
    if (c == '<') {
      p = skip_opaque(p, end, finder);
      continue;
    }
    if (c == '{' && end - p >= 2 && byte_of(p[1]) == '|' && at_line_start(begin, p, true))
      tables.push_back(offset(p));
    if (c == '}' && p > begin && byte_of(p[-1]) == '|' && at_line_start(begin, p - 1, false) && !tables.empty())
      tables.pop_back();
    if (end - p >= 2 && byte_of(p[1]) == c) {
      // The braces left on the stack at the end are the unclosed ones, in order.
      if (c == '{') marks.braces.push_back(offset(p));
      else if (!marks.braces.empty()) marks.braces.pop_back();
      p += 2;
    } else {
      ++p;
    }
  }
  marks.tables = static_cast<std::vector<std::uint32_t>&&>(tables);
  return marks;
}

}  // namespace wikirel::detail

#endif
