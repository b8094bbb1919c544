// The fast runtime scanners agree with their constexpr scalar twins.
#include <wikirel/detail/block_scan.hpp>
#include <wikirel/detail/scan.hpp>
#include <wikirel/detail/section_names.hpp>
#include <wikirel/detail/sentences.hpp>
#include <wikirel/detail/temporal_simd.hpp>
#include <wikirel/detail/temporal_words.hpp>
#include <wikirel/detail/template_args.hpp>
#include <wikirel/detail/wikitext_names.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

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

/// The answer a list gives when scanned word by word: what each hashed or filtered lookup
/// below must agree with.
template <std::size_t N>
bool listed(const std::string_view (&list)[N], const std::string& w) {
  for (std::string_view e : list)
    if (wikirel::detail::equals_ci(w.data(), w.size(), e)) return true;
  return false;
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

namespace {
using structure = wikirel::detail::byte_set<'\n', '{', '}', '[', ']', '<', '|'>;
using cursor_set = wikirel::detail::byte_set<'\n', '\r', '{', '}', '[', ']', '<', '\'', '&', '|', '_'>;
using cursor_sub = wikirel::detail::byte_set<'\n', '\r', '{', '}', '[', ']', '<', '|'>;
using cursor_quiet = wikirel::detail::byte_set<'\n', '\r', '{', '}', '[', ']', '<'>;
}  // namespace

TEST_CASE("block_cursor: the cached block masks give the scalar answer from every position") {
  std::mt19937 rng(5);
  for (int round = 0; round < 60; ++round) {
    const std::string s = random_text(rng, static_cast<std::size_t>(round) * 37 + 1);
    const char* first = s.data();
    const char* last = first + s.size();
    wikirel::detail::block_cursor<char, cursor_set, cursor_sub, cursor_quiet> cursor(first, last);
    std::uniform_int_distribution<std::size_t> limit_pick(0, s.size());
    // Forward, as the reader walks, and then jumping back and forth.
    for (const char* p = first; p <= last; ++p) {
      REQUIRE(cursor.next(p, last) == wikirel::detail::find_first_of_scalar<cursor_set>(p, last));
      REQUIRE(cursor.next_sub(p, last) == wikirel::detail::find_first_of_scalar<cursor_sub>(p, last));
      REQUIRE(cursor.next_quiet(p, last) == wikirel::detail::find_first_of_scalar<cursor_quiet>(p, last));
    }
    for (int k = 0; k < 200; ++k) {
      const char* a = first + limit_pick(rng);
      const char* b = first + limit_pick(rng);
      if (b < a) std::swap(a, b);
      REQUIRE(cursor.next(a, b) == wikirel::detail::find_first_of_scalar<cursor_set>(a, b));
      REQUIRE(cursor.next_sub(a, b) == wikirel::detail::find_first_of_scalar<cursor_sub>(a, b));
      REQUIRE(cursor.next_quiet(a, b) == wikirel::detail::find_first_of_scalar<cursor_quiet>(a, b));
    }
  }
}

#if WIKIREL_BLOCK_SSE2
TEST_CASE("block classification: SSE2 and AVX2 masks equal a byte-by-byte test") {
  std::mt19937 rng(9);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    unsigned char block[64];
    for (unsigned char& b : block) b = static_cast<unsigned char>(round % 3 == 0 ? byte(rng) : "a{}[]<'&|_\n\r=x"[byte(rng) % 15]);
    std::uint64_t set = 0, sub = 0, quiet = 0;
    for (int i = 0; i < 64; ++i) {
      set |= static_cast<std::uint64_t>(cursor_set::contains(block[i])) << i;
      sub |= static_cast<std::uint64_t>(cursor_sub::contains(block[i])) << i;
      quiet |= static_cast<std::uint64_t>(cursor_quiet::contains(block[i])) << i;
    }
    const auto sse2 = wikirel::detail::classify_sse2<cursor_set, cursor_sub, cursor_quiet>(block);
    REQUIRE(sse2.set == set);
    REQUIRE(sse2.sub == sub);
    REQUIRE(sse2.quiet == quiet);
#if WIKIREL_BLOCK_AVX2
    if (wikirel::detail::cpu_has_avx2) {
      const auto avx2 = wikirel::detail::classify_avx2<cursor_set, cursor_sub, cursor_quiet>(block);
      REQUIRE(avx2.set == set);
      REQUIRE(avx2.sub == sub);
      REQUIRE(avx2.quiet == quiet);
    }
#endif
  }
}
#endif

