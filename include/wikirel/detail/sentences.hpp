#ifndef WIKIREL_DETAIL_SENTENCES_HPP
#define WIKIREL_DETAIL_SENTENCES_HPP

// Splits plain text into sentences. A sentence ends at ". ", "! " or "? " (with any closing
// quotes, brackets and citation markers such as "[12]" kept in it) when the next word can
// start a sentence, and always at a newline. What a period after a known abbreviation,
// an initial or an acronym means is decided from the word that follows:
//
// - titles and reference words never end a sentence: "Gen. Kornilov", "St. Petersburg",
//   "Vol. 3", "pp. 12", "c. 1200", "e.g. this", "L. G. Kornilov", "J. R. R. Tolkien";
// - "No." and month abbreviations do not before a number: "No. 4", "Dec. 25, 1991";
// - acronyms and company suffixes ("U.S.", "U.K.", "B.C.", "Inc.", "Ltd.", "Jr.") end a
//   sentence only before a word that typically opens one ("He", "The", "In", ...): so
//   "the U.S. Army" stays whole while "He moved to the U.S. He then..." splits;
// - "I." is read as the pronoun or a numeral ("World War I. The ..."), not an initial.
//
// Inside brackets and quotes a period does not end the outer sentence, unless the bracket
// or quote has been open for more than a few hundred bytes (it was likely never closed).

#include "block_scan.hpp"
#include "chars.hpp"
#include "scan.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace wikirel::detail {

struct sentence_span {
  std::size_t begin = 0;  ///< first non-space character of the sentence
  std::size_t end = 0;    ///< one past its last character (after the terminal punctuation / closing quote or bracket)
  std::size_t limit = 0;  ///< where the next sentence begins (end + trailing spaces); == text.size() at the end
};

/// Bytes the splitter must look at: "\n.!?()[]{}\"" and 0xE2 (curly quotes, the ellipsis).
using sentence_stop_set =
    byte_set<'\n', '.', '!', '?', '(', ')', '[', ']', '{', '}', '"', static_cast<char>(0xE2)>;

/// Finds the splitter's next stop in one text. The splitter runs forward through a line,
/// with a stop every few words: a block cursor keeps the masks of the 64 bytes it is in,
/// where a fresh search from each stop would classify the same bytes again.
template <class C>
class sentence_stops {
 public:
  constexpr explicit sentence_stops(std::basic_string_view<C> text) noexcept
      : first_(text.data()), last_(text.data() + text.size()), cursor_(first_, last_) {}
  /// The first position at or after i holding a stop byte, or the text's size.
  constexpr std::size_t next(std::size_t i) noexcept {
    return static_cast<std::size_t>(cursor_.next(first_ + i, last_) - first_);
  }

 private:
  const C* first_;
  const C* last_;
  block_cursor<C, sentence_stop_set> cursor_;
};

/// Words after which a period never ends a sentence.
inline constexpr std::string_view never_final_words[] = {
    "mr",   "mrs",  "ms",   "dr",   "st",   "mt",     "ft",   "gen",  "col",  "lt",   "capt",  "cpt",
    "maj",  "sgt",  "cpl",  "pvt",  "adm",  "brig",   "cmdr", "cdr",  "gov",  "sen",  "rep",   "rev",
    "prof", "hon",  "pres", "fr",   "msgr", "vs",     "cf",   "ca",   "vol",  "vols", "nos",   "pp",
    "ch",   "chap", "fig",  "figs", "eq",   "approx", "est",  "op",   "ed",   "eds",  "trans", "repr",
    "fl",   "ibid", "viz",  "al",   "esp",  "dept",   "univ", "assn", "bros", "nr",   "no"};

/// Words after which a period ends a sentence only before a typical sentence opener.
inline constexpr std::string_view suffix_words[] = {"inc", "ltd", "co", "corp", "jr", "sr", "plc", "llc", "etc"};

inline constexpr std::string_view month_abbreviations[] = {"jan", "feb", "mar",  "apr", "jun", "jul",
                                                           "aug", "sep", "sept", "oct", "nov", "dec"};

/// Words that open sentences but seldom follow an acronym inside one ("U.S. Army").
inline constexpr std::string_view sentence_openers[] = {
    "he",    "she",     "it",       "they",  "we",    "i",         "you",     "this",   "that",      "these",
    "those", "the",     "in",       "on",    "at",    "by",        "after",   "before", "during",    "when",
    "while", "however", "although", "its",   "his",   "her",       "their",   "there",  "following", "since",
    "as",    "a",       "an",       "but",   "and",   "meanwhile", "later",   "then",   "today",     "despite",
    "from",  "for",     "with",     "under", "until", "one",       "some",    "many",   "most",      "both",
    "each",  "what",    "who",      "if",    "once",  "according", "between", "over",   "about",     "also",
    "thus",  "yet",     "so",       "such",  "other", "another",   "all"};

