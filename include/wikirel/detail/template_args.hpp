#ifndef WIKIREL_DETAIL_TEMPLATE_ARGS_HPP
#define WIKIREL_DETAIL_TEMPLATE_ARGS_HPP

// The arguments of a template call, split at its own '|'s: not at those inside nested
// templates, links, comments or tags.

#include "block_scan.hpp"
#include "chars.hpp"
#include "compiler.hpp"
#include "scan.hpp"
#include "tags.hpp"
#include "wikitext_names.hpp"

#include <cstddef>

namespace wikirel::detail {

template <class C>
struct template_arg {
  const C* key = nullptr;  ///< null for a positional argument
  const C* key_end = nullptr;
  const C* value = nullptr;  ///< trimmed
  const C* value_end = nullptr;
  int position = 0;  ///< 1-based for positional arguments, 0 for named ones
  /// The value is known to hold no markup (it shows as written). Only split_marking_values
  /// can know; false says "unknown".
  bool plain = false;

  constexpr bool named() const noexcept { return key != nullptr; }
  constexpr folded_name folded_key() const noexcept { return fold_name(key, key_end); }
};

/// Steps over a nested comment or hiding tag in [p, last); returns where to go on. The
/// finder (made for `last`) remembers its searches across calls, so a run of unclosed
/// tags costs one scan, not one per tag.
template <class C>
constexpr const C* skip_nested_tag(const C* p, const C* last, closer_finder<C>& finder) noexcept {
  if (last - p >= 4 && byte_of(p[1]) == '!' && byte_of(p[2]) == '-' && byte_of(p[3]) == '-') {
    const C* after = finder.comment_end(p + 4);
    return after ? after : last;
  }
  tag_info<C> t = blank<tag_info<C>>();
  if (!read_tag(p, last, last, t) || t.end > last) return p + 1;
  if (t.closing || t.self_closing || t.kind == tag_kind::html || t.kind == tag_kind::line_break) return t.end;
  const C* after = nullptr;
  const C* close = finder.closing_tag(t.end, last, t.name.view(), after);
  return close == last ? t.end : after;
}

/// The bytes that split a template's arguments or nest inside them.
using argument_specials = byte_set<'{', '}', '[', ']', '<', '|', '='>;
/// argument_specials and every other byte that can start markup in a value (newlines,
/// apostrophes, entities, underscores): a split searching for these tells which values
/// are plain, so that they need not be searched again before they are used.
using markup_aware_specials = byte_set<'{', '}', '[', ']', '<', '|', '=', '\n', '\r', '\'', '&', '_'>;
/// The search split_marking_values takes: its type is what makes the marks true.
template <class C>
using markup_aware_cursor = block_cursor<C, markup_aware_specials>;

/// Where markup bytes stand in the value being split: the first and the last seen.
template <class C>
struct value_marks {
  const C* first = nullptr;
  const C* last = nullptr;
  constexpr void note(const C* at) noexcept {
    if (!first) first = at;
    last = at;
  }
  /// True when no mark lies in [v, v_end). Marks before v or from v_end on are white
  /// space the trim took off; marks on both sides leave it unknown, and false is said.
  constexpr bool none_in(const C* v, const C* v_end) const noexcept {
    return !first || last < v || first >= v_end;
  }
};

/// Splits the inside of a template call ("name|a|k=v", without the braces). Returns the
/// end of the name; calls visit(const template_arg&) for each argument in order.
/// next(p, last) finds the first of argument_specials in [p, last): a fresh vector search
/// (for_each_argument) or a block_cursor kept across calls. MarksValues is for
/// split_marking_values alone, whose search stops at every markup byte.
/// With `closed`, the split also ends at the template's own "}}" (the first at brace
/// depth 0), and *closed is set to it; it stays null when there is none before `last`.
template <bool MarksValues = false, class C, class Next, class Visit>
constexpr const C* split_arguments(const C* first, const C* last, Next&& next, Visit&& visit,
                                   const C** closed = nullptr) {
  const C* name_end = nullptr;
  const C* segment = first;
  const C* equals = nullptr;
  int braces = 0, brackets = 0, position = 0;
  value_marks<C> marks;
  const auto finish_segment = [&](const C* end) {
    if (!name_end) {
      name_end = end;
      return;
    }
    template_arg<C> a;
    const C* v = equals ? equals + 1 : segment;
    const C* v_end = end;
    trim(v, v_end);
    a.value = v;
    a.value_end = v_end;
    if (equals) {
      a.key = segment;
      a.key_end = equals;
      trim(a.key, a.key_end);
    } else {
      a.position = ++position;
    }
    if constexpr (MarksValues) a.plain = marks.none_in(v, v_end);
    visit(a);
  };
  closer_finder<C> finder(last);  // cheap to make: its slots are filled as tags are met
  const C* p = first;
  while ((p = next(p, last)) < last) {
    const unsigned char c = byte_of(*p);
    const bool pair = last - p >= 2 && byte_of(p[1]) == c;
    if (braces == 0 && brackets == 0 && c == '|') {
      finish_segment(p);
      segment = ++p;
      equals = nullptr;
      if constexpr (MarksValues) marks = {};
      continue;
    }
    if (c == '=') {
      if (braces == 0 && brackets == 0 && !equals && name_end) {
        equals = p;
        if constexpr (MarksValues) marks = {};  // what came before was the key
      }
      ++p;
      continue;
    }
    if constexpr (MarksValues) {
      const bool lone_text = (c == '\'' || c == '_') && !pair;  // "it's", "a_b": text
      if (!lone_text) marks.note(p);
    }
    if (c == '{' && pair) ++braces, p += 2;
    else if (c == '}' && pair) {
      if (closed && braces == 0) {
        finish_segment(p);
        *closed = p;
        return name_end;
      }
      braces -= braces > 0, p += 2;
    }
    else if (c == '[' && pair) ++brackets, p += 2;
    else if (c == ']' && pair) brackets -= brackets > 0, p += 2;
    else if (c == '<') p = skip_nested_tag(p, last, finder);
    else ++p;
  }
  finish_segment(last);
  return name_end;
}

/// split_arguments over a cursor that stops at every byte that can start markup, so that
/// each argument also says whether its value is plain (template_arg::plain).
template <class C, class Visit>
constexpr const C* split_marking_values(const C* first, const C* last, markup_aware_cursor<C>& cursor,
                                        Visit&& visit, const C** closed = nullptr) {
  return split_arguments<true>(
      first, last, [&cursor](const C* p, const C* l) { return cursor.next(p, l); }, visit, closed);
}

/// split_arguments with a vector search from each stop; the bytes up to `readable` (the
/// end of the input) may be read.
template <class C, class Visit>
constexpr const C* for_each_argument(const C* first, const C* last, const C* readable, Visit&& visit) {
  return split_arguments(
      first, last, [readable](const C* p, const C* l) { return find_first_of<argument_specials>(p, l, readable); },
      visit);
}

}  // namespace wikirel::detail

#endif
