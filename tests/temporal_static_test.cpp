// The date recognizer and the sentence splitter at compile time: each check runs
// find_dates, heading_period, parse_date or next_sentence in constant evaluation, over
// both char and char8_t text, and mirrors a case of tests/temporal_test.cpp.

#include <wikirel/detail/sentences.hpp>
#include <wikirel/temporal.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using wikirel::date;
using wikirel::date_context;
using wikirel::date_match;
using wikirel::period;
using wikirel::precision;

constexpr date y(std::int32_t year, int month = 0, int day = 0) {
  return date{year, static_cast<std::uint8_t>(month), static_cast<std::uint8_t>(day)};
}

constexpr period make(date begin, date end, precision p, bool approximate = false, bool inferred = false) {
  period out;
  out.begin = begin;
  out.end = end;
  out.precision = p;
  out.approximate = approximate;
  out.inferred = inferred;
  return out;
}

constexpr period open_from(date begin, precision p) {
  period out;
  out.begin = begin;
  out.precision = p;
  out.open_end = true;
  return out;
}

constexpr date_context anchored(date d, precision p) {
  date_context c;
  c.anchor = d;
  c.anchor_precision = p;
  return c;
}

/// A text literal copied into code units of type C.
template <class C, std::size_t N>
struct text_of {
  C units[N] = {};
  constexpr explicit text_of(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) units[i] = static_cast<C>(s[i]);
  }
  constexpr std::basic_string_view<C> view() const { return {units, N - 1}; }
};

struct scan_result {
  date_match found[8] = {};
  std::size_t count = 0;
  date_context context;
};

template <class C, std::size_t N>
constexpr scan_result scan(const char (&s)[N], date_context context) {
  const text_of<C, N> text(s);
  scan_result r;
  r.context = context;
  wikirel::find_dates(text.view(), r.context, [&](const date_match& m) {
    if (r.count < 8) r.found[r.count] = m;
    ++r.count;
  });
  return r;
}

/// The text holds exactly one date expression, `span`, whose value is `expected`.
template <class C, std::size_t N>
constexpr bool one_as(const char (&s)[N], std::string_view span, const period& expected, date_context context) {
  const scan_result r = scan<C>(s, context);
  const std::size_t offset = std::string_view(s).find(span);
  return r.count == 1 && r.found[0].offset == offset && r.found[0].length == span.size() && r.found[0].when == expected;
}

template <std::size_t N>
constexpr bool one(const char (&s)[N], std::string_view span, const period& expected, date_context context = {}) {
  return one_as<char>(s, span, expected, context) && one_as<char8_t>(s, span, expected, context);
}

template <std::size_t N>
constexpr bool none(const char (&s)[N], date_context context = {}) {
  return scan<char>(s, context).count == 0 && scan<char8_t>(s, context).count == 0;
}

template <std::size_t N>
constexpr std::size_t count(const char (&s)[N]) {
  const std::size_t a = scan<char>(s, {}).count;
  return a == scan<char8_t>(s, {}).count ? a : 999;
}

template <class C, std::size_t N>
constexpr bool heading_as(const char (&s)[N], const period& expected) {
  const text_of<C, N> text(s);
  return wikirel::heading_period(text.view()) == expected;
}

template <std::size_t N>
constexpr bool heading(const char (&s)[N], const period& expected) {
  return heading_as<char>(s, expected) && heading_as<char8_t>(s, expected);
}

template <class C, std::size_t N>
constexpr date parse_as(const char (&s)[N]) {
  const text_of<C, N> text(s);
  return wikirel::parse_date(text.view());
}

template <std::size_t N>
constexpr bool parses(const char (&s)[N], date expected) {
  return parse_as<char>(s) == expected && parse_as<char8_t>(s) == expected;
}

/// The sentences of s as (begin, end) pairs, flattened: {b0, e0, b1, e1, ...}.
struct split_result {
  std::size_t bounds[16] = {};
  std::size_t count = 0;
};

template <class C, std::size_t N>
constexpr split_result split_as(const char (&s)[N]) {
  const text_of<C, N> text(s);
  const auto v = text.view();
  split_result r;
  for (std::size_t pos = 0; pos < v.size() && r.count < 8;) {
    const auto span = wikirel::detail::next_sentence(v, pos);
    if (span.begin >= v.size()) break;
    r.bounds[2 * r.count] = span.begin;
    r.bounds[2 * r.count + 1] = span.end;
    ++r.count;
    pos = span.limit;
  }
  return r;
}

