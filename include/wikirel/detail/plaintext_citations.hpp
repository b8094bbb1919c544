#ifndef WIKIREL_DETAIL_PLAINTEXT_CITATIONS_HPP
#define WIKIREL_DETAIL_PLAINTEXT_CITATIONS_HPP

// The entries of a plain-text reference list, read for what can be recognised: most are
// renderings of cite templates ("Author (2004). "Title". Work. Retrieved 3 May 2019."),
// so their shape gives title, authors, date, work, pages, URL, DOI and ISBN back.

#include "../temporal.hpp"
#include "builder.hpp"
#include "chars.hpp"
#include "plaintext_lines.hpp"
#include "scan.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

template <class CharT, class Storage>
class plain_citation_reader {
 public:
  using builder_type = builder<CharT, Storage>;
  using view_type = std::basic_string_view<CharT>;

  constexpr explicit plain_citation_reader(builder_type& b) noexcept : b_(b) {}

  constexpr void read_all() {
    for (std::uint32_t i = 0; i < b_.data().citations.size(); ++i) {
      if (!b_.citation(i).defined()) {
        b_.citation(i).text = {};  // a marker with no entry
        continue;
      }
      if (b_.citation(i).kind != citation_kind::plain) continue;
      b_.citation(i).text = entry_text(b_.citation(i));
      read_fields(i);
    }
  }

 private:
  /// The entry's text: as it stands, or joined into one line when it was wrapped.
  constexpr text_ref entry_text(const citation_record& c) {
    const CharT* first = b_.source().data() + c.text.offset;
    const CharT* last = first + c.text.length;
    trim(first, last);
    if (find_break(first, last) == last) return b_.source_ref(first, last);
    const std::uint32_t start = b_.begin_run();
    bool space = false;
    for (const CharT* p = first; p < last; ++p) {
      if (is_space(byte_of(*p))) {
        space = true;
        continue;
      }
      if (space) b_.arena_push(CharT(' '));
      space = false;
      b_.arena_push(*p);
    }
    return b_.arena_ref(start);
  }

  static constexpr const CharT* find_break(const CharT* p, const CharT* last) noexcept {
    while (p < last && byte_of(*p) != '\n' && byte_of(*p) != '\r') ++p;
    return p;
  }

  /// A part of the entry's text as a text_ref of the same kind (input or arena).
  constexpr text_ref part(text_ref whole, view_type text, const CharT* first, const CharT* last) const noexcept {
    trim(first, last);
    if (last <= first) return {};
    return {whole.offset + static_cast<std::uint32_t>(first - text.data()), static_cast<std::uint32_t>(last - first),
            whole.derived};
  }

  constexpr void read_fields(std::uint32_t i) {
    const text_ref whole = b_.citation(i).text;
    const view_type t = b_.resolve(whole);
    const CharT* first = t.data();
    const CharT* last = first + t.size();
    citation_record& c = b_.citation(i);
    c.url = token_after(whole, t, first, last, "http://", true);
    if (c.url.empty()) c.url = token_after(whole, t, first, last, "https://", true);
    c.doi = token_after(whole, t, first, last, "doi:", false);
    c.isbn = isbn(whole, t, first, last);
    c.access_date = after_retrieved(whole, t, first, last);
    if (!read_short_form(i, c, whole, t, first, last)) read_shape(i, c, whole, t, first, last);
  }

