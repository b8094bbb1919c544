#ifndef WIKIREL_FWD_HPP
#define WIKIREL_FWD_HPP

// Declarations of the public types, and the small "makers" that turn an index into a
// handle for detail::collection.

#include "detail/collection.hpp"
#include "detail/records.hpp"
#include "storage.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel {

template <class CharT, class Storage = dynamic_storage>
class basic_article;
template <class CharT, class Storage = dynamic_storage>
class basic_section;
template <class CharT, class Storage = dynamic_storage>
class basic_event;
template <class CharT, class Storage = dynamic_storage>
class basic_citation;

/// Where a citation is cited: a byte offset into the input and the section index.
struct citation_use {
  std::size_t offset = 0;
  std::size_t section = 0;
};

namespace detail {

template <class CharT, class Storage>
struct section_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = basic_section<CharT, Storage>;
  static constexpr value_type make(const owner_type* d, std::size_t i) { return value_type(d, i); }
};

template <class CharT, class Storage>
struct event_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = basic_event<CharT, Storage>;
  static constexpr value_type make(const owner_type* d, std::size_t i) { return value_type(d, i); }
};

template <class CharT, class Storage>
struct timeline_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = basic_event<CharT, Storage>;
  static constexpr value_type make(const owner_type* d, std::size_t i) {
    return value_type(d, d->timeline[i]);
  }
};

template <class CharT, class Storage>
struct citation_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = basic_citation<CharT, Storage>;
  static constexpr value_type make(const owner_type* d, std::size_t i) { return value_type(d, i); }
};

template <class CharT, class Storage>
struct event_citation_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = basic_citation<CharT, Storage>;
  static constexpr value_type make(const owner_type* d, std::size_t i) {
    return value_type(d, d->event_citations[i]);
  }
};

template <class CharT, class Storage>
struct use_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = citation_use;
  static constexpr value_type make(const owner_type* d, std::size_t i) {
    return {d->uses[i].offset, d->uses[i].section};
  }
};

template <class CharT, class Storage>
struct diagnostic_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = diagnostic;
  static constexpr value_type make(const owner_type* d, std::size_t i) { return d->diagnostics[i]; }
};

/// Views of a list of text_refs: parties, categories, authors.
template <class CharT, class Storage, auto List>
struct text_maker {
  using owner_type = article_data<CharT, Storage>;
  using value_type = std::basic_string_view<CharT>;
  static constexpr value_type make(const owner_type* d, std::size_t i) {
    return d->resolve((d->*List)[i]);
  }
};

}  // namespace detail
}  // namespace wikirel

#endif
