#ifndef WIKIREL_DETAIL_CPU_HPP
#define WIKIREL_DETAIL_CPU_HPP

// What the processor can run beyond the SSE2 every x86-64 has. The AVX2 paths are
// compiled with a target attribute and chosen at run time, so one binary runs anywhere and
// takes the wider compares where they exist. WIKIREL_NO_SIMD turns every vector path off.

#if !defined(WIKIREL_NO_SIMD) && defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WIKIREL_HAS_AVX2_PATHS 1
#else
#define WIKIREL_HAS_AVX2_PATHS 0
#endif

#include <cstdint>

namespace wikirel::detail {

#if WIKIREL_HAS_AVX2_PATHS
/// The few AVX2 operations the classifiers use, on the compilers' vector extensions and
/// two builtins both g++ and clang++ have: <immintrin.h>, which declares every intrinsic
/// there is, would add 60,000 lines and a second of compile time to every file that
/// includes wikirel. Every function that takes or gives a vector is compiled for AVX2.
namespace avx2 {
using bytes = unsigned char __attribute__((vector_size(32)));
using signed_bytes = char __attribute__((vector_size(32)));
#define WIKIREL_AVX2 __attribute__((target("avx2"), always_inline)) inline

WIKIREL_AVX2 bytes load(const unsigned char* p) noexcept {
  bytes v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

WIKIREL_AVX2 bytes splat(unsigned char c) noexcept { return bytes{} + c; }
/// table[i & 15] for each byte i (0 where i has its top bit set), within each half: the
/// table is 16 bytes twice (see table32).
WIKIREL_AVX2 bytes shuffle(bytes table, bytes index) noexcept {
  return (bytes)__builtin_ia32_pshufb256((signed_bytes)table, (signed_bytes)index);
}
/// Bit i is the top bit of byte i.
WIKIREL_AVX2 std::uint64_t top_bits(bytes v) noexcept {
  return static_cast<std::uint32_t>(__builtin_ia32_pmovmskb256((signed_bytes)v));
}
/// Bit i set where byte i is zero.
WIKIREL_AVX2 std::uint64_t zero(bytes v) noexcept { return top_bits((bytes)(v == splat(0))); }
/// Bit i set where byte i is not zero.
WIKIREL_AVX2 std::uint64_t nonzero(bytes v) noexcept {
  return ~top_bits((bytes)(v == splat(0))) & 0xFFFFFFFFu;
}
/// Each byte shifted right by four: its high nibble.
WIKIREL_AVX2 bytes high_nibbles(bytes v) noexcept { return v >> 4; }
#undef WIKIREL_AVX2
}  // namespace avx2
#endif

/// A 16-byte lookup table written twice, for the two halves of an AVX2 shuffle.
struct table32 {
  alignas(32) unsigned char bytes[32] = {};
  constexpr explicit table32(const unsigned char (&t)[16]) noexcept {
    for (int i = 0; i < 32; ++i) bytes[i] = t[i & 15];
  }
};

#if WIKIREL_HAS_AVX2_PATHS
/// Whether this processor runs AVX2 (asked once, when the program starts; before that,
/// as during another static initializer, it reads false and the SSE2 paths run).
inline const bool cpu_has_avx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

}  // namespace wikirel::detail

#endif
