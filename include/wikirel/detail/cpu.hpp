#ifndef WIKIREL_DETAIL_CPU_HPP
#define WIKIREL_DETAIL_CPU_HPP

// What the processor can run beyond the SSE2 every x86-64 has. The AVX2 paths are
// compiled with a target attribute and chosen at run time, so one binary runs anywhere and
// takes the wider compares where they exist. WIKIREL_NO_SIMD turns every vector path off.

#if !defined(WIKIREL_NO_SIMD) && defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WIKIREL_HAS_AVX2_PATHS 1
#else
#define WIKIREL_HAS_AVX2_PATHS 0
#endif

namespace wikirel::detail {

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
