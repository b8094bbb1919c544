#ifndef WIKIREL_DETAIL_TEMPORAL_SIMD_HPP
#define WIKIREL_DETAIL_TEMPORAL_SIMD_HPP

// Byte classes of 64-byte blocks as bit masks, for the run-time fast path of the date
// recognizer. A byte-at-a-time loop over prose spends most of its time in mispredicted
// branches at word boundaries; with masks, word starts and punctuation come out of a few
// vector compares and are visited with bit tricks. Constant evaluation never comes here
// (the callers keep scalar loops for it).

#include "cpu.hpp"
#include "temporal_words.hpp"

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
  // A coarse picture of the trigger words (months, seasons, ordinals, units): bytes whose
  // letter and the next byte can be the first two letters of one (where only SSE2 runs,
  // whose letter can be the first), and, from SSE2 alone, the bytes of "th", which begins
  // many common words but only "third", "thirteenth", "thirties" and "thirtieth" among the
  // triggers.
  std::uint64_t pair = 0;
  std::uint64_t t = 0, h = 0, i = 0;  ///< empty from classify_block_avx2
};

/// Two neighbouring letters of the trigger words, for a two-table test: bucket_of[c] is the
/// bucket bit of a letter c at the first place (none for a letter no trigger word has
/// there), and follows[c] has the bucket bits of the letters that c can follow. A byte pair
/// (c1, c2) passes when bucket_of[c1] & follows[c2] is not zero: a superset of the pairs
/// the trigger words have (same words, same letters). Eight buckets hold up to thirteen
/// letters; those sharing one have next letters that rarely pair with the other's in prose:
/// for the first two letters, with 't' and 'd' in one bucket "ta" passes but "di", "ca",
/// "wa" do not.
struct trigger_pairs {
  unsigned char bucket_of[26] = {};
  unsigned char follows[26] = {};
  /// The pairs of letters `at` and `at + 1` of the trigger words, bucketed by `plan`.
  constexpr trigger_pairs(std::size_t at, const std::string_view (&plan)[8]) noexcept {
    for (const word_entry& e : temporal_words) {
      if (!is_trigger(e.kind) || e.text.size() < 3) continue;
      const int c1 = byte_of(e.text[at]) - 'a', c2 = byte_of(e.text[at + 1]) - 'a';
      if (c1 < 0 || c1 >= 26 || c2 < 0 || c2 >= 26) continue;  // maybe_trigger takes no such word
      int bucket = c1 % 8;  // a letter missing from the plan still gets a bucket: a superset
      for (int b = 0; b < 8; ++b)
        if (plan[b].find(static_cast<char>('a' + c1)) != std::string_view::npos) bucket = b;
      bucket_of[c1] = static_cast<unsigned char>(1u << bucket);
      follows[c2] |= static_cast<unsigned char>(1u << bucket);
    }
  }
  /// The scalar test of the pair (c1, c2): what the vector code computes for each byte.
  constexpr bool passes(unsigned char c1, unsigned char c2) const noexcept {
    return is_alpha(c1) && is_alpha(c2) && (bucket_of[(c1 | 0x20) - 'a'] & follows[(c2 | 0x20) - 'a']) != 0;
  }
};
/// The buckets of the first letters, and of the second ones, chosen on the corpus's prose:
/// together the two tests leave about 45% of the word starts the first one alone does.
inline constexpr std::string_view first_letter_buckets[8] = {"a", "s", "td", "f", "mj", "en", "wy", "co"};
inline constexpr std::string_view second_letter_buckets[8] = {"fw", "l", "op", "a", "cu", "v", "hi", "e"};
/// The first two letters of the trigger words.
inline constexpr trigger_pairs trigger_pair_table{0, first_letter_buckets};
/// Their second and third letters.
inline constexpr trigger_pairs trigger_tail_table{1, second_letter_buckets};

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

/// Classifies the 64 bytes at p (all readable). Kept to four classes: on prose every extra
/// class costs about as much as the rest of the scan.
inline block_masks classify_block_sse2(const unsigned char* p) noexcept {
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
    m.pair |= mask16(f, k);  // two-letter tests need a byte shuffle, which SSE2 lacks
    m.t |= mask16(byte_is(lower, 't'), k);
    m.h |= mask16(byte_is(lower, 'h'), k);
    m.i |= mask16(byte_is(lower, 'i'), k);
  }
  return m;
}

#if WIKIREL_HAS_AVX2_PATHS
/// A trigger_pairs table by the low nibble of a lower-cased letter, for 0x60..0x6F and
/// 0x70..0x7F.
struct pair_nibbles {
  alignas(16) unsigned char bucket6[16] = {}, bucket7[16] = {};
  alignas(16) unsigned char follows6[16] = {}, follows7[16] = {};
  constexpr explicit pair_nibbles(const trigger_pairs& t) noexcept {
    for (unsigned char c = 'a'; c <= 'z'; ++c) {
      (c < 0x70 ? bucket6 : bucket7)[c & 15] = t.bucket_of[c - 'a'];
      (c < 0x70 ? follows6 : follows7)[c & 15] = t.follows[c - 'a'];
    }
  }
};
inline constexpr pair_nibbles pair_classes{trigger_pair_table};
inline constexpr pair_nibbles tail_classes{trigger_tail_table};

