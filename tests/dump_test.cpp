// wikirel::dump_reader: MediaWiki XML exports read page by page, from any chunking.
#include "test_support.hpp"

#include <wikirel/dump.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using wikirel::dump_error_kind;
using wikirel::dump_page;
using wikirel::dump_reader;

/// A source that hands out at most `step` bytes per call, whatever is asked for.
struct trickle {
  std::string data;
  std::size_t step = 1;
  std::size_t at = 0;
  std::size_t calls = 0;

  std::size_t operator()(char* buffer, std::size_t size) {
    ++calls;
    std::size_t n = std::min({size, step, data.size() - at});
    std::memcpy(buffer, data.data() + at, n);
    at += n;
    return n;
  }
};

struct result {
  std::vector<dump_page> pages;
  std::optional<wikirel::dump_error> error;
  std::uint64_t bytes_read = 0;
  std::string site_name;
};

result read_all(dump_reader& reader) {
  result r;
  dump_page page;
  while (reader.next(page)) r.pages.push_back(page);
  CHECK_FALSE(reader.next(page));  // stays ended
  if (const auto* e = reader.error()) r.error = *e;
  r.bytes_read = reader.bytes_read();
  r.site_name = std::string(reader.site_name());
  return r;
}

/// Reads `data` with a callback giving `step` bytes per call and a chunk of `chunk` bytes.
result read_string(const std::string& data, std::size_t step, std::size_t chunk = dump_reader::default_chunk) {
  auto source = std::make_shared<trickle>();
  source->data = data;
  source->step = step;
  dump_reader reader([source](char* b, std::size_t n) { return (*source)(b, n); }, chunk);
  return read_all(reader);
}

result read_string(const std::string& data) { return read_string(data, data.size() + 1); }

bool same_page(const dump_page& a, const dump_page& b) {
  return a.title == b.title && a.ns == b.ns && a.id == b.id && a.redirect == b.redirect &&
         a.is_redirect == b.is_redirect && a.revision_id == b.revision_id && a.timestamp == b.timestamp &&
         a.model == b.model && a.text == b.text && a.offset == b.offset;
}

void check_same(const result& a, const result& b) {
  REQUIRE(a.pages.size() == b.pages.size());
  for (std::size_t i = 0; i < a.pages.size(); ++i) {
    INFO("page " << i << ": " << a.pages[i].title);
    CHECK(same_page(a.pages[i], b.pages[i]));
  }
  REQUIRE(a.error.has_value() == b.error.has_value());
  if (a.error) {
    CHECK(a.error->kind == b.error->kind);
    CHECK(a.error->offset == b.error->offset);
    CHECK(a.error->message == b.error->message);
  }
  CHECK(a.site_name == b.site_name);
}

/// A minimal export around some pages.
std::string dump_of(const std::string& pages) {
  return "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.10/\" version=\"0.10\">\n" + pages +
         "</mediawiki>\n";
}

std::string page_xml(const std::string& title, const std::string& text_element) {
  return "<page><title>" + title + "</title><ns>0</ns><id>1</id><revision><id>2</id>" + text_element +
         "</revision></page>\n";
}

std::string text_of(const std::string& raw_text) {
  const result r = read_string(dump_of(page_xml("T", "<text xml:space=\"preserve\">" + raw_text + "</text>")));
  REQUIRE_FALSE(r.error.has_value());
  REQUIRE(r.pages.size() == 1);
  return r.pages[0].text;
}

const char* const fixtures[] = {"basic.xml",     "schema011.xml", "empty_text.xml", "truncated.xml",
                                "malformed.xml", "utf16.xml",     "not_a_dump.xml"};

std::string dump_fixture(const char* name) { return wikirel_test::fixture(std::string("dumps/") + name); }

}  // namespace

