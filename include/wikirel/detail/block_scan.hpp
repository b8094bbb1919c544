#ifndef WIKIREL_DETAIL_BLOCK_SCAN_HPP
#define WIKIREL_DETAIL_BLOCK_SCAN_HPP

// Finding the next markup byte when markup is dense. Wikitext has a byte that can start
// markup about every 14 bytes, so a scan that starts afresh at each one (find_first_of)
// spends its time setting up vector compares for a few bytes each. A block_cursor instead
// classifies 64 bytes at a time into bit masks and keeps the masks of the block it is in:
// the next markup byte is then a shift and a count of trailing zeros away. Classifying
// takes two table lookups per 32 bytes with AVX2 (chosen at run time when the processor
// has it) and compares with SSE2 otherwise; constant evaluation, and the scalar mode the
// tests compare with, use the plain loop of find_first_of_scalar.

#include "chars.hpp"
#include "cpu.hpp"
#include "scan.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__) && !defined(WIKIREL_NO_SIMD)
#include <emmintrin.h>
#define WIKIREL_BLOCK_SSE2 1
#else
#define WIKIREL_BLOCK_SSE2 0
#endif
#define WIKIREL_BLOCK_AVX2 (WIKIREL_BLOCK_SSE2 && WIKIREL_HAS_AVX2_PATHS)

namespace wikirel::detail {

template <class Set>
struct byte_set_traits;
template <char... Cs>
struct byte_set_traits<byte_set<Cs...>> {
  static constexpr unsigned char bytes[sizeof...(Cs)] = {static_cast<unsigned char>(Cs)...};
};

/// Nibble tables that tell, for a byte b, whether it is in Set, in Sub (a subset of Set)
/// and in Quiet (a subset of Sub): with hi = table_hi[b >> 4] and lo = table_lo[b & 15],
/// b is in Set when hi & lo is not zero, in Sub when hi & lo & sub_bits is not zero and in
/// Quiet when hi & lo & quiet_bits is not. Each (high nibble, subsets it is in) group of
/// the set's bytes gets a bit of its own, which makes the tests exact; at most eight groups
/// fit, which the sets here keep within.
template <class Set, class Sub, class Quiet>
struct nibble_tables {
  unsigned char hi[16] = {};
  unsigned char lo[16] = {};
  unsigned char sub_bits = 0;
  unsigned char quiet_bits = 0;
  bool exact = true;

  constexpr nibble_tables() noexcept {
    int group_of[16 * 4];  // (high nibble, in Sub, in Quiet) -> bit
    for (int& g : group_of) g = -1;
    int groups = 0;
    for (unsigned char b : byte_set_traits<Set>::bytes) {
      if (b == 0) exact = false;  // the padding of a partial block is zero
      const bool in_sub = Sub::contains(b), in_quiet = Quiet::contains(b);
      const int key = (b >> 4) * 4 + (in_sub ? 2 : 0) + (in_quiet ? 1 : 0);
      if (group_of[key] < 0) {
        if (groups == 8) {
          exact = false;
          continue;
        }
        group_of[key] = groups++;
      }
      const auto bit = static_cast<unsigned char>(1u << group_of[key]);
      hi[b >> 4] = static_cast<unsigned char>(hi[b >> 4] | bit);
      lo[b & 15] = static_cast<unsigned char>(lo[b & 15] | bit);
      if (in_sub) sub_bits = static_cast<unsigned char>(sub_bits | bit);
      if (in_quiet) quiet_bits = static_cast<unsigned char>(quiet_bits | bit);
    }
    for (unsigned char b : byte_set_traits<Sub>::bytes)
      if (!Set::contains(b)) exact = false;
    for (unsigned char b : byte_set_traits<Quiet>::bytes)
      if (!Sub::contains(b)) exact = false;
  }
};

/// The bytes of one 64-byte block that are in Set, in its subset Sub and in Quiet.
struct block_masks64 {
  std::uint64_t set = 0;
  std::uint64_t sub = 0;
  std::uint64_t quiet = 0;
};

/// A subset that is its parent set is not classified again: its mask is the parent's.
template <class Set, class Sub, class Quiet>
constexpr block_masks64 same_as_parent(block_masks64 m) noexcept {
  if constexpr (std::is_same_v<Set, Sub>) m.sub = m.set;
  if constexpr (std::is_same_v<Sub, Quiet>) m.quiet = m.sub;
  return m;
}

#if WIKIREL_BLOCK_SSE2
template <class Set>
struct sse2_compare;
template <char... Cs>
struct sse2_compare<byte_set<Cs...>> {
  static unsigned mask16(__m128i v) noexcept {
    const __m128i hits = (_mm_setzero_si128() | ... | _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)));
    return static_cast<unsigned>(_mm_movemask_epi8(hits));
  }
};

