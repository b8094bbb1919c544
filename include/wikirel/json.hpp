#ifndef WIKIREL_JSON_HPP
#define WIKIREL_JSON_HPP

// An article as one line of JSON: the fields the CLI prints and outside tools read.
//
//     std::string line;
//     wikirel::append_json(article, line);   // {"title":…,"sections":[…],…}

#include "article.hpp"
#include "detail/scan.hpp"
#include "detail/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wikirel {

namespace detail {

/// The first byte in [p, end) that JSON cannot take as it stands: a control, '"', '\\',
/// or a byte >= 0x80 (UTF-8, checked one code point at a time).
inline const char* json_plain_run_end(const char* p, const char* end) noexcept {
#if WIKIREL_HAS_SSE2
  if (use_fast_path()) {
    // As signed bytes, controls and bytes >= 0x80 are both below 0x20.
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (; end - p >= 16; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hits = _mm_cmplt_epi8(v, space) | _mm_cmpeq_epi8(v, quote) | _mm_cmpeq_epi8(v, backslash);
      if (const int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
  }
#endif
  for (; p < end; ++p) {
    const unsigned char c = byte_of(*p);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return p;
  }
  return end;
}

/// Appends s as a JSON string: escapes quotes, backslashes and controls; invalid UTF-8
/// becomes U+FFFD so the output is always valid JSON.
template <class CharT>
void append_json_string(std::string& out, std::basic_string_view<CharT> s) {
  out.push_back('"');
  const CharT* p = s.data();
  const CharT* end = p + s.size();
  const CharT* run = p;  // bytes from here to p go out as they stand
  const auto flush = [&](const CharT* to) {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(to - run));
  };
  while (p < end) {
    const char* bytes = reinterpret_cast<const char*>(p);
    p += json_plain_run_end(bytes, reinterpret_cast<const char*>(end)) - bytes;
    if (p >= end) break;
    const unsigned char c = byte_of(*p);
    if (c >= 0x80) {
      // Valid UTF-8 stays in the run (every en dash would cut it otherwise); an invalid
      // byte becomes U+FFFD.
      char32_t cp = 0;
      const int n = decode_utf8(p, end, cp);
      if (cp == 0xFFFD && n == 1) {
        flush(p);
        out.append("\xEF\xBF\xBD", 3);
        run = p + 1;
      }
      p += n;
      continue;
    }
    flush(p);
    switch (c) {
      case '"': out.append("\\\"", 2); break;
      case '\\': out.append("\\\\", 2); break;
      case '\n': out.append("\\n", 2); break;
      case '\t': out.append("\\t", 2); break;
      case '\r': out.append("\\r", 2); break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(esc, 6);
      }
    }
    run = ++p;
  }
  flush(end);
  out.push_back('"');
}

template <class CharT>
void append_json_text_or_null(std::string& out, std::basic_string_view<CharT> s) {
  if (s.empty()) out.append(std::string_view("null"));
  else append_json_string(out, s);
}

inline void append_json_number(std::string& out, std::uint64_t v) {
  char digits[24];
  int n = 0;
  do digits[n++] = static_cast<char>('0' + v % 10), v /= 10;
  while (v != 0);
  while (n > 0) out.push_back(digits[--n]);
}

inline void append_json_date(std::string& out, const date& d) {
  if (!d.valid()) return out.append(std::string_view("null")), void();
  char buffer[16];
  const std::size_t n = d.to_chars(buffer);
  out.push_back('"');
  out.append(buffer, n);
  out.push_back('"');
}

inline void append_json_period(std::string& out, const period& p) {
  out.append(std::string_view("{\"begin\":"));
  append_json_date(out, p.begin);
  out.append(std::string_view(",\"end\":"));
  append_json_date(out, p.open_end ? date{} : p.end);
  out.append(std::string_view(",\"precision\":\""));
  out.append(to_string(p.precision));
  out.append(p.approximate ? std::string_view("\",\"approximate\":true}") : std::string_view("\",\"approximate\":false}"));
}

class json_object {
 public:
  explicit json_object(std::string& out) : out_(out) { out_.push_back('{'); }
  ~json_object() { out_.push_back('}'); }
  json_object(const json_object&) = delete;
  json_object& operator=(const json_object&) = delete;

  std::string& key(std::string_view k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(k);
    out_.append(std::string_view("\":"));
    return out_;
  }
  template <class CharT>
  void text(std::string_view k, std::basic_string_view<CharT> v) { append_json_string(key(k), v); }
  template <class CharT>
  void text_or_null(std::string_view k, std::basic_string_view<CharT> v) { append_json_text_or_null(key(k), v); }
  void number(std::string_view k, std::uint64_t v) { append_json_number(key(k), v); }
  void boolean(std::string_view k, bool v) { key(k).append(v ? std::string_view("true") : std::string_view("false")); }

