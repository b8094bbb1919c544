#ifndef WIKIREL_DETAIL_SCAN_HPP
#define WIKIREL_DETAIL_SCAN_HPP

// Skipping prose in bulk. Every reader spends most of its time looking for the next byte
// that can start markup; these helpers do that with SSE2 or memchr at run time and with a
// plain loop in constant evaluation. The scalar loop is the reference the fast paths are
// tested against (tests/scan_test.cpp).

#include "chars.hpp"

#include <cstddef>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__) && !defined(WIKIREL_NO_SIMD)
#include <emmintrin.h>
#define WIKIREL_HAS_SSE2 1
#endif

namespace wikirel::detail {

/// The fast run-time paths (SSE2, memchr) are on unless a test, the fuzzer or the benchmark
/// turns them off to compare with the scalar paths that constant evaluation uses.
inline bool fast_paths_enabled = true;

/// True where a fast path may run: at run time, while enabled.
constexpr bool use_fast_path() noexcept { return !std::is_constant_evaluated() && fast_paths_enabled; }

/// A compile-time set of ASCII bytes.
template <char... Cs>
struct byte_set {
  static constexpr bool contains(unsigned char c) noexcept { return ((c == byte_of(Cs)) || ...); }
};

template <class Set, class C>
constexpr const C* find_first_of_scalar(const C* p, const C* end) noexcept {
  while (p < end && !Set::contains(byte_of(*p))) ++p;
  return p;
}

#if WIKIREL_HAS_SSE2
template <char... Cs>
inline const char* find_first_of_sse2(const char* p, const char* end, const char* readable, byte_set<Cs...>*) noexcept {
  while (p < end && readable - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = (_mm_setzero_si128() | ... | _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)));
    if (const int mask = _mm_movemask_epi8(hits)) {
      const char* hit = p + __builtin_ctz(static_cast<unsigned>(mask));
      return hit < end ? hit : end;
    }
    p += 16;
  }
  while (p < end && !byte_set<Cs...>::contains(byte_of(*p))) ++p;
  return p < end ? p : end;
}
#endif

/// The first byte in [p, end) that belongs to Set, or end, where the bytes up to
/// `readable` (at or after end: the end of the whole input) may be read. Most ranges are a
/// part of the input (a template's inside, a link); the vector compares then run over
/// their end instead of finishing it a byte at a time.
template <class Set, class C>
constexpr const C* find_first_of(const C* p, const C* end, const C* readable) noexcept {
#if WIKIREL_HAS_SSE2
  if (use_fast_path()) {
    static_assert(sizeof(C) == 1);
    const char* first = reinterpret_cast<const char*>(p);
    const char* hit = find_first_of_sse2(first, reinterpret_cast<const char*>(end),
                                         reinterpret_cast<const char*>(readable), static_cast<Set*>(nullptr));
    return p + (hit - first);
  }
#endif
  (void)readable;
  return find_first_of_scalar<Set>(p, end);
}

/// The first byte in [p, end) that belongs to Set, or end.
template <class Set, class C>
constexpr const C* find_first_of(const C* p, const C* end) noexcept {
  return find_first_of<Set>(p, end, end);
}

/// The first occurrence of byte c in [p, end), or end.
template <class C>
constexpr const C* find_byte(const C* p, const C* end, char c) noexcept {
  if (use_fast_path()) {
    if (p >= end) return end;
    const void* hit = std::memchr(p, static_cast<unsigned char>(c), static_cast<std::size_t>(end - p));
    return hit ? p + (static_cast<const unsigned char*>(hit) - reinterpret_cast<const unsigned char*>(p)) : end;
  }
  while (p < end && *p != static_cast<C>(c)) ++p;
  return p;
}

/// The last occurrence of byte c in [first, last), or last when there is none.
template <class C>
constexpr const C* find_last_byte(const C* first, const C* last, char c) noexcept {
#if defined(__GLIBC__) && defined(_GNU_SOURCE)  // memrchr is a GNU extension
  if (use_fast_path()) {
    if (first >= last) return last;
    const void* hit = ::memrchr(first, static_cast<unsigned char>(c), static_cast<std::size_t>(last - first));
    return hit ? first + (static_cast<const unsigned char*>(hit) - reinterpret_cast<const unsigned char*>(first)) : last;
  }
#endif
  for (const C* p = last; p > first; --p)
    if (p[-1] == static_cast<C>(c)) return p - 1;
  return last;
}

}  // namespace wikirel::detail

#endif
