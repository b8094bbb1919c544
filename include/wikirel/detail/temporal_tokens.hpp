#ifndef WIKIREL_DETAIL_TEMPORAL_TOKENS_HPP
#define WIKIREL_DETAIL_TEMPORAL_TOKENS_HPP

// The date recognizer's view of text: words, numbers, dashes and single punctuation
// marks, read forward or backward from any position on demand. Nothing is tokenised
// ahead of time; the recognizer only looks a few tokens around a candidate.

#include "chars.hpp"
#include "temporal_words.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <cstdint>

namespace wikirel::detail {

enum class token_kind : std::uint8_t { end, word, number, dash, punct };

template <class C>
struct token {
  token_kind kind = token_kind::end;
  const C* begin = nullptr;
  const C* end = nullptr;
  const word_entry* entry = &no_word;  ///< the known word (&no_word when none)
  std::uint32_t value = 0;            ///< a number's value (saturates past nine digits)
  std::uint32_t digits = 0;           ///< a number's digit count
  unsigned char ch = 0;               ///< the first byte of punctuation

  constexpr bool is(word_kind kind_) const noexcept { return entry->kind == kind_; }
  constexpr bool is(word_kind kind_, std::uint8_t value_) const noexcept { return is(kind_) && entry->value == value_; }
  constexpr bool is_punct(char c) const noexcept { return kind == token_kind::punct && ch == byte_of(c); }
  constexpr bool capitalized() const noexcept { return kind == token_kind::word && is_upper(byte_of(*begin)); }
  constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(end - begin); }
};

/// A two-byte UTF-8 letter lead (U+00C0..U+07FF: Latin, Greek, Cyrillic...), read as part
/// of a word so that "Marché" is not "March" followed by punctuation.
constexpr bool is_letter_lead(unsigned char b) noexcept { return b >= 0xC3 && b <= 0xDF; }

/// Forward and backward token reading over [first, last).
template <class C>
struct token_reader {
  const C* first;
  const C* last;

  /// Space, tab, newline or a no-break space at p; returns its length or 0.
  constexpr int space_at(const C* p) const noexcept {
    const unsigned char c = byte_of(*p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c >= 0x80) return nbsp_length(p, last);
    return 0;
  }

  constexpr const C* skip_space(const C* p) const noexcept {
    while (p < last) {
      const int n = space_at(p);
      if (n == 0) break;
      p += n;
    }
    return p;
  }

  /// Past the word starting at p: ASCII letters and two-byte letters.
  constexpr const C* word_end(const C* p) const noexcept {
    while (p < last) {
      const unsigned char c = byte_of(*p);
      if (is_alpha(c)) {
        ++p;
      } else if (is_letter_lead(c) && last - p >= 2 && (byte_of(p[1]) & 0xC0) == 0x80) {
        p += 2;
      } else {
        break;
      }
    }
    return p;
  }

  constexpr bool word_char_at(const C* p) const noexcept {
    if (p < first || p >= last) return false;
    const unsigned char c = byte_of(*p);
    if (is_alpha(c)) return true;
    if (is_letter_lead(c)) return true;
    // A continuation byte whose lead is a letter lead.
    return (c & 0xC0) == 0x80 && p > first && is_letter_lead(byte_of(p[-1]));
  }

  constexpr token<C> make_word(const C* b, const C* e) const noexcept {
    token<C> t;
    t.kind = token_kind::word;
    t.begin = b;
    t.end = e;
    t.entry = lookup_word(b, static_cast<std::size_t>(e - b));
    return t;
  }

  constexpr token<C> make_number(const C* b, const C* e) const noexcept {
    token<C> t;
    t.kind = token_kind::number;
    t.begin = b;
    t.end = e;
    t.digits = static_cast<std::uint32_t>(e - b);
    std::uint32_t v = 0;
    for (const C* p = b; p < e && p - b < 9; ++p) v = v * 10 + static_cast<std::uint32_t>(byte_of(*p) - '0');
    t.value = t.digits > 9 ? 0xFFFFFFFFu : v;
    return t;
  }

  /// The token that starts at p (no space skipping).
  constexpr token<C> read(const C* p) const noexcept {
    token<C> t;
    if (p >= last) {
      t.begin = t.end = last;
      return t;
    }
    const unsigned char c = byte_of(*p);
    if (is_digit(c)) {
      const C* e = p;
      while (e < last && is_digit(byte_of(*e))) ++e;
      return make_number(p, e);
    }
    if (is_alpha(c) || (is_letter_lead(c) && last - p >= 2 && (byte_of(p[1]) & 0xC0) == 0x80))
      return make_word(p, word_end(p));
    t.begin = p;
    t.ch = c;
    if (const int n = dash_length(p, last)) {
      t.kind = token_kind::dash;
      t.end = p + n;
      return t;
    }
    t.kind = token_kind::punct;
    if (c < 0x80) {
      t.end = p + 1;
    } else {
      char32_t cp = 0;
      t.end = p + decode_utf8(p, last, cp);
    }
    return t;
  }

  /// The next token at or after p, skipping space.
  constexpr token<C> next(const C* p) const noexcept { return read(skip_space(p)); }

  /// Where the space before p starts (p itself when none).
  constexpr const C* skip_space_back(const C* p) const noexcept {
    while (p > first) {
      const unsigned char c = byte_of(p[-1]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        --p;
      } else if (p - first >= 2 && nbsp_length(p - 2, last) == 2) {
        p -= 2;
      } else if (p - first >= 3 && nbsp_length(p - 3, last) == 3) {
        p -= 3;
      } else {
        break;
      }
    }
    return p;
  }

  // Backward reads stop after this many units: no keyword is longer, and a bound keeps
  // lookbehind constant-time however long the word or number before it is.
  static constexpr std::ptrdiff_t back_limit = 24;

  /// The token that ends right before p (no space skipping); kind end at the start.
  constexpr token<C> read_back(const C* p) const noexcept {
    token<C> t;
    if (p <= first) {
      t.begin = t.end = first;
      return t;
    }
    const unsigned char c = byte_of(p[-1]);
    if (is_digit(c)) {
      const C* b = p - 1;
      while (b > first && p - b < back_limit && is_digit(byte_of(b[-1]))) --b;
      return make_number(b, p);
    }
    if (word_char_at(p - 1)) {
      const C* b = p;
      while (b > first && p - b < back_limit && word_char_at(b - 1)) --b;
      if ((byte_of(*b) & 0xC0) == 0x80) ++b;  // never start inside a code point
      token<C> w = make_word(b, p);
      if (b > first && word_char_at(b - 1)) w.entry = &no_word;  // longer than the limit: not a keyword
      return w;
    }
    if (c == '-') {
      t.kind = token_kind::dash;
      t.begin = p - 1;
      t.end = p;
      t.ch = c;
      return t;
    }
    // A multi-byte character: find its lead byte.
    const C* b = p - 1;
    while (b > first && p - b < 4 && (byte_of(*b) & 0xC0) == 0x80) --b;
    t.begin = b;
    t.end = p;
    t.ch = byte_of(*b);
    t.kind = dash_length(b, p) == p - b ? token_kind::dash : token_kind::punct;
    return t;
  }

  /// The token before p, skipping space.
  constexpr token<C> prev(const C* p) const noexcept { return read_back(skip_space_back(p)); }
};

}  // namespace wikirel::detail

#endif
