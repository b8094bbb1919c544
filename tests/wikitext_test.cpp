// The wikitext reader: sections, text, citations, categories, parties, diagnostics.
#include "test_support.hpp"

#include <wikirel/article.hpp>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

using namespace std::literals;
using wikirel_test::fixture;
using wikirel_test::headings;
using wikirel_test::total_uses;

namespace {
wikirel::article wiki(std::string_view text, std::string_view title = {}) {
  wikirel::options o;
  o.format = wikirel::format::wikitext;
  o.title = title;
  return wikirel::parse(text, o);
}
}  // namespace

TEST_CASE("the lead is section 0 and headings make a tree") {
  const auto a = wiki("Lead text.\n== A ==\nx\n=== A1 ===\ny\n==== A1a ====\nz\n== B ==\nw\n");
  REQUIRE(a.sections().size() == 5);
  CHECK(a.sections()[0].level() == 0);
  CHECK(a.sections()[0].heading().empty());
  CHECK(!a.sections()[0].parent());
  CHECK(a.sections()[0].text() == "Lead text.");
  CHECK(a.sections()[1].parent() == 0u);
  CHECK(a.sections()[2].parent() == 1u);
  CHECK(a.sections()[3].parent() == 2u);
  CHECK(a.sections()[4].parent() == 0u);
  CHECK(a.sections()[3].level() == 4);
  CHECK(a.sections()[4].text() == "w");
}

TEST_CASE("an article that starts with a heading has an empty lead") {
  const auto a = wiki("== First ==\nBody.\n");
  REQUIRE(a.sections().size() == 2);
  CHECK(a.sections()[0].text().empty());
  CHECK(a.sections()[1].heading() == "First");
}

TEST_CASE("a title given in options stays out of the lead's text") {
  const auto empty_lead = wiki("== First ==\nBody.\n", "Given title");
  CHECK(empty_lead.title() == "Given title");
  CHECK(empty_lead.sections()[0].text().empty());
  const auto lead = wiki("Lead text.\n== First ==\nBody.\n", "Given title");
  CHECK(lead.sections()[0].text() == "Lead text.");
}

TEST_CASE("a date template cut off by the end of the input maps inside the input") {
  const std::string_view text = "== A <!-- x ==\n{{circa|1850";  // the comment hides the rest
  const auto a = wiki(text);
  REQUIRE(a.events().size() == 1);
  CHECK(a.events()[0].offset() + a.events()[0].length() == text.size());
  const auto closed = wiki("Built {{circa|1850}} here.\n");
  REQUIRE(closed.events().size() == 1);
  CHECK(closed.events()[0].offset() == 6);
  CHECK(closed.events()[0].length() == 14);
}

TEST_CASE("reign, floruit and as-of templates show their years") {
  const auto a = wiki("Stefan ({{reign|1371|1391}}) ruled. Alfred ({{r.|871|899}}) too. The poet ({{fl.|1200}}) wrote.\n"
                      "{{As of|2019|5}} the port was open.\n");
  CHECK(a.sections()[0].text() ==
        "Stefan (r. 1371\u20131391) ruled. Alfred (r. 871\u2013899) too. The poet (fl. 1200) wrote. "
        "As of May 2019 the port was open.");
  REQUIRE(a.events().size() == 4);
  CHECK(a.events()[0].when().begin == wikirel::date{1371, 0, 0});
  CHECK(a.events()[0].when().end == wikirel::date{1391, 0, 0});
  CHECK(a.events()[1].when().begin == wikirel::date{871, 0, 0});
  CHECK(a.events()[1].when().end == wikirel::date{899, 0, 0});
  CHECK(a.events()[2].when().begin == wikirel::date{1200, 0, 0});
  CHECK(a.events()[3].when().begin == wikirel::date{2019, 5, 0});
}

TEST_CASE("a convert template shows its amount and unit, which are no date") {
  const auto a = wiki("It was {{convert|5|km|mi}} long, {{convert|5|-|10|ft|m}} high, {{cvt|3|to|4|kg}} and a "
                      "{{convert|1600|sqft|m2}} garden.\n");
  CHECK(a.sections()[0].text() == "It was 5 km long, 5\u201310 ft high, 3 to 4 kg and a 1600 sqft garden.");
  CHECK(a.events().size() == 0);
}

