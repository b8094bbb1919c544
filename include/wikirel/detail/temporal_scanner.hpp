#ifndef WIKIREL_DETAIL_TEMPORAL_SCANNER_HPP
#define WIKIREL_DETAIL_TEMPORAL_SCANNER_HPP

// The date recognizer's main loop. It walks the text once, stopping only at digits and at
// the few words that can head a date expression (months, seasons, ordinals, decade words,
// units of relative time); everything else costs a table lookup per word. At a stop it
// parses an atom, reads the modifiers before it, joins a second atom into a range, judges
// bare numbers by their neighbours and fills partial dates from the anchor.

#include "../date.hpp"
#include "temporal_atoms.hpp"
#include "temporal_context.hpp"
#include "temporal_relative.hpp"
#include "temporal_tokens.hpp"

#include <cstdint>

namespace wikirel::detail {

enum class scan_mode : std::uint8_t {
  text,      ///< sentences of an article: partial and relative dates use the anchor
  heading,   ///< section headings
  citation,  ///< citation date fields: "2011-03" is a month
};

template <class C>
struct scan_match {
  const C* begin = nullptr;
  const C* end = nullptr;
  period when;
  constexpr bool found() const noexcept { return begin != nullptr; }
};

/// Whether a known word can start a date expression (or, for units, end a relative one).
constexpr bool is_trigger(word_kind k) noexcept {
  return k == word_kind::month || k == word_kind::season || k == word_kind::ordinal ||
         k == word_kind::decade_word || k == word_kind::unit;
}

/// x is not earlier than y, comparing only the fields both know.
constexpr bool not_before(const date& x, const date& y) noexcept {
  if (x.year != y.year) return x.year > y.year;
  if (x.month == 0 || y.month == 0 || x.month != y.month) return x.month == 0 || y.month == 0 || x.month > y.month;
  if (x.day == 0 || y.day == 0) return true;
  return x.day >= y.day;
}

/// Looks like a URL, a file name, an ISBN or a DOI: nothing inside it is a date.
template <class C>
constexpr bool looks_like_identifier(const C* b, const C* e) noexcept {
  constexpr std::string_view suffixes[] = {"com", "org", "net", "edu", "gov", "html", "htm", "php", "asp", "aspx",
                                           "jpg", "jpeg", "png", "gif", "svg", "pdf", "tif", "tiff", "ogg", "xml"};
  int slashes = 0;
  int groups = 0;       // digit groups joined by single hyphens, so far
  int group_len[3] = {};
  int max_groups = 0;
  bool iso_shape = false;
  if (starts_with_ci(b, e, "doi:") || starts_with_ci(b, e, "www.") || starts_with_ci(b, e, "isbn")) return true;
  if (starts_with(b, e, "10.") && e - b > 4 && is_digit(byte_of(b[3]))) {
    for (const C* q = b; q < e; ++q)
      if (byte_of(*q) == '/') return true;
  }
  for (const C* q = b; q < e;) {
    const unsigned char c = byte_of(*q);
    if (c == '@' || c == '=' || c == '_' || c == '\\' || c == '|') return true;
    if (c == '/') {
      if (++slashes >= 2) return true;
      ++q;
      continue;
    }
    if (c == '.' && q + 1 < e && is_alpha(byte_of(q[1])) && q > b && is_alnum(byte_of(q[-1]))) {
      const C* w = q + 1;
      while (w < e && is_alpha(byte_of(*w))) ++w;
      for (std::string_view s : suffixes)
        if (equals_ci(q + 1, static_cast<std::size_t>(w - q - 1), s)) return true;
      q = w;
      continue;
    }
    if (is_digit(c)) {
      const C* d = q;
      while (d < e && is_digit(byte_of(*d))) ++d;
      const bool joined = q > b && byte_of(q[-1]) == '-' && q - 1 > b && is_digit(byte_of(q[-2]));
      groups = joined ? groups + 1 : 1;
      if (groups <= 3) group_len[groups - 1] = static_cast<int>(d - q);
      if (groups > max_groups) {
        max_groups = groups;
        iso_shape = groups == 3 && group_len[0] == 4 && group_len[1] == 2 && group_len[2] == 2;
      }
      q = d;
      continue;
    }
    ++q;
  }
  if (max_groups >= 4 || (max_groups == 3 && !iso_shape)) return true;  // "978-0-19-1945", "0-19-1945-X"
  return false;
}

template <class C>
class date_scanner {
 public:
  constexpr date_scanner(const C* first, const C* last, anchor_state& anchor, scan_mode mode) noexcept
      : r_{first, last}, parser_(r_, mode == scan_mode::citation), anchor_(anchor), mode_(mode), floor_(first) {}

