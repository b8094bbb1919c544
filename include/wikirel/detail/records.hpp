#ifndef WIKIREL_DETAIL_RECORDS_HPP
#define WIKIREL_DETAIL_RECORDS_HPP

// The article's storage: plain records addressed by index, and text addressed by offset
// and length into either the caller's input (zero copy) or the article's own arena (text
// the parser derived). Offsets instead of pointers keep copies of an article valid and let
// a fixed_storage article be a constexpr variable.

#include "../date.hpp"
#include "../diagnostic.hpp"
#include "../options.hpp"
#include "../storage.hpp"

#include <cstdint>
#include <string_view>

namespace wikirel {

/// What a citation was made from.
enum class citation_kind : std::uint8_t {
  ref,       ///< a <ref> with plain text
  web,       ///< {{cite web}}
  news,      ///< {{cite news}}
  book,      ///< {{cite book}}
  journal,   ///< {{cite journal}}
  magazine,  ///< {{cite magazine}}
  citation,  ///< {{citation}}
  cite,      ///< any other {{cite …}}
  sfn,       ///< a short citation: {{sfn}}, {{harvnb}} and kin
  note,      ///< an explanatory note: {{efn}}, {{refn}}, {{#tag:ref}}
  plain,     ///< an entry of a plain-text reference list
};

constexpr std::string_view to_string(citation_kind k) noexcept {
  switch (k) {
    case citation_kind::ref: return "ref";
    case citation_kind::web: return "web";
    case citation_kind::news: return "news";
    case citation_kind::book: return "book";
    case citation_kind::journal: return "journal";
    case citation_kind::magazine: return "magazine";
    case citation_kind::citation: return "citation";
    case citation_kind::cite: return "cite";
    case citation_kind::sfn: return "sfn";
    case citation_kind::note: return "note";
    case citation_kind::plain: return "plain";
  }
  return "ref";
}

namespace detail {

inline constexpr std::uint32_t none = 0xFFFFFFFFu;

/// A piece of text: in the input when `derived` is false, in the arena when true. Eight
/// bytes: there are many (a citation has thirteen), and hostile input can make millions.
struct text_ref {
  std::uint32_t offset = 0;
  std::uint32_t length : 31 = 0;
  std::uint32_t derived : 1 = 0;

  constexpr bool empty() const noexcept { return length == 0; }
};
static_assert(sizeof(text_ref) == 8);

struct section_record {
  text_ref heading;
  text_ref text;
  std::uint32_t offset = 0;  ///< byte offset of the heading line (0 for the lead)
  std::uint32_t parent = none;
  std::uint32_t first_event = 0;
  std::uint32_t event_count = 0;
  period when;  ///< the period the heading names; invalid when none
  std::uint8_t level = 0;
};

struct event_record {
  period when;
  text_ref expression;  ///< the words as written (plain)
  text_ref sentence;
  std::uint32_t offset = 0;  ///< bytes into the input
  std::uint32_t length = 0;
  std::uint32_t section = 0;
  std::uint32_t first_citation = 0;  ///< into article_data::event_citations
  std::uint32_t citation_count = 0;
};

struct use_record {
  std::uint32_t citation = 0;
  std::uint32_t offset = 0;  ///< bytes into the input
  std::uint32_t section = 0;
};

struct citation_record {
  text_ref key;  ///< what identifies reuses: the ref's name, a short citation's arguments
  text_ref name, group, template_name, title, date_text, access_date, work, publisher, url, doi,
      isbn, pages;
  /// The citation's text. Until the citations are read (after the body), the source range
  /// of its definition, which the readers then turn into its text: a field the record
  /// would carry for nothing afterwards. Not defined (yet): an offset of `none`.
  text_ref text{none, 0, 0};
  date when;
  std::uint32_t offset = 0;  ///< where it is defined (or first used)
  std::uint32_t first_author = 0;  ///< into article_data::strings
  std::uint32_t author_count = 0;
  std::uint32_t first_use = 0;  ///< into article_data::uses (sorted by citation at the end)
  std::uint32_t use_count = 0;
  citation_kind kind = citation_kind::ref;

  constexpr bool defined() const noexcept { return text.offset != none; }
  /// The definition is the input's [begin, end).
  constexpr void define(std::uint32_t begin, std::uint32_t end) noexcept { text = {begin, end - begin, 0}; }
};

/// Everything an article holds. `basic_article` and the handles read it; the builder
/// writes it.
template <class CharT, class Storage>
struct article_data {
  using view_type = std::basic_string_view<CharT>;
  template <class T, capacity K>
  using list = typename Storage::template list<T, K>;

  view_type source{};
  wikirel::format format = wikirel::format::wikitext;
  text_ref title;
  list<section_record, capacity::sections> sections;
  list<event_record, capacity::events> events;
  list<std::uint32_t, capacity::events> timeline;  ///< event indices in time order
  list<citation_record, capacity::citations> citations;
  list<CharT, capacity::text> text;
  list<text_ref, capacity::links> parties;
  list<text_ref, capacity::links> categories;
  list<text_ref, capacity::links> strings;  ///< authors
  list<std::uint32_t, capacity::links> event_citations;
  list<use_record, capacity::links> uses;
  list<diagnostic, capacity::links> diagnostics;

  constexpr view_type resolve(text_ref r) const noexcept {
    if (r.derived) return text.view(r.offset, r.length);
    // A ref into the input lies within it; the one that may not, a citation's text before it
    // is read ({none, 0}), is empty. No substr: its throw kept this from inlining.
    if (r.offset > source.size()) return {};
    return view_type(source.data() + r.offset, r.length);
  }
};

}  // namespace detail
}  // namespace wikirel

#endif