 private:
  std::string& out_;
  bool first_ = true;
};

template <class Range, class Each>
void append_json_array(std::string& out, const Range& items, Each&& each) {
  out.push_back('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) out.push_back(',');
    first = false;
    each(item);
  }
  out.push_back(']');
}

template <class CharT, class Storage>
void append_json_section(std::string& out, const basic_section<CharT, Storage>& s) {
  json_object o(out);
  o.number("level", static_cast<std::uint64_t>(s.level()));
  o.text("heading", s.heading());
  auto& parent = o.key("parent");
  if (const auto p = s.parent()) append_json_number(parent, *p);
  else parent.append(std::string_view("null"));
  auto& period = o.key("period");
  if (const auto p = s.period()) append_json_period(period, *p);
  else period.append(std::string_view("null"));
  o.text("text", s.text());
  o.number("offset", s.offset());
}

template <class CharT, class Storage>
void append_json_citation(std::string& out, const basic_citation<CharT, Storage>& c) {
  json_object o(out);
  o.number("id", c.id());
  o.text_or_null("name", c.name());
  o.text_or_null("group", c.group());
  o.text("kind", to_string(c.kind()));
  o.text_or_null("title", c.title());
  append_json_array(o.key("authors"), c.authors(), [&](std::basic_string_view<CharT> a) { append_json_string(out, a); });
  append_json_date(o.key("date"), c.date());
  o.text_or_null("date_text", c.date_text());
  o.text_or_null("access_date", c.access_date());
  o.text_or_null("work", c.work());
  o.text_or_null("publisher", c.publisher());
  o.text_or_null("url", c.url());
  o.text_or_null("doi", c.doi());
  o.text_or_null("isbn", c.isbn());
  o.text_or_null("pages", c.pages());
  o.text("text", c.text());
  o.number("uses", c.uses().size());
  o.number("offset", c.offset());
}

template <class CharT, class Storage>
void append_json_event(std::string& out, const basic_event<CharT, Storage>& e) {
  json_object o(out);
  const period& w = e.when();
  append_json_date(o.key("begin"), w.begin);
  append_json_date(o.key("end"), w.open_end ? date{} : w.end);
  o.text("precision", to_string(w.precision));
  o.boolean("approximate", w.approximate);
  o.boolean("inferred", w.inferred);
  o.text("expression", e.expression());
  o.number("offset", e.offset());
  o.number("length", e.length());
  o.text("text", e.text());
  o.number("section", e.section().index());
  append_json_array(o.key("citations"), e.citations(), [&](const basic_citation<CharT, Storage>& c) {
    append_json_number(out, c.id());
  });
}

}  // namespace detail

/// Appends the article to `out` as one JSON object (no newline). Extra fields a caller
/// wants first (a dump page's id) can be written by passing `prefix`: raw JSON members
/// such as "\"id\":12," placed right after the opening brace.
template <class CharT, class Storage>
void append_json(const basic_article<CharT, Storage>& a, std::string& out, std::string_view prefix = {}) {
  using namespace detail;
  using view_type = std::basic_string_view<CharT>;
  json_object o(out);
  if (!prefix.empty()) {
    out.append(prefix);
    out.push_back(',');
  }
  o.text("title", a.title());
  o.text("format", to_string(a.format()));
  append_json_array(o.key("parties"), a.parties(), [&](view_type p) { append_json_string(out, p); });
  append_json_array(o.key("categories"), a.categories(), [&](view_type c) { append_json_string(out, c); });
  append_json_array(o.key("diagnostics"), a.diagnostics(), [&](const diagnostic& g) {
    json_object d(out);
    d.text("kind", to_string(g.kind));
    d.text("message", g.message());
    d.number("line", g.line);
    d.number("column", g.column);
    d.number("offset", g.offset);
  });
  append_json_array(o.key("sections"), a.sections(), [&](const auto& s) { append_json_section(out, s); });
  append_json_array(o.key("citations"), a.citations(), [&](const auto& c) { append_json_citation(out, c); });
  append_json_array(o.key("events"), a.events(), [&](const auto& e) { append_json_event(out, e); });
}

template <class CharT, class Storage>
std::string to_json(const basic_article<CharT, Storage>& a) {
  std::string out;
  out.reserve(a.source().size());
  append_json(a, out);
  return out;
}

}  // namespace wikirel

#endif
