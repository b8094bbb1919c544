#ifndef WIKIREL_DETAIL_TEMPORAL_CONTEXT_HPP
#define WIKIREL_DETAIL_TEMPORAL_CONTEXT_HPP

// What stands around a number decides whether it is a year: "in 1918" is, "1500 troops",
// "p. 1917", "$1945" and "Windows 2000" are not. This header reads the words before an
// atom (prepositions, modifiers such as "the early", "c.", "from", "between") and judges
// a bare number from them and from what follows it.

#include "compiler.hpp"
#include "temporal_atoms.hpp"
#include "temporal_tokens.hpp"

#include <cstdint>

namespace wikirel::detail {

/// Words that go on with a clause after a short year ("in 711 when", "in 800 his son"),
/// where a count would have its noun; at namespace scope, as a function's local constexpr
/// array is built on the stack at every call.
inline constexpr std::string_view clause_words[] = {"when", "his", "her", "its", "their", "he",
                                                    "she",  "it",  "they", "while", "as"};

/// The modifiers read backward from an atom, and the tokens that frame it.
template <class C>
struct prefix_info {
  const C* begin = nullptr;        ///< where the expression starts once modifiers are included
  const C* range_begin = nullptr;  ///< the same with "from" or "between", for ranges
  std::uint8_t part = 0;           ///< early, mid, late
  std::uint8_t era = no_era;       ///< "AD 9"
  bool approximate = false;
  bool circa = false;       ///< "c.", "ca.", "circa": a mark that only dates take
  bool year_word = false;   ///< "the year 800"
  bool the_before = false;  ///< "the" stands before the atom (included or not)
  bool from = false;
  bool between = false;
  bool pre_post = false;  ///< "pre-1945", "post-1945"
  token<C> adjacent;      ///< the token right before the atom
  token<C> before;        ///< the token right before `begin`
};

template <class C>
class context_reader {
 public:
  constexpr context_reader(token_reader<C> reader, const C* floor) noexcept : r_(reader), floor_(floor) {}

  /// Reads the modifiers before atom a, never reaching back past the previous match:
  /// "AD", "the year", "early"/"mid-"/"late", "the", "the middle of the", "c."/"about",
  /// and "from"/"between" (kept apart: they join only a range).
  constexpr prefix_info<C> read_prefix(const date_atom<C>& a) const noexcept {
    prefix_info<C> pi = blank<prefix_info<C>>();  // not zeroed in place: see blank()
    pi.adjacent = r_.prev(a.begin);
    back_cursor at{a.begin, pi.adjacent};
    const bool numeric = is_digit(byte_of(*a.begin));
    if (numeric && (a.kind == atom_kind::number || (a.kind == atom_kind::date && a.era == no_era && a.month == 0))) {
      if (const C* e = ad_before(at.p); e != nullptr && e >= floor_) {
        pi.era = era_ad;
        step(at, e);
      }
      if (at.prev.is(word_kind::unit, u_year) && at.prev.begin >= floor_) {  // "the year 800"
        pi.year_word = true;
        step(at, at.prev.begin);
      }
    }
    read_part(at, pi);
    // "the end of 1944", "the beginning of May 1940", "the early months of 1647".
    const bool whole_year_or_month = a.kind == atom_kind::number || (a.kind == atom_kind::date && a.day == 0);
    if (pi.part == 0 && whole_year_or_month && at.prev.is(word_kind::prep, w_of)) {
      if (const C* q = part_phrase(at.prev, pi.part); q != nullptr) step(at, q);
    }
    if (at.prev.is(word_kind::the)) {
      pi.the_before = true;
      if (takes_the(a, pi) && at.prev.begin >= floor_) {
        step(at, at.prev.begin);
        const bool long_span =
            a.kind == atom_kind::century || a.kind == atom_kind::millennium || a.kind == atom_kind::decade ||
            a.kind == atom_kind::hundreds;
        if (pi.part == 0 && long_span && at.prev.is(word_kind::prep, w_of)) {
          if (const C* q = part_phrase(at.prev, pi.part); q != nullptr) step(at, q);
        }
      }
    }
    if (const C* q = approx_before(at.prev); q != nullptr && q >= floor_) {
      pi.approximate = true;
      pi.circa = at.prev.is(word_kind::approx, a_c) || at.prev.is(word_kind::approx, a_ca) ||
                 at.prev.is(word_kind::approx, a_circa) || at.prev.is_punct('.');
      step(at, q);
    }
    pi.begin = pi.range_begin = at.p;
    pi.before = at.prev;
    if (at.prev.begin >= floor_) {
      pi.from = at.prev.is(word_kind::prep, w_from);
      pi.between = at.prev.is(word_kind::between);
      if (pi.from || pi.between) pi.range_begin = at.prev.begin;
    }
    return pi;
  }

