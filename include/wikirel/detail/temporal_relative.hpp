#ifndef WIKIREL_DETAIL_TEMPORAL_RELATIVE_HPP
#define WIKIREL_DETAIL_TEMPORAL_RELATIVE_HPP

// Dates that lean on an earlier one: partial dates ("On 3 May", "in June") take the year
// of the anchor, the last date resolved in the section; relative ones ("the next day",
// "two years later", "that month", "the following spring") shift it. Phrases are found
// from their unit word ("day", "year", "spring") by looking back a few words.

#include "../date.hpp"
#include "temporal_calendar.hpp"
#include "temporal_tokens.hpp"

#include <cstdint>

namespace wikirel::detail {

/// The last resolved date of a section and how much of it is known.
struct anchor_state {
  date when{};
  precision known = precision::none;

  constexpr bool has_year() const noexcept { return when.valid() && known >= precision::year; }
  constexpr bool has_month() const noexcept { return has_year() && when.month != 0 && known >= precision::season; }

  /// The year a partial date in `month` falls in: the anchor's, or the next one when the
  /// month lies well before the anchor's ("December 1941 ... On 15 February" is 1942).
  constexpr std::int32_t year_for_month(int month) const noexcept {
    if (has_month() && month != 0 && when.month - month >= 7) return add_years(when.year, 1);
    return when.year;
  }

  /// Remembers the period just reported: the end of a range, or a single date.
  constexpr void remember(const period& p) noexcept {
    if (!p.begin.valid() || p.precision < precision::year) return;
    const bool range = !p.open_end && p.end.valid() && !(p.end == p.begin) && p.precision != precision::season;
    when = range ? p.end : p.begin;
    if (p.precision == precision::season) {
      known = precision::season;
    } else {
      known = when.day != 0 ? precision::day : when.month != 0 ? precision::month : precision::year;
    }
  }

  /// The anchor shifted by n units (a unit_id), at the finest precision both know.
  constexpr period shifted(int unit, std::int32_t n) const noexcept {
    period p;
    p.inferred = true;
    switch (unit) {
      case u_day:
      case u_week:
      case u_daytime: {
        const std::int32_t days = unit == u_week ? 7 * n : n;
        if (known == precision::day) {
          period d = single(add_days(when, days), precision::day);
          d.approximate = unit == u_week;  // "two weeks later" is a loose count of days
          return d;
        }
        p = coarse();
        if (days != 0) p.approximate = true;
        return p;
      }
      case u_month:
        if (known >= precision::season && when.month != 0)
          return single(add_months(date{when.year, when.month, 0}, n), precision::month);
        p = coarse();
        if (n != 0) p.approximate = true;
        return p;
      case u_year: return single(date{add_years(when.year, n), 0, 0}, precision::year);
      case u_decade: {
        period d = single(date{add_years(when.year, 10 * n), 0, 0}, precision::year);
        d.approximate = true;
        return d;
      }
      default: return p;
    }
  }

  /// The year of `season` relative to the anchor: shift 0 is the season the anchor falls
  /// in or its year's, +1 the next such season after it, -1 the one before.
  constexpr std::int32_t season_year(int season, int shift) const noexcept {
    const std::int32_t y = when.year;
    const int m = has_month() ? when.month : 0;
    const auto year = [&](std::int32_t k) { return add_years(y, k); };
    if (season == winter) {
      // Winter Y runs from December Y into Y + 1.
      const std::int32_t current = m != 0 && m <= 2 ? year(-1) : y;
      if (shift == 0) return current;
      if (shift > 0) return m == 0 ? y : add_years(current, 1);
      return add_years(current, -1);
    }
    if (shift == 0) return y;
    if (shift > 0) return m != 0 && m < season_first_month(season) ? y : year(1);
    return m != 0 && m > season_last_month(season) ? y : year(-1);
  }

  constexpr period single(date d, precision pr) const noexcept {
    period p;
    p.begin = p.end = d;
    p.precision = pr;
    p.inferred = true;
    return p;
  }

  /// The anchor as it is known, when a phrase asks for more than that.
  constexpr period coarse() const noexcept {
    if (known == precision::season) {
      period p;
      season_span(season_of_month(when.month), when.month <= 2 ? add_years(when.year, -1) : when.year, p.begin, p.end);
      p.precision = precision::season;
      p.inferred = true;
      return p;
    }
    return single(when, known);
  }
};

/// A relative expression found around a unit word.
template <class C>
struct relative_match {
  const C* begin = nullptr;
  const C* end = nullptr;
  period when;
  constexpr bool found() const noexcept { return begin != nullptr; }
};

template <class C>
class relative_reader {
 public:
  constexpr relative_reader(token_reader<C> reader, const C* floor, const anchor_state& anchor) noexcept
      : r_(reader), floor_(floor), anchor_(anchor) {}