/// s splits into exactly the sentences listed.
template <std::size_t N, class... Parts>
constexpr bool splits(const char (&s)[N], Parts... parts) {
  const std::string_view text(s);
  const std::string_view expected[] = {parts...};
  for (const split_result& r : {split_as<char>(s), split_as<char8_t>(s)}) {
    if (r.count != sizeof...(Parts)) return false;
    for (std::size_t i = 0; i < r.count; ++i)
      if (text.substr(r.bounds[2 * i], r.bounds[2 * i + 1] - r.bounds[2 * i]) != expected[i]) return false;
  }
  return true;
}

}  // namespace

// Full dates.
static_assert(one("The Soviet Union was dissolved on December 25, 1991.", "December 25, 1991",
                  make(y(1991, 12, 25), y(1991, 12, 25), precision::day)));
static_assert(one("Gorbachev resigned on 25 December 1991 in Moscow.", "25 December 1991",
                  make(y(1991, 12, 25), y(1991, 12, 25), precision::day)));
static_assert(one("It was signed on Dec. 25, 1991.", "Dec. 25, 1991",
                  make(y(1991, 12, 25), y(1991, 12, 25), precision::day)));
static_assert(one("The file is dated 1991-12-25.", "1991-12-25",
                  make(y(1991, 12, 25), y(1991, 12, 25), precision::day)));
static_assert(one("It ended on the 25th of December 1991.", "the 25th of December 1991",
                  make(y(1991, 12, 25), y(1991, 12, 25), precision::day)));
static_assert(one("Caesar was killed on 15 March 44 BC.", "15 March 44 BC",
                  make(y(-44, 3, 15), y(-44, 3, 15), precision::day)));

// Months and seasons.
static_assert(one("The wall fell in November 1989.", "November 1989",
                  make(y(1989, 11), y(1989, 11), precision::month)));
static_assert(one("Finland was invaded in February of 1940.", "February of 1940",
                  make(y(1940, 2), y(1940, 2), precision::month)));
static_assert(one("The issue of Winter 2002 was late.", "Winter 2002",
                  make(y(2002, 12), y(2003, 2), precision::season)));
static_assert(one("They met in the summer of 1944.", "the summer of 1944",
                  make(y(1944, 6), y(1944, 8), precision::season)));

// Years, and numbers that are not.
static_assert(one("In 1918 the war ended.", "1918", make(y(1918), y(1918), precision::year)));
static_assert(one("It followed the revolution of 1917.", "1917", make(y(1917), y(1917), precision::year)));
static_assert(one("The February Revolution (1917) toppled the tsar.", "1917", make(y(1917), y(1917), precision::year)));
static_assert(one("1949's treaty founded NATO.", "1949", make(y(1949), y(1949), precision::year)));
static_assert(one("In 1991, the state collapsed.", "1991", make(y(1991), y(1991), precision::year)));
static_assert(one("The empire ended in 476.", "476", make(y(476), y(476), precision::year)));
static_assert(none("The garrison numbered 2,600 soldiers."));
static_assert(none("A relief force of 1500 troops was promised."));
static_assert(none("It cost $1945 in all."));
static_assert(none("It cost 1,945 dollars."));
static_assert(none("The road is 1200 km long."));
static_assert(none("See Vol. 34, No. 4 of the journal."));
static_assert(none("It is on pp. 1917–1920 of the book."));
static_assert(none("He ran Windows 2000 on it."));
static_assert(none("It ran Windows Server 2008 well."));
static_assert(none("The meeting started at 10:30 sharp."));
static_assert(none("The final score was 3–1 to the hosts."));
static_assert(none("See ISBN 978-0-19-1945-2 for details."));
static_assert(none("See http://example.org/1945/page for details."));

// Ranges.
static_assert(one("The war lasted 1917–91 in all.", "1917–91", make(y(1917), y(1991), precision::year)));
static_assert(one("World War II (1939–1945) was global.", "1939–1945", make(y(1939), y(1945), precision::year)));
static_assert(one("The Civil War (1918 - 1920) followed.", "1918 - 1920", make(y(1918), y(1920), precision::year)));
static_assert(one("The ferry ran from 1947 to 1991.", "from 1947 to 1991", make(y(1947), y(1991), precision::year)));
static_assert(one("Dues were doubled between 1950 and 1953.", "between 1950 and 1953",
                  make(y(1950), y(1953), precision::year)));
