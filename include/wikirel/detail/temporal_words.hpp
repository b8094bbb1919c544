#ifndef WIKIREL_DETAIL_TEMPORAL_WORDS_HPP
#define WIKIREL_DETAIL_TEMPORAL_WORDS_HPP

// The words the date recognizer knows, in one table, and a lookup that costs a couple of
// comparisons per word of running text. Every word of a sentence goes through lookup_word,
// so the table is indexed by (length, first letter) at compile time.

#include "chars.hpp"
#include "scan.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace wikirel::detail {

/// What a known word is to the recognizer. `value` in the table refines it (the month
/// number, the ordinal, the unit...).
enum class word_kind : std::uint8_t {
  none,
  month,        ///< value 1..12; abbreviation when flagged
  season,       ///< value: a season_id
  ordinal,      ///< value 1..31 ("first".."thirtieth")
  number,       ///< value: "a"/"an"/"one" = 1 ... "sixty" = 60
  decade_word,  ///< value 2..9 ("twenties".."nineties")
  unit,         ///< value: a unit_id (+ unit_plural when plural)
  part,         ///< value: a part_id (early, mid, late)
  approx,       ///< value: an approx_id (c, ca, circa, about...)
  the,
  that,
  some,  ///< "some time in", "some 2,000 men"
  sometime,
  time,
  shift,     ///< value: shift_id (next, following, previous, same)
  later,     ///< value: +1 later/afterwards, -1 (as 255) earlier/before
  boundary,  ///< value: boundary_id ("the end of the year")
  prep,      ///< value: a prep_id
  between,
  present,          ///< "1992–present", "to the present", "now", "today"
  neg_before,       ///< "Chapter 5", "p. 1917", "Vol. 34": the number is not a date
  product,          ///< "Windows 2000", "Boeing 747": a model number follows
  quantity_before,  ///< "some 1500", "nearly 2000", "more than 1500"
  unit_after,       ///< units, currencies, percent: "1200 km", "1945 dollars"
  plural_noun,      ///< plural nouns without -s: "2000 people", "1500 men"
  not_plural,       ///< words in -s that are not plural nouns: "1917 was", "in 1945 his"
  street,           ///< "1600 Pennsylvania Avenue"
  quantity_noun,    ///< "a force of 2000": a number after "of" is a quantity
  id_prefix,        ///< "ISBN", "doi", "OCLC": identifiers follow
  recurring,        ///< value: recur_id ("every", "annually", weekdays): "every May" is no one May
};

enum season_id : std::uint8_t { spring = 1, summer = 2, autumn = 3, winter = 4 };
enum unit_id : std::uint8_t { u_day = 1, u_week, u_month, u_year, u_decade, u_daytime, u_century, u_millennium, unit_plural = 16 };
enum part_id : std::uint8_t { p_early = 1, p_mid = 2, p_late = 3, p_first_half = 4, p_second_half = 5 };
enum approx_id : std::uint8_t { a_c = 1, a_ca, a_circa, a_about, a_around, a_approximately, a_roughly };
enum shift_id : std::uint8_t { s_next = 1, s_previous, s_same };
enum boundary_id : std::uint8_t { b_end = 1, b_beginning };
enum recur_id : std::uint8_t { r_each = 1, r_annually, r_weekday };
enum prep_id : std::uint8_t {
  w_in = 1,
  w_on,
  w_by,
  w_during,
  w_until,
  w_till,
  w_since,
  w_from,
  w_of,
  w_through,
  w_throughout,
  w_before,
  w_after,
  w_to,
  w_and,
  w_at,
  w_than,
  w_last,
  w_this,
  w_or,
  w_thru,
  w_into,
};

/// How a word must be written to count: months, eras and product names are capitalised.
enum class word_case : std::uint8_t { any, capital };

struct word_entry {
  std::string_view text;  // lower case
  word_kind kind;
  std::uint8_t value;
  word_case letter_case = word_case::any;
  bool abbreviation = false;
};

