#ifndef WIKIREL_DETAIL_PLAINTEXT_READER_HPP
#define WIKIREL_DETAIL_PLAINTEXT_READER_HPP

// The plain-text reader: an article as a mirror site, a browser copy or a converter shows
// it. Plain text has no markup, so structure comes from the shape of lines and their
// neighbours. The reader works in passes over the lines: find the page's frame (title,
// site chrome, footer), the Contents box and the reference list, decide which remaining
// lines are headings, then hand sections, text and citation markers to the builder.

#include "builder.hpp"
#include "chars.hpp"
#include "plaintext_citations.hpp"
#include "plaintext_lines.hpp"
#include "scan.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wikirel::detail {

template <class CharT, class Storage>
class plaintext_reader {
 public:
  using builder_type = builder<CharT, Storage>;

  constexpr explicit plaintext_reader(builder_type& b) noexcept
      : b_(b), begin_(b.source().data()), end_(begin_ + b.source().size()) {}

  constexpr void read() {
    split_lines();
    find_frame();
    find_footer();
    find_contents_box();
    find_caret_references();
    find_trailing_bracket_references();
    classify_lines();
    find_listed_references();
    make_citations();
    emit_body();
    b_.end_body();
    read_plain_citations(b_);
  }

 private:
  enum class role : std::uint8_t {
    unknown, blank, text, heading, chrome, title, contents, reference, continuation, categories,
    list_item, table, caption
  };

  struct line {
    const CharT* raw = nullptr;    ///< where the line starts in the input
    const CharT* first = nullptr;  ///< the content, trimmed
    const CharT* last = nullptr;
    role kind = role::unknown;
    std::uint8_t level = 2;
    bool edit_mark = false;
  };

  struct toc_entry {
    const CharT* first;
    const CharT* last;
    std::uint8_t level;
  };

  // ---- lines ---------------------------------------------------------------------------

  constexpr void split_lines() {
    using breaks = byte_set<'\n', '\r'>;
    std::size_t count = 1;  // one allocation of the right size (the benchmark counts bytes allocated)
    for (const CharT* p = find_byte(begin_, end_, '\n'); p < end_; p = find_byte(p + 1, end_, '\n')) ++count;
    lines_.reserve(count);
    for (const CharT* p = begin_ + bom_length(begin_, end_); p <= end_;) {
      const CharT* e = find_first_of<breaks>(p, end_);
      line l;
      l.raw = p;
      l.first = p;
      l.last = e;
      trim(l.first, l.last);
      l.kind = l.first == l.last ? role::blank : role::unknown;
      lines_.push_back(l);
      if (e >= end_) break;
      p = e + (byte_of(*e) == '\r' && e + 1 < end_ && byte_of(e[1]) == '\n' ? 2 : 1);
    }
  }

  constexpr bool blank(std::size_t i) const noexcept { return i >= lines_.size() || lines_[i].kind == role::blank; }
  constexpr bool is(std::size_t i, role r) const noexcept { return i < lines_.size() && lines_[i].kind == r; }
  constexpr std::uint32_t offset(const CharT* p) const noexcept { return static_cast<std::uint32_t>(p - begin_); }

  template <std::size_t N>
  constexpr bool line_starts(std::size_t i, const std::string_view (&list)[N]) const noexcept {
    return starts_with_any_ci(lines_[i].first, lines_[i].last, list);
  }

  // ---- the page's frame: title, chrome above the article, footer ----------------------

