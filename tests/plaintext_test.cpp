// The plain-text reader: mirror pages, browser copies, converter output, the seed.
#include "test_support.hpp"

#include <wikirel/article.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace std::literals;
using wikirel_test::fixture;
using wikirel_test::total_uses;

namespace {

wikirel::article plain(std::string_view text) { return wikirel::parse(text, {wikirel::format::plaintext}); }

std::vector<std::string> heading_texts(const wikirel::article& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sections())
    if (s.level() > 0) out.emplace_back(s.heading());
  return out;
}

/// A sidecar NAME.expect: one heading a line, and "citations: N".
struct expectation {
  std::vector<std::string> headings;
  long citations = -1;
};

expectation expected(std::string_view name) {
  expectation e;
  std::string text = fixture(name);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    if (line.rfind("citations: ", 0) == 0) e.citations = std::stol(line.substr(11));
    else if (!line.empty()) e.headings.push_back(line);
    at = end + 1;
  }
  return e;
}

bool any_text_contains(const wikirel::article& a, std::string_view needle) {
  for (const auto& s : a.sections())
    if (s.heading().find(needle) != std::string_view::npos || s.text().find(needle) != std::string_view::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("each plain-text fixture reads as its .expect file says") {
  for (const char* name : {"mirror_fullwiki_style", "browser_copy", "pandoc_style", "captions_lists"}) {
    CAPTURE(name);
    const std::string input = fixture(std::string(name) + ".txt");  // the article views it: keep it alive
    const auto a = wikirel::parse(input);
    CHECK(a.format() == wikirel::format::plaintext);
    const expectation e = expected(std::string(name) + ".expect");
    CHECK(heading_texts(a) == e.headings);
    if (e.citations >= 0) CHECK(static_cast<long>(a.citations().size()) == e.citations);
  }
}

TEST_CASE("mirror chrome is dropped and the title loses the mirror's suffix") {
  const std::string input = fixture("mirror_fullwiki_style.txt");  // the article views it: keep it alive
  const auto a = plain(input);
  CHECK(!a.title().empty());
  CHECK(a.title().find("Wikis") == std::string_view::npos);
  CHECK(!any_text_contains(a, "From Wikipedia"));
  CHECK(!any_text_contains(a, "Note:"));
}

TEST_CASE("plain text: a party named by a combining form is its country, and the text stays whole") {
  const auto a = plain("Sino-Indian relations\n\nFrom Wikipedia, the free encyclopedia\n\nThe two states met in 1950.[1]\n\nReferences\n\n1. ^ A source.\n");
  CHECK(a.title() == "Sino-Indian relations");
  REQUIRE(a.parties().size() == 2);
  CHECK(a.parties()[0] == "China");
  CHECK(a.parties()[1] == "India");
  REQUIRE(!a.sections().empty());
  CHECK(a.sections()[0].text() == "The two states met in 1950.");
  CHECK(a.citations().size() == 1);
}

TEST_CASE("plain text: a page copied alone has its title on the first line") {
  const auto a = plain("Quarro\xE2\x80\x93Rillmark relations\n\nQuarro\xE2\x80\x93Rillmark relations are the ties.\n\n"
                       "History\n\nText here.\n");
  CHECK(a.title() == "Quarro\xE2\x80\x93Rillmark relations");
  REQUIRE(a.parties().size() == 2);
  CHECK(a.parties()[1] == "Rillmark");
  CHECK(a.sections()[0].text() == "Quarro\xE2\x80\x93Rillmark relations are the ties.");
  const auto b = plain("Orla River\n\nOrla River is a river.\n\nCourse\n\nIt flows.\n");
  CHECK(b.title() == "Orla River");
  const auto c = plain("Some words here\n\nA lead that says something else.\n\nCourse\n\nIt flows.\n");
  CHECK(c.title().empty());  // nothing says the first line is the title
}

TEST_CASE("plain text: notes and references are two lists, each numbered on its own") {
  const auto a = plain(
      "Title - Wikipedia\n\nLead text.[1][a]\n\nHistory\n\nText here.[2][b]\n\n"
      "Notes\n\n^ A note about the ties.\n^ A second note.\n\n"
      "References\n\n^ \"First\". Site One.\n^ \"Second\". Site Two.\n");
  REQUIRE(a.citations().size() == 4);
  CHECK(a.diagnostics().empty());
  for (const auto& c : a.citations()) CHECK(c.uses().size() == 1);
  CHECK(a.citations()[0].text() == "A note about the ties.");
  CHECK(a.citations()[0].name() == "a");
  CHECK(a.citations()[2].name() == "1");
  CHECK(a.citations()[2].text() == "\"First\". Site One.");
  // One list called "Notes" is the reference list: its entries are [1], [2].
  const auto b = plain("Title - Wikipedia\n\nLead text.[1]\n\nMore.[2]\n\nNotes\n\n^ One.\n^ Two.\n");
  REQUIRE(b.citations().size() == 2);
  CHECK(b.diagnostics().empty());
  CHECK(b.citations()[1].name() == "2");
  CHECK(b.citations()[1].uses().size() == 1);
}

TEST_CASE("a browser copy: Contents box, [edit] marks, markers, categories, navigation") {
  const std::string input = fixture("browser_copy.txt");  // the article views it: keep it alive
  const auto a = plain(input);
  CHECK(a.title() == "Ostwick Abbey");
  REQUIRE(a.sections().size() == 6);
  CHECK(a.sections()[1].heading() == "History");
  CHECK(a.sections()[1].level() == 2);
  CHECK(a.sections()[2].heading() == "Early years");
  CHECK(a.sections()[2].level() == 3);  // from the Contents box numbering "1.1"
  CHECK(a.sections()[2].parent() == 1u);
  CHECK(!any_text_contains(a, "Jump to"));
  CHECK(!any_text_contains(a, "[citation needed]"));
  CHECK(!any_text_contains(a, "Navigation menu"));
  CHECK(!any_text_contains(a, "1.1 Early years"));
  REQUIRE(a.categories().size() == 3);
  CHECK(a.categories()[0] == "Monasteries in the Northern Dales");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[1].uses().size() == 2);
  CHECK(a.citations()[1].access_date() == "8 October 2019");
  CHECK(a.citations()[1].title() == "Ostwick Abbey");
  CHECK(a.citations()[0].date().year == 2004);
  REQUIRE(a.citations()[0].authors().size() == 1);
  CHECK(a.citations()[0].authors()[0] == "Fenwick, Clara");
  int unresolved = 0;  // [a] and [note 1] have no entries
  for (const auto& d : a.diagnostics()) unresolved += d.kind == wikirel::diagnostic_kind::unresolved_reference;
  CHECK(unresolved == 2);
}

TEST_CASE("markers become uses and leave the text; adjacent markers attach to their sentence") {
  const auto a = plain(
      "Title\nFrom Wikipedia, the free encyclopedia\n\n"
      "The pact was signed in 1921.[1] [2]The border opened in 1922.[3]\n\n"
      "  1. ^ First source.\n  2. ^ Second source.\n  3. ^ Third source.\n");
  CHECK(a.title() == "Title");
  CHECK(a.sections()[0].text() == "The pact was signed in 1921. The border opened in 1922.");
  REQUIRE(a.citations().size() == 3);
  for (const auto& c : a.citations()) CHECK(c.uses().size() == 1);
  CHECK(a.citations()[2].text() == "Third source.");
}

TEST_CASE("reference lists: caret entries with backlinks, bracket entries, wrapped lines") {
  const auto caret = plain("Body text.[1] More.[2] Again.[2]\n\n  1. ^ One.\n  2. ^ a b Two, cited twice.\n");
  REQUIRE(caret.citations().size() == 2);
  CHECK(caret.citations()[1].text() == "Two, cited twice.");
  CHECK(caret.citations()[1].uses().size() == 2);
  const auto bracket = plain("Body text.[1]\n\nReferences\n\n[1] A wrapped\nentry that goes on.\n");
  REQUIRE(bracket.citations().size() == 1);
  CHECK(bracket.citations()[0].text() == "A wrapped entry that goes on.");
}

TEST_CASE("lists, tables and captions are not headings") {
  const std::string input = fixture("captions_lists.txt");  // the article views it: keep it alive
  const auto a = plain(input);
  CHECK(heading_texts(a) == expected("captions_lists.expect").headings);
  CHECK(a.sections()[1].text().find("Oak for the gates") != std::string_view::npos);
}

TEST_CASE("the seed reads as check_seed.py expects" * doctest::skip(!wikirel_test::have_shared())) {
  const auto path = wikirel_test::shared_dir() / "corpus" / "seed" / "000_fe324084d34eb987.txt";
  if (!std::filesystem::exists(path)) return;
  const std::string text = wikirel_test::read_file(path);
  const auto a = wikirel::parse(text);
  CHECK(a.format() == wikirel::format::plaintext);
  CHECK(a.title() == "Soviet Union – United States relations");
  REQUIRE(a.parties().size() == 2);
  CHECK(a.parties()[0] == "Soviet Union");
  CHECK(a.parties()[1] == "United States");
  CHECK(heading_texts(a) == std::vector<std::string>{"Pre-World War II relations", "World War II (1939–45)",
                                                     "Cold War (1945–91)", "End of the Cold War", "See also"});
  CHECK(a.sections()[0].text().rfind("The relations between the United States", 0) == 0);
  REQUIRE(a.citations().size() == 3);
  CHECK(total_uses(a) == 3);
  CHECK(a.citations()[2].text().find("Prologue Magazine") != std::string_view::npos);
  CHECK(!any_text_contains(a, "The Full Wiki"));
  CHECK(!any_text_contains(a, "Your email address"));
}

TEST_CASE("browser copies: navigation before the article, localized taglines, edit links on their own line") {
  const std::string_view nav_first =
      "Jump to content\nMain menu\nNavigation\nMain page\nContents\nCurrent events\nSearch\nPersonal tools\n"
      "Lindmoor Harbour\n2 languages\nArticle\nTalk\nRead\nEdit\nView history\nTools\n"
      "From Wikipedia, the free encyclopedia\nFor the village in Sylvania, see Lindmoor (Sylvania).\n"
      "Lindmoor Harbour is an invented port used by the wikirel tests.[1]\n\n"
      "History[edit]\nThe pier was built in 1881.\n\nTrade\n[edit]\nFish and timber left from the quay.\n\n"
      "References[edit]\n1. ^ Harbour Trust (1990). Annual report.\n";
  const auto a = plain(nav_first);
  CHECK(a.title() == "Lindmoor Harbour");
  CHECK(heading_texts(a) == std::vector<std::string>{"History", "Trade", "References"});
  CHECK(!any_text_contains(a, "Main menu"));
  CHECK(!any_text_contains(a, "For the village"));
  REQUIRE(a.citations().size() == 1);
  CHECK(a.citations()[0].uses().size() == 1);

  const auto de = plain("Kellenhafen\nAus Wikipedia, der freien Enzyklop\xC3\xA4" "die\n"
                        "Kellenhafen ist ein erfundener Hafen.\n\nGeschichte[Quelltext bearbeiten]\nText.\n");
  CHECK(de.title() == "Kellenhafen");
  CHECK(heading_texts(de) == std::vector<std::string>{"Geschichte"});
}

TEST_CASE("a mobile copy: headings straight over their paragraphs, no blank line between") {
  const std::string_view mobile =
      "Open main menu\nWikipedia\nSearch\nTarn Mill\nWatch\nEdit\n"
      "Tarn Mill is an invented wool mill on the River Tarn, written for the wikirel tests, with a lead long "
      "enough to read as prose.\n\n"
      "Closure\nProduction stopped on 31 March 1956 and the buildings were sold to the county council, which "
      "turned the mill into a museum of the valley's wool trade.[1]\n\n"
      "References\n1. ^ Harker, Joan (2011). Mills of the Tarn Valley.\n";
  const auto a = plain(mobile);
  CHECK(a.title() == "Tarn Mill");
  CHECK(heading_texts(a) == std::vector<std::string>{"Closure", "References"});
  CHECK(a.citations().size() == 1);
}

TEST_CASE("a second reference list numbered from 1 again gives citations of its own") {
  const auto a = plain("Body.[1]\n\nNotes\n1. ^ A note.\n\nReferences\n1. ^ A source.\n2. ^ Another source.\n");
  CHECK(a.citations().size() == 3);
  CHECK(a.citations()[0].uses().size() == 1);
}

TEST_CASE("an indented line (a converter's legend, table cell or quote) is not a heading") {
  const auto a = plain("The league's results table follows below in full detail for every season.\n\n"
                       "Results\n\n  Legend\n  --------\n  \xC2\xA0\n  Bold\n\nThe club won more often at home than away.\n");
  REQUIRE(a.sections().size() == 2);
  CHECK(a.sections()[1].heading() == "Results");
  CHECK(a.sections()[1].text().find("Bold") != std::string_view::npos);
}

TEST_CASE("labels of an unnumbered reference list stay out of the lead's text") {
  const auto a = plain("Lead text here.\n\nHistory\n\nIn 1921 it grew.[1]\n\nReferences\n\n^ A source.\n^ Another.\n");
  REQUIRE(a.sections().size() >= 2);
  CHECK(a.sections()[0].text() == "Lead text here.");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].name() == "1");
}