  /// "Halloran 1999, p. 12.", "Marek & Lindqvist 2011, pp. 145–150.", "Smith 2001.": a
  /// short citation as {{sfn}} shows it. Reads authors, year and pages; false for other shapes.
  constexpr bool read_short_form(std::uint32_t i, citation_record& c, text_ref whole, view_type t, const CharT* first,
                                 const CharT* last) {
    if (last - first > 120) return false;
    const CharT* y = first + 1;
    while (y < last && !(is_digit(byte_of(*y)) && byte_of(y[-1]) == ' ')) ++y;
    const CharT* ye = y;
    while (ye < last && is_digit(byte_of(*ye))) ++ye;
    if (ye - y != 4) return false;
    const CharT* date_end = ye;
    if (ye < last && is_lower(byte_of(*ye))) ++ye;  // "2001a"
    const CharT* names_end = y - 1;  // "Halloran 1999": a space, no comma, before the year
    if (names_end <= first || byte_of(names_end[-1]) == ',' || !names_only(first, names_end) ||
        !surnames(first, names_end))
      return false;
    const CharT* rest = ye;
    while (rest < last && (byte_of(*rest) == ',' || byte_of(*rest) == ':' || is_blank(byte_of(*rest)))) ++rest;
    const bool pages_follow = starts_with(rest, last, "p.") || starts_with(rest, last, "pp.") || is_digit(byte_of(*rest));
    if (rest < last && !pages_follow && !(byte_of(*rest) == '.' && skip_blanks(rest + 1, last) == last)) return false;
    for (const CharT* p = first; p < names_end;) {  // "Marek & Lindqvist", "Marek, Lindqvist and Dunne"
      const CharT* e = p;
      while (e < names_end && byte_of(*e) != '&' && byte_of(*e) != ',' && !starts_with(e, names_end, " and ")) ++e;
      const CharT* a = p;
      const CharT* z = e;
      trim(a, z);
      if (a < z && !equals_ci(a, static_cast<std::size_t>(z - a), "et al.")) b_.add_author(i, part(whole, t, a, z));
      p = e + (starts_with(e, names_end, " and ") ? 5 : 1);
    }
    c.date_text = part(whole, t, y, ye);
    c.when = parse_date(view_type(y, static_cast<std::size_t>(date_end - y)));
    c.pages = rest < last && pages_follow ? pages(whole, t, first, last) : text_ref{};
    if (c.pages.empty() && rest < last && is_digit(byte_of(*rest))) c.pages = part(whole, t, rest, pages_end(rest, last));
    return true;
  }

  /// The run of non-space text starting with (or after) `key`, without final punctuation.
  constexpr text_ref token_after(text_ref whole, view_type t, const CharT* first, const CharT* last,
                                 std::string_view key, bool include_key) const noexcept {
    const CharT* at = find_ci(first, last, key);
    if (at == last) return {};
    const CharT* start = include_key ? at : skip_blanks(at + key.size(), last);
    const CharT* end = start;
    while (end < last && !is_space(byte_of(*end))) ++end;
    while (end > start && (byte_of(end[-1]) == '.' || byte_of(end[-1]) == ',' || byte_of(end[-1]) == ';')) --end;
    return part(whole, t, start, end);
  }

  constexpr text_ref isbn(text_ref whole, view_type t, const CharT* first, const CharT* last) const noexcept {
    const CharT* at = find_ci(first, last, "isbn");
    if (at == last) return {};
    const CharT* p = at + 4;
    while (p < last && (is_blank(byte_of(*p)) || byte_of(*p) == ':' || byte_of(*p) == '-')) ++p;
    const CharT* end = p;
    while (end < last && (is_digit(byte_of(*end)) || byte_of(*end) == '-' || byte_of(*end) == 'X' || byte_of(*end) == ' ') &&
           !(byte_of(*end) == ' ' && (end + 1 >= last || !is_digit(byte_of(end[1])))))
      ++end;
    return end - p >= 10 ? part(whole, t, p, end) : text_ref{};
  }

  /// "Retrieved 3 May 2019." / "accessdate: 23 June 2016".
  constexpr text_ref after_retrieved(text_ref whole, view_type t, const CharT* first, const CharT* last) const noexcept {
    for (std::string_view key : {std::string_view("retrieved "), std::string_view("accessed "),
                                 std::string_view("accessdate: "), std::string_view("access date: ")}) {
      const CharT* at = find_ci(first, last, key);
      if (at == last) continue;
      const CharT* start = at + key.size();
      const CharT* end = start;
      while (end < last && byte_of(*end) != '.' && byte_of(*end) != ')' && byte_of(*end) != ';') ++end;
      return part(whole, t, start, end);
    }
    return {};
  }

