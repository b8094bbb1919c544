// Events at the article level: which statements become events, their sentences, sections,
// citations and input offsets, and the timeline.
#include "test_support.hpp"

#include <wikirel/article.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace std::literals;
using wikirel_test::fixture;

namespace {

std::string iso(const wikirel::date& d) {
  char b[16];
  return std::string(b, d.to_chars(b));
}

/// "1921-03-14", "1947–1991", "c. 1850", "1992–present".
std::string value(const wikirel::period& p) {
  std::string s = iso(p.begin);
  if (p.open_end) s += "–present";
  else if (p.end != p.begin) s += "–" + iso(p.end);
  return p.approximate ? "c. " + s : s;
}

template <class Article>
std::vector<std::string> values_in(const Article& a, std::size_t section) {
  std::vector<std::string> out;
  for (const auto& e : a.sections()[section].events()) out.push_back(value(e.when()));
  return out;
}

}  // namespace

TEST_CASE("the dates fixture: one event per date expression, none among the non-dates") {
  const std::string input = fixture("dates.wiki");  // the article views it: keep it alive
  const auto a = wikirel::parse(input);
  REQUIRE(a.sections().size() == 3);
  CHECK(values_in(a, 1) == std::vector<std::string>{
                               "1921-03-14", "1921-04-05", "1921-04-06", "c. 1921-04-20", "1923-06-03", "1989-11",
                               "1848", "1950–1959", "c. 1960–1969", "1800–1899", "c. 1850", "c. 1947", "1947–1991",
                               "1950–1953", "1921–1923", "1901-04-07", "1980-11-02", "1921-03-14", "c. 1850",
                               "1923-06-03"});
  CHECK(a.sections()[2].events().size() == 0);
  const auto events = a.sections()[1].events();
  CHECK(events[1].when().inferred);
  CHECK(events[2].when().inferred);
  CHECK(!events[0].when().inferred);
  CHECK(events[0].when().precision == wikirel::precision::day);
  CHECK(events[5].when().precision == wikirel::precision::month);
  CHECK(events[7].when().precision == wikirel::precision::decade);
  CHECK(events[9].when().precision == wikirel::precision::century);
}

TEST_CASE("a date without a year takes the year of the date joined to it, not the last one named") {
  const auto a = wikirel::parse(std::string_view(
      "The yard opened in 1939. It built hulls in May and June 1945. Ships left on 3 May and 5 June 1946.\n"
      "Work slowed in spring and summer 1947. Ice came in December and January 1949. In May and June it rested.\n"
      "Rome froze in December and January 44 BC.\n"));
  CHECK(values_in(a, 0) == std::vector<std::string>{"1939", "1945-05", "1945-06", "1946-05-03", "1946-06-05",
                                                    "1947-03–1947-05", "1947-06–1947-08", "1948-12", "1949-01",
                                                    "1949-05", "1949-06", "-0045-12", "-0044-01"});
  CHECK(a.sections()[0].events()[1].when().inferred);  // its year is not written with it
}

TEST_CASE("a section starts from the year its heading names") {
  const auto a = wikirel::parse(std::string_view(
      "Intro.\n\n== 1912 campaign ==\nThe army crossed on 5 August. On 14 September it attacked.\n"
      "=== The siege ===\nOn 3 November the town fell.\n"
      "== World War II (1939\u20131945) ==\nOn 5 May they met.\n"
      "== Aftermath ==\nOn 6 May they parted.\n"));
  REQUIRE(a.sections().size() == 5);
  CHECK(values_in(a, 1) == std::vector<std::string>{"1912-08-05", "1912-09-14"});
  CHECK(values_in(a, 2) == std::vector<std::string>{"1912-11-03"});  // the heading above it
  CHECK(values_in(a, 3).empty());  // a span names no one year
  CHECK(values_in(a, 4).empty());  // nor does a heading without a date
  CHECK(a.sections()[1].events()[0].when().inferred);
}

TEST_CASE("an event knows its expression, sentence, section and input offsets") {
  const std::string text =
      "Lead without dates.\n== Crisis (1933–35) ==\nTensions rose. Sylvania recalled its ambassador on "
      "[[3 May]] 1933.<ref>A source.</ref> Talks resumed in 1935.\n";
  const auto a = wikirel::parse(text, {wikirel::format::wikitext});
  REQUIRE(a.events().size() == 2);
  const auto e = a.events()[0];
  CHECK(e.expression() == "3 May 1933");
  CHECK(e.text() == "Sylvania recalled its ambassador on 3 May 1933.");
  CHECK(e.section().heading() == "Crisis (1933–35)");
  // Offsets point at the expression's own first and last characters in the input.
  CHECK(std::string_view(text).substr(e.offset(), e.length()) == "3 May]] 1933");
  REQUIRE(e.citations().size() == 1);
  CHECK(e.citations()[0].text() == "A source.");
  const auto f = a.events()[1];
  CHECK(std::string_view(text).substr(f.offset(), f.length()) == "1935");
  CHECK(f.citations().size() == 0);
  REQUIRE(a.sections()[1].period());
  CHECK(a.sections()[1].period()->begin.year == 1933);
  CHECK(a.sections()[1].period()->end.year == 1935);
}

TEST_CASE("citations after a sentence belong to it; adjacent markers too") {
  const auto a = wikirel::parse(
      "Title\nFrom Wikipedia, the free encyclopedia\n\nThe revolution of 1917 came.[1] [2]A war began in 1918.[3]\n\n"
      "  1. ^ One.\n  2. ^ Two.\n  3. ^ Three.\n");
  REQUIRE(a.events().size() == 2);
  REQUIRE(a.events()[0].citations().size() == 2);
  CHECK(a.events()[0].citations()[0].id() == 1);
  CHECK(a.events()[0].citations()[1].id() == 2);
  REQUIRE(a.events()[1].citations().size() == 1);
  CHECK(a.events()[1].citations()[0].id() == 3);
}

