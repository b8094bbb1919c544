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

#endif
