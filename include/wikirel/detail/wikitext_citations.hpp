#ifndef WIKIREL_DETAIL_WIKITEXT_CITATIONS_HPP
#define WIKIREL_DETAIL_WIKITEXT_CITATIONS_HPP

// Reading the citations of a wikitext article once its body is done: each citation points
// at the source range of its definition (a <ref>'s content, a short citation's arguments,
// a note's text). Cite templates give their fields; other refs keep their plain text.

#include "../temporal.hpp"
#include "block_scan.hpp"
#include "builder.hpp"
#include "chars.hpp"
#include "template_args.hpp"
#include "wikitext_names.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

/// The "{{" of the first template at the top level of [from, last) (past tags and
/// comments), or last.
template <class C>
constexpr const C* template_start(const C* from, const C* last, const C* readable) noexcept {
  using starts = byte_set<'{', '<'>;
  closer_finder<C> finder(last);  // cheap to make: its slots are filled as tags are met
  for (const C* p = from; (p = find_first_of<starts>(p, last, readable)) < last && last - p >= 2; ++p) {
    if (byte_of(*p) == '<') {
      p = skip_nested_tag(p, last, finder) - 1;
      continue;
    }
    if (byte_of(p[1]) == '{') return p;
  }
  return last;
}

/// The "}}" that closes the template whose "{{" is at p, counting braces, or null.
template <class C>
constexpr const C* template_end(const C* p, const C* last, const C* readable) noexcept {
  using braces = byte_set<'{', '}'>;
  int depth = 0;
  for (const C* q = p; (q = find_first_of<braces>(q, last, readable)) < last && last - q >= 2;) {
    if (byte_of(q[0]) == '{' && byte_of(q[1]) == '{') ++depth, q += 2;
    else if (byte_of(q[0]) == '}' && byte_of(q[1]) == '}') {
      if (--depth == 0) return q;
      q += 2;
    } else ++q;
  }
  return nullptr;
}

/// The fields of one cite template or short citation, as text refs. The citation reader
/// keeps one and clears what a template set (clear), where a fresh one per template
/// began by zeroing its 700 bytes, most of them room for numbered authors few templates
/// have: that zeroing ("rep stos") took 4% of the time of an article rich in citations.
struct cite_fields {
  static constexpr int max_authors = 24;
  text_ref title, date_text, year, access_date, work, publisher, url, doi, isbn, pages;
  text_ref last[max_authors + 1], first[max_authors + 1], full[max_authors + 1];
  text_ref free_authors;  ///< "authors=" / "vauthors=": one list as written
  int highest = 0;        ///< the highest author number set; the parts above it are empty

  constexpr void clear() noexcept {
    title = date_text = year = access_date = work = publisher = url = doi = isbn = pages = free_authors = {};
    for (int n = 1; n <= highest; ++n) last[n] = first[n] = full[n] = {};
    highest = 0;
  }
};

/// The cite-template parameters wikirel reads. Author parts carry a number ("last2").
enum class cite_key : std::uint8_t {
  other, title, date, year, access_date, url, doi, isbn, publisher, pages, work, free_authors,
  last, first, author
};