TEST_CASE("a circa template with two years is an approximate span") {
  const auto a = wiki("The scholar ({{c.|lk=no|965|1040}}) wrote on optics.\n");
  REQUIRE(a.events().size() == 1);
  CHECK(a.sections()[0].text() == "The scholar (c. 965 \u2013 c. 1040) wrote on optics.");
  CHECK(a.events()[0].when().begin == wikirel::date{965, 0, 0});
  CHECK(a.events()[0].when().end == wikirel::date{1040, 0, 0});
  CHECK(a.events()[0].when().approximate);
}

TEST_CASE("headings come as plain text") {
  const auto a = wiki(
      "== The [[Cold War|cold war]] and '''détente''' ==\n"
      "== Trade{{anchor|trade}}<ref>A source.</ref> &amp; tariffs <!-- note --> ==\n"
      "==[[Sylvania]]&nbsp;today==<!-- trailing comment -->\n");
  REQUIRE(headings(a) == std::vector<std::string>{"2 The cold war and détente", "2 Trade & tariffs", "2 Sylvania today"});
  CHECK(a.citations().size() == 1);  // the ref in a heading is still a use
  CHECK(total_uses(a) == 1);
}

TEST_CASE("unbalanced headings follow MediaWiki: the shorter side sets the level") {
  const auto a = wiki("=== Left ==\n== Right ===\n== Not closed\n");
  CHECK(headings(a) == std::vector<std::string>{"2 = Left", "2 Right ="});
  int unbalanced = 0;
  for (const auto& d : a.diagnostics()) unbalanced += d.kind == wikirel::diagnostic_kind::unbalanced_heading;
  CHECK(unbalanced == 3);
}

TEST_CASE("heading-like lines inside comments, tags and template arguments are not headings") {
  const auto a = wiki(
      "<!--\n== In a comment ==\n-->\n<nowiki>\n== In nowiki ==\n</nowiki>\n<pre>\n== In pre ==\n</pre>\n"
      "<syntaxhighlight lang=\"text\">\n== In code ==\n</syntaxhighlight>\n<math>\n== In math ==\n</math>\n"
      "{{Quote|text=\n== In a template ==\n}}\n== Real ==\nBody.\n");
  CHECK(headings(a) == std::vector<std::string>{"2 Real"});
}

TEST_CASE("the headings fixture reads as its comment says") {
  const std::string input = fixture("headings.wiki");  // the article views it: keep it alive
  const auto a = wiki(input);
  CHECK(headings(a) == std::vector<std::string>{
                           "2 History", "3 Early years", "4 The river towns", "5 Mill owners", "6 The Tamsin family",
                           "3 Later years (1890–1914)", "2 Harbour Guild", "2 Famous sons and daughters",
                           "3 Union period (1902–05)", "2 Harbour Statue & quay", "3 Markets", "2 = Unbalanced",
                           "2 Also unbalanced =", "2 After the blocks", "2 End"});
}

TEST_CASE("section text keeps paragraphs and list items, drops markup") {
  const auto a = wiki(
      "{{Infobox country|name=X}}\n"
      "'''Freedonia''' is a [[country]] in the [[Orla basin|basin of the Orla]].<ref>Source.</ref> "
      "It has [[apple]]s &amp; pears.\n"
      "A second line of the same paragraph.\n"
      "\n"
      "[[File:Map.png|thumb|A map with a [[link]]]]\n"
      "* First item\n"
      "* Second item with {{lang|fr|un mot}}\n"
      "{| class=\"wikitable\"\n|-\n| cell 1921 || cell\n|}\n"
      "Closing paragraph{{citation needed|date=May 2020}}.\n"
      "[[Category:Fictional countries]]\n");
  const std::string_view text = a.sections()[0].text();
  CHECK(text ==
        "Freedonia is a country in the basin of the Orla. It has apples & pears. A second line of the same paragraph.\n"
        "First item\n"
        "Second item with un mot\n"
        "Closing paragraph.");
  REQUIRE(a.categories().size() == 1);
  CHECK(a.categories()[0] == "Fictional countries");
}