  /// The CS1 shape: Authors (Date). "Title". Work. Publisher. p. N.
  constexpr void read_shape(std::uint32_t i, citation_record& c, text_ref whole, view_type t, const CharT* first, const CharT* last) {
    const CharT* title_end = first;
    const CharT* open = quoted(first, last, c.title, whole, t, title_end);
    const CharT* paren = find_byte(first, open ? open : last, '(');
    const CharT* after_date = first;
    if (paren < (open ? open : last)) {
      const CharT* close = find_byte(paren, last, ')');
      const date d = close < last ? parse_date(view_type(paren + 1, static_cast<std::size_t>(close - paren - 1))) : date{};
      if (d.valid()) {
        c.when = d;
        c.date_text = part(whole, t, paren + 1, close);
        authors(i, whole, t, first, paren);
        after_date = close + 1;
      } else if (close < last && equals_ci(paren + 1, static_cast<std::size_t>(close - paren - 1), "n.d.")) {
        authors(i, whole, t, first, paren);  // "Smith, John (n.d.)": no date, but the authors
        after_date = close + 1;
      }
      // "(2012) [1950]": the first edition's year is no title.
      const CharT* s = skip_blanks(after_date, last);
      if (after_date > first && s < last && byte_of(*s) == '[') {
        const CharT* e = find_byte(s, last, ']');
        if (e < last) after_date = e + 1;
      }
    } else if (open && open > first && c.author_count == 0) {
      // "Smith, John. "Title"": names before a quoted title, with no date between.
      const CharT* z = open;
      while (z > first && (is_blank(byte_of(z[-1])) || byte_of(z[-1]) == '.' || byte_of(z[-1]) == ',')) --z;
      if (names_only(first, z)) authors(i, whole, t, first, z);
    }
    if (!open && c.title.empty() && after_date > first) {
      // A book: the title is the sentence after the date.
      const CharT* s = skip_blanks(after_date, last);
      if (s < last && byte_of(*s) == '.') s = skip_blanks(s + 1, last);
      const CharT* e = sentence_end(s, last);
      c.title = part(whole, t, s, e);
      title_end = e;
    }
    if (!c.title.empty()) {
      // After a quoted title the work, then a publisher; after a book's title its publisher.
      const CharT* s = next_part(title_end, last);
      const CharT* e = sentence_end(s, last);
      if (names_a_source(s, e) && open) {
        c.work = part(whole, t, s, e);
        s = next_part(e, last);
        e = sentence_end(s, last);
      }
      if (names_a_source(s, e) && (!open || !c.work.empty()) && publisher_like(s, e))
        c.publisher = part(whole, t, without_place(s, e), before_pages(s, e));
    }
    if (!c.when.valid()) dated_sentence(c, whole, t, first, last, open, title_end);
    c.pages = pages(whole, t, first, last);
  }

  /// Where the entry's next part starts after p: past punctuation, a closing quote, notes
  /// in parentheses ("(PDF)", "(Press release)", "(2nd ed.)") and a volume or issue.
  static constexpr const CharT* next_part(const CharT* p, const CharT* last) noexcept {
    for (;;) {
      while (p < last && (byte_of(*p) == '.' || byte_of(*p) == ',' || is_blank(byte_of(*p)) || closing(p, last)))
        p += closing(p, last) ? 3 : 1;
      if (p < last && byte_of(*p) == '(') {
        const CharT* close = find_byte(p, last, ')');
        if (close == last) return p;
        p = close + 1;
      } else if (const std::size_t n = volume_word(p, last)) {
        p = skip_blanks(p + n, last);
        while (p < last && (is_digit(byte_of(*p)) || is_upper(byte_of(*p)))) ++p;  // "2", "IV"
      } else {
        return p;
      }
    }
  }

  /// Text that can be a list of names: short, no figures, no brackets or quotes.
  static constexpr bool names_only(const CharT* s, const CharT* e) noexcept {
    if (e <= s || e - s > 120) return false;
    for (const CharT* q = s; q < e; ++q) {
      const unsigned char c = byte_of(*q);
      if (is_digit(c) || c == '(' || c == '[' || c == '"' || c == ':') return false;
      if (c == '\'' && e - q >= 2 && byte_of(q[1]) == 's') return false;  // "the site's": a phrase
    }
    return is_upper(byte_of(*s));
  }