/// Which parameter a key names, and its number for author parts ("first3" → first, 3). The
/// key is compared as written, ignoring ASCII case: no folding copy per argument. Trailing
/// digits number an author part only; on any other key they are part of its name ("isbn13").
template <class C>
constexpr cite_key classify_cite_key(const C* k, std::size_t n, int& number) noexcept {
  number = 1;
  std::size_t base = n;
  while (base > 0 && is_digit(byte_of(k[base - 1]))) --base;
  if (base < n) {
    const std::size_t name = base > 0 && byte_of(k[base - 1]) == '-' ? base - 1 : base;  // "author-1"
    const auto part = [&](std::string_view s) { return equals_ci(k, name, s); };
    const cite_key key = part("last") || part("surname") || part("author-last")    ? cite_key::last
                         : part("first") || part("given") || part("author-first") ? cite_key::first
                         : part("author")                                          ? cite_key::author
                                                                                   : cite_key::other;
    if (key != cite_key::other) {
      number = 0;
      for (std::size_t i = base; i < n && number < 1000; ++i) number = number * 10 + (byte_of(k[i]) - '0');
      return key;
    }
  }
  const auto is = [&](std::string_view name) { return equals_ci(k, n, name); };
  switch (n) {
    case 1: return is("p") ? cite_key::pages : cite_key::other;
    case 2: return is("pp") || is("at") ? cite_key::pages : cite_key::other;
    case 3: return is("url") ? cite_key::url : is("doi") ? cite_key::doi : cite_key::other;
    case 4:
      if (is("date")) return cite_key::date;
      if (is("year")) return cite_key::year;
      if (is("isbn")) return cite_key::isbn;
      if (is("page")) return cite_key::pages;
      if (is("work")) return cite_key::work;
      return is("last") ? cite_key::last : cite_key::other;
    case 5:
      if (is("title")) return cite_key::title;
      if (is("pages")) return cite_key::pages;
      if (is("first")) return cite_key::first;
      if (is("given")) return cite_key::first;
      return cite_key::other;
    case 6: return is("author") ? cite_key::author : is("isbn13") ? cite_key::isbn : is("series") ? cite_key::work
                   : is("people") ? cite_key::free_authors : cite_key::other;
    case 7: return is("website") ? cite_key::work : is("journal") ? cite_key::work : is("authors") ? cite_key::free_authors
                   : is("surname") ? cite_key::last : cite_key::other;
    case 8: return is("magazine") ? cite_key::work : is("vauthors") ? cite_key::free_authors : cite_key::other;
    case 9: return is("newspaper") ? cite_key::work : is("publisher") ? cite_key::publisher : cite_key::other;
    case 10: return is("periodical") ? cite_key::work : is("accessdate") ? cite_key::access_date : cite_key::other;
    case 11: return is("access-date") ? cite_key::access_date : is("author-last") ? cite_key::last : cite_key::other;
    case 12: return is("encyclopedia") ? cite_key::work : is("author-first") ? cite_key::first : cite_key::other;
    case 13: return is("encyclopaedia") ? cite_key::work : cite_key::other;
    default: return cite_key::other;
  }
}

template <class CharT, class Storage, class Reader>
class citation_reader {
 public:
  using builder_type = builder<CharT, Storage>;

  constexpr citation_reader(builder_type& b, Reader& reader) noexcept
      : b_(b), reader_(reader), src_(b.source().data()), end_(src_ + b.source().size()) {}

  constexpr void read_all() {
    // No reservation up front: the arena grows in small chunks after the body, and a
    // guess from the refs' markup (whose fields mostly stay in the input) overshot.
    for (std::uint32_t i = 0; i < b_.data().citations.size(); ++i) read(i);
  }

 private:
  // The record is looked up once and passed on by reference: records never move (the
  // list grows by chunks), and a lookup in a list of many chunks is a search.
  constexpr void read(std::uint32_t i) {
    citation_record& c = b_.citation(i);
    if (!c.defined()) {
      if (c.kind != citation_kind::plain)
        b_.diagnose(diagnostic_kind::unresolved_reference, "named reference is used but never defined", c.offset);
      c.text = {};
      return;
    }
    const CharT* first = src_ + c.text.offset;
    const CharT* last = first + c.text.length;
    if (c.kind == citation_kind::sfn) return read_short(c, first, last);
    if (c.kind == citation_kind::note) return set_text(c, first, last);
    read_ref(c, first, last);
  }

