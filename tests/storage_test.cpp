// fixed_storage gives the same article as dynamic_storage, and running out of a capacity
// is never a silently cut article.
#include "test_support.hpp"

#include <wikirel/article.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using big_storage = wikirel::fixed_storage<96, 1024, 96, 1 << 17, 4096>;
using big_article = wikirel::basic_article<char, big_storage>;

template <class A, class B>
void check_same_period(const A& a, const B& b) {
  CHECK(a.begin == b.begin);
  CHECK(a.end == b.end);
  CHECK(a.precision == b.precision);
  CHECK(a.approximate == b.approximate);
  CHECK(a.open_end == b.open_end);
  CHECK(a.inferred == b.inferred);
}

/// Field by field, through the public API only.
template <class A, class B>
void check_same_article(const A& a, const B& b) {
  CHECK(a.title() == b.title());
  CHECK(a.format() == b.format());
  REQUIRE(a.parties().size() == b.parties().size());
  for (std::size_t i = 0; i < a.parties().size(); ++i) CHECK(a.parties()[i] == b.parties()[i]);
  REQUIRE(a.categories().size() == b.categories().size());
  for (std::size_t i = 0; i < a.categories().size(); ++i) CHECK(a.categories()[i] == b.categories()[i]);
  REQUIRE(a.sections().size() == b.sections().size());
  for (std::size_t i = 0; i < a.sections().size(); ++i) {
    const auto x = a.sections()[i];
    const auto y = b.sections()[i];
    CHECK(x.heading() == y.heading());
    CHECK(x.level() == y.level());
    CHECK(x.parent() == y.parent());
    CHECK(x.text() == y.text());
    CHECK(x.offset() == y.offset());
    CHECK(x.period().has_value() == y.period().has_value());
    if (x.period() && y.period()) check_same_period(*x.period(), *y.period());
  }
  REQUIRE(a.citations().size() == b.citations().size());
  for (std::size_t i = 0; i < a.citations().size(); ++i) {
    const auto x = a.citations()[i];
    const auto y = b.citations()[i];
    CHECK(x.name() == y.name());
    CHECK(x.kind() == y.kind());
    CHECK(x.title() == y.title());
    CHECK(x.work() == y.work());
    CHECK(x.publisher() == y.publisher());
    CHECK(x.url() == y.url());
    CHECK(x.doi() == y.doi());
    CHECK(x.isbn() == y.isbn());
    CHECK(x.pages() == y.pages());
    CHECK(x.text() == y.text());
    CHECK(x.date() == y.date());
    REQUIRE(x.authors().size() == y.authors().size());
    for (std::size_t k = 0; k < x.authors().size(); ++k) CHECK(x.authors()[k] == y.authors()[k]);
    REQUIRE(x.uses().size() == y.uses().size());
    for (std::size_t k = 0; k < x.uses().size(); ++k) CHECK(x.uses()[k].offset == y.uses()[k].offset);
  }
  REQUIRE(a.events().size() == b.events().size());
  for (std::size_t i = 0; i < a.events().size(); ++i) {
    const auto x = a.events()[i];
    const auto y = b.events()[i];
    check_same_period(x.when(), y.when());
    CHECK(x.expression() == y.expression());
    CHECK(x.offset() == y.offset());
    CHECK(x.length() == y.length());
    CHECK(x.text() == y.text());
    CHECK(x.section().index() == y.section().index());
    REQUIRE(x.citations().size() == y.citations().size());
    for (std::size_t k = 0; k < x.citations().size(); ++k) CHECK(x.citations()[k].id() == y.citations()[k].id());
  }
  REQUIRE(a.timeline().size() == b.timeline().size());
  for (std::size_t i = 0; i < a.timeline().size(); ++i) CHECK(a.timeline()[i].index() == b.timeline()[i].index());
  REQUIRE(a.diagnostics().size() == b.diagnostics().size());
  for (std::size_t i = 0; i < a.diagnostics().size(); ++i) {
    CHECK(a.diagnostics()[i].kind == b.diagnostics()[i].kind);
    CHECK(a.diagnostics()[i].line == b.diagnostics()[i].line);
    CHECK(a.diagnostics()[i].column == b.diagnostics()[i].column);
  }
}

}  // namespace