  /// Surnames as a short citation lists them: at most five words, each capitalised but the
  /// joining ones ("and", "et al.", "de", "van"), with no sentence break among them.
  static constexpr bool surnames(const CharT* s, const CharT* e) noexcept {
    constexpr std::string_view joining[] = {"and", "et", "al.", "de", "van", "von", "der", "den", "du", "da", "di", "le", "la"};
    int words = 0;
    for (const CharT* p = skip_blanks(s, e); p < e; p = skip_blanks(p, e)) {
      const CharT* w = p;
      while (p < e && !is_blank(byte_of(*p))) ++p;
      if (byte_of(*w) == '&') continue;
      if (++words > 5) return false;
      const std::size_t n = static_cast<std::size_t>(p - w);
      bool joins = false;
      for (std::string_view j : joining) joins = joins || equals_ci(w, n, j);
      if (!joins && !is_upper(byte_of(*w))) return false;
      if (!joins && byte_of(p[-1]) == '.' && n > 2) return false;  // "Cultures." ends a sentence; "J." is an initial
    }
    return words > 0;
  }

  /// A publisher's name is a few words without figures ("Greyfield University Press"):
  /// a longer part is a note's sentence.
  static constexpr bool publisher_like(const CharT* s, const CharT* e) noexcept {
    for (const CharT* q = s; q < e; ++q)
      if (is_digit(byte_of(*q))) return false;
    return count_words(s, e) <= 8;
  }

  /// "Vol. ", "Vol ", "No. ": the length of the word before a volume or issue number, or 0.
  static constexpr std::size_t volume_word(const CharT* p, const CharT* last) noexcept {
    if (starts_with_ci(p, last, "vol.")) return 4;
    return starts_with_ci(p, last, "vol ") || starts_with_ci(p, last, "no.") ? 3 : 0;
  }

  /// A part of an entry that names a work or a publisher: words, not a page, date,
  /// identifier or access note.
  constexpr bool names_a_source(const CharT* s, const CharT* e) const noexcept {
    if (e <= s || is_digit(byte_of(*s)) || byte_of(*s) == '[') return false;
    for (std::string_view w : {std::string_view("retrieved"), std::string_view("archived"), std::string_view("accessed"),
                               std::string_view("http"), std::string_view("doi"), std::string_view("isbn"),
                               std::string_view("issn"), std::string_view("oclc"), std::string_view("p."),
                               std::string_view("pp."), std::string_view("in ")})
      if (starts_with_ci(s, e, w)) return false;
    return e - s > 24 || !parse_date(view_type(s, static_cast<std::size_t>(e - s))).valid();  // a date alone
  }

  /// "Devon Books; pp" or "University Press, p" (the sentence ends at "pp."): the part
  /// before the pages.
  static constexpr const CharT* before_pages(const CharT* s, const CharT* e) noexcept {
    const CharT* q = e;
    while (q > s && byte_of(q[-1]) == 'p') --q;
    const bool after_gap = q > s && (is_blank(byte_of(q[-1])) || byte_of(q[-1]) == ',' || byte_of(q[-1]) == ';');
    if (e - q > 2 || q == e || !after_gap) return e;
    while (q > s && (is_blank(byte_of(q[-1])) || byte_of(q[-1]) == ',' || byte_of(q[-1]) == ';')) --q;
    return q;
  }

  /// "London: Greyfield University Press" without its place: a few capitalised words
  /// before a colon.
  static constexpr const CharT* without_place(const CharT* s, const CharT* e) noexcept {
    const CharT* colon = find_byte(s, e, ':');
    if (colon == e || e - colon < 3 || byte_of(colon[1]) != ' ' || !is_upper(byte_of(*s)) || count_words(s, colon) > 3)
      return s;
    for (const CharT* q = s; q < colon; ++q)
      if (is_digit(byte_of(*q))) return s;
    return colon + 2;
  }

  static constexpr bool closing(const CharT* p, const CharT* last) noexcept {
    return last - p >= 3 && byte_of(p[0]) == 0xE2 && byte_of(p[1]) == 0x80 && byte_of(p[2]) == 0x9D;
  }

  /// The first quoted span: "…" or “…”. Returns its opening quote, sets title and end.
  constexpr const CharT* quoted(const CharT* first, const CharT* last, text_ref& title, text_ref whole, view_type t,
                                const CharT*& end) const noexcept {
    for (const CharT* p = first; p < last; ++p) {
      const bool ascii = byte_of(*p) == '"';
      const bool curly = last - p >= 3 && byte_of(p[0]) == 0xE2 && byte_of(p[1]) == 0x80 && byte_of(p[2]) == 0x9C;
      if (!ascii && !curly) continue;
      const CharT* s = p + (ascii ? 1 : 3);
      for (const CharT* q = s; q < last; ++q) {
        if ((ascii && byte_of(*q) == '"') || closing(q, last)) {
          const CharT* e = q;
          while (e > s && (byte_of(e[-1]) == ',' || byte_of(e[-1]) == '.')) --e;
          title = part(whole, t, s, e);
          end = q + (ascii ? 1 : 3);
          return p;
        }
      }
      return nullptr;
    }
    return nullptr;
  }