  /// A <ref>'s content: the first cite template (or short citation) gives the fields.
  constexpr void read_ref(citation_record& c, const CharT* first, const CharT* last) {
    for (const CharT* open = template_start(first, last, end_); open < last; open = template_start(open, last, end_)) {
      const CharT* inner = open + 2;
      // The name ends at the first '|' or at the template's "}}". A name with a template in
      // it (rare) is ended by counting braces, which finds the template's end as well.
      const CharT* close = nullptr;
      const CharT* name_last = find_first_of<byte_set<'|', '{', '}'>>(inner, last, end_);
      const bool plain_name = name_last < last && (byte_of(*name_last) == '|' || closes_here(name_last, last));
      if (!plain_name) {
        close = template_end(open, last, end_);
        name_last = close ? name_end(inner, close) : last;
      }
      const folded_name name = fold_name(inner, name_last, end_);
      const cite_class cls = classify_cite(name);
      // A cite template with a plain name (nearly all) is split up to its own "}}", which
      // the split finds: its braces are not counted in a pass of their own.
      if (cls != cite_class::none && plain_name) {
        if (read_cite(c, inner, last, name_last, kind_of(cls))) return;
        break;  // never closed: the ref is text
      }
      if (plain_name) close = template_end(open, last, end_);
      if (!close) break;
      if (cls != cite_class::none) {
        c.kind = kind_of(cls);
        c.template_name = trimmed_ref(inner, name_last);
        split_fields(inner, close);
        store(c);
        return;
      }
      const template_kind k = classify_template(name).kind;
      if (k == template_kind::short_citation || k == template_kind::inline_citation) {
        read_short(c, inner, close);
        return;
      }
      open = close + 2;
    }
    set_text(c, first, last);
  }

  /// "}}" at p.
  static constexpr bool closes_here(const CharT* p, const CharT* last) noexcept {
    return last - p >= 2 && byte_of(p[0]) == '}' && byte_of(p[1]) == '}';
  }

  constexpr void set_text(citation_record& c, const CharT* first, const CharT* last) {
    text_ref t = reader_.render(first, last);
    if (t.empty()) {
      trim(first, last);
      t = b_.source_ref(first, last);  // nothing visible: keep the markup rather than lose it
    }
    c.text = t;
  }

  static constexpr citation_kind kind_of(cite_class c) noexcept {
    switch (c) {
      case cite_class::web: return citation_kind::web;
      case cite_class::news: return citation_kind::news;
      case cite_class::book: return citation_kind::book;
      case cite_class::journal: return citation_kind::journal;
      case cite_class::magazine: return citation_kind::magazine;
      case cite_class::citation: return citation_kind::citation;
      default: return citation_kind::cite;
    }
  }

  constexpr const CharT* name_end(const CharT* inner, const CharT* inner_end) const noexcept {
    return find_first_of<byte_set<'|'>>(inner, inner_end, end_);
  }

  constexpr text_ref raw(const template_arg<CharT>& a) const noexcept { return b_.source_ref(a.value, a.value_end); }
  /// A URL, DOI or ISBN as written, without the comments an editor left in it
  /// ("https://a.example <!-- dead? -->"); templates in it stay as written.
  constexpr text_ref identifier(const template_arg<CharT>& a) {
    const CharT* comment = a.plain ? a.value_end : find_ci(a.value, a.value_end, "<!--");
    if (comment == a.value_end) return raw(a);
    const std::uint32_t start = b_.begin_run();
    for (const CharT* p = a.value; p < a.value_end;) {
      if (p == comment) {
        const CharT* close = find_ci(p + 4, a.value_end, "-->");
        p = close == a.value_end ? close : close + 3;
        comment = find_ci(p, a.value_end, "<!--");
        continue;
      }
      b_.arena_push(*p++);
    }
    text_ref r = b_.arena_ref(start);
    const std::basic_string_view<CharT> v = b_.resolve(r);  // the comment's neighbours may leave spaces at the ends
    const CharT* first = v.data();
    const CharT* last = first + v.size();
    trim(first, last);
    r.offset += static_cast<std::uint32_t>(first - v.data());
    r.length = static_cast<std::uint32_t>(last - first);
    return r;
  }
  /// A plain value (the split saw no markup in it) stays in the input, as render would
  /// leave it, without being searched again.
  constexpr text_ref rendered(const template_arg<CharT>& a) {
    return a.plain ? b_.source_ref(a.value, a.value_end) : reader_.render(a.value, a.value_end);
  }

  /// Reads the cite template whose inside starts at `inner` and whose name ends at
  /// `name_last`, up to its "}}" before `last`; false, with nothing stored, when it has none.
  constexpr bool read_cite(citation_record& c, const CharT* inner, const CharT* last, const CharT* name_last,
                           citation_kind kind) {
    const CharT* close = nullptr;
    split_fields(inner, last, &close);
    if (!close) {
      fields_.clear();
      return false;
    }
    c.kind = kind;
    c.template_name = trimmed_ref(inner, name_last);
    store(c);
    return true;
  }

