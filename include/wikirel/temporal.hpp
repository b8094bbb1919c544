#ifndef WIKIREL_TEMPORAL_HPP
#define WIKIREL_TEMPORAL_HPP

// The date-expression recognizer: finds and normalises the dates of plain English prose
// ("December 25, 1991", "the early 1950s", "264–146 BC", "two days later"), section
// headings ("Cold War (1945–91)") and citation date fields ("2011-03-02"). Everything is
// constexpr and allocation-free; one pass over the text, linear in its length.

#include "date.hpp"
#include "detail/temporal_relative.hpp"
#include "detail/temporal_scanner.hpp"
#include "detail/temporal_tokens.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel {

/// A date expression found in a text.
struct date_match {
  std::size_t offset = 0;  ///< into the text that was scanned (code units)
  std::size_t length = 0;  ///< the expression as written: "December 25, 1991", "the 1920s", "c. 1200"
  period when;
};

/// What the recognizer remembers between the sentences of one section: the last date it
/// resolved (the end of a range), which partial dates ("On 3 May", "in June") take their
/// year from and relative ones ("the next day", "two years later") shift. Start each
/// section with a fresh context (or call clear()).
struct date_context {
  date anchor{};                                 ///< invalid until a date is seen
  precision anchor_precision = precision::none;  ///< how much of `anchor` is known

  constexpr void clear() noexcept { *this = date_context{}; }
  friend constexpr bool operator==(const date_context&, const date_context&) = default;
};

/// Calls on_match(const date_match&) for each date expression in `text`, in order, never
/// overlapping. `text` is one sentence of plain text (but any text works). Partial and
/// relative dates are resolved against `context`, which every reported date updates;
/// they are not reported when the context has no year to give them.
template <class CharT, class F>
constexpr void find_dates(std::basic_string_view<CharT> text, date_context& context, F&& on_match) {
  detail::anchor_state anchor{context.anchor, context.anchor_precision};
  const CharT* first = text.data();
  detail::date_scanner<CharT> scanner(first, first + text.size(), anchor, detail::scan_mode::text);
  scanner.run([&](const CharT* b, const CharT* e, const period& when) {
    date_match m;
    m.offset = static_cast<std::size_t>(b - first);
    m.length = static_cast<std::size_t>(e - b);
    m.when = when;
    context.anchor = anchor.when;
    context.anchor_precision = anchor.known;
    on_match(static_cast<const date_match&>(m));
    return true;
  });
  context.anchor = anchor.when;
  context.anchor_precision = anchor.known;
}

