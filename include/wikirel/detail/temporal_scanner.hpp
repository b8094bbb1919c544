#ifndef WIKIREL_DETAIL_TEMPORAL_SCANNER_HPP
#define WIKIREL_DETAIL_TEMPORAL_SCANNER_HPP

// The date recognizer's main loop. It walks the text once, stopping only at digits,
// quotes before digits ("'60s") and the few words that can head a date expression
// (months, seasons, ordinals, decade words, units of relative time). At run time the walk
// goes 64 bytes at a time with vector compares and a filter on word shapes, so most words
// are never looked at; constant evaluation takes the plain loop, which gives the same
// results. At a stop it parses an atom, reads the modifiers before it, joins a second atom
// into a range, judges bare numbers by their neighbours and fills partial dates from the
// anchor. Every look around is bounded, so the whole is linear in the text.

#include "../date.hpp"
#include "scan.hpp"
#include "temporal_atoms.hpp"
#include "temporal_context.hpp"
#include "temporal_identifiers.hpp"
#include "temporal_relative.hpp"
#include "temporal_simd.hpp"
#include "temporal_tokens.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace wikirel::detail {

/// Verbs that put an amount before "from" ("grew from 500 to 900"); at namespace scope, as
/// a function's local constexpr array is built on the stack at every call.
inline constexpr std::string_view amount_verbs[] = {
    "grew",   "rose",    "increased", "fell",    "dropped", "declined", "went",     "ranged",
    "ranging", "varied", "expanded",  "shrank",  "climbed", "jumped",   "doubled",  "reduced",
    "cut",    "raised",  "range",     "increase", "decrease", "decreased"};

enum class scan_mode : std::uint8_t {
  text,      ///< sentences of an article: partial and relative dates use the anchor
  heading,   ///< section headings
  citation,  ///< citation date fields: "2011-03" is a month
};

template <class C>
struct scan_match {
  const C* begin = nullptr;
  const C* end = nullptr;
  period when;
  constexpr bool found() const noexcept { return begin != nullptr; }
};

template <class C>
class date_scanner {
 public:
  constexpr date_scanner(const C* first, const C* last, anchor_state& anchor, scan_mode mode) noexcept
      : r_{first, last},
        parser_(r_, mode == scan_mode::citation),
        anchor_(anchor),
        mode_(mode),
        floor_(first),
        run_begin_(first),
        run_end_(first) {}

  /// Calls emit(begin, end, period) for each date expression, in order; stops early when
  /// emit returns false.
  template <class F>
  constexpr void run(F&& emit) {
#if WIKIREL_TEMPORAL_SSE2
    if (use_fast_path()) {
      run_blocks(emit);
      return;
    }
#endif
    run_scalar(emit);
  }

  /// The reference loop, one byte or word at a time; constant evaluation uses it, and the
  /// tests check the block loop against it.
  template <class F>
  constexpr void run_scalar(F&& emit) {
    const C* const first = r_.first;
    const C* const last = r_.last;
    const C* p = first;
    while (p < last) {
      const unsigned char c = byte_of(*p);
      scan_match<C> m;
      const C* next = p + 1;
      if (is_alpha(c)) {
        next = r_.word_end(p + 1);
        if (p == first || !(is_digit(byte_of(p[-1])) || r_.word_char_at(p - 1))) m = at_word_start(p, next);
      } else if (is_digit(c)) {
        while (next < last && is_digit(byte_of(*next))) ++next;
        if (number_starts_at(p)) m = expression(r_.make_number(p, next));
      } else if ((c == '\'' || c == 0xE2) && last - p >= 2) {
        m = expression(r_.read(p));
      }
      if (m.found()) {
        if (!accept(m, emit)) return;
        p = m.end;
      } else {
        p = next;
      }
    }
  }

#if WIKIREL_TEMPORAL_SSE2
  /// The same walk over 64-byte blocks: vector compares find word starts, digit runs and
  /// quotes, and only those are visited.
  template <class F>
  void run_blocks(F& emit) {
    const C* const first = r_.first;
    const C* const last = r_.last;
    const std::size_t size = static_cast<std::size_t>(last - first);
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(first);
    std::size_t resume = 0;  // positions before it were consumed by a match
    std::size_t block = 0;
    while (block < size) {
      block_masks m;
      if (size - block > 65) {  // classify_block reads two bytes past the 64
        m = classify_block(bytes + block);
      } else {
        // A block at the end, copied: the bytes past the text read as zeros (no class).
        unsigned char tail[80] = {};
        std::memcpy(tail, bytes + block, size - block);
        m = classify_block(tail);
      }
      // Words and numbers start after a byte that is neither a letter nor a digit. After a
      // byte >= 0x80 (a dash, a quote, or part of "Königsberg") the visit decides.
      const std::uint64_t carry = block > 0 && is_alnum(bytes[block - 1]) ? 1 : 0;
      const std::uint64_t before = ((m.alpha | m.digit) << 1) | carry;
      const std::uint64_t after_high = (m.high << 1) | (block > 0 && bytes[block - 1] >= 0x80 ? 1 : 0);
      constexpr std::uint64_t top1 = std::uint64_t{1} << 63, top3 = std::uint64_t{7} << 61;
      // Only quotes before a digit can open a decade ("'60s", "’60s").
      const std::uint64_t quotes = (m.apostrophe & ((m.digit >> 1) | top1)) | (m.high & ((m.digit >> 3) | top3));
      std::uint64_t todo = trigger_starts(m, m.alpha & ~before) | (m.digit & ~before) | quotes;
      if (resume > block) todo &= ~std::uint64_t{0} << (resume - block);
      while (todo != 0) {
        const int i = lowest_bit(todo);
        todo &= todo - 1;
        const C* p = first + block + static_cast<std::size_t>(i);
        if (p >= last) break;
        scan_match<C> found;
        if ((m.alpha >> i) & 1) {
          if (((after_high >> i) & 1) && r_.word_char_at(p - 1)) continue;
          const std::uint64_t rest = m.alpha >> i;
          std::size_t n = i == 0 && rest == ~std::uint64_t{0} ? 64 : static_cast<std::size_t>(lowest_bit(~rest));
          if (static_cast<std::size_t>(i) + n >= 64) {
            const C* e = p + n;
            while (e < last && is_alpha(byte_of(*e))) ++e;
            n = static_cast<std::size_t>(e - p);
          }
          if (!maybe_trigger(p, n)) continue;
          found = at_word_start(p, r_.word_end(p + n));
        } else if ((m.digit >> i) & 1) {
          if (!number_starts_at(p)) continue;
          const C* next = p + 1;
          while (next < last && is_digit(byte_of(*next))) ++next;
          found = expression(r_.make_number(p, next));
        } else if (last - p >= 2) {
          found = expression(r_.read(p));
        }
        if (!found.found()) continue;
        if (!accept(found, emit)) return;
        resume = static_cast<std::size_t>(found.end - first);
        if (resume >= block + 64) break;
        todo &= ~std::uint64_t{0} << (resume - block);
      }
      block += 64;
      if (resume > block) block = resume & ~std::size_t{63};
    }
  }
#endif