/// The value of a nibble table pair for each letter byte of v (0 for other bytes).
__attribute__((target("avx2"), always_inline)) inline avx2::bytes letter_lookup(avx2::bytes v, avx2::bytes table6,
                                                                             avx2::bytes table7) noexcept {
  using avx2::splat;
  const avx2::bytes lower = v | splat(0x20);
  const avx2::bytes nibble = lower & splat(0x0F);
  const avx2::bytes row = lower & splat(0xF0);
  return (avx2::shuffle(table6, nibble) & (avx2::bytes)(row == splat(0x60))) |
         (avx2::shuffle(table7, nibble) & (avx2::bytes)(row == splat(0x70)));
}

/// The masks of classify_block_sse2 from two 32-byte halves, but for the pairs: the two
/// table tests (the first two letters, and the second and third, so the two bytes after
/// the 64 are read) need a byte shuffle each. They leave "th" words only where a trigger's
/// second and third letters could follow, so t, h and i are not classified (left empty):
/// the "th" test in trigger_starts would turn away about 200 more words a corpus round,
/// fewer than the table lookup and three classes would cost on every block.
__attribute__((target("avx2"))) inline block_masks classify_block_avx2(const unsigned char* p) noexcept {
  using avx2::bytes;
  using avx2::splat;
  constexpr table32 bucket6_32(pair_classes.bucket6), bucket7_32(pair_classes.bucket7);
  constexpr table32 follows6_32(pair_classes.follows6), follows7_32(pair_classes.follows7);
  constexpr table32 tail_bucket6_32(tail_classes.bucket6), tail_bucket7_32(tail_classes.bucket7);
  constexpr table32 tail_follows6_32(tail_classes.follows6), tail_follows7_32(tail_classes.follows7);
  const bytes bucket6 = avx2::load(bucket6_32.bytes), bucket7 = avx2::load(bucket7_32.bytes);
  const bytes follows6 = avx2::load(follows6_32.bytes), follows7 = avx2::load(follows7_32.bytes);
  const bytes tail_bucket6 = avx2::load(tail_bucket6_32.bytes), tail_bucket7 = avx2::load(tail_bucket7_32.bytes);
  const bytes tail_follows6 = avx2::load(tail_follows6_32.bytes), tail_follows7 = avx2::load(tail_follows7_32.bytes);
  block_masks m;
  for (int k = 0; k < 2; ++k) {
    const bytes v = avx2::load(p + 32 * k);
    const bytes v1 = avx2::load(p + 32 * k + 1), v2 = avx2::load(p + 32 * k + 2);
    const bytes pairs = letter_lookup(v, bucket6, bucket7) & letter_lookup(v1, follows6, follows7);
    const bytes tails = letter_lookup(v1, tail_bucket6, tail_bucket7) & letter_lookup(v2, tail_follows6, tail_follows7);
    const int shift = 32 * k;
    m.pair |= (avx2::nonzero(pairs) & avx2::nonzero(tails)) << shift;
    m.alpha |= avx2::top_bits((bytes)((v | splat(0x20)) - splat('a') < splat(26))) << shift;
    m.digit |= avx2::top_bits((bytes)(v - splat('0') < splat(10))) << shift;
    m.high |= avx2::top_bits(v) << shift;
    m.apostrophe |= avx2::top_bits((bytes)(v == splat('\''))) << shift;
  }
  return m;
}
#endif

/// The classes of the 64 bytes at p (and the two after them must be readable): AVX2 where
/// the processor has it.
inline block_masks classify_block(const unsigned char* p) noexcept {
#if WIKIREL_HAS_AVX2_PATHS
  if (cpu_has_avx2) return classify_block_avx2(p);
#endif
  return classify_block_sse2(p);
}

/// Word starts in a block that may begin a trigger word: at least three letters, a
/// plausible pair of first letters, and not "th" unless "thi". A superset: positions near the
/// block's end, whose next bytes are not in the masks, are kept.
inline std::uint64_t trigger_starts(const block_masks& m, std::uint64_t starts) noexcept {
  constexpr std::uint64_t top1 = std::uint64_t{1} << 63, top2 = std::uint64_t{3} << 62;
  const std::uint64_t th_not_thi = m.t & (m.h >> 1) & ~((m.i >> 2) | top2);
  return starts & m.pair & ((m.alpha >> 1) | top1) & ((m.alpha >> 2) | top2) & ~th_not_thi;
}

#endif

}  // namespace wikirel::detail

#endif