TEST_CASE("categories are named as MediaWiki names them, each once") {
  const auto a = wiki(
      "Text.\n[[Category:Towns in Freedonia]]\n[[category:towns_in_Freedonia]]\n"
      "[[Category: Towns  in Freedonia |Sort key]]\n[[Category:_Rivers_of_Orla_]]\n[[Category:\xC3\xA9glises]]\n"
      "[[Category:Rivers of Orla]]\n[[Category:Trade &amp; commerce]]\n[[Category:Trade & commerce]]\n");
  REQUIRE(a.categories().size() == 4);
  CHECK(a.categories()[3] == "Trade & commerce");
  CHECK(a.categories()[0] == "Towns in Freedonia");
  CHECK(a.categories()[1] == "Rivers of Orla");
  CHECK(a.categories()[2] == "\xC3\xA9glises");  // only ASCII letters change case
  // More than a handful take the hashed path: the same answers.
  std::string many = "Text.\n";
  for (int i = 0; i < 100; ++i) many += "[[Category:Place_" + std::to_string(i % 40) + "]]\n";
  const auto b = wiki(many);
  REQUIRE(b.categories().size() == 40);
  CHECK(b.categories()[0] == "Place 0");
  CHECK(b.categories()[39] == "Place 39");
}

TEST_CASE("a template that shows its text inside a sentence adds no space") {
  const auto a = wiki("It was {{nowrap|ten miles}}, a {{abbr|UN|United Nations}}-backed plan ({{lang|fr|le plan}}).\n");
  CHECK(a.sections()[0].text() == "It was ten miles, a UN-backed plan (le plan).");
  const auto q = wiki("He said:{{quote|We stay.}}Then he left.\n");
  CHECK(q.sections()[0].text() == "He said: We stay. Then he left.");  // a quotation is a block
}

TEST_CASE("links show their labels; the pipe trick; interlanguage links vanish") {
  const auto a = wiki("[[Port Alder (city)|]] and [[Veltrana]] and [[:Category:Rivers]] and [[w:Orla|the Orla]].[[de:Freedonien]]\n");
  CHECK(a.sections()[0].text() == "Port Alder and Veltrana and Category:Rivers and the Orla.");
  CHECK(a.categories().empty());
}

TEST_CASE("external links show their labels only") {
  const auto a = wiki("See [https://example.org/page the archive] and [https://example.org/x] here.\n");
  CHECK(a.sections()[0].text() == "See the archive and here.");
}

TEST_CASE("references: named reuse, groups and list-defined definitions") {
  const auto a = wiki(
      "A.<ref name=\"x\" /> B.<ref name=\"x\">Defined late.</ref> C.<ref name=x/>\n"
      "D.<ref group=note name=\"x\">A note.</ref> E.<ref name=\"l\"/>\n"
      "{{Reflist|refs=\n<ref name=\"l\">List-defined.</ref>\n}}\n");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[0].name() == "x");
  CHECK(a.citations()[0].text() == "Defined late.");
  CHECK(a.citations()[0].uses().size() == 3);
  CHECK(a.citations()[1].group() == "note");
  CHECK(a.citations()[1].uses().size() == 1);
  CHECK(a.citations()[2].text() == "List-defined.");
  CHECK(a.citations()[2].uses().size() == 1);  // the definition in the list is not a use
  CHECK(a.citations()[0].uses()[0].offset == 2);
}

TEST_CASE("references: every use of a named ref is its own, in input order, however many there are") {
  // Names reused out of order, hundreds of times, so that the uses of one citation lie far
  // apart among the others' (and the list of uses grows over several chunks).
  std::string text;
  constexpr int names = 37, uses = 1500;
  for (int n = 0; n < names; ++n) text += "Def " + std::to_string(n) + ".<ref name=r" + std::to_string(n) + ">Source.</ref>\n";
  for (int k = 0; k < uses; ++k) text += "Line.<ref name=r" + std::to_string((k * 11 + k / 7) % names) + " />\n";
  const auto a = wiki(text);
  REQUIRE(a.citations().size() == static_cast<std::size_t>(names));
  std::size_t seen = 0;
  for (const auto c : a.citations()) {
    const std::string tag = "<ref name=" + std::string(c.name());
    std::size_t previous = 0;
    for (std::size_t u = 0; u < c.uses().size(); ++u) {
      const std::size_t at = c.uses()[u].offset;
      CAPTURE(c.name());
      CHECK(text.compare(at, tag.size(), tag) == 0);  // the use is this citation's own tag
      CHECK((at > previous || u == 0));
      CHECK(!std::isdigit(static_cast<unsigned char>(text[at + tag.size()])));  // r1 is not r12
      previous = at;
    }
    seen += c.uses().size();
  }
  CHECK(seen == static_cast<std::size_t>(names + uses));
}

