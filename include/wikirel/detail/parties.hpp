#ifndef WIKIREL_DETAIL_PARTIES_HPP
#define WIKIREL_DETAIL_PARTIES_HPP

// The parties of a relations article, read from its title: "A–B relations",
// "A – B relations", "Relations between A and B" (and "A–B–C relations").

#include "chars.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <string_view>

namespace wikirel::detail {

/// A party named by a combining form or an adjective ("Sino-Indian relations",
/// "Franco-German relations", "Soviet–American relations") and the country it means.
struct party_form {
  std::string_view form;
  std::string_view country;
};

inline constexpr party_form party_forms[] = {
    // Combining forms: they stand only before a hyphen.
    {"Sino", "China"}, {"Franco", "France"}, {"Anglo", "United Kingdom"}, {"Russo", "Russia"},
    {"Indo", "India"}, {"Greco", "Greece"}, {"Italo", "Italy"}, {"Austro", "Austria"},
    {"Turco", "Turkey"}, {"Luso", "Portugal"}, {"Hispano", "Spain"}, {"Germano", "Germany"},
    {"Serbo", "Serbia"}, {"Belgo", "Belgium"}, {"Nippo", "Japan"}, {"Irano", "Iran"},
    {"Dano", "Denmark"}, {"Polono", "Poland"}, {"Hungaro", "Hungary"},
    // Adjectives.
    {"American", "United States"}, {"Soviet", "Soviet Union"}, {"British", "United Kingdom"},
    {"Chinese", "China"}, {"Indian", "India"}, {"German", "Germany"}, {"French", "France"},
    {"Polish", "Poland"}, {"Japanese", "Japan"}, {"Russian", "Russia"}, {"Pakistani", "Pakistan"},
    {"Israeli", "Israel"}, {"Palestinian", "Palestine"}, {"Turkish", "Turkey"}, {"Greek", "Greece"},
    {"Italian", "Italy"}, {"Spanish", "Spain"}, {"Portuguese", "Portugal"}, {"Dutch", "Netherlands"},
    {"Swedish", "Sweden"}, {"Norwegian", "Norway"}, {"Danish", "Denmark"}, {"Finnish", "Finland"},
    {"Mexican", "Mexico"}, {"Canadian", "Canada"}, {"Australian", "Australia"}, {"Brazilian", "Brazil"},
    {"Argentine", "Argentina"}, {"Iranian", "Iran"}, {"Iraqi", "Iraq"}, {"Saudi", "Saudi Arabia"},
    {"Egyptian", "Egypt"}, {"Ukrainian", "Ukraine"}, {"Austrian", "Austria"}, {"Hungarian", "Hungary"},
    {"Czech", "Czech Republic"}, {"Romanian", "Romania"}, {"Bulgarian", "Bulgaria"}, {"Serbian", "Serbia"},
    {"Croatian", "Croatia"}, {"Vietnamese", "Vietnam"}, {"Thai", "Thailand"}, {"Afghan", "Afghanistan"},
    {"Armenian", "Armenia"}, {"Azerbaijani", "Azerbaijan"}, {"Belgian", "Belgium"}, {"Swiss", "Switzerland"},
    {"Irish", "Ireland"}, {"Scottish", "Scotland"}, {"Mongolian", "Mongolia"}, {"Nepalese", "Nepal"},
    {"Bangladeshi", "Bangladesh"}, {"Indonesian", "Indonesia"}, {"Malaysian", "Malaysia"},
    {"Nigerian", "Nigeria"}, {"Ethiopian", "Ethiopia"}, {"Cuban", "Cuba"}, {"Chilean", "Chile"},
    {"Peruvian", "Peru"}, {"Colombian", "Colombia"}, {"Venezuelan", "Venezuela"}, {"Syrian", "Syria"},
    {"Lebanese", "Lebanon"}, {"Jordanian", "Jordan"}, {"Libyan", "Libya"}, {"Moroccan", "Morocco"},
    {"Algerian", "Algeria"}, {"Tunisian", "Tunisia"}, {"Kenyan", "Kenya"}, {"Ottoman", "Ottoman Empire"},
    {"Byzantine", "Byzantine Empire"}, {"Prussian", "Prussia"}, {"Lithuanian", "Lithuania"},
    {"Latvian", "Latvia"}, {"Estonian", "Estonia"}, {"Belarusian", "Belarus"}, {"Slovak", "Slovakia"},
    {"Slovenian", "Slovenia"}, {"Albanian", "Albania"}, {"Cypriot", "Cyprus"}, {"Taiwanese", "Taiwan"},
    {"Qatari", "Qatar"}, {"Kuwaiti", "Kuwait"}, {"Yemeni", "Yemen"}, {"Icelandic", "Iceland"},
    {"Maltese", "Malta"}, {"Korean", "Korea"}, {"Filipino", "Philippines"}, {"Philippine", "Philippines"},
    {"Georgian", "Georgia"}, {"Kazakh", "Kazakhstan"}, {"Uzbek", "Uzbekistan"}, {"Tibetan", "Tibet"},
};

/// The country that [first, last) names as a combining form or an adjective, or an
/// empty view when it names itself.
template <class C>
constexpr std::string_view country_of_form(const C* first, const C* last) noexcept {
  const auto n = static_cast<std::size_t>(last - first);
  for (const party_form& f : party_forms)
    if (f.form.size() == n && starts_with(first, last, f.form)) return f.country;
  return {};
}

/// Calls add(first, last) for each party named by `title`; returns how many.
template <class C, class Add>
constexpr int parties_from_title(const C* first, const C* last, Add&& add_party) {
  trim(first, last);
  // "History of A–B relations" is about the relations of A and B.
  constexpr std::string_view history = "history of ";
  if (starts_with_ci(first, last, history)) first += history.size();
  // "Relations between the United Kingdom and …": the party is the United Kingdom.
  const auto add = [&add_party](const C* a, const C* b) {
    if (b - a > 4 && starts_with(a, b, "the ")) a += 4;
    add_party(a, b);
  };
  constexpr std::string_view between = "relations between ";
  if (starts_with_ci(first, last, between)) {
    const C* a = first + between.size();
    const C* and_at = nullptr;
    for (const C* p = a; last - p >= 5; ++p)
      if (starts_with(p, last, " and ")) and_at = p;
    if (!and_at) return 0;
    const C* b = and_at + 5;
    add(a, and_at);
    add(b, last);
    return 2;
  }
  constexpr std::string_view suffix = " relations";
  if (last - first <= static_cast<std::ptrdiff_t>(suffix.size()) ||
      !equals_ci(last - suffix.size(), suffix.size(), suffix))
    return 0;
  return split_parties(first, last - suffix.size(), add);
}

/// Splits "A–B" at en or em dashes; at hyphens only when there is no other dash and the
/// hyphen is spaced or the only one ("Guinea-Bissau–Portugal" keeps its hyphen).
template <class C, class Add>
constexpr int split_parties(const C* first, const C* last, Add&& add) {
  int dashes = 0, hyphens = 0, spaced_hyphens = 0;
  for (const C* p = first; p < last;) {
    const int n = dash_length(p, last);
    if (n == 3) ++dashes;
    if (n == 1) {
      ++hyphens;
      if (p > first && p + 1 < last && byte_of(p[-1]) == ' ' && byte_of(p[1]) == ' ') ++spaced_hyphens;
    }
    p += n > 0 ? n : 1;
  }
  const bool use_hyphens = dashes == 0 && (spaced_hyphens > 0 || hyphens == 1);
  if (dashes == 0 && !use_hyphens) return 0;
  int count = 0;
  const C* part = first;
  for (const C* p = first; p < last;) {
    const int n = dash_length(p, last);
    const bool split = (n == 3 && dashes > 0) ||
                       (n == 1 && use_hyphens && (spaced_hyphens == 0 || (byte_of(p[-1]) == ' ' && byte_of(p[1]) == ' ')));
    if (split) {
      const C* a = part;
      const C* b = p;
      trim(a, b);
      if (a < b) add(a, b), ++count;
      part = p + n;
    }
    p += n > 0 ? n : 1;
  }
  const C* a = part;
  const C* b = last;
  trim(a, b);
  if (a < b) add(a, b), ++count;
  return count;
}

}  // namespace wikirel::detail

#endif
