#ifndef WIKIREL_PARSE_HPP
#define WIKIREL_PARSE_HPP

// The entry point: text in, article out. Never throws, never fails on markup.

#include "basic_article.hpp"
#include "detail/builder.hpp"
#include "detail/detect.hpp"
#include "detail/parties.hpp"
#include "detail/plaintext_reader.hpp"
#include "detail/wikitext_reader.hpp"
#include "options.hpp"
#include "storage.hpp"

#include <string_view>

namespace wikirel {

namespace detail {

template <class CharT, class Storage>
constexpr void parties_from_title(builder<CharT, Storage>& b) {
  const std::basic_string_view<CharT> title = b.resolve(b.data().title);
  parties_from_title(title.data(), title.data() + title.size(), [&](const CharT* first, const CharT* last) {
    const text_ref t = b.data().title;
    text_ref party = t;
    party.offset = t.offset + static_cast<std::uint32_t>(first - title.data());
    party.length = static_cast<std::uint32_t>(last - first);
    // "Sino-Indian relations": the parties are China and India.
    const std::string_view country = country_of_form(first, last);
    b.add_party(country.empty() ? party : b.derive(country.data(), country.size()));
  });
}

/// Reads text into an article; returns the most arena bytes the parse held at once.
/// Wikitext is read optimistically first; only input with a "{{" or "{|" that is never
/// closed is read a second time, with the pre-pass (see wikitext_reader::read).
template <class CharT, class Storage>
constexpr std::size_t parse_into(basic_article<CharT, Storage>& article, std::basic_string_view<CharT> input,
                                 const options& opts) {
  const bool too_long = input.size() > opts.max_input_size;
  const std::basic_string_view<CharT> text = too_long ? input.substr(0, opts.max_input_size) : input;
  const format f = opts.format == format::auto_detect ? detect_format(text) : opts.format;
  std::size_t peak = 0;
  for (const bool with_prepass : {false, true}) {
    article = basic_article<CharT, Storage>{};
    builder<CharT, Storage> b(article, text, opts);
    if (too_long) b.diagnose(diagnostic_kind::size_limit, "input longer than options::max_input_size; the rest is not read", text.size());
    b.set_format(f);
    if (!opts.title.empty()) b.set_title(b.derive(opts.title.data(), opts.title.size()));
    if (f == format::plaintext) {
      // read() sets the title it finds and ends the body, so what parties_from_title
      // derives ("Sino" → "China") goes after the body's text.
      plaintext_reader<CharT, Storage>(b).read();
      if (!b.has_parties()) parties_from_title(b);
    } else {
      parties_from_title(b);
      if (!wikitext_reader<CharT, Storage>(b).read(with_prepass)) {
        peak = b.text_peak();
        continue;
      }
    }
    b.finish();
    return b.text_peak() > peak ? b.text_peak() : peak;
  }
  return peak;  // not reached: the second reading always completes
}

template <class CharT, class Storage>
constexpr basic_article<CharT, Storage> parse_text(std::basic_string_view<CharT> text, const options& opts) {
  basic_article<CharT, Storage> article;
  parse_into(article, text, opts);
  return article;
}

template <class List>
constexpr std::size_t larger(std::size_t n, const List& list) noexcept {
  return list.size() > n ? list.size() : n;
}

}  // namespace detail

/// Reads an article from UTF-8 text. The article's views point into `text`: keep it alive
/// while you use the article.
///
///     const auto a = wikirel::parse("== History ==\nFounded in 1921.");
///     a.sections()[1].heading();        // "History"
///     a.events()[0].when().begin.year;  // 1921
template <class Storage = dynamic_storage>
constexpr basic_article<char, Storage> parse(std::string_view text, const options& opts = {}) {
  return detail::parse_text<char, Storage>(text, opts);
}

/// The capacities an article needs in fixed_storage.
struct capacities {
  std::size_t sections = 0;
  std::size_t events = 0;
  std::size_t citations = 0;
  std::size_t text_bytes = 0;
  std::size_t links = 0;
};

/// What parsing `text` needs, so that fixed_storage can be sized to fit:
///
///     constexpr auto need = wikirel::measure(kText);
///     using storage = wikirel::fixed_storage<need.sections, need.events, need.citations,
///                                            need.text_bytes, need.links>;
///     static constexpr auto a = wikirel::parse<storage>(kText);
template <class CharT>
constexpr capacities measure(std::basic_string_view<CharT> text, const options& opts = {}) {
  basic_article<CharT, dynamic_storage> a;
  const std::size_t peak = detail::parse_into(a, text, opts);
  const auto& d = a.data();
  capacities c;
  c.sections = d.sections.size();
  c.events = d.events.size();
  c.citations = d.citations.size();
  c.text_bytes = peak;
  std::size_t links = 0;
  links = detail::larger(links, d.parties);
  links = detail::larger(links, d.categories);
  links = detail::larger(links, d.strings);
  links = detail::larger(links, d.event_citations);
  links = detail::larger(links, d.uses);
  links = detail::larger(links, d.diagnostics);
  c.links = links;
  return c;
}

constexpr capacities measure(std::string_view text, const options& opts = {}) { return measure<char>(text, opts); }
constexpr capacities measure(std::u8string_view text, const options& opts = {}) { return measure<char8_t>(text, opts); }

/// What a text looks like: wikitext or plain text (auto_detect's answer).
template <class CharT>
constexpr format detect_format(std::basic_string_view<CharT> text) noexcept {
  return detail::detect_format(text);
}

/// The same for UTF-8 as char8_t: gives a basic_article<char8_t>.
template <class Storage = dynamic_storage>
constexpr basic_article<char8_t, Storage> parse(std::u8string_view text, const options& opts = {}) {
  return detail::parse_text<char8_t, Storage>(text, opts);
}

}  // namespace wikirel

#endif