TEST_CASE("cite templates give their fields") {
  const auto a = wiki(
      "X.<ref>{{cite journal |last1=Marek |first1=Tomas |last2=Lindqvist |first2=Anna |title=Grain and "
      "''coal'' |journal=[[Journal of Trade]] |year=2011 |pages=145–171 |doi=10.5555/x.1 |url=https://example.org/a}}</ref>\n"
      "Y.<ref>{{Cite book |author=Edith Halloran |title=The Orla Frontier |publisher=Greyfield |date=3 March 1999 "
      "|isbn=978-0-00-000001-7 |page=12}}</ref>\n"
      "Z.<ref>{{cite web |title=Report |website=Trust |access-date=9 April 2020}}</ref>\n");
  REQUIRE(a.citations().size() == 3);
  const auto j = a.citations()[0];
  CHECK(j.kind() == wikirel::citation_kind::journal);
  CHECK(j.title() == "Grain and coal");
  REQUIRE(j.authors().size() == 2);
  CHECK(j.authors()[0] == "Tomas Marek");
  CHECK(j.authors()[1] == "Anna Lindqvist");
  CHECK(j.work() == "Journal of Trade");
  CHECK(j.date().year == 2011);
  CHECK(j.pages() == "145–171");
  CHECK(j.doi() == "10.5555/x.1");
  CHECK(j.url() == "https://example.org/a");
  const auto b = a.citations()[1];
  CHECK(b.kind() == wikirel::citation_kind::book);
  CHECK(b.template_name() == "Cite book");
  CHECK(b.authors().size() == 1);
  CHECK(b.authors()[0] == "Edith Halloran");
  CHECK(b.publisher() == "Greyfield");
  CHECK(b.isbn() == "978-0-00-000001-7");
  CHECK(b.pages() == "12");
  CHECK(a.citations()[2].work() == "Trust");
  CHECK(a.citations()[2].access_date() == "9 April 2020");
  CHECK(!j.text().empty());
}

TEST_CASE("a ref's cite template: the first at its top level, ended by its own braces") {
  const auto a = wiki(
      "A.<ref>{{small|x}} {{cite web|title=After {{lang|fr|une}} other|url=u}} {{cite book|title=Second}}</ref>\n"
      "B.<ref>{{cite web}}</ref>\n"
      "C.<ref>{{cite web|title=Three}}}</ref>\n"
      "D.<ref>{{cite web|title=Open</ref>\n"
      "E.<ref><!-- {{cite book|title=Hidden}} -->{{cite news|title=Shown|work=[[Post|The Post]]}}</ref>\n"
      "F.<ref>{{harvnb|Smith|2001|p=4}} and {{cite web|title=Not read}}</ref>\n");
  REQUIRE(a.citations().size() == 6);
  CHECK(a.citations()[0].kind() == wikirel::citation_kind::web);  // {{small}} is no citation: passed over
  CHECK(a.citations()[0].title() == "After une other");
  CHECK(a.citations()[0].url() == "u");
  CHECK(a.citations()[1].kind() == wikirel::citation_kind::web);  // no arguments at all
  CHECK(a.citations()[1].template_name() == "cite web");
  CHECK(a.citations()[1].title().empty());
  CHECK(a.citations()[2].title() == "Three");                    // "}}}": the first two close it
  CHECK(a.citations()[3].kind() == wikirel::citation_kind::ref);  // never closed: the ref is its text
  CHECK(a.citations()[3].title().empty());
  CHECK(a.citations()[3].text() == "{{cite web|title=Open");
  CHECK(a.citations()[4].kind() == wikirel::citation_kind::news);  // a commented-out template is not read
  CHECK(a.citations()[4].title() == "Shown");
  CHECK(a.citations()[4].work() == "The Post");
  CHECK(a.citations()[5].kind() == wikirel::citation_kind::sfn);  // a short citation first: it is the one
  CHECK(a.citations()[5].title().empty());
}

TEST_CASE("{{r|name}} is a use of the named reference") {
  const auto a = wiki("A.{{r|x}} B.<ref name=\"x\">{{cite web|title=X|url=http://x.example}}</ref> C.{{r|x|y}} "
                      "D.<ref name=y>Y text.</ref> E.{{r|g=note|n1}}\n<references group=note><ref name=n1>A note.</ref></references>\n");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[0].title() == "X");
  CHECK(a.citations()[0].uses().size() == 3);
  CHECK(a.citations()[1].uses().size() == 2);
  CHECK(a.citations()[2].group() == "note");
  CHECK(a.citations()[2].uses().size() == 1);
  CHECK(a.diagnostics().empty());
  CHECK(a.sections()[0].text() == "A. B. C. D. E.");
}

