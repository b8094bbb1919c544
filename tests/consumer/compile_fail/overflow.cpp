// A should-not-compile test: an article with three sections parsed at compile time into a
// fixed storage that holds two must stop the compilation, and the message must name the
// capacity. Built a second time with -DWIKIREL_CONTROL (room for three), which must compile,
// so the failure cannot come from anything but the overflow.
#include <wikirel/article.hpp>

#include <cstddef>
#include <string_view>

#ifdef WIKIREL_CONTROL
constexpr std::size_t kSections = 3;
#else
constexpr std::size_t kSections = 2;
#endif

constexpr std::string_view kText = "Lead.\n\n== One ==\nBody.\n\n== Two ==\nMore.\n";
static constexpr auto kArticle = wikirel::parse<wikirel::fixed_storage<kSections, 8, 8, 1024>>(kText);

int main() { return kArticle.sections().size() == 3 ? 0 : 1; }
