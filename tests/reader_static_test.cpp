// The readers in constant evaluation: if this file compiles, the parse paths of both
// formats run at compile time and agree with the runtime tests that mirror them.
#include <wikirel/article.hpp>

#include <string_view>

namespace {

using namespace std::literals;

constexpr wikirel::options wikitext_options{wikirel::format::wikitext};
constexpr wikirel::options plaintext_options{wikirel::format::plaintext};

// ---- wikitext (mirrors wikitext_test.cpp) -------------------------------------------

constexpr std::string_view kTree = "Lead text.\n== A ==\nx\n=== A1 ===\ny\n==== A1a ====\nz\n== B ==\nw\n";
static_assert(wikirel::parse(kTree).sections().size() == 5);
static_assert(wikirel::parse(kTree).sections()[0].level() == 0);
static_assert(wikirel::parse(kTree).sections()[0].text() == "Lead text.");
static_assert(wikirel::parse(kTree).sections()[2].parent() == 1u);
static_assert(wikirel::parse(kTree).sections()[4].parent() == 0u);
static_assert(wikirel::parse(kTree).sections()[3].level() == 4);

constexpr std::string_view kHeadings =
    "== The [[Cold War|cold war]] and '''d\xC3\xA9tente''' ==\n"
    "== Trade{{anchor|trade}}<ref>A source.</ref> &amp; tariffs <!-- note --> ==\n";
static_assert(wikirel::parse(kHeadings, wikitext_options).sections()[1].heading() == "The cold war and d\xC3\xA9tente");
static_assert(wikirel::parse(kHeadings, wikitext_options).sections()[2].heading() == "Trade & tariffs");
static_assert(wikirel::parse(kHeadings, wikitext_options).citations().size() == 1);

constexpr std::string_view kHidden =
    "<!--\n== In a comment ==\n-->\n<nowiki>\n== In nowiki ==\n</nowiki>\n<pre>\n== In pre ==\n</pre>\n"
    "{{Quote|text=\n== In a template ==\n}}\n== Real ==\nBody.\n";
static_assert(wikirel::parse(kHidden).sections().size() == 2);
static_assert(wikirel::parse(kHidden).sections()[1].heading() == "Real");

constexpr std::string_view kText =
    "'''Freedonia''' is a [[country]] in the [[Orla basin|basin of the Orla]].<ref>Source.</ref> It has "
    "[[apple]]s &amp; pears.\n* An item with {{lang|fr|un mot}}\n{|\n| cell\n|}\n[[Category:Fictional countries]]\n";
static_assert(wikirel::parse(kText, wikitext_options).sections()[0].text() ==
              "Freedonia is a country in the basin of the Orla. It has apples & pears.\nAn item with un mot");
static_assert(wikirel::parse(kText, wikitext_options).categories()[0] == "Fictional countries");

constexpr std::string_view kRefs =
    "A.<ref name=\"x\" /> B.<ref name=\"x\">Defined late.</ref> C.<ref name=x/>\n"
    "D.<ref group=note name=\"x\">A note.</ref> E.<ref name=\"l\"/>\n"
    "{{Reflist|refs=\n<ref name=\"l\">List-defined.</ref>\n}}\n";
static_assert(wikirel::parse(kRefs).citations().size() == 3);
static_assert(wikirel::parse(kRefs).citations()[0].uses().size() == 3);
static_assert(wikirel::parse(kRefs).citations()[0].text() == "Defined late.");
static_assert(wikirel::parse(kRefs).citations()[2].uses().size() == 1);

constexpr std::string_view kCite =
    "X.<ref>{{cite journal |last1=Marek |first1=Tomas |title=Grain |journal=[[Journal of Trade]] |pages=145 "
    "|doi=10.5555/x.1 |url=https://example.org/a}}</ref>\n";
static_assert(wikirel::parse(kCite).citations()[0].kind() == wikirel::citation_kind::journal);
static_assert(wikirel::parse(kCite).citations()[0].title() == "Grain");
static_assert(wikirel::parse(kCite).citations()[0].authors()[0] == "Tomas Marek");
static_assert(wikirel::parse(kCite).citations()[0].work() == "Journal of Trade");
static_assert(wikirel::parse(kCite).citations()[0].url() == "https://example.org/a");

constexpr std::string_view kSfn = "A.{{sfn|Smith|2001|p=4}} B.{{sfn|Smith|2001|p=4}} C.{{sfn|Smith|2001|p=9}}\n";
static_assert(wikirel::parse(kSfn).citations().size() == 2);
static_assert(wikirel::parse(kSfn).citations()[0].uses().size() == 2);

constexpr wikirel::options relations{wikirel::format::wikitext, "Freedonia\xE2\x80\x93Sylvania relations"};
static_assert(wikirel::parse("x", relations).parties().size() == 2);
static_assert(wikirel::parse("x", relations).parties()[1] == "Sylvania");
constexpr wikirel::options sino{wikirel::format::wikitext, "Sino-Indian relations"};
static_assert(wikirel::parse("x", sino).parties()[0] == "China");

constexpr std::string_view kBroken = "Line one.\n\xC3\x89\xC3\xA9 {{open\n";
static_assert(wikirel::parse(kBroken, wikitext_options).diagnostics().size() == 1);
static_assert(wikirel::parse(kBroken, wikitext_options).diagnostics()[0].line == 2);
static_assert(wikirel::parse(kBroken, wikitext_options).diagnostics()[0].column == 4);

static_assert(wikirel::parse(u8"Lead.\n== Crisis ==\nBody.\n"sv, wikitext_options).sections()[1].heading() == u8"Crisis");

// ---- plain text (mirrors plaintext_test.cpp) ----------------------------------------

constexpr std::string_view kMirror =
    "Title\nFrom Wikipedia, the free encyclopedia\n\n"
    "The pact was signed in 1921.[1] [2]The border opened in 1922.[3]\n\n"
    "History\n\nA later paragraph.\n\n"
    "  1. ^ First source.\n  2. ^ Second source.\n  3. ^ a b Third source.\n";
static_assert(wikirel::parse(kMirror).format() == wikirel::format::plaintext);
static_assert(wikirel::parse(kMirror).title() == "Title");
static_assert(wikirel::parse(kMirror).sections().size() == 2);
static_assert(wikirel::parse(kMirror).sections()[1].heading() == "History");
static_assert(wikirel::parse(kMirror).sections()[0].text() == "The pact was signed in 1921. The border opened in 1922.");
static_assert(wikirel::parse(kMirror).citations().size() == 3);
static_assert(wikirel::parse(kMirror).citations()[2].text() == "Third source.");
static_assert(wikirel::parse(kMirror, plaintext_options).citations()[0].uses().size() == 1);

constexpr std::string_view kBrowser =
    "Abbey\nFrom Wikipedia, the free encyclopedia\nJump to navigation\nJump to search\nLead.\n\n"
    "Contents\n1 History\n1.1 Early years\n2 Culture\nHistory[edit]\nEarly years[edit]\nText.\n\nCulture[edit]\nMore.\n"
    "Categories: A | B\n";
static_assert(wikirel::parse(kBrowser).sections().size() == 4);
static_assert(wikirel::parse(kBrowser).sections()[2].level() == 3);
static_assert(wikirel::parse(kBrowser).categories().size() == 2);

constexpr std::string_view kNavFirst =
    "Main menu\nSearch\nPersonal tools\nLindmoor Harbour\n2 languages\nTools\n"
    "From Wikipedia, the free encyclopedia\nLindmoor Harbour is an invented port.[1]\n\n"
    "History[edit]\nThe pier was built in 1881.\n\nTrade\n[edit]\nFish left from the quay.\n\n"
    "References[edit]\n1. ^ Harbour Trust (1990). Annual report.\n";
static_assert(wikirel::parse(kNavFirst).title() == "Lindmoor Harbour");
static_assert(wikirel::parse(kNavFirst).sections().size() == 4);
static_assert(wikirel::parse(kNavFirst).sections()[2].heading() == "Trade");
static_assert(wikirel::parse(kNavFirst).citations().size() == 1);

}  // namespace