TEST_CASE("cite templates: comments in a URL, DOI or ISBN are not part of it") {
  const auto a = wiki("A.<ref>{{cite web|url=https://a.example <!-- dead? -->|title=T|isbn=<!-- none -->|doi=10.1/x<!--c-->y}}</ref>\n");
  REQUIRE(a.citations().size() == 1);
  CHECK(a.citations()[0].url() == "https://a.example");
  CHECK(a.citations()[0].doi() == "10.1/xy");
  CHECK(a.citations()[0].isbn().empty());
}

TEST_CASE("cite templates: an isbn13 parameter gives the ISBN (its digits are no author number)") {
  const auto a = wiki("X.<ref>{{cite book |last1=Marek |title=Coal |ISBN13=978-0-00-000002-4}}</ref>\n");
  REQUIRE(a.citations().size() == 1);
  CHECK(a.citations()[0].isbn() == "978-0-00-000002-4");
  CHECK(a.citations()[0].authors().size() == 1);
}

TEST_CASE("cite templates: date templates in fields and ref texts show as in the body") {
  const auto a = wiki("A.<ref>{{cite news |title={{circa|1900}} photo |date={{Start date|2001|2|3}} |work=Post}}</ref>"
                      " B.<ref>Printed on {{start date|2004|5|6}} in the paper.</ref>\n");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].title() == "c. 1900 photo");
  CHECK(a.citations()[0].date_text() == "February 3, 2001");
  CHECK(a.citations()[0].date() == wikirel::date{2001, 2, 3});
  CHECK(a.citations()[1].text() == "Printed on May 6, 2004 in the paper.");
}

TEST_CASE("notes: a note's text given as 1= is its text") {
  const auto a = wiki("A.{{efn|1=A rate of 1 = 2 was set.}} B.{{refn|group=nb|1=Counted twice.}}\n");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].text() == "A rate of 1 = 2 was set.");
  CHECK(a.citations()[1].text() == "Counted twice.");
  CHECK(a.diagnostics().empty());
}

TEST_CASE("short citations: identical sfn calls are one citation") {
  const auto a = wiki("A.{{sfn|Smith|2001|p=4}} B.{{sfn|Smith|2001|p=4}} C.{{sfn|Smith|2001|p=9}}\n"
                      "D.<ref>{{harvnb|Jones|1999|p=7}}</ref> {{harvtxt|Brown|1980}} said so.\n");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[0].kind() == wikirel::citation_kind::sfn);
  CHECK(a.citations()[0].uses().size() == 2);
  CHECK(a.citations()[0].pages() == "4");
  CHECK(a.citations()[0].authors()[0] == "Smith");
  CHECK(a.citations()[1].uses().size() == 1);
  CHECK(a.citations()[2].kind() == wikirel::citation_kind::sfn);
  CHECK(a.citations()[2].text() == "Jones 1999, p. 7");
  CHECK(a.sections()[0].text().find("Brown (1980) said so.") != std::string_view::npos);
}

TEST_CASE("short citations: white space in the arguments does not make a second footnote") {
  const auto a = wiki("A.{{sfn|Smith|2001|p=4}} B.{{sfn| Smith | 2001 |p = 4}} C.{{sfn|Smith|2001|pp=4}}\n");
  REQUIRE(a.citations().size() == 2);
  CHECK(a.citations()[0].uses().size() == 2);
  CHECK(a.citations()[0].text() == "Smith 2001, p. 4");
  CHECK(a.citations()[1].text() == "Smith 2001, pp. 4");  // pp= is its own footnote, as in MediaWiki
}

TEST_CASE("short citations: pages show as p., pp. or a loc as written") {
  const auto a = wiki("A.{{sfn|Smith|2001|pp=4–6}} B.{{sfnp|Jones|Brown|1999|loc=chapter 3}} C.{{sfn|Lee|1980|page=2}}\n");
  REQUIRE(a.citations().size() == 3);
  CHECK(a.citations()[0].text() == "Smith 2001, pp. 4–6");
  CHECK(a.citations()[0].pages() == "4–6");
  CHECK(a.citations()[1].text() == "Jones & Brown 1999, chapter 3");
  CHECK(a.citations()[2].text() == "Lee 1980, p. 2");
}