TEST_CASE("a converter's page that opens with two heading-like lines: the first opens the lead") {
  const auto a = plain("A list of Ruritanian operas first staged in 1911\n\n1911\n\n"
                       "Three operas opened in the capital that spring, all to full houses.\n");
  REQUIRE(a.sections().size() == 2);
  CHECK(a.sections()[0].text() == "A list of Ruritanian operas first staged in 1911");
  CHECK(a.sections()[1].heading() == "1911");
  SUBCASE("one heading-like line over a paragraph is still a heading") {
    const auto b = plain("Early years\n\nThe theatre opened in 1911 with a comic opera in three acts.\n");
    REQUIRE(b.sections().size() == 2);
    CHECK(b.sections()[1].heading() == "Early years");
  }
  SUBCASE("an edit link keeps the first heading") {
    const auto c = plain("History[edit]\n\nEarly years[edit]\n\nThe theatre opened in 1911 with an opera.\n");
    REQUIRE(c.sections().size() == 3);
    CHECK(c.sections()[1].heading() == "History");
  }
}

TEST_CASE("a reference list whose backlinks are arrows (U+2191), as some language editions show them") {
  const auto a = plain("Die dorp is in 1921 gestig.[1] Die hawe is in 1934 gebou.[2]\n\n"
                       "Verwysings\n\n"
                       "1. \xE2\x86\x91 Jansen, P. (1990). \"Ons dorp\". Kaapstad.\n"
                       "2. \xE2\x86\x91 Hawe-argief, l\xC3\xAA" "er 12.\n");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].text().find("Jansen") == 0);
  CHECK(a.citations()[1].text() == "Hawe-argief, l\xC3\xAA" "er 12.");
  CHECK(total_uses(a) == 2);
  CHECK_FALSE(any_text_contains(a, "\xE2\x86\x91"));
}