  /// Reads the fields of the cite template inside [inner, last) into fields_ (see
  /// split_arguments for `closed`).
  constexpr void split_fields(const CharT* inner, const CharT* last, const CharT** closed = nullptr) {
    cite_fields& f = fields_;
    split_marking_values(inner, last, cursor_, [&](const template_arg<CharT>& a) {
      if (a.named() && a.value < a.value_end) take_field(f, a);
    }, closed);
  }

  /// [first, last) without its white space at either end, as a ref into the input.
  constexpr text_ref trimmed_ref(const CharT* first, const CharT* last) const noexcept {
    trim(first, last);
    return b_.source_ref(first, last);
  }

  constexpr void take_field(cite_fields& f, const template_arg<CharT>& a) {
    int n = 1;
    const cite_key key = classify_cite_key(a.key, static_cast<std::size_t>(a.key_end - a.key), n);
    switch (key) {
      case cite_key::title: f.title = rendered(a); break;
      case cite_key::date: f.date_text = rendered(a); break;
      case cite_key::year: f.year = rendered(a); break;
      case cite_key::access_date: f.access_date = rendered(a); break;
      case cite_key::url: f.url = identifier(a); break;
      case cite_key::doi: f.doi = identifier(a); break;
      case cite_key::isbn: f.isbn = identifier(a); break;
      case cite_key::publisher: f.publisher = rendered(a); break;
      case cite_key::pages:
        if (f.pages.empty()) f.pages = rendered(a);
        break;
      case cite_key::work:
        if (f.work.empty()) f.work = rendered(a);
        break;
      case cite_key::free_authors: f.free_authors = rendered(a); break;
      case cite_key::last:
      case cite_key::first:
      case cite_key::author: take_author(f, a, key, n); break;
      case cite_key::other: break;
    }
  }

  constexpr void take_author(cite_fields& f, const template_arg<CharT>& a, cite_key k, int n) {
    if (n < 1 || n > cite_fields::max_authors) return;
    text_ref& slot = k == cite_key::first ? f.first[n] : k == cite_key::author ? f.full[n] : f.last[n];
    slot = rendered(a);
    if (n > f.highest) f.highest = n;
  }

  /// Gives citation c the fields read into fields_, and empties them for the next
  /// template; `with_text` composes its readable line from them.
  constexpr void store(citation_record& c, bool with_text = true) {
    const cite_fields& f = fields_;
    c.title = f.title;
    c.date_text = f.date_text.empty() ? f.year : f.date_text;
    c.when = parse_date(b_.resolve(c.date_text));
    c.access_date = f.access_date;
    c.work = f.work;
    c.publisher = f.publisher;
    c.url = f.url;
    c.doi = f.doi;
    c.isbn = f.isbn;
    c.pages = f.pages;
    store_authors(c, f);
    if (with_text) c.text = format_text(c);
    fields_.clear();
  }

  constexpr void store_authors(citation_record& c, const cite_fields& f) {
    for (int n = 1; n <= f.highest; ++n) {
      if (!f.full[n].empty()) b_.add_author(c, f.full[n]);
      else if (!f.last[n].empty()) b_.add_author(c, f.first[n].empty() ? f.last[n] : join_name(f.first[n], f.last[n]));
    }
    if (c.author_count == 0 && !f.free_authors.empty()) b_.add_author(c, f.free_authors);
  }

  /// "First Last".
  constexpr text_ref join_name(text_ref first, text_ref last) {
    const std::uint32_t start = b_.begin_run();
    b_.copy_text(first);
    b_.arena_push(CharT(' '));
    b_.copy_text(last);
    return b_.arena_ref(start);
  }