TEST_CASE("short citations: {{sfnm}} cites several works in one footnote") {
  const auto a = wiki("A.{{sfnm|1a1=Smith|1a2=Jones|1y=2001|1p=4|2a1=Brown|2y=1999|2pp=7–9}} B.\n");
  REQUIRE(a.citations().size() == 1);
  const auto c = a.citations()[0];
  CHECK(c.kind() == wikirel::citation_kind::sfn);
  REQUIRE(c.authors().size() == 3);
  CHECK(c.authors()[0] == "Smith");
  CHECK(c.authors()[2] == "Brown");
  CHECK(c.date().year == 2001);
  CHECK(c.pages() == "4");
  CHECK(c.text() == "Smith & Jones 2001, p. 4; Brown 1999, pp. 7–9");
  CHECK(c.uses().size() == 1);
}

TEST_CASE("the refs fixture: 14 citations, 21 uses") {
  const std::string input = fixture("refs.wiki");  // the article views it: keep it alive
  const auto a = wiki(input);
  CHECK(a.citations().size() == 14);
  CHECK(total_uses(a) == 21);
}

TEST_CASE("parties from the title or the infobox") {
  CHECK(wiki("x", "Freedonia–Sylvania relations").parties().size() == 2);
  const auto spaced = wiki("x", "Soviet Union – United States relations");
  REQUIRE(spaced.parties().size() == 2);
  CHECK(spaced.parties()[0] == "Soviet Union");
  CHECK(spaced.parties()[1] == "United States");
  const auto between = wiki("x", "Relations between Freedonia and Sylvania");
  REQUIRE(between.parties().size() == 2);
  CHECK(between.parties()[1] == "Sylvania");
  const auto hyphen = wiki("x", "Guinea-Bissau–Portugal relations");
  REQUIRE(hyphen.parties().size() == 2);
  CHECK(hyphen.parties()[0] == "Guinea-Bissau");
  const auto infobox = wiki("{{Infobox bilateral relations|[[Freedonia]]|Sylvania|map=x.png}}\nText.\n", "Our neighbours");
  REQUIRE(infobox.parties().size() == 2);
  CHECK(infobox.parties()[0] == "Freedonia");
  CHECK(wiki("x", "History of Freedonia").parties().empty());
  // The template's own form: a name, then the two countries.
  const auto named = wiki("{{Infobox bilateral relations|Freedonian\xE2\x80\x93Sylvanian|Freedonia|Sylvania}}\nText.\n",
                          "Our neighbours");
  REQUIRE(named.parties().size() == 2);
  CHECK(named.parties()[0] == "Freedonia");
  CHECK(named.parties()[1] == "Sylvania");
  const auto history = wiki("x", "History of Freedonia\xE2\x80\x93" "Sylvania relations");
  REQUIRE(history.parties().size() == 2);
  CHECK(history.parties()[0] == "Freedonia");
  const auto the = wiki("x", "Relations between the Freedonian Republic and Sylvania");
  REQUIRE(the.parties().size() == 2);
  CHECK(the.parties()[0] == "Freedonian Republic");
}

TEST_CASE("a party named by a combining form or an adjective is its country") {
  const auto sino = wiki("The two states met in 1950.\n", "Sino-Indian relations");
  REQUIRE(sino.parties().size() == 2);
  CHECK(sino.parties()[0] == "China");
  CHECK(sino.parties()[1] == "India");
  CHECK(sino.sections()[0].text() == "The two states met in 1950.");  // the lead is untouched
  const auto soviet = wiki("x", "Soviet\xE2\x80\x93" "American relations");
  REQUIRE(soviet.parties().size() == 2);
  CHECK(soviet.parties()[0] == "Soviet Union");
  CHECK(soviet.parties()[1] == "United States");
  const auto named = wiki("x", "Freedonia\xE2\x80\x93" "Indian relations");  // one of each
  REQUIRE(named.parties().size() == 2);
  CHECK(named.parties()[0] == "Freedonia");
  CHECK(named.parties()[1] == "India");
  CHECK(wiki("x", "sino-indian relations").parties()[0] == "sino");  // forms are capitalised
}

