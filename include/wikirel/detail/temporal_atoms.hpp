#ifndef WIKIREL_DETAIL_TEMPORAL_ATOMS_HPP
#define WIKIREL_DETAIL_TEMPORAL_ATOMS_HPP

// The single date expressions the recognizer joins into ranges: a number (maybe a year),
// an ordinal, a calendar date of any precision ("25 December 1991", "May 3", "June",
// "summer of 1944", "499 BC"), a decade, "the 1800s", a century. An atom reads forward
// from its first token and knows nothing of what stands before it.

#include "../date.hpp"
#include "temporal_calendar.hpp"
#include "temporal_tokens.hpp"

#include <cstdint>

namespace wikirel::detail {

enum class atom_kind : std::uint8_t { none, number, ordinal, date, decade, hundreds, century, millennium, present };
enum era_id : std::uint8_t { no_era = 0, era_ad = 1, era_bc = 2 };

template <class C>
struct date_atom {
  atom_kind kind = atom_kind::none;
  const C* begin = nullptr;
  const C* end = nullptr;
  std::int32_t year = 0;  ///< date: 0 while unknown; decade and hundreds: the first year
  std::uint8_t month = 0;
  std::uint8_t day = 0;
  std::uint8_t day_end = 0;  ///< "May 3–5": the last day of a range inside one month
  std::uint8_t season = 0;
  std::uint32_t value = 0;   ///< number or ordinal value; a century's ordinal
  std::uint32_t digits = 0;  ///< a number's digit count
  std::uint8_t era = no_era;
  std::uint8_t part = 0;  ///< early, mid, late
  bool approximate = false;
  bool needs_the = false;  ///< "the 60s", "the 800s", "the twenties"
  bool day_first = false;  ///< written day before month ("3 May"), or an ordinal day

  constexpr bool valid() const noexcept { return kind != atom_kind::none; }
  constexpr bool dated() const noexcept { return kind == atom_kind::date && year != 0; }
  constexpr bool partial() const noexcept { return kind == atom_kind::date && year == 0; }

  constexpr precision date_precision() const noexcept {
    switch (kind) {
      case atom_kind::date:
        return day != 0      ? precision::day
               : season != 0 ? precision::season
               : month != 0  ? precision::month
                             : precision::year;
      case atom_kind::decade: return precision::decade;
      case atom_kind::hundreds:
      case atom_kind::century: return precision::century;
      case atom_kind::millennium: return precision::millennium;
      case atom_kind::number: return precision::year;
      default: return precision::none;
    }
  }

  /// The span this atom names (year must be known for dates; numbers read as years).
  constexpr void span(date& b, date& e) const noexcept {
    switch (kind) {
      case atom_kind::date:
        if (season != 0) {
          season_span(season, year, b, e);
        } else {
          b = e = date{year, month, day};
          if (day_end != 0) e.day = day_end;
        }
        return;
      // BC decades and hundreds count down: "the 480s BC" are 489–480 BC.
      case atom_kind::decade: decade_span(era == era_bc ? -(year + 9) : year, part, b, e); return;
      case atom_kind::hundreds: hundreds_span(era == era_bc ? -(year + 99) : year, part, b, e); return;
      case atom_kind::century: century_span(static_cast<std::int32_t>(value), era == era_bc, part, b, e); return;
      case atom_kind::millennium: millennium_span(static_cast<std::int32_t>(value), era == era_bc, part, b, e); return;
      case atom_kind::number: b = e = date{static_cast<std::int32_t>(value), 0, 0}; return;
      default: b = e = date{}; return;
    }
  }
};

/// Era marks after a year ("BC", "B.C.E.", "AD", "CE") or before one ("AD", "A.D.").
template <class C>
struct era_mark {
  const C* begin = nullptr;
  const C* end = nullptr;
  std::uint8_t era = no_era;
};

/// The ways an era is written, longest first, and the era of each (at namespace scope: a
/// function's local constexpr array is built on the stack at every call).
inline constexpr std::string_view era_forms[] = {"B.C.E.", "B.C.", "BCE", "BC", "A.D.", "AD", "C.E.", "CE"};
inline constexpr std::uint8_t era_of_form[] = {era_bc, era_bc, era_bc, era_bc, era_ad, era_ad, era_ad, era_ad};

/// The era written at p ("BC", "BCE", "B.C.", "B.C.E.", "AD", "A.D.", "CE", "C.E."),
/// which must not run on into a word.
template <class C>
constexpr era_mark<C> era_at(const C* p, const C* last) noexcept {
  era_mark<C> m;
  if (p >= last || (byte_of(*p) != 'B' && byte_of(*p) != 'A' && byte_of(*p) != 'C')) return m;
  for (std::size_t i = 0; i < 8; ++i) {
    if (!starts_with(p, last, era_forms[i])) continue;
    const C* e = p + era_forms[i].size();
    if (e < last && is_alnum(byte_of(*e))) continue;
    m.begin = p;
    m.end = e;
    m.era = era_of_form[i];
    return m;
  }
  return m;
}

template <class C>
class atom_parser {
 public:
  constexpr atom_parser(token_reader<C> reader, bool iso_months) noexcept : r_(reader), iso_months_(iso_months) {}

