#ifndef WIKIREL_DETAIL_TEMPORAL_SIMD_HPP
#define WIKIREL_DETAIL_TEMPORAL_SIMD_HPP

// Byte classes of 64-byte blocks as bit masks, for the run-time fast paths of the date
// recognizer and the sentence splitter. A byte-at-a-time loop over prose spends most of
// its time in mispredicted branches at word boundaries; with masks, word starts and
// punctuation come out of a few vector compares and are visited with bit tricks. Constant
// evaluation never comes here (the callers keep scalar loops for it).

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(WIKIREL_NO_SIMD)
#include <emmintrin.h>
#define WIKIREL_TEMPORAL_SSE2 1
#else
#define WIKIREL_TEMPORAL_SSE2 0
#endif

namespace wikirel::detail {

/// Per-byte classes of one block: bit i stands for byte i.
struct block_masks {
  std::uint64_t alpha = 0;  ///< ASCII letters
  std::uint64_t digit = 0;
  std::uint64_t high = 0;  ///< bytes >= 0x80: UTF-8 letters, dashes, curly quotes
  std::uint64_t apostrophe = 0;
  // A coarse picture of the trigger words (months, seasons, ordinals, units): letters that
  // can begin one, and the bytes of "th", which begins many common words but only "third",
  // "thirteenth", "thirties" and "thirtieth" among the triggers.
  std::uint64_t first = 0;
  std::uint64_t t = 0, h = 0, i = 0;
};

/// Counts trailing zeros of a non-zero mask.
inline int lowest_bit(std::uint64_t m) noexcept { return __builtin_ctzll(m); }

#if WIKIREL_TEMPORAL_SSE2

/// Bytes of v within [lo, lo + span] (unsigned).
inline __m128i in_range(__m128i v, unsigned char lo, unsigned char span) noexcept {
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(static_cast<char>(span))), t);
}

inline std::uint64_t mask16(__m128i m, int k) noexcept {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(m)) & 0xFFFFu) << (16 * k);
}

inline __m128i byte_is(__m128i v, char c) noexcept { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }

/// Classifies the 64 bytes at p (which must all be readable). Kept to four classes: on
/// prose every extra class costs about as much as the rest of the scan.
inline block_masks classify_block(const unsigned char* p) noexcept {
  block_masks m;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    m.alpha |= mask16(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25), k);
    m.digit |= mask16(in_range(v, '0', 9), k);
    m.high |= mask16(v, k);
    m.apostrophe |= mask16(byte_is(v, '\''), k);
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    // a c-f j m-o s-t w y
    __m128i f = _mm_or_si128(byte_is(lower, 'a'), in_range(lower, 'c', 3));
    f = _mm_or_si128(f, _mm_or_si128(byte_is(lower, 'j'), in_range(lower, 'm', 2)));
    f = _mm_or_si128(f, _mm_or_si128(in_range(lower, 's', 1), _mm_or_si128(byte_is(lower, 'w'), byte_is(lower, 'y'))));
    m.first |= mask16(f, k);
    m.t |= mask16(byte_is(lower, 't'), k);
    m.h |= mask16(byte_is(lower, 'h'), k);
    m.i |= mask16(byte_is(lower, 'i'), k);
  }
  return m;
}

/// Word starts in a block that may begin a trigger word: at least three letters, a
/// plausible first letter, and not "th" unless "thi". A superset: positions near the
/// block's end, whose next bytes are not in the masks, are kept.
inline std::uint64_t trigger_starts(const block_masks& m, std::uint64_t starts) noexcept {
  constexpr std::uint64_t top1 = std::uint64_t{1} << 63, top2 = std::uint64_t{3} << 62;
  const std::uint64_t th_not_thi = m.t & (m.h >> 1) & ~((m.i >> 2) | top2);
  return starts & m.first & ((m.alpha >> 1) | top1) & ((m.alpha >> 2) | top2) & ~th_not_thi;
}

/// Bit mask of the 16 bytes at p that the sentence splitter stops at: "\n.!?()[]{}\"" and
/// 0xE2 (curly quotes, the ellipsis).
inline unsigned sentence_stops16(const unsigned char* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // '!' '"' are 0x21 and 0x22, '(' ')' 0x28 and 0x29.
  __m128i hit = _mm_or_si128(in_range(v, '!', 1), in_range(v, '(', 1));
  hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(byte_is(v, '['), byte_is(v, ']')),
                                       _mm_or_si128(byte_is(v, '{'), byte_is(v, '}'))));
  hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(byte_is(v, '\n'), byte_is(v, '.')),
                                       _mm_or_si128(byte_is(v, '?'), byte_is(v, static_cast<char>(0xE2)))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

#endif

}  // namespace wikirel::detail

#endif
