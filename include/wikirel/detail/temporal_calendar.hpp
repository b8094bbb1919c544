#ifndef WIKIREL_DETAIL_TEMPORAL_CALENDAR_HPP
#define WIKIREL_DETAIL_TEMPORAL_CALENDAR_HPP

// Calendar arithmetic for the date recognizer: shifting dates by days, months and years
// across the missing year zero, and the spans that seasons, decades and centuries name.

#include "../date.hpp"

#include <cstdint>

namespace wikirel::detail {

/// Historical year (no zero, 1 BC = -1) to astronomical (1 BC = 0) and back.
constexpr std::int32_t to_astronomical(std::int32_t year) noexcept { return year < 0 ? year + 1 : year; }
constexpr std::int32_t from_astronomical(std::int32_t year) noexcept { return year <= 0 ? year - 1 : year; }

constexpr std::int32_t add_years(std::int32_t year, std::int32_t n) noexcept {
  return from_astronomical(to_astronomical(year) + n);
}

/// Shifts a date of month precision or finer by n months; the day is clamped to the month.
constexpr date add_months(date d, std::int32_t n) noexcept {
  const std::int64_t index = static_cast<std::int64_t>(to_astronomical(d.year)) * 12 + (d.month - 1) + n;
  const std::int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  date out;
  out.year = from_astronomical(static_cast<std::int32_t>(year));
  out.month = static_cast<std::uint8_t>(index - year * 12 + 1);
  out.day = d.day;
  const int last = days_in_month(out.year, out.month);
  if (out.day > last) out.day = static_cast<std::uint8_t>(last);
  return out;
}

/// Shifts a full date by n days (n is small: relative expressions say "three weeks").
constexpr date add_days(date d, std::int32_t n) noexcept {
  while (n > 0) {
    const int left = days_in_month(d.year, d.month) - d.day;
    if (n <= left) {
      d.day = static_cast<std::uint8_t>(d.day + n);
      return d;
    }
    n -= left + 1;
    d = add_months(date{d.year, d.month, 1}, 1);
  }
  while (n < 0) {
    if (-n < d.day) {
      d.day = static_cast<std::uint8_t>(d.day + n);
      return d;
    }
    n += d.day;
    d = add_months(date{d.year, d.month, 1}, -1);
    d.day = static_cast<std::uint8_t>(days_in_month(d.year, d.month));
  }
  return d;
}

/// First and last month of a season; winter runs from December into the next year.
constexpr int season_first_month(int season) noexcept { return season == 4 ? 12 : season * 3; }
constexpr int season_last_month(int season) noexcept { return season == 4 ? 2 : season * 3 + 2; }

/// The season that a month falls in (December belongs to that year's winter).
constexpr int season_of_month(int month) noexcept { return month == 12 || month <= 2 ? 4 : month / 3; }

/// Season `season` of `year`: "winter 2002" is December 2002 to February 2003.
constexpr void season_span(int season, std::int32_t year, date& begin, date& end) noexcept {
  begin = date{year, static_cast<std::uint8_t>(season_first_month(season)), 0};
  end = date{season == 4 ? add_years(year, 1) : year, static_cast<std::uint8_t>(season_last_month(season)), 0};
}

/// The years of a hundred or ten years starting at `first`, or of its first or second half
/// (parts 4, 5). Early, mid and late (parts 1–3) keep the whole span: the expression is
/// marked approximate instead, as TimeML keeps "the early 1950s" the decade 195X with a
/// modifier. Narrowing to a third (1950–1953) would contradict annotations that do.
constexpr void narrow_to_part(int part, std::int32_t first, std::int32_t length, std::int32_t& lo,
                              std::int32_t& hi) noexcept {
  lo = first;
  hi = first + length - 1;
  if (part == 4) hi = first + length / 2 - 1;  // the first half
  if (part == 5) lo = first + length / 2;      // the second half
}

/// The years of a decade starting at `first` (1920 for "the 1920s").
constexpr void decade_span(std::int32_t first, int part, date& begin, date& end) noexcept {
  std::int32_t lo = 0, hi = 0;
  narrow_to_part(part, first, 10, lo, hi);
  begin = date{lo, 0, 0};
  end = date{hi, 0, 0};
}

/// The years of the n-th century (AD or BC): 19th = 1800–1899, 1st = 1–99, 5th BC =
/// 500–401 BC. The BC century counts down, so its thirds are laid out from its first year.
constexpr void century_span(std::int32_t n, bool bc, int part, date& begin, date& end) noexcept {
  std::int32_t lo = 0, hi = 0;
  if (bc) {
    narrow_to_part(part, -n * 100, 100, lo, hi);  // -500 .. -401 for the 5th century BC
  } else {
    narrow_to_part(part, (n - 1) * 100, 100, lo, hi);
    if (lo == 0) lo = 1;  // there is no year zero: the 1st century starts in AD 1
  }
  begin = date{lo, 0, 0};
  end = date{hi, 0, 0};
}

/// The years of the n-th millennium, counted as centuries are: 2nd = 1000–1999, 1st = 1–999,
/// 3rd BC = 3000–2001 BC.
constexpr void millennium_span(std::int32_t n, bool bc, int part, date& begin, date& end) noexcept {
  std::int32_t lo = 0, hi = 0;
  if (bc) {
    narrow_to_part(part, -n * 1000, 1000, lo, hi);
  } else {
    narrow_to_part(part, (n - 1) * 1000, 1000, lo, hi);
    if (lo == 0) lo = 1;
  }
  begin = date{lo, 0, 0};
  end = date{hi, 0, 0};
}

/// "the 1800s": the hundred years from `first`.
constexpr void hundreds_span(std::int32_t first, int part, date& begin, date& end) noexcept {
  std::int32_t lo = 0, hi = 0;
  narrow_to_part(part, first, 100, lo, hi);
  if (lo == 0) lo = 1;  // "the 000s" would start in AD 1
  begin = date{lo, 0, 0};
  end = date{hi, 0, 0};
}

/// The year a two-digit range end names: the smallest year after `begin` that ends in
/// those digits ("1917–91" is 1991, "1998–02" is 2002).
constexpr std::int32_t expand_two_digit_year(std::int32_t begin, std::uint32_t two) noexcept {
  std::int32_t year = begin - begin % 100 + static_cast<std::int32_t>(two);
  if (year <= begin) year += 100;
  return year;
}

/// x is not earlier than y, comparing only the fields both know.
constexpr bool not_before(const date& x, const date& y) noexcept {
  if (x.year != y.year) return x.year > y.year;
  if (x.month == 0 || y.month == 0 || x.month != y.month) return x.month == 0 || y.month == 0 || x.month > y.month;
  if (x.day == 0 || y.day == 0) return true;
  return x.day >= y.day;
}

}  // namespace wikirel::detail

#endif
