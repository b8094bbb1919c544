// A plain copy of everything an article exposes through the public API, for comparing two
// articles that come from different builds of the library (the SSE2 and the scalar paths)
// or different storage policies, field by field.
//
// This header is included by two translation units of wikirel_fuzz: wikirel_fuzz.cpp (the
// library as users get it, namespace wikirel) and scalar_parse.cpp (the same headers
// compiled with WIKIREL_NO_SIMD and `#define wikirel wikirel_noSIMD`, so every library
// entity there has a different mangled name and the two copies cannot be merged by the
// linker). The types below do not mention the library, so they are the same entities in
// both; the code that reads an article is in an unnamed namespace, local to each TU.
#ifndef WIKIREL_FUZZ_SNAPSHOT_HPP
#define WIKIREL_FUZZ_SNAPSHOT_HPP

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace wikirel_fuzz {

/// What to parse with: a copy of wikirel::options that does not name the library.
struct parse_request {
  int format = 0;  ///< 0 auto_detect, 1 wikitext, 2 plaintext
  std::uint32_t max_depth = 256;
  std::size_t max_input_size = 0xFFFFFFF0u;
  bool events = true;
};

struct date_s {
  std::int32_t year = 0;
  int month = 0, day = 0;
  bool operator==(const date_s&) const = default;
};

struct period_s {
  date_s begin, end;
  int precision = 0;
  bool approximate = false, open_end = false, inferred = false, open_begin = false;
  bool operator==(const period_s&) const = default;
};

struct section_s {
  std::string heading, text;
  int level = 0;
  std::int64_t parent = -1;
  bool has_period = false;
  period_s period;
  std::uint64_t offset = 0;
  std::vector<std::uint64_t> events;  ///< indices
  bool operator==(const section_s&) const = default;
};

struct event_s {
  period_s when;
  std::string expression, text;
  std::uint64_t offset = 0, length = 0, section = 0;
  std::vector<std::uint64_t> citations;  ///< ids
  bool operator==(const event_s&) const = default;
};

struct use_s {
  std::uint64_t offset = 0, section = 0;
  bool operator==(const use_s&) const = default;
};

struct citation_s {
  std::uint64_t index = 0, id = 0;
  int kind = 0;
  std::string name, group, template_name, title, date_text, access_date, work, publisher, url, doi, isbn,
      pages, text;
  std::vector<std::string> authors;
  date_s date;
  std::vector<use_s> uses;
  std::uint64_t offset = 0;
  bool operator==(const citation_s&) const = default;
};

struct diagnostic_s {
  int kind = 0;
  std::string message;
  std::uint32_t offset = 0, line = 0, column = 0;
  bool operator==(const diagnostic_s&) const = default;
};

struct snapshot {
  std::uint64_t source_size = 0;
  int format = 0;
  std::string title;
  std::vector<std::string> parties, categories;
  std::vector<section_s> sections;
  std::vector<event_s> events;
  std::vector<std::uint64_t> timeline;  ///< event indices
  std::vector<citation_s> citations;
  std::vector<diagnostic_s> diagnostics;
  std::string json;
  bool operator==(const snapshot&) const = default;
};

/// One date expression from find_dates.
struct match_s {
  std::uint64_t offset = 0, length = 0;
  period_s when;
  bool operator==(const match_s&) const = default;
};

/// What the temporal entry points give for one text: find_dates over the whole text with a
/// fresh context, then line by line with one running context; parse_date and heading_period
/// of the whole text and of the first line.
struct temporal_s {
  std::vector<match_s> whole;
  std::vector<match_s> lines;  ///< offsets into the whole text
  date_s parsed_whole, parsed_line;
  period_s heading_whole, heading_line;
  bool operator==(const temporal_s&) const = default;
};

// ---- the scalar copy (scalar_parse.cpp) ----------------------------------------------------
snapshot scalar_parse(std::string_view text, const parse_request& request);
temporal_s scalar_temporal(std::string_view text);
/// True when scalar_parse.cpp was compiled without the SSE2 paths (a self-check).
bool scalar_is_scalar();

// ---- describing the first difference ---------------------------------------------------------
namespace diff {

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s.substr(0, 120)) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20 || c >= 0x7F) {
      const char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else out += static_cast<char>(c);
  }
  if (s.size() > 120) out += "...";
  return out + "\"";
}

inline std::string show(const date_s& d) {
  std::ostringstream o;
  o << d.year << '-' << d.month << '-' << d.day;
  return o.str();
}
inline std::string show(const period_s& p) {
  std::ostringstream o;
  o << show(p.begin) << ".." << show(p.end) << " p" << p.precision << (p.approximate ? " ~" : "")
    << (p.open_end ? " open" : "") << (p.open_begin ? " open-begin" : "") << (p.inferred ? " inferred" : "");
  return o.str();
}