 private:
  token_reader<C> r_;
  atom_parser<C> parser_;
  anchor_state& anchor_;
  scan_mode mode_;
  const C* floor_;  ///< the end of the last match: modifiers are not read back past it
  // The white-space-delimited run last checked for looking like an identifier.
  const C* run_begin_;
  const C* run_end_;
  bool run_is_identifier_ = false;

  /// Reports a match; false when the caller asked to stop.
  template <class F>
  constexpr bool accept(const scan_match<C>& m, F& emit) {
    floor_ = m.end;
    if (mode_ == scan_mode::text && (!anchor_.has_year() || !aside(m))) anchor_.remember(m.when);
    return emit(m.begin, m.end, m.when);
  }

  /// A date the narrative does not move to once it has a date of its own, so that "the
  /// following year" does not count from it: a bracket of its own ("Venn (1801–1875) was a
  /// jurist") or a bare year that names a thing ("he renewed the treaty of 1790").
  constexpr bool aside(const scan_match<C>& m) const noexcept {
    const C* b = m.begin;
    while (b > r_.first && is_blank(byte_of(b[-1]))) --b;
    const C* e = r_.skip_space(m.end);
    if (b > r_.first && byte_of(b[-1]) == '(' && e < r_.last && byte_of(*e) == ')') return true;
    // "of" before it, looked at byte by byte first: most dates have no "of" there.
    if (m.when.precision != precision::year || b - r_.first < 3 || byte_of(b[-1]) != 'f' || byte_of(b[-2]) != 'o' ||
        !is_blank(byte_of(b[-3])))
      return false;
    const token<C> before = r_.prev(m.begin);
    if (!before.is(word_kind::prep, w_of)) return false;
    const token<C> noun = r_.prev(before.begin);  // "of 1790" after a noun, not "the end of 1790"
    return noun.kind == token_kind::word && noun.entry->kind == word_kind::none && is_lower(byte_of(*noun.begin));
  }

  /// A word [p, e) that starts at a word boundary: a date expression when it is a trigger.
  constexpr scan_match<C> at_word_start(const C* p, const C* e) {
    const std::size_t n = static_cast<std::size_t>(e - p);
    if (!maybe_trigger(p, n)) return {};
    token<C> t;
    t.entry = lookup_word(p, n);
    if (t.entry->kind == word_kind::none || !is_trigger(t.entry->kind)) return {};
    t.kind = token_kind::word;
    t.begin = p;
    t.end = e;
    return at_word(t);
  }

  /// A digit run that is not the tail of "A380", "2,600" or "3.5".
  constexpr bool number_starts_at(const C* p) const noexcept {
    if (p == r_.first) return true;
    const unsigned char b = byte_of(p[-1]);
    if (is_alnum(b) || r_.word_char_at(p - 1)) return false;
    if ((b == ',' || b == '.' || b == ':') && p - 1 > r_.first && is_digit(byte_of(p[-2]))) return false;
    return true;
  }

  constexpr bool in_identifier(const C* p) {
    if (p >= run_begin_ && p < run_end_) return run_is_identifier_;
    const auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    const C* b = p;
    while (b > r_.first && !space(byte_of(b[-1]))) --b;
    const C* e = p;
    while (e < r_.last && !space(byte_of(*e))) ++e;
    run_begin_ = b;
    run_end_ = e;
    run_is_identifier_ = looks_like_identifier(b, e);
    return run_is_identifier_;
  }