  static constexpr const CharT* sentence_end(const CharT* s, const CharT* last) noexcept {
    const CharT* e = s;
    while (e < last && !(byte_of(*e) == '.' && (e + 1 >= last || is_blank(byte_of(e[1])))) ) ++e;
    return e;
  }

  constexpr void authors(std::uint32_t i, text_ref whole, view_type t, const CharT* first, const CharT* paren) {
    if (paren - first > 160 || paren <= first) return;
    for (const CharT* p = first; p < paren;) {
      const CharT* e = find_byte(p, paren, ';');
      const CharT* a = p;
      const CharT* z = e;
      trim(a, z);
      if (a < z) b_.add_author(i, part(whole, t, a, z));
      p = e < paren ? e + 1 : paren;
    }
  }

  /// Without "(date)", a sentence of the entry that is only a date ("… Echo. 14 July 1961.").
  /// The title, [title_first, title_last), is passed over: "Trade statistics 2015" is not dated 2015.
  constexpr void dated_sentence(citation_record& c, text_ref whole, view_type t, const CharT* first, const CharT* last,
                                const CharT* title_first, const CharT* title_last) const {
    for (const CharT* s = first; s < last;) {
      const CharT* e = sentence_end(s, last);
      if (title_first && s < title_last && e > title_first) {  // the sentence holds the title
        s = e < last ? e + 1 : last;
        continue;
      }
      const CharT* a = s;
      const CharT* z = e;
      trim(a, z);
      if (a < z && !starts_with_ci(a, z, "retrieved") && !starts_with_ci(a, z, "accessed")) {
        const date d = parse_date(view_type(a, static_cast<std::size_t>(z - a)));
        if (d.valid() && z - a <= 24) {
          c.when = d;
          c.date_text = part(whole, t, a, z);
          return;
        }
      }
      s = e < last ? e + 1 : last;
    }
  }

  /// "p. 51", "pp. 41–58"; in a journal's "4 (2): 10–20" or "12: 45–60", after the colon.
  constexpr text_ref pages(text_ref whole, view_type t, const CharT* first, const CharT* last) const noexcept {
    for (const CharT* p = first; last - p >= 3; ++p) {
      const bool start = p == first || is_blank(byte_of(p[-1])) || byte_of(p[-1]) == ',' || byte_of(p[-1]) == ';';
      if (!start || byte_of(*p) != 'p') continue;
      const CharT* q = p + 1;
      if (q < last && byte_of(*q) == 'p') ++q;
      if (q >= last || byte_of(*q) != '.') continue;
      q = skip_blanks(q + 1, last);
      const CharT* e = pages_end(q, last);
      if (e > q && is_digit(byte_of(*q))) return part(whole, t, q, e);
    }
    for (const CharT* p = find_byte(first, last, ':'); p < last; p = find_byte(p + 1, last, ':')) {
      // A volume or issue before the colon, a space and a number after it ("12:30" is a time).
      if (p == first || (byte_of(p[-1]) != ')' && !is_digit(byte_of(p[-1]))) || last - p < 3 ||
          !is_blank(byte_of(p[1])) || !is_digit(byte_of(p[2])))
        continue;
      const CharT* e = pages_end(p + 2, last);
      return part(whole, t, p + 2, e);
    }
    return {};
  }

  /// Pages run to a comma, a semicolon or the end of the sentence.
  static constexpr const CharT* pages_end(const CharT* q, const CharT* last) noexcept {
    const CharT* e = q;
    while (e < last && byte_of(*e) != ',' && byte_of(*e) != ';' &&
           !(byte_of(*e) == '.' && (e + 1 >= last || is_blank(byte_of(e[1])))))
      ++e;
    return e;
  }

  builder_type& b_;
};

template <class CharT, class Storage>
constexpr void read_plain_citations(builder<CharT, Storage>& b) {
  plain_citation_reader<CharT, Storage>(b).read_all();
}

}  // namespace wikirel::detail

#endif