  /// Calls emit(begin, end, period) for each date expression, in order; stops early when
  /// emit returns false.
  template <class F>
  constexpr void run(F&& emit) {
    const C* const first = r_.first;
    const C* const last = r_.last;
    const C* p = first;
    while (p < last) {
      const unsigned char c = byte_of(*p);
      scan_match<C> m;
      const C* next = p + 1;
      if (is_alpha(c)) {
        next = r_.word_end(p + 1);
        if (p == first || !(is_digit(byte_of(p[-1])) || r_.word_char_at(p - 1))) {
          const word_entry* entry = lookup_word(p, static_cast<std::size_t>(next - p));
          if (entry != nullptr && is_trigger(entry->kind)) m = at_word(r_.make_word(p, next));
        }
      } else if (is_digit(c)) {
        while (next < last && is_digit(byte_of(*next))) ++next;
        if (number_starts_at(p)) m = expression(r_.make_number(p, next));
      } else if ((c == '\'' || c == 0xE2) && last - p >= 2) {
        m = expression(r_.read(p));
      }
      if (m.found()) {
        floor_ = m.end;
        if (mode_ == scan_mode::text) anchor_.remember(m.when);
        if (!emit(m.begin, m.end, m.when)) return;
        p = m.end;
      } else {
        p = next;
      }
    }
  }

 private:
  token_reader<C> r_;
  atom_parser<C> parser_;
  anchor_state& anchor_;
  scan_mode mode_;
  const C* floor_;  ///< the end of the last match: modifiers are not read back past it
  // The white-space-delimited run last checked for looking like an identifier.
  const C* run_begin_ = nullptr;
  const C* run_end_ = nullptr;
  bool run_is_identifier_ = false;

  /// A digit run that is not the tail of "A380", "2,600" or "3.5".
  constexpr bool number_starts_at(const C* p) const noexcept {
    if (p == r_.first) return true;
    const unsigned char b = byte_of(p[-1]);
    if (is_alnum(b) || r_.word_char_at(p - 1)) return false;
    if ((b == ',' || b == '.' || b == ':') && p - 1 > r_.first && is_digit(byte_of(p[-2]))) return false;
    return true;
  }

  constexpr bool in_identifier(const C* p) {
    if (p >= run_begin_ && p < run_end_) return run_is_identifier_;
    const auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    const C* b = p;
    while (b > r_.first && !space(byte_of(b[-1]))) --b;
    const C* e = p;
    while (e < r_.last && !space(byte_of(*e))) ++e;
    run_begin_ = b;
    run_end_ = e;
    run_is_identifier_ = looks_like_identifier(b, e);
    return run_is_identifier_;
  }

  constexpr scan_match<C> at_word(const token<C>& t) {
    switch (t.entry->kind) {
      case word_kind::unit: {
        if (mode_ != scan_mode::text) return {};
        const relative_reader<C> rel(r_, floor_, anchor_);
        const relative_match<C> m = rel.around_unit(t);
        if (!m.found()) return {};
        return scan_match<C>{m.begin, m.end, m.when};
      }
      default: return expression(t);
    }
  }

