// wikirel's libFuzzer target. Build with clang: -fsanitize=fuzzer,address,undefined (see
// tests/fuzz/run.sh and the "fuzzing" block of tests/CMakeLists.txt).
//
// The first input byte chooses what is done with the rest (the payload):
//   mode = byte % 8, v = byte / 8 (0..31) picks the options within a mode.
//   0 wikitext, 1 plaintext, 2 auto_detect: parse; check the article's invariants and its
//     JSON; compare with the scalar (WIKIREL_NO_SIMD) copy of the library field by field
//     (auto_detect: also with the run-time switch detail::fast_paths_enabled = false).
//   3 small limits: max_depth 1..8 and a max_input_size inside the payload; compare with
//     the parse of the truncated text (same article but for the size_limit diagnostic).
//   4 the payload as a dump: dump_reader with a small chunk size against one read of the
//     whole input (same pages, same error), a small max_page_size sometimes; parse_page.
//   5 the payload as the text of a page: escaped, the reader must give it back exactly;
//     raw, anything goes but crashes. parse_page on what comes out.
//   6 the date recognizer: find_dates (whole text and line by line), parse_date,
//     heading_period; spans in range, ordered, non-overlapping; SSE2 vs scalar.
//   7 storage: fixed_storage against dynamic_storage (equal when measure() says it fits,
//     a capacity_exceeded diagnostic otherwise), and char8_t against char.
// Any broken check prints what broke and aborts, so libFuzzer keeps the input.
#include <wikirel/article.hpp>
#include <wikirel/dump.hpp>
#include <wikirel/json.hpp>

#include "read_article.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#if !WIKIREL_HAS_SSE2 || !WIKIREL_TEMPORAL_SSE2
#error "wikirel_fuzz.cpp is meant to use the SSE2 paths (x86-64); only scalar_parse.cpp disables them"
#endif

namespace {

using namespace wikirel_fuzz;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n==== wikirel_fuzz: %s\n     %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

[[noreturn]] void fail(const char* what) { fail(what, std::string()); }

// EXPECT(condition, what[, detail]): the detail (often a built string) is only evaluated
// when the condition fails, so checks on large articles stay cheap.
#define EXPECT(condition, ...)           \
  do {                               \
    if (!(condition)) fail(__VA_ARGS__); \
  } while (false)

// ---- JSON and UTF-8 ------------------------------------------------------------------------

/// Length of the valid UTF-8 sequence at p (strict: no overlongs, surrogates or > U+10FFFF),
/// 0 when invalid.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned c = p[0];
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC) n = 3;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (static_cast<std::size_t>(end - p) < n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  return n;
}

/// A strict JSON checker: one value, nothing after it, valid UTF-8 throughout. Returns an
/// empty string when valid, else what is wrong and where.
class json_checker {
 public:
  explicit json_checker(std::string_view s)
      : p_(reinterpret_cast<const unsigned char*>(s.data())), begin_(p_), end_(p_ + s.size()) {}

  std::string check() {
    ws();
    if (!value(0)) return error_;
    ws();
    if (p_ != end_) return at("trailing bytes after the value");
    return {};
  }