  constexpr scan_match<C> at_word(const token<C>& t) {
    switch (t.entry->kind) {
      case word_kind::unit: {
        if (mode_ != scan_mode::text) return {};
        const relative_reader<C> rel(r_, floor_, anchor_);
        const relative_match<C> m = rel.around_unit(t);
        if (!m.found()) return {};
        return scan_match<C>{m.begin, m.end, m.when};
      }
      default: return expression(t);
    }
  }

  /// "twenty-first", "thirty-first": an ordinal word after a tens word and a hyphen.
  constexpr date_atom<C> parse_at(const token<C>& t) const noexcept {
    if (t.is(word_kind::number) && (t.entry->value == 20 || t.entry->value == 30)) {
      const token<C> dash = r_.read(t.end);
      if (dash.kind == token_kind::dash && dash.end - dash.begin == 1) {
        const token<C> o = r_.read(dash.end);
        if (o.is(word_kind::ordinal) && o.entry->value < 10)
          return parser_.parse_ordinal_end(t.begin, o.end, t.entry->value + o.entry->value);
      }
      return {};
    }
    if (t.is(word_kind::ordinal) && t.entry->value < 10) {
      const token<C> dash = r_.read_back(t.begin);
      if (dash.kind == token_kind::dash && dash.end - dash.begin == 1) {
        const token<C> tens = r_.read_back(dash.begin);
        if (tens.is(word_kind::number) && (tens.entry->value == 20 || tens.entry->value == 30) && tens.begin >= floor_)
          return parser_.parse_ordinal_end(tens.begin, t.end, tens.entry->value + t.entry->value);
      }
    }
    return parser_.parse(t);
  }

  constexpr scan_match<C> expression(const token<C>& t) {
    if (t.kind == token_kind::number && t.digits <= 2 && !small_number_may_continue(t)) return {};
    date_atom<C> a = parse_at(t);
    if (!a.valid() || a.kind == atom_kind::present) return {};
    if (a.kind == atom_kind::number && a.digits <= 2 && !small_number_may_date(a)) return {};
    const context_reader<C> cx(r_, floor_);
    const prefix_info<C> pi = cx.read_prefix(a);
    if (pi.era == era_ad && a.kind == atom_kind::number) {
      a.kind = atom_kind::date;
      a.year = static_cast<std::int32_t>(a.value);
      a.era = era_ad;
    }
    a.part = pi.part;
    date_atom<C> b;
    bool open = false, quantity = false;
    const C* end = a.end;
    join_range(a, b, open, end, quantity, pi, cx);
    if (quantity) return {};
    return finish(a, b, open, end, pi, cx);
  }

  /// A cheap first look at a number of one or two digits, from the bytes around it: it
  /// can start a date only if a word, a dash or an apostrophe follows ("3 May", "19th",
  /// "3–5 May", "60s", "9 AD"), it is grouped in thousands ("10,000 BC") or an era or
  /// "year" precedes ("AD 9", "the year 9").
  constexpr bool small_number_may_continue(const token<C>& t) const noexcept {
    const C* q = r_.skip_space(t.end);
    if (q < r_.last) {
      const unsigned char c = byte_of(*q);
      if (is_alpha(c) || c == '-' || c == '\'' || c == 0xE2) return true;
      if (c == ',' && q == t.end && r_.last - q >= 4 && is_digit(byte_of(q[1]))) return true;  // "10,000 BC"
      if (c == '/' && q == t.end && r_.last - q >= 2 && is_digit(byte_of(q[1]))) return true;  // "4/5 August"
    }
    const C* b = r_.skip_space_back(t.begin);
    if (b - r_.first < 2) return false;
    const unsigned char z = byte_of(b[-1]);
    return z == 'D' || z == '.' || z == 'r';  // "AD", "A.D.", "year"
  }

  /// A number of one or two digits is a date only as the first day of a range ("3–5 May",
  /// "from 3 to 5 May"), after an era ("AD 9") or after "year"; most are counts, scores
  /// and citation markers, dismissed here before any other look around.
  constexpr bool small_number_may_date(const date_atom<C>& a) const noexcept {
    const token<C> sep = r_.next(a.end);
    const bool joins = sep.kind == token_kind::dash || (sep.is_punct('/') && sep.begin == a.end) ||
                       sep.is(word_kind::prep, w_to) ||
                       sep.is(word_kind::prep, w_until) || sep.is(word_kind::prep, w_till) ||
                       sep.is(word_kind::prep, w_through) || sep.is(word_kind::prep, w_and);
    if (joins) {
      const token<C> day = r_.next(sep.end);
      if (day.kind == token_kind::number && day.digits <= 2) {
        token<C> after = r_.next(day.end);
        if (after.kind == token_kind::word && !after.is(word_kind::month) && after.begin == day.end)
          after = r_.next(after.end);
        if (after.is(word_kind::prep, w_of)) after = r_.next(after.end);
        if (after.is(word_kind::month)) return true;
      }
    }
    const context_reader<C> cx(r_, floor_);
    return cx.ad_before(a.begin) != nullptr || r_.prev(a.begin).is(word_kind::unit, u_year);
  }

  static constexpr void to_year(date_atom<C>& a, std::int32_t year) noexcept {
    a.kind = atom_kind::date;
    a.year = year;
  }