inline constexpr word_entry temporal_words[] = {
    // Months and their abbreviations ("Sept" too). Capitalised, so "may" and "march" the
    // verbs never reach the month rules.
    {"january", word_kind::month, 1, word_case::capital},
    {"february", word_kind::month, 2, word_case::capital},
    {"march", word_kind::month, 3, word_case::capital},
    {"april", word_kind::month, 4, word_case::capital},
    {"may", word_kind::month, 5, word_case::capital},
    {"june", word_kind::month, 6, word_case::capital},
    {"july", word_kind::month, 7, word_case::capital},
    {"august", word_kind::month, 8, word_case::capital},
    {"september", word_kind::month, 9, word_case::capital},
    {"october", word_kind::month, 10, word_case::capital},
    {"november", word_kind::month, 11, word_case::capital},
    {"december", word_kind::month, 12, word_case::capital},
    {"jan", word_kind::month, 1, word_case::capital, true},
    {"feb", word_kind::month, 2, word_case::capital, true},
    {"mar", word_kind::month, 3, word_case::capital, true},
    {"apr", word_kind::month, 4, word_case::capital, true},
    {"jun", word_kind::month, 6, word_case::capital, true},
    {"jul", word_kind::month, 7, word_case::capital, true},
    {"aug", word_kind::month, 8, word_case::capital, true},
    {"sep", word_kind::month, 9, word_case::capital, true},
    {"sept", word_kind::month, 9, word_case::capital, true},
    {"oct", word_kind::month, 10, word_case::capital, true},
    {"nov", word_kind::month, 11, word_case::capital, true},
    {"dec", word_kind::month, 12, word_case::capital, true},
    // Seasons.
    {"spring", word_kind::season, spring},
    {"summer", word_kind::season, summer},
    {"autumn", word_kind::season, autumn},
    {"fall", word_kind::season, autumn},
    {"winter", word_kind::season, winter},
    // Ordinal words: days ("the first of May") and centuries ("the nineteenth century").
    {"first", word_kind::ordinal, 1},
    {"second", word_kind::ordinal, 2},
    {"third", word_kind::ordinal, 3},
    {"fourth", word_kind::ordinal, 4},
    {"fifth", word_kind::ordinal, 5},
    {"sixth", word_kind::ordinal, 6},
    {"seventh", word_kind::ordinal, 7},
    {"eighth", word_kind::ordinal, 8},
    {"ninth", word_kind::ordinal, 9},
    {"tenth", word_kind::ordinal, 10},
    {"eleventh", word_kind::ordinal, 11},
    {"twelfth", word_kind::ordinal, 12},
    {"thirteenth", word_kind::ordinal, 13},
    {"fourteenth", word_kind::ordinal, 14},
    {"fifteenth", word_kind::ordinal, 15},
    {"sixteenth", word_kind::ordinal, 16},
    {"seventeenth", word_kind::ordinal, 17},
    {"eighteenth", word_kind::ordinal, 18},
    {"nineteenth", word_kind::ordinal, 19},
    {"twentieth", word_kind::ordinal, 20},
    {"thirtieth", word_kind::ordinal, 30},
    // Number words, for "two days later" and "twenty-first".
    {"a", word_kind::number, 1},
    {"an", word_kind::number, 1},
    {"one", word_kind::number, 1},
    {"two", word_kind::number, 2},
    {"three", word_kind::number, 3},
    {"four", word_kind::number, 4},
    {"five", word_kind::number, 5},
    {"six", word_kind::number, 6},
    {"seven", word_kind::number, 7},
    {"eight", word_kind::number, 8},
    {"nine", word_kind::number, 9},
    {"ten", word_kind::number, 10},
    {"eleven", word_kind::number, 11},
    {"twelve", word_kind::number, 12},
    {"thirteen", word_kind::number, 13},
    {"fourteen", word_kind::number, 14},
    {"fifteen", word_kind::number, 15},
    {"sixteen", word_kind::number, 16},
    {"seventeen", word_kind::number, 17},
    {"eighteen", word_kind::number, 18},
    {"nineteen", word_kind::number, 19},
    {"twenty", word_kind::number, 20},
    {"thirty", word_kind::number, 30},
    {"forty", word_kind::number, 40},
    {"fifty", word_kind::number, 50},
    {"sixty", word_kind::number, 60},
    // Decades in words: "the twenties".
    {"twenties", word_kind::decade_word, 2},
    {"thirties", word_kind::decade_word, 3},
    {"forties", word_kind::decade_word, 4},
    {"fifties", word_kind::decade_word, 5},
    {"sixties", word_kind::decade_word, 6},
    {"seventies", word_kind::decade_word, 7},
    {"eighties", word_kind::decade_word, 8},
    {"nineties", word_kind::decade_word, 9},
    // Units of relative time.
    {"day", word_kind::unit, u_day},
    {"days", word_kind::unit, u_day | unit_plural},
    {"week", word_kind::unit, u_week},
    {"weeks", word_kind::unit, u_week | unit_plural},
    {"month", word_kind::unit, u_month},
    {"months", word_kind::unit, u_month | unit_plural},
    {"year", word_kind::unit, u_year},
    {"years", word_kind::unit, u_year | unit_plural},
    {"decade", word_kind::unit, u_decade},
    {"decades", word_kind::unit, u_decade | unit_plural},
    {"morning", word_kind::unit, u_daytime},
    {"evening", word_kind::unit, u_daytime},
    {"night", word_kind::unit, u_daytime},
    {"afternoon", word_kind::unit, u_daytime},
    {"century", word_kind::unit, u_century},
    {"centuries", word_kind::unit, u_century | unit_plural},
    {"millennium", word_kind::unit, u_millennium},
    {"millennia", word_kind::unit, u_millennium | unit_plural},
    {"millenniums", word_kind::unit, u_millennium | unit_plural},
    // Modifiers.
    {"early", word_kind::part, p_early},
    {"mid", word_kind::part, p_mid},
    {"middle", word_kind::part, p_mid},
    {"late", word_kind::part, p_late},
    {"c", word_kind::approx, a_c},
    {"ca", word_kind::approx, a_ca},
    {"circa", word_kind::approx, a_circa},
    {"about", word_kind::approx, a_about},
    {"around", word_kind::approx, a_around},
    {"approximately", word_kind::approx, a_approximately},
    {"roughly", word_kind::approx, a_roughly},
    {"the", word_kind::the, 0},
    {"that", word_kind::that, 0},
    {"some", word_kind::some, 0},
    {"sometime", word_kind::sometime, 0},
    {"time", word_kind::time, 0},
    {"next", word_kind::shift, s_next},
    {"following", word_kind::shift, s_next},
    {"subsequent", word_kind::shift, s_next},
    {"previous", word_kind::shift, s_previous},
    {"preceding", word_kind::shift, s_previous},
    {"prior", word_kind::shift, s_previous},
    {"same", word_kind::shift, s_same},
    {"later", word_kind::later, 1},
    {"afterwards", word_kind::later, 1},
    {"afterward", word_kind::later, 1},
    {"earlier", word_kind::later, 255},
    {"end", word_kind::boundary, b_end},
    {"close", word_kind::boundary, b_end},
    {"beginning", word_kind::boundary, b_beginning},
    {"start", word_kind::boundary, b_beginning},
    {"in", word_kind::prep, w_in},
    {"on", word_kind::prep, w_on},
    {"by", word_kind::prep, w_by},
    {"during", word_kind::prep, w_during},
    {"until", word_kind::prep, w_until},
    {"till", word_kind::prep, w_till},
    {"since", word_kind::prep, w_since},
    {"from", word_kind::prep, w_from},
    {"of", word_kind::prep, w_of},
    {"through", word_kind::prep, w_through},
    {"thru", word_kind::prep, w_thru},
    {"into", word_kind::prep, w_into},
    {"throughout", word_kind::prep, w_throughout},
    {"before", word_kind::prep, w_before},
    {"after", word_kind::prep, w_after},
    {"to", word_kind::prep, w_to},
    {"and", word_kind::prep, w_and},
    {"or", word_kind::prep, w_or},
    {"at", word_kind::prep, w_at},
    {"than", word_kind::prep, w_than},
    {"last", word_kind::prep, w_last},
    {"this", word_kind::prep, w_this},
    {"between", word_kind::between, 0},
    {"present", word_kind::present, 0},
    {"now", word_kind::present, 0},
    {"today", word_kind::present, 0},
    {"current", word_kind::present, 0},
    // Numbers after these are not dates: "Chapter 5", "p. 1917", "Vol. 34, No. 4".
    {"chapter", word_kind::neg_before, 0},
    {"chapters", word_kind::neg_before, 0},
    {"chap", word_kind::neg_before, 0},
    {"ch", word_kind::neg_before, 0},
    {"vol", word_kind::neg_before, 0},
    {"vols", word_kind::neg_before, 0},
    {"volume", word_kind::neg_before, 0},
    {"volumes", word_kind::neg_before, 0},
    {"no", word_kind::neg_before, 1},  // 1: only as "No." (the dot is checked)
    {"nos", word_kind::neg_before, 0},
    {"nr", word_kind::neg_before, 0},
    {"number", word_kind::neg_before, 0},
    {"numbers", word_kind::neg_before, 0},
    {"p", word_kind::neg_before, 0},
    {"pp", word_kind::neg_before, 0},
    {"page", word_kind::neg_before, 0},
    {"pages", word_kind::neg_before, 0},
    {"issue", word_kind::neg_before, 0},
    {"iss", word_kind::neg_before, 0},
    {"section", word_kind::neg_before, 0},
    {"sec", word_kind::neg_before, 1},
    {"sect", word_kind::neg_before, 0},
    {"part", word_kind::neg_before, 0},
    {"pt", word_kind::neg_before, 0},
    {"book", word_kind::neg_before, 0},
    {"bk", word_kind::neg_before, 0},
    {"article", word_kind::neg_before, 0},
    {"art", word_kind::neg_before, 1},
    {"table", word_kind::neg_before, 0},
    {"figure", word_kind::neg_before, 0},
    {"fig", word_kind::neg_before, 0},
    {"plate", word_kind::neg_before, 0},
    {"item", word_kind::neg_before, 0},
    {"line", word_kind::neg_before, 0},
    {"lines", word_kind::neg_before, 0},
    {"verse", word_kind::neg_before, 0},
    {"psalm", word_kind::neg_before, 0},
    {"folio", word_kind::neg_before, 0},
    {"fol", word_kind::neg_before, 0},
    {"col", word_kind::neg_before, 1},
    {"unscr", word_kind::neg_before, 0},  // "UNSCR 1325": a resolution's number
    {"column", word_kind::neg_before, 0},
    {"op", word_kind::neg_before, 1},
    {"opus", word_kind::neg_before, 0},
    {"bwv", word_kind::neg_before, 0},
    {"route", word_kind::neg_before, 0},
    {"highway", word_kind::neg_before, 0},
    {"interstate", word_kind::neg_before, 0},
    {"flight", word_kind::neg_before, 0},
    {"room", word_kind::neg_before, 0},
    {"platform", word_kind::neg_before, 0},
    {"gate", word_kind::neg_before, 0},
    {"unit", word_kind::neg_before, 0},
    {"model", word_kind::neg_before, 0},
    {"version", word_kind::neg_before, 0},
    {"level", word_kind::neg_before, 0},
    {"code", word_kind::neg_before, 0},
    {"catalogue", word_kind::neg_before, 0},
    {"catalog", word_kind::neg_before, 0},
    {"ms", word_kind::neg_before, 0},
    {"hill", word_kind::neg_before, 0},
    {"height", word_kind::neg_before, 0},
    {"score", word_kind::neg_before, 0},
    {"rank", word_kind::neg_before, 0},
    {"ranked", word_kind::neg_before, 0},
    {"id", word_kind::neg_before, 0},
    {"resolution", word_kind::neg_before, 0},  // "Resolution 1441"
    // Product and model names: "Windows 2000", "Boeing 747", "Office 2010".
    {"windows", word_kind::product, 0, word_case::capital},
    {"server", word_kind::product, 0, word_case::capital},
    {"office", word_kind::product, 0, word_case::capital},
    {"studio", word_kind::product, 0, word_case::capital},
    {"boeing", word_kind::product, 0, word_case::capital},
    {"airbus", word_kind::product, 0, word_case::capital},
    {"cessna", word_kind::product, 0, word_case::capital},
    {"tupolev", word_kind::product, 0, word_case::capital},
    {"ilyushin", word_kind::product, 0, word_case::capital},
    {"antonov", word_kind::product, 0, word_case::capital},
    {"lockheed", word_kind::product, 0, word_case::capital},
    {"apollo", word_kind::product, 0, word_case::capital},
    {"soyuz", word_kind::product, 0, word_case::capital},
    {"mark", word_kind::product, 0, word_case::capital},
    {"series", word_kind::product, 0, word_case::capital},
    {"pentium", word_kind::product, 0, word_case::capital},
    {"intel", word_kind::product, 0, word_case::capital},
    {"amiga", word_kind::product, 0, word_case::capital},
    {"atari", word_kind::product, 0, word_case::capital},
    {"commodore", word_kind::product, 0, word_case::capital},
    {"nokia", word_kind::product, 0, word_case::capital},
    {"porsche", word_kind::product, 0, word_case::capital},
    {"peugeot", word_kind::product, 0, word_case::capital},
    {"ferrari", word_kind::product, 0, word_case::capital},
    {"fiat", word_kind::product, 0, word_case::capital},
    {"saab", word_kind::product, 0, word_case::capital},
    {"playstation", word_kind::product, 0, word_case::capital},
    {"xbox", word_kind::product, 0, word_case::capital},
    {"galaxy", word_kind::product, 0, word_case::capital},
    {"photoshop", word_kind::product, 0, word_case::capital},
    {"excel", word_kind::product, 0, word_case::capital},
    {"class", word_kind::product, 0, word_case::capital},
    {"type", word_kind::product, 0, word_case::capital},
    // Quantities: "some 1500 men", "nearly 2000", "more than 1500".
    {"over", word_kind::quantity_before, 0},
    {"nearly", word_kind::quantity_before, 0},
    {"almost", word_kind::quantity_before, 0},
    {"least", word_kind::quantity_before, 0},
    {"totalling", word_kind::quantity_before, 0},
    {"totaling", word_kind::quantity_before, 0},
    {"numbering", word_kind::quantity_before, 0},
    {"only", word_kind::quantity_before, 0},
    {"another", word_kind::quantity_before, 0},
    {"killing", word_kind::quantity_before, 0},
    {"had", word_kind::quantity_before, 0},
    {"lost", word_kind::quantity_before, 0},
    {"estimated", word_kind::quantity_before, 0},
    {"these", word_kind::quantity_before, 0},
    {"those", word_kind::quantity_before, 0},
    {"all", word_kind::quantity_before, 0},
    {"exceeding", word_kind::quantity_before, 0},
    {"reaching", word_kind::quantity_before, 0},
    {"reached", word_kind::quantity_before, 0},
    // Units, currencies and percentages after a number.
    {"km", word_kind::unit_after, 0},
    {"m", word_kind::unit_after, 0},
    {"mm", word_kind::unit_after, 0},
    {"cm", word_kind::unit_after, 0},
    {"mi", word_kind::unit_after, 0},
    {"ft", word_kind::unit_after, 0},
    {"feet", word_kind::unit_after, 0},
    {"foot", word_kind::unit_after, 0},
    {"yd", word_kind::unit_after, 0},
    {"kg", word_kind::unit_after, 0},
    {"lb", word_kind::unit_after, 0},
    {"lbs", word_kind::unit_after, 0},
    {"t", word_kind::unit_after, 0},
    {"hp", word_kind::unit_after, 0},
    {"kw", word_kind::unit_after, 0},
    {"mw", word_kind::unit_after, 0},
    {"ha", word_kind::unit_after, 0},
    {"sq", word_kind::unit_after, 0},
    {"sqft", word_kind::unit_after, 0},  // the units {{convert}} is given
    {"sqmi", word_kind::unit_after, 0},
    {"sqkm", word_kind::unit_after, 0},
    {"sqm", word_kind::unit_after, 0},
    {"nmi", word_kind::unit_after, 0},
    {"square", word_kind::unit_after, 0},
    {"cubic", word_kind::unit_after, 0},
    {"metre", word_kind::unit_after, 0},
    {"meter", word_kind::unit_after, 0},
    {"kilometre", word_kind::unit_after, 0},
    {"kilometer", word_kind::unit_after, 0},
    {"mile", word_kind::unit_after, 0},
    {"tonne", word_kind::unit_after, 0},
    {"ton", word_kind::unit_after, 0},
    {"grt", word_kind::unit_after, 0},
    {"brt", word_kind::unit_after, 0},
    {"mph", word_kind::unit_after, 0},
    {"rpm", word_kind::unit_after, 0},
    {"kn", word_kind::unit_after, 0},
    {"percent", word_kind::unit_after, 0},
    {"per", word_kind::unit_after, 0},
    {"pc", word_kind::unit_after, 0},
    {"dollar", word_kind::unit_after, 0},
    {"pound", word_kind::unit_after, 0},
    {"euro", word_kind::unit_after, 0},
    {"yen", word_kind::unit_after, 0},
    {"yuan", word_kind::unit_after, 0},
    {"usd", word_kind::unit_after, 0},
    {"gbp", word_kind::unit_after, 0},
    {"eur", word_kind::unit_after, 0},
    {"hrs", word_kind::unit_after, 0},
    {"hours", word_kind::unit_after, 0},
    {"h", word_kind::unit_after, 0},
    {"gmt", word_kind::unit_after, 0},
    {"utc", word_kind::unit_after, 0},
    {"million", word_kind::unit_after, 0},
    {"billion", word_kind::unit_after, 0},
    {"thousand", word_kind::unit_after, 0},
    {"hundred", word_kind::unit_after, 0},
    {"strong", word_kind::unit_after, 0},
    {"man", word_kind::unit_after, 0},
    {"seat", word_kind::unit_after, 0},
    {"member", word_kind::unit_after, 0},
    {"acre", word_kind::unit_after, 0},
    {"gun", word_kind::unit_after, 0},
    {"bed", word_kind::unit_after, 0},
    {"point", word_kind::unit_after, 0},
    {"yard", word_kind::unit_after, 0},
    {"more", word_kind::unit_after, 0},
    {"fewer", word_kind::unit_after, 0},
    {"less", word_kind::unit_after, 0},
    {"other", word_kind::unit_after, 0},
    {"additional", word_kind::unit_after, 0},
    // Plurals without -s: "2000 people", "1500 men".
    {"people", word_kind::plural_noun, 0},
    {"men", word_kind::plural_noun, 0},
    {"women", word_kind::plural_noun, 0},
    {"children", word_kind::plural_noun, 0},
    {"cattle", word_kind::plural_noun, 0},
    {"infantry", word_kind::plural_noun, 0},
    {"cavalry", word_kind::plural_noun, 0},
    {"personnel", word_kind::plural_noun, 0},
    {"police", word_kind::plural_noun, 0},
    {"sheep", word_kind::plural_noun, 0},
    {"militia", word_kind::plural_noun, 0},
    {"militiamen", word_kind::plural_noun, 0},
    {"horsemen", word_kind::plural_noun, 0},
    {"staff", word_kind::plural_noun, 0},
    {"crew", word_kind::plural_noun, 0},
    {"dead", word_kind::plural_noun, 0},
    {"wounded", word_kind::plural_noun, 0},
    {"killed", word_kind::plural_noun, 0},
    {"native", word_kind::plural_noun, 0},
    {"copies", word_kind::plural_noun, 0},
    {"head", word_kind::plural_noun, 0},
    {"livestock", word_kind::plural_noun, 0},
    {"inhabitants", word_kind::plural_noun, 0},
    // Words in -s that a year may precede: "1917 was", "in 1945 his army".
    {"was", word_kind::not_plural, 0},
    {"is", word_kind::not_plural, 0},
    {"has", word_kind::not_plural, 0},
    {"as", word_kind::not_plural, 0},
    {"its", word_kind::not_plural, 0},
    {"his", word_kind::not_plural, 0},
    {"thus", word_kind::not_plural, 0},
    {"us", word_kind::not_plural, 0},
    {"does", word_kind::not_plural, 0},
    {"sees", word_kind::not_plural, 0},
    {"saw", word_kind::not_plural, 0},
    {"marks", word_kind::not_plural, 0},
    {"brings", word_kind::not_plural, 0},
    {"begins", word_kind::not_plural, 0},
    {"proves", word_kind::not_plural, 0},
    {"remains", word_kind::not_plural, 0},
    {"becomes", word_kind::not_plural, 0},
    {"represents", word_kind::not_plural, 0},
    {"ends", word_kind::not_plural, 0},
    {"witnesses", word_kind::not_plural, 0},
    {"always", word_kind::not_plural, 0},
    {"perhaps", word_kind::not_plural, 0},
    {"towards", word_kind::not_plural, 0},
    {"besides", word_kind::not_plural, 0},
    {"whereas", word_kind::not_plural, 0},
    {"series", word_kind::not_plural, 0},
    {"elections", word_kind::not_plural, 0},
    {"olympics", word_kind::not_plural, 0},
    {"games", word_kind::not_plural, 0},
    {"riots", word_kind::not_plural, 0},
    {"talks", word_kind::not_plural, 0},
    {"protests", word_kind::not_plural, 0},
    {"negotiations", word_kind::not_plural, 0},
    {"events", word_kind::not_plural, 0},
    {"uprisings", word_kind::not_plural, 0},
    {"revolutions", word_kind::not_plural, 0},
    {"reforms", word_kind::not_plural, 0},
    {"accords", word_kind::not_plural, 0},
    {"agreements", word_kind::not_plural, 0},
    {"treaties", word_kind::not_plural, 0},
    {"laws", word_kind::not_plural, 0},
    {"acts", word_kind::not_plural, 0},
    {"championships", word_kind::not_plural, 0},
    {"floods", word_kind::not_plural, 0},
    {"earthquakes", word_kind::not_plural, 0},
    {"attacks", word_kind::not_plural, 0},
    {"bombings", word_kind::not_plural, 0},
    {"massacres", word_kind::not_plural, 0},
    {"hearings", word_kind::not_plural, 0},
    {"trials", word_kind::not_plural, 0},
    {"strikes", word_kind::not_plural, 0},
    {"census", word_kind::not_plural, 0},
    {"famous", word_kind::not_plural, 0},
    {"onwards", word_kind::not_plural, 0},
    {"various", word_kind::not_plural, 0},
    {"numerous", word_kind::not_plural, 0},
    // "1600 Pennsylvania Avenue".
    {"street", word_kind::street, 0, word_case::capital},
    {"avenue", word_kind::street, 0, word_case::capital},
    {"road", word_kind::street, 0, word_case::capital},
    {"boulevard", word_kind::street, 0, word_case::capital},
    {"lane", word_kind::street, 0, word_case::capital},
    {"drive", word_kind::street, 0, word_case::capital},
    // "a force of 2000": the number after "of" counts something.
    {"force", word_kind::quantity_noun, 0},
    {"army", word_kind::quantity_noun, 0},
    {"garrison", word_kind::quantity_noun, 0},
    {"population", word_kind::quantity_noun, 0},
    {"crowd", word_kind::quantity_noun, 0},
    {"strength", word_kind::quantity_noun, 0},
    {"fleet", word_kind::quantity_noun, 0},
    {"sum", word_kind::quantity_noun, 0},
    {"average", word_kind::quantity_noun, 0},
    {"maximum", word_kind::quantity_noun, 0},
    {"minimum", word_kind::quantity_noun, 0},
    {"capacity", word_kind::quantity_noun, 0},
    {"budget", word_kind::quantity_noun, 0},
    {"cost", word_kind::quantity_noun, 0},
    {"price", word_kind::quantity_noun, 0},
    {"loss", word_kind::quantity_noun, 0},
    {"losses", word_kind::quantity_noun, 0},
    {"casualties", word_kind::quantity_noun, 0},
    {"toll", word_kind::quantity_noun, 0},
    {"depth", word_kind::quantity_noun, 0},
    {"length", word_kind::quantity_noun, 0},
    {"distance", word_kind::quantity_noun, 0},
    {"altitude", word_kind::quantity_noun, 0},
    {"elevation", word_kind::quantity_noun, 0},
    {"area", word_kind::quantity_noun, 0},
    {"tonnage", word_kind::quantity_noun, 0},
    {"displacement", word_kind::quantity_noun, 0},
    {"range", word_kind::quantity_noun, 0},
    {"group", word_kind::quantity_noun, 0},
    {"band", word_kind::quantity_noun, 0},
    {"total", word_kind::quantity_noun, 0},
    {"contingent", word_kind::quantity_noun, 0},
    {"detachment", word_kind::quantity_noun, 0},
    {"debt", word_kind::quantity_noun, 0},
    {"fine", word_kind::quantity_noun, 0},
    {"ransom", word_kind::quantity_noun, 0},
    {"tribute", word_kind::quantity_noun, 0},
    {"indemnity", word_kind::quantity_noun, 0},
    // Identifiers: "ISBN 978-...", "OCLC 1945".
    {"isbn", word_kind::id_prefix, 0},
    {"issn", word_kind::id_prefix, 0},
    {"doi", word_kind::id_prefix, 0},
    {"oclc", word_kind::id_prefix, 0},
    {"lccn", word_kind::id_prefix, 0},
    {"pmid", word_kind::id_prefix, 0},
    {"jstor", word_kind::id_prefix, 0},
    {"arxiv", word_kind::id_prefix, 0},
    {"bibcode", word_kind::id_prefix, 0},
    // A month after these recurs ("the first Monday in May", "each June"): no one May is
    // meant.
    {"monday", word_kind::recurring, r_weekday, word_case::capital},
    {"tuesday", word_kind::recurring, r_weekday, word_case::capital},
    {"wednesday", word_kind::recurring, r_weekday, word_case::capital},
    {"thursday", word_kind::recurring, r_weekday, word_case::capital},
    {"friday", word_kind::recurring, r_weekday, word_case::capital},
    {"saturday", word_kind::recurring, r_weekday, word_case::capital},
    {"sunday", word_kind::recurring, r_weekday, word_case::capital},
    {"every", word_kind::recurring, r_each},
    {"each", word_kind::recurring, r_each},
    {"annually", word_kind::recurring, r_annually},
    {"yearly", word_kind::recurring, r_annually},
};

