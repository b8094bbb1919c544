#ifndef WIKIREL_EVENT_HPP
#define WIKIREL_EVENT_HPP

#include "fwd.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel {

/// A dated statement: a date expression in the body text, its sentence, its section and
/// the citations that back it. A handle: cheap to copy, valid while its article lives.
template <class CharT, class Storage>
class basic_event {
 public:
  using view_type = std::basic_string_view<CharT>;
  using data_type = detail::article_data<CharT, Storage>;
  using citations_type = detail::collection<detail::event_citation_maker<CharT, Storage>>;

  constexpr basic_event(const data_type* data, std::size_t index) noexcept
      : data_(data), index_(index), record_(&data->events[index]) {}

  constexpr std::size_t index() const noexcept { return index_; }
  /// The normalised value: begin, end, precision, approximate, inferred.
  constexpr const period& when() const noexcept { return record().when; }
  /// The date expression as written, in plain text ("December 25, 1991").
  constexpr view_type expression() const noexcept { return data_->resolve(record().expression); }
  /// Where the expression stands in the input, in bytes.
  constexpr std::size_t offset() const noexcept { return record().offset; }
  constexpr std::size_t length() const noexcept { return record().length; }
  /// The sentence that holds the expression, as plain text.
  constexpr view_type text() const noexcept { return data_->resolve(record().sentence); }
  constexpr basic_section<CharT, Storage> section() const noexcept {
    return basic_section<CharT, Storage>(data_, record().section);
  }
  /// The citations whose markers or <ref>s stand in the sentence or right after it.
  constexpr citations_type citations() const noexcept {
    return citations_type(data_, record().first_citation, record().citation_count);
  }

  friend constexpr bool operator==(const basic_event& a, const basic_event& b) noexcept {
    return a.data_ == b.data_ && a.index_ == b.index_;
  }

 private:
  constexpr const detail::event_record& record() const noexcept { return *record_; }
  const data_type* data_;
  std::size_t index_;
  const detail::event_record* record_;  ///< found once: a growing article keeps its records in chunks
};

using event = basic_event<char>;

}  // namespace wikirel

#endif
