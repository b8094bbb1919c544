// Tests of the date-expression recognizer (find_dates, heading_period, parse_date) and the
// sentence splitter (detail::next_sentence).

#include <doctest/doctest.h>

#include <wikirel/detail/sentences.hpp>
#include <wikirel/temporal.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using wikirel::date;
using wikirel::date_context;
using wikirel::date_match;
using wikirel::period;
using wikirel::precision;

struct found {
  std::string text;
  period when;
};

std::vector<found> dates_in(std::string_view sentence, date_context& context) {
  std::vector<found> out;
  wikirel::find_dates(sentence, context, [&](const date_match& m) {
    out.push_back({std::string(sentence.substr(m.offset, m.length)), m.when});
  });
  return out;
}

std::vector<found> dates_in(std::string_view sentence) {
  date_context context;
  return dates_in(sentence, context);
}

std::string texts(const std::vector<found>& all) {
  std::string out;
  for (const found& f : all) {
    if (!out.empty()) out += " | ";
    out += f.text;
  }
  return out;
}

std::string show(const date& d) {
  char buf[16] = {};
  return std::string(buf, d.to_chars(buf));
}

std::string show(const period& p) {
  std::string out = show(p.begin) + ".." + (p.open_end ? std::string("open") : show(p.end)) + " " +
                    std::string(wikirel::to_string(p.precision));
  if (p.approximate) out += " approx";
  if (p.inferred) out += " inferred";
  return out;
}

period make(date begin, date end, precision p, bool approximate = false, bool inferred = false) {
  period out;
  out.begin = begin;
  out.end = end;
  out.precision = p;
  out.approximate = approximate;
  out.inferred = inferred;
  return out;
}

period open_from(date begin, precision p) {
  period out;
  out.begin = begin;
  out.precision = p;
  out.open_end = true;
  return out;
}

constexpr date y(std::int32_t year, int month = 0, int day = 0) {
  return date{year, static_cast<std::uint8_t>(month), static_cast<std::uint8_t>(day)};
}

/// The sentence holds exactly one date expression, `text`, with value `expected`.
void one(std::string_view sentence, std::string_view text, const period& expected, date_context* context = nullptr) {
  date_context local;
  const std::vector<found> all = dates_in(sentence, context != nullptr ? *context : local);
  INFO("sentence: ", sentence, "  found: ", texts(all));
  REQUIRE(all.size() == 1);
  CHECK(all[0].text == text);
  CHECK(show(all[0].when) == show(expected));
}

/// The sentence holds no date expression.
void none(std::string_view sentence, date_context* context = nullptr) {
  date_context local;
  const std::vector<found> all = dates_in(sentence, context != nullptr ? *context : local);
  INFO("sentence: ", sentence, "  found: ", texts(all));
  CHECK(all.empty());
}

/// The date expressions of the sentence, as written, joined by " | ".
std::string spans(std::string_view sentence) { return texts(dates_in(sentence)); }

date_context anchored(date d, precision p) {
  date_context c;
  c.anchor = d;
  c.anchor_precision = p;
  return c;
}

}  // namespace