template <class Set, class Sub, class Quiet = Sub>
inline block_masks64 classify_sse2(const unsigned char* p) noexcept {
  block_masks64 m;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    m.set |= static_cast<std::uint64_t>(sse2_compare<Set>::mask16(v)) << (16 * k);
    if constexpr (!std::is_same_v<Set, Sub>)
      m.sub |= static_cast<std::uint64_t>(sse2_compare<Sub>::mask16(v)) << (16 * k);
    if constexpr (!std::is_same_v<Sub, Quiet>)
      m.quiet |= static_cast<std::uint64_t>(sse2_compare<Quiet>::mask16(v)) << (16 * k);
  }
  return same_as_parent<Set, Sub, Quiet>(m);
}
#endif

#if WIKIREL_BLOCK_AVX2
template <class Set, class Sub, class Quiet>
inline constexpr nibble_tables<Set, Sub, Quiet> nibbles{};

template <class Set, class Sub, class Quiet = Sub>
__attribute__((target("avx2"), always_inline)) inline block_masks64 classify_avx2_body(const unsigned char* p) noexcept {
  constexpr const nibble_tables<Set, Sub, Quiet>& t = nibbles<Set, Sub, Quiet>;
  static_assert(t.exact, "a set the nibble tables cannot tell exactly");
  constexpr table32 hi32(t.hi), lo32(t.lo);
  const avx2::bytes hi_table = avx2::load(hi32.bytes), lo_table = avx2::load(lo32.bytes);
  const avx2::bytes low_nibble = avx2::splat(0x0F);
  // The masks of the bytes in no class, gathered as 64-bit words and inverted once: per
  // half, and per mask, the inversions cost a fifth of the function.
  std::uint64_t outside[3] = {};
  for (int k = 0; k < 2; ++k) {
    const avx2::bytes v = avx2::load(p + 32 * k);
    const avx2::bytes both = avx2::shuffle(hi_table, avx2::high_nibbles(v)) & avx2::shuffle(lo_table, v & low_nibble);
    outside[0] |= avx2::zero(both) << (32 * k);
    if constexpr (!std::is_same_v<Set, Sub>) outside[1] |= avx2::zero(both & avx2::splat(t.sub_bits)) << (32 * k);
    if constexpr (!std::is_same_v<Sub, Quiet>) outside[2] |= avx2::zero(both & avx2::splat(t.quiet_bits)) << (32 * k);
  }
  block_masks64 m;
  m.set = ~outside[0];
  if constexpr (!std::is_same_v<Set, Sub>) m.sub = ~outside[1];
  if constexpr (!std::is_same_v<Sub, Quiet>) m.quiet = ~outside[2];
  return same_as_parent<Set, Sub, Quiet>(m);
}

template <class Set, class Sub, class Quiet = Sub>
__attribute__((target("avx2"))) inline block_masks64 classify_avx2(const unsigned char* p) noexcept {
  return classify_avx2_body<Set, Sub, Quiet>(p);
}

/// classify_avx2 into `out`: no record returned through memory and copied.
template <class Set, class Sub, class Quiet>
__attribute__((target("avx2"))) inline void classify_avx2_into(const unsigned char* p, block_masks64& out) noexcept {
  out = classify_avx2_body<Set, Sub, Quiet>(p);
}
#endif