  /// A readable line: "Author; Author (Date). "Title". Work. Publisher. p. 4." Its length
  /// is counted first and the line written through a pointer into arena room taken once
  /// (piece by piece, with the arena's checks at every byte of punctuation, it cost
  /// about 450 instructions a citation).
  constexpr text_ref format_text(const citation_record& c) {
    const auto& strings = b_.data().strings;
    std::size_t length = 0;
    for (std::uint32_t a = 0; a < c.author_count; ++a) length += (a > 0 ? 2 : 0) + strings[c.first_author + a].length;
    if (!c.date_text.empty()) length += (c.author_count > 0 ? 2 : 1) + c.date_text.length + 1;
    const auto part_length = [&length](text_ref r, std::size_t marks) {
      if (!r.empty()) length += (length > 0 ? 2 : 0) + marks + r.length;
    };
    part_length(c.title, 2);
    part_length(c.work, 0);
    part_length(c.publisher, 0);
    part_length(c.pages, 3);
    const std::uint32_t start = b_.begin_run();
    if (length == 0) return b_.arena_ref(start);
    CharT* const line = b_.arena_extend(length + 1);  // and the final '.'
    if (!line) return b_.arena_ref(start);
    CharT* out = line;
    const auto put_pair = [&out](char first, char second) {
      out[0] = static_cast<CharT>(first);
      out[1] = static_cast<CharT>(second);
      out += 2;
    };
    const auto copy = [&](text_ref r) {
      const std::basic_string_view<CharT> v = b_.resolve(r);
      copy_units(v.data(), v.size(), out);
      out += v.size();
    };
    const auto separate = [&] {
      if (out > line) put_pair('.', ' ');
    };
    for (std::uint32_t a = 0; a < c.author_count; ++a) {
      if (a > 0) put_pair(';', ' ');
      copy(strings[c.first_author + a]);
    }
    if (!c.date_text.empty()) {
      if (c.author_count > 0) *out++ = CharT(' ');
      *out++ = CharT('(');
      copy(c.date_text);
      *out++ = CharT(')');
    }
    if (!c.title.empty()) {
      separate();
      *out++ = CharT('"');
      copy(c.title);
      *out++ = CharT('"');
    }
    if (!c.work.empty()) separate(), copy(c.work);
    if (!c.publisher.empty()) separate(), copy(c.publisher);
    if (!c.pages.empty()) {
      separate();
      put_pair('p', '.');
      *out++ = CharT(' ');
      copy(c.pages);
    }
    *out++ = CharT('.');
    return b_.arena_ref(start);
  }

  constexpr void put(std::string_view s) {
    for (char ch : s) b_.arena_push(static_cast<CharT>(ch));
  }

  /// How a short citation shows its pages: "p. 4", "pp. 4–6", or a "loc" as it stands.
  static constexpr std::string_view page_label(const folded_name& key) noexcept {
    if (key == "p" || key == "page") return ", p. ";
    if (key == "pp" || key == "pages") return ", pp. ";
    return key == "loc" ? ", " : "";
  }

  /// {{sfn|Smith|Jones|2001|p=4}}: authors, then a year; pages from p, pp or loc.
  constexpr void read_short(citation_record& c, const CharT* inner, const CharT* inner_end) {
    c.kind = citation_kind::sfn;
    if (fold_name(inner, name_end(inner, inner_end), end_) == "sfnm") return read_short_multi(c, inner, inner_end);
    cite_fields& f = fields_;
    bool dated = false;
    int authors = 0;
    std::string_view label;
    split_marking_values(inner, inner_end, cursor_, [&](const template_arg<CharT>& a) {
      if (a.value >= a.value_end) return;
      if (a.named()) {
        const std::string_view l = page_label(a.folded_key());
        if (!l.empty() && f.pages.empty()) f.pages = rendered(a), label = l;
        return;
      }
      if (!dated && looks_like_year(a.value, a.value_end)) {
        f.date_text = raw(a);
        dated = true;
      } else if (!dated && authors < cite_fields::max_authors) {
        f.full[++authors] = rendered(a);
        f.highest = authors;
      }
    });
    store(c, false);  // a short citation's text is its own
    const std::uint32_t start = b_.begin_run();
    format_short(b_.data().strings, c.first_author, c.author_count, c.date_text, c.pages, label);
    c.text = b_.arena_ref(start);
  }