TEST_CASE("fixed_storage and dynamic_storage give the same article on every fixture") {
  const char* files[] = {"headings.wiki", "refs.wiki", "malformed.wiki", "lists_tables.wiki", "dates.wiki",
                         "mirror_fullwiki_style.txt", "browser_copy.txt", "pandoc_style.txt", "captions_lists.txt",
                         "../../examples/samples/freedonia_sylvania.wiki", "../../examples/samples/freedonia_sylvania.txt"};
  for (const char* name : files) {
    CAPTURE(name);
    const std::string text = wikirel_test::fixture(name);
    const wikirel::capacities need = wikirel::measure(text);
    REQUIRE(need.sections <= 96);
    REQUIRE(need.events <= 1024);
    REQUIRE(need.text_bytes <= (1u << 17));
    const auto dynamic = wikirel::parse(text);
    const auto fixed = std::make_unique<big_article>(wikirel::parse<big_storage>(text));
    check_same_article(dynamic, *fixed);
    for (const auto& d : fixed->diagnostics()) CHECK(d.kind != wikirel::diagnostic_kind::capacity_exceeded);
  }
}

TEST_CASE("measure() gives capacities that fit exactly") {
  const std::string text = wikirel_test::fixture("refs.wiki");
  const wikirel::capacities need = wikirel::measure(text);
  CHECK(need.sections >= 1);
  CHECK(need.citations == 14);
  CHECK(need.text_bytes > 0);
  CHECK(need.links >= 21);  // at least the uses
}

TEST_CASE("running out of a capacity at run time gives a capacity_exceeded diagnostic naming it") {
  const std::string_view text = "Lead.\n\n== One ==\nBody.\n== Two ==\nMore.\n";
  const auto a = wikirel::parse<wikirel::fixed_storage<2, 4, 4, 512>>(text);
  CHECK(a.sections().size() == 2);
  bool named = false;
  for (const auto& d : a.diagnostics())
    named = named || (d.kind == wikirel::diagnostic_kind::capacity_exceeded && d.message().find("Sections") != std::string_view::npos);
  CHECK(named);
  const auto small_text = wikirel::parse<wikirel::fixed_storage<4, 4, 4, 8>>(text);
  bool text_named = false;
  for (const auto& d : small_text.diagnostics()) text_named = text_named || d.message().find("TextBytes") != std::string_view::npos;
  CHECK(text_named);
}

namespace {
constexpr std::string_view kCompileTime =
    "Freedonia and Sylvania signed a treaty in 1921.\n\n== Crisis (1933–35) ==\n"
    "Sylvania recalled its ambassador on 3 May 1933.<ref>{{cite book |title=Duck Soup |year=1933}}</ref>\n";
constexpr wikirel::capacities kNeed = wikirel::measure(kCompileTime);
using fitted = wikirel::fixed_storage<kNeed.sections, kNeed.events, kNeed.citations, kNeed.text_bytes, kNeed.links>;
constexpr auto kArticle = wikirel::parse<fitted>(kCompileTime);
static_assert(kArticle.sections().size() == 2);
static_assert(kArticle.sections()[1].heading() == "Crisis (1933–35)");
static_assert(kArticle.citations()[0].title() == "Duck Soup");
static_assert(kArticle.timeline()[0].when().begin.year == 1921 && kArticle.timeline()[1].when().begin.year == 1933);
// A year past the timeline's packed keys: the sort by comparisons, in constant evaluation.
constexpr std::string_view kDeepPast = "In 1990 a treaty. In 40000 BC a camp.\n";
constexpr wikirel::capacities kDeepNeed = wikirel::measure(kDeepPast);
constexpr auto kDeepArticle = wikirel::parse<
    wikirel::fixed_storage<kDeepNeed.sections, kDeepNeed.events, kDeepNeed.citations, kDeepNeed.text_bytes, kDeepNeed.links>>(kDeepPast);
static_assert(kDeepArticle.timeline()[0].when().begin.year == -40000 && kDeepArticle.timeline()[1].when().begin.year == 1990);
}  // namespace