TEST_SUITE("dump") {
  TEST_CASE("basic.xml: siteinfo and five pages in three namespaces") {
    const std::string xml = dump_fixture("basic.xml");
    const result r = read_string(xml);
    CHECK_FALSE(r.error.has_value());
    CHECK(r.site_name == "Examplepedia");
    CHECK(r.bytes_read == xml.size());
    REQUIRE(r.pages.size() == 5);

    const dump_page& town = r.pages[0];
    CHECK(town.title == "Port Vellamy");
    CHECK(town.ns == 0);
    CHECK(town.id == 101);  // not the contributor's <id>
    CHECK(town.revision_id == 5001);
    CHECK(town.timestamp == "2020-03-14T09:26:53Z");
    CHECK(town.model == "wikitext");
    CHECK_FALSE(town.is_redirect);
    CHECK(town.redirect.empty());
    CHECK(town.offset == xml.find("<page>"));
    CHECK(town.text.rfind("{{Infobox settlement\n", 0) == 0);
    CHECK(town.text.find("<ref name=\"light\">{{cite web") != std::string::npos);
    CHECK(town.text.find("3&nbsp;km") != std::string::npos);  // &amp;nbsp; is wikitext &nbsp;
    CHECK(town.text.size() == 710);                           // the bytes="" attribute

    const dump_page& railway = r.pages[1];
    CHECK(railway.title == "Vellamy & Harrow Railway");
    CHECK(railway.timestamp == "2021-07-01T12:00:00Z");
    CHECK(railway.text.find("Freedonia&ndash;Sylvania") != std::string::npos);
    CHECK(railway.text.find("Ströhmberg, Æsketorp and Čelin \u2014 a line of 42\u00A0km.") != std::string::npos);
    CHECK(railway.text.find("motto was \"Always <on time>\" and its fare 'one crown'.") != std::string::npos);
    CHECK(railway.text.size() == 370);

    const dump_page& redirect = r.pages[2];
    CHECK(redirect.title == "Target and Co");
    CHECK(redirect.is_redirect);
    CHECK(redirect.redirect == "Target & Co");
    CHECK(redirect.text == "#REDIRECT [[Target & Co]]");

    CHECK(r.pages[3].title == "Talk:Port Vellamy");
    CHECK(r.pages[3].ns == 1);
    CHECK(r.pages[4].title == "Template:Infobox settlement stub");
    CHECK(r.pages[4].ns == 10);
    CHECK(r.pages[4].text.rfind("{| class=\"infobox\"\n", 0) == 0);
    for (std::size_t i = 0; i < r.pages.size(); ++i) CHECK(r.pages[i].id == 101 + i);
  }

  TEST_CASE("schema 0.11: the last revision's text, model and time") {
    const result r = read_string(dump_fixture("schema011.xml"));
    CHECK_FALSE(r.error.has_value());
    CHECK(r.site_name == "Example Atlas");
    REQUIRE(r.pages.size() == 2);
    CHECK(r.pages[0].title == "Lake Orsk");
    CHECK(r.pages[0].id == 7);
    CHECK(r.pages[0].revision_id == 71);
    CHECK(r.pages[0].timestamp == "2016-06-06T06:06:06Z");
    CHECK(r.pages[0].text.find("== Formation ==") != std::string::npos);
    CHECK(r.pages[0].text.find("{{stub}}") == std::string::npos);
    CHECK(r.pages[1].ns == 828);
    CHECK(r.pages[1].model == "Scribunto");
    CHECK(r.pages[1].text == "local p = {}\nreturn p -- a < b && c");
  }

  TEST_CASE("empty and deleted text") {
    const result r = read_string(dump_fixture("empty_text.xml"));
    CHECK_FALSE(r.error.has_value());
    REQUIRE(r.pages.size() == 3);
    CHECK(r.pages[0].title == "Blankmoor");
    CHECK(r.pages[0].text.empty());
    CHECK(r.pages[1].title == "Hidden Hollow");
    CHECK(r.pages[1].revision_id == 22);
    CHECK(r.pages[1].text.empty());  // the last revision's text is deleted
    CHECK(r.pages[2].title == "Bare Fell");
    CHECK(r.pages[2].text.empty());
  }

  TEST_CASE("a truncated dump: the whole pages, then an error at the end") {
    const std::string xml = dump_fixture("truncated.xml");
    const result r = read_string(xml);
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].title == "Port Vellamy");
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::malformed);
    CHECK(r.error->offset == xml.size());
    const std::size_t second = xml.find("<page>", xml.find("</page>"));
    CHECK(r.error->message == "malformed dump at byte " + std::to_string(xml.size()) + ": <page> opened at byte " +
                                  std::to_string(second) + " is never closed");
  }

  TEST_CASE("a missing </title>") {
    const std::string xml = dump_fixture("malformed.xml");
    const result r = read_string(xml);
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].title == "Port Vellamy");
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::malformed);
    const std::size_t title = xml.find("<title>Talk:");
    const std::size_t ns = xml.find("<ns>", title);
    CHECK(r.error->offset == ns);
    CHECK(r.error->message == "malformed dump at byte " + std::to_string(ns) + ": <ns> inside <title> opened at byte " +
                                  std::to_string(title) + " (missing </title>?)");
  }

  TEST_CASE("UTF-16 and foreign encodings are refused") {
    result r = read_string(dump_fixture("utf16.xml"));
    CHECK(r.pages.empty());
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::encoding);
    CHECK(r.error->offset == 0);
    CHECK(r.error->message == "unsupported encoding at byte 0: a UTF-16 byte-order mark; convert the dump to UTF-8");

    r = read_string("\xFE\xFF" + std::string("\0<", 2));
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::encoding);
    r = read_string(std::string("<\0m\0", 4));
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::encoding);

    r = read_string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + dump_of(page_xml("A", "<text>x</text>")));
    CHECK(r.pages.empty());
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::encoding);
    CHECK(r.error->message ==
          "unsupported encoding at byte 0: the XML declaration says \"ISO-8859-1\"; only UTF-8 is read");

    // UTF-8 spelled in any case, and a UTF-8 byte-order mark, are fine.
    const std::string bom =
        "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8' ?>" + dump_of(page_xml("A", "<text>x</text>"));
    r = read_string(bom);
    CHECK_FALSE(r.error.has_value());
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].offset == bom.find("<page>"));  // offsets count the byte-order mark
    CHECK(r.pages[0].text == "x");
  }

  TEST_CASE("inputs that are not MediaWiki exports") {
    const std::string xml = dump_fixture("not_a_dump.xml");
    result r = read_string(xml);
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::not_a_dump);
    CHECK(r.error->offset == xml.find("<catalog>"));
    CHECK(r.error->message == "not a MediaWiki XML export: the root element is <catalog>");

    r = read_string("");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "not a MediaWiki XML export: the input is empty");
    r = read_string("== History ==\nFounded in 1921.");
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == dump_error_kind::not_a_dump);
    CHECK(r.error->message == "not a MediaWiki XML export: text before the root element");
    r = read_string("  \n<!-- just a comment -->\n");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "not a MediaWiki XML export: no <mediawiki> root element");
    r = read_string("BZh91AY&SY");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "not a MediaWiki XML export: the input is bzip2-compressed; decompress it first");
    r = read_string("\x1F\x8B\x08\x00");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "not a MediaWiki XML export: the input is gzip-compressed; decompress it first");
  }

  TEST_CASE("malformed markup is an error, never a crash") {
    const std::string good = page_xml("A", "<text>x</text>");
    struct bad_case {
      std::string xml;
      std::string message;
    };
    const bad_case cases[] = {
        {dump_of(good + "<page><title>B</title><revision></revision></revision></page>"),
         "stray </revision> inside <page> opened at byte "},
        {dump_of(good + "<page><title>B</title><revision><id>1</revision></page>"),
         "</revision> while <id> opened at byte "},
        {dump_of(good + "<page><title>B</title><revision><text>1 < 2</text></revision></page>"),
         "'<' that does not start markup"},
        {dump_of(good + "<page><title x=1>B</title></page>"), "malformed tag <title x=1>"},
        {dump_of(good + "<page><title>B</title><revision><text>a<b>c</b></text></revision></page>"),
         "<b> inside <text> opened at byte "},
        {dump_of(good) + "<page>", ""},  // stops at </mediawiki>: not an error
        {dump_of(good + "<page><title>B</title>"), "</mediawiki> while <page> opened at byte "},
        {dump_of(good).substr(0, dump_of(good).size() - 4), "the input ends inside markup that starts at byte "},
        {dump_of(good).substr(0, dump_of(good).size() - 14), "<mediawiki> opened at byte 0 is never closed"},
        {dump_of(good + "<page><title>B</title><!-- open comment </page>"), "<page> opened at byte "},
    };
    for (const bad_case& c : cases) {
      INFO(c.xml);
      const result r = read_string(c.xml);
      CHECK(r.pages.size() == 1);  // the good page comes first
      if (c.message.empty()) {
        CHECK_FALSE(r.error.has_value());
        continue;
      }
      REQUIRE(r.error.has_value());
      CHECK(r.error->kind == dump_error_kind::malformed);
      CHECK(r.error->message.rfind("malformed dump at byte " + std::to_string(r.error->offset) + ": ", 0) == 0);
      CHECK(r.error->message.find(c.message) != std::string::npos);
      check_same(r, read_string(c.xml, 1, 1));
    }
  }

  TEST_CASE("character references, CDATA, comments and line ends") {
    CHECK(text_of("&amp; &lt; &gt; &quot; &apos;") == "& < > \" '");
    CHECK(text_of("&#123;&#x7B;&#X7d;&#233;&#x1F600;") == "{{}é\U0001F600");
    CHECK(text_of("&#0; &#xD800; &#x110000;") == "\uFFFD \uFFFD \uFFFD");
    CHECK(text_of("&amp;ndash; &ndash; & &#; &#x; &amp") == "&ndash; &ndash; & &#; &#x; &amp");
    CHECK(text_of("a<![CDATA[<b> & &amp;]]>c") == "a<b> & &amp;c");
    CHECK(text_of("a<!-- <page> -->b") == "ab");
    CHECK(text_of("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n");

    // Quoted '>' in an attribute, other attributes on <text>, and a DOCTYPE with a subset.
    const std::string xml = "<!DOCTYPE mediawiki [ <!ENTITY x \"y\"> ]>\n" +
                            dump_of(
                                "<page><title>A &gt; B</title><ns>-1</ns><id>9</id>"
                                "<redirect title='A > B &amp; C' /><revision>"
                                "<text bytes=\"1\" sha1=\"q\" xml:space=\"preserve\">z</text></revision></page>");
    const result r = read_string(xml);
    CHECK_FALSE(r.error.has_value());
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].title == "A > B");
    CHECK(r.pages[0].ns == -1);
    CHECK(r.pages[0].id == 9);
    CHECK(r.pages[0].redirect == "A > B & C");
    CHECK(r.pages[0].text == "z");
    check_same(r, read_string(xml, 1, 1));
  }

  TEST_CASE("every fixture reads the same through any chunking") {
    for (const char* name : fixtures) {
      const std::string xml = dump_fixture(name);
      const result whole = read_string(xml);
      for (const std::size_t step : {1, 2, 3, 7, 64}) {
        INFO(name << " in pieces of " << step);
        check_same(whole, read_string(xml, step, step));                  // small chunks
        check_same(whole, read_string(xml, step));                        // short reads
        check_same(whole, read_string(xml, step + 1000, step * 16 + 5));  // mixed
      }
    }
  }

  TEST_CASE("every split point of a page, including inside </page> and UTF-8") {
    const std::string xml = dump_fixture("basic.xml");
    const result whole = read_string(xml);
    // Two reads: the first ends at `split`, so the buffer boundary falls at every byte.
    for (std::size_t split = 1; split < xml.size(); split += (split < 400 || split > xml.size() - 400) ? 1 : 13) {
      std::size_t pos = 0;
      dump_reader reader(
          [&](char* b, std::size_t n) {
            const std::size_t len = std::min(n, (pos < split ? split : xml.size()) - pos);
            std::memcpy(b, xml.data() + pos, len);
            pos += len;
            return len;
          },
          xml.size());
      const result r = read_all(reader);
      INFO("split at " << split);
      check_same(whole, r);
    }
  }

  TEST_CASE("reading from a std::istream") {
    const std::string xml = dump_fixture("basic.xml");
    std::istringstream in(xml);
    dump_reader reader(in, 100);
    const result r = read_all(reader);
    check_same(read_string(xml), r);
    CHECK(r.bytes_read == xml.size());
  }

  TEST_CASE("the page size limit") {
    const std::string xml = dump_fixture("basic.xml");
    for (const std::size_t chunk : {std::size_t{7}, std::size_t{1} << 20}) {
      std::istringstream in(xml);
      dump_reader reader(in, chunk);
      reader.set_max_page_size(1000);
      CHECK(reader.max_page_size() == 1000);
      const result r = read_all(reader);
      CHECK(r.pages.empty());  // the first page is longer than 1000 bytes
      REQUIRE(r.error.has_value());
      CHECK(r.error->kind == dump_error_kind::too_large);
      CHECK(r.error->message.find(": <page> opened at byte " + std::to_string(xml.find("<page>")) +
                                  " is longer than the limit of 1000 bytes") != std::string::npos);
      CHECK(r.error->message.rfind("page too large at byte ", 0) == 0);
    }
  }

  TEST_CASE("the limit also bounds markup outside pages") {
    const std::string xml = dump_of("<!--" + std::string(5000, 'c') + "-->" + page_xml("A", "<text>x</text>"));
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{64}, std::size_t{1} << 20}) {
      std::istringstream in(xml);
      dump_reader reader(in, chunk);
      reader.set_max_page_size(1000);
      const result r = read_all(reader);
      if (chunk > xml.size()) {  // all in one read: the comment is skipped, the page fits
        CHECK_FALSE(r.error.has_value());
        CHECK(r.pages.size() == 1);
        continue;
      }
      REQUIRE(r.error.has_value());
      CHECK(r.error->kind == dump_error_kind::too_large);
      CHECK(r.error->message.find("markup that starts at byte " + std::to_string(xml.find("<!--")) +
                                  " is longer than the limit of 1000 bytes") != std::string::npos);
    }
  }

  TEST_CASE("error messages are one line") {
    const result r =
        read_string(dump_of("<page><title>A</title><revision a=\"1\"\nb=2\n" + std::string(100, 'x') + ">"));
    REQUIRE(r.error.has_value());
    CHECK(r.error->message.find('\n') == std::string::npos);
    CHECK(r.error->message.find("malformed tag <revision a=\"1\" b=2 xxx") != std::string::npos);
    CHECK(r.error->message.size() < 140);
  }

  TEST_CASE("long markup read a byte at a time stays linear") {
    // A 300 KB comment and a 1 MB page through one-byte reads: a reader that rescans its
    // buffer after each read would take minutes.
    const std::string text(1 << 20, 'w');
    const std::string xml =
        dump_of("<!--" + std::string(300000, '-') + " -->" + page_xml("Long", "<text>" + text + "</text>"));
    trickle* seen = nullptr;
    auto source = std::make_shared<trickle>();
    source->data = xml;
    seen = source.get();
    dump_reader reader([source](char* b, std::size_t n) { return (*source)(b, n); }, 1);
    dump_page page;
    REQUIRE(reader.next(page));
    CHECK(page.text == text);
    CHECK_FALSE(reader.next(page));
    CHECK(reader.error() == nullptr);
    CHECK(seen->calls >= xml.size() - 1);  // all but the newline after </mediawiki>
  }

  TEST_CASE("looks_like_dump") {
    using wikirel::looks_like_dump;
    CHECK(looks_like_dump(dump_fixture("basic.xml").substr(0, 64)));
    CHECK(looks_like_dump(dump_fixture("schema011.xml")));
    CHECK(looks_like_dump("\xEF\xBB\xBF  <!-- hi -->\n<?xml version='1.0'?><mediawiki>"));
    CHECK(looks_like_dump("<mediawiki"));
    CHECK_FALSE(looks_like_dump(""));
    CHECK_FALSE(looks_like_dump("<mediawikix>"));
    CHECK_FALSE(looks_like_dump("<mediawi"));
    CHECK_FALSE(looks_like_dump(dump_fixture("not_a_dump.xml")));
    CHECK_FALSE(looks_like_dump(dump_fixture("utf16.xml")));
    CHECK_FALSE(looks_like_dump("== History ==\n<mediawiki>"));
    CHECK_FALSE(looks_like_dump("<?xml version='1.0'"));
  }

  TEST_CASE("parse_page: an article titled by its page") {
    const result r = read_string(dump_fixture("basic.xml"));
    REQUIRE(r.pages.size() == 5);
    const wikirel::article a = wikirel::parse_page(r.pages[0]);
    CHECK(a.title() == "Port Vellamy");
    CHECK(a.format() == wikirel::format::wikitext);
    const auto heads = wikirel_test::headings(a);
    CHECK(std::find(heads.begin(), heads.end(), "2 History") != heads.end());
    CHECK(std::find(heads.begin(), heads.end(), "3 20th century") != heads.end());
    CHECK_FALSE(a.citations().empty());

    const wikirel::article redirect = wikirel::parse_page(r.pages[2]);
    CHECK(redirect.title() == "Target and Co");

    wikirel::options opts;
    opts.title = "Chosen";
    CHECK(wikirel::parse_page(r.pages[1], opts).title() == "Chosen");
  }