 private:
  std::string at(const char* what) {
    if (error_.empty()) error_ = std::string(what) + " at byte " + std::to_string(p_ - begin_);
    return error_;
  }
  bool bad(const char* what) {
    at(what);
    return false;
  }
  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\t' || *p_ == '\r')) ++p_;
  }
  bool literal(const char* word) {
    const std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return bad("bad literal");
    p_ += n;
    return true;
  }
  bool value(int depth) {
    if (depth > 64) return bad("nesting too deep");
    if (p_ == end_) return bad("unexpected end");
    switch (*p_) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }
  bool object(int depth) {
    ++p_;
    ws();
    if (p_ < end_ && *p_ == '}') return ++p_, true;
    for (;;) {
      ws();
      if (p_ == end_ || *p_ != '"') return bad("expected a key");
      if (!string()) return false;
      ws();
      if (p_ == end_ || *p_ != ':') return bad("expected ':'");
      ++p_;
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (p_ == end_) return bad("unclosed object");
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == '}') return ++p_, true;
      return bad("expected ',' or '}'");
    }
  }
  bool array(int depth) {
    ++p_;
    ws();
    if (p_ < end_ && *p_ == ']') return ++p_, true;
    for (;;) {
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (p_ == end_) return bad("unclosed array");
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == ']') return ++p_, true;
      return bad("expected ',' or ']'");
    }
  }
  static bool hex(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  bool string() {
    ++p_;
    while (p_ < end_) {
      const unsigned char c = *p_;
      if (c == '"') return ++p_, true;
      if (c < 0x20) return bad("raw control character in a string");
      if (c == '\\') {
        if (end_ - p_ < 2) return bad("unfinished escape");
        const unsigned char e = p_[1];
        if (e == 'u') {
          if (end_ - p_ < 6 || !hex(p_[2]) || !hex(p_[3]) || !hex(p_[4]) || !hex(p_[5]))
            return bad("bad \\u escape");
          p_ += 6;
        } else if (std::strchr("\"\\/bfnrt", e) != nullptr && e != 0) {
          p_ += 2;
        } else {
          return bad("bad escape");
        }
        continue;
      }
      const std::size_t n = utf8_sequence(p_, end_);
      if (n == 0) return bad("invalid UTF-8 in a string");
      p_ += n;
    }
    return bad("unclosed string");
  }
  bool number() {
    const unsigned char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return bad("expected a value");
    if (*p_ == '0') ++p_;
    else
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return bad("bad fraction");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return bad("bad exponent");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    return p_ > start;
  }

  const unsigned char* p_;
  const unsigned char* begin_;
  const unsigned char* end_;
  std::string error_;
};

void check_json(const std::string& json) {
  EXPECT(!json.empty() && json.front() == '{' && json.back() == '}', "to_json is not one object", diff::quote(json));
  const std::string e = json_checker(json).check();
  EXPECT(e.empty(), "to_json gave invalid JSON", e + " in " + diff::quote(json.substr(0, 200)));
}

// ---- article invariants ----------------------------------------------------------------------

bool valid_date(const date_s& d) {
  if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) return false;
  if (d.month == 0 && d.day != 0) return false;
  if (d.day != 0 && d.day > wikirel::days_in_month(d.year, d.month)) return false;
  return true;
}

std::string check_period(const period_s& p) {
  if (p.open_begin) {  // "Before 1900": headings only, never both ends open
    if (p.open_end) return "open at both ends";
    if (p.begin.year != 0) return "a begin with open_begin";
    if (p.end.year == 0 || !valid_date(p.end)) return "an open begin without a valid end";
    return {};
  }
  if (p.begin.year == 0) return "an invalid begin";
  if (!valid_date(p.begin)) return "a malformed begin " + diff::show(p.begin);
  if (p.open_end) return {};
  if (p.end.year == 0) return "an invalid end without open_end";
  if (!valid_date(p.end)) return "a malformed end " + diff::show(p.end);
  return {};
}

