#ifndef WIKIREL_DETAIL_WIKITEXT_NAMES_HPP
#define WIKIREL_DETAIL_WIKITEXT_NAMES_HPP

// The names that give wikitext its structure: which tags hide their content, which
// templates render text, which link prefixes are categories or files. Tables here, logic
// in the reader.

#include "chars.hpp"
#include "scan.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

/// A template or tag name folded for comparison: trimmed, ASCII lower case, '_' as ' ',
/// runs of spaces as one. Long names are cut (no table name is longer).
struct folded_name {
  char text[48] = {};
  std::size_t size = 0;

  constexpr std::string_view view() const noexcept { return {text, size}; }
  constexpr bool operator==(std::string_view s) const noexcept { return same_text(view(), s); }
  constexpr bool starts_with(std::string_view s) const noexcept { return same_text(view().substr(0, s.size()), s); }
};

/// What fold_name makes of each byte: white space (trimmed at the ends), '_' (a space
/// inside), or the byte itself, lower-cased. One lookup per byte.
struct name_fold_table {
  static constexpr unsigned char blank = 0, underscore = 1;
  unsigned char to[256] = {};
  constexpr name_fold_table() noexcept {
    for (int c = 0; c < 256; ++c) {
      const auto b = static_cast<unsigned char>(c);
      to[c] = is_space(b) ? blank : b == '_' ? underscore : to_lower(b);
    }
  }
};
inline constexpr name_fold_table name_folds{};

#if WIKIREL_HAS_SSE2
/// fold_name for a name of at most 32 bytes whose only white space is single spaces
/// between words (nearly every template and tag name): the folded name is the name in
/// lower case, made 16 bytes at a time. False when the name needs the full rules.
inline bool fold_simple_name(const char* first, const char* last, const char* readable, folded_name& n) noexcept {
  // White space at the ends goes, as trim() would take it ("cite web\n|...").
  while (first < last && is_space(static_cast<unsigned char>(*first))) ++first;
  while (last > first && is_space(static_cast<unsigned char>(last[-1]))) --last;
  const auto size = static_cast<std::size_t>(last - first);
  if (size == 0 || size > 32 || readable - first < 32 || static_cast<unsigned char>(first[0]) == 0xC2 ||
      static_cast<unsigned char>(last[-1]) == 0xA0)
    return false;
  std::uint32_t spaces = 0, others = 0;
  for (std::size_t k = 0; k < size; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(first + k));
    // Bytes up to ' ' (white space and control bytes) and '_' take the full rules; single
    // spaces do not. Signed compares: bytes >= 0x80 count as small, so exclude them.
    const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
    const __m128i low = _mm_andnot_si128(high, _mm_cmplt_epi8(v, _mm_set1_epi8(' ' + 1)));
    const __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    const __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
    spaces |= static_cast<std::uint32_t>(_mm_movemask_epi8(space)) << k;
    others |= static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(space, low), under))) << k;
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(n.text + k), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
  }
  const std::uint32_t in_name = size == 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << size) - 1;
  if (((others | (spaces & (spaces >> 1))) & in_name) != 0) return false;
  n.size = size;
  return true;
}
#endif

template <class C>
constexpr folded_name fold_name(const C* first, const C* last) noexcept {
  constexpr const name_fold_table& t = name_folds;
  // Only names with white space or a no-break space at an end need trimming.
  if (first < last && (t.to[byte_of(*first)] == t.blank || t.to[byte_of(last[-1])] == t.blank ||
                       byte_of(*first) == 0xC2 || byte_of(last[-1]) == 0xA0))
    trim(first, last);
  folded_name n;
  bool space = false;
  for (; first < last && n.size < sizeof(n.text); ++first) {
    const unsigned char c = t.to[byte_of(*first)];
    if (c <= t.underscore) {
      space = true;
      continue;
    }
    if (space && n.size > 0) n.text[n.size++] = ' ';
    space = false;
    if (n.size < sizeof(n.text)) n.text[n.size++] = static_cast<char>(c);
  }
  return n;
}

/// fold_name where the bytes up to `readable` (the end of the input) may be read, which
/// lets most names fold 16 bytes at a time.
template <class C>
constexpr folded_name fold_name(const C* first, const C* last, const C* readable) noexcept {
#if WIKIREL_HAS_SSE2
  if (use_fast_path()) {
    static_assert(sizeof(C) == 1);
    folded_name n;
    if (fold_simple_name(reinterpret_cast<const char*>(first), reinterpret_cast<const char*>(last),
                         reinterpret_cast<const char*>(readable), n))
      return n;
  }
#endif
  (void)readable;
  return fold_name(first, last);
}

