#ifndef WIKIREL_SECTION_HPP
#define WIKIREL_SECTION_HPP

#include "fwd.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace wikirel {

/// A section of an article: the lead (index 0, level 0) or the part under a heading.
/// A handle: cheap to copy, valid while its article lives.
template <class CharT, class Storage>
class basic_section {
 public:
  using view_type = std::basic_string_view<CharT>;
  using data_type = detail::article_data<CharT, Storage>;
  using events_type = detail::collection<detail::event_maker<CharT, Storage>>;

  constexpr basic_section(const data_type* data, std::size_t index) noexcept
      : data_(data), index_(index), record_(&data->sections[index]) {}

  constexpr std::size_t index() const noexcept { return index_; }
  /// The heading as plain text ("Cold War (1945–91)"); empty for the lead.
  constexpr view_type heading() const noexcept { return data_->resolve(record().heading); }
  /// 0 for the lead, 2 for "== … ==" up to 6.
  constexpr int level() const noexcept { return record().level; }
  /// The enclosing section: the nearest earlier one of a lower level. None for the lead.
  constexpr std::optional<std::size_t> parent() const noexcept {
    if (record().parent == detail::none) return std::nullopt;
    return record().parent;
  }
  /// The period the heading names: "World War II (1939–45)" gives 1939–1945.
  constexpr std::optional<wikirel::period> period() const noexcept {
    if (!record().when.valid()) return std::nullopt;
    return record().when;
  }
  /// The plain text of the body: paragraphs and list items, one per line.
  constexpr view_type text() const noexcept { return data_->resolve(record().text); }
  /// Byte offset of the heading line in the input (0 for the lead).
  constexpr std::size_t offset() const noexcept { return record().offset; }
  /// The events whose sentences stand in this section, in text order.
  constexpr events_type events() const noexcept {
    return events_type(data_, record().first_event, record().event_count);
  }

  friend constexpr bool operator==(const basic_section& a, const basic_section& b) noexcept {
    return a.data_ == b.data_ && a.index_ == b.index_;
  }

 private:
  constexpr const detail::section_record& record() const noexcept { return *record_; }
  const data_type* data_;
  std::size_t index_;
  const detail::section_record* record_;  ///< found once: a growing article keeps its records in chunks
};

using section = basic_section<char>;

}  // namespace wikirel

#endif