/// A set of short lower-case words, asked with the word as written (ASCII case ignored):
/// the word is packed into a number and looked up in a small open-addressed table, where a
/// scan of the list would compare it with every entry. Words longer than eight letters
/// are compared one by one (there are few).
template <std::size_t N>
class word_set {
 public:
  constexpr explicit word_set(const std::string_view (&words)[N]) noexcept {
    for (std::string_view w : words) {
      if (w.size() > longest_) longest_ = w.size();
      if (w.size() > 8) {
        long_[long_count_++] = w;
        continue;
      }
      std::size_t i = slot_of(pack(w.data(), w.size()));
      while (lengths_[i] != 0) i = (i + 1) & (slots - 1);
      keys_[i] = pack(w.data(), w.size());
      lengths_[i] = static_cast<std::uint8_t>(w.size());
    }
  }
  template <class C>
  constexpr bool contains(const C* p, std::size_t n) const noexcept {
    // Most words asked about are longer than every entry (the word before a sentence's
    // period, for the sets of abbreviations): they are answered before any packing.
    if (n == 0 || n > longest_) return false;
    if (n > 8) {
      for (std::size_t k = 0; k < long_count_; ++k)
        if (equals_ci(p, n, long_[k])) return true;
      return false;
    }
    const std::uint64_t key = pack(p, n);
    for (std::size_t i = slot_of(key);; i = (i + 1) & (slots - 1)) {
      if (lengths_[i] == n && keys_[i] == key) return true;
      if (lengths_[i] == 0) return false;
    }
  }

 private:
  static constexpr std::size_t slots = [] {
    std::size_t s = 16;
    while (s < 2 * N) s *= 2;
    return s;
  }();
  /// The word lower-cased, one byte per letter (the length tells "mr" from "mr\0").
  template <class C>
  static constexpr std::uint64_t pack(const C* p, std::size_t n) noexcept {
    std::uint64_t key = 0;
    for (std::size_t k = 0; k < n; ++k) key |= std::uint64_t{to_lower(byte_of(p[k]))} << (8 * k);
    return key;
  }
  static constexpr std::size_t slot_of(std::uint64_t key) noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & (slots - 1);
  }
  std::uint64_t keys_[slots] = {};
  std::uint8_t lengths_[slots] = {};  ///< 0: a free slot
  std::string_view long_[N] = {};
  std::size_t long_count_ = 0;
  std::size_t longest_ = 0;
};

inline constexpr word_set never_final_set(never_final_words);
inline constexpr word_set suffix_set(suffix_words);
inline constexpr word_set month_abbreviation_set(month_abbreviations);
inline constexpr word_set sentence_opener_set(sentence_openers);

/// The white space length at i: ASCII space, tab, CR, or a no-break space. Newlines are
/// handled by the caller.
template <class C>
constexpr std::size_t blank_at(std::basic_string_view<C> text, std::size_t i) noexcept {
  const unsigned char c = byte_of(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c >= 0x80) return static_cast<std::size_t>(nbsp_length(text.data() + i, text.data() + text.size()));
  return 0;
}

