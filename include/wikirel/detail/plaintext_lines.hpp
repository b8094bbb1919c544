#ifndef WIKIREL_DETAIL_PLAINTEXT_LINES_HPP
#define WIKIREL_DETAIL_PLAINTEXT_LINES_HPP

// The shape of a line of plain text: what the plain-text reader decides from one line on
// its own (is it blank, a list item, a reference-list entry, site chrome, short enough for
// a heading). Decisions that need the neighbouring lines live in the reader.

#include "chars.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wikirel::detail {

/// Phrases that belong to the site around an article, never to the article. Compared
/// with the start of a trimmed line, ignoring case.
inline constexpr std::string_view chrome_line_starts[] = {
    "from wikipedia, the free encyclopedia", "jump to navigation", "jump to search", "jump to content",
    "skip to content", "(redirected from", "retrieved from", "navigation menu", "personal tools",
    "this page was last edited", "this page was last modified", "text is available under",
    "got something to say", "make a comment", "leave a comment", "post a comment", "add a comment",
    "your name", "your email", "your e-mail", "privacy policy", "cookie statement", "mobile view",
    "hidden categories:", "hidden category:", "note: many of our articles",
    // Maintenance banners and hatnotes, which the wikitext reader does not show either.
    "this article needs additional citations", "this article has multiple issues", "this article needs to be updated",
    "this section needs additional citations", "this section does not cite any sources", "find sources:",
    "main article:", "main articles:", "further information:", "see also:"};

/// Words that end a maintenance banner's line wherever they stand in it.
inline constexpr std::string_view banner_tails[] = {"(learn how and when to remove this message)",
                                                     "(learn how and when to remove this template message)"};

/// "From Wikipedia, the free encyclopedia" in the languages of the large Wikipedias: the
/// line between the page's title and the article.
inline constexpr std::string_view from_wikipedia_lines[] = {
    "from wikipedia, the free encyclopedia", "aus wikipedia, der freien enzyklop\xC3\xA4" "die",
    "uit wikipedia, die vrye ensiklopedie", "un article de wikip\xC3\xA9" "dia, l'encyclop\xC3\xA9" "die libre",
    "de wikipedia, la enciclopedia libre", "da wikipedia, l'enciclopedia libera", "fra wikipedia, den frie encyklop\xC3\xA6" "di",
    "uit wikipedia, de vrije encyclopedie", "z wikipedii, wolnej encyklopedii", "fr\xC3\xA5n wikipedia, den fria encyklopedin",
    "origem: wikip\xC3\xA9" "dia, a enciclop\xC3\xA9" "dia livre", "fra wikipedia, den frie encyklop\xC3\xA6" "dien",
    "\xD0\x9C\xD0\xB0\xD1\x82\xD0\xB5\xD1\x80\xD0\xB8\xD0\xB0\xD0\xBB \xD0\xB8\xD0\xB7 \xD0\x92\xD0\xB8\xD0\xBA\xD0\xB8\xD0\xBF\xD0\xB5\xD0\xB4\xD0\xB8\xD0\xB8"};

/// Whole lines of a wiki page's navigation (sidebars, tabs, menus, tools), compared ignoring
/// case. They surround the article in a browser copy and are never its title or headings.
inline constexpr std::string_view navigation_lines[] = {
    "main menu", "move to sidebar", "hide", "show", "navigation", "main page", "contents", "current events",
    "random article", "about wikipedia", "contact us", "contribute", "help", "learn to edit", "community portal",
    "recent changes", "upload file", "special pages", "search", "appearance", "donate", "create account", "log in",
    "personal tools", "article", "talk", "english", "read", "edit", "edit source", "view history", "tools",
    "actions", "general", "what links here", "related changes", "permanent link", "page information",
    "cite this page", "get shortened url", "download qr code", "print/export", "download as pdf",
    "printable version", "in other projects", "wikimedia commons", "wikidata item", "text", "small",
    "standard", "large", "width", "wide", "color (beta)", "automatic", "light", "dark", "not logged in",
    "contributions", "namespaces", "variants", "views", "more", "languages", "edit links", "add links",
    "watch", "open main menu", "wikipedia", "jump to content", "toggle the table of contents", "(top)",
    "language", "hauptmen\xC3\xBC \xC3\xB6" "ffnen", "beobachten", "sprache", "open hoofkieslys", "dophou",
    "taal", "add languages", "sprachen hinzuf\xC3\xBCgen", "voeg tale by", "add topic", "create a book",
    "hauptmen\xC3\xBC", "hauptseite", "themenportale", "zuf\xC3\xA4lliger artikel", "mitmachen",
    "artikel verbessern", "neuen artikel anlegen", "autorenportal", "hilfe", "letzte \xC3\xA4nderungen",
    "kontakt", "spenden", "suche", "erscheinungsbild", "benutzerkonto erstellen", "anmelden",
    "pers\xC3\xB6nliche werkzeuge", "artikel", "diskussion", "deutsch", "lesen", "bearbeiten",
    "quelltext bearbeiten", "versionsgeschichte", "werkzeuge", "tuisblad", "bespreking",
    "lees", "wysig", "wysig bron", "wys geskiedenis", "gereedskap", "afrikaans", "soek", "verbergen", "klein",
    "gro\xC3\x9F", "breite", "farbe (beta)", "automatisch", "hell", "dunkel", "voorkoms", "versteek", "groot"};

