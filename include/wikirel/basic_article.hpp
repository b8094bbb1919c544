#ifndef WIKIREL_BASIC_ARTICLE_HPP
#define WIKIREL_BASIC_ARTICLE_HPP

#include "citation.hpp"
#include "event.hpp"
#include "fwd.hpp"
#include "section.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel {

namespace detail {
template <class CharT, class Storage>
class builder;
}

/// An article read from wikitext or plain text.
///
/// Lifetime: views returned by an article (headings, texts, citation fields) point either
/// into the text that was parsed or into the article's own arena. Keep the input alive as
/// long as you read the article; copies of the article stay valid on their own arena.
/// Handles (sections, events, citations) point to the article they came from: do not keep
/// them past a move or the end of the article.
template <class CharT, class Storage>
class basic_article {
 public:
  using char_type = CharT;
  using storage_type = Storage;
  using view_type = std::basic_string_view<CharT>;
  using data_type = detail::article_data<CharT, Storage>;
  using sections_type = detail::collection<detail::section_maker<CharT, Storage>>;
  using events_type = detail::collection<detail::event_maker<CharT, Storage>>;
  using timeline_type = detail::collection<detail::timeline_maker<CharT, Storage>>;
  using citations_type = detail::collection<detail::citation_maker<CharT, Storage>>;
  using diagnostics_type = detail::collection<detail::diagnostic_maker<CharT, Storage>>;
  using parties_type = detail::collection<detail::text_maker<CharT, Storage, &data_type::parties>>;
  using categories_type =
      detail::collection<detail::text_maker<CharT, Storage, &data_type::categories>>;

  constexpr basic_article() = default;

  /// The title: given in options, or read from a plain-text page.
  constexpr view_type title() const noexcept { return data_.resolve(data_.title); }
  /// The parties of a relations article ("A–B relations" gives A and B); empty otherwise.
  constexpr parties_type parties() const noexcept {
    return parties_type(&data_, 0, data_.parties.size());
  }
  /// The lead (index 0, level 0) and one section per heading, in order.
  constexpr sections_type sections() const noexcept {
    return sections_type(&data_, 0, data_.sections.size());
  }
  /// Every dated statement, in text order.
  constexpr events_type events() const noexcept { return events_type(&data_, 0, data_.events.size()); }
  /// The events in chronological order (by begin, then end); equal dates keep text order.
  constexpr timeline_type timeline() const noexcept {
    return timeline_type(&data_, 0, data_.timeline.size());
  }
  constexpr citations_type citations() const noexcept {
    return citations_type(&data_, 0, data_.citations.size());
  }
  constexpr categories_type categories() const noexcept {
    return categories_type(&data_, 0, data_.categories.size());
  }
  /// What was malformed, in input order.
  constexpr diagnostics_type diagnostics() const noexcept {
    return diagnostics_type(&data_, 0, data_.diagnostics.size());
  }
  constexpr wikirel::format format() const noexcept { return data_.format; }
  /// The text that was parsed.
  constexpr view_type source() const noexcept { return data_.source; }

  /// The records underneath, for tools that compare articles field by field.
  constexpr const data_type& data() const noexcept { return data_; }

 private:
  friend class detail::builder<CharT, Storage>;
  data_type data_{};
};

using article = basic_article<char>;

}  // namespace wikirel

#endif
