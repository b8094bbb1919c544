#ifndef WIKIREL_DETAIL_CHARS_HPP
#define WIKIREL_DETAIL_CHARS_HPP

// Byte-level character helpers shared by every reader. The library reads UTF-8 through
// `char` or `char8_t`; all markup is ASCII, so these work on code units.

#include "compiler.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

template <class C>
constexpr unsigned char byte_of(C c) noexcept {
  return static_cast<unsigned char>(c);
}

constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper(unsigned char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(unsigned char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(unsigned char c) noexcept {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;  // one compare: 'A'-'Z' and 'a'-'z' only
}
constexpr bool is_alnum(unsigned char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool is_hex(unsigned char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
/// Spaces and tabs: what MediaWiki trims around names and values.
constexpr bool is_blank(unsigned char c) noexcept { return c == ' ' || c == '\t'; }
constexpr bool is_space(unsigned char c) noexcept {
  // One bit test instead of a chain of compares whose outcome varies byte to byte.
  constexpr std::uint64_t spaces = (std::uint64_t{1} << ' ') | (std::uint64_t{1} << '\t') | (std::uint64_t{1} << '\n') |
                                   (std::uint64_t{1} << '\r') | (std::uint64_t{1} << '\f') | (std::uint64_t{1} << '\v');
  return c <= ' ' && ((spaces >> c) & 1) != 0;
}
constexpr unsigned char to_lower(unsigned char c) noexcept {
  return is_upper(c) ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}
constexpr int hex_value(unsigned char c) noexcept {
  if (is_digit(c)) return c - '0';
  return to_lower(c) - 'a' + 10;
}

/// True when [p, p + n) equals `lower`, ignoring ASCII case. `lower` must be lower case.
template <class C>
constexpr bool equals_ci(const C* p, std::size_t n, std::string_view lower) noexcept {
  if (n != lower.size()) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (to_lower(byte_of(p[i])) != byte_of(lower[i])) return false;
  return true;
}

/// True when the text at p (bounded by end) starts with `lower`, ignoring ASCII case.
template <class C>
constexpr bool starts_with_ci(const C* p, const C* end, std::string_view lower) noexcept {
  if (static_cast<std::size_t>(end - p) < lower.size()) return false;
  return equals_ci(p, lower.size(), lower);
}

/// a == b for the short names of markup. std::string_view's == calls memcmp, whose call
/// costs more than comparing a few bytes here.
constexpr bool same_text(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

template <class C>
constexpr bool starts_with(const C* p, const C* end, std::string_view text) noexcept {
  if (static_cast<std::size_t>(end - p) < text.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (byte_of(p[i]) != byte_of(text[i])) return false;
  return true;
}

template <class C>
constexpr const C* skip_blanks(const C* p, const C* end) noexcept {
  while (p < end && is_blank(byte_of(*p))) ++p;
  return p;
}

template <class C>
constexpr const C* skip_spaces(const C* p, const C* end) noexcept {
  while (p < end && is_space(byte_of(*p))) ++p;
  return p;
}

/// Trims white space (including U+00A0 no-break space) from both ends of [first, last).
template <class C>
WIKIREL_HOT_INLINE constexpr void trim(const C*& first, const C*& last) noexcept {
  // A byte above ' ' other than C2 (the lead of U+00A0) ends the trimming at the front,
  // and one other than A0 at the back: one compare for nearly every byte looked at.
  while (first < last) {
    const unsigned char c = byte_of(*first);
    if (c <= ' ' && is_space(c)) {
      ++first;
    } else if (c == 0xC2 && last - first >= 2 && byte_of(first[1]) == 0xA0) {
      first += 2;
    } else {
      break;
    }
  }
  while (last > first) {
    const unsigned char c = byte_of(last[-1]);
    if (c <= ' ' && is_space(c)) {
      --last;
    } else if (c == 0xA0 && last - first >= 2 && byte_of(last[-2]) == 0xC2) {
      last -= 2;
    } else {
      break;
    }
  }
}

/// Finds `lower` (lower-case ASCII) in [p, end) ignoring case; returns end when absent.
template <class C>
constexpr const C* find_ci(const C* p, const C* end, std::string_view lower) noexcept {
  if (lower.empty()) return p;
  const unsigned char first = byte_of(lower[0]);
  for (; static_cast<std::size_t>(end - p) >= lower.size(); ++p)
    if (to_lower(byte_of(*p)) == first && equals_ci(p, lower.size(), lower)) return p;
  return end;
}

/// Parses up to `max_digits` decimal digits; returns the count consumed (0: none).
template <class C>
constexpr int parse_uint(const C* p, const C* end, std::uint32_t& value, int max_digits = 9) noexcept {
  int n = 0;
  value = 0;
  while (p + n < end && n < max_digits && is_digit(byte_of(p[n]))) {
    value = value * 10 + static_cast<std::uint32_t>(byte_of(p[n]) - '0');
    ++n;
  }
  return n;
}

}  // namespace wikirel::detail

#endif