  /// Whether token sep joins two ends of a range after atom a: a dash, "/", "to",
  /// "until", "till", "through"; "and" after "between" or an ordinal ("the 15th and 16th
  /// centuries").
  static constexpr bool is_joiner(const token<C>& sep, const date_atom<C>& a, const prefix_info<C>& pi) noexcept {
    if (sep.kind == token_kind::dash || (sep.is_punct('/') && sep.begin == a.end)) return true;
    if (!sep.is(word_kind::prep)) return false;
    const std::uint8_t v = sep.entry->value;
    return v == w_to || v == w_until || v == w_till || v == w_through || v == w_thru ||
           (v == w_and && (pi.between || a.kind == atom_kind::ordinal || small_day(a))) ||
           (v == w_into &&
            (a.kind == atom_kind::century || a.kind == atom_kind::millennium || a.kind == atom_kind::decade));
  }

  /// "(Smith 1998, p. 45)", "Jones 2001, pp. 4–5": the year of a work cited in the text.
  constexpr bool cites_a_page(const C* end) const noexcept {
    if (end >= r_.last || byte_of(*end) != ',') return false;  // most years: no token read
    const token<C> comma = r_.next(end);
    if (!comma.is_punct(',')) return false;
    const token<C> p = r_.next(comma.end);
    if (p.kind != token_kind::word || p.size() > 2 || (!equals_ci(p.begin, p.size(), "p") && !equals_ci(p.begin, p.size(), "pp")))
      return false;
    return p.end < r_.last && byte_of(*p.end) == '.';
  }

  /// "the 1950s and 60s": a decade written with two digits after "and" shares the first
  /// one's century, and the two make one span (a bare "60s" is no expression of its own).
  constexpr bool elided_decade(const date_atom<C>& a, const token<C>& sep) const noexcept {
    if (a.kind != atom_kind::decade || a.digits < 3 || !sep.is(word_kind::prep, w_and)) return false;
    const token<C> t = r_.next(sep.end);
    if (t.kind != token_kind::number || t.digits != 2) return false;
    const date_atom<C> b = parser_.parse(t);
    return b.kind == atom_kind::decade && b.digits == 2 && b.needs_the;
  }

  /// "3" of "3 and 4 July": a day number (small_number_may_date let it through only so).
  static constexpr bool small_day(const date_atom<C>& a) noexcept {
    return a.kind == atom_kind::number && a.digits <= 2 && a.value >= 1 && a.value <= 31;
  }

  /// Reads "–1945", " to 1991", " and 1953" (after "between"), "/42" after atom a into b.
  /// Sets `quantity` when the two ends turn out to be counts ("1500–2000 troops").
  constexpr void join_range(date_atom<C>& a, date_atom<C>& b, bool& open, const C*& end, bool& quantity,
                            const prefix_info<C>& pi, const context_reader<C>& cx) const noexcept {
    const token<C> sep = r_.next(a.end);
    if (!is_joiner(sep, a, pi) && !elided_decade(a, sep)) return;
    const token<C> t = r_.next(sep.end);
    if (sep.kind == token_kind::dash && (t.kind == token_kind::end || t.is_punct(')') || t.is_punct(']'))) {
      // "(1992–)": still going.
      date_atom<C> now;
      now.kind = atom_kind::present;
      now.begin = sep.begin;
      now.end = sep.end;
      if (!combine(a, now, pi, cx)) return;
      b = now;
      open = true;
      end = sep.end;
      return;
    }
    date_atom<C> second = second_atom(t, sep, pi, cx);
    if (!second.valid()) return;
    if (a.kind == atom_kind::number && second.kind == atom_kind::number) {
      if (!cx.dating_context(pi) && parser_.counts_something(second.end)) {
        quantity = true;  // "1500–2000 troops", "from 1500 to 2000 men"
        return;
      }
      if (iso_month_tail(a, second, sep, pi, cx)) {
        end = a.end;
        return;
      }
      if (sep.is_punct('/') && second.value != (a.value + 1) % 100 && second.value != a.value + 1) return;
    }
    if (!combine(a, second, pi, cx)) return;
    b = second;
    open = second.kind == atom_kind::present;
    end = second.end;
  }

  /// The end of a range at token t, with its own modifiers: "the 1950s", "late 1944",
  /// "c. 1250", "AD 14".
  constexpr date_atom<C> second_atom(token<C> t, const token<C>& sep, const prefix_info<C>& pi,
                                     const context_reader<C>& cx) const noexcept {
    std::uint8_t part = 0;
    bool approximate = false;
    for (int i = 0; i < 3; ++i) {
      if (t.is(word_kind::the)) {
        t = r_.next(t.end);
      } else if (t.is(word_kind::part)) {
        part = t.entry->value;
        const token<C> dash = r_.read(t.end);
        t = dash.kind == token_kind::dash ? r_.read(dash.end) : r_.next(t.end);
      } else if (t.is(word_kind::approx) && !t.is(word_kind::approx, a_about) && !t.is(word_kind::approx, a_around)) {
        const bool dotted = t.end < r_.last && byte_of(*t.end) == '.';
        if (t.is(word_kind::approx, a_c) && !dotted) break;
        approximate = true;
        t = r_.next(dotted ? t.end + 1 : t.end);
      } else {
        break;
      }
    }
    date_atom<C> second = parse_at(t);
    if (second.kind == atom_kind::number && pi.era == no_era) {
      if (const C* e = cx.ad_before(t.begin); e != nullptr && e > sep.begin) {  // "27 BC – AD 14"
        second.kind = atom_kind::date;
        second.year = static_cast<std::int32_t>(second.value);
        second.era = era_ad;
      }
    }
    second.part = part;
    second.approximate = approximate;
    return second;
  }