  /// The atom that starts with token t, or an atom of kind none.
  constexpr date_atom<C> parse(const token<C>& t) const noexcept {
    if (t.kind == token_kind::number) return parse_number(t);
    if (t.kind == token_kind::punct) return parse_apostrophe_decade(t);
    if (t.kind != token_kind::word) return {};
    if (const era_mark<C> era = era_at(t.begin, r_.last); era.era == era_ad) return year_after_ad(t.begin, era.end);
    if (t.entry->kind == word_kind::none) return {};
    switch (t.entry->kind) {
      case word_kind::month: return parse_month(t);
      case word_kind::season: return parse_season(t);
      case word_kind::ordinal: return parse_ordinal_end(t.begin, t.end, t.entry->value);
      case word_kind::decade_word: return decade_word(t);
      case word_kind::present: return present(t);
      default: return {};
    }
  }

  /// "AD 9", "A.D. 9": the year after an era mark [begin, p).
  constexpr date_atom<C> year_after_ad(const C* begin, const C* p) const noexcept {
    const token<C> n = r_.next(p);
    if (n.kind != token_kind::number || n.digits > 4 || n.value < 1 || continues_number(n.end)) return {};
    date_atom<C> a = year_atom(begin, n.end, static_cast<std::int32_t>(n.value));
    a.era = era_ad;
    return a;
  }

  /// The era after p, if any, across space.
  constexpr era_mark<C> era_after(const C* p) const noexcept {
    const C* q = r_.skip_space(p);
    if (q - p > 3) return {};
    return era_at(q, r_.last);
  }

  /// True when the digits ending at p continue as a bigger number or a time: "2,600",
  /// "3.5", "10:30". A sentence-final "1945." or "1945, when" does not.
  constexpr bool continues_number(const C* p) const noexcept {
    if (r_.last - p < 2) return false;
    const unsigned char c = byte_of(p[0]);
    if ((c == ',' || c == '.' || c == ':') && is_digit(byte_of(p[1]))) return true;
    return false;
  }

  /// A year at the number token n, as it may follow a month or a day and month: four
  /// digits, or fewer with an era; not a quantity ("May 1500 troops" is not May 1500).
  /// `min_digits` is 4 after a month, 3 after a day and month.
  constexpr bool read_year(const token<C>& n, std::uint32_t min_digits, std::int32_t& year, const C*& end,
                           std::uint8_t& era) const noexcept {
    if (n.kind != token_kind::number || n.digits > 4 || n.value == 0 || continues_number(n.end)) return false;
    if (n.end < r_.last && is_alpha(byte_of(*n.end)) && era_at(n.end, r_.last).era == no_era) return false;
    const era_mark<C> mark = era_after(n.end);
    if (mark.era != no_era) {
      year = mark.era == era_bc ? -static_cast<std::int32_t>(n.value) : static_cast<std::int32_t>(n.value);
      end = mark.end;
      era = mark.era;
      return true;
    }
    if (n.digits < min_digits || n.value < 100 || n.value > 2199) return false;
    // After a month a four-digit number is a year even before a noun ("in the summer of
    // 1944 troops landed"); a shorter one needs to count nothing ("3 May 120 soldiers").
    if (n.digits < 4 ? counts_something(n.end) : measures_something(n.end)) return false;
    year = static_cast<std::int32_t>(n.value);
    end = n.end;
    era = no_era;
    return true;
  }

