# Writes the built-in sample articles into a header as raw string literals, so the CLI
# carries them with no files at run time. Run as: cmake -DOUT=... -DSOURCE_DIR=... -P this
file(READ "${SOURCE_DIR}/freedonia_sylvania.txt" plaintext)
file(READ "${SOURCE_DIR}/freedonia_sylvania.wiki" wikitext)
set(delim "wikirel_sample")
file(WRITE "${OUT}.tmp"
"// Generated from examples/samples by cmake/embed_samples.cmake. Do not edit.
#pragma once
#include <string_view>
namespace wikirel_samples {
inline constexpr std::string_view plaintext = R\"${delim}(${plaintext})${delim}\";
inline constexpr std::string_view wikitext = R\"${delim}(${wikitext})${delim}\";
}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
