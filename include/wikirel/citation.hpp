#ifndef WIKIREL_CITATION_HPP
#define WIKIREL_CITATION_HPP

#include "fwd.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel {

/// A source the article cites: a <ref> (plain or with a cite template), a short citation
/// ({{sfn}}), a note, or an entry of a plain-text reference list. Named references used
/// several times are one citation with several uses. A handle: cheap to copy, valid while
/// its article lives.
template <class CharT, class Storage>
class basic_citation {
 public:
  using view_type = std::basic_string_view<CharT>;
  using data_type = detail::article_data<CharT, Storage>;
  using authors_type =
      detail::collection<detail::text_maker<CharT, Storage, &data_type::strings>>;
  using uses_type = detail::collection<detail::use_maker<CharT, Storage>>;

  constexpr basic_citation(const data_type* data, std::size_t index) noexcept
      : data_(data), index_(index), record_(&data->citations[index]) {}

  constexpr std::size_t index() const noexcept { return index_; }
  /// 1-based, in the order MediaWiki numbers references: by first use (plain text: as
  /// the reference list numbers them).
  constexpr std::size_t id() const noexcept { return index_ + 1; }
  constexpr view_type name() const noexcept { return get(&detail::citation_record::name); }
  constexpr view_type group() const noexcept { return get(&detail::citation_record::group); }
  constexpr citation_kind kind() const noexcept { return record().kind; }
  /// The cite template's name as written ("cite web"); empty for other kinds.
  constexpr view_type template_name() const noexcept {
    return get(&detail::citation_record::template_name);
  }
  constexpr view_type title() const noexcept { return get(&detail::citation_record::title); }
  constexpr authors_type authors() const noexcept {
    return authors_type(data_, record().first_author, record().author_count);
  }
  /// The publication date, parsed; check valid(). date_text() is the text it came from.
  constexpr wikirel::date date() const noexcept { return record().when; }
  constexpr view_type date_text() const noexcept { return get(&detail::citation_record::date_text); }
  constexpr view_type access_date() const noexcept {
    return get(&detail::citation_record::access_date);
  }
  constexpr view_type work() const noexcept { return get(&detail::citation_record::work); }
  constexpr view_type publisher() const noexcept { return get(&detail::citation_record::publisher); }
  constexpr view_type url() const noexcept { return get(&detail::citation_record::url); }
  constexpr view_type doi() const noexcept { return get(&detail::citation_record::doi); }
  constexpr view_type isbn() const noexcept { return get(&detail::citation_record::isbn); }
  constexpr view_type pages() const noexcept { return get(&detail::citation_record::pages); }
  /// The citation as plain text.
  constexpr view_type text() const noexcept { return get(&detail::citation_record::text); }
  /// Every place it is cited; uses().size() is how many times.
  constexpr uses_type uses() const noexcept {
    return uses_type(data_, record().first_use, record().use_count);
  }
  /// Byte offset of its definition in the input (of its first use when it has none).
  constexpr std::size_t offset() const noexcept { return record().offset; }

  friend constexpr bool operator==(const basic_citation& a, const basic_citation& b) noexcept {
    return a.data_ == b.data_ && a.index_ == b.index_;
  }

 private:
  constexpr const detail::citation_record& record() const noexcept { return *record_; }
  constexpr view_type get(detail::text_ref detail::citation_record::*field) const noexcept {
    return data_->resolve(record().*field);
  }
  const data_type* data_;
  std::size_t index_;
  const detail::citation_record* record_;  ///< found once: a growing article keeps its records in chunks
};

using citation = basic_citation<char>;

}  // namespace wikirel

#endif