  /// {{sfnm|1a1=Smith|1y=2001|1p=4|2a1=Jones|2y=1999}}: one footnote citing several works.
  /// Its authors are those of every work; its date and pages, the first work's.
  constexpr void read_short_multi(citation_record& c, const CharT* inner, const CharT* inner_end) {
    struct work {
      text_ref authors[4];
      std::uint32_t author_count = 0;
      text_ref year, pages;
      std::string_view label;
    };
    work works[9];
    const auto add_part = [](work& w, std::uint32_t i, text_ref name) {
      w.authors[i] = name;
      if (w.author_count < i + 1) w.author_count = i + 1;
    };
    split_marking_values(inner, inner_end, cursor_, [&](const template_arg<CharT>& a) {
      if (!a.named() || a.value >= a.value_end || a.key_end - a.key < 2) return;
      const unsigned char n = byte_of(*a.key);
      if (n < '1' || n > '9') return;  // a tenth work and on are not read
      work& w = works[n - '1'];
      const folded_name k = fold_name(a.key + 1, a.key_end);
      const std::string_view l = page_label(k);
      if (k == "y") w.year = raw(a);
      else if (!l.empty() && w.pages.empty()) w.pages = rendered(a), w.label = l;
      else if (k.view().size() == 2 && k.view()[0] == 'a' && k.view()[1] >= '1' && k.view()[1] <= '4')
        add_part(w, static_cast<std::uint32_t>(k.view()[1] - '1'), rendered(a));
    });
    const work* first = nullptr;
    for (const work& w : works) {
      for (std::uint32_t i = 0; i < w.author_count; ++i)
        if (!w.authors[i].empty()) b_.add_author(c, w.authors[i]);
      if (!first && (w.author_count > 0 || !w.year.empty())) first = &w;
    }
    if (first) {
      c.date_text = first->year;
      c.when = parse_date(b_.resolve(c.date_text));
      c.pages = first->pages;
    }
    const std::uint32_t start = b_.begin_run();
    for (const work& w : works) {
      if (w.author_count == 0 && w.year.empty()) continue;
      if (b_.arena_size() > start) put("; ");
      format_short(w.authors, 0, w.author_count, w.year, w.pages, w.label);
    }
    c.text = b_.arena_ref(start);
  }

  /// "2001", "2001a", "1960–1961", "n.d.": what short citations put after the authors.
  static constexpr bool looks_like_year(const CharT* v, const CharT* e) noexcept {
    std::uint32_t year = 0;
    if (equals_ci(v, static_cast<std::size_t>(e - v), "n.d.")) return true;
    if (parse_uint(v, e, year, 4) != 4) return false;
    const CharT* rest = v + 4;
    if (rest < e && is_lower(byte_of(*rest))) ++rest;
    for (; rest < e; ++rest)
      if (is_alpha(byte_of(*rest))) return false;
    return true;
  }

  /// "Smith & Jones 2001, p. 4", appended to the open run. authors[first + i] are the
  /// names; `label` goes before the pages.
  template <class Names>
  constexpr void format_short(const Names& authors, std::uint32_t first, std::uint32_t count, text_ref date_text,
                              text_ref pages, std::string_view label) {
    const std::uint32_t start = b_.arena_size();
    for (std::uint32_t a = 0; a < count; ++a) {
      if (authors[first + a].empty()) continue;
      if (b_.arena_size() > start) put(a + 1 == count ? " & " : ", ");
      b_.copy_text(authors[first + a]);
    }
    if (!date_text.empty()) {
      if (b_.arena_size() > start) put(" ");
      b_.copy_text(date_text);
    }
    if (!pages.empty()) {
      put(label.empty() ? ", p. " : label);
      b_.copy_text(pages);
    }
  }

  builder_type& b_;
  Reader& reader_;
  const CharT* src_;
  const CharT* end_;
  /// The search every split of a citation's markup takes: one cursor over the whole
  /// input, which citations, read in input order, walk forward.
  markup_aware_cursor<CharT> cursor_{src_, end_};
  /// The fields of the template being read: empty between templates.
  cite_fields fields_;
};

template <class CharT, class Storage, class Reader>
constexpr void read_citations(builder<CharT, Storage>& b, Reader& reader) {
  citation_reader<CharT, Storage, Reader>(b, reader).read_all();
}

}  // namespace wikirel::detail

#endif