  /// "the middle of", "the end of", "the first half of" before "the 19th century": sets the
  /// part and returns where the phrase starts, or nullptr.
  constexpr const C* part_phrase(const token<C>& of, std::uint8_t& part) const noexcept {
    token<C> w = r_.prev(of.begin);
    std::uint8_t found = 0;
    if (w.is(word_kind::part, p_mid)) {
      found = p_mid;
    } else if (w.is(word_kind::boundary, b_end)) {
      found = p_late;
    } else if (w.is(word_kind::boundary, b_beginning)) {
      found = p_early;
    } else if (w.is(word_kind::unit, u_month | unit_plural) || w.is(word_kind::unit, u_week | unit_plural)) {
      // "the early months of", "the last weeks of", "the first months of"
      const token<C> o = r_.prev(w.begin);
      if (o.is(word_kind::part, p_early) || o.is(word_kind::ordinal, 1)) found = p_early;
      if (o.is(word_kind::part, p_late) || o.is(word_kind::prep, w_last) ||
          (o.kind == token_kind::word && equals_ci(o.begin, o.size(), "final")))
        found = p_late;
      if (found != 0) w = o;
    } else if (w.kind == token_kind::word && equals_ci(w.begin, w.size(), "half")) {
      const token<C> o = r_.prev(w.begin);
      if (o.is(word_kind::ordinal, 1)) found = p_first_half;
      if (o.is(word_kind::ordinal, 2) || (o.kind == token_kind::word && equals_ci(o.begin, o.size(), "latter")))
        found = p_second_half;
      if (found != 0) w = o;
    }
    if (found == 0) return nullptr;
    const token<C> the = r_.prev(w.begin);
    const C* start = the.is(word_kind::the) ? the.begin : w.begin;
    if (start < floor_) return nullptr;
    part = found;
    return start;
  }

  /// "the" belongs to decades, centuries, seasons, "the 25th of December" and "the year";
  /// in "the 1949 treaty" it belongs to the treaty.
  static constexpr bool takes_the(const date_atom<C>& a, const prefix_info<C>& pi) noexcept {
    switch (a.kind) {
      case atom_kind::decade:
      case atom_kind::hundreds:
      case atom_kind::century:
      case atom_kind::millennium:
      case atom_kind::ordinal: return true;
      case atom_kind::date: return a.season != 0 || (a.day_first && a.day != 0 && ordinal_day(a)) || pi.year_word;
      case atom_kind::number: return pi.year_word;
      default: return false;
    }
  }

  /// "the 25th of December": the day was written as an ordinal.
  static constexpr bool ordinal_day(const date_atom<C>& a) noexcept {
    const C* p = a.begin;
    while (p < a.end && is_digit(byte_of(*p))) ++p;
    return p == a.begin || (p < a.end && is_alpha(byte_of(*p)));
  }

  /// "AD 9", "A.D. 9": where the era mark before p starts, or nullptr.
  constexpr const C* ad_before(const C* p) const noexcept {
    const C* q = r_.skip_space_back(p);
    if (q - p > 0) return nullptr;
    const auto bounded = [&](const C* b) { return b == r_.first || !is_alnum(byte_of(b[-1])); };
    if (q - r_.first >= 4 && starts_with(q - 4, q, "A.D.") && bounded(q - 4)) return q - 4;
    if (q - r_.first >= 2 && starts_with(q - 2, q, "AD") && bounded(q - 2)) return q - 2;
    return nullptr;
  }

  /// Where an approximation mark ending with token prev starts ("c.", "ca.", "circa",
  /// "about", "sometime in", "some time in"), or nullptr.
  constexpr const C* approx_before(const token<C>& prev) const noexcept {
    if (prev.is_punct('.')) {
      const token<C> w = r_.read_back(prev.begin);
      if (w.is(word_kind::approx, a_c) || w.is(word_kind::approx, a_ca)) return w.begin;
      return nullptr;
    }
    if (prev.is(word_kind::approx)) return prev.is(word_kind::approx, a_c) ? nullptr : prev.begin;
    if (prev.is(word_kind::prep, w_in) || prev.is(word_kind::prep, w_during)) {
      // Only "sometime in" and "some time in" qualify: check the bytes before reading.
      const C* q = r_.skip_space_back(prev.begin);
      if (q - r_.first < 4 || !equals_ci(q - 4, 4, "time")) return nullptr;
      const token<C> w = r_.prev(prev.begin);
      if (w.is(word_kind::sometime)) return w.begin;
      if (w.is(word_kind::time) && r_.prev(w.begin).is(word_kind::some)) return r_.prev(w.begin).begin;
    }
    return nullptr;
  }