  /// "1991-12" is a month, not the range 1991–2012; "1998-02" (four years) is a range.
  constexpr bool iso_month_tail(date_atom<C>& a, const date_atom<C>& second, const token<C>& sep,
                                const prefix_info<C>& pi, const context_reader<C>& cx) const noexcept {
    if (sep.kind != token_kind::dash || sep.size() != 1 || sep.begin != a.end || second.begin != sep.end) return false;
    if (a.digits != 4 || second.digits != 2 || second.value < 1 || second.value > 12) return false;
    const std::int32_t year = static_cast<std::int32_t>(a.value);
    if (expand_two_digit_year(year, second.value) - year <= 10 || !cx.is_year_number(a, pi, second.end, parser_))
      return false;
    to_year(a, year);
    a.month = static_cast<std::uint8_t>(second.value);
    a.end = second.end;
    return true;
  }

  /// Makes a and b the two ends of one range, filling what the first leaves to the second
  /// ("3–5 May 1940", "May–June 1940", "264–146 BC"); false when they do not make one.
  constexpr bool combine(date_atom<C>& a, date_atom<C>& b, const prefix_info<C>& pi,
                         const context_reader<C>& cx) const noexcept {
    switch (b.kind) {
      case atom_kind::present:
        if (a.kind == atom_kind::number) {
          if (!is_year_number(a) || !cx.is_year_number(a, pi, b.end, parser_)) return false;
          to_year(a, static_cast<std::int32_t>(a.value));
          return true;
        }
        return a.dated() || a.kind == atom_kind::decade || a.kind == atom_kind::hundreds ||
               a.kind == atom_kind::century || a.kind == atom_kind::millennium;
      case atom_kind::number:
        if (!end_is_number(a, b, pi, cx)) return false;
        break;
      case atom_kind::date:
        if (b.partial()) return both_partial(a, b);
        if (!end_is_dated(a, b, pi, cx)) return false;
        break;
      case atom_kind::decade:
        if (a.kind != b.kind) return false;
        if (b.digits == 2 && a.digits >= 3) {  // "the 1880s–90s": the 90s of a's century
          b.year = a.year - a.year % 100 + b.year % 100;
          if (b.year < a.year) b.year += 100;  // "the 1990s–00s"
        }
        break;
      case atom_kind::hundreds:
        if (a.kind != b.kind) return false;
        break;
      case atom_kind::century:
      case atom_kind::millennium:
        // "the 15th and 16th centuries", "the 4th–3rd millennium BC": the first takes the unit.
        if (a.kind == atom_kind::ordinal && a.value >= 1 && a.value <= (b.kind == atom_kind::century ? 30u : 10u))
          a.kind = b.kind;
        if (a.kind != b.kind) return false;
        if (a.era == no_era) a.era = b.era;
        break;
      default: return false;
    }
    date ab, ae, bb, be;
    a.span(ab, ae);
    b.span(bb, be);
    // In order, and not one year twice ("1917–1917").
    return not_before(be, ab) && not_before(bb, ab) && !(be == ab && bb == ab && ae == be);
  }

  static constexpr bool is_year_number(const date_atom<C>& n) noexcept {
    return n.kind == atom_kind::number && n.digits == 4 && n.value >= 1000 && n.value <= 2199;
  }

  /// a could be the first day of a range whose end b has a day and month ("3–5 May").
  static constexpr bool is_first_day(const date_atom<C>& a, const date_atom<C>& b) noexcept {
    if (a.kind != atom_kind::number && a.kind != atom_kind::ordinal) return false;
    return b.day != 0 && b.day_first && a.value >= 1 && a.value < b.day &&
           (a.kind == atom_kind::ordinal || a.digits <= 2);
  }

  /// The end is a bare number: "1917–91", "1939–1945", "(960–1279)", "May 1940 – 1945".
  constexpr bool end_is_number(date_atom<C>& a, date_atom<C>& b, const prefix_info<C>& pi,
                               const context_reader<C>& cx) const noexcept {
    if (a.kind == atom_kind::number && a.digits == 3 && a.value >= 100 && b.value > a.value &&
        (b.digits == 3 || is_year_number(b)) && (parenthesized(pi, b.end) || pi.circa)) {
      // "The Song dynasty (960–1279)", "c. 965 – c. 1040": a bracketed range, or one marked
      // circa, is a span of years.
      to_year(a, static_cast<std::int32_t>(a.value));
      to_year(b, static_cast<std::int32_t>(b.value));
      return true;
    }
    if (short_year_range(a, b, pi, cx)) {
      to_year(a, static_cast<std::int32_t>(a.value));
      to_year(b, static_cast<std::int32_t>(b.value));
      return true;
    }
    // "1990–2", "1998-9": one digit written straight after the dash is a year of the same
    // decade.
    const bool one_digit = b.digits == 1 && tight_joint(a.end, b.begin) &&
                           b.value > (a.value % 10) && !parser_.counts_something(b.end);
    if (is_year_number(a) && a.era == no_era && (b.digits == 2 || one_digit || is_year_number(b))) {
      if (!cx.is_year_number(a, pi, b.end, parser_)) return false;
      const std::int32_t y = static_cast<std::int32_t>(a.value);
      const std::int32_t end = b.digits == 2 ? expand_two_digit_year(y, b.value)
                               : one_digit   ? y - y % 10 + static_cast<std::int32_t>(b.value)
                                             : static_cast<std::int32_t>(b.value);
      // Two digits name the next century's years only right after its turn ("1998–02",
      // "1999–00"): "1945–44" is no 99-year range, and "1950-13-01" no range at all.
      if (b.digits == 2 && end - y > 20 && end / 100 != y / 100) return false;
      to_year(b, end);
      to_year(a, y);
      return true;
    }
    if (a.dated() && a.era == no_era && is_year_number(b)) {
      to_year(b, static_cast<std::int32_t>(b.value));
      return true;
    }
    return false;
  }