/// A map from names to values, built during compilation: open addressing, so a lookup is
/// one hash and (nearly always) one comparison, whatever the table's size.
template <class Value, std::size_t Slots>
class static_name_map {
 public:
  /// The length and the first, second, middle and last bytes, mixed: names differ there
  /// (FNV over every byte cost a multiply a byte, on every template and tag of an article).
  static constexpr std::uint32_t hash(std::string_view s) noexcept {
    if (s.empty()) return 0;
    const auto at = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])); };
    std::uint32_t h = static_cast<std::uint32_t>(s.size()) * 0x9E3779B1u;
    h ^= at(0) | (at(s.size() / 2) << 8) | (at(s.size() - 1) << 16) | (at(s.size() > 1 ? 1 : 0) << 24);
    h *= 0x85EBCA6Bu;
    return h ^ (h >> 15);
  }
  constexpr void insert(std::string_view key, const Value& value) noexcept {
    std::size_t i = hash(key) & (Slots - 1);
    while (slots_[i].used && !same_text(slots_[i].key, key)) i = (i + 1) & (Slots - 1);
    slots_[i] = {key, value, true};
  }
  /// Sets `value` and returns true when `key` is in the map.
  constexpr bool find(std::string_view key, Value& value) const noexcept {
    for (std::size_t i = hash(key) & (Slots - 1); slots_[i].used; i = (i + 1) & (Slots - 1)) {
      if (same_text(slots_[i].key, key)) {
        value = slots_[i].value;
        return true;
      }
    }
    return false;
  }

 private:
  struct slot {
    std::string_view key{};
    Value value{};
    bool used = false;
  };
  static_assert((Slots & (Slots - 1)) == 0, "a power of two");
  std::array<slot, Slots> slots_{};
};

template <std::size_t N>
constexpr bool one_of(const folded_name& n, const std::string_view (&names)[N]) noexcept {
  for (std::string_view s : names)
    if (n == s) return true;
  return false;
}

// ---- tags ---------------------------------------------------------------------------

enum class tag_kind : std::uint8_t {
  unknown,     ///< not a tag: the '<' is text
  html,        ///< markup dropped, content kept (<span>, <small>, <div>, …)
  line_break,  ///< <br>, <p>, <hr>, <li>: a separation in the text
  opaque,      ///< content not wikitext and not body text (<pre>, <math>, <gallery>, …)
  nowiki,      ///< content is literal text
  ref,
  references,
  hidden,      ///< content not shown on the page (<includeonly>)
};

inline constexpr std::string_view html_tags[] = {
    "b", "i", "u", "s", "del", "ins", "strike", "big", "small", "sup", "sub", "tt", "code", "kbd",
    "var", "samp", "abbr", "cite", "dfn", "em", "strong", "q", "span", "div", "center", "font",
    "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "thead",
    "tbody", "tfoot", "ruby", "rt", "rp", "rb", "bdi", "bdo", "mark", "time", "data", "poem",
    "noinclude", "onlyinclude", "h1", "h2", "h3", "h4", "h5", "h6", "nowrap", "wbr", "abbr",
    "section", "translate", "languages", "tvar"};
inline constexpr std::string_view line_break_tags[] = {"br", "p", "hr", "li"};
inline constexpr std::string_view opaque_tags[] = {
    "pre", "syntaxhighlight", "source", "math", "score", "timeline", "graph", "templatedata",
    "hiero", "chem", "ce", "imagemap", "inputbox", "categorytree", "gallery", "mapframe",
    "maplink", "charinsert", "templatestyles", "indicator", "dynamicpagelist", "rss", "quiz"};

inline constexpr auto tag_kinds = [] {
  static_name_map<tag_kind, 256> m;
  for (std::string_view t : html_tags) m.insert(t, tag_kind::html);
  for (std::string_view t : opaque_tags) m.insert(t, tag_kind::opaque);
  for (std::string_view t : line_break_tags) m.insert(t, tag_kind::line_break);
  m.insert("ref", tag_kind::ref);
  m.insert("references", tag_kind::references);
  m.insert("nowiki", tag_kind::nowiki);
  m.insert("includeonly", tag_kind::hidden);
  return m;
}();

constexpr tag_kind classify_tag(const folded_name& n) noexcept {
  tag_kind k = tag_kind::unknown;
  tag_kinds.find(n.view(), k);
  return k;
}

// ---- templates ----------------------------------------------------------------------