/// The invariants every article must hold. `read` is how many input bytes were read
/// (min(size, max_input_size)); `format` is the requested format (0 auto).
void check_article(const snapshot& s, std::size_t read, int format) {
  const auto where = [](const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; };
  EXPECT(s.source_size == read, "source() is not the text read",
         std::to_string(s.source_size) + " != " + std::to_string(read));
  EXPECT(s.format == 1 || s.format == 2, "format() is neither wikitext nor plaintext", std::to_string(s.format));
  if (format != 0) EXPECT(s.format == format, "format() is not the requested format", std::to_string(s.format));

  EXPECT(!s.sections.empty(), "no lead section");
  EXPECT(s.sections[0].level == 0 && s.sections[0].parent == -1 && s.sections[0].offset == 0 &&
             s.sections[0].heading.empty(),
         "the lead is not level 0 / no parent / offset 0 / no heading");
  std::size_t event_cursor = 0;
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const section_s& x = s.sections[i];
    EXPECT(x.level >= 0 && x.level <= 6, "section level out of 0..6", where("sections", i) + " level " + std::to_string(x.level));
    if (i > 0) {
      EXPECT(x.level >= 1, "a section after the lead has level 0", where("sections", i));
      EXPECT(x.parent >= 0 && static_cast<std::size_t>(x.parent) < i, "section parent not before it",
             where("sections", i) + " parent " + std::to_string(x.parent));
      EXPECT(s.sections[static_cast<std::size_t>(x.parent)].level < x.level, "section parent is not of a lower level",
             where("sections", i));
      EXPECT(x.offset >= s.sections[i - 1].offset, "section offsets go backwards", where("sections", i));
    }
    EXPECT(x.offset <= read, "section offset beyond the input", where("sections", i));
    if (x.has_period) {
      const std::string e = check_period(x.period);
      EXPECT(e.empty(), "section period malformed", where("sections", i) + ": " + e + " " + diff::show(x.period));
    }
    for (std::size_t k = 0; k < x.events.size(); ++k) {
      EXPECT(x.events[k] == event_cursor, "section events do not partition the events in order", where("sections", i));
      ++event_cursor;
    }
  }
  EXPECT(event_cursor == s.events.size(), "events that belong to no section",
         std::to_string(event_cursor) + " of " + std::to_string(s.events.size()));

  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const event_s& e = s.events[i];
    EXPECT(e.offset <= read && e.length <= read - e.offset, "event offset+length beyond the input",
           where("events", i) + " @" + std::to_string(e.offset) + "+" + std::to_string(e.length) + " of " +
               std::to_string(read));
    EXPECT(e.section < s.sections.size(), "event section out of range", where("events", i));
    EXPECT(!e.expression.empty(), "event with an empty expression", where("events", i));
    EXPECT(e.text.find(e.expression) != std::string::npos, "event expression not inside its sentence",
           where("events", i) + " " + diff::quote(e.expression) + " in " + diff::quote(e.text));
    EXPECT(!e.when.open_begin, "an event with an open begin", where("events", i));
    const std::string pe = check_period(e.when);
    EXPECT(pe.empty(), "event period malformed", where("events", i) + ": " + pe + " " + diff::show(e.when));
    for (const std::uint64_t id : e.citations)
      EXPECT(id >= 1 && id <= s.citations.size(), "event cites an id outside 1..n", where("events", i));
    // Events of one sentence share its citations: keep this check linear in their number.
    if (i == 0 || e.citations != s.events[i - 1].citations) {
      std::vector<std::uint64_t> ids = e.citations;
      std::sort(ids.begin(), ids.end());
      EXPECT(std::adjacent_find(ids.begin(), ids.end()) == ids.end(), "event lists a citation twice", where("events", i));
    }
  }

  EXPECT(s.timeline.size() == s.events.size(), "timeline is not a permutation of the events");
  std::vector<bool> seen(s.events.size());
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    const std::uint64_t k = s.timeline[i];
    EXPECT(k < s.events.size() && !seen[k], "timeline is not a permutation of the events", where("timeline", i));
    seen[k] = true;
    if (i > 0) {
      const date_s& a = s.events[s.timeline[i - 1]].when.begin;
      const date_s& b = s.events[k].when.begin;
      EXPECT(std::tie(a.year, a.month, a.day) <= std::tie(b.year, b.month, b.day), "timeline not sorted by begin",
             where("timeline", i));
    }
  }

  for (std::size_t i = 0; i < s.citations.size(); ++i) {
    const citation_s& c = s.citations[i];
    EXPECT(c.index == i && c.id == i + 1, "citation ids are not 1..n", where("citations", i));
    EXPECT(c.offset <= read, "citation offset beyond the input", where("citations", i));
    EXPECT(c.kind >= 0 && c.kind <= static_cast<int>(wikirel::citation_kind::plain), "citation kind out of range",
           where("citations", i));
    EXPECT(c.date.year == 0 || valid_date(c.date), "citation date malformed", where("citations", i) + " " + diff::show(c.date));
    for (std::size_t k = 0; k < c.uses.size(); ++k) {
      EXPECT(c.uses[k].offset <= read, "citation use beyond the input", where("citations", i));
      EXPECT(c.uses[k].section < s.sections.size(), "citation use in no section", where("citations", i));
      if (k > 0) EXPECT(c.uses[k - 1].offset <= c.uses[k].offset, "citation uses not in input order", where("citations", i));
    }
  }

  for (std::size_t i = 0; i < s.diagnostics.size(); ++i) {
    const diagnostic_s& g = s.diagnostics[i];
    EXPECT(g.line >= 1 && g.column >= 1, "diagnostic line/column not 1-based", where("diagnostics", i));
    EXPECT(g.offset <= read, "diagnostic offset beyond the input", where("diagnostics", i));
    EXPECT(!g.message.empty(), "diagnostic without a message", where("diagnostics", i));
    EXPECT(g.kind >= 0 && g.kind <= static_cast<int>(wikirel::diagnostic_kind::too_many_diagnostics),
           "diagnostic kind out of range", where("diagnostics", i));
    if (i > 0) {
      const diagnostic_s& p = s.diagnostics[i - 1];
      EXPECT(p.offset <= g.offset, "diagnostics not in input order", where("diagnostics", i));
      EXPECT(p.line <= g.line, "diagnostic lines go backwards", where("diagnostics", i));
    }
  }
  EXPECT(s.diagnostics.size() <= 1001, "more diagnostics than the cap", std::to_string(s.diagnostics.size()));
  check_json(s.json);
}