TEST_CASE("a text dump's backlink words (\"Jump up ^\", \"^ Jump up to: a b\") are not part of the entry") {
  const auto a = plain("Body text.[1] More.[2] Again.[1]\n\n"
                       "References\n\n"
                       " 1. ^ Jump up to: a b Smith, John (1999). A History of Freedonia. Pine Press. p. 12.\n"
                       " 2. Jump up ^ Doe, Jane (2004). \"Treaty days\". Journal of Things.\n");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].text().find("Smith, John") == 0);
  REQUIRE(a.citations()[0].authors().size() == 1);
  CHECK(a.citations()[0].authors()[0] == "Smith, John");
  CHECK(a.citations()[0].uses().size() == 2);
  CHECK(a.citations()[1].text().find("Doe, Jane") == 0);
  CHECK_FALSE(any_text_contains(a, "Jump up"));
  // A text that happens to begin with the words keeps them when no mark follows.
  const auto words = plain("Body.[1]\n\n 1. ^ Jump upwards, a memoir (2001).\n");
  REQUIRE(words.citations().size() == 1);
  CHECK(words.citations()[0].text().find("Jump upwards") == 0);
}

TEST_CASE("plain-text entries: a journal's pages follow the colon after its volume and issue") {
  const auto a = plain("Body.[1] More.[2] Then.[3]\n\n"
                       " 1. ^ Doe, Jane (2004). \"Treaty days\". Journal of Things. 4 (2): 10–20.\n"
                       " 2. ^ Roe, Ann (2006). \"Ports\". Sea Review 12: 45–60. doi:10.5555/x.\n"
                       " 3. ^ Poe, Al (2008). \"Notes\". Retrieved 12:30, 3 May 2019.\n");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[0].pages() == "10–20");
  CHECK(a.citations()[1].pages() == "45–60");
  CHECK(a.citations()[2].pages().empty());
}