#if WIKIREL_BLOCK_SSE2
TEST_CASE("block classification: a set with a byte above 0x7F (the sentence stops) is told exactly") {
  using stops = wikirel::detail::sentence_stop_set;
  std::mt19937 rng(37);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 4000; ++round) {
    unsigned char block[64];
    for (unsigned char& b : block)
      b = static_cast<unsigned char>(round % 2 == 0 ? byte(rng) : "a.!?()[]{}\"\n\xE2\xE3\xD2\x62\x82 "[byte(rng) % 18]);
    std::uint64_t set = 0;
    for (int i = 0; i < 64; ++i) set |= static_cast<std::uint64_t>(stops::contains(block[i])) << i;
    REQUIRE(wikirel::detail::classify_sse2<stops, stops, stops>(block).set == set);
#if WIKIREL_BLOCK_AVX2
    if (wikirel::detail::cpu_has_avx2) REQUIRE(wikirel::detail::classify_avx2<stops, stops, stops>(block).set == set);
#endif
  }
}
#endif

TEST_CASE("sentence_stops: the cursor finds the stops a byte-by-byte search finds") {
  std::mt19937 rng(41);
  for (int round = 0; round < 40; ++round) {
    std::string s;
    const std::size_t n = static_cast<std::size_t>(round) * 53 + 1;
    for (std::size_t i = 0; i < n; ++i) s.push_back("ab .!?()\n\"\xE2\x80\x9Cxyz  "[rng() % 18]);
    wikirel::detail::sentence_stops<char> stops(s);
    for (std::size_t i = 0; i <= s.size(); ++i) {
      std::size_t j = i;
      while (j < s.size() && !wikirel::detail::sentence_stop_set::contains(static_cast<unsigned char>(s[j]))) ++j;
      REQUIRE(stops.next(i) == j);
    }
  }
}

TEST_CASE("find_first_of with a readable bound equals the scalar search") {
  std::mt19937 rng(13);
  const std::string s = random_text(rng, 3000);
  const char* first = s.data();
  const char* readable = first + s.size();
  for (std::size_t i = 0; i < s.size(); i += 3)
    for (std::size_t n : {0, 1, 5, 15, 16, 17, 40, 200}) {
      const char* a = first + i;
      const char* b = a + n > readable ? readable : a + n;
      REQUIRE(wikirel::detail::find_first_of<structure>(a, b, readable) ==
              wikirel::detail::find_first_of_scalar<structure>(a, b));
    }
}

static_assert([] {
  constexpr std::string_view s = "text [[link]] more";
  wikirel::detail::block_cursor<char, cursor_set, cursor_sub, cursor_quiet> c(s.data(), s.data() + s.size());
  return c.next(s.data(), s.data() + s.size()) == s.data() + 5 &&
         wikirel::detail::find_first_of<structure>(s.data(), s.data() + 4, s.data() + s.size()) == s.data() + 4;
}());

TEST_CASE("fold_name: the 16-byte path folds every name as the scalar rules do") {
  std::mt19937 rng(17);
  const std::string alphabet = "abcXYZ _\t\n\xC2\xA0\x80|Q";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(0, 40);
  std::string buffer(128, 'x');
  for (int round = 0; round < 20000; ++round) {
    const std::size_t n = length(rng);
    for (std::size_t i = 0; i < n; ++i) buffer[i] = round % 4 == 0 ? "Cite web"[i % 8] : alphabet[pick(rng)];
    const char* first = buffer.data();
    const char* readable = buffer.data() + buffer.size();
    const wikirel::detail::folded_name fast = wikirel::detail::fold_name(first, first + n, readable);
    const wikirel::detail::folded_name slow = wikirel::detail::fold_name(first, first + n);
    REQUIRE(fast.view() == slow.view());
  }
}