  /// "twenty-first", "thirty-first": an ordinal word after a tens word and a hyphen.
  constexpr date_atom<C> parse_at(const token<C>& t) const noexcept {
    if (t.is(word_kind::number) && (t.entry->value == 20 || t.entry->value == 30)) {
      const token<C> dash = r_.read(t.end);
      if (dash.kind == token_kind::dash && dash.end - dash.begin == 1) {
        const token<C> o = r_.read(dash.end);
        if (o.is(word_kind::ordinal) && o.entry->value < 10)
          return parser_.parse_ordinal_end(t.begin, o.end, t.entry->value + o.entry->value);
      }
      return {};
    }
    if (t.is(word_kind::ordinal) && t.entry->value < 10) {
      const token<C> dash = r_.read_back(t.begin);
      if (dash.kind == token_kind::dash && dash.end - dash.begin == 1) {
        const token<C> tens = r_.read_back(dash.begin);
        if (tens.is(word_kind::number) && (tens.entry->value == 20 || tens.entry->value == 30) && tens.begin >= floor_)
          return parser_.parse_ordinal_end(tens.begin, t.end, tens.entry->value + t.entry->value);
      }
    }
    return parser_.parse(t);
  }

  constexpr scan_match<C> expression(const token<C>& t) {
    date_atom<C> a = parse_at(t);
    if (!a.valid() || a.kind == atom_kind::present) return {};
    const context_reader<C> cx(r_, floor_);
    const prefix_info<C> pi = cx.read_prefix(a);
    if (pi.era == era_ad && a.kind == atom_kind::number) {
      a.kind = atom_kind::date;
      a.year = static_cast<std::int32_t>(a.value);
      a.era = era_ad;
    }
    a.part = pi.part;
    date_atom<C> b;
    bool open = false;
    const C* end = a.end;
    join_range(a, b, open, end, pi, cx);
    return finish(a, b, open, end, pi, cx);
  }

  static constexpr void to_year(date_atom<C>& a, std::int32_t year) noexcept {
    a.kind = atom_kind::date;
    a.year = year;
  }

  /// Reads "–1945", " to 1991", " and 1953" (after "between"), "/42" after atom a into b.
  constexpr void join_range(date_atom<C>& a, date_atom<C>& b, bool& open, const C*& end, const prefix_info<C>& pi,
                            const context_reader<C>& cx) const noexcept {
    const token<C> sep = r_.next(a.end);
    const bool slash = sep.is_punct('/') && sep.begin == a.end;
    bool joiner = sep.kind == token_kind::dash || slash;
    if (sep.is(word_kind::prep)) {
      const std::uint8_t v = sep.entry->value;
      joiner = v == w_to || v == w_until || v == w_till || v == w_through || v == w_thru || (v == w_and && pi.between);
    }
    if (!joiner) return;
    token<C> t = r_.next(sep.end);
    if (sep.kind == token_kind::dash && (t.kind == token_kind::end || t.is_punct(')') || t.is_punct(']'))) {
      // "(1992–)": still going.
      date_atom<C> now;
      now.kind = atom_kind::present;
      now.begin = sep.begin;
      now.end = sep.end;
      if (combine(a, now, pi, cx)) {
        b = now;
        open = true;
        end = sep.end;
      }
      return;
    }
    std::uint8_t part = 0;
    bool approximate = false;
    for (int i = 0; i < 3; ++i) {
      if (t.is(word_kind::the)) {
        t = r_.next(t.end);
      } else if (t.is(word_kind::part)) {
        part = t.entry->value;
        const token<C> dash = r_.read(t.end);
        t = dash.kind == token_kind::dash ? r_.read(dash.end) : r_.next(t.end);
      } else if (t.is(word_kind::approx) && !t.is(word_kind::approx, a_about) && !t.is(word_kind::approx, a_around)) {
        const bool dotted = t.end < r_.last && byte_of(*t.end) == '.';
        if (t.is(word_kind::approx, a_c) && !dotted) break;
        approximate = true;
        t = r_.next(dotted ? t.end + 1 : t.end);
      } else {
        break;
      }
    }
    date_atom<C> second = parse_at(t);
    if (!second.valid()) return;
    if (second.kind == atom_kind::number && pi.era == no_era) {
      // "AD 9 – 14" keeps no era on the end; BC ranges need it written last.
      if (const C* e = cx.ad_before(t.begin); e != nullptr && e > sep.begin) {
        second.kind = atom_kind::date;
        second.year = static_cast<std::int32_t>(second.value);
        second.era = era_ad;
      }
    }
    second.part = part;
    second.approximate = approximate;
    if (slash && !(a.kind == atom_kind::number && a.digits == 4 && second.kind == atom_kind::number &&
                   (second.value == (a.value + 1) % 100 || second.value == a.value + 1)))
      return;
    if (!combine(a, second, pi, cx)) return;
    b = second;
    open = second.kind == atom_kind::present;
    end = second.end;
  }

