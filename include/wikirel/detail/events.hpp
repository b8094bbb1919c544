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
/// standing after the sentence, up to `sentence_limit`, belong to it; those that back the
/// date stand in [citations_begin, citations_limit): the sentence and its markers, or, in
/// a run too long to be a sentence, from the date to the next one.
struct found_event {
  period when;
  std::uint32_t expression_begin = 0;
  std::uint32_t expression_end = 0;
  std::uint32_t sentence_begin = 0;
  std::uint32_t sentence_end = 0;
  std::uint32_t sentence_limit = 0;
  std::uint32_t citations_begin = 0;
  std::uint32_t citations_limit = 0;
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

/// A "sentence" this long is not one (a flattened list or table, a timeline on one line).
/// Each of its dates keeps the words around it instead of the whole run, so that an
/// article's events hold text in proportion to the input, not to its square.
inline constexpr std::size_t longest_sentence = 1024;
inline constexpr std::size_t words_around = 240;

/// [first, last) shrunk to whole words: a cut falls on a space, never inside a character.
template <class CharT>
constexpr void narrow_to_words(std::basic_string_view<CharT> text, std::size_t& first, std::size_t& last,
                               std::size_t floor, std::size_t ceiling) noexcept {
  if (first > floor) {
    std::size_t b = first;
    while (b < last && !is_space(byte_of(text[b - 1]))) ++b;
    first = b < last ? b : first;
    while (first > floor && first < text.size() && (byte_of(text[first]) & 0xC0) == 0x80) ++first;
  }
  if (last < ceiling) {
    std::size_t e = last;
    while (e > first && !is_space(byte_of(text[e]))) --e;
    last = e > first ? e : last;
    while (last > first && last < text.size() && (byte_of(text[last]) & 0xC0) == 0x80) --last;
  }
}

/// The part of sentence s an expression at [begin, end) keeps: all of it, unless it is
/// longer than longest_sentence.
template <class CharT>
constexpr sentence_span window_of(std::basic_string_view<CharT> text, sentence_span s, std::size_t begin,
                                  std::size_t end) noexcept {
  if (s.end - s.begin <= longest_sentence) return s;
  std::size_t first = begin - s.begin > words_around ? begin - words_around : s.begin;
  std::size_t last = s.end - end > words_around ? end + words_around : s.end;
  const std::size_t ceiling = s.end;
  narrow_to_words(text, first, last, s.begin, ceiling);
  while (first < begin && is_space(byte_of(text[first]))) ++first;
  while (last > end && is_space(byte_of(text[last - 1]))) --last;
  if (first > begin) first = begin;  // never cut the expression itself
  if (last < end) last = end;
  const bool whole_end = last == s.end;
  s.begin = first;
  s.end = last;
  if (!whole_end) s.limit = last;  // markers after a cut belong to the words past it
  return s;
}

/// Every date expression of a section's text with its sentence. The recognizer runs once
/// over the whole text; only the lines that hold a date are split into sentences.
/// `context` is what the section starts from: the year its heading names, if one.
template <class CharT, class Sink>
constexpr void extract_events(std::basic_string_view<CharT> text, Sink&& sink, date_context context = {}) {
  sentence_finder<CharT> sentences(text);
  // Each event waits for the next one: in a windowed run its citations end where the next
  // date begins ("in 1921<ref>a</ref>, in 1922<ref>b</ref>" cites a for 1921, b for 1922).
  found_event pending;
  bool has_pending = false, pending_windowed = false;
  find_dates(text, context, [&](const date_match& m) {
    const std::size_t end = m.offset + m.length;
    const sentence_span whole = sentences.around(m.offset, end);
    const sentence_span s = window_of(text, whole, m.offset, end);
    const bool windowed = whole.end - whole.begin > longest_sentence;
    found_event e;
    e.when = m.when;
    e.expression_begin = static_cast<std::uint32_t>(m.offset);
    e.expression_end = static_cast<std::uint32_t>(end);
    e.sentence_begin = static_cast<std::uint32_t>(s.begin);
    e.sentence_end = static_cast<std::uint32_t>(s.end);
    e.sentence_limit = static_cast<std::uint32_t>(s.limit);
    e.citations_begin = windowed ? e.expression_begin : e.sentence_begin;
    e.citations_limit = e.sentence_limit;
    if (has_pending) {
      if (pending_windowed && e.expression_begin < pending.citations_limit) pending.citations_limit = e.expression_begin;
      sink(pending);
    }
    pending = e;
    pending_windowed = windowed;
    has_pending = true;
  });
  if (has_pending) sink(pending);
}

}  // namespace wikirel::detail

#endif