#if WIKIREL_BLOCK_SSE2
/// The masks of the 64 bytes at p, which must all be readable.
template <class Set, class Sub, class Quiet>
inline block_masks64 classify_block64(const unsigned char* p) noexcept {
#if WIKIREL_BLOCK_AVX2
  if (cpu_has_avx2) return classify_avx2<Set, Sub, Quiet>(p);
#endif
  return classify_sse2<Set, Sub, Quiet>(p);
}
#endif

/// Walks one text forward to the next byte of Set (or of its subset Sub, or of Sub's
/// subset Quiet), keeping the masks of the 64-byte block it last looked at. Blocks are
/// counted from the text's first byte; the last, partial block is classified from a
/// zero-padded copy.
template <class C, class Set, class Sub = Set, class Quiet = Sub>
class block_cursor {
 public:
  constexpr block_cursor(const C* first, const C* last) noexcept : first_(first), last_(last) {}

  /// The first byte of Set in [p, limit), or limit. limit must not pass the text's end.
  constexpr const C* next(const C* p, const C* limit) noexcept { return find<0>(p, limit); }
  /// The first byte of Sub in [p, limit), or limit.
  constexpr const C* next_sub(const C* p, const C* limit) noexcept { return find<1>(p, limit); }
  /// The first byte of Quiet in [p, limit), or limit.
  constexpr const C* next_quiet(const C* p, const C* limit) noexcept { return find<2>(p, limit); }

 private:
  /// Which = 0: Set, 1: Sub, 2: Quiet.
  template <int Which>
  constexpr std::uint64_t mask() const noexcept {
    return Which == 0 ? masks_.set : Which == 1 ? masks_.sub : masks_.quiet;
  }

  template <int Which>
  constexpr const C* find(const C* p, const C* limit) noexcept {
#if WIKIREL_BLOCK_SSE2
    if (use_fast_path()) {
      static_assert(sizeof(C) == 1);
      if (p >= limit) return limit;
      // p is nearly always in the block of the last call, a little further on.
      if (block_ == nullptr || static_cast<std::size_t>(p - block_) >= 64)
        load(first_ + (static_cast<std::size_t>(p - first_) & ~std::size_t{63}));
      const auto into = static_cast<std::size_t>(p - block_);
      std::uint64_t m = mask<Which>() >> into;
      if (m != 0) {
        const C* hit = p + __builtin_ctzll(m);
        return hit < limit ? hit : limit;
      }
      for (const C* block = block_ + 64; block < limit; block += 64) {
        load(block);
        m = mask<Which>();
        if (m != 0) {
          const C* hit = block + __builtin_ctzll(m);
          return hit < limit ? hit : limit;
        }
      }
      return limit;
    }
#endif
    if constexpr (Which == 0) return find_first_of_scalar<Set>(p, limit);
    else if constexpr (Which == 1) return find_first_of_scalar<Sub>(p, limit);
    else return find_first_of_scalar<Quiet>(p, limit);
  }

#if WIKIREL_BLOCK_SSE2
  /// With AVX2 the classifier writes the masks in place: the record returned from
  /// classify_block64 went through memory and a copy, for every block.
  void load(const C* block) noexcept {
    block_ = block;
    const auto* bytes = reinterpret_cast<const unsigned char*>(block);
    if (last_ - block < 64) return load_tail(bytes);
#if WIKIREL_BLOCK_AVX2
    if (cpu_has_avx2) return classify_avx2_into<Set, Sub, Quiet>(bytes, masks_);
#endif
    masks_ = classify_sse2<Set, Sub, Quiet>(bytes);
  }
  /// The last, partial block, from a zero-padded copy.
  void load_tail(const unsigned char* bytes) noexcept {
    const auto left = static_cast<std::size_t>(last_ - block_);
    unsigned char tail[64] = {};
    std::memcpy(tail, bytes, left);
    masks_ = classify_block64<Set, Sub, Quiet>(tail);
  }
#endif

  const C* first_;
  const C* last_;
  const C* block_ = nullptr;  ///< the block whose masks are held
  block_masks64 masks_{};
};

}  // namespace wikirel::detail

#endif