inline constexpr std::size_t word_count = sizeof(temporal_words) / sizeof(temporal_words[0]);
inline constexpr std::size_t max_word_length = 16;

constexpr std::size_t word_bucket(std::size_t length, unsigned char first_lower) noexcept {
  return length * 26 + static_cast<std::size_t>(first_lower - 'a');
}

/// The first 16 letters of a word packed into two integers, lower-cased (letters only:
/// "| 0x20" maps other bytes to values no keyword has).
struct packed_word {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
  constexpr bool operator==(const packed_word&) const noexcept = default;
};

/// Bytes n..7 of a word cleared, 0x20 set in bytes 0..n-1 (lower case for letters).
constexpr std::uint64_t low_bytes(std::size_t n) noexcept {
  return n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
}

/// The reference packing, a byte at a time (constant evaluation, short words).
template <class C>
constexpr packed_word pack_word_scalar(const C* p, std::size_t n) noexcept {
  packed_word w;
  for (std::size_t i = 0; i < n && i < 8; ++i) w.lo |= static_cast<std::uint64_t>(byte_of(p[i]) | 0x20) << (8 * i);
  for (std::size_t i = 8; i < n && i < 16; ++i)
    w.hi |= static_cast<std::uint64_t>(byte_of(p[i]) | 0x20) << (8 * (i - 8));
  return w;
}