/// The heading of a page's table of contents, in the same languages.
inline constexpr std::string_view contents_words[] = {
    "contents", "inhaltsverzeichnis", "inhalt", "inhoud", "sommaire", "\xC3\xADndice", "contenido", "indice",
    "spis tre\xC5\x9B" "ci", "inneh\xC3\xA5ll", "indholdsfortegnelse", "innhold",
    "\xD0\xA1\xD0\xBE\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5"};

/// The words of an edit link after a heading ("[edit]", "[edit source]", "[Quelltext
/// bearbeiten]", "[wysig | wysig bron]", "[modifier | modifier le code]").
inline constexpr std::string_view edit_words[] = {
    "edit", "source", "bearbeiten", "quelltext", "wysig", "bron", "modifier", "le", "code", "editar",
    "c\xC3\xB3" "digo", "modifica", "wikitesto", "bewerken", "brontekst", "edytuj", "kod", "redigera", "k\xC3\xA4llkod",
    "rediger", "kilde", "kildekode", "\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD1\x8C", "|"};

/// Lines that end the article body: everything after them is the site's.
inline constexpr std::string_view footer_starts[] = {
    "retrieved from", "navigation menu", "personal tools", "this page was last edited",
    "this page was last modified", "text is available under", "got something to say", "make a comment",
    "leave a comment", "post a comment", "add a comment", "your name", "your email", "your e-mail",
    "this article is issued from wikipedia"};

/// Suffixes that mirrors and browsers add to a page title.
inline constexpr std::string_view title_suffixes[] = {
    " - wikipedia", " \xE2\x80\x93 wikipedia", " \xE2\x80\x94 wikipedia", " | wikipedia", ": wikis",
    " - wikiwand", " \xE2\x80\x94 wikiwand", " - wikimili", " - the free encyclopedia",
    ", the free encyclopedia", " - simple english wikipedia"};

/// Maintenance marks dropped from the text ("[citation needed]"): compared with the
/// inside of the brackets, ignoring case.
inline constexpr std::string_view maintenance_marks[] = {
    "citation needed", "clarification needed", "dubious", "dubious \xE2\x80\x93 discuss", "who?", "when?",
    "where?", "which?", "why?", "by whom?", "according to whom?", "better source needed",
    "better source", "failed verification", "not in citation given", "page needed", "pages needed",
    "verification needed", "original research?", "dead link", "permanent dead link", "full citation needed",
    "year needed", "date missing", "unreliable source?", "non-primary source needed", "vague",
    "specify", "quantify", "disputed", "discuss", "edit", "edit source", "update", "needs update",
    "citation needed to verify", "additional citation(s) needed", "how?", "what?", "clarify",
    "self-published source?", "irrelevant citation", "promotional source?", "inconsistent",
    "further explanation needed", "examples needed", "neutrality is disputed", "sic"};

/// Headings of a list of notes ("[a]") kept apart from the references ("[1]").
inline constexpr std::string_view notes_list_names[] = {"notes", "footnotes", "explanatory notes", "notes and comments",
                                                       "anmerkungen"};

/// Headings under which a numbered list is a reference list.
inline constexpr std::string_view reference_list_headings[] = {
    "references", "notes", "footnotes", "citations", "sources", "notes and references",
    "references and notes", "works cited", "einzelnachweise", "belege", "anmerkungen"};

/// The sections that close an article: after a reference list only these bring the body
/// back, and a heading with nothing under it is one of these (a converter drops the
/// generated list that fills it).
inline constexpr std::string_view trailing_section_names[] = {
    "external links", "external link", "further reading", "see also", "bibliography", "notes",
    "sources", "references", "footnotes", "citations", "notes and references", "references and notes",
    "literature", "weblinks", "literatur", "einzelnachweise", "belege", "works", "publications",
    "discography", "filmography", "works cited", "bronnelys", "verwysings", "eksterne skakels",
    "kjelder", "referanser", "liens externes", "r\xC3\xA9" "f\xC3\xA9rences", "notes et r\xC3\xA9" "f\xC3\xA9rences",
    "referencias", "enlaces externos", "siehe auch", "anmerkungen", "quellen"};