static_assert(one("The pact held 1945 until 1991.", "1945 until 1991", make(y(1945), y(1991), precision::year)));
static_assert(one("France fell in May–June 1940.", "May–June 1940", make(y(1940, 5), y(1940, 6), precision::month)));
static_assert(one("The siege lasted 3–5 May 1940.", "3–5 May 1940",
                  make(y(1940, 5, 3), y(1940, 5, 5), precision::day)));
static_assert(one("The siege lasted May 3–5, 1940.", "May 3–5, 1940",
                  make(y(1940, 5, 3), y(1940, 5, 5), precision::day)));
static_assert(one("Relations (1992–present) are warm.", "1992–present", open_from(y(1992), precision::year)));
static_assert(one("Carthage fought Rome 264–146 BC in three wars.", "264–146 BC",
                  make(y(-264), y(-146), precision::year)));
static_assert(one("Grunge peaked in the 1990s–2000s.", "the 1990s–2000s", make(y(1990), y(2009), precision::decade)));
static_assert(one("The famine (1998–02) was severe.", "1998–02", make(y(1998), y(2002), precision::year)));
static_assert(count("The score was 1945 to 1940 at the end.") == 2);

// Decades and centuries.
static_assert(one("Tourism grew quickly in the 1920s.", "the 1920s", make(y(1920), y(1929), precision::decade)));
static_assert(one("Tourism grew quickly in 1920's Europe.", "1920's", make(y(1920), y(1929), precision::decade)));
static_assert(one("Several hotels closed in the early 1950s.", "the early 1950s",
                  make(y(1950), y(1959), precision::decade, true)));
static_assert(one("Several hotels closed in the mid-1950s.", "the mid-1950s",
                  make(y(1950), y(1959), precision::decade, true)));
static_assert(one("Music changed in the '60s.", "the '60s", make(y(1960), y(1969), precision::decade)));
static_assert(one("The bay was settled in the 19th century.", "the 19th century",
                  make(y(1800), y(1899), precision::century)));
static_assert(one("The bay was settled in the nineteenth century.", "the nineteenth century",
                  make(y(1800), y(1899), precision::century)));
static_assert(one("The bay was settled in the late 18th century.", "the late 18th century",
                  make(y(1700), y(1799), precision::century, true)));
static_assert(one("A 19th-century house stands here.", "19th-century", make(y(1800), y(1899), precision::century)));
static_assert(one("Athens flourished in the 5th century BC.", "the 5th century BC",
                  make(y(-500), y(-401), precision::century)));
static_assert(one("It was common in the 1800s.", "the 1800s", make(y(1800), y(1899), precision::century)));

// Approximate dates and eras.
static_assert(one("The first jetty was built c. 1850.", "c. 1850", make(y(1850), y(1850), precision::year, true)));
static_assert(one("The first jetty was built c.1850.", "c.1850", make(y(1850), y(1850), precision::year, true)));
static_assert(one("The lighthouse dates from about 1947.", "about 1947",
                  make(y(1947), y(1947), precision::year, true)));
static_assert(one("Socrates died in 399 BC.", "399 BC", make(y(-399), y(-399), precision::year)));
static_assert(one("Varus was defeated in AD 9.", "AD 9", make(y(9), y(9), precision::year)));
static_assert(one("The city was founded in 300 BCE.", "300 BCE", make(y(-300), y(-300), precision::year)));

// Partial and relative dates against a context.
static_assert(one("On 3 May, the army moved.", "3 May", make(y(1940, 5, 3), y(1940, 5, 3), precision::day, false, true),
                  anchored(y(1940), precision::year)));
static_assert(one("By early October it was over.", "early October",
                  make(y(1940, 10), y(1940, 10), precision::month, true, true), anchored(y(1940), precision::year)));
static_assert(one("In June they rested.", "June", make(y(1940, 6), y(1940, 6), precision::month, false, true),
                  anchored(y(1940), precision::year)));
static_assert(one("On 15 February, Singapore fell.", "15 February",
                  make(y(1942, 2, 15), y(1942, 2, 15), precision::day, false, true),
                  anchored(y(1941, 12), precision::month)));
static_assert(one("The next day, Belgium fell.", "The next day",
                  make(y(1940, 5, 11), y(1940, 5, 11), precision::day, false, true),
                  anchored(y(1940, 5, 10), precision::day)));
static_assert(one("Two days later, a counterattack.", "Two days later",
                  make(y(1940, 5, 12), y(1940, 5, 12), precision::day, false, true),
                  anchored(y(1940, 5, 10), precision::day)));
