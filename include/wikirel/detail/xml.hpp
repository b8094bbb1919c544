#ifndef WIKIREL_DETAIL_XML_HPP
#define WIKIREL_DETAIL_XML_HPP

// The small part of XML that a MediaWiki export uses: tags with quoted attributes, the
// five named character references and numeric ones, comments, CDATA sections and
// processing instructions. dump_reader finds the markup; these helpers take a complete tag
// or a run of character data apart.

#include "chars.hpp"
#include "scan.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace wikirel::detail {

/// The first occurrence of `s` (not empty) in [p, end), or end.
inline const char* find_text(const char* p, const char* end, std::string_view s) noexcept {
  while (static_cast<std::size_t>(end - p) >= s.size()) {
    p = find_byte(p, end - (s.size() - 1), s[0]);
    if (static_cast<std::size_t>(end - p) < s.size()) break;
    if (starts_with(p, end, s)) return p;
    ++p;
  }
  return end;
}

/// Decodes the XML character reference at p ('&'): "&amp;" "&lt;" "&gt;" "&quot;"
/// "&apos;", "&#123;" or "&#x7B;". Returns its length, or 0 when the text is not one (then
/// '&' stays literal; HTML names such as "&ndash;" are not XML references).
inline std::size_t xml_reference(const char* p, const char* end, char32_t& cp) noexcept {
  const char* q = p + 1;
  if (q < end && *q == '#') {
    ++q;
    const bool hex = q < end && (*q == 'x' || *q == 'X');
    if (hex) ++q;
    const char* digits = q;
    char32_t value = 0;
    while (q < end && q - digits < 8 && (hex ? is_hex(byte_of(*q)) : is_digit(byte_of(*q)))) {
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(hex_value(byte_of(*q)));
      ++q;
    }
    if (q == digits || q >= end || *q != ';') return 0;
    cp = value == 0 || value > 0x10FFFF ? 0xFFFD : value;  // encode_utf8 maps surrogates
    return static_cast<std::size_t>(q + 1 - p);
  }
  const auto named = [&](std::string_view rest, char c) -> std::size_t {
    if (!starts_with(q, end, rest)) return 0;
    cp = static_cast<unsigned char>(c);
    return rest.size() + 1;
  };
  switch (q < end ? *q : 0) {
    case 'l': return named("lt;", '<');
    case 'g': return named("gt;", '>');
    case 'q': return named("quot;", '"');
    case 'a': return q + 1 < end && q[1] == 'm' ? named("amp;", '&') : named("apos;", '\'');
    default: return 0;
  }
}

/// Appends the character data [p, end) to out as XML reads it: references decoded, CDATA
/// sections copied verbatim, comments dropped, CR LF and lone CR turned into LF.
inline void xml_decode_append(const char* p, const char* end, std::string& out) {
  // Decoding never lengthens the text (the shortest reference to a k-byte UTF-8 character
  // is longer than k bytes), so one resize makes room and plain stores fill it.
  const std::size_t old = out.size();
  out.resize(old + static_cast<std::size_t>(end - p));
  char* const first = out.data();
  char* w = first + old;
  const auto copy = [&w](const char* from, const char* to) {
    if (from == to) return;
    std::memcpy(w, from, static_cast<std::size_t>(to - from));
    w += to - from;
  };
  while (p < end) {
    const char* q = find_first_of<byte_set<'&', '<', '\r'>>(p, end);
    copy(p, q);
    if (q == end) break;
    if (*q == '\r') {
      *w++ = '\n';
      p = q + 1 < end && q[1] == '\n' ? q + 2 : q + 1;
    } else if (*q == '&') {
      char32_t cp = 0;
      const std::size_t n = xml_reference(q, end, cp);
      if (n == 0) {
        *w++ = '&';
        p = q + 1;
      } else {
        w += encode_utf8(cp, w);
        p = q + n;
      }
    } else if (starts_with(q, end, "<![CDATA[")) {
      const char* close = find_text(q + 9, end, "]]>");
      copy(q + 9, close);
      p = close == end ? end : close + 3;
    } else if (starts_with(q, end, "<!--")) {
      const char* close = find_text(q + 4, end, "-->");
      p = close == end ? end : close + 3;
    } else {
      *w++ = '<';  // not produced by the reader's ranges; kept rather than lost
      p = q + 1;
    }
  }
  out.resize(static_cast<std::size_t>(w - first));
}