/// Section names so common that a line reading just this, after a break, is a heading
/// whatever follows it.
inline constexpr std::string_view common_section_names[] = {
    "history", "early life", "career", "biography", "geography", "demographics", "economy", "education",
    "culture", "politics", "legacy", "personal life", "death", "awards", "reception", "background",
    "overview", "etymology", "description", "production", "plot", "cast", "track listing", "release",
    "early years", "later life", "life", "work", "works", "honours", "honors", "awards and honours",
    "climate", "transport", "sport", "sports", "media", "government", "religion", "architecture",
    "geschichte", "leben", "werk", "literatur", "weblinks", "einzelnachweise", "siehe auch", "belege",
    "geskiedenis", "lewe", "verwysings", "eksterne skakels", "sien ook"};

/// Sections after which an article has only link lists and navigation boxes: a short line
/// standing alone there is a box's title, not a heading.
inline constexpr std::string_view closing_section_names[] = {
    "external links", "external link", "weblinks", "liens externes", "enlaces externos", "eksterne skakels",
    "eksterne lenker"};

/// Sections that are a list of links, whose items stand alone between blank lines in some
/// copies: up to the next usual closing section, no short line there is a heading.
inline constexpr std::string_view link_list_names[] = {"see also", "siehe auch", "voir aussi", "related articles"};

template <class C, std::size_t N>
constexpr bool starts_with_any_ci(const C* p, const C* end, const std::string_view (&list)[N]) noexcept {
  for (std::string_view s : list)
    if (starts_with_ci(p, end, s)) return true;
  return false;
}

template <class C, std::size_t N>
constexpr bool equals_any_ci(const C* p, const C* end, const std::string_view (&list)[N]) noexcept {
  for (std::string_view s : list)
    if (equals_ci(p, static_cast<std::size_t>(end - p), s)) return true;
  return false;
}

/// Where a list-item marker ends: "• ", "- ", "* ", "– ", "-   " (pandoc), "1. ", "1) ".
/// Returns first when the line is not a list item.
template <class C>
constexpr const C* list_marker_end(const C* first, const C* last) noexcept {
  const C* p = first;
  if (p < last && (byte_of(*p) == '*' || byte_of(*p) == '-' || byte_of(*p) == '+')) {
    ++p;
  } else if (last - p >= 3 && byte_of(p[0]) == 0xE2 && byte_of(p[1]) == 0x80 &&
             (byte_of(p[2]) == 0xA2 || byte_of(p[2]) == 0x93 || byte_of(p[2]) == 0xA3)) {
    p += 3;  // • – ‣
  } else if (last - p >= 2 && byte_of(p[0]) == 0xC2 && byte_of(p[1]) == 0xB7) {
    p += 2;  // ·
  } else {
    const C* d = p;
    while (d < last && d - p < 3 && is_digit(byte_of(*d))) ++d;
    if (d == p || d >= last || (byte_of(*d) != '.' && byte_of(*d) != ')')) return first;
    p = d + 1;
  }
  if (p >= last || !is_blank(byte_of(*p))) return first;
  return skip_blanks(p, last);
}

/// The backlink mark that opens a reference-list entry: '^', or the up arrow U+2191 that
/// some language editions show instead ("1. <arrow> text"). Its length in bytes, 0 if none.
template <class C>
constexpr std::size_t backlink_mark(const C* p, const C* last) noexcept {
  if (p >= last) return 0;
  if (byte_of(*p) == '^') return 1;
  const bool arrow = last - p >= 3 && byte_of(p[0]) == 0xE2 && byte_of(p[1]) == 0x86 && byte_of(p[2]) == 0x91;
  return arrow ? 3 : 0;
}

/// The words a screen reader gives the backlinks, which text dumps of a page keep: "Jump
/// up ^ text" for one use, "^ Jump up to: a b text" for several. The first form puts them
/// before the mark: p moves to the mark when it follows them, else stays.
template <class C>
constexpr const C* words_before_mark(const C* p, const C* last) noexcept {
  if (!starts_with_ci(p, last, "jump up") || last - p < 8 || !is_blank(byte_of(p[7]))) return p;
  const C* q = skip_blanks(p + 8, last);
  return backlink_mark(q, last) ? q : p;
}
/// The second form: after the mark, "Jump up to:" is skipped.
template <class C>
constexpr const C* skip_backlink_words(const C* p, const C* last) noexcept {
  return starts_with_ci(p, last, "jump up to:") ? skip_blanks(p + 11, last) : p;
}