  /// Prepositions after which a number that counts something is still a year: "in 1945
  /// elections were held". Not "by", "of", "from": "reinforced by 1500 troops".
  static constexpr bool dating_preposition(const token<C>& t) noexcept {
    if (t.entry->kind == word_kind::none || t.entry->kind != word_kind::prep) return false;
    switch (t.entry->value) {
      case w_in:
      case w_since:
      case w_during:
      case w_until:
      case w_till:
      case w_after:
      case w_before:
      case w_through:
      case w_throughout: return true;
      default: return false;
    }
  }

  /// Context that makes a number a year even before a noun: "in 1945 elections were held".
  static constexpr bool dating_context(const prefix_info<C>& pi) noexcept {
    return pi.year_word || pi.circa || pi.pre_post || pi.part != 0 || pi.era != no_era || dating_preposition(pi.before);
  }

  /// Whether a bare number (no era) at atom a is a year. `after` is where the whole
  /// expression ends: a range of years is a count when a noun follows it ("1500–2000 troops").
  constexpr bool is_year_number(const date_atom<C>& a, const prefix_info<C>& pi, const C* after,
                                const atom_parser<C>& parser) const noexcept {
    const std::uint32_t n = a.value, d = a.digits;
    if (pi.era != no_era) return d <= 4 && n >= 1;
    const bool strong = dating_context(pi);
    if (pi.year_word) {
      if (d > 4 || n < 1 || n > 2199) return false;
    } else if (d == 4) {
      if (n < 1000 || n > 2199) return false;
    } else if (d == 3) {
      // "in 476," "c. 800": short years only where nothing else fits.
      if (n < 100) return false;
      const bool prep = pi.before.is(word_kind::prep, w_in) || pi.before.is(word_kind::prep, w_since) ||
                        pi.before.is(word_kind::prep, w_until) || pi.before.is(word_kind::prep, w_till);
      if (!pi.circa && !(prep && (sentence_punct_after(after) || clause_goes_on(after)))) return false;
    } else {
      return false;
    }
    if (!pi.year_word && !pi.circa && bad_neighbours(a, pi)) return false;
    const token<C> next = r_.next(after);
    if ((!strong || pi.circa) && parser.counts_something(next)) return false;
    if (parser.hyphenated_measure(after)) return false;
    return !street_after(next);
  }

  /// What stands right before a number that makes it no year: "$1945", "A380", "No. 1945",
  /// "p. 1917", "Windows 2000", "some 1500", "[1917]", "B-1945", the end of "pp. 17–1945".
  constexpr bool bad_neighbours(const date_atom<C>& a, const prefix_info<C>& pi) const noexcept {
    const token<C>& adj = pi.adjacent;
    const bool touching = adj.kind != token_kind::end && adj.end == a.begin;
    if (adj.kind == token_kind::word) {
      if (touching) return true;  // "A380", "M1917"
      return bad_word_before(adj);
    }
    if (adj.kind == token_kind::dash) {
      const token<C> w = r_.prev(adj.begin);
      if (w.kind == token_kind::number) return true;  // the end of a range rejected as a whole
      if (touching && w.kind == token_kind::word && w.end == adj.begin && !w.is(word_kind::part) &&
          !equals_ci(w.begin, w.size(), "pre") && !equals_ci(w.begin, w.size(), "post"))
        return true;  // "B-1945", "Tu-1945"
      return false;
    }
    if (adj.kind != token_kind::punct) return false;
    const unsigned char c = adj.ch;
    if (c == '$' || c == '#' || c == 0xC2 || c == 0xE2) {  // "$", "#", "£", "¥", "€", "₹", "№"
      if (c == '$' || c == '#') return true;
      const std::size_t n = adj.size();
      if (n == 2 && (byte_of(adj.begin[1]) == 0xA3 || byte_of(adj.begin[1]) == 0xA5)) return true;
      if (n == 3 && byte_of(adj.begin[1]) == 0x82 && (byte_of(adj.begin[2]) == 0xAC || byte_of(adj.begin[2]) == 0xB9))
        return true;
      if (n == 3 && byte_of(adj.begin[1]) == 0x84 && byte_of(adj.begin[2]) == 0x96) return true;
      return false;
    }
    if (touching && (c == ',' || c == '.' || c == ':' || c == '/') && adj.begin > r_.first &&
        is_digit(byte_of(adj.begin[-1])))
      return true;  // the tail of "2,600", "3.1945", "10:45", "3/1945"
    if (c == '[' && a.end < r_.last && byte_of(*a.end) == ']') return true;  // a citation marker
    if (c == '.' || c == ':') {
      const token<C> w = r_.read_back(adj.begin);
      if (w.is(word_kind::neg_before) || w.is(word_kind::id_prefix)) return true;  // "No. 4", "ISBN: 1945"
    }
    return false;
  }

