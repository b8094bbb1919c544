#ifndef WIKIREL_DIAGNOSTIC_HPP
#define WIKIREL_DIAGNOSTIC_HPP

// What the parser noticed about malformed input. Wiki markup has no syntax errors in
// MediaWiki's sense, so a parse always gives an article; diagnostics say where the reading
// was a guess.

#include <cstdint>
#include <string_view>

namespace wikirel {

enum class diagnostic_kind : std::uint8_t {
  unclosed_comment,     ///< "<!--" without "-->": the rest of the input is a comment
  unclosed_template,    ///< "{{" without "}}"
  unclosed_link,        ///< "[[" without "]]"
  unclosed_table,       ///< "{|" without "|}"
  unclosed_tag,         ///< "<ref>", "<nowiki>", "<pre>", … without its closing tag
  unbalanced_heading,   ///< "== A ===" or "== A" at the start of a line
  stray_closing,        ///< "}}" or "|}" with nothing open
  unresolved_reference, ///< a citation marker or named reuse that no definition answers
  depth_limit,          ///< nesting deeper than options::max_depth
  size_limit,           ///< input longer than options::max_input_size
  capacity_exceeded,    ///< a fixed_storage capacity ran out; the message names it
  too_many_diagnostics, ///< later diagnostics were dropped
};

constexpr std::string_view to_string(diagnostic_kind k) noexcept {
  switch (k) {
    case diagnostic_kind::unclosed_comment: return "unclosed_comment";
    case diagnostic_kind::unclosed_template: return "unclosed_template";
    case diagnostic_kind::unclosed_link: return "unclosed_link";
    case diagnostic_kind::unclosed_table: return "unclosed_table";
    case diagnostic_kind::unclosed_tag: return "unclosed_tag";
    case diagnostic_kind::unbalanced_heading: return "unbalanced_heading";
    case diagnostic_kind::stray_closing: return "stray_closing";
    case diagnostic_kind::unresolved_reference: return "unresolved_reference";
    case diagnostic_kind::depth_limit: return "depth_limit";
    case diagnostic_kind::size_limit: return "size_limit";
    case diagnostic_kind::capacity_exceeded: return "capacity_exceeded";
    case diagnostic_kind::too_many_diagnostics: return "too_many_diagnostics";
  }
  return "unknown";
}

/// One finding, with its place in the input: a byte offset and a 1-based line and column
/// (the column counts code points).
struct diagnostic {
  diagnostic_kind kind{};
  const char* text = "";  ///< a static message; see message()
  std::uint32_t offset = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  constexpr std::string_view message() const noexcept { return text; }
};

}  // namespace wikirel

#endif