namespace detail {

/// The first date expression of `text` read in `mode`, with no context.
template <class CharT>
constexpr scan_match<CharT> first_date(std::basic_string_view<CharT> text, scan_mode mode) noexcept {
  anchor_state anchor;
  const CharT* first = text.data();
  date_scanner<CharT> scanner(first, first + text.size(), anchor, mode);
  scan_match<CharT> found;
  scanner.run([&](const CharT* b, const CharT* e, const period& when) {
    found = scan_match<CharT>{b, e, when};
    return false;
  });
  return found;
}

/// False when [p, last) cannot hold a date: it has no digit and no word the recognizer's
/// filter (maybe_trigger) lets through. 548 of the corpus's 582 headings ("Early life",
/// "See also") are turned away here, for a fraction of what setting up the scanner costs. It
/// asks what the block walk asks of each word, so it stands in the fast path alone, where
/// the comparison with the scalar path checks it.
template <class CharT>
constexpr bool may_hold_date(const CharT* p, const CharT* last) noexcept {
  while (p < last) {
    const unsigned char c = byte_of(*p);
    if (is_digit(c)) return true;
    if (!is_alpha(c)) {
      ++p;
      continue;
    }
    const CharT* e = p + 1;
    while (e < last && is_alpha(byte_of(*e))) ++e;
    if (maybe_trigger(p, static_cast<std::size_t>(e - p))) return true;
    p = e;
  }
  return false;
}

/// The word before a heading's date, past a dash that joins them ("Post-1945").
template <class CharT>
constexpr token<CharT> word_before_date(const token_reader<CharT>& r, const scan_match<CharT>& m) noexcept {
  const token<CharT> before = r.prev(m.begin);
  return before.kind == token_kind::dash && before.end == m.begin ? r.read_back(before.begin) : before;
}

/// "Since 1945", "After 1945", "From 1945", "Post-1945", "1945 onwards": a heading that
/// names only the start of a period leaves it open.
template <class CharT>
constexpr bool heading_leaves_open(std::basic_string_view<CharT> text, const scan_match<CharT>& m) noexcept {
  const token_reader<CharT> r{text.data(), text.data() + text.size()};
  const token<CharT> before = word_before_date(r, m);
  if (before.is(word_kind::prep, w_since) || before.is(word_kind::prep, w_after) ||
      before.is(word_kind::prep, w_from) || equals_ci(before.begin, before.size(), "post"))
    return true;
  const token<CharT> after = r.next(m.end);
  return after.kind == token_kind::word &&
         (equals_ci(after.begin, after.size(), "onwards") || equals_ci(after.begin, after.size(), "onward"));
}

/// "Before 1900", "Until 1815", "Prior to 1914", "Pre-1945", "Up to 1900": a heading whose
/// period has no start.
template <class CharT>
constexpr bool heading_opens_before(std::basic_string_view<CharT> text, const scan_match<CharT>& m) noexcept {
  const token_reader<CharT> r{text.data(), text.data() + text.size()};
  const token<CharT> before = word_before_date(r, m);
  if (before.is(word_kind::prep, w_before) || before.is(word_kind::prep, w_until) ||
      before.is(word_kind::prep, w_till) || equals_ci(before.begin, before.size(), "pre"))
    return true;
  if (!before.is(word_kind::prep, w_to)) return false;
  const token<CharT> w = r.prev(before.begin);  // "prior to", "up to"
  return w.kind == token_kind::word && (equals_ci(w.begin, w.size(), "prior") || equals_ci(w.begin, w.size(), "up"));
}

/// The shapes nearly every citation date has, read without the recognizer: "2011",
/// "2011-03", "2011-03-02", "2 March 2011", "March 2, 2011", "March 2011". Anything else
/// (or a value out of range) gives an invalid date, and the recognizer reads it.
template <class CharT>
constexpr date parse_common_date(std::basic_string_view<CharT> text) noexcept {
  const CharT* p = text.data();
  const CharT* end = p + text.size();
  trim(p, end);
  std::uint32_t a = 0, b = 0, c = 0;
  const int n = parse_uint(p, end, a, 5);
  const auto valid = [](std::uint32_t y, std::uint32_t m, std::uint32_t d) {
    return y >= 1000 && y <= 2999 && m <= 12 &&
           d <= static_cast<std::uint32_t>(m ? days_in_month(static_cast<std::int32_t>(y), static_cast<int>(m)) : 0);
  };
  const auto make = [&](std::uint32_t y, std::uint32_t m, std::uint32_t d) {
    return valid(y, m, d) ? date{static_cast<std::int32_t>(y), static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(d)}
                          : date{};
  };
  if (n == 4) {  // ISO: "2011", "2011-03", "2011-03-02"
    const CharT* q = p + 4;
    if (q == end) return make(a, 0, 0);
    if (byte_of(*q) != '-' || parse_uint(q + 1, end, b, 2) != 2) return {};
    q += 3;
    if (q == end) return b >= 1 ? make(a, b, 0) : date{};
    if (byte_of(*q) != '-' || parse_uint(q + 1, end, c, 2) != 2 || q + 3 != end || b < 1 || c < 1) return {};
    return make(a, b, c);
  }
  const auto month_at = [&](const CharT*& q) -> std::uint32_t {
    const CharT* w = q;
    while (q < end && is_alpha(byte_of(*q))) ++q;
    const word_entry* e = lookup_word(w, static_cast<std::size_t>(q - w));
    return e->kind == word_kind::month && !e->abbreviation ? e->value : 0;
  };
  if (n >= 1 && n <= 2 && p + n < end && byte_of(p[n]) == ' ') {  // "2 March 2011"
    const CharT* q = p + n + 1;
    b = month_at(q);
    if (b == 0 || q >= end || byte_of(*q) != ' ' || parse_uint(q + 1, end, c, 4) != 4 || q + 5 != end || a < 1) return {};
    return make(c, b, a);
  }
  if (n == 0 && p < end && is_upper(byte_of(*p))) {  // "March 2, 2011", "March 2011"
    const CharT* q = p;
    b = month_at(q);
    if (b == 0 || q >= end || byte_of(*q) != ' ') return {};
    ++q;
    const int k = parse_uint(q, end, a, 4);
    if (k == 4 && q + 4 == end) return make(a, b, 0);
    if (k < 1 || k > 2 || q + k + 6 != end || byte_of(q[k]) != ',' || byte_of(q[k + 1]) != ' ') return {};
    if (parse_uint(q + k + 2, end, c, 4) != 4 || a < 1) return {};
    return make(c, b, a);
  }
  return {};
}

}  // namespace detail

/// The period a section heading names: "World War II (1939–45)" → 1939–1945 (year
/// precision), "Cold War (1945–91)" → 1945–1991, "1800–1945" → 1800–1945, "Since 1945" →
/// begin 1945 open_end, "Before 1900" → end 1900 open_begin, "The 1920s" → decade,
/// "19th century" → century. No context; no
/// partial/relative dates. Returns an invalid period (begin.year == 0) when none.
template <class CharT>
constexpr period heading_period(std::basic_string_view<CharT> heading) {
  if (detail::use_fast_path() && !detail::may_hold_date(heading.data(), heading.data() + heading.size())) return period{};
  const detail::scan_match<CharT> m = detail::first_date(heading, detail::scan_mode::heading);
  if (!m.found()) return period{};
  period p = m.when;
  // One date, decade or century (not a range): "Since 1945", "Since the 1950s".
  const bool single = !p.open_end && (p.end == p.begin || p.precision == precision::decade ||
                                      p.precision == precision::century || p.precision == precision::millennium);
  if (single && detail::heading_leaves_open(heading, m)) {
    p.end = date{};
    p.open_end = true;
  } else if (single && detail::heading_opens_before(heading, m)) {
    p.end = p.begin;  // "Before 1900" ends at 1900, "Before the 1950s" where they begin
    p.begin = date{};
    p.open_begin = true;
  }
  return p;
}

/// Parses a citation's date field: "2 March 2011", "March 2, 2011", "2011-03-02",
/// "March 2011", "2011", "Winter 2002", "2011-03", "c. 1990". Returns the first day, month
/// or year the field names (a season, decade or century gives its first year only); an
/// invalid date when none.
template <class CharT>
constexpr date parse_date(std::basic_string_view<CharT> text) {
  if (const date d = detail::parse_common_date(text); d.valid()) return d;  // most citation dates
  const detail::scan_match<CharT> m = detail::first_date(text, detail::scan_mode::citation);
  if (!m.found()) return date{};
  const period& p = m.when;
  if (p.precision == precision::month || p.precision == precision::day) return p.begin;
  return date{p.begin.year, 0, 0};
}

}  // namespace wikirel

#endif