  /// Makes a and b the two ends of one range, filling what the first leaves to the second
  /// ("3–5 May 1940", "May–June 1940", "264–146 BC"); false when they do not make one.
  constexpr bool combine(date_atom<C>& a, date_atom<C>& b, const prefix_info<C>& pi, const context_reader<C>& cx) const noexcept {
    const C* after = b.end;
    const auto year_number = [&](const date_atom<C>& n) {
      return n.kind == atom_kind::number && n.digits == 4 && n.value >= 1000 && n.value <= 2199;
    };
    const auto small_day = [&](const date_atom<C>& n) {
      return (n.kind == atom_kind::number || n.kind == atom_kind::ordinal) && n.value >= 1 && n.value < b.day &&
             (n.kind == atom_kind::ordinal || n.digits <= 2) && b.day_first;
    };
    switch (b.kind) {
      case atom_kind::present:
        if (a.kind == atom_kind::number) {
          if (!year_number(a) || !cx.is_year_number(a, pi, after, parser_)) return false;
          to_year(a, static_cast<std::int32_t>(a.value));
          return true;
        }
        return a.dated() || a.kind == atom_kind::decade || a.kind == atom_kind::hundreds || a.kind == atom_kind::century;
      case atom_kind::number:
        if (year_number(a) && a.era == no_era && (b.digits == 2 || year_number(b))) {
          if (!cx.is_year_number(a, pi, after, parser_)) return false;
          const std::int32_t y = static_cast<std::int32_t>(a.value);
          to_year(b, b.digits == 2 ? expand_two_digit_year(y, b.value) : static_cast<std::int32_t>(b.value));
          to_year(a, y);
        } else if (a.dated() && a.era == no_era && year_number(b)) {
          to_year(b, static_cast<std::int32_t>(b.value));
        } else {
          return false;
        }
        break;
      case atom_kind::date:
        if (b.dated()) {
          if (a.kind == atom_kind::number && b.era != no_era && b.month == 0 && b.season == 0 && a.digits <= 4 && a.value >= 1) {
            to_year(a, b.era == era_bc ? -static_cast<std::int32_t>(a.value) : static_cast<std::int32_t>(a.value));
            a.era = b.era;
          } else if (small_day(a) && b.day != 0) {
            to_day(a, b);
            a.year = b.year;
          } else if (year_number(a) && b.era == no_era) {
            if (!cx.is_year_number(a, pi, after, parser_)) return false;
            to_year(a, static_cast<std::int32_t>(a.value));
          } else if (a.partial()) {
            a.year = b.year;
            a.era = b.era;
            if ((a.month != 0 && b.month != 0 && a.month > b.month) || (a.season == winter && b.season != 0 && b.season != winter))
              a.year = add_years(b.year, -1);  // "December – January 1941"
          } else if (!a.dated()) {
            return false;
          }
        } else {
          if (small_day(a) && b.day != 0) {
            to_day(a, b);
          } else if (!a.partial()) {
            return false;
          }
          return true;  // both partial: the anchor fills them
        }
        break;
      case atom_kind::decade:
      case atom_kind::hundreds:
        if (a.kind != b.kind) return false;
        break;
      case atom_kind::century:
        if (a.kind == atom_kind::ordinal && a.value >= 1 && a.value <= 30) a.kind = atom_kind::century;
        if (a.kind != atom_kind::century) return false;
        if (a.era == no_era) a.era = b.era;
        break;
      default: return false;
    }
    date ab, ae, bb, be;
    a.span(ab, ae);
    b.span(bb, be);
    return not_before(be, ab) && not_before(bb, ab) && !(be == ab && bb == ab && ae == be);
  }