TEST_CASE("a run of dates with no sentence end: each event keeps the words around it, not the whole run") {
  std::string run;
  for (int i = 0; i < 3000; ++i) run += "on 3 May 1921 the \xC3\xA9lan grew, ";
  const auto a = wikirel::parse(run, {wikirel::format::wikitext});
  REQUIRE(a.events().size() == 3000);
  std::size_t total = 0;
  for (const auto& e : a.events()) {
    CHECK(e.text().size() <= 600);
    CHECK(e.text().find(e.expression()) != std::string_view::npos);
    CHECK((static_cast<unsigned char>(e.text()[0]) & 0xC0) != 0x80);  // not cut inside a character
    CHECK(static_cast<unsigned char>(e.text().back()) < 0xC0);  // nor after a character's first byte
    total += e.text().size();
  }
  CHECK(total < 600 * 3000);  // in proportion to the input, where whole sentences were its square
  // In such a run a date is backed by the markers between it and the next date.
  std::string cited;
  for (int i = 0; i < 400; ++i) cited += "in " + std::to_string(1500 + i) + "<ref>Source " + std::to_string(i) + "</ref>, ";
  const auto c = wikirel::parse(cited, {wikirel::format::wikitext});
  REQUIRE(c.events().size() == 400);
  for (std::size_t i = 0; i < c.events().size(); i += 57) {
    REQUIRE(c.events()[i].citations().size() == 1);
    CHECK(c.events()[i].citations()[0].text() == "Source " + std::to_string(i));
  }
  // An ordinary long sentence is kept whole.
  const std::string sentence = "In 1921 " + std::string(900, 'a') + " grew.";
  const auto b = wikirel::parse(sentence, {wikirel::format::wikitext});
  REQUIRE(b.events().size() == 1);
  CHECK(b.events()[0].text() == sentence);
}

TEST_CASE("no events from headings or reference lists") {
  const auto a = wikirel::parse(
      "Founded in 1901.\n== War (1914–18) ==\nNothing dated here.\n== References ==\n* Smith, J. (1999). Book.\n",
      {wikirel::format::wikitext});
  REQUIRE(a.events().size() == 1);
  CHECK(a.events()[0].when().begin.year == 1901);
}

TEST_CASE("the timeline orders events by date, keeping text order for equal dates") {
  const auto a = wikirel::parse("In 1950 a treaty. In 1921 a war. In 1950 a second treaty. Since 1921 calm.\n",
                                {wikirel::format::wikitext});
  std::vector<std::string> order;
  for (const auto& e : a.timeline()) order.push_back(std::string(e.text()));
  CHECK(order == std::vector<std::string>{"In 1921 a war.", "Since 1921 calm.", "In 1950 a treaty.", "In 1950 a second treaty."});
}

TEST_CASE("the seed's events" * doctest::skip(!wikirel_test::have_shared())) {
  const auto path = wikirel_test::shared_dir() / "corpus" / "seed" / "000_fe324084d34eb987.txt";
  if (!std::filesystem::exists(path)) return;
  const std::string text = wikirel_test::read_file(path);
  const auto a = wikirel::parse(text);
  std::vector<std::string> begins;
  for (const auto& e : a.events()) begins.push_back(iso(e.when().begin));
  for (const char* want : {"1917", "1918", "1947", "1949", "1989-11", "1991-12-25", "1991"})
    CHECK_MESSAGE(std::find(begins.begin(), begins.end(), want) != begins.end(), want);
  bool kornilov = false, range = false;
  for (const auto& e : a.events()) {
    CHECK(e.text().find("Foglesong") == std::string_view::npos);
    CHECK(e.when().begin.year != 2002);
    CHECK(e.when().begin.year >= 1000);
    if (e.text().find("Kornilov") != std::string_view::npos && e.citations().size() == 2) kornilov = true;
    if (e.when().begin.year == 1917 && e.when().end.year == 1991) range = true;
  }
  CHECK(kornilov);
  CHECK(range);
  REQUIRE(a.sections()[2].period());
  CHECK(a.sections()[2].period()->begin.year == 1939);
  CHECK(a.sections()[2].period()->end.year == 1945);
}

TEST_CASE("citation dates: the fast path reads the common shapes as the recognizer does") {
  for (std::string_view s : {"2011", "2011-03", "2011-03-02", "2 March 2011", "March 2, 2011", "March 2011",
                             "31 December 1999", "February 29, 2012", "1 Jan 2011", "2011-13-01", "30 February 2011",
                             "Winter 2002", "c. 1990", "2011a", "March 32, 2011", " 4 May 1990 "}) {
    CAPTURE(s);
    const wikirel::date fast = wikirel::detail::parse_common_date(s);
    const auto m = wikirel::detail::first_date(s, wikirel::detail::scan_mode::citation);
    wikirel::date slow{};
    if (m.found()) {
      const wikirel::period& p = m.when;
      slow = p.precision == wikirel::precision::month || p.precision == wikirel::precision::day ? p.begin
                                                                                              : wikirel::date{p.begin.year, 0, 0};
    }
    if (fast.valid()) CHECK(fast == slow);                 // when the fast path answers, it agrees
    CHECK(wikirel::parse_date(s) == (fast.valid() ? fast : slow));
  }
  CHECK(wikirel::parse_date(std::string_view("2 March 2011")) == wikirel::date{2011, 3, 2});
  CHECK(!wikirel::detail::parse_common_date(std::string_view("2011-13-01")).valid());
}