template <class C>
constexpr std::size_t skip_white(std::basic_string_view<C> text, std::size_t i) noexcept {
  while (i < text.size()) {
    if (byte_of(text[i]) == '\n') {
      ++i;
      continue;
    }
    const std::size_t n = blank_at(text, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

/// Trims trailing blanks before position `end`.
template <class C>
constexpr std::size_t trim_back(std::basic_string_view<C> text, std::size_t begin, std::size_t end) noexcept {
  while (end > begin) {
    const unsigned char c = byte_of(text[end - 1]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      --end;
    } else if (end - begin >= 2 && byte_of(text[end - 2]) == 0xC2 && c == 0xA0) {
      end -= 2;
    } else {
      break;
    }
  }
  return end;
}

/// A word (or number, or quoted or bracketed word) that can open a sentence.
template <class C>
constexpr bool plausible_start(std::basic_string_view<C> text, std::size_t i) noexcept {
  for (int opener = 0; opener < 3 && i < text.size(); ++opener) {
    const unsigned char c = byte_of(text[i]);
    if (is_upper(c) || is_digit(c)) return true;
    if (c == '"' || c == '\'' || c == '(' || c == '[') {
      ++i;
      continue;
    }
    if (c == 0xE2 && text.size() - i >= 3 && byte_of(text[i + 1]) == 0x80 &&
        (byte_of(text[i + 2]) == 0x9C || byte_of(text[i + 2]) == 0x98)) {  // “ ‘
      i += 3;
      continue;
    }
    if (c == 0xC2 && text.size() - i >= 2 && byte_of(text[i + 1]) == 0xAB) {  // «
      i += 2;
      continue;
    }
    if (text.size() - i < 2) return false;
    const unsigned char d = byte_of(text[i + 1]);
    // Upper-case letters of Latin-1, Greek and Cyrillic.
    return (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) || (c == 0xCE && d >= 0x86 && d <= 0xAB) ||
           (c == 0xD0 && d >= 0x80 && d <= 0xAF) || (c == 0xC4 || c == 0xC5);
  }
  return false;
}

/// The length of the ASCII word at i.
template <class C>
constexpr std::size_t word_length_at(std::basic_string_view<C> text, std::size_t i) noexcept {
  std::size_t n = 0;
  while (i + n < text.size() && is_alpha(byte_of(text[i + n]))) ++n;
  return n;
}

template <class C>
constexpr bool opener_at(std::basic_string_view<C> text, std::size_t i) noexcept {
  std::size_t n = word_length_at(text, i);
  if (n == 0) return false;
  return sentence_opener_set.contains(text.data() + i, n);
}

/// Whether the single period at `dot` belongs to an abbreviation, an initial or an acronym
/// rather than ending the sentence; `next` is where the following word starts.
template <class C>
constexpr bool period_continues(std::basic_string_view<C> text, std::size_t lower_bound, std::size_t dot,
                                std::size_t next) noexcept {
  std::size_t w = dot;
  while (w > lower_bound && dot - w < 16 && is_alpha(byte_of(text[w - 1]))) --w;
  const std::size_t n = dot - w;
  if (n == 0) return false;
  // A long word, or letters after digits ("the 1970s.", "km2.").
  if (w > lower_bound && is_alnum(byte_of(text[w - 1]))) return false;
  const C* word = text.data() + w;
  const bool digit_next = next < text.size() && is_digit(byte_of(text[next]));
  // "U.S", "e.g", "B.C": letters separated by dots.
  if (n <= 2 && w >= lower_bound + 2 && byte_of(text[w - 1]) == '.' && is_alpha(byte_of(text[w - 2]))) {
    // "e.g.", "i.e." never end a sentence; "a.m.", "p.m." and "U.S." may.
    const unsigned char before = to_lower(byte_of(text[w - 2]));
    const bool time_of_day = equals_ci(word, n, "m") && (before == 'a' || before == 'p');
    if (is_lower(byte_of(word[0])) && !time_of_day) return true;
    return !opener_at(text, next);
  }
  if (n == 1) {
    const unsigned char c = byte_of(word[0]);
    if (c == 'I') return false;  // the pronoun, or World War I
    return true;                 // an initial, or "c.", "p.", "b."
  }
  if (equals_ci(word, n, "no")) return digit_next;
  if (month_abbreviation_set.contains(word, n))
    return is_upper(byte_of(word[0])) && (digit_next || !opener_at(text, next));
  if (never_final_set.contains(word, n)) return true;
  if (suffix_set.contains(word, n)) return !opener_at(text, next);
  return false;
}

/// Past a run of citation markers after a sentence's end: "[12]", "[a]", "[note 1]",
/// "[citation needed]", also when separated by spaces ("[2] [3]").
template <class C>
constexpr std::size_t skip_markers(std::basic_string_view<C> text, std::size_t i) noexcept {
  std::size_t end = i;
  std::size_t k = i;
  for (;;) {
    if (k >= text.size() || byte_of(text[k]) != '[') return end;
    std::size_t j = k + 1;
    while (j < text.size() && j - k < 24 && byte_of(text[j]) != ']' && byte_of(text[j]) != '\n' &&
           byte_of(text[j]) != '[')
      ++j;
    if (j >= text.size() || byte_of(text[j]) != ']' || j == k + 1) return end;
    end = j + 1;
    k = end;
    while (k < text.size() && byte_of(text[k]) == ' ') ++k;
  }
}

/// Decides whether the terminal punctuation [at, i) ends the sentence; if so fills s.
/// Closing quotes and brackets right after it belong to the sentence; `i` moves past them.
template <class C>
constexpr bool ends_here(std::basic_string_view<C> text, std::size_t begin, std::size_t at, std::size_t& i, int& depth,
                         bool& quoted, std::size_t opened_at, std::size_t max_open, sentence_span& s) noexcept {
  const std::size_t size = text.size();
  // Closers: ) ] } " ' ” ’ »
  for (;;) {
    if (i >= size) break;
    const unsigned char c = byte_of(text[i]);
    if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) --depth;
      ++i;
    } else if (c == '"' && quoted) {
      quoted = false;
      ++i;
    } else if (c == '\'') {
      ++i;
    } else if (c == 0xE2 && size - i >= 3 && byte_of(text[i + 1]) == 0x80 &&
               (byte_of(text[i + 2]) == 0x9D || byte_of(text[i + 2]) == 0x99)) {
      if (byte_of(text[i + 2]) == 0x9D && depth > 0) --depth;
      i += 3;
    } else if (c == 0xC2 && size - i >= 2 && byte_of(text[i + 1]) == 0xBB) {
      i += 2;
    } else {
      break;
    }
  }
  const std::size_t end = skip_markers(text, i);
  if (end >= size) {
    s.end = end;
    s.limit = size;
    return true;
  }
  if (byte_of(text[end]) == '\n') {
    s.end = end;
    s.limit = skip_white(text, end);
    return true;
  }
  if (blank_at(text, end) == 0) {
    // "3.5", "U.S.A", "e.g.,", "Yahoo!Inc" go on; "calm.[13]Peace" (a pasted marker) ends.
    if (end == i || depth > 0 || quoted || !plausible_start(text, end)) return false;
    s.end = end;
    s.limit = end;
    return true;
  }
  const std::size_t next = skip_white(text, end);
  if ((depth > 0 || quoted) && at - opened_at < max_open) return false;
  if (next >= size) {
    s.end = end;
    s.limit = size;
    return true;
  }
  if (!plausible_start(text, next)) return false;
  if (i == at + 1 && byte_of(text[at]) == '.' && period_continues(text, begin, at, next)) return false;
  s.end = end;
  s.limit = next;
  return true;
}

/// The sentence that starts at or after `from` (skipping white space). See the header
/// comment for the rules.
template <class CharT>
constexpr sentence_span next_sentence(std::basic_string_view<CharT> text, std::size_t from,
                                      sentence_stops<CharT>& stops) {
  const std::size_t size = text.size();
  sentence_span s;
  const std::size_t begin = skip_white(text, from < size ? from : size);
  s.begin = begin;
  if (begin >= size) {
    s.end = s.limit = size;
    return s;
  }
  // Brackets and quotes opened since the sentence began; a period inside them does not
  // end it, unless they have been open too long to be real.
  constexpr std::size_t max_open = 400;
  int depth = 0;
  bool quoted = false;
  std::size_t opened_at = 0;
  const auto open = [&](std::size_t at) {
    if (depth == 0 && !quoted) opened_at = at;
  };
  std::size_t i = begin;
  while (i < size) {
    i = stops.next(i);
    if (i >= size) break;
    const unsigned char c = byte_of(text[i]);
    switch (c) {
      case '\n':
        s.end = trim_back(text, begin, i);
        s.limit = skip_white(text, i);
        return s;
      case '(':
      case '[':
      case '{':
        open(i);
        ++depth;
        ++i;
        continue;
      case ')':
      case ']':
      case '}':
        if (depth > 0) --depth;
        ++i;
        continue;
      case '"':
        if (!quoted) open(i);
        quoted = !quoted;
        ++i;
        continue;
      case 0xE2:
        if (size - i >= 3 && byte_of(text[i + 1]) == 0x80) {
          const unsigned char d = byte_of(text[i + 2]);
          if (d == 0x9C) {  // “
            open(i);
            ++depth;
          } else if (d == 0x9D && depth > 0) {  // ”
            --depth;
          } else if (d == 0xA6) {  // … ends a sentence like "..."
            const std::size_t at = i;
            i += 3;
            if (ends_here(text, begin, at, i, depth, quoted, opened_at, max_open, s)) return s;
            continue;
          }
        }
        ++i;
        continue;
      default: break;
    }
    // '.', '!' or '?'
    const std::size_t at = i;
    ++i;
    while (i < size && (byte_of(text[i]) == '.' || byte_of(text[i]) == '!' || byte_of(text[i]) == '?')) ++i;
    if (ends_here(text, begin, at, i, depth, quoted, opened_at, max_open, s)) return s;
  }
  s.end = trim_back(text, begin, size);
  s.limit = size;
  return s;
}

/// next_sentence for one call: a finder of its own.
template <class CharT>
constexpr sentence_span next_sentence(std::basic_string_view<CharT> text, std::size_t from) {
  sentence_stops<CharT> stops(text);
  return next_sentence(text, from, stops);
}

}  // namespace wikirel::detail

#endif