  /// Only a dash between p and q, no space.
  static constexpr bool tight_joint(const C* p, const C* q) noexcept {
    const std::ptrdiff_t n = q - p;
    return (n == 1 && byte_of(*p) == '-') || (n == 3 && dash_length(p, q) == 3);
  }

  /// A range of years of three digits in running text, where the words say it is one:
  /// "in 871–899", "during 1066–1087", "between 618 and 907." "from 950 to 1066". Counts
  /// look the same ("grew from 500 to 900.", "500–900 men"), so a count's verb before
  /// "from" or a noun after the range rules it out, and two short numbers after "from" or
  /// "between" must end their clause.
  constexpr bool short_year_range(const date_atom<C>& a, const date_atom<C>& b, const prefix_info<C>& pi,
                                  const context_reader<C>& cx) const noexcept {
    if (a.kind != atom_kind::number || a.digits != 3 || a.value < 100 || pi.era != no_era) return false;
    if (!(b.digits == 3 || is_year_number(b)) || b.value <= a.value || b.value - a.value > 600) return false;
    const bool in_or_during =
        pi.before.is(word_kind::prep, w_in) || pi.before.is(word_kind::prep, w_during) || reign_before(pi.before);
    if (!in_or_during && !pi.from && !pi.between) return false;
    if ((pi.from || pi.between) && changes_amount(r_.prev(pi.before.begin))) return false;
    if (parser_.counts_something(b.end) || parser_.hyphenated_measure(b.end)) return false;
    if (b.digits == 3 && !in_or_during && !cx.sentence_punct_after(b.end)) return false;
    return !cx.bad_neighbours(a, pi);
  }

  /// "r. 871–899", "reigned 306–337", "ruled 871–899": a reign is a span of years.
  constexpr bool reign_before(const token<C>& t) const noexcept {
    if (t.is_punct('.')) {
      const token<C> r = r_.prev(t.begin);
      return r.kind == token_kind::word && r.end == t.begin && r.size() == 1 && byte_of(*r.begin) == 'r';
    }
    return t.kind == token_kind::word &&
           (equals_ci(t.begin, t.size(), "reigned") || equals_ci(t.begin, t.size(), "ruled"));
  }

  /// Verbs that put an amount before "from": "grew from 500 to 900".
  static constexpr bool changes_amount(const token<C>& t) noexcept {
    if (t.kind != token_kind::word) return false;
    for (std::string_view v : amount_verbs)
      if (equals_ci(t.begin, t.size(), v)) return true;
    return false;
  }

  /// The end is a date with a year: "264–146 BC", "3–5 May 1940", "May–June 1940",
  /// "1939 – May 1945", "December 1917 – January 1918".
  constexpr bool end_is_dated(date_atom<C>& a, const date_atom<C>& b, const prefix_info<C>& pi,
                              const context_reader<C>& cx) const noexcept {
    if (a.kind == atom_kind::number && b.era != no_era && b.month == 0 && b.season == 0 && a.digits <= 4 &&
        a.value >= 1) {
      to_year(a, b.era == era_bc ? -static_cast<std::int32_t>(a.value) : static_cast<std::int32_t>(a.value));
      a.era = b.era;  // the era written last applies to both ends
      return true;
    }
    if (is_first_day(a, b)) {
      to_day(a, b);
      a.year = b.year;
      return true;
    }
    if (is_year_number(a) && b.era == no_era) {
      if (!cx.is_year_number(a, pi, b.end, parser_)) return false;
      to_year(a, static_cast<std::int32_t>(a.value));
      return true;
    }
    if (a.partial()) {
      a.year = b.year;
      a.era = b.era;
      if ((a.month != 0 && b.month != 0 && a.month > b.month) ||
          (a.season == winter && b.season != 0 && b.season != winter))
        a.year = add_years(b.year, -1);  // "December – January 1941"
      return true;
    }
    return a.dated();
  }

  /// Neither end has a year yet ("3 May – 5 June", "3–5 May"): the anchor gives it later.
  static constexpr bool both_partial(date_atom<C>& a, const date_atom<C>& b) noexcept {
    if (is_first_day(a, b)) {
      to_day(a, b);
      return true;
    }
    return a.partial();
  }

  /// The expression stands alone in brackets: "(960–1279)".
  constexpr bool parenthesized(const prefix_info<C>& pi, const C* end) const noexcept {
    return pi.adjacent.is_punct('(') && r_.next(end).is_punct(')');
  }

  static constexpr void to_day(date_atom<C>& a, const date_atom<C>& b) noexcept {
    a.kind = atom_kind::date;
    a.day = static_cast<std::uint8_t>(a.value);
    a.month = b.month;
    a.day_first = true;
  }