TEST_CASE("a line that opens with a marker and ends with one is text, not an image caption") {
  const auto a = plain("Freedonia–Sylvania relations\n\nThe treaty was signed in 1923.\n[1] A crisis came in 1962.[2]\n\n"
                       "References\n\n1. ^ Smith, John (2001). A History.\n2. ^ Vance, Petra (2004). \"Crisis\".\n");
  CHECK(any_text_contains(a, "A crisis came in 1962."));
  REQUIRE(a.events().size() == 2);
  CHECK(total_uses(a) == 2);
  // A caption is one bracket over the whole line: it is not text.
  const auto c = plain("Title\n\nThe bridge opened in 1921.\n\n[The bridge over the Orla, 1921]\n\nIt closed in 1950.\n");
  CHECK_FALSE(any_text_contains(c, "bridge over the Orla"));
}

TEST_CASE("a byte order mark opening the file is no part of the title, the parties or the text") {
  const std::string text = "\xEF\xBB\xBF" "Freedonia–Sylvania relations\n\nThe treaty was signed in 1923.\n";
  const auto a = plain(text);
  CHECK(a.title() == "Freedonia–Sylvania relations");
  REQUIRE(a.parties().size() == 2);
  CHECK(a.parties()[0] == "Freedonia");
  REQUIRE(a.events().size() == 1);
  CHECK(a.events()[0].offset() == text.find("1923"));  // offsets still count the mark
  const std::string wiki = "\xEF\xBB\xBF" "'''Freedonia''' is old.\n== History ==\nIn 1923.\n";
  const auto w = wikirel::parse(wiki, {wikirel::format::wikitext});
  CHECK(w.sections()[0].text() == "Freedonia is old.");
  REQUIRE(w.events().size() == 1);
  CHECK(w.events()[0].offset() == wiki.find("1923"));
}

