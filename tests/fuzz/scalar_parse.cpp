// The reference copy of the library for wikirel_fuzz: the same headers compiled with
// WIKIREL_NO_SIMD, so every finder takes its scalar loop (the path constant evaluation
// takes), while wikirel_fuzz.cpp uses the SSE2 paths of an ordinary build.
//
// ODR: both translation units include the same inline functions and templates, compiled
// differently. Renaming the library's namespace here (every `wikirel` token becomes
// `wikirel_noSIMD`; include guards, macros and the wikirel_fuzz namespace are other tokens)
// gives this copy its own mangled names, so the linker keeps both and neither replaces the
// other. tests/fuzz/run.sh checks with nm that both sets of symbols are in the binary.
#ifndef WIKIREL_NO_SIMD
#error "scalar_parse.cpp must be compiled with -DWIKIREL_NO_SIMD"
#endif

// The standard headers first, outside the renaming (not needed for correctness, since the
// macro only touches the token `wikirel`, but it keeps their inclusion order obvious).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#define wikirel wikirel_noSIMD
#include <wikirel/article.hpp>
#include <wikirel/json.hpp>

#include "read_article.hpp"

#if defined(WIKIREL_HAS_SSE2) || WIKIREL_TEMPORAL_SSE2
#error "the scalar copy was compiled with the SSE2 paths"
#endif

namespace wikirel_fuzz {

snapshot scalar_parse(std::string_view text, const parse_request& request) {
  const auto a = wikirel_noSIMD::parse(text, to_options(request));
  return take_snapshot(a);
}

temporal_s scalar_temporal(std::string_view text) { return take_temporal(text); }

bool scalar_is_scalar() {
#if defined(WIKIREL_HAS_SSE2) || WIKIREL_TEMPORAL_SSE2
  return false;
#else
  return true;
#endif
}

}  // namespace wikirel_fuzz