  /// Evidence that a lone month name is a month: "in June", "by early October", "that May".
  constexpr bool month_evidence(const date_atom<C>& a, const prefix_info<C>& pi) const noexcept {
    if (pi.part != 0 || pi.from || pi.between || pi.approximate) return true;
    const token<C>& w = pi.before;
    bool ok = w.is(word_kind::that) || w.is(word_kind::shift);
    if (w.is(word_kind::prep)) {
      switch (w.entry->value) {
        case w_in:
        case w_by:
        case w_on:
        case w_during:
        case w_until:
        case w_till:
        case w_since:
        case w_of:
        case w_through:
        case w_throughout:
        case w_before:
        case w_after:
        case w_last:
        case w_this: ok = true; break;
        default: break;
      }
    }
    // "in February and October": a month joined to the date just reported.
    if (!ok && lists(w)) {
      const token<C> v = r_.prev(w.begin);
      ok = v.kind != token_kind::end && v.end == floor_ && floor_ != r_.first;
    }
    if (!ok) return false;
    if (a.month == 4 || a.month == 5 || a.month == 6 || a.month == 8) {
      const token<C> n = r_.next(a.end);  // "in June Carter's", "by April Ashley"
      if (n.capitalized() && n.entry->kind == word_kind::none) return false;
    }
    return true;
  }

  /// A month or day without a year that comes round every year: "the third Tuesday in
  /// May", "the last Friday of June", "in May each year", "every June", "every 9 May",
  /// "each year on 17 June", "annually on 9 May". w is the token before the date.
  constexpr bool recurs(const date_atom<C>& a, const token<C>& w) const noexcept {
    if (w.is(word_kind::recurring, r_each) || w.is(word_kind::recurring, r_annually)) return true;  // "each May"
    if (w.is(word_kind::prep, w_on)) {
      const token<C> v = r_.prev(w.begin);
      if (v.is(word_kind::recurring, r_annually)) return true;  // "annually on 9 May"
      if (observance(v)) return true;  // "Armistice Day is observed on 11 November"
      if (v.is(word_kind::unit, u_year) && r_.prev(v.begin).is(word_kind::recurring, r_each)) return true;
    }
    if (w.is(word_kind::prep, w_in) || w.is(word_kind::prep, w_of)) {
      const token<C> day = r_.prev(w.begin);
      if (day.is(word_kind::recurring, r_weekday)) {
        const token<C> nth = r_.prev(day.begin);
        if (nth.is(word_kind::ordinal) || nth.is(word_kind::prep, w_last) || nth.is(word_kind::recurring, r_each) ||
            ordinal_suffix(nth))
          return true;
      }
    }
    const token<C> n = r_.next(a.end);  // "in May each year", "in May of every year", "on 9 May annually"
    if (n.is(word_kind::recurring, r_annually)) return true;
    const token<C> q = n.is(word_kind::prep, w_of) ? r_.next(n.end) : n;
    return q.is(word_kind::recurring, r_each) && r_.next(q.end).is(word_kind::unit, u_year);
  }

  /// "is observed", "are celebrated", "is commemorated", "falls": a day kept every year.
  constexpr bool observance(const token<C>& v) const noexcept {
    if (v.kind != token_kind::word) return false;
    const std::size_t n = v.size();
    if (equals_ci(v.begin, n, "falls")) return true;
    if (!equals_ci(v.begin, n, "observed") && !equals_ci(v.begin, n, "celebrated") &&
        !equals_ci(v.begin, n, "commemorated"))
      return false;
    const token<C> be = r_.prev(v.begin);
    return be.kind == token_kind::word && (equals_ci(be.begin, be.size(), "is") || equals_ci(be.begin, be.size(), "are"));
  }

  /// "th" of "4th", "st" of "1st": the letters right after a number.
  constexpr bool ordinal_suffix(const token<C>& t) const noexcept {
    if (t.kind != token_kind::word || t.size() != 2 || t.begin == r_.first || !is_digit(byte_of(t.begin[-1])))
      return false;
    const unsigned char x = static_cast<unsigned char>(byte_of(t.begin[0]) | 0x20);
    const unsigned char z = static_cast<unsigned char>(byte_of(t.begin[1]) | 0x20);
    return (x == 't' && z == 'h') || (x == 's' && z == 't') || (x == 'n' && z == 'd') || (x == 'r' && z == 'd');
  }

  /// Judges the expression read so far and turns it into a match, or into nothing.
  constexpr scan_match<C> finish(date_atom<C>& a, date_atom<C>& b, bool open, const C* end, const prefix_info<C>& pi,
                                 const context_reader<C>& cx) {
    const bool ranged = b.valid();
    if (a.needs_the && !pi.the_before) return {};
    if (a.kind == atom_kind::ordinal && !ranged) century_ahead(a);
    if (a.kind == atom_kind::ordinal || a.kind == atom_kind::present) return {};
    if (a.kind == atom_kind::number) {
      if (ranged || !cx.is_year_number(a, pi, a.end, parser_) || cites_a_page(a.end)) return {};
      to_year(a, static_cast<std::int32_t>(a.value));
    }
    bool inferred = false;
    if (a.partial()) {
      const bool joined = !ranged && year_ahead(a);
      if (!joined && !ranged && a.season != 0) return season_phrase(a);
      if (!joined && !resolve_partial(a, b, pi)) return {};
      inferred = true;
    }
    if (in_identifier(a.begin)) return {};
    scan_match<C> m;
    m.begin = ranged ? pi.range_begin : pi.begin;
    m.end = end;
    date ae, bb;
    a.span(m.when.begin, ae);
    m.when.end = ae;
    m.when.precision = a.date_precision();
    if (open) {
      m.when.end = date{};
      m.when.open_end = true;
    } else if (ranged) {
      b.span(bb, m.when.end);
    }
    // Early, mid and late are approximate; halves are not.
    const auto rough = [](std::uint8_t part) { return part >= p_early && part <= p_late; };
    m.when.approximate =
        pi.approximate || rough(pi.part) || a.approximate || (ranged && (b.approximate || rough(b.part)));
    m.when.inferred = inferred;
    return m;
  }