  static constexpr void to_day(date_atom<C>& a, const date_atom<C>& b) noexcept {
    a.kind = atom_kind::date;
    a.day = static_cast<std::uint8_t>(a.value);
    a.month = b.month;
    a.day_first = true;
  }

  /// Evidence that a lone month name is a month: "in June", "by early October", "that May".
  constexpr bool month_evidence(const date_atom<C>& a, const prefix_info<C>& pi) const noexcept {
    if (pi.part != 0 || pi.from || pi.between || pi.approximate) return true;
    const token<C>& w = pi.before;
    bool ok = w.is(word_kind::that) || w.is(word_kind::shift);
    if (w.is(word_kind::prep)) {
      switch (w.entry->value) {
        case w_in: case w_by: case w_on: case w_during: case w_until: case w_till: case w_since: case w_of:
        case w_through: case w_throughout: case w_before: case w_after: case w_last: case w_this: ok = true; break;
        default: break;
      }
    }
    if (!ok) return false;
    if (a.month == 4 || a.month == 5 || a.month == 6 || a.month == 8) {
      const token<C> n = r_.next(a.end);  // "in June Carter's", "by April Ashley"
      if (n.capitalized() && n.entry == nullptr) return false;
    }
    return true;
  }

  constexpr scan_match<C> finish(date_atom<C>& a, date_atom<C>& b, bool open, const C* end, const prefix_info<C>& pi,
                                 const context_reader<C>& cx) {
    const bool ranged = b.valid();
    if (a.needs_the && !pi.the_before) return {};
    if (a.kind == atom_kind::ordinal || a.kind == atom_kind::present) return {};
    if (!ranged && a.kind == atom_kind::number) {
      if (!cx.is_year_number(a, pi, a.end, parser_)) return {};
      to_year(a, static_cast<std::int32_t>(a.value));
    }
    if (a.kind == atom_kind::number) return {};
    bool inferred = false;
    if (a.partial()) {
      if (!ranged && a.season != 0) {
        if (mode_ != scan_mode::text) return {};
        const relative_reader<C> rel(r_, floor_, anchor_);
        const relative_match<C> m = rel.around_season(r_.read(a.begin));
        if (!m.found() || in_identifier(a.begin)) return {};
        return scan_match<C>{m.begin, m.end, m.when};
      }
      if (mode_ != scan_mode::text || !anchor_.has_year()) return {};
      if (!ranged && a.day == 0 && !month_evidence(a, pi)) return {};
      a.year = anchor_.year_for_month(a.month);
      inferred = true;
      if (ranged && b.partial()) {
        b.year = a.year;
        if (b.month != 0 && b.month < a.month) b.year = add_years(a.year, 1);
      }
    }
    if (in_identifier(a.begin)) return {};
    scan_match<C> m;
    m.begin = ranged ? pi.range_begin : pi.begin;
    m.end = end;
    date ae;
    a.span(m.when.begin, ae);
    m.when.end = ae;
    m.when.precision = a.date_precision();
    if (ranged) {
      if (open) {
        m.when.end = date{};
        m.when.open_end = true;
      } else {
        date bb;
        b.span(bb, m.when.end);
      }
    }
    // Early, mid and late are approximate; halves are not.
    const auto rough = [](std::uint8_t part) { return part >= p_early && part <= p_late; };
    m.when.approximate = pi.approximate || rough(pi.part) || a.approximate || (ranged && (b.approximate || rough(b.part)));
    m.when.inferred = inferred;
    return m;
  }
};

}  // namespace wikirel::detail

#endif