/// Every view of a dynamic article lies in the input or in the article's own arena.
template <class Article>
void check_views(const Article& a) {
  const auto& d = a.data();
  const char* src = a.source().data();
  const std::size_t src_n = a.source().size();
  const auto inside = [&](std::string_view v) {
    if (v.empty()) return true;
    const auto in = [&](const char* base, std::size_t n) {
      return base != nullptr && std::less_equal<const char*>()(base, v.data()) &&
             std::less_equal<const char*>()(v.data() + v.size(), base + n);
    };
    return in(src, src_n) || d.text.holds(v.data(), v.size());
  };
  EXPECT(inside(a.title()), "title view outside input and arena");
  for (const auto& s : a.sections())
    EXPECT(inside(s.heading()) && inside(s.text()), "section view outside input and arena", std::to_string(s.index()));
  for (const auto& e : a.events())
    EXPECT(inside(e.expression()) && inside(e.text()), "event view outside input and arena", std::to_string(e.index()));
  for (const auto& c : a.citations()) {
    EXPECT(inside(c.name()) && inside(c.group()) && inside(c.title()) && inside(c.text()) && inside(c.url()) &&
               inside(c.date_text()) && inside(c.work()) && inside(c.publisher()) && inside(c.template_name()) &&
               inside(c.access_date()) && inside(c.doi()) && inside(c.isbn()) && inside(c.pages()),
           "citation view outside input and arena", std::to_string(c.index()));
    for (const auto au : c.authors()) EXPECT(inside(au), "author view outside input and arena");
  }
  for (const auto p : a.parties()) EXPECT(inside(p), "party view outside input and arena");
  for (const auto c : a.categories()) EXPECT(inside(c), "category view outside input and arena");
}

// ---- parsing -------------------------------------------------------------------------------

snapshot parse_and_check(std::string_view text, const parse_request& r, bool compare_scalar) {
  const wikirel::options opts = to_options(r);
  const auto a = wikirel::parse(text, opts);
  check_views(a);
  snapshot s = take_snapshot(a);
  check_article(s, std::min(text.size(), r.max_input_size), r.format);
  if (compare_scalar) {
    const snapshot scalar = scalar_parse(text, r);
    const std::string d = diff::first_difference(s, scalar);
    EXPECT(d.empty(), "SSE2 and scalar (WIKIREL_NO_SIMD) parses differ", "sse2 != scalar at " + d);
  }
  return s;
}

/// The run-time switch (detail::fast_paths_enabled = false) must give the scalar article too.
void compare_runtime_switch(std::string_view text, const parse_request& r, const snapshot& fast) {
  wikirel::detail::fast_paths_enabled = false;
  const auto a = wikirel::parse(text, to_options(r));
  wikirel::detail::fast_paths_enabled = true;
  const std::string d = diff::first_difference(fast, take_snapshot(a));
  EXPECT(d.empty(), "fast paths and fast_paths_enabled=false differ", "fast != switched off at " + d);
}

void run_parse(std::string_view text, int format, unsigned v) {
  parse_request r;
  r.format = format;
  r.events = (v & 3) != 3;
  const snapshot s = parse_and_check(text, r, true);
  if (format == 0) compare_runtime_switch(text, r, s);
}