/// One backlink of a run: a letter ("a"), or a number with a dot ("1.0", as some language
/// editions write them). Its end, or p.
template <class C>
constexpr const C* backlink_end(const C* p, const C* last) noexcept {
  if (p < last && is_lower(byte_of(*p))) return p + 1;
  const C* d = p;
  while (d < last && is_digit(byte_of(*d))) ++d;
  if (d == p || last - d < 2 || byte_of(*d) != '.' || !is_digit(byte_of(d[1]))) return p;
  for (++d; d < last && is_digit(byte_of(*d));) ++d;
  return d;
}

/// "a b c text", "^a ^b text" (a text browser keeps a mark on each), "1.0 1.1 text": the
/// backlinks to each use of an entry cited more than once, skipped. p when there are none.
template <class C>
constexpr const C* skip_backlink_run(const C* p, const C* last) noexcept {
  const C* q = p;
  int count = 0;
  for (;;) {
    const C* t = q + backlink_mark(q, last);
    const C* e = backlink_end(t, last);
    if (e == t || (e < last && !is_blank(byte_of(*e)))) break;
    ++count;
    q = skip_blanks(e, last);
  }
  return count >= 2 ? q : p;
}

/// A reference-list entry: "1. ^ text", "^ a b text", "a. ^ text", "[1] text", "[1]".
/// Sets the label ("1", "a"; empty for a bare "^") and where the text starts.
template <class C>
constexpr bool reference_entry(const C* first, const C* last, const C*& label, const C*& label_end,
                               const C*& text) noexcept {
  const C* p = first;
  label = label_end = first;
  if (p < last && byte_of(*p) == '[') {
    const C* d = p + 1;
    while (d < last && is_digit(byte_of(*d))) ++d;
    if (d == p + 1 || d >= last || byte_of(*d) != ']') return false;
    label = p + 1;
    label_end = d;
    text = skip_blanks(d + 1, last);
    return text == last || is_blank(byte_of(d[1]));
  }
  p = words_before_mark(p, last);
  if (p < last && backlink_mark(p, last) == 0) {
    const C* d = p;
    while (d < last && d - p < 4 && is_digit(byte_of(*d))) ++d;
    if (d == p && d < last && is_lower(byte_of(*d))) ++d;  // "a. ^"
    if (d == p || d >= last || byte_of(*d) != '.') return false;
    label = p;
    label_end = d;
    p = words_before_mark(skip_blanks(d + 1, last), last);
  }
  const std::size_t mark = backlink_mark(p, last);
  if (mark == 0) return false;
  text = skip_backlink_run(skip_backlink_words(skip_blanks(p + mark, last), last), last);
  return true;
}

/// True when [first, last) is an edit link: brackets around edit words only.
template <class C>
constexpr bool is_edit_mark(const C* first, const C* last) noexcept {
  if (last - first < 3 || byte_of(*first) != '[' || byte_of(last[-1]) != ']') return false;
  bool any = false;
  for (const C* p = first + 1; p < last - 1;) {
    p = skip_blanks(p, last - 1);
    const C* e = p;
    while (e < last - 1 && !is_blank(byte_of(*e))) ++e;
    if (e == p) break;
    bool known = false;
    for (std::string_view w : edit_words) known = known || equals_ci(p, static_cast<std::size_t>(e - p), w);
    if (!known) return false;
    any = true;
    p = e;
  }
  return any;
}

/// A trailing edit link ("History[edit]"): where the heading text ends.
template <class C>
constexpr const C* strip_edit_mark(const C* first, const C* last, bool& had_mark) noexcept {
  had_mark = false;
  if (last - first < 4 || byte_of(last[-1]) != ']') return last;
  const C* open = last - 1;
  while (open > first && byte_of(*open) != '[' && last - open < 48) --open;
  if (open == first || !is_edit_mark(open, last)) return last;
  had_mark = true;
  last = open;
  trim(first, last);
  return last;
}

/// The number of words (runs of non-space) in [first, last).
template <class C>
constexpr int count_words(const C* first, const C* last) noexcept {
  int words = 0;
  bool in_word = false;
  for (; first < last; ++first) {
    const bool space = is_space(byte_of(*first));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

/// Abbreviations that may end a heading with a period ("Washington, D.C.", "Smith Jr.").
template <class C>
constexpr bool ends_with_abbreviation(const C* first, const C* last) noexcept {
  const C* w = last;
  while (w > first && !is_space(byte_of(w[-1]))) --w;
  int dots = 0;
  for (const C* p = w; p < last; ++p) dots += byte_of(*p) == '.';
  if (dots >= 2 && last - w <= 6) return true;  // "D.C.", "U.S."
  constexpr std::string_view abbreviations[] = {"jr.", "sr.", "inc.", "ltd.", "co.", "corp.", "bros.", "st.", "vs.", "no."};
  for (std::string_view a : abbreviations)
    if (equals_ci(w, static_cast<std::size_t>(last - w), a)) return true;
  return false;
}

}  // namespace wikirel::detail

#endif