#if defined(__unix__) || defined(__APPLE__)  // popen
  TEST_CASE("the shared corpus dump, decompressed with bzcat") {
    if (!wikirel_test::have_shared()) return;
    const auto path = wikirel_test::shared_dir() / "corpus" / "dumps" / "enwiki-table-markup.xml.bz2";
    if (!std::filesystem::exists(path) || std::system("command -v bzcat >/dev/null 2>&1") != 0) return;
    const std::string command = "bzcat '" + path.string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string xml;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) xml.append(buffer, n);
    CHECK(pclose(pipe) == 0);
    REQUIRE_FALSE(xml.empty());

    // Straight from the pipe, as the CLI would read it...
    pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    dump_reader piped([pipe](char* b, std::size_t n) { return std::fread(b, 1, n, pipe); }, 4096);
    const result streamed = read_all(piped);
    pclose(pipe);

    CHECK(wikirel::looks_like_dump(xml.substr(0, 4096)));
    const result whole = read_string(xml);
    CHECK_FALSE(whole.error.has_value());
    REQUIRE(whole.pages.size() == 5);
    for (const dump_page& p : whole.pages) {
      INFO(p.title);
      CHECK_FALSE(p.title.empty());
      CHECK_FALSE(p.text.empty());
      CHECK(p.ns == 0);
      CHECK(p.id != 0);
      CHECK(xml.compare(p.offset, 6, "<page>") == 0);
      CHECK(wikirel::parse_page(p).title() == p.title);
    }
    check_same(whole, streamed);
    check_same(whole, read_string(xml, 4096, 4096));
    check_same(whole, read_string(xml, 97, 97));
  }
#endif

}  // TEST_SUITE