static_assert(one("The next day the millennium began.", "The next day",
                  make(y(2000, 1, 1), y(2000, 1, 1), precision::day, false, true),
                  anchored(y(1999, 12, 31), precision::day)));
static_assert(one("The following year, Barbarossa.", "The following year",
                  make(y(1941), y(1941), precision::year, false, true), anchored(y(1940, 5, 10), precision::day)));
static_assert(one("By the end of the year, victory.", "the end of the year",
                  make(y(1941), y(1941), precision::year, false, true), anchored(y(1941), precision::year)));
static_assert(one("Later that month, more.", "Later that month",
                  make(y(1940, 5), y(1940, 5), precision::month, false, true),
                  anchored(y(1940, 5, 10), precision::day)));
static_assert(one("Parliament confirmed it the following spring.", "the following spring",
                  make(y(1850, 3), y(1850, 5), precision::season, false, true),
                  anchored(y(1849, 10, 2), precision::day)));
static_assert(none("On 3 May, the army moved."));
static_assert(none("The next day they left."));
static_assert(none("You may go now.", anchored(y(1940), precision::year)));
static_assert(none("Theresa May spoke.", anchored(y(1940), precision::year)));
static_assert(none("The March on Rome followed.", anchored(y(1940), precision::year)));
static_assert(scan<char>("In 1940 it began. On 3 May, it moved.", {}).found[1].when.begin == y(1940, 5, 3));
static_assert(scan<char8_t>("The Civil War (1918–1920) ended.", {}).context.anchor == y(1920));

// Headings.
static_assert(heading("World War II (1939–45)", make(y(1939), y(1945), precision::year)));
static_assert(heading("Cold War (1945–91)", make(y(1945), y(1991), precision::year)));
static_assert(heading("1800–1945", make(y(1800), y(1945), precision::year)));
static_assert(heading("Since 1945", open_from(y(1945), precision::year)));
static_assert(heading("The 1920s", make(y(1920), y(1929), precision::decade)));
static_assert(heading("19th century", make(y(1800), y(1899), precision::century)));
static_assert(heading("Early life", period{}));
static_assert(heading("In June", period{}));

// Citation dates.
static_assert(parses("2 March 2011", y(2011, 3, 2)));
static_assert(parses("March 2, 2011", y(2011, 3, 2)));
static_assert(parses("2011-03-02", y(2011, 3, 2)));
static_assert(parses("March 2011", y(2011, 3)));
static_assert(parses("2011", y(2011)));
static_assert(parses("Winter 2002", y(2002)));
static_assert(parses("2011-03", y(2011, 3)));
static_assert(parses("c. 1990", y(1990)));
static_assert(parses("n.d.", date{}));

// Sentences.
static_assert(splits("One. Two! Three? Four", "One.", "Two!", "Three?", "Four"));
static_assert(splits("Line one\nLine two.", "Line one", "Line two."));
static_assert(splits("The U.S. Army arrived. It stayed.", "The U.S. Army arrived.", "It stayed."));
static_assert(splits("He moved to the U.S. He then left.", "He moved to the U.S.", "He then left."));
static_assert(splits("Gen. Kornilov met Dr. Smith.", "Gen. Kornilov met Dr. Smith."));
static_assert(splits("On Dec. 25, 1991, he resigned. Then he left.", "On Dec. 25, 1991, he resigned.",
                     "Then he left."));
static_assert(splits("L. G. Kornilov met J. R. R. Tolkien. They talked.", "L. G. Kornilov met J. R. R. Tolkien.",
                     "They talked."));
static_assert(splits("It cost 3.5 million. Then more.", "It cost 3.5 million.", "Then more."));
static_assert(splits("He said \"I am here. I will stay.\" and left.", "He said \"I am here. I will stay.\" and left."));
static_assert(splits("(He was ill. He went home.) Then he slept.", "(He was ill. He went home.)", "Then he slept."));
static_assert(splits("It ended in 1945.[12] The next year was calm.", "It ended in 1945.[12]",
                     "The next year was calm."));
static_assert(splits("Some e.g. stone, etc. and more.", "Some e.g. stone, etc. and more."));
static_assert(wikirel::detail::next_sentence(std::string_view("First one.  Second."), 0).limit == 12);
static_assert(wikirel::detail::next_sentence(std::u8string_view(u8"First one.  Second."), 12).end == 19);