/// Small limits; and max_input_size = k must read like the first k bytes alone.
void run_limits(std::string_view text, unsigned v) {
  parse_request r;
  r.max_depth = 1 + (v & 7);
  r.format = static_cast<int>((v >> 3) & 3) % 3;
  const snapshot whole = parse_and_check(text, r, true);
  (void)whole;
  if (text.empty()) return;
  const std::size_t k = text.size() * (1 + ((v >> 1) & 7)) / 10;
  parse_request cut = r;
  cut.max_input_size = k;
  snapshot limited = parse_and_check(text, cut, false);
  const snapshot prefix = parse_and_check(text.substr(0, k), r, false);
  if (k < text.size()) {
    const auto it = std::find_if(limited.diagnostics.begin(), limited.diagnostics.end(),
                                 [](const diagnostic_s& g) { return g.kind == static_cast<int>(wikirel::diagnostic_kind::size_limit); });
    EXPECT(it != limited.diagnostics.end(), "no size_limit diagnostic when the input is cut");
    if (limited.diagnostics.size() >= 999) return;  // the cap may drop a different one
    limited.diagnostics.erase(it);
    limited.json.clear();
    snapshot p = prefix;
    p.json.clear();
    const std::string d = diff::first_difference(limited, p);
    EXPECT(d.empty(), "max_input_size=k differs from parsing the first k bytes",
           "k=" + std::to_string(k) + ": limited != prefix at " + d);
  }
}

// ---- storage ---------------------------------------------------------------------------------

using small_fixed = wikirel::fixed_storage<24, 48, 24, 6144, 96>;

void run_storage(std::string_view text, unsigned v) {
  parse_request r;
  r.format = static_cast<int>(v & 3) % 3;
  r.events = (v & 4) == 0;
  const wikirel::options opts = to_options(r);
  const snapshot dyn = parse_and_check(text, r, false);

  // fixed_storage (about 30 KB of arrays in place).
  const auto fixed = wikirel::parse<small_fixed>(text, opts);
  const snapshot fx = take_snapshot(fixed);
  check_json(fx.json);
  const wikirel::capacities need = wikirel::measure(text, opts);
  const bool fits = need.sections <= 24 && need.events <= 48 && need.citations <= 24 && need.text_bytes <= 6144 &&
                    need.links <= 96;
  const bool overflowed = std::any_of(fx.diagnostics.begin(), fx.diagnostics.end(), [](const diagnostic_s& g) {
    return g.kind == static_cast<int>(wikirel::diagnostic_kind::capacity_exceeded);
  });
  if (fits) {
    const std::string d = diff::first_difference(dyn, fx);
    EXPECT(d.empty(), "fixed_storage article differs from dynamic_storage though measure() says it fits",
           "dynamic != fixed at " + d);
  } else {
    EXPECT(overflowed, "measure() says the text does not fit, but fixed_storage reports no capacity_exceeded");
  }
  if (overflowed) EXPECT(!fits, "capacity_exceeded although measure() says the text fits");

  // char8_t: the same bytes give the same article.
  const std::u8string_view u8(reinterpret_cast<const char8_t*>(text.data()), text.size());
  const auto a8 = wikirel::parse(u8, opts);
  const snapshot s8 = take_snapshot(a8);
  const std::string d = diff::first_difference(dyn, s8);
  EXPECT(d.empty(), "char8_t parse differs from char parse", "char != char8_t at " + d);
}

// ---- dumps -----------------------------------------------------------------------------------

struct dump_result {
  std::vector<wikirel::dump_page> pages;
  std::optional<wikirel::dump_error> error;
  std::string site;
};

