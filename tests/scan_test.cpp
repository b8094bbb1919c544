// The fast runtime scanners agree with their constexpr scalar twins.
#include <wikirel/detail/scan.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

namespace {
using specials = wikirel::detail::byte_set<'\n', '{', '}', '[', ']', '<', '\'', '&', '|', '_'>;

std::string random_text(std::mt19937& rng, std::size_t n) {
  // Mostly prose, sometimes markup bytes and high bytes, at every alignment.
  const std::string alphabet = "abcdefghij klmnop\n{}[]<'&|_\xC3\xA9\x80\xFF";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), prose(0, 15);
  std::string s(n, ' ');
  for (char& c : s) c = prose(rng) < 14 ? 'a' + static_cast<char>(prose(rng)) : alphabet[pick(rng)];
  return s;
}
}  // namespace

TEST_CASE("find_first_of: SIMD path equals the scalar path at every position") {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    const std::string s = random_text(rng, static_cast<std::size_t>(round) * 7 + 1);
    const char* end = s.data() + s.size();
    for (const char* p = s.data(); p <= end; ++p) {
      const char* fast = wikirel::detail::find_first_of<specials>(p, end);
      const char* slow = wikirel::detail::find_first_of_scalar<specials>(p, end);
      REQUIRE(fast == slow);
    }
  }
}

TEST_CASE("find_byte: memchr path equals the scalar loop") {
  std::mt19937 rng(7);
  const std::string s = random_text(rng, 4096);
  for (std::size_t i = 0; i < s.size(); i += 13) {
    const char* p = s.data() + i;
    const char* end = s.data() + s.size();
    const char* scalar = p;
    while (scalar < end && *scalar != '<') ++scalar;
    CHECK(wikirel::detail::find_byte(p, end, '<') == scalar);
  }
}

TEST_CASE("char8_t input takes the same fast paths") {
  const std::u8string s = u8"plain words then {{markup}} and more";
  const char8_t* end = s.data() + s.size();
  CHECK(wikirel::detail::find_first_of<specials>(s.data(), end) - s.data() == 17);
  CHECK(wikirel::detail::find_byte(s.data(), end, '}') - s.data() == 25);
}

static_assert([] {
  constexpr std::string_view s = "abc{def";
  return wikirel::detail::find_first_of<specials>(s.data(), s.data() + s.size()) == s.data() + 3;
}());

TEST_CASE("find_last_byte: memrchr path equals the scalar loop") {
  std::mt19937 rng(11);
  const std::string s = random_text(rng, 2048);
  const char* base = s.data();
  for (std::size_t i = 0; i < s.size(); i += 7) {
    for (std::size_t j = i; j <= s.size(); j += 131) {
      wikirel::detail::fast_paths_enabled = true;
      const char* fast = wikirel::detail::find_last_byte(base + i, base + j, '\n');
      wikirel::detail::fast_paths_enabled = false;
      const char* slow = wikirel::detail::find_last_byte(base + i, base + j, '\n');
      wikirel::detail::fast_paths_enabled = true;
      REQUIRE(fast == slow);
    }
  }
}
