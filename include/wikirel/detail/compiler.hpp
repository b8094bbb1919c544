#ifndef WIKIREL_DETAIL_COMPILER_HPP
#define WIKIREL_DETAIL_COMPILER_HPP

// WIKIREL_HOT_INLINE marks the few small functions on the per-byte path that must be
// inlined into their many callers (appending a run of text to the arena): g++ stops
// inlining them once they have a dozen call sites, and each call then costs a sixth more
// than the work it does.

#if defined(__GNUC__) || defined(__clang__)
#define WIKIREL_HOT_INLINE __attribute__((always_inline)) inline
#else
#define WIKIREL_HOT_INLINE inline
#endif

#include <type_traits>

namespace wikirel::detail {

template <class T>
inline constexpr T blank_value{};

/// A value-initialised T. At run time it is copied from a constant through a pointer the
/// compiler cannot see into: g++ zeroed the 96-byte tag record and the 144-byte citation
/// record built in place with "rep stos", whose start-up costs about what a mispredicted
/// branch or two does (it was half the time of making a citation and a third of reading a
/// tag); the copy is a few vector moves.
template <class T>
constexpr T blank() noexcept {
#if defined(__GNUC__) || defined(__clang__)
  if (!std::is_constant_evaluated()) {
    const T* source = &blank_value<T>;
    __asm__("" : "+r"(source));
    return *source;
  }
#endif
  return T{};
}

}  // namespace wikirel::detail

#endif