  constexpr bool bad_word_before(const token<C>& w) const noexcept {
    if (w.entry->kind == word_kind::none) return false;
    switch (w.entry->kind) {
      case word_kind::neg_before: return w.entry->value == 0;  // "No", "Art" need their dot
      case word_kind::product:
      case word_kind::id_prefix:
      case word_kind::quantity_before: return true;
      case word_kind::prep:
        if (w.entry->value == w_than) {  // "more than 1500", but "no later than 1945"
          const token<C> v = r_.prev(w.begin);
          return !(v.is(word_kind::later) || v.is(word_kind::prep, w_before));
        }
        if (w.entry->value == w_of) {  // "a force of 2000", but "the army of 1815"
          const token<C> noun = r_.prev(w.begin);
          if (!noun.is(word_kind::quantity_noun)) return false;
          return !r_.prev(noun.begin).is(word_kind::the);
        }
        return false;
      case word_kind::some: return true;  // "some 1500 men"
      default: return false;
    }
  }

  /// "1600 Pennsylvania Avenue".
  constexpr bool street_after(token<C> t) const noexcept {
    if (t.kind != token_kind::word || !t.capitalized()) return false;
    if (t.is(word_kind::street)) return true;
    t = r_.next(t.end);
    return t.is(word_kind::street);
  }

  /// "in 800 the emperor", "in 843 by the treaty", "in 934 or 935", "in 711 when": what
  /// follows a short year after "in" and never a count ("in 500 cases", "in 300 years").
  constexpr bool clause_goes_on(const C* p) const noexcept {
    const token<C> t = r_.next(p);
    if (t.is(word_kind::the)) return true;
    if (t.is(word_kind::prep, w_and) || t.is(word_kind::prep, w_or)) {
      // "in 934 or 935.", "in 793 and again in 795"; not "in 500 and 600 cases", "in 200 or more"
      const token<C> u = r_.next(t.end);
      if (u.kind == token_kind::number) return u.digits >= 3 && sentence_punct_after(u.end);
      return u.is(word_kind::prep, w_in) || (u.kind == token_kind::word && equals_ci(u.begin, u.size(), "again"));
    }
    if (t.is(word_kind::prep)) {
      const std::uint8_t v = t.entry->value;
      return v == w_by || v == w_after || v == w_before || v == w_at || v == w_on || v == w_during || v == w_until;
    }
    if (t.kind != token_kind::word || t.capitalized()) return false;
    for (std::string_view w : clause_words)
      if (equals_ci(t.begin, t.size(), w)) return true;
    return false;
  }

  /// "in 476," — a short number closing a clause.
  constexpr bool sentence_punct_after(const C* p) const noexcept {
    const token<C> t = r_.next(p);
    if (t.kind == token_kind::end) return true;
    return t.is_punct(',') || t.is_punct('.') || t.is_punct(';') || t.is_punct(')') || t.is_punct(':');
  }

 private:
  token_reader<C> r_;
  const C* floor_;

  /// Where the expression starts so far, and the token before that.
  struct back_cursor {
    const C* p;
    token<C> prev;
  };

  constexpr void step(back_cursor& at, const C* p) const noexcept {
    at.p = p;
    at.prev = r_.prev(p);
  }

  /// "mid-1950s", "early 1917", "the late 18th century"; notes "pre-1945" and "post-1945".
  constexpr void read_part(back_cursor& at, prefix_info<C>& pi) const noexcept {
    if (at.prev.kind == token_kind::dash && at.prev.end == at.p) {
      const token<C> w = r_.read_back(at.prev.begin);
      if (w.kind == token_kind::word && (equals_ci(w.begin, w.size(), "pre") || equals_ci(w.begin, w.size(), "post")))
        pi.pre_post = true;  // "pre-1945 borders": not a count
      if (w.is(word_kind::part) && w.begin >= floor_) {
        pi.part = w.entry->value;
        step(at, w.begin);
      }
    } else if (at.prev.is(word_kind::part) && at.prev.begin >= floor_) {
      pi.part = at.prev.entry->value;
      step(at, at.prev.begin);
    }
  }
};

}  // namespace wikirel::detail

#endif