TEST_CASE("a page after a marker, as {{rp}} shows it (\"[1]: 12\"), goes with the marker") {
  const auto a = plain("Freedonia–Sylvania relations\n\n"
                       "The treaty was signed in 1923.[1]: 12 The border was fixed in 1924.[2]:45–47 "
                       "A fair opened in 1925.[1]: xii, 4 The list: 3 items.\n\n"
                       "References\n\n1. ^ Smith 2001.\n2. ^ Jones 2002.\n");
  CHECK(a.sections()[0].text() ==
        "The treaty was signed in 1923. The border was fixed in 1924. A fair opened in 1925. The list: 3 items.");
  REQUIRE(a.events().size() == 3);
  REQUIRE(a.events()[0].citations().size() == 1);
  CHECK(a.events()[0].citations()[0].id() == 1);
  REQUIRE(a.events()[1].citations().size() == 1);
  CHECK(a.events()[1].citations()[0].id() == 2);
  // Words after the colon are text.
  const auto b = plain("Title\n\nIt began in 1923.[1]: viewed as a turning point.\n\n1. ^ Smith 2001.\n");
  CHECK(any_text_contains(b, ": viewed as a turning point."));
}

TEST_CASE("\"Categories:\" alone on its line, the names indented or bulleted under it") {
  const auto a = plain("Freedonia–Sylvania relations\nFrom Wikipedia, the free encyclopedia\n\nLead.\n\nHistory[edit]\n\nOld.\n\n"
                       "Categories:\n\n    Bilateral relations of Freedonia\n    Bilateral relations of Sylvania\n");
  REQUIRE(a.categories().size() == 2);
  CHECK(a.categories()[0] == "Bilateral relations of Freedonia");
  CHECK(a.categories()[1] == "Bilateral relations of Sylvania");
  CHECK_FALSE(any_text_contains(a, "Bilateral"));
  const auto b = plain("Title\n\nLead.\n\nCategories:\n  \xE2\x80\xA2 Towns of Foo\n  \xE2\x80\xA2 Ports\n\nThis page was edited.\n");
  REQUIRE(b.categories().size() == 2);
  CHECK(b.categories()[1] == "Ports");
}

