// The program every consumer project in tests/consumer builds: it uses wikirel the way a user
// does, at compile time and at run time, and exits non-zero when a result is not the expected one.
#include <wikirel/article.hpp>

#include <cstdio>
#include <string_view>

namespace {

constexpr std::string_view kText =
    "The treaty was signed in 1921.<ref>{{cite web |title=Treaty text |url=https://example.org/t}}</ref>\n"
    "\n"
    "== Reception ==\n"
    "It was ratified in 1922.\n";

// The parse runs in constant evaluation.
static_assert(wikirel::parse(kText).sections().size() == 2);

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: expected %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  const auto article = wikirel::parse(kText);
  expect(article.sections().size() == 2, "two sections (lead + Reception)");
  if (article.sections().size() == 2) {
    expect(article.sections()[1].level() == 2, "section 1 at level 2");
    expect(article.sections()[1].heading() == "Reception", "section 1 headed 'Reception'");
  }
  expect(article.citations().size() == 1, "one citation");
  if (article.citations().size() == 1) {
    expect(article.citations()[0].title() == "Treaty text", "the citation titled 'Treaty text'");
  }
  std::printf("wikirel %d.%d.%d: sections=%zu citations=%zu failures=%d\n", wikirel::version_major,
              wikirel::version_minor, wikirel::version_patch, article.sections().size(),
              article.citations().size(), failures);
  return failures == 0 ? 0 : 1;
}