constexpr bool is_xml_name_byte(unsigned char c) noexcept {
  return is_alnum(c) || c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80;
}

/// One attribute of a tag, its value as written (references not decoded).
struct xml_attribute {
  std::string_view name;
  std::string_view value;
};

/// Reads the next attribute from [p, end), the text of a tag after its name. Returns 1 and
/// advances p when there is one, 0 at the end of the attributes, -1 when they are malformed.
inline int next_xml_attribute(const char*& p, const char* end, xml_attribute& out) noexcept {
  p = skip_spaces(p, end);
  if (p == end) return 0;
  const char* name = p;
  while (p < end && is_xml_name_byte(byte_of(*p))) ++p;
  if (p == name) return -1;
  out.name = std::string_view(name, static_cast<std::size_t>(p - name));
  p = skip_spaces(p, end);
  if (p == end || *p != '=') return -1;
  p = skip_spaces(p + 1, end);
  if (p == end || (*p != '"' && *p != '\'')) return -1;
  const char quote = *p;
  const char* value = p + 1;
  const char* close = find_byte(value, end, quote);
  if (close == end) return -1;
  out.value = std::string_view(value, static_cast<std::size_t>(close - value));
  p = close + 1;
  if (p < end && !is_space(byte_of(*p))) return -1;  // attributes are separated by space
  return 1;
}

/// A start, end or empty-element tag taken apart.
struct xml_tag {
  std::string_view name;
  std::string_view attributes;  ///< the text between the name and ">" or "/>"
  bool closing = false;         ///< "</name>"
  bool self_closing = false;    ///< "<name/>"
};

/// Parses a complete tag, "<" to ">" inclusive. False when it is not well formed.
inline bool parse_xml_tag(std::string_view text, xml_tag& tag) noexcept {
  const char* p = text.data() + 1;
  const char* end = text.data() + text.size() - 1;  // at '>'
  tag.closing = p < end && *p == '/';
  if (tag.closing) ++p;
  const char* name = p;
  while (p < end && is_xml_name_byte(byte_of(*p))) ++p;
  if (p == name || is_digit(byte_of(*name)) || *name == '-' || *name == '.') return false;
  tag.name = std::string_view(name, static_cast<std::size_t>(p - name));
  tag.self_closing = !tag.closing && end > p && end[-1] == '/';
  if (tag.self_closing) --end;
  if (p < end && !is_space(byte_of(*p))) return false;
  tag.attributes = std::string_view(p, static_cast<std::size_t>(end - p));
  if (tag.closing) return skip_spaces(p, end) == end;
  xml_attribute a;
  int got = 0;
  while ((got = next_xml_attribute(p, end, a)) == 1) {
  }
  return got == 0;
}

/// Finds the attribute `name` among a tag's attributes; false when it is absent.
inline bool find_xml_attribute(std::string_view attributes, std::string_view name, std::string_view& value) noexcept {
  const char* p = attributes.data();
  const char* end = p + attributes.size();
  xml_attribute a;
  while (next_xml_attribute(p, end, a) == 1)
    if (a.name == name) {
      value = a.value;
      return true;
    }
  return false;
}

/// Skips a UTF-8 byte-order mark at the start of `text`.
constexpr std::string_view skip_utf8_bom(std::string_view text) noexcept {
  return text.size() >= 3 && byte_of(text[0]) == 0xEF && byte_of(text[1]) == 0xBB && byte_of(text[2]) == 0xBF
             ? text.substr(3)
             : text;
}

/// Skips white space, comments and processing instructions (the XML declaration) at the
/// start of `text`: what may come before the root element.
inline std::string_view skip_xml_prolog(std::string_view text) noexcept {
  const char* p = text.data();
  const char* end = p + text.size();
  for (;;) {
    p = skip_spaces(p, end);
    const char* close = nullptr;
    if (starts_with(p, end, "<?")) {
      close = find_text(p + 2, end, "?>");
      if (close != end) close += 2;
    } else if (starts_with(p, end, "<!--")) {
      close = find_text(p + 4, end, "-->");
      if (close != end) close += 3;
    } else {
      break;
    }
    p = close;
  }
  return std::string_view(p, static_cast<std::size_t>(end - p));
}

}  // namespace wikirel::detail

#endif