  /// "the next day", "that year", "two days later", "the end of the year", "a week later".
  constexpr relative_match<C> around_unit(const token<C>& u) const noexcept {
    relative_match<C> m;
    if (!anchor_.has_year()) return m;
    const int unit = u.entry->value & 15;
    const bool plural = (u.entry->value & unit_plural) != 0;
    if (unit == u_century || unit == u_millennium) return m;
    const token<C> next = r_.next(u.end);
    if (next.kind == token_kind::number) return m;  // "the year 1917" is a year
    const token<C> p1 = r_.prev(u.begin);
    std::int32_t shift = 0;
    const C* begin = nullptr;
    const C* end = u.end;
    bool boundary_ok = false;
    if (plural || p1.is(word_kind::number)) {
      // "two days later", "a year later", "3 weeks earlier"
      std::uint32_t count = 0;
      if (p1.is(word_kind::number)) count = p1.entry->value;
      if (p1.kind == token_kind::number && p1.digits <= 2) count = p1.value;
      if (count == 0 || (plural && count < 2) || (!plural && count != 1) || !next.is(word_kind::later)) return m;
      shift = next.entry->value == 1 ? static_cast<std::int32_t>(count) : -static_cast<std::int32_t>(count);
      begin = p1.begin;
      end = next.end;
    } else {
      if (!core_before(p1, shift, begin)) return m;
      boundary_ok = true;
    }
    if (begin < floor_) return m;
    m.when = anchor_.shifted(unit, shift);
    if (!m.when.valid()) return m;
    if (boundary_ok && unit == u_year) begin = boundary_before(begin);
    m.begin = begin;
    m.end = end;
    return m;
  }

  /// "the following spring", "that summer", "in the winter", "by late autumn".
  constexpr relative_match<C> around_season(const token<C>& s) const noexcept {
    relative_match<C> m;
    if (!anchor_.has_year() || s.capitalized()) return m;
    const token<C> next = r_.next(s.end);
    if (next.is(word_kind::prep, w_of) || next.capitalized() || next.kind == token_kind::number) return m;
    const token<C> p1 = r_.prev(s.begin);
    std::int32_t shift = 0;
    const C* begin = nullptr;
    bool approximate = false;
    if (!core_before(p1, shift, begin)) {
      const token<C> p2 = r_.prev(p1.begin);
      if (p1.is(word_kind::the) && is_in_like(p2)) {
        begin = p1.begin;  // "in the spring"
      } else if (p1.is(word_kind::part) &&
                 (is_in_like(p2) || (p2.is(word_kind::the) && is_in_like(r_.prev(p2.begin))))) {
        begin = p2.is(word_kind::the) ? p2.begin : p1.begin;  // "by late autumn", "in the early spring"
        approximate = true;
      } else if (is_in_like(p1)) {
        begin = s.begin;  // "in spring"
      } else {
        return m;
      }
    }
    if (begin < floor_) return m;
    const int season = s.entry->value;
    season_span(season, anchor_.season_year(season, shift), m.when.begin, m.when.end);
    m.when.precision = precision::season;
    m.when.inferred = true;
    m.when.approximate = approximate;
    m.begin = begin;
    m.end = s.end;
    return m;
  }

 private:
  token_reader<C> r_;
  const C* floor_;
  const anchor_state& anchor_;

  static constexpr bool is_in_like(const token<C>& t) noexcept {
    if (t.entry->kind == word_kind::none || t.entry->kind != word_kind::prep) return false;
    switch (t.entry->value) {
      case w_in:
      case w_during:
      case w_by:
      case w_until:
      case w_till:
      case w_through:
      case w_throughout:
      case w_since:
      case w_before:
      case w_after: return true;
      default: return false;
    }
  }

  /// The words before a unit that make it relative: "the next", "the following", "the
  /// previous", "the same", "that same", "that", "later that", "the end of the".
  constexpr bool core_before(const token<C>& p1, std::int32_t& shift, const C*& begin) const noexcept {
    const token<C> p2 = r_.prev(p1.begin);
    if (p1.is(word_kind::shift)) {
      const std::uint8_t kind = p1.entry->value;
      if (kind == s_same) {
        if (!p2.is(word_kind::the) && !p2.is(word_kind::that)) return false;
        shift = 0;
        begin = later_before(p2);
        return true;
      }
      if (!p2.is(word_kind::the)) return false;
      shift = kind == s_next ? 1 : -1;
      begin = p2.begin;
      return true;
    }
    if (p1.is(word_kind::that)) {
      shift = 0;
      begin = later_before(p1);
      return true;
    }
    if (p1.is(word_kind::the) && p2.is(word_kind::prep, w_of)) {
      const token<C> p3 = r_.prev(p2.begin);
      if (!p3.is(word_kind::boundary)) return false;
      shift = 0;
      const token<C> p4 = r_.prev(p3.begin);
      begin = p4.is(word_kind::the) ? p4.begin : p3.begin;
      return true;
    }
    return false;
  }

  /// "later that month", "earlier that year": the adverb joins the phrase.
  constexpr const C* later_before(const token<C>& t) const noexcept {
    const token<C> w = r_.prev(t.begin);
    return w.is(word_kind::later) ? w.begin : t.begin;
  }

  /// "the end of that year": a boundary phrase before a "that"/"the same" phrase.
  constexpr const C* boundary_before(const C* begin) const noexcept {
    const token<C> of = r_.prev(begin);
    if (!of.is(word_kind::prep, w_of)) return begin;
    const token<C> b = r_.prev(of.begin);
    if (!b.is(word_kind::boundary)) return begin;
    const token<C> the = r_.prev(b.begin);
    const C* start = the.is(word_kind::the) ? the.begin : b.begin;
    return start >= floor_ ? start : begin;
  }
};

}  // namespace wikirel::detail

#endif