  /// "a 1500-strong force", "a 2000-man army", "a 1000-year history": a hyphenated measure.
  constexpr bool hyphenated_measure(const C* p) const noexcept {
    const token<C> dash = r_.read(p);
    if (dash.kind != token_kind::dash || dash.size() != 1) return false;
    const token<C> w = r_.read(dash.end);
    return w.kind == token_kind::word && is_lower(byte_of(*w.begin)) &&
           (w.is(word_kind::unit_after) || w.is(word_kind::unit) || w.is(word_kind::plural_noun) ||
            w.is(word_kind::neg_before));
  }

  /// True when a unit, a currency, a percent or a degree sign follows p: "1200 km", "30%",
  /// "1945 °C".
  constexpr bool measures_something(const C* p) const noexcept {
    const token<C> t = r_.next(p);
    return is_sign(t) || t.is(word_kind::unit_after);
  }

  /// '%' or '°'.
  static constexpr bool is_sign(const token<C>& t) noexcept {
    return t.is_punct('%') ||
           (t.kind == token_kind::punct && t.size() == 2 && byte_of(t.begin[0]) == 0xC2 && byte_of(t.begin[1]) == 0xB0);
  }

  /// True when the word after p makes the number before it a count or a measure:
  /// "1500 troops", "2000 people", "1200 km", "1945 dollars", "30%".
  constexpr bool counts_something(const C* p) const noexcept { return counts_something(r_.next(p)); }

  /// The same, given the token after the number.
  constexpr bool counts_something(const token<C>& t) const noexcept {
    if (is_sign(t)) return true;
    if (t.kind != token_kind::word) return false;
    if (t.entry->kind != word_kind::none) {
      switch (t.entry->kind) {
        case word_kind::unit_after:
        case word_kind::plural_noun:
        case word_kind::unit: return true;                    // "2000 years ago"
        case word_kind::prep: return t.entry->value == w_of;  // "1500 of them"
        default: return false;
      }
    }
    // A lower-case word in -s is taken for a plural noun ("troops", "guns", "acres").
    const std::size_t n = t.size();
    if (n < 3 || !is_lower(byte_of(*t.begin))) return false;
    const unsigned char z = byte_of(t.end[-1]), y = byte_of(t.end[-2]);
    return z == 's' && y != 's' && y != 'u' && y != 'i';
  }

  /// After an ordinal ("19th", "nineteenth", "twenty-first" spanning [begin, end)): a
  /// century, a day ("the first of May"), or a bare ordinal that a range may still make a
  /// century ("the 15th and 16th centuries").
  constexpr date_atom<C> parse_ordinal_end(const C* begin, const C* end, std::uint32_t value) const noexcept {
    date_atom<C> a;
    a.kind = atom_kind::ordinal;
    a.begin = begin;
    a.end = end;
    a.value = value;
    token<C> next = r_.next(end);
    if (next.kind == token_kind::dash && next.begin == end) next = r_.read(next.end);  // "19th-century"
    const bool millennium = next.is(word_kind::unit, u_millennium) || next.is(word_kind::unit, u_millennium | unit_plural);
    if (millennium || next.is(word_kind::unit, u_century) || next.is(word_kind::unit, u_century | unit_plural)) {
      if (value < 1 || value > (millennium ? 10u : 30u)) return {};
      a.kind = millennium ? atom_kind::millennium : atom_kind::century;
      a.end = next.end;
      const era_mark<C> era = era_after(next.end);
      if (era.era != no_era) {
        a.era = era.era;
        a.end = era.end;
      }
      return a;
    }
    if (value > 31) return a;
    if (next.is(word_kind::prep, w_of)) next = r_.next(next.end);
    if (next.is(word_kind::month)) {
      date_atom<C> d = day_month(begin, static_cast<std::uint8_t>(value), next);
      if (d.valid()) return d;
    }
    return a;
  }