TEST_CASE("an article parsed at compile time into exactly measured storage is read at run time") {
  CHECK(kArticle.sections()[1].level() == 2);
  CHECK(kArticle.citations().size() == 1);
  check_same_article(wikirel::parse(kCompileTime), kArticle);
}

// ---- the chunked text arena -----------------------------------------------------------

namespace {

using wikirel::detail::chunked_text;

/// Writes "abc" as one piece and "defgh" as an open piece into 8 bytes, then 3 more bytes:
/// only the open piece moves, and every offset still reads the same text.
template <class T>
constexpr bool open_piece_moves_and_offsets_stay(T& t) {
  t.reserve(8);
  t.keep_from(0);
  t.append("abc", 3);
  t.keep_from(3);
  t.append("defgh", 5);
  if (t.capacity() != 8) return false;
  t.reserve(11);
  t.append("ijk", 3);
  return t.size() == 11 && t.view(0, 3) == "abc" && t.view(3, 8) == "defghijk" && t[10] == 'k';
}

constexpr bool chunked_text_in_constant_evaluation() {
  chunked_text<char> t;
  if (!open_piece_moves_and_offsets_stay(t)) return false;
  t.truncate(2);  // back into the first chunk: the second goes
  if (t.size() != 2 || t.view(0, 2) != "ab") return false;
  t.keep_from(2);
  for (char c : std::string_view("xyz0123456789")) t.push_back(c);
  const chunked_text<char> copy = t;
  return copy.view(0, 2) == "ab" && copy.view(2, 13) == "xyz0123456789" && copy.size() == 15;
}
static_assert(chunked_text_in_constant_evaluation());

}  // namespace

TEST_CASE("the chunked arena moves only the open piece when it grows") {
  chunked_text<char> t;
  REQUIRE(open_piece_moves_and_offsets_stay(t));
  // Two chunks: 8 bytes, then the open piece's 5 plus 3 new; "abc" was not copied.
  CHECK(t.allocated() == 8 + 8);
  const std::string_view first = t.view(0, 3), second = t.view(3, 8);
  CHECK(t.holds(first.data(), first.size()));
  CHECK(t.holds(second.data(), second.size()));
  CHECK(first.data() + 3 != second.data());  // not one array: the piece moved
  CHECK_FALSE(t.holds(first.data(), 8));     // a view over the dead copy is not live text

  SUBCASE("a piece that fills its whole chunk leaves nothing behind") {
    chunked_text<char> u;
    u.reserve(4);
    u.keep_from(0);
    u.append("abcd", 4);
    u.reserve(8);
    u.append("efgh", 4);
    CHECK(u.view(0, 8) == "abcdefgh");
    CHECK(u.allocated() == 8);  // the first chunk was given back
  }
  SUBCASE("copies and moves keep every offset") {
    chunked_text<char> copy = t;
    CHECK(copy.view(0, 3) == "abc");
    CHECK(copy.view(3, 8) == "defghijk");
    CHECK(copy.allocated() == 11);  // live bytes only
    chunked_text<char> moved = static_cast<chunked_text<char>&&>(copy);
    CHECK(moved.view(3, 8) == "defghijk");
    CHECK(copy.size() == 0);
  }
  SUBCASE("a view past the live text is clamped, never read outside") {
    CHECK(t.view(9, 100) == "jk");
    CHECK(t.view(11, 5).empty());
  }
}