template <class C>
constexpr packed_word pack_word(const C* p, std::size_t n) noexcept {
  if (use_fast_path() && sizeof(C) == 1 && n >= 4 && n <= 16) {
    // Two overlapping loads of the word's own bytes: no loop whose length varies.
    constexpr std::uint64_t lower = 0x2020202020202020u;
    const auto load = [p](std::size_t at, auto width) {
      decltype(width) v;
      std::memcpy(&v, p + at, sizeof v);
      return static_cast<std::uint64_t>(v);
    };
    packed_word w;
    if (n <= 8) {
      w.lo = (load(0, std::uint32_t{}) | (load(n - 4, std::uint32_t{}) << (8 * (n - 4)))) | (lower & low_bytes(n));
    } else {
      w.lo = load(0, std::uint64_t{}) | lower;
      w.hi = (load(n - 8, std::uint64_t{}) >> (8 * (16 - n))) | (lower & low_bytes(n - 8));
    }
    return w;
  }
  return pack_word_scalar(p, n);
}

constexpr std::size_t word_slot_bits = 10;
constexpr std::size_t word_slot_count = std::size_t{1} << word_slot_bits;

constexpr std::size_t word_hash(const packed_word& w, std::size_t n) noexcept {
  const std::uint64_t h = (w.lo * 0x9E3779B97F4A7C15u) ^ (w.hi * 0xC2B2AE3D27D4EB4Fu) ^ (n * 0x165667B19E3779F9u);
  return static_cast<std::size_t>((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9u >> (64 - word_slot_bits));
}

/// An open-addressing table from packed words to table entries. A text listed twice (with
/// different case rules: "Series" the product, "series" the noun) keeps both.
struct word_slot {
  packed_word key;
  std::uint8_t length = 0;
  std::uint16_t first = 0;   ///< entry index + 1; 0 for an empty slot
  std::uint16_t second = 0;  ///< the other entry with the same text, + 1
};

struct word_table {
  word_slot slots[word_slot_count] = {};
  constexpr word_table() noexcept {
    for (std::size_t e = 0; e < word_count; ++e) {
      const std::string_view text = temporal_words[e].text;
      const packed_word key = pack_word(text.data(), text.size());
      for (std::size_t i = word_hash(key, text.size());; i = (i + 1) & (word_slot_count - 1)) {
        word_slot& slot = slots[i];
        if (slot.first == 0) {
          slot.key = key;
          slot.length = static_cast<std::uint8_t>(text.size());
          slot.first = static_cast<std::uint16_t>(e + 1);
          break;
        }
        if (slot.key == key && slot.length == text.size()) {
          if (slot.second == 0) slot.second = static_cast<std::uint16_t>(e + 1);
          break;
        }
      }
    }
  }
};
inline constexpr word_table temporal_word_table{};

/// Whether a known word can start a date expression (or, for units, end a relative one).
constexpr bool is_trigger(word_kind k) noexcept {
  return k == word_kind::month || k == word_kind::season || k == word_kind::ordinal || k == word_kind::decade_word ||
         k == word_kind::unit;
}

/// For each (capitalised?, length, first letter), the second and last letters of the
/// trigger words: most words of running text are dismissed with two loads and shifts.
struct trigger_filter {
  std::uint32_t second[2][(max_word_length + 1) * 26] = {};
  std::uint32_t last[2][(max_word_length + 1) * 26] = {};
  constexpr trigger_filter() noexcept {
    for (const word_entry& entry : temporal_words) {
      const std::size_t n = entry.text.size();
      if (!is_trigger(entry.kind) || n < 3) continue;
      const std::size_t k = word_bucket(n, byte_of(entry.text[0]));
      for (int capital = 0; capital < 2; ++capital) {
        if (capital == 0 && entry.letter_case == word_case::capital) continue;
        second[capital][k] |= 1u << (byte_of(entry.text[1]) - 'a');
        last[capital][k] |= 1u << (byte_of(entry.text[n - 1]) - 'a');
      }
    }
  }
};
inline constexpr trigger_filter temporal_triggers{};

/// True when the ASCII word [p, p + n) might be a trigger word (no false negatives).
template <class C>
constexpr bool maybe_trigger(const C* p, std::size_t n) noexcept {
  if (n < 3 || n > max_word_length) return false;
  const unsigned char a = byte_of(p[0]);
  const unsigned char b = static_cast<unsigned char>(byte_of(p[1]) | 0x20);
  const unsigned char z = static_cast<unsigned char>(byte_of(p[n - 1]) | 0x20);
  const int capital = is_upper(a) ? 1 : 0;
  const std::size_t k = word_bucket(n, static_cast<unsigned char>(a | 0x20));
  if (!is_lower(b) || !is_lower(z) || k >= (max_word_length + 1) * 26) return false;
  return ((temporal_triggers.second[capital][k] >> (b - 'a')) & (temporal_triggers.last[capital][k] >> (z - 'a')) &
          1u) != 0;
}

/// What lookup_word answers for a word it does not know. A real object rather than nullptr:
/// g++ cannot compare the address of a table entry with nullptr in constant evaluation when
/// null-pointer checks are kept (as UBSan builds do).
inline constexpr word_entry no_word{};

/// The table entry of the ASCII word [p, p + n), or &no_word. Case is ignored except that
/// capitalised entries need a capital initial ("Series 7" is a product, "series" is not).
template <class C>
constexpr const word_entry* lookup_word(const C* p, std::size_t n) noexcept {
  if (n == 0 || n > max_word_length) return &no_word;
  const packed_word key = pack_word(p, n);
  for (std::size_t i = word_hash(key, n);; i = (i + 1) & (word_slot_count - 1)) {
    const word_slot& slot = temporal_word_table.slots[i];
    if (slot.first == 0) return &no_word;
    if (slot.length != n || !(slot.key == key)) continue;
    const bool capital = is_upper(byte_of(p[0]));
    const word_entry* entry = &temporal_words[slot.first - 1];
    if (entry->letter_case == word_case::any || capital) return entry;
    if (slot.second == 0) return &no_word;
    entry = &temporal_words[slot.second - 1];
    return entry->letter_case == word_case::any || capital ? entry : &no_word;
  }
}

}  // namespace wikirel::detail

#endif