dump_result read_dump(std::string_view data, std::size_t step, std::size_t chunk, std::size_t max_page) {
  dump_result out;
  auto at = std::make_shared<std::size_t>(0);
  wikirel::dump_reader reader(
      [data, step, at](char* buffer, std::size_t size) {
        const std::size_t n = std::min({size, step, data.size() - *at});
        if (n > 0) std::memcpy(buffer, data.data() + *at, n);
        *at += n;
        return n;
      },
      chunk);
  if (max_page != 0) reader.set_max_page_size(max_page);
  wikirel::dump_page page;
  std::size_t guard = 0;
  while (reader.next(page)) {
    out.pages.push_back(page);
    EXPECT(++guard <= data.size() + 1, "dump_reader returns more pages than there are bytes");
  }
  EXPECT(!reader.next(page), "dump_reader does not stay ended");
  if (const auto* e = reader.error()) out.error = *e;
  out.site = std::string(reader.site_name());
  EXPECT(reader.bytes_read() <= data.size(), "bytes_read beyond the input");
  return out;
}

bool same_page(const wikirel::dump_page& a, const wikirel::dump_page& b) {
  return a.title == b.title && a.ns == b.ns && a.id == b.id && a.redirect == b.redirect &&
         a.is_redirect == b.is_redirect && a.revision_id == b.revision_id && a.timestamp == b.timestamp &&
         a.model == b.model && a.text == b.text && a.offset == b.offset;
}

void check_pages(const dump_result& r, std::size_t size) {
  for (std::size_t i = 0; i < r.pages.size(); ++i) {
    const auto& p = r.pages[i];
    EXPECT(p.offset < size, "page offset beyond the input", std::to_string(i));
    if (i > 0) EXPECT(p.offset > r.pages[i - 1].offset, "page offsets not increasing", std::to_string(i));
    EXPECT(p.text.size() <= size && p.title.size() <= size, "page field longer than the input", std::to_string(i));
  }
  if (r.error) {
    EXPECT(!r.error->message.empty(), "dump error without a message");
    EXPECT(r.error->message.find('\n') == std::string::npos, "dump error message is not one line", r.error->message);
    EXPECT(r.error->offset <= size, "dump error offset beyond the input", r.error->message);
  }
  for (std::size_t i = 0; i < r.pages.size() && i < 4; ++i) {
    const auto a = wikirel::parse_page(r.pages[i]);
    check_views(a);
    const snapshot s = take_snapshot(a);
    check_article(s, r.pages[i].text.size(), 0);
  }
}

void run_dump(std::string_view data, unsigned v) {
  static constexpr std::size_t steps[] = {1, 2, 3, 5, 8, 13, 64, 4096};
  const std::size_t step = steps[v & 7];
  const std::size_t chunk = (v & 8) ? step : step * 3 + 1;
  const std::size_t max_page = (v & 16) ? 64 + 32 * (v & 7) : 0;
  const dump_result whole = read_dump(data, data.size() + 1, data.size() + 1, max_page);
  const dump_result pieces = read_dump(data, step, chunk, max_page);
  check_pages(whole, data.size());
  check_pages(pieces, data.size());
  const std::string how = "step " + std::to_string(step) + ", chunk " + std::to_string(chunk) + ", max_page " +
                          std::to_string(max_page);
  const auto too_large = [](const dump_result& r) {
    return r.error && r.error->kind == wikirel::dump_error_kind::too_large;
  };
  const auto outcome = [](const dump_result& r) {
    return std::to_string(r.pages.size()) + " pages, " + (r.error ? r.error->message : "no error");
  };
  // With a small max_page_size, how much is buffered when the limit is checked depends on
  // the chunking, so one reading may stop with too_large where the other reads further (or
  // finds another fault first). The pages both give must still agree.
  const bool limited = too_large(whole) || too_large(pieces);
  if (!limited)
    EXPECT(whole.pages.size() == pieces.pages.size(), "dump pages differ with the chunking",
           how + ": " + outcome(whole) + " | " + outcome(pieces));
  for (std::size_t i = 0; i < whole.pages.size() && i < pieces.pages.size(); ++i)
    EXPECT(same_page(whole.pages[i], pieces.pages[i]), "dump page differs with the chunking",
           how + ": page " + std::to_string(i) + " " + diff::quote(whole.pages[i].title));
  if (limited) return;
  EXPECT(whole.error.has_value() == pieces.error.has_value(), "dump error presence differs with the chunking",
         how + ": " + outcome(whole) + " | " + outcome(pieces));
  if (whole.error)
    EXPECT(whole.error->kind == pieces.error->kind && whole.error->offset == pieces.error->offset &&
               whole.error->message == pieces.error->message,
           "dump error differs with the chunking", how + ": " + outcome(whole) + " | " + outcome(pieces));
  EXPECT(whole.site == pieces.site, "site_name differs with the chunking", how);
}