TEST_CASE("the arena copies runs of every short length exactly (the fixed-size moves)") {
  std::string all;
  for (int i = 0; i < 200; ++i) all += static_cast<char>('a' + i % 26);
  chunked_text<char> t;
  std::string expected;
  for (std::size_t n = 0; n <= 40; ++n) {
    t.append(all.data() + n, n);
    expected.append(all.data() + n, n);
  }
  REQUIRE(t.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(t[i] == expected[i]);
}

namespace {

using wikirel::detail::chunked_list;

constexpr bool chunked_list_in_constant_evaluation() {
  chunked_list<int> l;
  l.reserve(3);
  for (int i = 0; i < 10; ++i) l.push_back(9 - i);  // three chunks: 3, then grown
  std::sort(l.begin(), l.end());
  for (int i = 0; i < 10; ++i)
    if (l[static_cast<std::size_t>(i)] != i) return false;
  const chunked_list<int> copy = l;
  return copy.size() == 10 && copy[9] == 9 && copy.allocated() == 10 * sizeof(int);
}
static_assert(chunked_list_in_constant_evaluation());

}  // namespace

TEST_CASE("the chunked record list: chunks never move, runs cover every record once") {
  chunked_list<int> l;
  l.reserve(4);
  const int* first = nullptr;
  for (int i = 0; i < 100; ++i) {
    l.push_back(i);
    if (i == 0) first = &l[0];
  }
  CHECK(&l[0] == first);  // growth added chunks; the first record never moved
  CHECK(l.contiguous() == nullptr);
  std::size_t covered = 0, runs = 0;
  l.for_each_run([&](const int* run, std::size_t start, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) CHECK(run[k] == static_cast<int>(start + k));
    CHECK(start == covered);
    covered += count;
    ++runs;
  });
  CHECK(covered == 100);
  CHECK(runs > 1);
  CHECK(l.allocated() >= 100 * sizeof(int));
  chunked_list<int> one;
  one.reserve(8);
  one.push_back(7);
  REQUIRE(one.contiguous() != nullptr);
  CHECK(one.contiguous()[0] == 7);
}

TEST_CASE("the chunked record list: run_at gives a range as one array exactly when one chunk holds it") {
  chunked_list<int> l;
  l.reserve(4);
  for (int i = 0; i < 200; ++i) l.push_back(i);  // several chunks: first, middle ones, last
  std::vector<std::size_t> starts;  // where each chunk begins
  l.for_each_run([&](const int*, std::size_t start, std::size_t) { starts.push_back(start); });
  REQUIRE(starts.size() >= 4);
  starts.push_back(200);
  std::size_t whole = 0, split = 0;
  for (std::size_t i = 0; i < 200; ++i)
    for (std::size_t n = 1; i + n <= 200 && n <= 40; ++n) {
      std::size_t k = 0;
      while (starts[k + 1] <= i) ++k;
      const bool one_chunk = i + n <= starts[k + 1];
      const int* run = l.run_at(i, n);
      CAPTURE(i);
      CAPTURE(n);
      REQUIRE((run != nullptr) == one_chunk);
      if (run) {
        CHECK(run == &l[i]);
        CHECK(run[n - 1] == static_cast<int>(i + n - 1));
        ++whole;
      } else {
        ++split;
      }
    }
  CHECK(whole > 0);
  CHECK(split > 0);
}