TEST_CASE("a mirror's banner over the title, a site's name after it, and its licence footer") {
  const auto a = plain("WikiMirror - the free knowledge mirror\n\nFreedonia–Sylvania relations\n\n"
                       "Freedonia–Sylvania relations are the relations between Freedonia and Sylvania.\n\n"
                       "History\n\nRelations began in 1848.\n\n"
                       "This article is issued from Wikipedia. The text is licensed under Creative Commons.\n");
  CHECK(a.title() == "Freedonia–Sylvania relations");
  CHECK(a.parties().size() == 2);
  CHECK(a.sections()[0].text().find("Freedonia–Sylvania relations are") == 0);
  REQUIRE(a.sections().size() == 2);
  CHECK(a.sections()[1].text() == "Relations began in 1848.");
  const auto b = plain("Freedonia–Sylvania relations | WikiMirror\n\nFreedonia–Sylvania relations are old.\n\nHistory\n\nIn 1848.\n");
  CHECK(b.title() == "Freedonia–Sylvania relations");
  CHECK(b.sections()[0].text() == "Freedonia–Sylvania relations are old.");
}

TEST_CASE("plain-text entries: a book's publisher without its place; notes in parentheses and volumes are no work") {
  const auto a = plain("Title\n\nA.[1] B.[2] C.[3] D.[4]\n\nReferences\n\n"
                       "1. ^ Halloran, Edith (1999). The Orla Frontier. London: Greyfield University Press. p. 12.\n"
                       "2. ^ \"Trade figures\" (PDF). Kelmar Statistics Office. 2016.\n"
                       "3. ^ Smith, John (2006). Title Six. Vol. 2. Press Six. p. 66.\n"
                       "4. ^ Roe, Ann (2008). \"Ports\". Sea Review. Harbour Guild. Retrieved 3 May 2019.\n");
  REQUIRE(a.citations().size() == 4);
  CHECK(a.citations()[0].title() == "The Orla Frontier");
  CHECK(a.citations()[0].work().empty());
  CHECK(a.citations()[0].publisher() == "Greyfield University Press");
  CHECK(a.citations()[1].work() == "Kelmar Statistics Office");
  CHECK(a.citations()[2].publisher() == "Press Six");
  CHECK(a.citations()[2].pages() == "66");
  CHECK(a.citations()[3].work() == "Sea Review");
  CHECK(a.citations()[3].publisher() == "Harbour Guild");
}