TEST_CASE("malformed input gives a best-effort article with located diagnostics") {
  const std::string input = fixture("malformed.wiki");  // the article views it: keep it alive
  const auto a = wiki(input);
  CHECK(headings(a) == std::vector<std::string>{"2 Harbour", "2 = Unbalanced heading", "2 Later history (1901–1910)"});
  // The stray "}}" closes the unclosed "{{cite web", as MediaWiki's brace matching does.
  std::vector<wikirel::diagnostic_kind> kinds;
  for (const auto& d : a.diagnostics()) kinds.push_back(d.kind);
  using k = wikirel::diagnostic_kind;
  CHECK(kinds == std::vector<k>{k::unclosed_tag, k::unbalanced_heading, k::unclosed_table, k::unclosed_comment});
  for (const auto& d : a.diagnostics()) {
    CHECK(d.line >= 1);
    CHECK(d.column >= 1);
    CHECK(!d.message().empty());
  }
  CHECK(a.sections()[0].text().find("The lighthouse was lit") != std::string_view::npos);
}

TEST_CASE("diagnostics carry 1-based lines and columns in code points") {
  const auto a = wiki("Line one.\nÉé {{open\n");
  REQUIRE(a.diagnostics().size() == 1);
  CHECK(a.diagnostics()[0].kind == wikirel::diagnostic_kind::unclosed_template);
  CHECK(a.diagnostics()[0].line == 2);
  CHECK(a.diagnostics()[0].column == 4);
  CHECK(a.sections()[0].text() == "Line one. Éé {{open");  // an unclosed "{{" is text
}

TEST_CASE("CRLF and lone CR line ends read like LF") {
  const auto lf = wiki("Lead.\n== A ==\nBody one.\nBody two.\n");
  const auto crlf = wiki("Lead.\r\n== A ==\r\nBody one.\r\nBody two.\r\n");
  const auto cr = wiki("Lead.\r== A ==\rBody one.\rBody two.\r");
  CHECK(headings(crlf) == headings(lf));
  CHECK(headings(cr) == headings(lf));
  CHECK(crlf.sections()[1].text() == lf.sections()[1].text());
  CHECK(cr.sections()[1].text() == lf.sections()[1].text());
}

TEST_CASE("char8_t input gives the same article as char") {
  const std::string_view text = "Lead.\n== Crisis (1933–35) ==\nÉtat.<ref>{{cite web|title=Ça}}</ref>\n";
  const std::u8string u8(text.begin(), text.end());
  const auto a = wiki(text);
  const auto b = wikirel::parse(std::u8string_view(u8), {wikirel::format::wikitext});
  REQUIRE(b.sections().size() == a.sections().size());
  CHECK(std::u8string(b.sections()[1].heading()) == u8"Crisis (1933–35)");
  CHECK(std::u8string(b.citations()[0].title()) == u8"Ça");
  CHECK(b.sections()[1].text().size() == a.sections()[1].text().size());
}

TEST_CASE("a copied article stays valid on its own") {
  std::string text = "== Derived &amp; text ==\nBody.\n";
  wikirel::article copy;
  {
    const auto original = wiki(text);
    copy = original;
  }
  CHECK(copy.sections()[1].heading() == "Derived & text");
}

TEST_CASE("limits: depth and input size") {
  wikirel::options o;
  o.format = wikirel::format::wikitext;
  o.max_depth = 4;
  const auto deep = wikirel::parse("a {{x|{{x|{{x|{{x|{{x|{{x|deep}}}}}}}}}}}} b\n== H ==\n", o);
  CHECK(deep.sections().size() == 2);
  bool depth = false;
  for (const auto& d : deep.diagnostics()) depth = depth || d.kind == wikirel::diagnostic_kind::depth_limit;
  CHECK(depth);
  o.max_input_size = 10;
  const auto cut = wikirel::parse("Short lead.\n== Never read ==\n", o);
  CHECK(cut.sections().size() == 1);
  REQUIRE(cut.diagnostics().size() == 1);
  CHECK(cut.diagnostics()[0].kind == wikirel::diagnostic_kind::size_limit);
}

TEST_CASE("format detection") {
  CHECK(wikirel::detect_format("== A ==\n'''Bold''' [[link]]"sv) == wikirel::format::wikitext);
  CHECK(wikirel::detect_format("History\n\nThe town grew.[1]\n"sv) == wikirel::format::plaintext);
  CHECK(wikirel::parse("Plain words only.").format() == wikirel::format::plaintext);
}