namespace {

/// Checks that a's timeline holds each event once, by start, closed before open, by end,
/// then in text order; returns the number of chunks its events are kept in.
template <class Article>
std::size_t check_timeline(const Article& a) {
  REQUIRE(a.timeline().size() == a.events().size());
  std::vector<bool> seen(a.events().size(), false);
  for (std::size_t i = 0; i < a.timeline().size(); ++i) {
    const std::size_t k = a.timeline()[i].index();
    REQUIRE(k < seen.size());
    CHECK_FALSE(seen[k]);
    seen[k] = true;
    if (i == 0) continue;
    const auto x = a.timeline()[i - 1].when(), y = a.timeline()[i].when();
    const bool ordered = x.begin != y.begin ? x.begin < y.begin
                         : x.open_end != y.open_end ? y.open_end
                         : x.end != y.end ? x.end < y.end
                         : a.timeline()[i - 1].index() < k;
    CHECK(ordered);
  }
  std::size_t runs = 0;
  a.data().events.for_each_run([&](const auto*, std::size_t, std::size_t) { ++runs; });
  return runs;
}

/// `count` dated sentences, their years scattered over 1000..1999, every fifth a range
/// ("from 1203 to 1311") and every seventh open ("since 1405"): equal starts are common.
std::string dated_sentences(std::size_t count, std::string_view extra = {}) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t year = 1000 + (i * 7919) % 1000;
    if (i % 5 == 0) text += "From " + std::to_string(year) + " to " + std::to_string(year + 108) + " a war. ";
    else if (i % 7 == 0) text += "Since " + std::to_string(year) + " calm. ";
    else text += "In " + std::to_string(year) + " a treaty. ";
    if (i % 40 == 39) text += "\n\n";
  }
  return text + std::string(extra) + "\n";
}

}  // namespace

TEST_CASE("the timeline is in order on every corpus article") {
  if (!wikirel_test::have_shared()) return;
  std::size_t checked = 0, chunked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(wikirel_test::shared_dir() / "corpus" / "wikitext")) {
    const std::string text = wikirel_test::read_file(entry.path());
    const auto a = wikirel::parse(text);
    CAPTURE(entry.path().filename().string());
    if (check_timeline(a) > 1) ++chunked;
    checked += a.timeline().size();
  }
  CHECK(checked > 1000);
  CHECK(chunked > 0);  // some articles keep their events in several chunks: the keys are read run by run
}

// The timeline sorts by packed keys while every year fits 16 bits and there are at most
// 8,192 events; past either it sorts by comparisons, a run per chunk, then merges the runs.
TEST_CASE("the timeline is in order on both sides of the packed keys' reach") {
  const wikirel::options o{wikirel::format::wikitext};
  SUBCASE("8,192 events: the largest index a key holds") {
    const auto a = wikirel::parse(dated_sentences(8192), o);
    REQUIRE(a.events().size() == 8192);
    CHECK(check_timeline(a) > 1);
  }
  SUBCASE("8,193 events: compared, and the chunks' runs merged") {
    const auto a = wikirel::parse(dated_sentences(8193), o);
    REQUIRE(a.events().size() == 8193);
    CHECK(check_timeline(a) > 1);
  }
  SUBCASE("a year before 32768 BC among ordinary ones") {
    const auto a = wikirel::parse(dated_sentences(300, "In 40000 BC people lived here."), o);
    REQUIRE(a.events().size() == 301);
    check_timeline(a);
    CHECK(a.timeline()[0].when().begin.year == -40000);
  }
  SUBCASE("the earliest and latest years a key holds") {
    const auto a = wikirel::parse(dated_sentences(300, "In 32768 BC people lived here. In AD 32767 a comet."), o);
    REQUIRE(a.events().size() == 302);
    check_timeline(a);
    CHECK(a.timeline()[0].when().begin.year == -32768);
    CHECK(a.timeline()[301].when().begin.year == 32767);
  }
}

TEST_CASE("dynamic and fixed storage agree on the shared corpus (the arena in chunks, the fixed one whole)") {
  if (!wikirel_test::have_shared()) return;
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(wikirel_test::shared_dir() / "corpus" / "wikitext")) {
    const std::string text = wikirel_test::read_file(entry.path());
    const wikirel::capacities need = wikirel::measure(text);
    if (need.sections > 96 || need.events > 1024 || need.citations > 96 || need.text_bytes > (1u << 17) ||
        need.links > 4096)
      continue;
    CAPTURE(entry.path().filename().string());
    const auto dynamic = wikirel::parse(text);
    const auto fixed = std::make_unique<big_article>(wikirel::parse<big_storage>(text));
    check_same_article(dynamic, *fixed);
    ++compared;
  }
  CHECK(compared >= 20);
}