enum class template_kind : std::uint8_t {
  hidden,         ///< renders nothing we keep (infoboxes, navboxes, maintenance tags)
  display,        ///< renders one of its arguments as text ({{lang|fr|texte}})
  symbol,         ///< renders a fixed character ({{ndash}})
  date,           ///< {{birth date|…}} and kin: rendered as a date in the text
  short_citation, ///< {{sfn}} and kin: a footnote citing a short form
  inline_citation,///< {{harvnb}}, {{harvtxt}} in running text: "Smith (2001)" shown as text
  note,           ///< {{efn}}, {{refn}}, {{#tag:ref}}: a footnote
  reference_list, ///< {{reflist}}: may hold list-defined references (refs=)
  bilateral_infobox,
  quote,          ///< {{quote|…}}: its text is body text
  measure,        ///< {{convert|5|km|mi}}: shown as "5 km"
  ref_reuse,      ///< {{r|name}}: <ref name="name" /> written short
};

inline constexpr std::string_view date_templates[] = {
    "birth date", "birth date and age", "death date", "death date and age", "start date",
    "end date", "start date and age", "end date and age", "dts", "circa", "c.", "birth year and age",
    "death year and age", "film date", "date", "bda", "dob", "start-date", "end-date",
    "birth-date", "death-date", "birth date and age2", "formatdate", "reign", "r.", "fl.", "floruit",
    "as of"};
inline constexpr std::string_view short_citation_templates[] = {"sfn", "sfnp", "sfnm", "sfn whole"};
/// In running text these show an author and year (they link to a bibliography entry);
/// inside a <ref> they are the citation.
inline constexpr std::string_view inline_citation_templates[] = {
    "harvnb", "harv", "harvp", "harvtxt", "harvcol", "harvcolnb", "harvcoltxt", "harvard citation",
    "harvard citation no brackets", "harvard citation text", "harvs"};
inline constexpr std::string_view note_templates[] = {
    "efn", "efn-ua", "efn-lr", "efn-la", "efn-lg", "efn-ur", "efn-ug", "refn", "#tag:ref", "notetag"};
inline constexpr std::string_view reference_list_templates[] = {"reflist", "references", "reference list", "notelist", "notelist-ua", "notelist-lr"};
inline constexpr std::string_view quote_templates[] = {"quote", "blockquote", "cquote", "quotation", "quote box", "rquote"};