TEST_CASE("date block classes: the AVX2 masks equal the SSE2 masks on every byte value") {
#if WIKIREL_TEMPORAL_SSE2 && WIKIREL_HAS_AVX2_PATHS
  if (!wikirel::detail::cpu_has_avx2) return;
  std::mt19937 rng(23);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 5000; ++round) {
    unsigned char block[66];  // the classifiers read the two bytes after the 64
    for (int i = 0; i < 66; ++i)
      block[i] = static_cast<unsigned char>(round < 4 ? round * 64 + i : round % 3 == 1 ? byte(rng)
                                            : round % 3 == 2 ? "aAsStTdDfFmMjJeEnNwWyYcCoOiIhHpPuUlLvV @`{"[byte(rng) % 42]
                                                             : "aTh iJ'9yZ`{~@\xE2"[byte(rng) % 16]);
    const wikirel::detail::block_masks a = wikirel::detail::classify_block_sse2(block);
    const wikirel::detail::block_masks b = wikirel::detail::classify_block_avx2(block);
    REQUIRE(a.alpha == b.alpha);
    REQUIRE(a.digit == b.digit);
    REQUIRE(a.high == b.high);
    REQUIRE(a.apostrophe == b.apostrophe);
    // AVX2 leaves the "th" classes empty: its pair test stands in for them.
    REQUIRE((b.t | b.h | b.i) == 0);
    // SSE2 tests the first letter only; AVX2 the first two and the second and third, and
    // passes nothing SSE2 turns away.
    std::uint64_t pairs = 0, firsts = 0;
    for (int i = 0; i < 64; ++i) {
      if (wikirel::detail::trigger_pair_table.passes(block[i], block[i + 1]) &&
          wikirel::detail::trigger_tail_table.passes(block[i + 1], block[i + 2]))
        pairs |= std::uint64_t{1} << i;
      // The SSE2 compares must cover every first letter the pair table knows, and no more.
      if (wikirel::detail::is_alpha(block[i]) && wikirel::detail::trigger_pair_table.bucket_of[(block[i] | 0x20) - 'a'] != 0)
        firsts |= std::uint64_t{1} << i;
    }
    REQUIRE(a.pair == firsts);
    REQUIRE(b.pair == pairs);
    REQUIRE((b.pair & ~a.pair) == 0);
  }
#endif
}

TEST_CASE("date block classes: every trigger word passes the letter-pair tests, in either case") {
  using namespace wikirel::detail;
  int checked = 0;
  for (const word_entry& e : temporal_words) {
    if (!is_trigger(e.kind) || e.text.size() < 3) continue;
    const unsigned char c1 = static_cast<unsigned char>(e.text[0]), c2 = static_cast<unsigned char>(e.text[1]);
    const unsigned char c3 = static_cast<unsigned char>(e.text[2]);
    const std::string word(e.text);
    if (!maybe_trigger(word.data(), word.size())) continue;  // not a word the block loop visits
    CHECK(trigger_pair_table.passes(c1, c2));
    CHECK(trigger_pair_table.passes(static_cast<unsigned char>(c1 - 0x20), c2));
    CHECK(trigger_tail_table.passes(c2, c3));
    CHECK(trigger_tail_table.passes(static_cast<unsigned char>(c2 - 0x20), static_cast<unsigned char>(c3 - 0x20)));
    ++checked;
  }
  CHECK(checked > 30);
  // And they turn away common beginnings of prose that no trigger word has: initial pairs,
  // and words whose first two letters pass ("with", "were", "most", "not", "such").
  for (const char* prose : {"ca", "wa", "di", "wh", "fr", "st", "an", "of", "in", "to", "pr", "co", "re", "be"})
    CHECK_FALSE(trigger_pair_table.passes(static_cast<unsigned char>(prose[0]), static_cast<unsigned char>(prose[1])));
  for (const char* prose : {"with", "were", "most", "not", "such", "der", "des", "service", "special"}) {
    CHECK(trigger_pair_table.passes(static_cast<unsigned char>(prose[0]), static_cast<unsigned char>(prose[1])));
    CHECK_FALSE(trigger_tail_table.passes(static_cast<unsigned char>(prose[1]), static_cast<unsigned char>(prose[2])));
  }
}

TEST_CASE("pack_word: the two-load packing equals the byte loop for every length") {
  std::mt19937 rng(29);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 20000; ++round) {
    unsigned char word[24];
    for (unsigned char& b : word) b = static_cast<unsigned char>(byte(rng));
    const std::size_t n = static_cast<std::size_t>(round % 20);
    const char* p = reinterpret_cast<const char*>(word);
    const auto fast = wikirel::detail::pack_word(p, n);
    const auto slow = wikirel::detail::pack_word_scalar(p, n);
    REQUIRE(fast.lo == slow.lo);
    REQUIRE(fast.hi == slow.hi);
  }
}

TEST_CASE("word_set: the hashed lookup answers as a scan of the list does") {
  using namespace wikirel::detail;
  for (std::string_view e : never_final_words) {
    std::string w(e);
    CHECK(never_final_set.contains(w.data(), w.size()));
    w[0] = static_cast<char>(w[0] - 0x20);  // "Gen"
    CHECK(never_final_set.contains(w.data(), w.size()));
    w.push_back('\0');  // one byte more is another word
    CHECK_FALSE(never_final_set.contains(w.data(), w.size()));
  }
  CHECK(sentence_opener_set.contains("Meanwhile", 9));  // longer than eight letters
  CHECK_FALSE(sentence_opener_set.contains("Meanwhilf", 9));
  std::mt19937 rng(31);
  for (int round = 0; round < 20000; ++round) {
    std::string w;
    const int n = 1 + round % 6;
    for (int k = 0; k < n; ++k) w.push_back("aeiomnrstgpcdlvAEG\x01"[rng() % 19]);
    REQUIRE(never_final_set.contains(w.data(), w.size()) == listed(never_final_words, w));
  }
}

