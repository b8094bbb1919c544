// Turns an article (any CharT, any storage) and the temporal entry points into the plain
// snapshot types of snapshot.hpp, through the public API only.
//
// Include it after <wikirel/article.hpp> and <wikirel/json.hpp>. Everything here is in an
// unnamed namespace: scalar_parse.cpp includes it with `wikirel` #defined to another
// namespace, and the two copies must stay separate entities (no ODR clash).
#ifndef WIKIREL_FUZZ_READ_ARTICLE_HPP
#define WIKIREL_FUZZ_READ_ARTICLE_HPP

#include "snapshot.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace wikirel_fuzz {
namespace {

template <class CharT>
std::string bytes(std::basic_string_view<CharT> v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size());
}

inline wikirel::options to_options(const parse_request& r) {
  wikirel::options o;
  o.format = r.format == 1   ? wikirel::format::wikitext
             : r.format == 2 ? wikirel::format::plaintext
                             : wikirel::format::auto_detect;
  o.max_depth = r.max_depth;
  o.max_input_size = r.max_input_size;
  o.events = r.events;
  return o;
}

inline date_s to_date(const wikirel::date& d) { return date_s{d.year, d.month, d.day}; }

inline period_s to_period(const wikirel::period& p) {
  period_s s;
  s.begin = to_date(p.begin);
  s.end = to_date(p.end);
  s.precision = static_cast<int>(p.precision);
  s.approximate = p.approximate;
  s.open_end = p.open_end;
  s.open_begin = p.open_begin;
  s.inferred = p.inferred;
  return s;
}

template <class Article>
snapshot take_snapshot(const Article& a) {
  snapshot s;
  s.source_size = a.source().size();
  s.format = static_cast<int>(a.format());
  s.title = bytes(a.title());
  for (const auto p : a.parties()) s.parties.push_back(bytes(p));
  for (const auto c : a.categories()) s.categories.push_back(bytes(c));
  for (const auto& sec : a.sections()) {
    section_s x;
    x.heading = bytes(sec.heading());
    x.text = bytes(sec.text());
    x.level = sec.level();
    x.parent = sec.parent() ? static_cast<std::int64_t>(*sec.parent()) : -1;
    if (const auto p = sec.period()) {
      x.has_period = true;
      x.period = to_period(*p);
    }
    x.offset = sec.offset();
    for (const auto& e : sec.events()) x.events.push_back(e.index());
    s.sections.push_back(std::move(x));
  }
  for (const auto& e : a.events()) {
    event_s x;
    x.when = to_period(e.when());
    x.expression = bytes(e.expression());
    x.text = bytes(e.text());
    x.offset = e.offset();
    x.length = e.length();
    x.section = e.section().index();
    for (const auto& c : e.citations()) x.citations.push_back(c.id());
    s.events.push_back(std::move(x));
  }
  for (const auto& e : a.timeline()) s.timeline.push_back(e.index());
  for (const auto& c : a.citations()) {
    citation_s x;
    x.index = c.index();
    x.id = c.id();
    x.kind = static_cast<int>(c.kind());
    x.name = bytes(c.name());
    x.group = bytes(c.group());
    x.template_name = bytes(c.template_name());
    x.title = bytes(c.title());
    x.date_text = bytes(c.date_text());
    x.access_date = bytes(c.access_date());
    x.work = bytes(c.work());
    x.publisher = bytes(c.publisher());
    x.url = bytes(c.url());
    x.doi = bytes(c.doi());
    x.isbn = bytes(c.isbn());
    x.pages = bytes(c.pages());
    x.text = bytes(c.text());
    for (const auto au : c.authors()) x.authors.push_back(bytes(au));
    x.date = to_date(c.date());
    for (const auto& u : c.uses()) x.uses.push_back(use_s{u.offset, u.section});
    x.offset = c.offset();
    s.citations.push_back(std::move(x));
  }
  for (const auto& g : a.diagnostics())
    s.diagnostics.push_back(diagnostic_s{static_cast<int>(g.kind), std::string(g.message()), g.offset, g.line, g.column});
  s.json = wikirel::to_json(a);
  return s;
}

inline match_s to_match(const wikirel::date_match& m, std::size_t base) {
  return match_s{m.offset + base, m.length, to_period(m.when)};
}

inline temporal_s take_temporal(std::string_view text) {
  temporal_s t;
  wikirel::date_context whole;
  wikirel::find_dates(text, whole, [&](const wikirel::date_match& m) { t.whole.push_back(to_match(m, 0)); });
  wikirel::date_context running;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string_view::npos) nl = text.size();
    wikirel::find_dates(text.substr(from, nl - from), running,
                        [&](const wikirel::date_match& m) { t.lines.push_back(to_match(m, from)); });
    from = nl + 1;
  }
  const std::string_view first_line = text.substr(0, text.find('\n'));
  t.parsed_whole = to_date(wikirel::parse_date(text));
  t.parsed_line = to_date(wikirel::parse_date(first_line));
  t.heading_whole = to_period(wikirel::heading_period(text));
  t.heading_line = to_period(wikirel::heading_period(first_line));
  return t;
}

}  // namespace
}  // namespace wikirel_fuzz

#endif