TEST_CASE("plain-text entries: backlink runs of every style, undated authors, a first edition's year") {
  const auto a = plain("Title\n\nA.[1] B.[1] C.[2] D.[2] E.[3] F.[4] G.[5] H.[6]\n\nReferences\n\n"
                       "1. ^ ^a ^b Smith, John (2001). A History.\n"
                       "2. \xE2\x86\x91 1.0 1.1 Doe, Jane (2002). Another.\n"
                       "3. ^ Roe, Ann (n.d.). \"Title four\". Work Four.\n"
                       "4. ^ Poe, Al. \"Title five\". Work Five.\n"
                       "5. ^ Lee, Kim (2012) [1950]. Title Twelve. Publisher Twelve.\n"
                       "6. ^ \"Trade statistics 2015\". Statistics Office. Retrieved 3 February 2024.\n");
  REQUIRE(a.citations().size() == 6);
  CHECK(a.citations()[0].text() == "Smith, John (2001). A History.");
  CHECK(a.citations()[1].text() == "Doe, Jane (2002). Another.");
  CHECK(a.citations()[1].uses().size() == 2);
  REQUIRE(a.citations()[2].authors().size() == 1);
  CHECK(a.citations()[2].authors()[0] == "Roe, Ann");
  REQUIRE(a.citations()[3].authors().size() == 1);
  CHECK(a.citations()[3].authors()[0] == "Poe, Al");
  CHECK(a.citations()[4].title() == "Title Twelve");
  CHECK(a.citations()[4].date().year == 2012);
  CHECK_FALSE(a.citations()[5].date().valid());  // 2015 is in the title; the access date is no date
  CHECK(a.citations()[5].access_date() == "3 February 2024");
}

TEST_CASE("maintenance banners and hatnotes stay out of the text, and their dates out of the events") {
  const auto a = plain("Freedonia–Sylvania relations\n\nFrom Wikipedia, the free encyclopedia\n\n"
                       "This article needs additional citations for verification. Please help improve this article.\n"
                       "Find sources: \"Freedonia\" – news · books · JSTOR (May 2019) (Learn how and when to remove this message)\n\n"
                       "Freedonia–Sylvania relations are old.\n\nHistory[edit]\n\nMain article: History of the Orla basin\n\n"
                       "Relations began in 1848.\n\nTrade[edit]\n\nThis section has a note. Checked (June 2020) "
                       "(Learn how and when to remove this message)\n\nTrade grew.\n");
  CHECK(a.sections()[0].text() == "Freedonia–Sylvania relations are old.");
  REQUIRE(a.sections().size() == 3);
  CHECK(a.sections()[1].text() == "Relations began in 1848.");
  CHECK(a.sections()[2].text() == "Trade grew.");
  REQUIRE(a.events().size() == 1);
  CHECK(a.events()[0].expression() == "1848");
}

TEST_CASE("headings a converter marks: underlined with = or -, or opened with #") {
  const std::string text = "Freedonia–Sylvania relations\n============================\n\n"
                           "Freedonia–Sylvania relations are old.\n\nTrade\n=====\n\nTrade doubled in 1995.\n\n"
                           "Early contacts\n--------------\n\nThey met in 1848.\n\n### The Border War\n\nIt began in 1921.\n";
  const auto a = plain(text);
  CHECK(a.title() == "Freedonia–Sylvania relations");
  CHECK(heading_texts(a) == std::vector<std::string>{"Trade", "Early contacts", "The Border War"});
  REQUIRE(a.sections().size() == 4);
  CHECK(a.sections()[1].level() == 2);
  CHECK(a.sections()[2].level() == 3);
  CHECK(a.sections()[3].level() == 3);
  CHECK(a.sections()[2].text() == "They met in 1848.");
  // Detected as plain text: a line of '=' is no wikitext heading.
  CHECK(wikirel::detect_format(std::string_view(text)) == wikirel::format::plaintext);
  // With '-' alone, '-' is the first level.
  const auto b = plain("Freedonia–Sylvania relations\n\nLead.\n\nTrade\n-----\n\nIt grew.\n");
  REQUIRE(b.sections().size() == 2);
  CHECK(b.sections()[1].heading() == "Trade");
  CHECK(b.sections()[1].level() == 2);
}