TEST_CASE("reference headings: the length and first-byte filter keeps every name, in either case") {
  // The filter only turns headings away before the list is scanned, so what it could get
  // wrong is a listed name it turns away: every one is tried, capitalised, and one letter
  // longer (which some lists have: "reference", "references").
  using namespace wikirel::detail;
  for (std::string_view e : reference_headings) {
    std::string h(e);
    CHECK(is_reference_heading(std::string_view(h)));
    if (h[0] >= 'a' && h[0] <= 'z') h[0] = static_cast<char>(h[0] - 0x20);  // "Notes"
    CHECK(is_reference_heading(std::string_view(h)));
    h.push_back('s');
    CHECK(is_reference_heading(std::string_view(h)) == listed(reference_headings, h));
  }
  CHECK_FALSE(is_reference_heading(std::string_view("History")));
  CHECK_FALSE(is_reference_heading(std::string_view("")));
  CHECK_FALSE(is_reference_heading(std::string_view("Nites")));  // passes the filter ("notes"), not the list
}

namespace {
struct split_result {
  std::string key, value;
  std::size_t at = 0;  ///< where the value starts in the split text
  bool plain = false;
  bool operator==(const split_result& o) const { return key == o.key && value == o.value; }  // not the flag
};

/// The arguments of `inner`: split_marking_values (the split citations take) when
/// `marking`, else the plain split over a cursor of argument_specials.
std::vector<split_result> split_with(const std::string& inner, bool marking) {
  const char* first = inner.data();
  const char* last = first + inner.size();
  std::vector<split_result> out;
  const auto keep = [&](const wikirel::detail::template_arg<char>& a) {
    split_result r;
    if (a.named()) r.key.assign(a.key, a.key_end);
    r.value.assign(a.value, a.value_end);
    r.at = static_cast<std::size_t>(a.value - first);
    r.plain = a.plain;
    out.push_back(r);
  };
  if (marking) {
    wikirel::detail::markup_aware_cursor<char> cursor(first, last);
    wikirel::detail::split_marking_values(first, last, cursor, keep);
  } else {
    wikirel::detail::block_cursor<char, wikirel::detail::argument_specials> cursor(first, last);
    wikirel::detail::split_arguments(first, last, [&](const char* p, const char* l) { return cursor.next(p, l); }, keep);
  }
  return out;
}

/// What the reader's own test calls text that shows as written: no markup byte but a
/// lone apostrophe or underscore (the byte after the value counts, as in the input).
bool shows_as_written(const std::string& inner, const split_result& r) {
  const std::string& value = r.value;
  const std::size_t at = r.at;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (std::string_view("\n\r{}[]<&|").find(c) != std::string_view::npos) return false;
    if ((c == '\'' || c == '_') && at + i + 1 < inner.size() && inner[at + i + 1] == c) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("split_arguments: a value said to be plain holds no markup, and marking changes no split") {
  const std::string cite =
      "cite web | title = Plain words\n | url = http://a.org/x_y?a=1&b=2 | work = [[Linked]] | quote = it's"
      " | q = ''shown'' | r = one\ntwo | s=  \n spaced \n | t = a_b | u = {{x|y=z}} | v = <!-- c --> w";
  const auto marked = split_with(cite, true);
  CHECK(marked == split_with(cite, false));
  REQUIRE(marked.size() == 10);
  // s has newlines on both sides of its value: which the trim took is not known, so it
  // is not said to be plain (the reader then looks for itself).
  const bool expected[] = {true, false, false, true, false, false, false, true, false, false};
  for (std::size_t i = 0; i < marked.size(); ++i) {
    CAPTURE(marked[i].key);
    CHECK(marked[i].plain == expected[i]);
  }
  std::mt19937 rng(7);
  // White space the trim takes (a tab, a no-break space) among the markup bytes.
  const std::string_view alphabet[] = {"a", "b", " ", "=", "|", "\n", "\r", "\t", "\xC2\xA0", "{", "}",
                                       "[", "]", "<", ">", "'", "_", "&", "-", "!"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(alphabet) - 1), len(0, 120);
  std::size_t plain = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string inner = "cite|";
    for (std::size_t n = len(rng); n > 0; --n) inner += alphabet[pick(rng)];
    const auto with = split_with(inner, true);
    CAPTURE(inner);
    REQUIRE(with == split_with(inner, false));
    for (const split_result& r : with)
      if (r.plain) {
        ++plain;
        CHECK(shows_as_written(inner, r));
      }
  }
  CHECK(plain > 1000);
}