  /// Everything above "From Wikipedia, the free encyclopedia" is the site's; the title is
  /// the last short line there that is not navigation. Without that line, only a title
  /// with a known suffix or in "= Title =" form is taken.
  constexpr void find_frame() {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < lines_.size() && seen < 400; ++i) {
      if (blank(i)) continue;
      ++seen;
      if (equals_any_ci(lines_[i].first, lines_[i].last, from_wikipedia_lines)) {
        frame_above(i);
        return;
      }
    }
    const std::size_t first = next_nonblank(0);
    if (first < lines_.size() && (has_title_suffix(first) || equals_title(first) || restated_title(first))) {
      set_title(first, first);
      body_begin_ = first + 1;
    } else if (first < lines_.size() && navigation_line(first)) {
      frame_without_tagline(first);
    } else if (first < lines_.size() && site_named_after(first)) {
      body_begin_ = first + 1;
    } else if (const std::size_t t = title_under_banner(first); t < lines_.size()) {
      for (std::size_t i = first; i < t; ++i)
        if (!blank(i)) lines_[i].kind = role::chrome;
      set_title(t, first);
      body_begin_ = t + 1;
    }
  }

  /// A mirror's banner over the title ("WikiMirror - the free knowledge mirror", then
  /// "Freedonia–Sylvania relations"): the title is the short line under one or two short
  /// lines that the lead restates or that names a relations article. lines_.size() if none.
  constexpr std::size_t title_under_banner(std::size_t first) const noexcept {
    std::size_t i = first;
    for (int banners = 0; banners < 2 && i < lines_.size() && short_line(i) &&
                          !ends_like_sentence(lines_[i].first, lines_[i].last);
         ++banners) {
      i = next_nonblank(i + 1);
      if (i < lines_.size() && restated_title(i)) return i;
    }
    return lines_.size();
  }

  /// "Freedonia–Sylvania relations | WikiMirror" or "… - Site": a title the lead restates
  /// (or a relations article) before a separator and a site's name. Takes it as the title.
  constexpr bool site_named_after(std::size_t i) {
    line& l = lines_[i];
    for (std::string_view sep : {std::string_view(" | "), std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
                                 std::string_view(" \xE2\x80\x94 ")}) {
      const CharT* at = find_ci(l.first, l.last, sep);
      if (at == l.last || at == l.first) continue;
      line head = l;
      head.last = at;
      if (!title_like(head, next_nonblank(i + 1))) continue;
      l.kind = role::title;
      page_title_ = true;
      if (b_.resolve(b_.data().title).empty()) b_.set_title(b_.source_ref(head.first, head.last));
      return true;
    }
    return false;
  }

  /// A copy that opens with navigation but has no "From Wikipedia" line (a mobile page):
  /// the first line after the navigation is the title, and the navigation after it ends
  /// the frame.
  constexpr void frame_without_tagline(std::size_t i) {
    while (i < lines_.size() && (blank(i) || navigation_line(i))) {
      if (!blank(i)) lines_[i].kind = role::chrome;
      ++i;
    }
    if (i >= lines_.size() || !short_line(i)) {
      body_begin_ = i;
      return;
    }
    set_title(i, i);
    body_begin_ = i + 1;
    while (body_begin_ < lines_.size() &&
           (blank(body_begin_) || navigation_line(body_begin_) || hatnote(body_begin_))) {
      if (!blank(body_begin_)) lines_[body_begin_].kind = role::chrome;
      ++body_begin_;
    }
  }

  constexpr void frame_above(std::size_t from_wikipedia) {
    std::size_t title = lines_.size();
    for (std::size_t i = 0; i < from_wikipedia; ++i) {
      if (blank(i)) continue;
      lines_[i].kind = role::chrome;
      if (short_line(i) && !navigation_line(i)) title = i;
    }
    for (std::size_t i = 0; i < from_wikipedia; ++i)
      if (!blank(i) && has_title_suffix(i)) title = i;  // a suffixed line is surely the title
    if (title < lines_.size()) set_title(title, next_nonblank(0));
    lines_[from_wikipedia].kind = role::chrome;
    body_begin_ = from_wikipedia + 1;
    while (body_begin_ < lines_.size() && (blank(body_begin_) || line_starts(body_begin_, chrome_line_starts) ||
                                           navigation_line(body_begin_) || hatnote(body_begin_))) {
      if (!blank(body_begin_)) lines_[body_begin_].kind = role::chrome;
      ++body_begin_;
    }
  }

  /// A line of the site's navigation: "Main menu", "Tools", "View history", "2 languages".
  constexpr bool navigation_line(std::size_t i) const noexcept {
    const line& l = lines_[i];
    if (equals_any_ci(l.first, l.last, navigation_lines)) return true;
    const CharT* p = l.first;
    while (p < l.last && is_digit(byte_of(*p))) ++p;
    return p > l.first && p < l.last && byte_of(*p) == ' ' && count_words(l.first, l.last) == 2;  // "2 languages"
  }

  /// A note above the article: "For the hamlet in Canada, see …", "This article is about
  /// …", "Coordinates: …", ""X" redirects here."
  constexpr bool hatnote(std::size_t i) const noexcept {
    const line& l = lines_[i];
    constexpr std::string_view starts[] = {"this article is about", "not to be confused with", "coordinates:",
                                           "for other uses", "main article:", "see also:", "further information:"};
    if (starts_with_any_ci(l.first, l.last, starts)) return true;
    if (starts_with_ci(l.first, l.last, "for ") && contains(l.first, l.last, ", see ")) return true;
    return contains(l.first, l.last, " redirects here");
  }

  /// Short enough for a title: a few words, not a sentence ("Clint Murchison Sr." is fine).
  constexpr bool short_line(std::size_t i) const noexcept {
    const line& l = lines_[i];
    const unsigned char end = byte_of(l.last[-1]);
    const int words = count_words(l.first, l.last);
    if (end == '.') return words <= 6 || ends_with_abbreviation(l.first, l.last);
    return words <= 16 && end != '!' && end != '?' && end != ',';
  }

  constexpr bool has_title_suffix(std::size_t i) const noexcept {
    const line& l = lines_[i];
    for (std::string_view s : title_suffixes)
      if (l.last - l.first > static_cast<std::ptrdiff_t>(s.size()) && equals_ci(l.last - s.size(), s.size(), s)) return true;
    return false;
  }

  /// A copy of the page alone: a short first line that the lead then opens with
  /// ("Quarro–Rillmark relations" over "Quarro–Rillmark relations are the…"), or one that
  /// names a relations article, is the title.
  constexpr bool restated_title(std::size_t i) const noexcept {
    return short_line(i) && title_like(lines_[i], next_nonblank(i + 1));
  }

  /// l names a relations article, or the line `next` (the lead) opens with it.
  constexpr bool title_like(const line& l, std::size_t next) const noexcept {
    if (ends_like_sentence(l.first, l.last)) return false;
    const std::size_t n = static_cast<std::size_t>(l.last - l.first);
    constexpr std::string_view relations = " relations";
    if (n > relations.size() && equals_ci(l.last - relations.size(), relations.size(), relations)) return true;
    if (next >= lines_.size()) return false;
    const line& lead = lines_[next];
    return static_cast<std::size_t>(lead.last - lead.first) > n + 1 && same_text_ci(lead.first, l.first, n) &&
           byte_of(lead.first[n]) == ' ';
  }

  constexpr bool equals_title(std::size_t i) const noexcept {
    const line& l = lines_[i];
    return l.last - l.first >= 3 && byte_of(*l.first) == '=' && byte_of(l.last[-1]) == '=';
  }

  /// Takes line i as the title, without its mirror suffix ("…: Wikis") or "= … =".
  constexpr void set_title(std::size_t i, std::size_t banner) {
    const CharT* first = lines_[i].first;
    const CharT* last = lines_[i].last;
    while (first < last && byte_of(*first) == '=') ++first;
    while (last > first && byte_of(last[-1]) == '=') --last;
    for (std::string_view s : title_suffixes)
      if (last - first > static_cast<std::ptrdiff_t>(s.size()) && equals_ci(last - s.size(), s.size(), s)) last -= s.size();
    last = strip_site_suffix(first, last, banner == i ? nullptr : &lines_[banner]);
    trim(first, last);
    lines_[i].kind = role::title;
    page_title_ = true;
    if (b_.resolve(b_.data().title).empty() && first < last) b_.set_title(b_.source_ref(first, last));
  }

  /// "Title: Atlas pages" under a banner "The Open Atlas": a mirror's own suffix, known by
  /// sharing a word with the banner.
  constexpr const CharT* strip_site_suffix(const CharT* first, const CharT* last, const line* banner) const noexcept {
    if (!banner) return last;
    const CharT* colon = last;
    for (const CharT* p = first; last - p >= 2; ++p)
      if (byte_of(p[0]) == ':' && byte_of(p[1]) == ' ') colon = p;
    if (colon == last || count_words(colon + 1, last) > 3) return last;
    for (const CharT* w = colon + 2; w < last;) {
      const CharT* e = w;
      while (e < last && !is_space(byte_of(*e))) ++e;
      if (e - w >= 4 && find_ci_run(banner->first, banner->last, w, 4)) return colon;
      w = skip_spaces(e, last);
    }
    return last;
  }

  static constexpr bool find_ci_run(const CharT* first, const CharT* last, const CharT* word, std::size_t n) noexcept {
    for (const CharT* p = first; static_cast<std::size_t>(last - p) >= n; ++p) {
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = to_lower(byte_of(p[k])) == to_lower(byte_of(word[k]));
      if (same) return true;
    }
    return false;
  }

  constexpr std::size_t next_nonblank(std::size_t i) const noexcept {
    while (i < lines_.size() && blank(i)) ++i;
    return i;
  }

  /// The site's footer: from "Retrieved from", "Navigation menu" or a comment form on.
  /// "Categories: A | B" lines there (or anywhere) fill the categories.
  constexpr void find_footer() {
    body_end_ = lines_.size();
    for (std::size_t i = body_begin_; i < lines_.size(); ++i) {
      if (blank(i) || lines_[i].kind == role::categories) continue;
      if (read_categories(i)) continue;
      if (i >= body_end_) lines_[i].kind = role::chrome;
      else if (line_starts(i, footer_starts)) body_end_ = i, lines_[i].kind = role::chrome;
    }
  }

  /// "Categories: A | B | C" (a browser copy) or "Category:A Category:B" (a converter,
  /// sometimes after the remains of a navigation box).
  constexpr bool read_categories(std::size_t i) {
    line& l = lines_[i];
    const bool list = starts_with_ci(l.first, l.last, "categories:") || starts_with_ci(l.first, l.last, "kategorien:");
    const CharT* p = list ? l.first : category_prefix(l.first, l.last);
    if (p == l.last) return false;
    l.kind = role::categories;
    p = find_byte(p, l.last, ':') + 1;
    if (list && skip_blanks(p, l.last) == l.last) return read_category_list(i + 1), true;
    const bool piped = find_byte(p, l.last, '|') < l.last || starts_with_ci(l.first, l.last, "categories:");
    while (p < l.last) {
      const CharT* e = piped ? find_byte(p, l.last, '|') : next_category_prefix(p, l.last);
      const CharT* a = p;
      const CharT* z = e;
      trim(a, z);
      if (a < z) b_.add_category(b_.source_ref(a, z));
      p = e < l.last ? (piped ? e + 1 : find_byte(e, l.last, ':') + 1) : l.last;
    }
    return true;
  }

  /// "Categories:" alone on its line, the names under it one a line (a desktop copy
  /// indents them, a text browser bullets them): each indented or bulleted line from i on,
  /// blank lines between allowed.
  constexpr void read_category_list(std::size_t i) {
    for (; i < lines_.size(); ++i) {
      if (blank(i)) continue;
      line& l = lines_[i];
      const CharT* name = list_marker_end(l.first, l.last);
      if (name == l.first && l.first == l.raw) return;  // flush left, no bullet: the list is over
      l.kind = role::categories;
      b_.add_category(b_.source_ref(name, l.last));
    }
  }

  static constexpr std::string_view category_prefixes[] = {"category:", "kategorie:", "kategori:",
                                                            "cat\xC3\xA9gorie:", "categor\xC3\xAD" "a:"};

  static_assert([] {
    for (std::string_view s : category_prefixes)
      if (s.back() != ':' || s.substr(0, s.size() - 1).find(':') != std::string_view::npos) return false;
    return true;
  }(), "category_prefix finds the prefixes by their colon: one, at the end");

  /// Where "Category:" (or a translation) first stands as a word in the line, or last.
  static constexpr const CharT* category_prefix(const CharT* first, const CharT* last) noexcept {
    // Each prefix holds one ':', its last byte: every match is found from its colon, and the
    // colons, in order, give the matches in order. Most lines have no colon at all.
    for (const CharT* colon = find_byte(first, last, ':'); colon < last; colon = find_byte(colon + 1, last, ':')) {
      for (std::string_view prefix : category_prefixes) {
        if (static_cast<std::size_t>(colon + 1 - first) < prefix.size()) continue;
        const CharT* p = colon + 1 - prefix.size();
        if ((p == first || byte_of(p[-1]) == ' ') && equals_ci(p, prefix.size(), prefix)) return p;
      }
    }
    return last;
  }

  /// The space before the next "Category:" after p, or last. (Each space looks at the word
  /// after it only: a line of many words stays linear.)
  static constexpr const CharT* next_category_prefix(const CharT* p, const CharT* last) noexcept {
    for (const CharT* q = p; q < last; ++q)
      if (byte_of(*q) == ' ' && starts_with_any_ci(q + 1, last, category_prefixes)) return q;
    return last;
  }

  // ---- the Contents box ----------------------------------------------------------------

  /// "Contents" followed by "1 History", "1.1 Early years", …: not a section, but it tells
  /// which lines are headings and at what level.
  constexpr void find_contents_box() {
    for (std::size_t i = body_begin_; i < body_end_; ++i) {
      const line& l = lines_[i];
      if (blank(i) || !(equals_any_ci(l.first, l.last, contents_words) || starts_with_ci(l.first, l.last, "contents ["))) continue;
      std::size_t j = i + 1;
      while (j < body_end_ && (blank(j) || equals_any_ci(lines_[j].first, lines_[j].last, hide_words))) ++j;
      std::size_t count = 0;
      for (; j < body_end_ && !blank(j) && contents_entry(j); ++j) ++count;
      if (count < 2) continue;
      for (std::size_t k = i; k < j; ++k)
        if (!blank(k)) lines_[k].kind = role::contents;
      return;
    }
  }

  static constexpr std::string_view hide_words[] = {"hide", "[hide]", "show", "[show]", "(hide)"};

  constexpr bool contents_entry(std::size_t i) {
    const line& l = lines_[i];
    const CharT* p = l.first;
    std::uint8_t depth = 1;
    if (p >= l.last || !is_digit(byte_of(*p))) return false;
    while (p < l.last && (is_digit(byte_of(*p)) || byte_of(*p) == '.')) depth += byte_of(*p++) == '.';
    if (p < l.last && byte_of(p[-1]) == '.') --depth;  // "1. History"
    if (p >= l.last || !is_blank(byte_of(*p))) return false;
    p = skip_blanks(p, l.last);
    if (p >= l.last) return false;
    toc_.push_back({p, l.last, static_cast<std::uint8_t>(depth + 1)});
    return true;
  }

  /// The level the Contents box gives a heading text, or 0 when it is not listed.
  constexpr std::uint8_t contents_level(const CharT* first, const CharT* last) const noexcept {
    for (const toc_entry& t : toc_)
      if (t.last - t.first == last - first && same_text_ci(t.first, first, static_cast<std::size_t>(last - first)))
        return t.level;
    return 0;
  }

  static constexpr bool same_text_ci(const CharT* a, const CharT* b, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
      if (to_lower(byte_of(a[i])) != to_lower(byte_of(b[i]))) return false;
    return true;
  }

  // ---- reference lists -----------------------------------------------------------------

  /// "1. ^ text" and "^ a b text" entries mark themselves wherever they stand; lines
  /// right under an entry (no blank between) continue it.
  constexpr void find_caret_references() {
    for (std::size_t i = body_begin_; i < body_end_; ++i) {
      if (blank(i)) continue;
      const CharT *label = nullptr, *label_end = nullptr, *text = nullptr;
      if (byte_of(*lines_[i].first) == '[' || !reference_entry(lines_[i].first, lines_[i].last, label, label_end, text))
        continue;
      add_entry(i, label, label_end, text);
      if (reference_end_ < i) reference_end_ = i;
    }
  }

  /// "[1] text" notes (a converter's rendering) are a reference list only as the last
  /// block of the page: from the last entry labelled 1 on, every entry and what follows it.
  constexpr void find_trailing_bracket_references() {
    if (!entries_.empty()) return;  // the page has a caret list: "[1]" lines are link labels
    std::size_t start = body_end_;
    for (std::size_t i = body_end_; i-- > body_begin_;) {
      const CharT *label = nullptr, *label_end = nullptr, *text = nullptr;
      if (blank(i) || byte_of(*lines_[i].first) != '[' || !reference_entry(lines_[i].first, lines_[i].last, label, label_end, text))
        continue;
      if (label_end - label == 1 && byte_of(*label) == '1') {
        start = i;
        break;
      }
    }
    for (std::size_t i = start; i < body_end_; ++i) {
      const CharT *label = nullptr, *label_end = nullptr, *text = nullptr;
      if (blank(i) || lines_[i].kind != role::unknown) continue;
      if (byte_of(*lines_[i].first) == '[' && reference_entry(lines_[i].first, lines_[i].last, label, label_end, text))
        add_entry(i, label, label_end, text);
      else
        lines_[i].kind = role::continuation;  // a note's further paragraph
    }
    if (start < body_end_) body_end_ = start;
  }

  struct entry {
    std::size_t line;
    const CharT* label;
    const CharT* label_end;
    const CharT* text;
    std::size_t last_line;
  };

  constexpr void add_entry(std::size_t i, const CharT* label, const CharT* label_end, const CharT* text) {
    lines_[i].kind = role::reference;
    std::size_t last = i;
    while (last + 1 < lines_.size() && !blank(last + 1) && lines_[last + 1].kind == role::unknown &&
           !starts_reference(last + 1) && !line_starts(last + 1, footer_starts) && !is_category_line(last + 1) &&
           !closing_heading(last + 1))
      lines_[++last].kind = role::continuation;
    entries_.push_back({i, label, label_end, text, last});
  }

  /// "External links[edit]", "Further reading": a heading right under a reference list.
  constexpr bool closing_heading(std::size_t i) const noexcept {
    bool mark = false;
    const CharT* end = strip_edit_mark(lines_[i].first, lines_[i].last, mark);
    return mark || equals_any_ci(lines_[i].first, end, trailing_section_names);
  }

  constexpr bool starts_reference(std::size_t i) const noexcept {
    const CharT *label = nullptr, *label_end = nullptr, *text = nullptr;
    return reference_entry(lines_[i].first, lines_[i].last, label, label_end, text);
  }

  constexpr bool is_category_line(std::size_t i) const noexcept {
    return starts_with_ci(lines_[i].first, lines_[i].last, "categor");
  }

  /// Under a "References" or "Notes" heading, a numbered list is the reference list.
  constexpr void find_listed_references() {
    bool under_references = false;
    for (std::size_t i = body_begin_; i < body_end_; ++i) {
      if (lines_[i].kind == role::heading)
        under_references = equals_any_ci(lines_[i].first, heading_end(i), reference_list_headings);
      if (!under_references || lines_[i].kind != role::list_item) continue;
      const CharT* text = list_marker_end(lines_[i].first, lines_[i].last);
      const CharT* label_end = lines_[i].first;
      while (label_end < text && is_digit(byte_of(*label_end))) ++label_end;
      if (label_end == lines_[i].first) continue;
      lines_[i].kind = role::unknown;
      add_entry(i, lines_[i].first, label_end, text);
    }
  }

  /// One citation per entry, in list order; an entry without a number takes the next.
  /// A page with notes ("[a]", "[note 1]") and references ("[1]") has two lists: the
  /// unnumbered entries under the notes heading take letters (or "note N"), and the
  /// numbers count the other lists' entries only, so that "[1]" is the first reference.
  constexpr void make_citations() {
    b_.expect_citations(entries_.size());
    const std::size_t notes = notes_list_heading();
    std::uint32_t number = 0, note = 0;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      const entry& e = entries_[k];
      std::uint32_t n = 0;
      const bool numbered = e.label < e.label_end && parse_uint(e.label, e.label_end, n, 6) == e.label_end - e.label;
      const bool is_note = notes != none && e.label == e.label_end && entry_heading_[k] == notes;
      if (is_note) ++note;
      else number = numbered ? n : number + 1;
      text_ref key = b_.source_ref(e.label, e.label_end);
      if (e.label == e.label_end) key = is_note ? note_key(note) : number_key(number);
      std::uint32_t c = b_.citation_keyed(text_ref{}, key, offset(lines_[e.line].raw), citation_kind::plain);
      // A second list numbered from 1 again (notes, then references): its entries are
      // citations of their own; markers find the first list's.
      if (c != none && b_.citation(c).defined()) c = b_.new_citation(citation_kind::plain, offset(lines_[e.line].raw));
      if (c == none) continue;
      citation_record& r = b_.citation(c);
      r.define(offset(e.text), offset(lines_[e.last_line].last));
      r.name = key;
    }
  }

  /// For each entry, the heading line above it (none when there is none): one sweep down
  /// the lines, so that a long list costs no search per entry.
  constexpr void find_entry_headings() {
    std::vector<std::size_t> order(entries_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries_[a].line < entries_[b].line; });
    entry_heading_.assign(entries_.size(), none);
    std::size_t heading = none, line = body_begin_;
    for (std::size_t k : order) {
      for (; line < entries_[k].line; ++line)
        if (lines_[line].kind == role::heading) heading = line;
      entry_heading_[k] = heading;
    }
  }

  /// The heading of the notes list, when the page has one beside another list and markers
  /// that name notes ("[a]", "[note 1]"); else none. Many pages call their only list
  /// "Notes": it is then the reference list.
  constexpr std::size_t notes_list_heading() {
    if (entries_.size() < 2) return none;  // two lists need two entries: no search
    bool word_notes = false;
    for (const CharT* p = find_byte(begin_, end_, '['); p < end_ && !letter_notes_; p = find_byte(p + 1, end_, '[')) {
      letter_notes_ = starts_with_ci(p, end_, "[a]");
      word_notes = word_notes || starts_with_ci(p, end_, "[note 1]");
    }
    if (!letter_notes_ && !word_notes) return none;
    find_entry_headings();
    std::size_t notes = none;
    bool other = false;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      const std::size_t h = entry_heading_[k];
      if (h == none) {
        other = true;
        continue;
      }
      const bool is_notes = equals_any_ci(lines_[h].first, heading_end(h), notes_list_names);
      if (is_notes && notes == none) notes = h;
      else if (h != notes) other = true;
    }
    return other ? notes : none;
  }

  /// "a".."z", "aa".. for letter notes; "note 1" for the other kind.
  constexpr text_ref note_key(std::uint32_t n) {
    CharT text[20] = {};
    std::size_t k = 0;
    if (letter_notes_) {
      CharT letters[8] = {};
      std::size_t m = 0;
      for (std::uint32_t v = n; v > 0 && m < 8; v = (v - 1) / 26) letters[m++] = static_cast<CharT>('a' + (v - 1) % 26);
      while (m > 0) text[k++] = letters[--m];
      return b_.derive(text, k);
    }
    for (char c : std::string_view("note ")) text[k++] = static_cast<CharT>(c);
    k += write_number(text + k, n);
    return b_.derive(text, k);
  }

  /// The label of an unnumbered entry, kept in the arena.
  constexpr text_ref number_key(std::uint32_t n) {
    CharT text[12] = {};
    return b_.derive(text, write_number(text, n));
  }

  /// Writes n in decimal at out (room for 10 digits); returns how many.
  static constexpr std::size_t write_number(CharT* out, std::uint32_t n) noexcept {
    CharT digits[12] = {};
    std::size_t k = 0;
    do digits[k++] = static_cast<CharT>('0' + n % 10), n /= 10;
    while (n > 0);
    for (std::size_t i = 0; i < k; ++i) out[i] = digits[k - 1 - i];
    return k;
  }

  // ---- what each remaining line is -----------------------------------------------------

  constexpr void classify_lines() {
    count_edit_marks();
    bool closing = false;    // past "External links"
    bool link_list = false;  // under "See also"
    bool equals_underlines = false;  // with "====" under some headings, "----" marks the level below
    for (std::size_t i = body_begin_ + 1; i < body_end_ && !equals_underlines; ++i)
      equals_underlines = underline_of(i) == '=' && !blank(i - 1);
    for (std::size_t i = body_begin_; i < body_end_; ++i) {
      line& l = lines_[i];
      if (l.kind == role::heading) note_heading(i, closing, link_list);
      if (l.kind != role::unknown) continue;
      if (read_categories(i)) continue;
      if (is_edit_mark(l.first, l.last)) {
        l.kind = role::chrome;
        mark_heading_above(i);
        continue;
      }
      if (const std::uint8_t level = marked_heading_level(i, equals_underlines)) {
        l.kind = role::heading;
        l.level = level;
        note_heading(i, closing, link_list);
        continue;
      }
      if (find_byte(l.first, l.last, '\t') < l.last || table_rule(l)) l.kind = role::table;
      else if (list_marker_end(l.first, l.last) != l.first) l.kind = role::list_item;
      else if (is_caption(l)) l.kind = role::caption;
      else if (line_starts(i, chrome_line_starts) || banner_line(l)) l.kind = role::chrome;
      else l.kind = heading_at(i, closing || link_list) ? role::heading : role::text;
      if (l.kind == role::heading) note_heading(i, closing, link_list);
    }
    resume_after_references();
    opening_line_of_lead();
  }

  /// A page without a title line whose first line looks like a heading and is followed
  /// straight away by another: that first line opens the lead ("A list of films released
  /// in 2014" over "2014"), as in a converter's rendering, which starts with the body.
  /// Articles start with their lead; an empty first section over an empty lead is far
  /// rarer. An edit link or a Contents entry says otherwise, and is believed.
  constexpr void opening_line_of_lead() {
    if (page_title_ || marked_headings_) return;
    const std::size_t first = next_nonblank(body_begin_);
    if (!is(first, role::heading) || lines_[first].edit_mark) return;
    if (is(next_nonblank(first + 1), role::heading)) lines_[first].kind = role::text;
  }

  /// A page whose headings carry edit links (or are listed in a Contents box) marks every
  /// heading so: then a line without the mark is not one, however it looks.
  constexpr void count_edit_marks() {
    std::size_t marks = 0;
    for (std::size_t i = body_begin_; i < body_end_ && marks < 2; ++i) {
      if (blank(i)) continue;
      bool mark = false;
      strip_edit_mark(lines_[i].first, lines_[i].last, mark);
      if (mark || is_edit_mark(lines_[i].first, lines_[i].last)) ++marks;
    }
    marked_headings_ = marks >= 2 || toc_.size() >= 2;
  }

  /// "History" then "[edit]" on the next line: the edit link marks the line above.
  constexpr void mark_heading_above(std::size_t i) {
    std::size_t j = i;
    while (j > body_begin_ && blank(j - 1)) --j;
    if (j == body_begin_) return;
    line& h = lines_[j - 1];
    if (h.kind == role::text && heading_shape(h.first, h.last)) {
      h.kind = role::heading;
      h.edit_mark = true;
    }
  }

  template <std::size_t N>
  constexpr bool heading_in(std::size_t i, const std::string_view (&names)[N]) const noexcept {
    return equals_any_ci(lines_[i].first, heading_end(i), names);
  }

  /// A short line directly over a paragraph (a copy that keeps no blank line after its
  /// headings). Hard-wrapped text has first lines as long as the rest, so the line must be
  /// much shorter than a long paragraph line under it.
  constexpr bool above_paragraph(std::size_t i) const noexcept {
    if (i + 1 >= body_end_ || blank(i + 1)) return false;
    const line& l = lines_[i];
    const line& next = lines_[i + 1];
    const auto length = [](const line& x) { return static_cast<std::size_t>(x.last - x.first); };
    return length(l) <= 60 && length(next) >= 40 && length(l) * 2 <= length(next) &&
           ends_like_sentence(next.first, without_markers(next.first, next.last));
  }

  /// The end of a line before its trailing citation markers ("… in 1917.[1][2]").
  static constexpr const CharT* without_markers(const CharT* first, const CharT* last) noexcept {
    while (last - first >= 3 && byte_of(last[-1]) == ']') {
      const CharT* open = last - 1;
      while (open > first && byte_of(*open) != '[' && last - open <= 12) --open;
      if (byte_of(*open) != '[' || !marker_at(open, last)) break;
      last = open;
    }
    return last;
  }

  /// A long line that ends a sentence: in a copy without blank lines, a paragraph's end.
  constexpr bool ends_paragraph(std::size_t j) const noexcept {
    const line& l = lines_[j];
    return (l.kind == role::text || l.kind == role::list_item) && l.last - l.first >= 40 &&
           ends_like_sentence(l.first, without_markers(l.first, l.last));
  }

  /// A short line right over a hatnote, a list or a reference list: a heading when the
  /// copy keeps no blank line after headings.
  constexpr bool above_structure(std::size_t i) const noexcept {
    if (i + 1 >= body_end_ || blank(i + 1) || lines_[i].last - lines_[i].first > 60) return false;
    const line& next = lines_[i + 1];
    return hatnote(i + 1) || starts_reference(i + 1) ||
           (list_marker_end(next.first, next.last) != next.first && (i == 0 || !blank(i - 1)));
  }

  /// A short line right over a sub-heading that is itself right over its content
  /// ("Churches" / "Parish church of St Petroc" / "Main article: …" with no blank lines).
  constexpr bool above_subheading(std::size_t i) const noexcept {
    if (i + 2 >= body_end_ || blank(i + 1) || lines_[i].last - lines_[i].first > 60) return false;
    const line& next = lines_[i + 1];
    return next.last - next.first <= 60 && !indented(next) && heading_shape(next.first, next.last) &&
           (above_paragraph(i + 1) || above_structure(i + 1));
  }

  /// True when no body text (nor list) follows line i before the body ends.
  constexpr bool nothing_after(std::size_t i) const noexcept {
    for (std::size_t j = i + 1; j < body_end_; ++j)
      if (!blank(j) && lines_[j].kind != role::chrome && lines_[j].kind != role::categories) return false;
    return true;
  }

  /// After a reference list, only a heading brings the article back ("External links");
  /// other lines there are the site's (a comment form, a signature).
  constexpr void resume_after_references() {
    if (entries_.empty()) return;
    std::size_t i = entries_.back().last_line + 1;
    for (; i < body_end_; ++i) {
      if (lines_[i].kind == role::heading &&
          (lines_[i].edit_mark || equals_any_ci(lines_[i].first, heading_end(i), trailing_section_names)))
        return;
      if (!blank(i) && lines_[i].kind != role::categories) lines_[i].kind = role::chrome;
    }
  }

  /// What heading i tells of the lines under it: past "External links" the page is closing;
  /// under "See also", until the next heading, short lines are the list's items.
  constexpr void note_heading(std::size_t i, bool& closing, bool& link_list) const noexcept {
    closing = closing || heading_in(i, closing_section_names);
    link_list = heading_in(i, link_list_names);
  }

  /// '=' or '-' when line i is only that byte, three or more of it (an underline), else 0.
  constexpr unsigned char underline_of(std::size_t i) const noexcept {
    if (i >= lines_.size() || blank(i)) return 0;
    const line& l = lines_[i];
    const unsigned char c = byte_of(*l.first);
    if ((c != '=' && c != '-') || l.last - l.first < 3) return 0;
    for (const CharT* p = l.first; p < l.last; ++p)
      if (byte_of(*p) != c) return 0;
    return c;
  }

  /// A heading a converter marked: underlined ("Trade" over "-----": '=' is level 2, '-'
  /// the level below when both are used) or opened with '#'s ("### Trade", level 3). Takes
  /// the marks off the line; 0 when line i is not such a heading.
  constexpr std::uint8_t marked_heading_level(std::size_t i, bool equals_underlines) {
    line& l = lines_[i];
    const unsigned char under = i + 1 < body_end_ ? underline_of(i + 1) : 0;
    // Flush left, both: an indented pair is a converter's table ("  Legend" over "  ------").
    if (under != 0 && l.first == l.raw && lines_[i + 1].first == lines_[i + 1].raw && l.last - l.first <= 100 &&
        find_byte(l.first, l.last, '\t') == l.last &&
        underline_of(i) == 0 && !ends_like_sentence(l.first, without_markers(l.first, l.last))) {
      lines_[i + 1].kind = role::chrome;
      return under == '-' && equals_underlines ? 3 : 2;
    }
    const CharT* p = l.first;
    while (p < l.last && byte_of(*p) == '#') ++p;
    const std::ptrdiff_t hashes = p - l.first;
    if (hashes < 1 || hashes > 6 || p >= l.last || !is_blank(byte_of(*p))) return 0;
    const CharT* text = skip_blanks(p, l.last);
    const CharT* end = l.last;
    while (end > text && (byte_of(end[-1]) == '#' || is_blank(byte_of(end[-1])))) --end;  // "## Trade ##"
    if (end == text || ends_like_sentence(text, end)) return 0;
    l.first = text;
    l.last = end;
    return static_cast<std::uint8_t>(hashes < 2 ? 2 : hashes);
  }

  /// A rule of a converter's table: dashes, '=', '+' and spaces only.
  static constexpr bool table_rule(const line& l) noexcept {
    int dashes = 0;
    for (const CharT* p = l.first; p < l.last; ++p) {
      const unsigned char c = byte_of(*p);
      if (c == '-' || c == '=') ++dashes;
      else if (c != ' ' && c != '+' && c != '|' && c != ':') return false;
    }
    return dashes >= 3;
  }

  constexpr const CharT* heading_end(std::size_t i) const noexcept {
    bool mark = false;
    return strip_edit_mark(lines_[i].first, lines_[i].last, mark);
  }

  /// A heading: a short line standing alone (or marked "[edit]", or listed in the
  /// Contents box) that does not read like a sentence, a caption or a list item.
  constexpr bool heading_at(std::size_t i, bool closing) {
    line& l = lines_[i];
    const CharT* last = strip_edit_mark(l.first, l.last, l.edit_mark);
    if (last <= l.first) return false;
    if (const std::uint8_t level = contents_level(l.first, last)) {
      l.level = level;
      return true;
    }
    if (l.edit_mark) return true;
    if (marked_headings_ || indented(l)) return false;
    const bool after_break = i == body_begin_ || blank(i - 1) || is(i - 1, role::heading) || is(i - 1, role::chrome) ||
                             is(i - 1, role::contents) || ends_paragraph(i - 1);
    const bool alone = after_break && (blank(i + 1) || i + 1 >= body_end_);
    const bool known = equals_any_ci(l.first, last, trailing_section_names) ||
                       (after_break && equals_any_ci(l.first, last, common_section_names));
    const bool over_content = after_break && (above_paragraph(i) || above_structure(i) || above_subheading(i));
    if (known && heading_shape(l.first, last)) return !closing || equals_any_ci(l.first, last, trailing_section_names);
    if (!(alone || over_content) || !heading_shape(l.first, last)) return false;
    // Near the end of a page, only the usual closing sections are headings.
    if ((closing || nothing_after(i)) && !equals_any_ci(l.first, last, trailing_section_names)) return false;
    return true;
  }

  /// Indented by two spaces or a tab: a converter's table cell, block quote or legend
  /// ("  Bold" under "  Legend"), never a heading, which starts at the margin.
  static constexpr bool indented(const line& l) noexcept {
    int spaces = 0;
    for (const CharT* p = l.raw; p < l.first; ++p) {
      const unsigned char c = byte_of(*p);
      if (c == '\t') return true;
      if (c == ' ') ++spaces;
    }
    return spaces >= 2;
  }

  constexpr bool heading_shape(const CharT* first, const CharT* last) const noexcept {
    if (last - first > 120 || count_words(first, last) > 12) return false;
    if (year_line(first, last)) return true;  // "2010" under "Demographics"
    const unsigned char c0 = byte_of(*first);
    if ((is_lower(c0) && !camel_case(first, last)) || c0 == '{' || c0 == '|' || c0 == '*' || c0 == ':' || c0 == '#' ||
        c0 == '(' || c0 == '-' || c0 == '!' || c0 == '=' || c0 == '<' || c0 == '[')
      return false;
    bool letter = false;
    for (const CharT* p = first; p < last && !letter; ++p) letter = is_alpha(byte_of(*p)) || byte_of(*p) >= 0x80;
    if (!letter || ends_like_sentence(first, last)) return false;
    // "… at the request of the U.S.": a sentence ending in an abbreviation ("Sr." ends
    // a short name).
    if (byte_of(last[-1]) == '.' && count_words(first, last) > 6) return false;
    constexpr std::string_view leftovers[] = {"{{", "}}", "|-", "://", " * ", "''", " + ", ": "};
    for (std::string_view l : leftovers)
      if (contains(first, last, l)) return false;
    if (byte_of(last[-1]) == ']' || interwiki_prefix(first, last) || caption_like(first, last)) return false;
    constexpr std::string_view hatnotes[] = {"main article", "main articles", "see also:", "see also ", "further information",
                                             "further:", "for other uses", "this article is about", "not to be confused"};
    return !starts_with_any_ci(first, last, hatnotes) || equals_ci(first, static_cast<std::size_t>(last - first), "see also");
  }

  /// Ends with sentence punctuation (after closing quotes), other than an abbreviation.
  constexpr bool ends_like_sentence(const CharT* first, const CharT* last) const noexcept {
    const CharT* end = last;
    while (end > first && (byte_of(end[-1]) == '"' || byte_of(end[-1]) == '\'' || closing_quote(first, end)))
      end -= byte_of(end[-1]) < 0x80 ? 1 : 3;
    if (end == first) return false;
    const unsigned char z = byte_of(end[-1]);
    if (z == ',' || z == ':' || z == ';' || z == '!' || z == '?') return true;
    return z == '.' && !ends_with_abbreviation(first, end);
  }

  static constexpr bool year_line(const CharT* first, const CharT* last) noexcept {
    std::uint32_t year = 0;
    return last - first == 4 && parse_uint(first, last, year, 4) == 4 && year >= 1000 && year <= 2100;
  }

  /// "siRNA", "iPhone": a word that starts in lower case but is a name.
  static constexpr bool camel_case(const CharT* first, const CharT* last) noexcept {
    for (const CharT* p = first; p < last && !is_space(byte_of(*p)); ++p)
      if (is_upper(byte_of(*p))) return true;
    return false;
  }

  static constexpr bool closing_quote(const CharT* first, const CharT* end) noexcept {
    return end - first >= 3 && byte_of(end[-3]) == 0xE2 && byte_of(end[-2]) == 0x80 &&
           (byte_of(end[-1]) == 0x9D || byte_of(end[-1]) == 0x99);
  }

  static constexpr bool contains(const CharT* first, const CharT* last, std::string_view s) noexcept {
    for (const CharT* p = first; static_cast<std::size_t>(last - p) >= s.size(); ++p)
      if (starts_with(p, last, s)) return true;
    return false;
  }

  /// "sv:Statoil": an interlanguage link a converter left as text.
  static constexpr bool interwiki_prefix(const CharT* first, const CharT* last) noexcept {
    const CharT* p = first;
    while (p < last && is_lower(byte_of(*p))) ++p;
    return (p - first == 2 || p - first == 3) && p < last && byte_of(*p) == ':';
  }

  /// "Volunteers at the reopening, June 1992": a caption (a comma, then a year at the end).
  static constexpr bool caption_like(const CharT* first, const CharT* last) noexcept {
    if (last - first < 6 || !contains(first, last, ", ")) return false;
    for (int k = 1; k <= 4; ++k)
      if (!is_digit(byte_of(last[-k]))) return false;
    return last - first == 4 || !is_digit(byte_of(last[-5]));
  }

  // ---- the body ------------------------------------------------------------------------

  constexpr void emit_body() {
    bool in_paragraph = false;
    for (std::size_t i = body_begin_; i < body_end_; ++i) {
      line& l = lines_[i];
      switch (l.kind) {
        case role::heading:
          b_.begin_heading(l.level, offset(l.raw));
          b_.text(l.first, heading_end(i));
          b_.end_heading();
          in_paragraph = false;
          break;
        case role::text:
          if (in_paragraph) b_.space();
          else b_.line_break();
          emit_line(l.first, l.last, !in_paragraph);
          in_paragraph = true;
          break;
        case role::list_item:
          b_.line_break();
          emit_line(list_marker_end(l.first, l.last), l.last, true);
          in_paragraph = false;
          break;
        default:
          in_paragraph = false;
          break;
      }
    }
  }

  /// A line's text without its citation markers (which become uses) and maintenance
  /// marks; image captions a converter put in brackets at a paragraph's start go too.
  constexpr void emit_line(const CharT* p, const CharT* last, bool paragraph_start) {
    while (p < last) {
      const CharT* open = find_byte(p, last, '[');
      if (skip_blanks(p, open) < open) paragraph_start = false;
      b_.text(p, open);
      if (open >= last) return;
      const CharT* close = bracket_end(open, last);
      p = close ? close + 1 : open + 1;
      if (!close) b_.text(open, p);
      else if (marker_at(open, p)) use_marker(open + 1, close), p = page_after_marker(p, last);
      else if (!maintenance_mark(open + 1, close) && !paragraph_start) b_.text(open, p);
      // What is left, a bracketed text at a paragraph's start, is an image caption.
      if (close && p < last && !is_space(byte_of(*p))) b_.space();  // "[2]The" reads "The"
    }
  }

  static constexpr const CharT* bracket_end(const CharT* open, const CharT* last) noexcept {
    for (const CharT* q = open + 1; q < last && q - open < 400; ++q) {
      if (byte_of(*q) == '[') return nullptr;
      if (byte_of(*q) == ']') return q;
    }
    return nullptr;
  }

  /// A maintenance banner's last line: "… JSTOR (May 2019) (Learn how and when to remove
  /// this message)".
  static constexpr bool banner_line(const line& l) noexcept {
    for (std::string_view tail : banner_tails)
      if (find_ci(l.first, l.last, tail) < l.last) return true;
    return false;
  }

  /// "[A bridge over the Orla, 1921]": a converter's image caption, one bracket over the
  /// whole line. "[1] A crisis came in 1962.[2]" opens with a marker and is text.
  static constexpr bool is_caption(const line& l) noexcept {
    return byte_of(*l.first) == '[' && byte_of(l.last[-1]) == ']' && find_byte(l.first, l.last, ']') == l.last - 1 &&
           !marker_at(l.first, l.last);
  }

  /// The page a marker names after it, as {{rp}} shows it ("[1]: 12", "[2]:45–47",
  /// "[3]: xii", "[4]: 3, 7"): where the text goes on past it, or p when none is there.
  static constexpr const CharT* page_after_marker(const CharT* p, const CharT* last) noexcept {
    if (p >= last || byte_of(*p) != ':') return p;
    const CharT* first = skip_blanks(p + 1, last);
    const CharT* e = page_number_end(first, last);
    if (e == first) return p;
    for (;;) {
      const int dash = dash_length(e, last);
      const CharT* next = dash > 0 ? e + dash : last - e >= 2 && byte_of(*e) == ',' && byte_of(e[1]) == ' ' ? e + 2 : e;
      const CharT* f = next == e ? e : page_number_end(next, last);
      if (f == next) break;
      e = f;
    }
    return e < last && is_alpha(byte_of(*e)) ? p : e;  // ": 12th", ": viewed" are words
  }

  /// A page number: digits, or a small roman numeral ("xii").
  static constexpr const CharT* page_number_end(const CharT* p, const CharT* last) noexcept {
    const CharT* e = p;
    while (e < last && is_digit(byte_of(*e))) ++e;
    if (e > p) return e;
    while (e < last && (byte_of(*e) == 'i' || byte_of(*e) == 'v' || byte_of(*e) == 'x' || byte_of(*e) == 'l')) ++e;
    return e;
  }

  /// "[1]", "[12]", "[a]", "[note 1]", "[nb 2]": a citation marker.
  static constexpr bool marker_at(const CharT* open, const CharT* end) noexcept {
    const CharT* p = open + 1;
    const CharT* close = end - 1;
    if (close <= p || byte_of(*close) != ']') return false;
    const CharT* q = p;
    while (q < close && is_digit(byte_of(*q))) ++q;
    if (q == close) return close - p <= 4;
    q = p;
    while (q < close && is_lower(byte_of(*q))) ++q;
    if (q == close) return close - p <= 2;
    if (q < close && byte_of(*q) == ' ' && q - p <= 5) {
      const CharT* d = q + 1;
      while (d < close && is_digit(byte_of(*d))) ++d;
      return d == close && d > q + 1;
    }
    return false;
  }

  static constexpr bool maintenance_mark(const CharT* first, const CharT* last) noexcept {
    trim(first, last);
    return equals_any_ci(first, last, maintenance_marks);
  }

  constexpr void use_marker(const CharT* label, const CharT* label_end) {
    const std::uint32_t c = b_.find_citation(text_ref{}, b_.source_ref(label, label_end));
    if (c == none) {
      b_.diagnose(diagnostic_kind::unresolved_reference, "citation marker has no entry in the reference list",
                  offset(label - 1));
      return;
    }
    b_.use(c, offset(label - 1), true);
  }

  builder_type& b_;
  const CharT* begin_;
  const CharT* end_;
  std::vector<line> lines_;
  std::vector<toc_entry> toc_;
  std::vector<entry> entries_;
  std::vector<std::size_t> entry_heading_;  ///< when the page has notes: each entry's heading line
  std::size_t body_begin_ = 0;
  std::size_t body_end_ = 0;
  std::size_t reference_end_ = 0;
  bool marked_headings_ = false;
  bool letter_notes_ = false;  ///< the page's notes are marked "[a]" (else "[note 1]")
  bool page_title_ = false;  ///< a line of the page was its title
};

}  // namespace wikirel::detail

#endif
