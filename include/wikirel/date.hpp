#ifndef WIKIREL_DATE_HPP
#define WIKIREL_DATE_HPP

// The value types of time: a date of some precision and a period between two of them.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel {

/// How much of a date is known, coarsest first.
enum class precision : std::uint8_t { none, millennium, century, decade, year, season, month, day };

constexpr std::string_view to_string(precision p) noexcept {
  switch (p) {
    case precision::millennium: return "millennium";
    case precision::century: return "century";
    case precision::decade: return "decade";
    case precision::year: return "year";
    case precision::season: return "season";
    case precision::month: return "month";
    case precision::day: return "day";
    case precision::none: break;
  }
  return "none";
}

/// A calendar date of year, month or day precision. Years before the common era are
/// negative with no year zero: 1 BC is -1, 499 BC is -499. Year 0 means "no date".
struct date {
  std::int32_t year = 0;
  std::uint8_t month = 0;  ///< 1..12, or 0 when unknown
  std::uint8_t day = 0;    ///< 1..31, or 0 when unknown

  constexpr bool valid() const noexcept { return year != 0; }
  constexpr bool bc() const noexcept { return year < 0; }
  friend constexpr bool operator==(const date&, const date&) = default;
  friend constexpr auto operator<=>(const date&, const date&) = default;

  /// Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" (BC years as "-0499") to out, which must
  /// hold 16 characters; returns the length. An invalid date writes nothing.
  constexpr std::size_t to_chars(char* out) const noexcept {
    if (!valid()) return 0;
    std::size_t n = 0;
    std::uint32_t y = static_cast<std::uint32_t>(year < 0 ? -static_cast<std::int64_t>(year) : year);
    if (year < 0) out[n++] = '-';
    char digits[10] = {};
    int count = 0;
    do {
      digits[count++] = static_cast<char>('0' + y % 10);
      y /= 10;
    } while (y != 0);
    for (int pad = count; pad < 4; ++pad) out[n++] = '0';
    while (count > 0) out[n++] = digits[--count];
    const auto two = [&](unsigned v) {
      out[n++] = '-';
      out[n++] = static_cast<char>('0' + v / 10);
      out[n++] = static_cast<char>('0' + v % 10);
    };
    if (month != 0) two(month);
    if (month != 0 && day != 0) two(day);
    return n;
  }
};

/// Days in a month of the proleptic Gregorian calendar. Leap years before the common era
/// follow astronomical numbering: 1 BC (year -1) is astronomical year 0, a leap year.
constexpr int days_in_month(std::int32_t year, int month) noexcept {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month != 2) return days[month - 1];
  const std::int64_t astronomical = year < 0 ? static_cast<std::int64_t>(year) + 1 : year;
  const bool leap = (astronomical % 4 == 0 && astronomical % 100 != 0) || astronomical % 400 == 0;
  return leap ? 29 : 28;
}

/// A stretch of time: a single date (begin == end), a range, or an open range
/// ("1992–present"; a heading "Before 1900"). `precision` is that of the expression as
/// written.
struct period {
  date begin;  ///< invalid when open_begin
  date end;    ///< equal to begin for a single date; invalid when open_end
  wikirel::precision precision = wikirel::precision::none;
  bool approximate = false;  ///< "c. 1200", "about 1947", "the early 1950s"
  bool open_end = false;     ///< "1992–present"
  bool inferred = false;     ///< the year (or the whole value) came from context
  bool open_begin = false;   ///< "Before 1900", "Until 1815": headings only

  constexpr bool valid() const noexcept { return begin.valid() || (open_begin && end.valid()); }
  friend constexpr bool operator==(const period&, const period&) = default;
};

}  // namespace wikirel

#endif
