// The JSON writer: valid JSON, every field the outside tools read, escapes.
#include "test_support.hpp"

#include <wikirel/json.hpp>

#include <string>

TEST_CASE("an article as one JSON object with the fields tools read") {
  wikirel::options o;
  o.format = wikirel::format::wikitext;
  o.title = "Freedonia–Sylvania relations";
  const auto a = wikirel::parse(
      "Lead in 1921.<ref name=a>{{cite web|title=T \"q\"|url=https://x.example|date=2 May 2001}}</ref>\n"
      "== Crisis (1933–35) ==\nText.<ref name=a/>\n[[Category:C]]\n",
      o);
  const std::string j = wikirel::to_json(a);
  CHECK(j.front() == '{');
  CHECK(j.back() == '}');
  for (const char* field : {"\"title\":\"Freedonia–Sylvania relations\"", "\"format\":\"wikitext\"",
                            "\"parties\":[\"Freedonia\",\"Sylvania\"]", "\"categories\":[\"C\"]", "\"diagnostics\":[]",
                            "\"sections\":[", "\"level\":2", "\"heading\":\"Crisis (1933–35)\"", "\"parent\":0",
                            "\"parent\":null", "\"citations\":[", "\"id\":1", "\"name\":\"a\"", "\"kind\":\"web\"",
                            "\"title\":\"T \\\"q\\\"\"", "\"url\":\"https://x.example\"", "\"uses\":2", "\"events\":["})
    CHECK_MESSAGE(j.find(field) != std::string::npos, field);
}

TEST_CASE("a heading's open period has a null begin or end") {
  const std::string j = wikirel::to_json(wikirel::parse(std::string_view("Lead.\n== Before 1900 ==\nA.\n== Since 1991 ==\nB.\n")));
  CHECK(j.find("\"period\":{\"begin\":null,\"end\":\"1900\",\"precision\":\"year\"") != std::string::npos);
  CHECK(j.find("\"period\":{\"begin\":\"1991\",\"end\":null,\"precision\":\"year\"") != std::string::npos);
}

TEST_CASE("strings are escaped and invalid UTF-8 becomes U+FFFD") {
  std::string out;
  wikirel::detail::append_json_string(out, std::string_view("a\"b\\c\nd\x01\xFF\xC3\xA9"));
  CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001\xEF\xBF\xBD\xC3\xA9\"");
}

TEST_CASE("strings: valid UTF-8 goes out whole, every invalid byte as one U+FFFD, at every place") {
  // A reference escaper, a code point at a time, as the writer was before runs went on
  // through valid UTF-8.
  const auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        char32_t cp = 0;
        const int n = wikirel::detail::decode_utf8(s.data() + i, s.data() + s.size(), cp);
        out += cp == 0xFFFD && n == 1 ? std::string("\xEF\xBF\xBD") : std::string(s.substr(i, static_cast<std::size_t>(n)));
        i += static_cast<std::size_t>(n);
        continue;
      }
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20) {
        char esc[7];
        std::snprintf(esc, sizeof esc, "\\u%04x", c);
        out += esc;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
    }
    return out + "\"";
  };
  const std::string pieces[] = {"a", " ", "\xE2\x80\x93", "\xC3\xA9", "\xFF", "\xC3", "\xE2\x80", "\"", "\\", "\n",
                                "\x01", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "long plain words"};
  unsigned seed = 1;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int k = 0; k < round % 24; ++k) {
      seed = seed * 1103515245u + 12345u;
      s += pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
    }
    std::string out;
    wikirel::detail::append_json_string(out, std::string_view(s));
    REQUIRE(out == reference(s));
  }
}

TEST_CASE("dates: YYYY, YYYY-MM, YYYY-MM-DD, BC negative") {
  char b[16];
  CHECK(std::string(b, wikirel::date{1991, 12, 25}.to_chars(b)) == "1991-12-25");
  CHECK(std::string(b, wikirel::date{1989, 11, 0}.to_chars(b)) == "1989-11");
  CHECK(std::string(b, wikirel::date{-499, 0, 0}.to_chars(b)) == "-0499");
  CHECK(std::string(b, wikirel::date{9, 0, 0}.to_chars(b)) == "0009");
  CHECK(wikirel::date{}.to_chars(b) == 0);
}
