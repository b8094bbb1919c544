#ifndef WIKIREL_DETAIL_EVENTS_HPP
#define WIKIREL_DETAIL_EVENTS_HPP

// From a section's plain text to its events: split it into sentences, let the date
// recognizer find the expressions in each, and report every expression with its sentence.
// The recognizer's context (the last date it resolved) lives for one section.

#include "../temporal.hpp"
#include "scan.hpp"
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

/// Finds the sentence holding [begin, end): the text splits into sentences only within the
/// paragraph (line) that holds it, since sentences never cross a line break.
template <class CharT>
class sentence_finder {
 public:
  constexpr explicit sentence_finder(std::basic_string_view<CharT> text) noexcept : text_(text), stops_(text) {}

  constexpr sentence_span around(std::size_t begin, std::size_t end) noexcept {
    if (!started_ || begin >= current_.limit) skip_to_line_of(begin);
    while (current_.limit <= begin && current_.limit < text_.size()) current_ = next_sentence(text_, current_.limit, stops_);
    sentence_span s = current_;
    // An expression that runs past the split (an abbreviation the splitter took for an end)
    // keeps its whole sentence.
    while (end > s.end && s.limit < text_.size()) {
      const sentence_span more = next_sentence(text_, s.limit, stops_);
      s.end = more.end;
      s.limit = more.limit;
    }
    return s;
  }

 private:
  /// Moves to the line that holds `at` when it is a later line: the lines between hold no
  /// date and need no splitting. Looks back no further than where the last sentence ended,
  /// so the whole text is looked at about once.
  constexpr void skip_to_line_of(std::size_t at) noexcept {
    const std::size_t floor = started_ ? current_.limit : 0;
    const CharT* base = text_.data();
    const CharT* newline = find_last_byte(base + floor, base + at, '\n');
    const std::size_t start = newline == base + at ? floor : static_cast<std::size_t>(newline - base) + 1;
    if (started_ && start == floor) return;  // same line: go on splitting from here
    started_ = true;
    current_ = next_sentence(text_, start, stops_);
  }

  std::basic_string_view<CharT> text_;
  sentence_stops<CharT> stops_;
  sentence_span current_{};
  bool started_ = false;
};

/// Every date expression of a section's text with its sentence. The recognizer runs once
/// over the whole text; only the lines that hold a date are split into sentences.
/// `context` is what the section starts from: the year its heading names, if one.
template <class CharT, class Sink>
constexpr void extract_events(std::basic_string_view<CharT> text, Sink&& sink, date_context context = {}) {
  sentence_finder<CharT> sentences(text);
  find_dates(text, context, [&](const date_match& m) {
    const sentence_span s = sentences.around(m.offset, m.offset + m.length);
    found_event e;
    e.when = m.when;
    e.expression_begin = static_cast<std::uint32_t>(m.offset);
    e.expression_end = static_cast<std::uint32_t>(m.offset + m.length);
    e.sentence_begin = static_cast<std::uint32_t>(s.begin);
    e.sentence_end = static_cast<std::uint32_t>(s.end);
    e.sentence_limit = static_cast<std::uint32_t>(s.limit);
    sink(e);
  });
}

}  // namespace wikirel::detail

#endif