TEST_CASE("temporal: full dates") {
  one("The Soviet Union was dissolved on December 25, 1991.", "December 25, 1991",
      make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("Gorbachev resigned on 25 December 1991 in Moscow.", "25 December 1991",
      make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("It was signed on Dec. 25, 1991.", "Dec. 25, 1991", make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("It was signed on Dec 25 1991.", "Dec 25 1991", make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("The file is dated 1991-12-25.", "1991-12-25", make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("It ended on the 25th of December 1991.", "the 25th of December 1991",
      make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("It ended on 25th December, 1991.", "25th December, 1991",
      make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("It ended on December 25th, 1991.", "December 25th, 1991",
      make(y(1991, 12, 25), y(1991, 12, 25), precision::day));
  one("Troops landed on June 6, 1944, in Normandy.", "June 6, 1944",
      make(y(1944, 6, 6), y(1944, 6, 6), precision::day));
  one("The treaty of 1 January 1801 took effect.", "1 January 1801",
      make(y(1801, 1, 1), y(1801, 1, 1), precision::day));
  one("He died on 29 February 1996.", "29 February 1996", make(y(1996, 2, 29), y(1996, 2, 29), precision::day));
  one("Caesar was killed on 15 March 44 BC.", "15 March 44 BC", make(y(-44, 3, 15), y(-44, 3, 15), precision::day));
  one("Charlemagne was crowned on 25 December 800.", "25 December 800",
      make(y(800, 12, 25), y(800, 12, 25), precision::day));
  one("It opened on Sept. 3, 1939.", "Sept. 3, 1939", make(y(1939, 9, 3), y(1939, 9, 3), precision::day));
  one("Ended on the first of May 1945.", "the first of May 1945", make(y(1945, 5, 1), y(1945, 5, 1), precision::day));
  one("It fell on 3\xC2\xA0May\xC2\xA0"
      "1940 after a siege.",
      "3\xC2\xA0May\xC2\xA0"
      "1940",
      make(y(1940, 5, 3), y(1940, 5, 3), precision::day));
  // An impossible day is not a day; the month still stands.
  CHECK(spans("It was the 31 February 1990 issue that failed.") == "February 1990");
  one("In the summer of 1944 troops landed.", "the summer of 1944", make(y(1944, 6), y(1944, 8), precision::season));
}

TEST_CASE("temporal: months and seasons") {
  one("The wall fell in November 1989.", "November 1989", make(y(1989, 11), y(1989, 11), precision::month));
  one("Finland was invaded in February of 1940.", "February of 1940", make(y(1940, 2), y(1940, 2), precision::month));
  one("It was printed in December, 1991 by the state.", "December, 1991",
      make(y(1991, 12), y(1991, 12), precision::month));
  one("The issue of Winter 2002 was late.", "Winter 2002", make(y(2002, 12), y(2003, 2), precision::season));
  one("They met in the summer of 1944.", "the summer of 1944", make(y(1944, 6), y(1944, 8), precision::season));
  one("Peace came in spring 1945.", "spring 1945", make(y(1945, 3), y(1945, 5), precision::season));
  one("The offensive of autumn 1943 stalled.", "autumn 1943", make(y(1943, 9), y(1943, 11), precision::season));
  one("In the fall of 1929 markets crashed.", "the fall of 1929", make(y(1929, 9), y(1929, 11), precision::season));
  one("The winter of 1941–42 was harsh.", "The winter of 1941–42", make(y(1941, 12), y(1942, 2), precision::season));
  one("By mid-December 1941 the attack had failed.", "mid-December 1941",
      make(y(1941, 12), y(1941, 12), precision::month, true));
  one("It rained in early March 1917.", "early March 1917", make(y(1917, 3), y(1917, 3), precision::month, true));
}

TEST_CASE("temporal: years in context") {
  one("In 1918 the war ended.", "1918", make(y(1918), y(1918), precision::year));
  one("It followed the revolution of 1917.", "1917", make(y(1917), y(1917), precision::year));
  one("The February Revolution (1917) toppled the tsar.", "1917", make(y(1917), y(1917), precision::year));
  one("The 1949 treaty founded NATO.", "1949", make(y(1949), y(1949), precision::year));
  one("1949's treaty founded NATO.", "1949", make(y(1949), y(1949), precision::year));
  one("In 1991, the state collapsed.", "1991", make(y(1991), y(1991), precision::year));
  one("1917 was a year of upheaval.", "1917", make(y(1917), y(1917), precision::year));
  one("In 1945 elections were held.", "1945", make(y(1945), y(1945), precision::year));
  CHECK(spans("The 1945 elections were held in July.") == "1945 | July");
  one("He lived until 2010.", "2010", make(y(2010), y(2010), precision::year));
  one("Since 1945 the country has been at peace.", "1945", make(y(1945), y(1945), precision::year));
  one("The city fell in 476, ending the empire.", "476", make(y(476), y(476), precision::year));
  one("The empire ended in 476.", "476", make(y(476), y(476), precision::year));
  one("In 800 the emperor was crowned.", "800", make(y(800), y(800), precision::year));
  one("It was founded in 843 by a treaty.", "843", make(y(843), y(843), precision::year));
  one("In 711 when they crossed, it fell.", "711", make(y(711), y(711), precision::year));
  CHECK(spans("It burned in 793 and again in 795.") == "793 | 795");
  CHECK(spans("He died in 934 or 935.") == "934");
  none("In 500 cases it failed.");
  none("In 500 and 600 cases it failed.");
  none("In 200 or more cases it failed.");
  one("The year 800 saw a coronation.", "The year 800", make(y(800), y(800), precision::year));
  one("It was built in the year 1066 by Normans.", "the year 1066", make(y(1066), y(1066), precision::year));
  one("Pre-1945 borders were restored.", "1945", make(y(1945), y(1945), precision::year));
  one("The post-1945 order was new.", "1945", make(y(1945), y(1945), precision::year));
  one("A stone (dated 1200) was found.", "1200", make(y(1200), y(1200), precision::year));
  CHECK(spans("Elections were held in 1945, 1950 and 1955.") == "1945 | 1950 | 1955");
  CHECK(spans("The armies met in 1914 and 1918.") == "1914 | 1918");
}

TEST_CASE("temporal: numbers that are not years") {
  none("This is disputed (Smith 1998, p. 45).");
  none("Others agree (Jones 2001, pp. 4\u20135).");
  none("UNSCR 1325 was adopted.");
  none("The figure was 1945 °C in the test.");
  none("The figure was 1450°F at the top.");
  none("The garrison numbered 2,600 soldiers.");
  none("He traded 2,600 fur pelts.");
  none("A relief force of 1500 troops was promised.");
  none("There were 2000 people in the square.");
  none("About 1945 soldiers died.");
  none("Some 1500 men and nearly 2000 horses crossed.");
  none("More than 1500 were killed.");
  none("A force of 2000 marched north.");
  none("Reinforced by 1500 troops, they held.");
  none("It cost $1945 in all.");
  none(
      "It cost \xC2\xA3"
      "1945 in all.");
  none(
      "It cost \xE2\x82\xAC"
      "1945 in all.");
  none("It cost 1,945 dollars.");
  none("It cost 1945 dollars.");
  none("Turnout was 1945% of the roll.");
  none("The rate rose by 1917 percent.");
  none("The road is 1200 km long.");
  none("The peak is 2000 m high.");
  none("The mountain rose 1917 feet above the plain.");
  none("The gun weighed 1945 kg.");
  none("The attack began at 1945 hours.");
  none("The rules are set out in Chapter 5 of the by-laws.");
  none("See Vol. 34, No. 4 of the journal.");
  none("See No. 1945 in the catalogue.");
  none("It is on p. 1917 of the book.");
  none("It is on pp. 1917–1920 of the book.");
  none("It is in chapter 1917 of the novel.");
  none("A claim made in the text.[12]");
  none("A claim made in the text [1917] and more.");
  none("He ran Windows 2000 on it.");
  none("They flew a Boeing 747 and an Airbus 380.");
  none("It ran Windows Server 2008 well.");
  none("Room 1921 of the archive holds the port books.");
  none("The meeting started at 10:30 sharp.");
  none("The final score was 3–1 to the hosts.");
  none("He won 21–19 in the final.");
  none("The value was 3.1945 and then 19.45 and 1945.5 units.");
  none("He lived at 1600 Pennsylvania Avenue for years.");
  none("The B-1945 and the F-1917 were prototypes.");
  none("The A1945 and M1917 were rifles.");
  none("See ISBN 978-0-19-1945-2 for details.");
  none("See doi:10.1000/1945 for details.");
  none("See http://example.org/1945/page for details.");
  none("See www.example.org/1991 for details.");
  none("The number 12345 is not a year.");
  none("The year 2500 is far off.");
  none("In 5000 troops marched.");
  none("It was 1500–2000 troops strong.");
  none("Numbers rose from 1500 to 2000 troops.");
  none("Call #1945 for help.");
  none("It had 800 men and 120 guns.");
  none("Page 1945 has the map.");
  none("He scored 1917 points.");
  none("The council passed Resolution 1441 unanimously.");
  none("Dial 555-1945 for help.");
}

TEST_CASE("temporal: ranges") {
  one("The war lasted 1917–91 in all.", "1917–91", make(y(1917), y(1991), precision::year));
  one("World War II (1939–1945) was global.", "1939–1945", make(y(1939), y(1945), precision::year));
  one("The Civil War (1918 - 1920) followed.", "1918 - 1920", make(y(1918), y(1920), precision::year));
  one("The Civil War (1918-20) followed.", "1918-20", make(y(1918), y(1920), precision::year));
  one("The ferry ran from 1947 to 1991.", "from 1947 to 1991", make(y(1947), y(1991), precision::year));
  one("The ferry ran from 1947 until 1991.", "from 1947 until 1991", make(y(1947), y(1991), precision::year));
  one("Dues were doubled between 1950 and 1953.", "between 1950 and 1953", make(y(1950), y(1953), precision::year));
  one("The pact held 1945 until 1991.", "1945 until 1991", make(y(1945), y(1991), precision::year));
  one("The pact held 1945 through 1991.", "1945 through 1991", make(y(1945), y(1991), precision::year));
  one("The towns were rebuilt in 1990–2.", "1990–2", make(y(1990), y(1992), precision::year));
  one("The 1998–9 season was poor.", "1998–9", make(y(1998), y(1999), precision::year));
  CHECK(spans("In 1995–6 men came.") == "1995");  // a count after a year
  CHECK(spans("The score in 1990 was 3–2.") == "1990");
  one("It fell on 3 and 4 July 1939.", "3 and 4 July 1939", make(y(1939, 7, 3), y(1939, 7, 4), precision::day));
  one("On the night of 4/5 August 1912 it burned.", "4/5 August 1912",
      make(y(1912, 8, 4), y(1912, 8, 5), precision::day));
  none("About 3/4 of the vote was cast.");
  none("It won 3 and 4 seats.");
  // Three-digit years make a range where the words say so; counts that look the same do not.
  one("In 871–899 the kingdom grew.", "871–899", make(y(871), y(899), precision::year));
  one("The Tang ruled between 618 and 907.", "between 618 and 907", make(y(618), y(907), precision::year));
  one("The abbey stood from 950 to 1066 on the hill.", "from 950 to 1066", make(y(950), y(1066), precision::year));
  one("He reigned 306\u2013337 in Rome.", "306\u2013337", make(y(306), y(337), precision::year));
  one("Alfred (r. 871\u2013899) was king.", "871\u2013899", make(y(871), y(899), precision::year));
  none("It ruled 500\u2013600 people.");
  none("The town grew from 500 to 900.");
  none("From 500 to 900 men came.");
  none("In 300–400 years it fell.");
  none("It won 102–98 in the final.");
  one("France fell in May–June 1940.", "May–June 1940", make(y(1940, 5), y(1940, 6), precision::month));
  one("The battle raged from May to June 1940.", "from May to June 1940",
      make(y(1940, 5), y(1940, 6), precision::month));
  one("The siege lasted 3–5 May 1940.", "3–5 May 1940", make(y(1940, 5, 3), y(1940, 5, 5), precision::day));
  one("The siege lasted May 3–5, 1940.", "May 3–5, 1940", make(y(1940, 5, 3), y(1940, 5, 5), precision::day));
  one("It ran 3 May – 5 June 1940.", "3 May – 5 June 1940", make(y(1940, 5, 3), y(1940, 6, 5), precision::day));
  one("It ran May 3 – June 5, 1940.", "May 3 – June 5, 1940", make(y(1940, 5, 3), y(1940, 6, 5), precision::day));
  one("It ran December 1917 – January 1918.", "December 1917 – January 1918",
      make(y(1917, 12), y(1918, 1), precision::month));
  one("It ran 3 May 1940 – 5 June 1941.", "3 May 1940 – 5 June 1941",
      make(y(1940, 5, 3), y(1941, 6, 5), precision::day));
  one("It ran 1939 – May 1945.", "1939 – May 1945", make(y(1939), y(1945, 5), precision::year));
  one("Relations (1992–present) are warm.", "1992–present", open_from(y(1992), precision::year));
  one("He has served since then, 1992 to present, as chair.", "1992 to present", open_from(y(1992), precision::year));
  one("The band (1992–) still plays.", "1992–", open_from(y(1992), precision::year));
  one("Carthage fought Rome 264–146 BC in three wars.", "264–146 BC", make(y(-264), y(-146), precision::year));
  one("Augustus ruled 27 BC – AD 14.", "27 BC – AD 14", make(y(-27), y(14), precision::year));
  one("Augustus ruled 27 B.C. – A.D. 14.", "27 B.C. – A.D. 14", make(y(-27), y(14), precision::year));
  one("Grunge peaked in the 1990s–2000s.", "the 1990s–2000s", make(y(1990), y(2009), precision::decade));
  one("The famine (1998–02) was severe.", "1998–02", make(y(1998), y(2002), precision::year));
  one("The season 1917/18 was long.", "1917/18", make(y(1917), y(1918), precision::year));
  one("In the 15th–16th centuries trade grew.", "the 15th–16th centuries", make(y(1400), y(1599), precision::century));
  one("In the 15th and 16th centuries trade grew.", "the 15th and 16th centuries",
      make(y(1400), y(1599), precision::century));
  one("From the 5th to the 3rd century BC it grew.", "From the 5th to the 3rd century BC",
      make(y(-500), y(-201), precision::century));
  one("They ruled from 1940 until late 1944.", "from 1940 until late 1944",
      make(y(1940), y(1944), precision::year, true));
  one("The 1920s to the 1950s saw growth.", "The 1920s to the 1950s", make(y(1920), y(1959), precision::decade));
  one("The dispute of 1921–23 was settled.", "1921–23", make(y(1921), y(1923), precision::year));
  one("They ruled c. 1200 – c. 1250 in the north.", "c. 1200 – c. 1250", make(y(1200), y(1250), precision::year, true));
  one("He taught from 1914 to the present day.", "from 1914 to the present day", open_from(y(1914), precision::year));
  one("It runs 1914 to the present-day.", "1914 to the present-day", open_from(y(1914), precision::year));
  one("The school (1999–00) was new.", "1999–00", make(y(1999), y(2000), precision::year));
  // Two digits wrap into the next century only just after its turn.
  CHECK(spans("It ran 1945–44 as printed.") == "1945");
  CHECK(spans("The form read 1950-13-01 in error.") == "1950");
  // A range that runs backwards is two years, not a range.
  CHECK(spans("The score was 1945 to 1940 at the end.") == "1945 | 1940");
  CHECK(spans("The treaties of 1939 and 1945 differ.") == "1939 | 1945");
}

TEST_CASE("temporal: decades and centuries") {
  one("Tourism grew quickly in the 1920s.", "the 1920s", make(y(1920), y(1929), precision::decade));
  one("Tourism grew quickly in 1920's Europe.", "1920's", make(y(1920), y(1929), precision::decade));
  one("Tourism grew quickly in the 1920’s.", "the 1920’s", make(y(1920), y(1929), precision::decade));
  one("Several hotels closed in the early 1950s.", "the early 1950s", make(y(1950), y(1959), precision::decade, true));
  one("Several hotels closed in the mid-1950s.", "the mid-1950s", make(y(1950), y(1959), precision::decade, true));
  one("Several hotels closed in the late 1950s.", "the late 1950s", make(y(1950), y(1959), precision::decade, true));
  one("Music changed in the '60s.", "the '60s", make(y(1960), y(1969), precision::decade));
  one("Music changed in the ’60s.", "the ’60s", make(y(1960), y(1969), precision::decade));
  one("Music changed in the 60s.", "the 60s", make(y(1960), y(1969), precision::decade));
  one("Music changed in the sixties.", "the sixties", make(y(1960), y(1969), precision::decade));
  // A decade of two digits after a full one is in that one's century.
  one("Music changed in the 1880s–90s.", "the 1880s–90s", make(y(1880), y(1899), precision::decade));
  one("Growth slowed in the late 1950s and 60s.", "the late 1950s and 60s",
      make(y(1950), y(1969), precision::decade, true));
  one("Music changed in the 1880s and 90s.", "the 1880s and 90s", make(y(1880), y(1899), precision::decade));
  CHECK(spans("It grew in the 1950s and 1960s.") == "the 1950s | 1960s");
  CHECK(spans("It grew in the 1920s and 30 more opened.") == "the 1920s");
  one("The bay was settled in the 19th century.", "the 19th century", make(y(1800), y(1899), precision::century));
  one("The bay was settled in the nineteenth century.", "the nineteenth century",
      make(y(1800), y(1899), precision::century));
  one("The bay was settled in the late 18th century.", "the late 18th century",
      make(y(1700), y(1799), precision::century, true));
  one("The bay was settled in the early 19th century.", "the early 19th century",
      make(y(1800), y(1899), precision::century, true));
  one("The bay was settled in the mid-19th century.", "the mid-19th century",
      make(y(1800), y(1899), precision::century, true));
  one("A 19th-century house stands here.", "19th-century", make(y(1800), y(1899), precision::century));
  // An ordinal listed before a century is one; "into" joins two into a span.
  CHECK(spans("It was copied in the late twelfth or early thirteenth century.") ==
        "the late twelfth | early thirteenth century");
  CHECK(spans("It was built in the 11th, 12th or 13th century.") == "the 11th | 12th | 13th century");
  CHECK(spans("Rome grew in the 5th or 4th century BC.") == "the 5th | 4th century BC");
  CHECK(show(dates_in("Rome grew in the 5th or 4th century BC.")[0].when) ==
        show(make(y(-500), y(-401), precision::century)));
  one("Migrants came from the late 19th century into the early 20th century.",
      "from the late 19th century into the early 20th century", make(y(1800), y(1999), precision::century, true));
  one("Sales rose from the 1980s into the 1990s.", "from the 1980s into the 1990s",
      make(y(1980), y(1999), precision::decade));
  none("He was the third or fourth man to try.");
  one("Athens flourished in the 5th century BC.", "the 5th century BC", make(y(-500), y(-401), precision::century));
  one("Athens flourished in the fifth century BCE.", "the fifth century BCE",
      make(y(-500), y(-401), precision::century));
  one("Rome grew in the 1st century AD.", "the 1st century AD", make(y(1), y(99), precision::century));
  one("Rome grew in the first century.", "the first century", make(y(1), y(99), precision::century));
  one("We live in the 21st century.", "the 21st century", make(y(2000), y(2099), precision::century));
  one("We live in the twenty-first century.", "the twenty-first century", make(y(2000), y(2099), precision::century));
  one("Freight went by barge until the early 1900s.", "the early 1900s",
      make(y(1900), y(1999), precision::century, true));
  one("It was common in the 1800s.", "the 1800s", make(y(1800), y(1899), precision::century));
  one("It was common in the 800s.", "the 800s", make(y(800), y(899), precision::century));
  one("It was common in the 2000s.", "the 2000s", make(y(2000), y(2009), precision::decade));
  one("It peaked in the middle of the 19th century.", "the middle of the 19th century",
      make(y(1800), y(1899), precision::century, true));
  one("It peaked at the end of the 19th century.", "the end of the 19th century",
      make(y(1800), y(1899), precision::century, true));
  one("It peaked in the first half of the 19th century.", "the first half of the 19th century",
      make(y(1800), y(1849), precision::century));
  one("It peaked in the second half of the 19th century.", "the second half of the 19th century",
      make(y(1850), y(1899), precision::century));
  one("Athens grew in the 480s BC.", "the 480s BC", make(y(-489), y(-480), precision::decade));
  one("Trade grew in the 1200s BC.", "the 1200s BC", make(y(-1299), y(-1200), precision::century));
  one("Trade grew in the 870s.", "the 870s", make(y(870), y(879), precision::decade));
  one("It was settled c. 500–450 BC.", "c. 500–450 BC", make(y(-500), y(-450), precision::year, true));
  one("It was settled between 1000 and 500 BC.", "between 1000 and 500 BC", make(y(-1000), y(-500), precision::year));
  // Without "the", a bare "60s" is an age.
  none("He was in his 60s then.");
  none("She was in her sixties then.");
}

TEST_CASE("temporal: millennia, counted as centuries are") {
  one("Farming reached the plain in the 6th millennium BC.", "the 6th millennium BC",
      make(y(-6000), y(-5001), precision::millennium));
  one("Towns appeared in the early 3rd millennium BC.", "the early 3rd millennium BC",
      make(y(-3000), y(-2001), precision::millennium, true));
  one("The coast was settled in the first millennium AD.", "the first millennium AD",
      make(y(1), y(999), precision::millennium));
  one("Trade grew in the 2nd millennium.", "the 2nd millennium", make(y(1000), y(1999), precision::millennium));
  one("The 4th–3rd millennium BC saw copper.", "The 4th–3rd millennium BC",
      make(y(-4000), y(-2001), precision::millennium));
  CHECK(spans("The third and second millennia BC were a time of change.") == "The third and second millennia BC");
  none("Millennia later nothing remained of the town.");
  none("It was the 11th millennium of a count that began at 1.");  // past the tenth: not read
  CHECK(wikirel::to_string(precision::millennium) == "millennium");
  CHECK(wikirel::heading_period(std::string_view("The 2nd millennium BC")).precision == precision::millennium);
}

TEST_CASE("temporal: approximate dates and eras") {
  one("The first jetty was built c. 1850.", "c. 1850", make(y(1850), y(1850), precision::year, true));
  one("The first jetty was built c.1850.", "c.1850", make(y(1850), y(1850), precision::year, true));
  one("The first jetty was built ca. 1850.", "ca. 1850", make(y(1850), y(1850), precision::year, true));
  one("The first jetty was built circa 1850.", "circa 1850", make(y(1850), y(1850), precision::year, true));
  one("The lighthouse dates from about 1947.", "about 1947", make(y(1947), y(1947), precision::year, true));
  one("The lighthouse dates from around 1947.", "around 1947", make(y(1947), y(1947), precision::year, true));
  one("It was founded approximately 1947.", "approximately 1947", make(y(1947), y(1947), precision::year, true));
  one("It was founded roughly 1947 by monks.", "roughly 1947", make(y(1947), y(1947), precision::year, true));
  one("It was founded some time in 1947.", "some time in 1947", make(y(1947), y(1947), precision::year, true));
  one("It was founded sometime in 1947.", "sometime in 1947", make(y(1947), y(1947), precision::year, true));
  one("He was born c. 800 in Aachen.", "c. 800", make(y(800), y(800), precision::year, true));
  one("The scholar (c. 965 – c. 1040) wrote.", "c. 965 – c. 1040", make(y(965), y(1040), precision::year, true));
  one("The hall stood c. 870–899.", "c. 870–899", make(y(870), y(899), precision::year, true));
  one("Socrates died in 399 BC.", "399 BC", make(y(-399), y(-399), precision::year));
  one("Socrates died in 399 B.C. in Athens.", "399 B.C.", make(y(-399), y(-399), precision::year));
  one("Varus was defeated in AD 9.", "AD 9", make(y(9), y(9), precision::year));
  one("Varus was defeated in A.D. 9.", "A.D. 9", make(y(9), y(9), precision::year));
  one("Varus was defeated in 9 AD.", "9 AD", make(y(9), y(9), precision::year));
  one("The city was founded in 300 BCE.", "300 BCE", make(y(-300), y(-300), precision::year));
  one("The council met in 325 CE.", "325 CE", make(y(325), y(325), precision::year));
  one("Farming began c. 10,000 BC in the region.", "c. 10,000 BC", make(y(-10000), y(-10000), precision::year, true));
  one("It was settled c. 3000 BC by farmers.", "c. 3000 BC", make(y(-3000), y(-3000), precision::year, true));
  // A part of a year is approximate, as "late 1944" is.
  one("At the end of 1944 the front held.", "the end of 1944", make(y(1944), y(1944), precision::year, true));
  one("By the beginning of 1940 it was over.", "the beginning of 1940", make(y(1940), y(1940), precision::year, true));
  one("In the early months of 1647 it rained.", "the early months of 1647",
      make(y(1647), y(1647), precision::year, true));
  one("In the last weeks of May 1945 it ended.", "the last weeks of May 1945",
      make(y(1945, 5), y(1945, 5), precision::month, true));
  one("The first half of 1944 was hard.", "The first half of 1944", make(y(1944), y(1944), precision::year));
  one("Farming began around 10,000 BC in the region.", "around 10,000 BC",
      make(y(-10000), y(-10000), precision::year, true));
  one("Farming began in 12,500 BCE.", "12,500 BCE", make(y(-12500), y(-12500), precision::year));
  none("About 10,000 men came.");
  one("The temple was built in 1 BC.", "1 BC", make(y(-1), y(-1), precision::year));
  none("About 1500 troops were sent.");
}

TEST_CASE("temporal: assorted prose") {
  CHECK(spans("Louis XIV (1638–1715) was King of France.") == "1638–1715");
  CHECK(spans("Born (12 March 1950) and (b. 1950) and (d. 1945) and r. 1509–1547 and fl. 1200.") ==
        "12 March 1950 | 1950 | 1945 | 1509–1547 | 1200");
  CHECK(spans("On the night of 14–15 April 1912, the Titanic sank.") == "14–15 April 1912");
  CHECK(spans("It took place from 10 to 12 June 1942.") == "from 10 to 12 June 1942");
  CHECK(spans("The Song dynasty (960–1279) saw great advances.") == "960–1279");
  CHECK(spans("Rose from 300 to 400 in a year.") == "");
  CHECK(spans("From 1603 onwards the crown united.") == "1603");
  CHECK(spans("In AD 1066 and 1066 AD they came.") == "AD 1066 | 1066 AD");
  CHECK(spans("On Sunday, 7 December 1941, and 7 December, 1941.") == "7 December 1941 | 7 December, 1941");
  CHECK(spans("By mid-1941 and late 1944 it was over.") == "mid-1941 | late 1944");
  CHECK(spans("They won 3–1 on 12 May 1990.") == "12 May 1990");
  CHECK(spans("See pp. 45–67 and Vol. 2 (1990).") == "1990");
  CHECK(spans("Highway 1945 and Flight 1549 were built; the motorway opened in 1959.") == "1959");
  CHECK(spans("The Tu-144 first flew in 1968.") == "1968");
  CHECK(spans("A 1500-strong force, a 2000-man army and a 1000-year history.") == "");
  CHECK(spans("Around 3000 years ago and 2000 years ago and 10,000 years ago.") == "");
  CHECK(spans("The 1936 Summer Olympics were held in Berlin.") == "1936");
  CHECK(spans("He died at 10:30 p.m. on 3 May 1940.") == "3 May 1940");
  CHECK(spans("In 1940, 1,500 soldiers died.") == "1940");
  CHECK(spans("The 1920 and 1924 elections.") == "1920 | 1924");
  CHECK(spans("The 1960s and '70s.") == "The 1960s | '70s");
  CHECK(spans("The 1st Infantry Division landed at 0630 hours; the 101st followed.") == "");
  CHECK(spans("The party won 230 of 450 seats in 1993, and 35.2% of the vote.") == "1993");
  CHECK(spans("The population was 12,345 at the 2010 census.") == "2010");
  CHECK(spans("The army of 1815 numbered 120,000 men, and an army of 2000 marched.") == "1815");
  CHECK(spans("The Edict of Nantes (1598) was revoked in 1685.") == "1598 | 1685");
  CHECK(spans("The Han dynasty (206 BC – 220 AD) was a golden age.") == "206 BC – 220 AD");
  CHECK(spans("The dynasty ruled China from 206 BC to AD 220.") == "from 206 BC to AD 220");
  CHECK(spans("Alexander died in June 323 BC at the age of 32.") == "June 323 BC");
  CHECK(spans("Rome was founded on 21 April 753 BC.") == "21 April 753 BC");
  CHECK(spans("The Crimean War (October 1853 – February 1856) was fought.") == "October 1853 – February 1856");
  CHECK(spans("The cathedral, built between c. 1190 and 1250, is 120 m long.") == "between c. 1190 and 1250");
  CHECK(spans("The population grew from 1.2 million in 1900 to 3.4 million in 1950.") == "1900 | 1950");
  CHECK(spans("The company employed 1,945 workers in 2005 and 2,100 in 2010.") == "2005 | 2010");
  CHECK(spans("The 2004 Indian Ocean earthquake killed 230,000 people.") == "2004");
  CHECK(spans("Martin Luther King Jr. spoke on August 28, 1963.") == "August 28, 1963");
  CHECK(spans("Abraham Lincoln was shot on April 14, 1865, and died the following morning.") ==
        "April 14, 1865 | the following morning");
  CHECK(spans("The Russian Revolution of 1917 came in February and October.") == "1917 | February | October");
  CHECK(spans("The project, begun in 1869, was completed 12 years later.") == "1869 | 12 years later");
}

TEST_CASE("temporal: partial dates take their year from the context") {
  date_context c;
  REQUIRE(dates_in("In 1940 the campaign began.", c).size() == 1);
  one("On 3 May, the army moved.", "3 May", make(y(1940, 5, 3), y(1940, 5, 3), precision::day, false, true), &c);
  one("By early October it was over.", "early October", make(y(1940, 10), y(1940, 10), precision::month, true, true),
      &c);
  one("In June they rested.", "June", make(y(1940, 6), y(1940, 6), precision::month, false, true), &c);
  one("May 3 was quiet.", "May 3", make(y(1940, 5, 3), y(1940, 5, 3), precision::day, false, true), &c);
  one("They fought during July and left.", "July", make(y(1940, 7), y(1940, 7), precision::month, false, true), &c);
  one("They marched until August.", "August", make(y(1940, 8), y(1940, 8), precision::month, false, true), &c);
  one("They marched from 3 to 5 May.", "from 3 to 5 May",
      make(y(1940, 5, 3), y(1940, 5, 5), precision::day, false, true), &c);
  one("They marched 3–5 May.", "3–5 May", make(y(1940, 5, 3), y(1940, 5, 5), precision::day, false, true), &c);

  // Across the year's end: December 1941, then February.
  date_context d;
  REQUIRE(dates_in("In December 1941 Japan attacked.", d).size() == 1);
  one("On 15 February, Singapore fell.", "15 February",
      make(y(1942, 2, 15), y(1942, 2, 15), precision::day, false, true), &d);

  // No year to give: not reported.
  none("On 3 May, the army moved.");
  none("In June they rested.");
  none("The next day they left.");
}

TEST_CASE("temporal: bare month names need evidence") {
  date_context c = anchored(y(1940), precision::year);
  none("You may go now.", &c);
  none("March on, they said.", &c);
  none("April is a name here.", &c);
  none("Theresa May spoke.", &c);
  none("The March on Rome followed.", &c);
  none("Reading is a town.", &c);
  none("May God help us.", &c);
  none("He met June Carter.", &c);
  none("It was by June Carter and others.", &c);
  none("The Long March ended.", &c);
  none("They saw the August sun.", &c);
  none("Jan Smuts spoke.", &c);
}

TEST_CASE("temporal: every item of a list takes the year that ends it") {
  for (std::string_view sentence : {"Elections were held in March, April and May 1944.",
                                    "Elections were held in March, April, and May 1944.",
                                    "Talks were held on 4 May, 6 June and 9 July 1944."}) {
    INFO(sentence);
    date_context c = anchored(y(1921), precision::year);
    const auto all = dates_in(sentence, c);
    REQUIRE(all.size() == 3);
    for (const found& f : all) CHECK(f.when.begin.year == 1944);
  }
  // A month after a later one is in the year before.
  date_context c = anchored(y(1921), precision::year);
  const auto winter = dates_in("Talks ran in December, January and February 1944.", c);
  REQUIRE(winter.size() == 3);
  CHECK(winter[0].when.begin == y(1943, 12));
  CHECK(winter[1].when.begin == y(1944, 1));
  // "May 4 and 5, 1921" names both days, the way "4 and 5 May 1921" does.
  one("Elections were held on May 4 and 5, 1921.", "May 4 and 5, 1921",
      make(y(1921, 5, 4), y(1921, 5, 5), precision::day));
  date_context counted = anchored(y(1921), precision::year);
  CHECK(texts(dates_in("On May 4 and 5 more ships left.", counted)) == "May 4");
}

TEST_CASE("temporal: a lifespan in brackets or \"the treaty of 1790\" is no date the narrative moves to") {
  date_context c;
  dates_in("In 1848, the envoy renewed the treaty of 1790.", c);
  auto next = dates_in("The following year he married.", c);
  REQUIRE(next.size() == 1);
  CHECK(next[0].when.begin == y(1849));
  date_context d;
  dates_in("Venn arrived in 1848. Venn (1801–1875) was a jurist.", d);
  next = dates_in("The following year he married.", d);
  REQUIRE(next.size() == 1);
  CHECK(next[0].when.begin == y(1849));
  // "the end of 1853" is narrative.
  date_context e;
  dates_in("Trade fell in 1850. By the end of 1853 it had recovered.", e);
  next = dates_in("The next year it grew.", e);
  REQUIRE(next.size() == 1);
  CHECK(next[0].when.begin == y(1854));
}

TEST_CASE("temporal: a date with its Old Style equivalent between it and the year") {
  date_context c = anchored(y(1905), precision::year);
  one("The revolution began on 8 March (O.S. 23 February) 1917.", "8 March (O.S. 23 February) 1917",
      make(y(1917, 3, 8), y(1917, 3, 8), precision::day), &c);
  one("It began on 7 November [25 October O.S.] 1917 in the capital.", "7 November [25 October O.S.] 1917",
      make(y(1917, 11, 7), y(1917, 11, 7), precision::day), &c);
  // Another bracket is no calendar note.
  CHECK(texts(dates_in("He was born on 3 May (a Sunday) 1917.", c)) == "3 May | 1917");
}

TEST_CASE("temporal: a month that recurs names no one month") {
  date_context c = anchored(y(1878), precision::year);
  none("The lodge meets on the third Tuesday in February, April and October.", &c);
  none("It meets the 4th Thursday in March and July.", &c);
  none("The race is run on the last Friday of June.", &c);
  none("A fair is held in June each year.", &c);
  none("The fair opens in May of every year.", &c);
  none("Each May the river floods.", &c);
  none("Each year on 17 June the town holds a fair.", &c);
  none("Every 9 May veterans parade.", &c);
  none("It is commemorated annually on 9 May.", &c);
  none("On 9 May each year they meet.", &c);
  none("Armistice Day is observed on 11 November.", &c);
  none("The feast days are celebrated on 25 June.", &c);
  none("The fiscal year falls on 1 April.", &c);
  one("They celebrated on 9 May the victory.", "9 May", make(y(1878, 5, 9), y(1878, 5, 9), precision::day, false, true), &c);
  one("On Tuesday 3 May it rained.", "3 May", make(y(1878, 5, 3), y(1878, 5, 3), precision::day, false, true), &c);
  // One day, or one month, is still a date.
  one("He died on a Sunday in May.", "May", make(y(1878, 5), y(1878, 5), precision::month, false, true), &c);
  one("In June the lodge moved.", "June", make(y(1878, 6), y(1878, 6), precision::month, false, true), &c);
  one("It met on the third Tuesday in May 1880.", "May 1880", make(y(1880, 5), y(1880, 5), precision::month), &c);
}

TEST_CASE("temporal: relative dates") {
  date_context c;
  REQUIRE(dates_in("On 10 May 1940 Germany invaded.", c).size() == 1);
  one("The next day, Belgium fell.", "The next day", make(y(1940, 5, 11), y(1940, 5, 11), precision::day, false, true),
      &c);
  one("Two days later, a counterattack.", "Two days later",
      make(y(1940, 5, 13), y(1940, 5, 13), precision::day, false, true), &c);
  one("A week later, Dunkirk.", "A week later", make(y(1940, 5, 20), y(1940, 5, 20), precision::day, true, true), &c);
  one("The following day, more.", "The following day",
      make(y(1940, 5, 21), y(1940, 5, 21), precision::day, false, true), &c);
  one("That day it rained.", "That day", make(y(1940, 5, 21), y(1940, 5, 21), precision::day, false, true), &c);
  one("Later that month, more.", "Later that month", make(y(1940, 5), y(1940, 5), precision::month, false, true), &c);
  one("The following year, Barbarossa.", "The following year", make(y(1941), y(1941), precision::year, false, true),
      &c);
  one("That year was hard.", "That year", make(y(1941), y(1941), precision::year, false, true), &c);
  one("In the same year, a treaty.", "the same year", make(y(1941), y(1941), precision::year, false, true), &c);
  one("Earlier that year, less.", "Earlier that year", make(y(1941), y(1941), precision::year, false, true), &c);
  one("By the end of the year, victory.", "the end of the year", make(y(1941), y(1941), precision::year, false, true),
      &c);
  one("The previous year was bad.", "The previous year", make(y(1940), y(1940), precision::year, false, true), &c);
  one("The next year was good.", "The next year", make(y(1941), y(1941), precision::year, false, true), &c);
  one("A year later they met.", "A year later", make(y(1942), y(1942), precision::year, false, true), &c);
  one("Three years later, again.", "Three years later", make(y(1945), y(1945), precision::year, false, true), &c);

  date_context s;
  REQUIRE(dates_in("A tariff was agreed on 2 October 1849.", s).size() == 1);
  one("Parliament confirmed it the following spring.", "the following spring",
      make(y(1850, 3), y(1850, 5), precision::season, false, true), &s);
  one("In the summer, rain fell.", "the summer", make(y(1850, 6), y(1850, 8), precision::season, false, true), &s);
  one("That winter was cold.", "That winter", make(y(1850, 12), y(1851, 2), precision::season, false, true), &s);

  date_context m = anchored(y(1917, 3), precision::month);
  one("The same month a treaty was signed.", "The same month",
      make(y(1917, 3), y(1917, 3), precision::month, false, true), &m);
  one("The following month, riots.", "The following month", make(y(1917, 4), y(1917, 4), precision::month, false, true),
      &m);
  one("Six months later, a coup.", "Six months later", make(y(1917, 10), y(1917, 10), precision::month, false, true),
      &m);

  date_context d = anchored(y(1921, 4, 6), precision::day);
  one("Two weeks later a convoy was ambushed.", "Two weeks later",
      make(y(1921, 4, 20), y(1921, 4, 20), precision::day, true, true), &d);
  date_context e = anchored(y(1999, 12, 31), precision::day);
  one("The next day the millennium began.", "The next day",
      make(y(2000, 1, 1), y(2000, 1, 1), precision::day, false, true), &e);

  // Relative words that date nothing.
  date_context f = anchored(y(1940), precision::year);
  none("Years later, he returned.", &f);
  none("A few days later, he returned.", &f);
  none("He worked day and night.", &f);
  none("The day after the battle he left.", &f);
  none("The Winter War began.", &f);
  none("After the fall of France, he fled.", &f);
  none("The Summer Palace burned.", &f);
  none("The Prague Spring ended.", &f);
}

TEST_CASE("temporal: context is updated by every resolved date") {
  date_context c;
  dates_in("The Civil War (1918–1920) ended.", c);
  CHECK(c.anchor == y(1920));
  CHECK(c.anchor_precision == precision::year);
  dates_in("In the 1920s it grew.", c);  // decades do not move the anchor
  CHECK(c.anchor == y(1920));
  dates_in("On 3 May 1923 it was signed.", c);
  CHECK(c.anchor == y(1923, 5, 3));
  CHECK(c.anchor_precision == precision::day);
  c.clear();
  CHECK(c.anchor_precision == precision::none);
}

TEST_CASE("temporal: several expressions in order, never overlapping") {
  const std::string_view s =
      "Freedonia was occupied from 1940 until late 1944; about 18,000 fled, and on 22 October 1962 the crisis began.";
  date_context c;
  const auto all = dates_in(s, c);
  CHECK(texts(all) == "from 1940 until late 1944 | 22 October 1962");
  CHECK(spans("In 1848 King Aurel III appointed an envoy who held it until his death in 1856.[2]") == "1848 | 1856");
  CHECK(spans("Merchants traded since at least the 17th century, before the middle of the 19th century.") ==
        "the 17th century | the middle of the 19th century");
  CHECK(spans("The line opened in June 1881, with trains twice a week.") == "June 1881");
  CHECK(spans("It was built in 1889 (opened 1890) and closed 1990.") == "1889 | 1890 | 1990");
}

TEST_CASE("temporal: char8_t text gives the same matches") {
  const std::u8string_view s = u8"The war lasted 1939–45, and peace came on 8 May 1945.";
  date_context c;
  std::vector<date_match> all;
  wikirel::find_dates(s, c, [&](const date_match& m) { all.push_back(m); });
  REQUIRE(all.size() == 2);
  CHECK(all[0].offset == 15);
  CHECK(all[0].length == 9);
  CHECK(all[0].when.end == y(1945));
  CHECK(all[1].when.begin == y(1945, 5, 8));
}

TEST_CASE("temporal: offsets and lengths are in code units of the scanned text") {
  const std::string_view s = "Ab 1917–91 cd";
  date_context c;
  std::vector<date_match> all;
  wikirel::find_dates(s, c, [&](const date_match& m) { all.push_back(m); });
  REQUIRE(all.size() == 1);
  CHECK(all[0].offset == 3);
  CHECK(all[0].length == 9);  // the en dash is three bytes
}

TEST_CASE("temporal: heading_period") {
  const auto h = [](std::string_view s) { return show(wikirel::heading_period(s)); };
  CHECK(h("World War II (1939–45)") == show(make(y(1939), y(1945), precision::year)));
  CHECK(h("Cold War (1945–91)") == show(make(y(1945), y(1991), precision::year)));
  CHECK(h("1800–1945") == show(make(y(1800), y(1945), precision::year)));
  CHECK(h("Since 1945") == show(open_from(y(1945), precision::year)));
  CHECK(h("After 1945") == show(open_from(y(1945), precision::year)));
  CHECK(h("Post-1945") == show(open_from(y(1945), precision::year)));
  CHECK(h("From 1991") == show(open_from(y(1991), precision::year)));
  CHECK(h("1991 onwards") == show(open_from(y(1991), precision::year)));
  CHECK(h("Relations (1848–present)") == show(open_from(y(1848), precision::year)));
  CHECK(h("Since the 1950s") == show(open_from(y(1950), precision::decade)));
  // No start: "Before 1900", "Until 1815", "Prior to 1914", "Pre-1945", "Up to 1900".
  for (std::string_view heading : {"Before 1900", "Until 1900", "Prior to 1900", "Pre-1900 contacts", "Up to 1900",
                                   "Relations before the 1900s"}) {
    INFO(heading);
    const period p = wikirel::heading_period(heading);
    CHECK(p.valid());
    CHECK(p.open_begin);
    CHECK_FALSE(p.begin.valid());
    CHECK(p.end == y(1900));
  }
  CHECK_FALSE(wikirel::heading_period(std::string_view("Before 1900–1910")).open_begin);  // a range has its start
  CHECK(h("The 1920s") == show(make(y(1920), y(1929), precision::decade)));
  CHECK(h("19th century") == show(make(y(1800), y(1899), precision::century)));
  CHECK(h("Early contacts (1848–1870)") == show(make(y(1848), y(1870), precision::year)));
  CHECK(h("The Brenn Crisis (1962)") == show(make(y(1962), y(1962), precision::year)));
  CHECK(h("1962") == show(make(y(1962), y(1962), precision::year)));
  CHECK(h("Rome (753 BC – AD 476)") == show(make(y(-753), y(476), precision::year)));
  CHECK(h("Antiquity (5th century BC)") == show(make(y(-500), y(-401), precision::century)));
  CHECK_FALSE(wikirel::heading_period(std::string_view("Early life")).valid());
  CHECK_FALSE(wikirel::heading_period(std::string_view("Windows 2000")).valid());
  CHECK_FALSE(wikirel::heading_period(std::string_view("In June")).valid());
  CHECK_FALSE(wikirel::heading_period(std::string_view("The next day")).valid());
  CHECK(wikirel::heading_period(std::u8string_view(u8"Cold War (1945–91)")).end == y(1991));
}

TEST_CASE("temporal: headings without a digit, with the fast path's filter and without it") {
  // The fast path turns a heading away before the scanner when it has no digit and no word
  // the date filter passes; the scalar path always scans. Both must give the same period.
  const std::string_view headings[] = {
      "Nineteenth century", "The nineteenth century", "Early twentieth century", "Eighteenth-century trade",
      "Twenty-first century", "First millennium", "The sixties", "The Fifties", "Since the nineties",
      "Seventeenth and eighteenth centuries", "Late Middle Ages", "Early life", "See also", "Cold War",
      "Spring offensive", "Winter", "Today", "Ancient times", "Économie et société", "Ère moderne", "",
      "a", "Q", "  ", "Second World War", "The first decade", "Mid-twentieth century relations"};
  for (std::string_view heading : headings) {
    INFO(heading);
    wikirel::detail::fast_paths_enabled = false;
    const std::string scalar = show(wikirel::heading_period(heading));
    wikirel::detail::fast_paths_enabled = true;
    CHECK(show(wikirel::heading_period(heading)) == scalar);
  }
  CHECK(wikirel::heading_period(std::string_view("Nineteenth century")).begin == y(1800));  // no digit, a period
  CHECK_FALSE(wikirel::heading_period(std::string_view("Late Middle Ages")).valid());
}

TEST_CASE("temporal: parse_date") {
  const auto p = [](std::string_view s) { return show(wikirel::parse_date(s)); };
  CHECK(p("2 March 2011") == "2011-03-02");
  CHECK(p("March 2, 2011") == "2011-03-02");
  CHECK(p("2011-03-02") == "2011-03-02");
  CHECK(p("March 2011") == "2011-03");
  CHECK(p("2011") == "2011");
  CHECK(p("Winter 2002") == "2002");
  CHECK(p("2011-03") == "2011-03");
  CHECK(p("c. 1990") == "1990");
  CHECK(p("2 Mar 2011") == "2011-03-02");
  CHECK(p("Mar. 2, 2011") == "2011-03-02");
  CHECK(p("2011–2012") == "2011");
  CHECK(p("1990s") == "1990");
  CHECK(p("  12 May 2016 ") == "2016-05-12");
  CHECK(p("2011-03-02T10:00:00Z") == "2011-03-02");
  CHECK(p("Retrieved 3 February 2024") == "2024-02-03");
  CHECK(p("n.d.") == "");
  CHECK(p("") == "");
  CHECK(p("March") == "");
  CHECK(wikirel::parse_date(std::u8string_view(u8"2 March 2011")) == y(2011, 3, 2));
}

TEST_CASE("temporal: the block loop agrees with the scalar loop") {
  // Text of every kind at every alignment against the 64-byte blocks of the fast path.
  const std::string base =
      "In 1918 the war ended; on 3 May 1940 (c. 1200) the ’60s, 1939–45, May–June 1940, K\xC3\xB6nigsberg "
      "\xE2\x80\x9C"
      "1945\xE2\x80\x9D the Marché 1,945 and 2,600 troops; the next day Dec. 25, 1991 "
      "'70s x1917 \xC3\xA9May 1944 and from 1947 to 1991. The 19th century. Two days later, in June. ";
  for (std::size_t shift = 0; shift < 70; ++shift) {
    const std::string text = std::string(shift, ' ') + base + base;
    const std::string_view v(text);
    std::vector<std::string> fast, slow;
    {
      wikirel::detail::anchor_state anchor;
      wikirel::detail::date_scanner<char> s(v.data(), v.data() + v.size(), anchor, wikirel::detail::scan_mode::text);
      s.run([&](const char* b, const char* e, const period& w) {
        fast.push_back(std::string(b, e) + " " + show(w));
        return true;
      });
    }
    {
      wikirel::detail::anchor_state anchor;
      wikirel::detail::date_scanner<char> s(v.data(), v.data() + v.size(), anchor, wikirel::detail::scan_mode::text);
      s.run_scalar([&](const char* b, const char* e, const period& w) {
        slow.push_back(std::string(b, e) + " " + show(w));
        return true;
      });
    }
    INFO("shift ", shift);
    REQUIRE(fast == slow);
    CHECK(fast.size() >= 20);
  }
}

// A guard against quadratic blow-ups, not a benchmark: 1 MB that went quadratic would take
// hours, so the bound is far above any linear run, even under sanitizers on a loaded machine.
TEST_CASE("temporal: adversarial input finishes in linear time") {
  const std::size_t size = 1 << 20;
  const std::string_view pieces[] = {"1", "-", "1917", "\xE2\x80\x93", "May ", "the ", "c. ", "of ", "'",
                                     "s", ",", "0"};
  std::vector<std::string> inputs;
  inputs.push_back(std::string(size, '9'));
  inputs.push_back(std::string(size, '-'));
  inputs.push_back(std::string(size, 'a'));
  std::string s;
  while (s.size() < size) s += "May ";
  inputs.push_back(s);
  s.clear();
  while (s.size() < size) s += "the ";
  inputs.push_back(s);
  s.clear();
  while (s.size() < size) s += "1-";
  inputs.push_back(s);
  s.clear();
  while (s.size() < size) s += "1917\xE2\x80\x93";
  inputs.push_back(s);
  s.clear();
  std::uint32_t r = 1;
  while (s.size() < size) {
    r = r * 1664525u + 1013904223u;
    s += pieces[(r >> 24) % 12];
  }
  inputs.push_back(s);
  s.clear();
  while (s.size() < size) s += "(. (A. \"B. [C. ";
  inputs.push_back(s);
  inputs.push_back("May" + std::string(size, ' ') + "3" + std::string(size, ' ') + "1940");
  s.clear();
  while (s.size() < size) s += "A. ";
  inputs.push_back(s);
  for (const std::string& input : inputs) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t count = 0;
    date_context c = anchored(y(1940, 5, 3), precision::day);
    wikirel::find_dates(std::string_view(input), c, [&](const date_match&) { ++count; });
    std::size_t sentences = 0;
    for (std::size_t pos = 0; pos < input.size();) {
      const auto sp = wikirel::detail::next_sentence(std::string_view(input), pos);
      REQUIRE(sp.limit > pos);
      REQUIRE(sp.begin <= sp.end);
      REQUIRE(sp.end <= sp.limit);
      pos = sp.limit;
      ++sentences;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO("input starting ", input.substr(0, 12), " matches ", count, " sentences ", sentences);
    CHECK(seconds < 30.0);
  }
}

namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto s = wikirel::detail::next_sentence(text, pos);
    if (s.begin >= text.size()) break;
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
    pos = s.limit;
  }
  return out;
}

std::string joined(std::string_view text) {
  std::string out;
  for (const std::string& s : sentences_of(text)) out += "<" + s + ">";
  return out;
}

}  // namespace

TEST_CASE("sentences: plain splitting") {
  CHECK(joined("One. Two! Three? Four") == "<One.><Two!><Three?><Four>");
  CHECK(joined("  Leading space. Trailing space.   ") == "<Leading space.><Trailing space.>");
  CHECK(joined("Line one\nLine two.\n\nLine three") == "<Line one><Line two.><Line three>");
  CHECK(joined("It ended in 1945. 1946 was calm.") == "<It ended in 1945.><1946 was calm.>");
  CHECK(joined("Relations improved during the 1970s. The accords followed.") ==
        "<Relations improved during the 1970s.><The accords followed.>");
  CHECK(joined("no capital. after it") == "<no capital. after it>");
  CHECK(joined("") == "");
  CHECK(joined("   \n  ") == "");
}

TEST_CASE("sentences: span fields") {
  const std::string_view t = "First one.  Second one.\nThird";
  auto s = wikirel::detail::next_sentence(t, 0);
  CHECK(s.begin == 0);
  CHECK(s.end == 10);
  CHECK(s.limit == 12);
  s = wikirel::detail::next_sentence(t, s.limit);
  CHECK(s.begin == 12);
  CHECK(s.end == 23);
  CHECK(s.limit == 24);
  s = wikirel::detail::next_sentence(t, s.limit);
  CHECK(s.begin == 24);
  CHECK(s.end == t.size());
  CHECK(s.limit == t.size());
  s = wikirel::detail::next_sentence(t, t.size());
  CHECK(s.begin == t.size());
  CHECK(s.end == t.size());
  CHECK(s.limit == t.size());
  s = wikirel::detail::next_sentence(t, 1000);
  CHECK(s.begin == t.size());
}

TEST_CASE("sentences: abbreviations and initials") {
  CHECK(joined("The U.S. Army arrived. It stayed.") == "<The U.S. Army arrived.><It stayed.>");
  // Documented choice: an acronym ends a sentence before a typical opener.
  CHECK(joined("He moved to the U.S. He then left.") == "<He moved to the U.S.><He then left.>");
  CHECK(joined("He moved to the U.K. in 1990.") == "<He moved to the U.K. in 1990.>");
  CHECK(joined("Gen. Kornilov and Col. Smith met Lt. Jones.") == "<Gen. Kornilov and Col. Smith met Lt. Jones.>");
  CHECK(joined("Dr. Who and Mr. Smith and Mrs. Jones.") == "<Dr. Who and Mr. Smith and Mrs. Jones.>");
  CHECK(joined("St. Petersburg and Mt. Everest.") == "<St. Petersburg and Mt. Everest.>");
  CHECK(joined("Martin Luther King Jr. was born in 1929.") == "<Martin Luther King Jr. was born in 1929.>");
  CHECK(joined("See No. 4 and Vol. 3, vol. 2, pp. 12–14 and p. 7.") ==
        "<See No. 4 and Vol. 3, vol. 2, pp. 12–14 and p. 7.>");
  CHECK(joined("It was built c. 1200 and ca. 1250, cf. Smith.") == "<It was built c. 1200 and ca. 1250, cf. Smith.>");
  CHECK(joined("Some e.g. stone, i.e. granite, etc. and more.") == "<Some e.g. stone, i.e. granite, etc. and more.>");
  CHECK(joined("Rome vs. Carthage. Then peace.") == "<Rome vs. Carthage.><Then peace.>");
  CHECK(joined("Acme Inc. The company grew.") == "<Acme Inc.><The company grew.>");
  CHECK(joined("Acme Inc. was founded by Acme Ltd. Sales and Acme Co. Kerry.") ==
        "<Acme Inc. was founded by Acme Ltd. Sales and Acme Co. Kerry.>");
  CHECK(joined("He paid for food, clothes, etc. The rest was saved.") ==
        "<He paid for food, clothes, etc.><The rest was saved.>");
  CHECK(joined("On Dec. 25, 1991, he resigned. Sept. 3 came.") == "<On Dec. 25, 1991, he resigned.><Sept. 3 came.>");
  CHECK(joined("L. G. Kornilov met J. R. R. Tolkien. They talked.") ==
        "<L. G. Kornilov met J. R. R. Tolkien.><They talked.>");
  CHECK(joined("After World War I. The end came.") == "<After World War I.><The end came.>");
  CHECK(joined("It happened in 44 B.C. The republic fell.") == "<It happened in 44 B.C.><The republic fell.>");
  CHECK(joined("It cost 3.5 million. Then 2.75 more.") == "<It cost 3.5 million.><Then 2.75 more.>");
  CHECK(joined("He left at 9 a.m. The train came at 5 p.m. on Monday.") ==
        "<He left at 9 a.m.><The train came at 5 p.m. on Monday.>");
  CHECK(joined("He lived in Washington, D.C. He died there.") == "<He lived in Washington, D.C.><He died there.>");
}

TEST_CASE("sentences: quotes, brackets, ellipses, markers") {
  CHECK(joined("He said \"I am here. I will stay.\" and left.") == "<He said \"I am here. I will stay.\" and left.>");
  CHECK(joined("He said \"Stop.\" Then he left.") == "<He said \"Stop.\"><Then he left.>");
  CHECK(joined("(He was ill. He went home.) Then he slept.") == "<(He was ill. He went home.)><Then he slept.>");
  CHECK(joined("The war (which began in 1939. It ended) was long.") ==
        "<The war (which began in 1939. It ended) was long.>");
  CHECK(joined("He said \xE2\x80\x9CGo. Now.\xE2\x80\x9D Then left.") ==
        "<He said \xE2\x80\x9CGo. Now.\xE2\x80\x9D><Then left.>");
  CHECK(joined("Wait... and then. Yes...") == "<Wait... and then.><Yes...>");
  CHECK(joined("Wait... Then it came.") == "<Wait...><Then it came.>");
  CHECK(joined("Wait\xE2\x80\xA6 Then it came.") == "<Wait\xE2\x80\xA6><Then it came.>");
  CHECK(joined("It ended in 1945.[12] The next year was calm.") == "<It ended in 1945.[12]><The next year was calm.>");
  CHECK(joined("Calm.[a] [13]Peace reigned.") == "<Calm.[a] [13]><Peace reigned.>");
  CHECK(joined("Really? Yes! Go.") == "<Really?><Yes!><Go.>");
  CHECK(joined("Yahoo! is a company.") == "<Yahoo! is a company.>");
  CHECK(joined("It was 'done.' Then over.") == "<It was 'done.'><Then over.>");
  // An unclosed bracket does not swallow the rest of a long paragraph.
  std::string long_text = "He (aside. ";
  for (int i = 0; i < 60; ++i) long_text += "More words here. ";
  CHECK(sentences_of(long_text).size() > 30);
}

TEST_CASE("sentences: non-ASCII starts and no-break spaces") {
  CHECK(joined("It ended.\xC2\xA0\xC3\x89migr\xC3\xA9s left.") == "<It ended.><\xC3\x89migr\xC3\xA9s left.>");
  CHECK(joined("It ended. \xE2\x80\x9CNo,\xE2\x80\x9D he said.") ==
        "<It ended.><\xE2\x80\x9CNo,\xE2\x80\x9D he said.>");
  CHECK(joined("It ended. (Then more.)") == "<It ended.><(Then more.)>");
  CHECK(joined(std::string_view("A.\xC2\xA0"
                                "B")) ==
        "<A.\xC2\xA0"
        "B>");  // an initial
}

TEST_CASE("sentences: char8_t") {
  const std::u8string_view t = u8"The U.S. Army came. He left.";
  const auto s = wikirel::detail::next_sentence(t, 0);
  CHECK(s.end == 19);
  CHECK(s.limit == 20);
}