 private:
  token_reader<C> r_;
  bool iso_months_;

  static constexpr date_atom<C> year_atom(const C* b, const C* e, std::int32_t year) noexcept {
    date_atom<C> a;
    a.kind = atom_kind::date;
    a.begin = b;
    a.end = e;
    a.year = year;
    return a;
  }

  /// Ordinal suffix at p ("st", "nd", "rd", "th"), returning its end or nullptr.
  constexpr const C* ordinal_suffix(const C* p) const noexcept {
    if (r_.last - p < 2) return nullptr;
    const unsigned char a = to_lower(byte_of(p[0])), b = to_lower(byte_of(p[1]));
    const bool ok =
        (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
    if (!ok || r_.word_char_at(p + 2)) return nullptr;
    return p + 2;
  }

  /// "s", "'s" or "’s" at p closing a decade ("1920s", "1920's"); returns its end.
  constexpr const C* plural_s(const C* p) const noexcept {
    const C* q = p;
    if (q < r_.last && byte_of(*q) == '\'') {
      ++q;
    } else if (r_.last - q >= 3 && byte_of(q[0]) == 0xE2 && byte_of(q[1]) == 0x80 && byte_of(q[2]) == 0x99) {
      q += 3;
    }
    if (q < r_.last && byte_of(*q) == 's' && !r_.word_char_at(q + 1)) return q + 1;
    return nullptr;
  }

  constexpr date_atom<C> parse_number(const token<C>& t) const noexcept {
    const C* p = t.end;
    const std::uint32_t n = t.value, d = t.digits;
    if (d > 9) return {};
    if (p < r_.last && is_alpha(byte_of(*p))) return number_with_letters(t);
    if (const C* s = plural_s(p)) {
      const date_atom<C> a = plural_number(t, s);
      if (a.valid()) return a;
    }
    if (d == 4 && p < r_.last && byte_of(*p) == '-') {
      const date_atom<C> iso = parse_iso(t);
      if (iso.valid()) return iso;
    }
    if (p < r_.last - 1 && byte_of(*p) == ',' && is_digit(byte_of(p[1]))) return thousands_with_era(t);
    if (continues_number(p)) return {};
    const era_mark<C> era = era_after(p);
    if (era.era != no_era && n >= 1) {
      date_atom<C> a =
          year_atom(t.begin, era.end, era.era == era_bc ? -static_cast<std::int32_t>(n) : static_cast<std::int32_t>(n));
      a.era = era.era;
      a.value = n;
      a.digits = d;
      return a;
    }
    if (d <= 2 && n >= 1 && n <= 31) {
      const token<C> m = r_.next(p);
      if (m.is(word_kind::month)) return day_month(t.begin, static_cast<std::uint8_t>(n), m);
    }
    date_atom<C> a;
    a.kind = atom_kind::number;
    a.begin = t.begin;
    a.end = p;
    a.value = n;
    a.digits = d;
    return a;
  }

  /// "19th", "25th", "1990s" and other numbers with letters attached.
  constexpr date_atom<C> number_with_letters(const token<C>& t) const noexcept {
    if (const C* e = ordinal_suffix(t.end); e != nullptr && t.digits <= 2 && t.value >= 1)
      return parse_ordinal_end(t.begin, e, t.value);
    if (const C* s = plural_s(t.end)) return plural_number(t, s);
    const era_mark<C> era = era_at(t.end, r_.last);  // "499BC"
    if (era.era != no_era && t.digits <= 4 && t.value >= 1) {
      date_atom<C> a =
          year_atom(t.begin, era.end,
                    era.era == era_bc ? -static_cast<std::int32_t>(t.value) : static_cast<std::int32_t>(t.value));
      a.era = era.era;
      return a;
    }
    return {};  // "2000m", "1945a", "3rd"-less letters: a measure or a label
  }

  /// "10,000 BC" is a year; "2,600" alone is a count.
  constexpr date_atom<C> thousands_with_era(const token<C>& t) const noexcept {
    std::uint32_t value = t.value;
    const C* p = t.end;
    if (t.digits > 3) return {};
    while (r_.last - p >= 4 && byte_of(*p) == ',' && is_digit(byte_of(p[1])) && is_digit(byte_of(p[2])) &&
           is_digit(byte_of(p[3])) && (r_.last - p == 4 || !is_digit(byte_of(p[4])))) {
      if (value > 99999) return {};
      value = value * 1000 + static_cast<std::uint32_t>((byte_of(p[1]) - '0') * 100 + (byte_of(p[2]) - '0') * 10 +
                                                        (byte_of(p[3]) - '0'));
      p += 4;
    }
    const era_mark<C> era = era_after(p);
    if (era.era != era_bc || p == t.end) return {};
    date_atom<C> a = year_atom(t.begin, era.end, -static_cast<std::int32_t>(value));
    a.era = era_bc;
    return a;
  }

  constexpr bool two_digits_at(const C* p, std::uint32_t& v) const noexcept {
    if (r_.last - p < 2 || !is_digit(byte_of(p[0])) || !is_digit(byte_of(p[1]))) return false;
    if (r_.last - p > 2 && is_digit(byte_of(p[2]))) return false;
    v = static_cast<std::uint32_t>((byte_of(p[0]) - '0') * 10 + (byte_of(p[1]) - '0'));
    return true;
  }

  /// "1991-12-25"; in citation fields also "2011-03".
  constexpr date_atom<C> parse_iso(const token<C>& t) const noexcept {
    std::uint32_t month = 0, day = 0;
    const C* p = t.end;
    if (!two_digits_at(p + 1, month) || month < 1 || month > 12) return {};
    if (t.value < 1000 || t.value > 2199) return {};
    const C* q = p + 3;
    if (q < r_.last && byte_of(*q) == '-' && two_digits_at(q + 1, day)) {
      const C* e = q + 3;
      const bool time_follows = r_.last - e >= 2 && byte_of(e[0]) == 'T' && is_digit(byte_of(e[1]));  // "…-02T10:00"
      if (e < r_.last && !time_follows && (byte_of(*e) == '-' || is_alnum(byte_of(*e)))) return {};
      const std::int32_t year = static_cast<std::int32_t>(t.value);
      if (day < 1 || static_cast<int>(day) > days_in_month(year, static_cast<int>(month))) return {};
      date_atom<C> a = year_atom(t.begin, e, year);
      a.month = static_cast<std::uint8_t>(month);
      a.day = static_cast<std::uint8_t>(day);
      return a;
    }
    if (!iso_months_) return {};
    if (q < r_.last && (byte_of(*q) == '-' || is_alnum(byte_of(*q)))) return {};
    date_atom<C> a = year_atom(t.begin, q, static_cast<std::int32_t>(t.value));
    a.month = static_cast<std::uint8_t>(month);
    return a;
  }

  /// digits: how many the number had ("60s": 2, "1960s": 4), 0 for a word ("sixties").
  static constexpr date_atom<C> decade_atom(const C* b, const C* e, std::int32_t first, bool needs_the,
                                            std::uint32_t digits) noexcept {
    date_atom<C> a;
    a.kind = atom_kind::decade;
    a.begin = b;
    a.end = e;
    a.year = first;
    a.needs_the = needs_the;
    a.digits = digits;
    return a;
  }

  /// A number in -s ending at s: "1920s" is a decade, "1800s" a hundred years ("2000s" is
  /// read as the decade, which is what it nearly always means); "the 60s", "the 870s" and
  /// "the 800s" need their "the"; "the 480s BC" counts down.
  constexpr date_atom<C> plural_number(const token<C>& t, const C* s) const noexcept {
    const std::uint32_t n = t.value, d = t.digits;
    if (d == 2 && n % 10 == 0) return decade_atom(t.begin, s, 1900 + static_cast<std::int32_t>(n), true, 2);
    if ((d != 3 && d != 4) || n % 10 != 0) return {};
    date_atom<C> a = decade_atom(t.begin, s, static_cast<std::int32_t>(n), d == 3, d);
    if (n % 100 == 0 && n != 2000) a.kind = atom_kind::hundreds;
    if (const era_mark<C> era = era_after(s); era.era != no_era) {
      a.era = era.era;
      a.end = era.end;
    }
    return a;
  }

  /// "'60s", "’60s".
  constexpr date_atom<C> parse_apostrophe_decade(const token<C>& t) const noexcept {
    const bool quote = t.ch == '\'' || (t.size() == 3 && byte_of(t.begin[1]) == 0x80 && byte_of(t.begin[2]) == 0x99);
    if (!quote) return {};
    const token<C> n = r_.read(t.end);
    if (n.kind != token_kind::number || n.digits != 2 || n.value % 10 != 0) return {};
    if (n.end >= r_.last || byte_of(*n.end) != 's' || r_.word_char_at(n.end + 1)) return {};
    return decade_atom(t.begin, n.end + 1, 1900 + static_cast<std::int32_t>(n.value), false, 2);
  }

  constexpr date_atom<C> decade_word(const token<C>& t) const noexcept {
    date_atom<C> a = decade_atom(t.begin, t.end, 1900 + 10 * static_cast<std::int32_t>(t.entry->value), true, 0);
    return a;
  }

  /// "present", "now", "today", "current", with a "day" after it ("the present day",
  /// "present-day"): else "day" reads as the unit a number counts, and "1914 to the present
  /// day" lost its open end.
  constexpr date_atom<C> present(const token<C>& t) const noexcept {
    date_atom<C> a;
    a.kind = atom_kind::present;
    a.begin = t.begin;
    a.end = t.end;
    const C* d = t.end < r_.last && byte_of(*t.end) == '-' ? t.end + 1 : r_.skip_space(t.end);
    const token<C> day = r_.read(d);
    if (day.kind == token_kind::word && equals_ci(day.begin, day.size(), "day")) a.end = day.end;
    return a;
  }

  /// Past the optional dot of an abbreviated month ("Dec.").
  constexpr const C* month_end(const token<C>& m) const noexcept {
    if (m.entry->abbreviation && m.end < r_.last && byte_of(*m.end) == '.') return m.end + 1;
    return m.end;
  }

  /// "25 December 1991", "25 December", "the 25th of December, 1991".
  constexpr date_atom<C> day_month(const C* begin, std::uint8_t day, const token<C>& m) const noexcept {
    date_atom<C> a;
    a.kind = atom_kind::date;
    a.begin = begin;
    a.end = month_end(m);
    a.month = m.entry->value;
    a.day = day;
    a.day_first = true;
    token<C> n = r_.next(a.end);
    if (n.is_punct(',')) n = r_.next(n.end);
    // "8 March (O.S. 23 February) 1917": the Old Style date between, the year after both.
    if (const C* after = style_note_end(n); after != nullptr) n = r_.next(after);
    std::uint8_t era = no_era;
    if (read_year(n, 3, a.year, a.end, era)) a.era = era;
    if (day > days_in_month(a.year != 0 ? a.year : 2000, a.month)) return {};
    return a;
  }

  /// The end of a bracket at token t that gives the date in the other calendar ("(O.S.
  /// 23 February)", "[25 October O.S.]", "(N.S. 8 March)"), or null.
  constexpr const C* style_note_end(const token<C>& t) const noexcept {
    if (!t.is_punct('(') && !t.is_punct('[')) return nullptr;
    const unsigned char close = t.is_punct('(') ? ')' : ']';
    const C* limit = r_.last - t.end > 40 ? t.end + 40 : r_.last;
    const C* e = t.end;
    while (e < limit && byte_of(*e) != close) ++e;
    if (e == limit) return nullptr;
    const bool style = find_ci(t.end, e, "o.s.") < e || find_ci(t.end, e, "n.s.") < e;
    return style ? e + 1 : nullptr;
  }

  /// A day number at token n after a month ("May 3", "May 3rd"): its value and end.
  constexpr bool read_day(const token<C>& n, std::uint8_t& day, const C*& end) const noexcept {
    if (n.kind != token_kind::number || n.digits > 2 || n.value < 1 || n.value > 31) return false;
    if (continues_number(n.end)) return false;
    const C* e = n.end;
    if (e < r_.last && is_alpha(byte_of(*e))) {
      e = ordinal_suffix(e);
      if (e == nullptr) return false;
    }
    day = static_cast<std::uint8_t>(n.value);
    end = e;
    return true;
  }

  /// A year after `p`, with or without a comma before it.
  constexpr bool year_follows(const C* p) const noexcept {
    token<C> y = r_.next(p);
    if (y.is_punct(',')) y = r_.next(y.end);
    std::int32_t year = 0;
    const C* end = nullptr;
    std::uint8_t era = no_era;
    return read_year(y, 3, year, end, era);
  }

  /// "December 25, 1991", "May 3–5, 1940", "May 3", "November 1989", "December, 1991",
  /// "February of 1940", "June".
  constexpr date_atom<C> parse_month(const token<C>& m) const noexcept {
    date_atom<C> a;
    a.kind = atom_kind::date;
    a.begin = m.begin;
    a.end = month_end(m);
    a.month = m.entry->value;
    const token<C> n = r_.next(a.end);
    std::uint8_t era = no_era;
    if (std::uint8_t day = 0; read_day(n, day, a.end)) {
      a.day = day;
      // "May 3–5, 1940": a second day in the same month; "May 3 and 5, 1940" names both, and
      // is read so only when the year follows ("May 3 and 5 others" is a count).
      const token<C> dash = r_.next(a.end);
      const bool both = dash.is(word_kind::prep, w_and);
      if (dash.kind == token_kind::dash || both) {
        std::uint8_t day2 = 0;
        const C* e2 = nullptr;
        const token<C> n2 = r_.next(dash.end);
        if (read_day(n2, day2, e2) && day2 > day && !r_.next(e2).is(word_kind::month) &&
            (!both || year_follows(e2))) {
          a.day_end = day2;
          a.end = e2;
        }
      }
      token<C> y = r_.next(a.end);
      if (y.is_punct(',')) y = r_.next(y.end);
      if (read_year(y, 3, a.year, a.end, era)) a.era = era;
      const int limit = days_in_month(a.year != 0 ? a.year : 2000, a.month);
      if (a.day > limit || a.day_end > limit) return {};
      return a;
    }
    token<C> y = n;
    if (y.is_punct(',') || y.is(word_kind::prep, w_of)) y = r_.next(y.end);
    if (read_year(y, 4, a.year, a.end, era)) a.era = era;
    return a;
  }

  /// "Winter 2002", "summer of 1944", "the winter of 1941–42" (one winter), "spring".
  constexpr date_atom<C> parse_season(const token<C>& s) const noexcept {
    date_atom<C> a;
    a.kind = atom_kind::date;
    a.begin = s.begin;
    a.end = s.end;
    a.season = s.entry->value;
    token<C> y = r_.next(s.end);
    if (y.is(word_kind::prep, w_of)) y = r_.next(y.end);
    std::uint8_t era = no_era;
    if (!read_year(y, 4, a.year, a.end, era)) return a;
    a.era = era;
    if (a.season == winter && era == no_era) {
      // "winter 1941–42" and "winter of 1941/1942" name a single winter.
      const token<C> dash = r_.read(a.end);
      if (dash.kind == token_kind::dash || dash.is_punct('/')) {
        const token<C> n = r_.read(dash.end);
        const std::int32_t next = a.year + 1;
        if (n.kind == token_kind::number && !continues_number(n.end) && !r_.word_char_at(n.end) &&
            ((n.digits == 2 && static_cast<std::int32_t>(n.value) == next % 100) ||
             (n.digits == 4 && static_cast<std::int32_t>(n.value) == next)))
          a.end = n.end;
      }
    }
    return a;
  }
};

}  // namespace wikirel::detail

#endif
