#ifndef WIKIREL_DETAIL_UTF8_HPP
#define WIKIREL_DETAIL_UTF8_HPP

// Just enough UTF-8 for wiki text: encode a code point (entities), decode one (columns,
// JSON escaping), and recognise the few non-ASCII characters that matter to structure
// (dashes in ranges and titles, the no-break space).

#include "chars.hpp"

#include <cstddef>
#include <cstdint>

namespace wikirel::detail {

/// Writes the UTF-8 form of `cp` to out (room for 4 units); returns the units written.
template <class C>
constexpr int encode_utf8(char32_t cp, C* out) noexcept {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out[0] = static_cast<C>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<C>(0xC0 | (cp >> 6));
    out[1] = static_cast<C>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<C>(0xE0 | (cp >> 12));
    out[1] = static_cast<C>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<C>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<C>(0xF0 | (cp >> 18));
  out[1] = static_cast<C>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<C>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<C>(0x80 | (cp & 0x3F));
  return 4;
}

/// Decodes one code point at p. Returns its length in units (at least 1); an invalid or
/// truncated sequence decodes as U+FFFD of length 1, so callers always make progress.
template <class C>
constexpr int decode_utf8(const C* p, const C* end, char32_t& cp) noexcept {
  const unsigned char b0 = byte_of(p[0]);
  cp = 0xFFFD;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  const int len = b0 >= 0xF5 ? 0 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (len == 0 || end - p < len) return 1;
  char32_t value = b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte_of(p[i]);
    if ((b & 0xC0) != 0x80) return 1;
    value = (value << 6) | (b & 0x3F);
  }
  const bool overlong = (len == 3 && value < 0x800) || (len == 4 && value < 0x10000);
  if (overlong || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 1;
  cp = value;
  return len;
}

/// Length of a dash at p: '-' (1), or U+2010..U+2015 / U+2212 minus (3). 0 when none.
template <class C>
constexpr int dash_length(const C* p, const C* end) noexcept {
  if (p >= end) return 0;
  if (byte_of(*p) == '-') return 1;
  if (end - p >= 3 && byte_of(p[0]) == 0xE2) {
    const unsigned char b1 = byte_of(p[1]), b2 = byte_of(p[2]);
    if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
    if (b1 == 0x88 && b2 == 0x92) return 3;
  }
  return 0;
}

/// Length of a no-break space (U+00A0, U+202F narrow, U+2009 thin) at p, or 0.
template <class C>
constexpr int nbsp_length(const C* p, const C* end) noexcept {
  if (end - p >= 2 && byte_of(p[0]) == 0xC2 && byte_of(p[1]) == 0xA0) return 2;
  if (end - p >= 3 && byte_of(p[0]) == 0xE2 && byte_of(p[1]) == 0x80 &&
      (byte_of(p[2]) == 0xAF || byte_of(p[2]) == 0x89))
    return 3;
  return 0;
}

/// Length of a byte order mark (U+FEFF) at p, or 0: files saved by some editors open with
/// one, which is no part of the text.
template <class C>
constexpr std::size_t bom_length(const C* p, const C* end) noexcept {
  return end - p >= 3 && byte_of(p[0]) == 0xEF && byte_of(p[1]) == 0xBB && byte_of(p[2]) == 0xBF ? 3 : 0;
}

/// True when the byte is not a UTF-8 continuation byte (a code point starts there).
constexpr bool starts_code_point(unsigned char b) noexcept { return (b & 0xC0) != 0x80; }

}  // namespace wikirel::detail

#endif
