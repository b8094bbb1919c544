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

TEST_CASE("strings are escaped and invalid UTF-8 becomes U+FFFD") {
  std::string out;
  wikirel::detail::append_json_string(out, std::string_view("a\"b\\c\nd\x01\xFF\xC3\xA9"));
  CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001\xEF\xBF\xBD\xC3\xA9\"");
}

TEST_CASE("dates: YYYY, YYYY-MM, YYYY-MM-DD, BC negative") {
  char b[16];
  CHECK(std::string(b, wikirel::date{1991, 12, 25}.to_chars(b)) == "1991-12-25");
  CHECK(std::string(b, wikirel::date{1989, 11, 0}.to_chars(b)) == "1989-11");
  CHECK(std::string(b, wikirel::date{-499, 0, 0}.to_chars(b)) == "-0499");
  CHECK(std::string(b, wikirel::date{9, 0, 0}.to_chars(b)) == "0009");
  CHECK(wikirel::date{}.to_chars(b) == 0);
}