  /// A season without a year: "the following spring", "in the summer", "that winter".
  constexpr scan_match<C> season_phrase(const date_atom<C>& a) {
    if (mode_ != scan_mode::text) return {};
    const relative_reader<C> rel(r_, floor_, anchor_);
    const relative_match<C> m = rel.around_season(r_.read(a.begin));
    if (!m.found() || in_identifier(a.begin)) return {};
    return scan_match<C>{m.begin, m.end, m.when};
  }

  /// "and", "or" or a comma: a token that joins the items of a list.
  static constexpr bool lists(const token<C>& t) noexcept {
    return t.is(word_kind::prep, w_and) || t.is(word_kind::prep, w_or) || t.is_punct(',');
  }

  /// An ordinal listed before a century is one too: "the late twelfth or early thirteenth
  /// century", "the 11th, 12th or 13th century" (each is its own expression); so for a
  /// millennium ("the 3rd and 2nd millennia BC").
  constexpr void century_ahead(date_atom<C>& a) const noexcept {
    if (a.value < 1 || a.value > 30) return;
    const C* q = r_.skip_space(a.end);  // "the first time": a look at one byte, no token read
    if (q >= r_.last || (byte_of(*q) != ',' && byte_of(*q) != 'o' && byte_of(*q) != 'a')) return;
    token<C> t = r_.next(a.end);
    for (int i = 0; i < 4 && !t.is(word_kind::prep, w_or) && !t.is(word_kind::prep, w_and); ++i) {
      // "11th, 12th or 13th": commas and further ordinals lead to the "or".
      const C* next = t.end;
      if (!t.is_punct(',')) {
        const date_atom<C> o = parse_at(t);
        if (o.kind != atom_kind::ordinal) return;
        next = o.end;
      }
      t = r_.next(next);
    }
    if (!t.is(word_kind::prep, w_or) && !t.is(word_kind::prep, w_and)) return;
    t = r_.next(t.end);
    if (t.is(word_kind::the)) t = r_.next(t.end);
    if (t.is(word_kind::part)) {
      const token<C> dash = r_.read(t.end);
      t = dash.kind == token_kind::dash ? r_.read(dash.end) : r_.next(t.end);
    }
    const date_atom<C> c = parse_at(t);
    if (c.kind != atom_kind::century && !(c.kind == atom_kind::millennium && a.value <= 10)) return;
    a.kind = c.kind;
    a.era = c.era;
  }

  /// Gives a partial date the year of the dated one joined to it by "and", "or" or a
  /// comma ("May and June 1945", "3 May and 5 June 1945", "spring and summer 1945"): that
  /// year, not the last one the text named, is the one meant. December before January
  /// takes the year before. False when no dated date follows so.
  /// Longer lists are walked to their dated end ("March, April and May 1944"), each month
  /// after a later one stepping back a year ("December, January and February 1944").
  constexpr bool year_ahead(date_atom<C>& a) const noexcept {
    if (mode_ != scan_mode::text) return false;
    std::uint8_t months[max_listed] = {};
    std::size_t listed = 0;
    date_atom<C> item = a;
    for (;;) {
      const token<C> sep = r_.next(item.end);
      if (!lists(sep) || listed == max_listed) return false;
      months[listed++] = item.month;
      token<C> t = r_.next(sep.end);
      if (sep.is_punct(',') && (t.is(word_kind::prep, w_and) || t.is(word_kind::prep, w_or))) t = r_.next(t.end);
      item = parse_at(t);
      if (item.kind != atom_kind::date || (item.month == 0 && item.season == 0)) return false;
      if (item.dated()) break;
    }
    std::int32_t year = item.year;
    std::uint8_t later = item.month;
    for (std::size_t i = listed; i-- > 0;) {
      if (months[i] != 0 && later != 0 && months[i] > later) year = add_years(year, -1);
      if (months[i] != 0) later = months[i];
    }
    a.year = year;
    a.era = item.era;
    return true;
  }
  static constexpr std::size_t max_listed = 6;

  /// Gives a partial date ("3 May", "June", "3–5 May") the anchor's year; false when there
  /// is no anchor or a lone month name lacks evidence of being one.
  constexpr bool resolve_partial(date_atom<C>& a, date_atom<C>& b, const prefix_info<C>& pi) const noexcept {
    const bool ranged = b.valid();
    if (mode_ != scan_mode::text || !anchor_.has_year()) return false;
    if (!ranged && (recurs(a, pi.before) || (a.day == 0 && !month_evidence(a, pi)))) return false;
    a.year = anchor_.year_for_month(a.month);
    if (ranged && b.partial()) {
      b.year = a.year;
      if (b.month != 0 && b.month < a.month) b.year = add_years(a.year, 1);
    }
    return true;
  }
};

}  // namespace wikirel::detail

#endif