TEST_CASE("mobile copies: a short line straight over a short paragraph is a heading") {
  const auto a = plain("Freedonia–Sylvania relations\n"
                       "Freedonia–Sylvania relations are the relations between Freedonia and Sylvania.\n"
                       "The Border War\nOn 14 March 1921 a militia column crossed the line.\n"
                       "Economic relations\nSylvania is Freedonia's largest partner in trade.\n");
  CHECK(heading_texts(a) == std::vector<std::string>{"The Border War", "Economic relations"});
  const auto b = plain("Freedonia–Sylvania relations\n\nThe two states are neighbours on the Orla.\n\n"
                       "The Border War\nOn 14 March 1921 a militia column crossed the line.\n\n"
                       "Economic relations\nSylvania is Freedonia's largest partner in trade.\n");
  CHECK(heading_texts(b) == std::vector<std::string>{"The Border War", "Economic relations"});
}

TEST_CASE("a one-sentence paragraph that ends in an abbreviation is no heading") {
  const auto a = plain("Freedonia–Sylvania relations\n\nThe two states are neighbours.\n\n"
                       "In 1921 the embassy was moved at the request of the U.S.\n\n"
                       "The treaty was signed on 3 June 1923 at 3 p.m.\n\nHistory\n\nOld.\n");
  CHECK(heading_texts(a) == std::vector<std::string>{"History"});
  CHECK(a.events().size() == 2);
}

TEST_CASE("the items of a \"See also\" list between blank lines are its text, not headings") {
  const auto a = plain("Freedonia–Sylvania relations\n\nLead.\n\nSee also\n\nForeign relations of Freedonia\n\n"
                       "Foreign relations of Sylvania\n\nReferences\n\n1. ^ Smith (2001). \"T\". W.\n");
  CHECK(heading_texts(a) == std::vector<std::string>{"See also", "References"});
  CHECK(a.sections()[1].text() == "Foreign relations of Freedonia\nForeign relations of Sylvania");
}

TEST_CASE("plain-text entries: short citations as {{sfn}} shows them") {
  const auto a = plain("Title\n\nA.[1] B.[2] C.[3] D.[4] E.[5]\n\nNotes\n\n1. ^ Halloran 1999, p. 12.\n"
                       "2. ^ Marek & Lindqvist 2011, pp. 145–150.\n3. ^ Smith, Jones and Brown 2001a.\n"
                       "4. ^ Known as the Second Division prior to 1975.\n5. ^ Seirawan, Combinations, Gloucester, 2006.\n");
  REQUIRE(a.citations().size() == 5);
  REQUIRE(a.citations()[0].authors().size() == 1);
  CHECK(a.citations()[0].authors()[0] == "Halloran");
  CHECK(a.citations()[0].date().year == 1999);
  CHECK(a.citations()[0].date_text() == "1999");
  CHECK(a.citations()[0].pages() == "12");
  REQUIRE(a.citations()[1].authors().size() == 2);
  CHECK(a.citations()[1].authors()[1] == "Lindqvist");
  CHECK(a.citations()[1].pages() == "145–150");
  CHECK(a.citations()[2].authors().size() == 3);
  CHECK(a.citations()[2].date_text() == "2001a");
  CHECK(a.citations()[3].authors().empty());  // a note's sentence
  CHECK(a.citations()[4].authors().size() <= 1);  // a full citation, read by its shape
}
