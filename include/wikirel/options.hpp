#ifndef WIKIREL_OPTIONS_HPP
#define WIKIREL_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel {

/// The kind of text an article was read from.
enum class format : std::uint8_t { auto_detect, wikitext, plaintext };

constexpr std::string_view to_string(format f) noexcept {
  switch (f) {
    case format::wikitext: return "wikitext";
    case format::plaintext: return "plaintext";
    case format::auto_detect: break;
  }
  return "auto";
}

/// How to read an article. Every field has a safe default.
struct options {
  /// What the text is; auto_detect looks at it.
  wikirel::format format = wikirel::format::auto_detect;
  /// The article's title when the text does not carry one (wikitext never does). Copied
  /// into the article, so it need not outlive the call.
  std::string_view title{};
  /// Deepest nesting of templates, links and tables that is followed; deeper markup is
  /// read as text and reported once.
  std::uint32_t max_depth = 256;
  /// Longest input read; the rest is dropped with a size_limit diagnostic. The default is
  /// the most that 32-bit offsets address.
  std::size_t max_input_size = 0xFFFFFFF0u;
  /// Find dated statements (events). Turning it off skips the date recognizer.
  bool events = true;
};

}  // namespace wikirel

#endif