void run_wrapped_dump(std::string_view text, unsigned v) {
  std::string xml = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\">\n<page>\n<title>T &amp; U</title>\n"
                    "<ns>0</ns>\n<id>7</id>\n<revision>\n<id>9</id>\n<model>wikitext</model>\n<text xml:space=\"preserve\">";
  const bool escape = (v & 1) == 0;
  for (const char c : text) {
    if (!escape) xml += c;
    else if (c == '&') xml += "&amp;";
    else if (c == '<') xml += "&lt;";
    else if (c == '>') xml += "&gt;";
    else if (c == '\r') xml += "&#13;";
    else xml += c;
  }
  xml += "</text>\n</revision>\n</page>\n</mediawiki>\n";
  const std::size_t step = (v & 2) ? 7 : xml.size() + 1;
  const dump_result r = read_dump(xml, step, step, 0);
  check_pages(r, xml.size());
  if (escape) {
    EXPECT(!r.error && r.pages.size() == 1, "an escaped page text does not read back as one page",
           r.error ? r.error->message : std::to_string(r.pages.size()) + " pages");
    EXPECT(r.pages[0].text == text, "an escaped page text does not read back exactly",
           diff::quote(r.pages[0].text) + " != " + diff::quote(std::string(text)));
    EXPECT(r.pages[0].title == "T & U" && r.pages[0].id == 7 && r.pages[0].revision_id == 9,
           "page fields wrong around an escaped text");
  }
}

// ---- dates -----------------------------------------------------------------------------------

void check_matches(const std::vector<match_s>& ms, std::size_t size, const char* what) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const match_s& m = ms[i];
    const std::string at = std::string(what) + "[" + std::to_string(i) + "] @" + std::to_string(m.offset) + "+" +
                           std::to_string(m.length);
    EXPECT(m.length > 0, "find_dates: empty match", at);
    EXPECT(m.offset <= size && m.length <= size - m.offset, "find_dates: match beyond the text", at);
    EXPECT(m.offset >= end, "find_dates: matches overlap or go backwards", at);
    end = m.offset + m.length;
    EXPECT(!m.when.open_begin, "find_dates: an open begin", at);
    const std::string e = check_period(m.when);
    EXPECT(e.empty(), "find_dates: malformed period", at + ": " + e + " " + diff::show(m.when));
  }
}

void run_dates(std::string_view text) {
  const temporal_s t = take_temporal(text);
  check_matches(t.whole, text.size(), "whole");
  check_matches(t.lines, text.size(), "lines");
  EXPECT(t.parsed_whole.year == 0 || valid_date(t.parsed_whole), "parse_date: malformed date", diff::show(t.parsed_whole));
  EXPECT(t.parsed_line.year == 0 || valid_date(t.parsed_line), "parse_date: malformed date", diff::show(t.parsed_line));
  for (const period_s* p : {&t.heading_whole, &t.heading_line})
    if (p->begin.year != 0 || p->open_begin) {
      const std::string e = check_period(*p);
      EXPECT(e.empty(), "heading_period: malformed period", e + " " + diff::show(*p));
    }
  const temporal_s scalar = scalar_temporal(text);
  const std::string d = diff::first_difference(t, scalar);
  EXPECT(d.empty(), "SSE2 and scalar date recognizers differ", "sse2 != scalar at " + d);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  EXPECT(wikirel_fuzz::scalar_is_scalar(), "scalar_parse.cpp was built with SSE2");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0] % 8;
  const unsigned v = data[0] / 8;
  // The payload stays in libFuzzer's own exactly-sized buffer, so ASan sees any overread.
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (mode) {
    case 0: run_parse(text, 1, v); break;
    case 1: run_parse(text, 2, v); break;
    case 2: run_parse(text, 0, v); break;
    case 3: run_limits(text, v); break;
    case 4: run_dump(text, v); break;
    case 5: run_wrapped_dump(text, v); break;
    case 6: run_dates(text); break;
    case 7: run_storage(text, v); break;
  }
  return 0;
}