/// The first field in which a and b differ, as "sections[3].heading: A != B"; empty when equal.
inline std::string first_difference(const snapshot& a, const snapshot& b) {
  std::ostringstream o;
  auto num = [&](const char* what, auto x, auto y) {
    if (x != y && o.tellp() == 0) o << what << ": " << x << " != " << y;
  };
  auto str = [&](const std::string& what, const std::string& x, const std::string& y) {
    if (x != y && o.tellp() == 0) o << what << ": " << quote(x) << " != " << quote(y);
  };
  num("source_size", a.source_size, b.source_size);
  num("format", a.format, b.format);
  str("title", a.title, b.title);
  num("parties.size", a.parties.size(), b.parties.size());
  num("categories.size", a.categories.size(), b.categories.size());
  num("sections.size", a.sections.size(), b.sections.size());
  for (std::size_t i = 0; i < a.sections.size() && i < b.sections.size() && o.tellp() == 0; ++i) {
    const auto& x = a.sections[i];
    const auto& y = b.sections[i];
    const std::string at = "sections[" + std::to_string(i) + "].";
    str(at + "heading", x.heading, y.heading);
    str(at + "text", x.text, y.text);
    num((at + "level").c_str(), x.level, y.level);
    num((at + "parent").c_str(), x.parent, y.parent);
    num((at + "offset").c_str(), x.offset, y.offset);
    if (!(x.period == y.period) || x.has_period != y.has_period)
      str(at + "period", show(x.period), show(y.period));
    num((at + "events.size").c_str(), x.events.size(), y.events.size());
  }
  num("events.size", a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size() && i < b.events.size() && o.tellp() == 0; ++i) {
    const auto& x = a.events[i];
    const auto& y = b.events[i];
    const std::string at = "events[" + std::to_string(i) + "].";
    str(at + "expression", x.expression, y.expression);
    str(at + "text", x.text, y.text);
    if (!(x.when == y.when)) str(at + "when", show(x.when), show(y.when));
    num((at + "offset").c_str(), x.offset, y.offset);
    num((at + "length").c_str(), x.length, y.length);
    num((at + "section").c_str(), x.section, y.section);
    num((at + "citations.size").c_str(), x.citations.size(), y.citations.size());
    if (x.citations != y.citations && o.tellp() == 0) o << at << "citations differ";
  }
  if (a.timeline != b.timeline && o.tellp() == 0) o << "timeline differs";
  num("citations.size", a.citations.size(), b.citations.size());
  for (std::size_t i = 0; i < a.citations.size() && i < b.citations.size() && o.tellp() == 0; ++i) {
    const auto& x = a.citations[i];
    const auto& y = b.citations[i];
    const std::string at = "citations[" + std::to_string(i) + "].";
    num((at + "id").c_str(), x.id, y.id);
    num((at + "kind").c_str(), x.kind, y.kind);
    str(at + "name", x.name, y.name);
    str(at + "group", x.group, y.group);
    str(at + "template_name", x.template_name, y.template_name);
    str(at + "title", x.title, y.title);
    str(at + "date_text", x.date_text, y.date_text);
    str(at + "url", x.url, y.url);
    str(at + "text", x.text, y.text);
    num((at + "offset").c_str(), x.offset, y.offset);
    num((at + "uses.size").c_str(), x.uses.size(), y.uses.size());
    if (!(x == y) && o.tellp() == 0) o << at << "(another field) differs";
  }
  num("diagnostics.size", a.diagnostics.size(), b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size() && i < b.diagnostics.size() && o.tellp() == 0; ++i) {
    const auto& x = a.diagnostics[i];
    const auto& y = b.diagnostics[i];
    const std::string at = "diagnostics[" + std::to_string(i) + "].";
    num((at + "kind").c_str(), x.kind, y.kind);
    str(at + "message", x.message, y.message);
    num((at + "offset").c_str(), x.offset, y.offset);
    num((at + "line").c_str(), x.line, y.line);
    num((at + "column").c_str(), x.column, y.column);
  }
  if (a.parties != b.parties && o.tellp() == 0) o << "parties differ";
  if (a.categories != b.categories && o.tellp() == 0) o << "categories differ";
  if (o.tellp() == 0 && a.json != b.json) {
    std::size_t i = 0;
    while (i < a.json.size() && i < b.json.size() && a.json[i] == b.json[i]) ++i;
    const std::size_t from = i > 40 ? i - 40 : 0;
    str("json (from byte " + std::to_string(from) + ")", a.json.substr(from, 100), b.json.substr(from, 100));
  }
  if (o.tellp() == 0 && !(a == b)) o << "(unlisted field) differs";
  return o.str();
}

inline std::string first_difference(const temporal_s& a, const temporal_s& b) {
  std::ostringstream o;
  const auto matches = [&](const char* what, const std::vector<match_s>& x, const std::vector<match_s>& y) {
    if (o.tellp() != 0) return;
    if (x.size() != y.size()) {
      o << what << ".size: " << x.size() << " != " << y.size();
      return;
    }
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!(x[i] == y[i])) {
        o << what << "[" << i << "]: @" << x[i].offset << "+" << x[i].length << " " << show(x[i].when) << " != @"
          << y[i].offset << "+" << y[i].length << " " << show(y[i].when);
        return;
      }
  };
  matches("find_dates(whole)", a.whole, b.whole);
  matches("find_dates(lines)", a.lines, b.lines);
  if (o.tellp() == 0 && !(a.parsed_whole == b.parsed_whole))
    o << "parse_date(whole): " << show(a.parsed_whole) << " != " << show(b.parsed_whole);
  if (o.tellp() == 0 && !(a.parsed_line == b.parsed_line))
    o << "parse_date(line): " << show(a.parsed_line) << " != " << show(b.parsed_line);
  if (o.tellp() == 0 && !(a.heading_whole == b.heading_whole))
    o << "heading_period(whole): " << show(a.heading_whole) << " != " << show(b.heading_whole);
  if (o.tellp() == 0 && !(a.heading_line == b.heading_line))
    o << "heading_period(line): " << show(a.heading_line) << " != " << show(b.heading_line);
  return o.str();
}

}  // namespace diff
}  // namespace wikirel_fuzz

#endif
