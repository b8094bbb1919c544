// An article parsed during compilation and read at run time: no parsing, no allocation.
//
// wikirel::measure() runs the parse in constant evaluation to learn the capacities the
// article needs; wikirel::parse<fixed_storage<…>>() runs it again into arrays of exactly that
// size, so the article is a literal type and `kArticle` lives in the binary's read-only data.
// Running out of a capacity would stop compilation with the capacity's name.

#include <wikirel/article.hpp>

#include <cstdio>
#include <string_view>

namespace {

constexpr std::string_view kText = R"(The '''Orla Compact''' was the defensive alliance of [[Freedonia]] and
[[Sylvania]] from 1952 to 1989.<ref name="hal">{{cite book |last=Halloran |first=Edith
|title=The Orla Frontier |publisher=Greyfield University Press |year=1999 |pages=201–230}}</ref>

== Origins (1948–52) ==
Talks began in Port Alder on 3 March 1948, after the Brenn Valley incidents of the winter
of 1947.<ref>Freedonian Foreign Ministry archive, file 31.</ref> A draft was initialled in
June 1951 and the compact was signed on 12 February 1952.<ref name="hal" />

== Crisis (1962) ==
During the Brenn Crisis of October 1962 Sylvania invoked the compact for the only time.
Joint patrols began two days later and ended in the spring of 1963.

== Dissolution ==
Both parliaments voted to end the compact in the late 1980s; it lapsed on 31 December 1989.
[[Category:Treaties of Freedonia]]
)";

constexpr wikirel::options kOptions{wikirel::format::wikitext, "Orla Compact"};
constexpr wikirel::capacities kNeed = wikirel::measure(kText, kOptions);
using storage = wikirel::fixed_storage<kNeed.sections, kNeed.events, kNeed.citations, kNeed.text_bytes, kNeed.links>;
constexpr auto kArticle = wikirel::parse<storage>(kText, kOptions);

// Facts checked by the compiler.
static_assert(kArticle.sections().size() == 4);
static_assert(kArticle.sections()[1].period()->begin.year == 1948);
static_assert(kArticle.citations().size() == 2);
static_assert(kArticle.citations()[0].uses().size() == 2);

void print(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

}  // namespace

int main() {
  print(kArticle.title());
  std::printf(": %zu sections, %zu citations, %zu dated statements (parsed at compile time, %zu bytes of text)\n",
              kArticle.sections().size(), kArticle.citations().size(), kArticle.events().size(), kNeed.text_bytes);
  for (const auto& e : kArticle.timeline()) {
    char begin[16], end[16];
    const wikirel::period& p = e.when();
    std::printf("  %.*s", static_cast<int>(p.begin.to_chars(begin)), begin);
    if (p.end != p.begin) std::printf("–%.*s", static_cast<int>(p.end.to_chars(end)), end);
    std::printf("%s  ", p.inferred ? " (inferred)" : "");
    print(e.expression());
    const std::string_view section = e.section().index() == 0 ? std::string_view("lead") : e.section().heading();
    std::printf("  — %.*s\n", static_cast<int>(section.size()), section.data());
  }
  return 0;
}