struct symbol_template {
  std::string_view name;
  std::string_view text;
};
inline constexpr symbol_template symbol_templates[] = {
    {"ndash", "\xE2\x80\x93"}, {"en dash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
    {"em dash", "\xE2\x80\x94"}, {"snd", " \xE2\x80\x93 "}, {"spnd", " \xE2\x80\x93 "},
    {"sndash", " \xE2\x80\x93 "}, {"spaced ndash", " \xE2\x80\x93 "}, {"spaced en dash", " \xE2\x80\x93 "},
    {"nbsp", " "}, {"'", "'"}, {"\"", "\""}, {"!", "|"}, {"=", "="}, {"\xC2\xB7", " \xC2\xB7 "},
    {"dot", " \xC2\xB7 "}, {"middot", "\xC2\xB7"}, {"bull", " \xE2\x80\xA2 "}, {"\xE2\x80\xA2", " \xE2\x80\xA2 "},
    {"-", "-"}, {"nbhyph", "-"}, {"ndash spaced", " \xE2\x80\x93 "}};

/// Templates that show one argument as text: which positional argument (1-based), and a
/// named argument that replaces it when given.
struct display_template {
  std::string_view name;
  std::uint8_t position;
  std::string_view named;
};
inline constexpr display_template display_templates[] = {
    {"lang", 2, "text"}, {"nowrap", 1, ""}, {"nobr", 1, ""}, {"small", 1, ""}, {"smaller", 1, ""},
    {"big", 1, ""}, {"larger", 1, ""}, {"ill", 1, ""}, {"interlanguage link", 1, ""},
    {"interlanguage link multi", 1, ""}, {"em", 1, ""}, {"strong", 1, ""}, {"nobold", 1, ""},
    {"noitalic", 1, ""}, {"vanchor", 1, ""}, {"not a typo", 1, ""}, {"proper name", 1, ""},
    {"abbr", 1, ""}, {"flag", 1, ""}, {"flagcountry", 1, ""}, {"flagu", 1, ""}, {"sic", 1, ""},
    {"transl", 2, ""}, {"lang-en", 1, ""}, {"script", 2, ""}, {"nihongo", 1, ""}, {"zh", 1, ""},
    {"visible anchor", 1, ""}, {"linktext", 1, ""}, {"wikt-lang", 2, ""}, {"ship", 2, ""},
    {"uss", 1, ""}, {"hms", 1, ""}, {"no wrap", 1, ""}};

struct template_class {
  template_kind kind = template_kind::hidden;
  std::uint8_t position = 0;   ///< display: the positional argument shown
  std::string_view named{};    ///< display: the named argument shown instead, if any
  std::string_view symbol{};   ///< symbol: the text
};

inline constexpr auto template_classes = [] {
  static_name_map<template_class, 512> m;
  // Inserted in reverse order of precedence: a later insert of the same name wins.
  for (std::string_view n : quote_templates) m.insert(n, {template_kind::quote, 1, "text"});
  for (std::string_view n : reference_list_templates) m.insert(n, {template_kind::reference_list});
  for (std::string_view n : note_templates) m.insert(n, {template_kind::note});
  for (std::string_view n : inline_citation_templates) m.insert(n, {template_kind::inline_citation});
  for (std::string_view n : short_citation_templates) m.insert(n, {template_kind::short_citation});
  for (std::string_view n : date_templates) m.insert(n, {template_kind::date});
  m.insert("r", {template_kind::ref_reuse});
  m.insert("convert", {template_kind::measure});
  m.insert("cvt", {template_kind::measure});
  m.insert("infobox bilateral relations", {template_kind::bilateral_infobox});
  m.insert("infobox bilateral relation", {template_kind::bilateral_infobox});
  for (const display_template& d : display_templates) m.insert(d.name, {template_kind::display, d.position, d.named, {}});
  for (const symbol_template& t : symbol_templates) m.insert(t.name, {template_kind::symbol, 0, {}, t.text});
  return m;
}();

constexpr template_class classify_template(const folded_name& n) noexcept {
  template_class c;
  if (template_classes.find(n.view(), c)) return c;
  if (n.starts_with("lang-")) return {template_kind::display, 1, {}, {}};
  if (n.starts_with("#tag:ref")) return {template_kind::note};
  return {};
}

/// A cite template's kind from its folded name, or false when it is not one.
enum class cite_class : std::uint8_t { none, web, news, book, journal, magazine, citation, other };

constexpr cite_class classify_cite(const folded_name& n) noexcept {
  if (n == "citation") return cite_class::citation;
  if (!n.starts_with("cite ") && n.view() != "cite") return cite_class::none;
  const std::string_view rest = n.view().substr(n.size > 5 ? 5 : n.size);
  if (rest == "web") return cite_class::web;
  if (rest == "news") return cite_class::news;
  if (rest == "book") return cite_class::book;
  if (rest == "journal") return cite_class::journal;
  if (rest == "magazine") return cite_class::magazine;
  return cite_class::other;
}

// ---- link prefixes ------------------------------------------------------------------

inline constexpr std::string_view category_prefixes[] = {
    "category", "kategorie", "cat\xC3\xA9gorie", "categor\xC3\xAD" "a", "categoria", "kategori",
    "kategoria", "categorie", "kategorija", "luokka", "kateqoriya",
    "\xD0\xBA\xD0\xB0\xD1\x82\xD0\xB5\xD0\xB3\xD0\xBE\xD1\x80\xD0\xB8\xD1\x8F"};
inline constexpr std::string_view file_prefixes[] = {
    "file", "image", "media", "datei", "bild", "fichier", "archivo", "imagen", "bestand", "plik",
    "immagine", "arquivo", "fil", "afbeelding", "l\xC3\xAA" "er", "beeld", "billede", "kuva", "dosya",
    "soubor", "\xD1\x84\xD0\xB0\xD0\xB9\xD0\xBB", "\xD0\xB8\xD0\xB7\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB0\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5"};

enum class link_kind : std::uint8_t { normal, category, file, interlanguage };

/// What [[prefix:…]] is. `leading_colon` ([[:Category:X]]) makes any link a normal one;
/// language codes count only as written in lower case ([[de:…]], not [[DE:…]]).
constexpr link_kind classify_link_prefix(const folded_name& prefix, bool leading_colon, bool lower_case) noexcept {
  if (leading_colon) return link_kind::normal;
  if (one_of(prefix, category_prefixes)) return link_kind::category;
  if (one_of(prefix, file_prefixes)) return link_kind::file;
  // Interlanguage links ([[de:Beispiel]]) are language codes: 2-3 letters, maybe "-xx".
  const std::string_view p = prefix.view();
  std::size_t letters = 0;
  while (letters < p.size() && is_lower(byte_of(p[letters]))) ++letters;
  const bool code = (letters == 2 || letters == 3) &&
                    (letters == p.size() || (p[letters] == '-' && p.size() > letters + 1));
  if (lower_case && (code || p == "simple")) return link_kind::interlanguage;
  return link_kind::normal;
}

}  // namespace wikirel::detail

#endif
