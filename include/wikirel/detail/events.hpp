#ifndef WIKIREL_DETAIL_EVENTS_HPP
#define WIKIREL_DETAIL_EVENTS_HPP

// From a section's plain text to its events: split it into sentences, let the date
// recognizer find the expressions in each, and report every expression with its sentence.
// The recognizer's context (the last date it resolved) lives for one section.

#include "../temporal.hpp"
#include "sentences.hpp"

#include <cstdint>
#include <string_view>

namespace wikirel::detail {

/// One date expression and its sentence, as offsets into the section's text. Markers
/// standing after the sentence, up to `sentence_limit`, belong to it.
struct found_event {
  period when;
  std::uint32_t expression_begin = 0;
  std::uint32_t expression_end = 0;
  std::uint32_t sentence_begin = 0;
  std::uint32_t sentence_end = 0;
  std::uint32_t sentence_limit = 0;
};

template <class CharT, class Sink>
constexpr void extract_events(std::basic_string_view<CharT> text, Sink&& sink) {
  date_context context{};
  std::size_t from = 0;
  while (from < text.size()) {
    const sentence_span s = next_sentence(text, from);
    if (s.end > s.begin) {
      const auto sentence = text.substr(s.begin, s.end - s.begin);
      find_dates(sentence, context, [&](const date_match& m) {
        found_event e;
        e.when = m.when;
        e.expression_begin = static_cast<std::uint32_t>(s.begin + m.offset);
        e.expression_end = static_cast<std::uint32_t>(s.begin + m.offset + m.length);
        e.sentence_begin = static_cast<std::uint32_t>(s.begin);
        e.sentence_end = static_cast<std::uint32_t>(s.end);
        e.sentence_limit = static_cast<std::uint32_t>(s.limit);
        sink(e);
      });
    }
    from = s.limit > from ? s.limit : from + 1;  // always move on
  }
}

}  // namespace wikirel::detail

#endif
