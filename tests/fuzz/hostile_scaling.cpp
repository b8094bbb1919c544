// wikirel_hostile: does the parse stay linear on hostile input?
//
// For each family of hostile input (the same families tests/fuzz/hostile.py writes to
// files) it builds the input at two sizes (8 MB and 16 MB by default), times the parse at
// each (best of 3, after an untimed run), and prints the ratio and the peak memory; a
// family that looks superlinear is measured a second time and each size keeps its best, and
// if it still does, at twice the sizes: only growth that shows there too fails it.
// A family passes when the larger input takes at most `--max-ratio` (2.5) times as long as
// the smaller one, no parse takes more than 60 s and the peak memory of the parse stays
// within `--max-memory` (16) times the input. Each measurement runs in a child process, so a crash or a hang is
// reported as such and the peak memory is that parse's own.
//
//   wikirel_hostile                       all families, 8 and 16 MB
//   wikirel_hostile --sizes 1,2 --runs 1  a quick look
//   wikirel_hostile --family open_templates --family quotes
//   wikirel_hostile --file big.wiki [--format wikitext|plaintext|auto|dump]
//                                         a file: its first half against the whole
//   wikirel_hostile --list
//
// Build it optimized (-O2): a debug build measures the compiler, not the parser. Exit code
// 1 when a family fails.
#include <wikirel/article.hpp>
#include <wikirel/dump.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#define WIKIREL_HOSTILE_FORK 1
#else
#define WIKIREL_HOSTILE_FORK 0
#endif

namespace {

// ---- the families ------------------------------------------------------------------------

enum class kind { wikitext, plaintext, auto_detect, dump };

struct family {
  const char* name;
  kind as;
  const char* what;
  std::function<std::string(std::size_t)> make;  ///< about n bytes
};

/// `unit` repeated until the text is n bytes long (cut at n).
/// Whole units only: an input cut inside a unit can end in an unclosed <ref> or template at
/// one size and not at the other, and an unclosed construct costs a second reading (a
/// constant factor that is not growth; the unclosed_* families measure that path).
std::string repeat(std::string_view unit, std::size_t n, std::string_view head = {}, std::string_view tail = {}) {
  std::string s;
  s.reserve(n + unit.size() + tail.size());
  s.append(head);
  while (s.size() + unit.size() + tail.size() <= n) s.append(unit);
  s.append(tail);
  return s;
}

/// A stretch of ordinary article text: headings, dated sentences, refs, links, templates.
constexpr std::string_view prose_unit =
    "== History ==\n"
    "The harbour at [[Lindmoor]] handled about 40 ships a year in the 1930s.<ref name=h1>{{cite web "
    "|title=Annual report |date=2 March 2015 |url=https://example.org/r}}</ref> A storm on 3 May 1931 "
    "destroyed the outer wall.<ref>Harbour Trust, ''Minutes'', 1932.</ref> Two years later it was rebuilt "
    "with help from [[Vessel Bay|the bay towns]].<ref name=h1/>\n"
    "* In 1947 the '''mill''' closed.\n"
    "{{Infobox place|name=Lindmoor|founded=1821}}\n"
    "Between 1950 and 1953 the town grew by a third (from 2,600 to 3,500 people).\n\n";

constexpr std::string_view sentence_unit = "In 1921 the council of the town met again to discuss the harbour. ";

std::string plain_prose(std::size_t n) {
  return repeat("The harbour handled about 40 ships a year. In 1931 a storm destroyed the outer wall, "
                "and two years later it was rebuilt.\n",
                n);
}

/// Category links, distinct and repeated, with the spellings that name one category.
std::string many_categories(std::size_t n) {
  std::string s;
  s.reserve(n + 64);
  for (std::size_t i = 0; s.size() < n; ++i) {
    s += "[[Category:Place_" + std::to_string(i) + "]]\n[[category:place " + std::to_string(i / 2) + "]]\n";
  }
  s.resize(n);
  return s;
}

std::string named_refs(std::size_t n) {
  std::string s;
  s.reserve(n + 64);
  for (std::size_t i = 0; s.size() < n; ++i) {
    s += "Fact " + std::to_string(i) + " in 1921.<ref name=r" + std::to_string(i) + ">Source " + std::to_string(i) +
         "</ref>";
    if (i % 3 == 2) s += "<ref name=r" + std::to_string(i / 2) + "/>";
    if (i % 8 == 7) s += '\n';
  }
  s.resize(n);
  return s;
}

std::string cite_many_args(std::size_t n) {
  std::string s = "In 1921 the town grew.<ref>{{cite book |title=Book |date=1921 ";
  s.reserve(n + 64);
  for (std::size_t i = 1; s.size() + 16 < n; ++i)
    s += "|last" + std::to_string(i) + "=A" + std::to_string(i) + " |first" + std::to_string(i) + "=B ";
  s += "}}</ref>\n";
  return s;
}

std::string invalid_utf8(std::size_t n) {
  std::string s;
  s.reserve(n);
  std::uint32_t x = 12345;
  while (s.size() < n) {
    x = x * 1103515245u + 12345u;
    const unsigned r = (x >> 16) & 0xFF;
    if (r < 96) s += static_cast<char>(0x80 | (r & 0x7F));        // lone continuation/lead bytes
    else if (r < 128) s += "\xE2\x80";                            // truncated dash
    else if (r < 140) s += "\xF4\x90\x80\x80";                    // beyond U+10FFFF
    else if (r < 150) s += "\xED\xA0\x80";                        // a surrogate
    else if (r < 160) s += "\xC0\xAF";                            // overlong
    else s += (r & 1) ? "1921 " : "March ";
  }
  s.resize(n);
  return s;
}

std::string with_nuls(std::size_t n) {
  std::string s = repeat(sentence_unit, n);
  for (std::size_t i = 7; i < s.size(); i += 13) s[i] = '\0';
  return s;
}

std::string plaintext_numbered_refs(std::size_t n) {
  // Body lines with markers [1]..[k], then the reference list "k. ^ ..." for all of them.
  const std::size_t k = n / 80 + 1;
  std::string s = "Title\n\nFrom Wikipedia, the free encyclopedia\n\n";
  s.reserve(n + 64);
  for (std::size_t i = 1; i <= k && s.size() < n / 2; ++i)
    s += "In " + std::to_string(1800 + i % 200) + " a thing happened.[" + std::to_string(i) + "]\n";
  s += "\nReferences\n\n";
  for (std::size_t i = 1; s.size() < n; ++i) s += std::to_string(i) + ". ^ Source number " + std::to_string(i) + ".\n";
  s.resize(n);
  return s;
}

std::string dump_huge_page(std::size_t n) {
  const std::string head =
      "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\">\n<page>\n<title>Huge</title>\n<ns>0</ns>\n"
      "<id>1</id>\n<revision>\n<id>2</id>\n<model>wikitext</model>\n<text xml:space=\"preserve\">";
  const std::string tail = "</text>\n</revision>\n</page>\n</mediawiki>\n";
  return repeat("The harbour at [[Lindmoor]] handled about 40 ships a year in the 1930s.&lt;ref&gt;x&lt;/ref&gt; "
                "A storm on 3 May 1931 destroyed the outer wall &amp; the pier.\n",
                n, head, tail);
}

std::string dump_tiny_pages(std::size_t n) {
  std::string s = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\">\n";
  s.reserve(n + 256);
  for (std::size_t i = 1; s.size() + 200 < n; ++i)
    s += "<page><title>P" + std::to_string(i) + "</title><ns>0</ns><id>" + std::to_string(i) +
         "</id><revision><id>" + std::to_string(i) + "</id><text>In 1921 x.</text></revision></page>\n";
  s += "</mediawiki>\n";
  return s;
}

std::vector<std::string> tag_names() {
  return {"ref", "nowiki", "includeonly", "pre", "syntaxhighlight", "source", "math", "score", "timeline", "graph",
          "templatedata", "hiero", "chem", "ce", "imagemap", "inputbox", "categorytree", "gallery", "mapframe",
          "maplink", "charinsert", "templatestyles", "indicator", "dynamicpagelist", "rss", "quiz"};
}

std::string many_unclosed_tag_kinds(std::size_t n) {
  const auto names = tag_names();
  std::string s;
  s.reserve(n + 64);
  for (std::size_t i = 0; s.size() < n; ++i) s += "<" + names[i % names.size()] + ">x ";
  s.resize(n);
  return s;
}

std::vector<family> families() {
  using std::string;
  std::vector<family> f;
  const auto w = kind::wikitext;
  const auto p = kind::plaintext;
  f.push_back({"prose", w, "an ordinary article, repeated (the baseline)", [](std::size_t n) { return repeat(prose_unit, n); }});
  f.push_back({"open_templates", w, "\"{{\" repeated: millions of unclosed templates", [](std::size_t n) { return repeat("{{", n); }});
  f.push_back({"open_links", w, "\"[[\" repeated", [](std::size_t n) { return repeat("[[", n); }});
  f.push_back({"open_tables", w, "\"{|\\n\" repeated: unclosed tables", [](std::size_t n) { return repeat("{|\n", n); }});
  f.push_back({"nested_templates", w, "\"{{a|\" x k, then \"}}\" x k: deep but closed", [](std::size_t n) {
                 const std::size_t k = n / 6;
                 return repeat("{{a|", 4 * k) + "x" + repeat("}}", n - 4 * k - 1);
               }});
  f.push_back({"nested_links", w, "\"[[a|\" x k, then \"]]\" x k", [](std::size_t n) {
                 const std::size_t k = n / 6;
                 return repeat("[[a|", 4 * k) + "x" + repeat("]]", n - 4 * k - 1);
               }});
  f.push_back({"nested_tables", w, "\"{|\\n|\\n\" x k, then \"|}\\n\" x k", [](std::size_t n) {
                 const std::size_t k = n / 8;
                 return repeat("{|\n|\n", 5 * k) + repeat("|}\n", n - 5 * k);
               }});
  f.push_back({"unclosed_ref", w, "one \"<ref>\" then prose", [](std::size_t n) { return repeat(sentence_unit, n, "<ref>"); }});
  f.push_back({"unclosed_comment", w, "one \"<!--\" then prose", [](std::size_t n) { return repeat(sentence_unit, n, "<!--"); }});
  f.push_back({"unclosed_nowiki", w, "one \"<nowiki>\" then prose", [](std::size_t n) { return repeat(sentence_unit, n, "<nowiki>"); }});
  f.push_back({"many_open_refs", w, "\"<ref>x \" repeated", [](std::size_t n) { return repeat("<ref>x ", n); }});
  f.push_back({"many_open_comments", w, "\"<!-- x \" repeated", [](std::size_t n) { return repeat("<!-- x ", n); }});
  f.push_back({"many_open_nowikis", w, "\"<nowiki>x \" repeated", [](std::size_t n) { return repeat("<nowiki>x ", n); }});
  f.push_back({"many_open_tag_kinds", w, "26 kinds of unclosed opaque tags in turn", many_unclosed_tag_kinds});
  f.push_back({"open_tags_13_kinds", w, "12 kinds of unclosed tags once, then \"<quiz>x \" repeated", [](std::size_t n) {
                 return repeat("<quiz>x ", n, "<ref>x<nowiki>x<includeonly>x<pre>x<syntaxhighlight>x<source>x<math>x<score>x"
                                              "<timeline>x<graph>x<templatedata>x<hiero>x");
               }});
  f.push_back({"open_tags_in_cite", w, "unclosed <pre>s inside a {{cite web}} argument", [](std::size_t n) {
                 return repeat("<pre>a ", n, "In 1921.<ref>{{cite web|title=", "}}</ref>");
               }});
  f.push_back({"long_line", w, "one line: dated sentences, no line break", [](std::size_t n) { return repeat(sentence_unit, n); }});
  f.push_back({"long_line_markup", w, "one line of links, bold and refs", [](std::size_t n) {
                 return repeat("In 1921 '''[[Lindmoor|the town]]''' grew.<ref>x</ref> ", n);
               }});
  f.push_back({"quotes", w, "a run of '", [](std::size_t n) { return repeat("'", n); }});
  f.push_back({"equals", w, "a run of = on one line", [](std::size_t n) { return repeat("=", n); }});
  f.push_back({"equals_lines", w, "lines of 999 '=' (heading-like)", [](std::size_t n) { return repeat(string(999, '=') + "\n", n); }});
  f.push_back({"pipes", w, "a run of |", [](std::size_t n) { return repeat("|", n); }});
  f.push_back({"pipes_in_template", w, "{{x followed by a run of |", [](std::size_t n) { return repeat("|", n, "{{x", "}}"); }});
  f.push_back({"named_refs", w, "<ref name=rN>..</ref> definitions and reuses", named_refs});
  f.push_back({"ref_reuses", w, "one named ref, reused everywhere", [](std::size_t n) {
                 return repeat("In 1921 it grew.<ref name=a/> ", n, "Start.<ref name=a>Source</ref>\n");
               }});
  f.push_back({"unresolved_reuses", w, "reuses of names never defined", [](std::size_t n) {
                 std::string s;
                 s.reserve(n + 32);
                 for (std::size_t i = 0; s.size() < n; ++i) s += "x<ref name=u" + std::to_string(i) + "/> ";
                 s.resize(n);
                 return s;
               }});
  f.push_back({"refs_one_sentence", w, "one dated sentence followed by a run of <ref>s", [](std::size_t n) {
                 return repeat("<ref>x</ref>", n, "In 1921 the town grew");
               }});
  f.push_back({"dates_refs_one_sentence", w, "\"in 1921<ref>a</ref>, \" repeated, no sentence end", [](std::size_t n) {
                 return repeat("in 1921<ref>a</ref>, ", n);
               }});
  f.push_back({"dates_one_sentence", w, "\"on 3 May 1921, \" repeated, no sentence end", [](std::size_t n) {
                 return repeat("on 3 May 1921, ", n);
               }});
  f.push_back({"relative_dates", w, "\"Two days later, \" repeated after one date", [](std::size_t n) {
                 return repeat("Two days later the next day. ", n, "On 3 May 1921 it began. ");
               }});
  f.push_back({"cite_many_args", w, "one {{cite book}} with a huge number of authors", cite_many_args});
  f.push_back({"many_categories", w, "category links, half of them repeats in other spellings", many_categories});
  f.push_back({"one_category", w, "one category linked over and over", [](std::size_t n) {
                 return repeat("[[Category:Towns_in_Foo]]\n", n);
               }});
  f.push_back({"many_headings", w, "\"== 1921 ==\\nx\\n\" repeated", [](std::size_t n) { return repeat("== 1921 ==\nx\n", n); }});
  f.push_back({"deep_lists", w, "lines of 200 list markers", [](std::size_t n) { return repeat(string(100, '*') + string(100, '#') + " In 1921.\n", n); }});
  f.push_back({"entities", w, "character references, good and bad", [](std::size_t n) {
                 return repeat("&amp;&ndash;&#8211;&#x2013;&bogus;& &#99999999999; ", n);
               }});
  f.push_back({"open_external_links", w, "\"[http://x \" repeated", [](std::size_t n) { return repeat("[http://example.org/a ", n); }});
  f.push_back({"invalid_utf8", w, "invalid UTF-8 among dates", invalid_utf8});
  f.push_back({"nul_bytes", w, "NUL bytes in prose", with_nuls});
  f.push_back({"bom", w, "a BOM, then an article", [](std::size_t n) { return repeat(prose_unit, n, "\xEF\xBB\xBF"); }});
  f.push_back({"boms", w, "BOMs between all the words", [](std::size_t n) { return repeat("\xEF\xBB\xBFIn\xEF\xBB\xBF 1921\xEF\xBB\xBF ", n); }});
  f.push_back({"crlf", w, "an article with CRLF line ends", [](std::size_t n) {
                 string u(prose_unit);
                 string out;
                 for (char c : u) out += c == '\n' ? string("\r\n") : string(1, c);
                 return repeat(out, n);
               }});
  f.push_back({"lone_cr", w, "an article with CR line ends", [](std::size_t n) {
                 string u(prose_unit);
                 std::replace(u.begin(), u.end(), '\n', '\r');
                 return repeat(u, n);
               }});
  f.push_back({"auto_prose", kind::auto_detect, "an article, format detected", [](std::size_t n) { return repeat(prose_unit, n); }});
  f.push_back({"pt_prose", p, "plain text: wrapped prose", plain_prose});
  f.push_back({"pt_short_lines", p, "plain text: N MB of short lines", [](std::size_t n) { return repeat("Ab cd\n", n); }});
  f.push_back({"pt_heading_like", p, "plain text: short lines between blank lines", [](std::size_t n) {
                 return repeat("History\n\nIn 1921 it grew.\n\n", n);
               }});
  f.push_back({"pt_markers", p, "plain text: [1] markers", [](std::size_t n) { return repeat("[1]", n, "Title\n\nIn 1921"); }});
  f.push_back({"pt_marker_lines", p, "plain text: lines of a dated sentence and a marker", [](std::size_t n) {
                 return repeat("In 1921 it grew.[1]\n", n, "Title\n\n", "\nReferences\n\n1. ^ A source.\n");
               }});
  f.push_back({"pt_carets", p, "plain text: ^ entries", [](std::size_t n) { return repeat("^ a b c Source, 1921.\n", n, "Title\n\nReferences\n\n"); }});
  f.push_back({"pt_notes_and_refs", p, "plain text: a notes list and a reference list, both long", [](std::size_t n) {
                 const std::string half = repeat("^ A note on a point.\n", n / 2, "Notes\n\n");
                 return repeat("^ a b Source, 1921.\n", n, "Title - Wikipedia\n\nIn 1921.[1][a]\n\n" + half + "\nReferences\n\n");
               }});
  f.push_back({"pt_numbered_refs", p, "plain text: [n] markers and n. ^ entries", plaintext_numbered_refs});
  f.push_back({"pt_long_line", p, "plain text: one long line", [](std::size_t n) { return repeat(sentence_unit, n); }});
  f.push_back({"pt_crlf", p, "plain text with CRLF", [](std::size_t n) { return repeat("In 1921 it grew.\r\n\r\n", n); }});
  f.push_back({"pt_category_line", p, "plain text: one \"Category:\" line of many words", [](std::size_t n) {
    return repeat("a b c d ", n, "Title\n\nText.\n\nCategory: x ");
  }});
  f.push_back({"dump_huge_page", kind::dump, "a dump: one page with a huge text", dump_huge_page});
  f.push_back({"dump_tiny_pages", kind::dump, "a dump: many tiny pages", dump_tiny_pages});
  return f;
}

// ---- measuring -----------------------------------------------------------------------------

/// Parses `input` as `as` (a dump: reads every page and parses it); returns a number that
/// depends on the result, so that nothing is optimized away.
std::size_t parse_once(const std::string& input, kind as) {
  if (as == kind::dump) {
    std::size_t at = 0, total = 0;
    wikirel::dump_reader reader([&](char* buffer, std::size_t size) {
      const std::size_t n = std::min(size, input.size() - at);
      std::memcpy(buffer, input.data() + at, n);
      at += n;
      return n;
    });
    wikirel::dump_page page;
    while (reader.next(page)) total += wikirel::parse_page(page).sections().size();
    if (const auto* e = reader.error()) std::fprintf(stderr, "dump error: %s\n", e->message.c_str());
    return total;
  }
  wikirel::options o;
  o.format = as == kind::plaintext ? wikirel::format::plaintext
             : as == kind::wikitext ? wikirel::format::wikitext
                                    : wikirel::format::auto_detect;
  const auto a = wikirel::parse(input, o);
  return a.sections().size() + a.events().size() + a.citations().size() + a.diagnostics().size();
}

/// Resident and peak resident memory of this process in KiB (Linux), or 0.
long proc_status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(in, line))
    if (line.compare(0, n, key) == 0) return std::strtol(line.c_str() + n + 1, nullptr, 10);
  return 0;
}

/// Resets the peak-RSS mark (Linux >= 4.0); false when it cannot.
bool reset_peak() {
  std::ofstream out("/proc/self/clear_refs");
  if (!out) return false;
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

struct measurement {
  enum status_t : int { ok = 0, crashed = 1, hung = 2, failed = 3 } status = failed;
  int signal = 0;
  double seconds = 0;     ///< the best run
  int runs = 0;
  long input_kb = 0;      ///< the input's size
  long baseline_kb = 0;   ///< resident before the parse (input included)
  long peak_kb = 0;       ///< peak resident during the parses
};

constexpr int hang_seconds = 60;

/// Builds the input and times `runs` parses; in this process. `guard`: a parse that takes
/// longer than hang_seconds ends the process with SIGALRM (in a child only).
measurement measure_here(const std::function<std::string()>& make, kind as, int runs, bool guard) {
  (void)guard;
  measurement m;
  const std::string input = make();
  m.input_kb = static_cast<long>(input.size() / 1024);
  // With more than one run, the first is not timed: a fresh process touching memory it
  // never had pays for the pages (on a VM, a lot and unevenly), which is not the parser's.
  const int untimed = runs > 1 ? 1 : 0;
  for (int r = 0; r < runs + untimed; ++r) {
    const bool peak_reset = reset_peak();
    const long before = proc_status_kb("VmRSS:");
#if WIKIREL_HOSTILE_FORK
    if (guard) alarm(static_cast<unsigned>(hang_seconds));
#endif
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t sink = parse_once(input, as);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
#if WIKIREL_HOSTILE_FORK
    if (guard) alarm(0);
#endif
    const long peak = peak_reset ? proc_status_kb("VmHWM:") : 0;
    if (sink == static_cast<std::size_t>(-1)) std::puts("");  // keep the result alive
    m.peak_kb = std::max(m.peak_kb, peak);
    if (r < untimed && s <= hang_seconds / 3.0) continue;  // (a slow one counts: no second try)
    if (m.runs == 0 || s < m.seconds) m.seconds = s;
    if (m.runs == 0 || before < m.baseline_kb) m.baseline_kb = before;
    ++m.runs;
    if (s > hang_seconds / 3.0) break;  // slow enough: no need for a best of 3
  }
  m.status = measurement::ok;
  return m;
}

#if WIKIREL_HOSTILE_FORK
/// The same in a child process, with a hang limit per parse; a crash or hang is reported.
measurement measure(const std::function<std::string()>& make, kind as, int runs) {
  int fds[2];
  if (pipe(fds) != 0) return measure_here(make, as, runs, false);
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) return measure_here(make, as, runs, false);
  if (child == 0) {
    close(fds[0]);
    const measurement m = measure_here(make, as, runs, true);
    const ssize_t written = write(fds[1], &m, sizeof m);
    _exit(written == static_cast<ssize_t>(sizeof m) ? 0 : 3);
  }
  close(fds[1]);
  measurement m;
  const ssize_t got = read(fds[0], &m, sizeof m);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (WIFSIGNALED(status)) {
    m = measurement{};
    m.signal = WTERMSIG(status);
    m.status = m.signal == SIGALRM ? measurement::hung : measurement::crashed;
  } else if (got != static_cast<ssize_t>(sizeof m) || WEXITSTATUS(status) != 0) {
    m = measurement{};
    m.status = measurement::failed;
  }
  return m;
}
#else
measurement measure(const std::function<std::string()>& make, kind as, int runs) { return measure_here(make, as, runs, false); }
#endif

// ---- the report ----------------------------------------------------------------------------

struct settings {
  std::vector<double> sizes_mb{8, 16};
  int runs = 3;
  double max_ratio = 2.5;
  double max_memory = 16;  ///< peak growth over the input, as a multiple of the input
  bool can_grow = true;     ///< inputs can be made at twice the sizes (not so a --file)
  std::vector<std::string> only;
  std::string file;
  kind file_as = kind::auto_detect;
};

std::string show_measurement(const measurement& m) {
  char buf[64];
  switch (m.status) {
    case measurement::ok: std::snprintf(buf, sizeof buf, "%9.3f s", m.seconds); break;
    case measurement::hung: std::snprintf(buf, sizeof buf, "%11s", "HANG>60s"); break;
    case measurement::crashed: std::snprintf(buf, sizeof buf, "   CRASH(%d)", m.signal); break;
    case measurement::failed: std::snprintf(buf, sizeof buf, "%11s", "FAILED"); break;
  }
  return buf;
}

/// Below this many seconds at the larger size, timing noise decides the ratio (a quadratic
/// family takes far longer than this at 16 MB).
constexpr double too_fast_to_tell = 0.05;

/// Runs one family at every size; prints one row; true when it passes.
bool run_family(const std::string& name, kind as, const std::function<std::string(std::size_t)>& make, const settings& s) {
  const auto measure_sizes = [&](double scale) {
    std::vector<measurement> ms;
    for (double size_mb : s.sizes_mb) {
      const double mb = size_mb * scale;
      const auto bytes = static_cast<std::size_t>(mb * 1024 * 1024);
      ms.push_back(measure([&] { return make(bytes); }, as, s.runs));
      if (ms.back().status != measurement::ok) break;
    }
    return ms;
  };
  // How much longer the largest size took than the one before it, and what is allowed.
  const auto last_ratio = [](const std::vector<measurement>& ms) {
    return ms.back().seconds / std::max(ms[ms.size() - 2].seconds, 1e-6);
  };
  const double allowed = s.max_ratio * (s.sizes_mb.back() / s.sizes_mb[s.sizes_mb.size() - 2]) / 2;  // 2.5 a doubling
  const auto all_finished = [&](const std::vector<measurement>& ms) {
    if (ms.size() < 2 || ms.size() != s.sizes_mb.size()) return false;
    for (const measurement& m : ms)
      if (m.status != measurement::ok) return false;
    return true;
  };
  const auto too_slow = [&](const std::vector<measurement>& ms) {
    return all_finished(ms) && last_ratio(ms) > allowed && ms.back().seconds > too_fast_to_tell;
  };
  std::vector<measurement> ms = measure_sizes(1);
  bool again = false;
  if (too_slow(ms)) {
    // A shared machine slows down in bursts: a family that looks superlinear is measured
    // once more, and each size keeps its faster time. Real growth shows both times.
    const std::vector<measurement> second = measure_sizes(1);
    again = true;
    if (second.size() == ms.size())
      for (std::size_t i = 0; i < ms.size(); ++i)
        if (second[i].status == measurement::ok && second[i].seconds < ms[i].seconds) ms[i].seconds = second[i].seconds;
  }
  // Bursts can hit both measurements of one size. Growth that is real shows again at twice
  // the sizes (a quadratic family's ratio stays near 4 at every size); a burst does not
  // come back on cue. A family is called superlinear only when the larger pair agrees.
  std::string confirmation;
  bool unconfirmed = false;
  if (s.can_grow && too_slow(ms)) {
    const std::vector<measurement> larger = measure_sizes(2);
    char buf[96];
    if (all_finished(larger)) {
      unconfirmed = !too_slow(larger);
      std::snprintf(buf, sizeof buf, " (%s at twice the sizes: %.2fx)", unconfirmed ? "not" : "again", last_ratio(larger));
    } else {
      std::snprintf(buf, sizeof buf, " (twice the sizes did not finish)");
    }
    confirmation = buf;
  }
  std::printf("%-24s", name.c_str());
  bool ok = true;
  for (const measurement& m : ms) {
    std::printf(" %s", show_measurement(m).c_str());
    ok = ok && m.status == measurement::ok;
  }
  for (std::size_t i = ms.size(); i < s.sizes_mb.size(); ++i) std::printf(" %11s", "-");
  std::string verdict;
  if (ok && ms.size() >= 2) {
    const measurement& b = ms.back();
    const double ratio = last_ratio(ms);
    const long growth = b.peak_kb > 0 ? b.peak_kb - b.baseline_kb : -1;
    const double memory = growth >= 0 && b.input_kb > 0 ? static_cast<double>(growth) / static_cast<double>(b.input_kb) : -1;
    std::printf(" %7.2fx", ratio);
    if (b.peak_kb > 0) std::printf(" %8.1f MB %6.1fx", static_cast<double>(b.peak_kb) / 1024, memory);
    else std::printf(" %8s %7s", "?", "?");
    if (ratio > allowed && b.seconds > too_fast_to_tell && !unconfirmed) ok = false, verdict += " SUPERLINEAR";
    if (memory > s.max_memory) ok = false, verdict += " MEMORY";
  } else if (!ok) {
    verdict = ms.back().status == measurement::hung ? " HANG" : " CRASH";
  }
  std::printf("  %s%s%s\n", ok ? "ok" : ("FAIL" + verdict).c_str(), again ? " (measured twice)" : "", confirmation.c_str());
  std::fflush(stdout);
  return ok;
}

bool parse_kind(const std::string& s, kind& k) {
  if (s == "wikitext") k = kind::wikitext;
  else if (s == "plaintext") k = kind::plaintext;
  else if (s == "auto") k = kind::auto_detect;
  else if (s == "dump") k = kind::dump;
  else return false;
  return true;
}

int usage(int rc) {
  std::fputs(
      "usage: wikirel_hostile [--sizes MB,MB] [--runs N] [--max-ratio R] [--max-memory M]\n"
      "                       [--family NAME]... | --list | --file PATH [--format wikitext|plaintext|auto|dump]\n",
      rc == 0 ? stdout : stderr);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  settings s;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--sizes") {
      s.sizes_mb.clear();
      std::stringstream in(value());
      for (std::string part; std::getline(in, part, ',');) s.sizes_mb.push_back(std::atof(part.c_str()));
      if (s.sizes_mb.size() < 2) return usage(2);
    } else if (a == "--runs") {
      s.runs = std::max(1, std::atoi(value().c_str()));
    } else if (a == "--max-ratio") {
      s.max_ratio = std::atof(value().c_str());
    } else if (a == "--max-memory") {
      s.max_memory = std::atof(value().c_str());
    } else if (a == "--family") {
      s.only.push_back(value());
    } else if (a == "--file") {
      s.file = value();
    } else if (a == "--format") {
      if (!parse_kind(value(), s.file_as)) return usage(2);
    } else if (a == "--list") {
      list = true;
    } else if (a == "--help" || a == "-h") {
      return usage(0);
    } else {
      return usage(2);
    }
  }

  const std::vector<family> all = families();
  if (list) {
    for (const family& f : all) std::printf("%-24s %s\n", f.name, f.what);
    return 0;
  }

  std::printf("%-24s", "family");
  if (!s.file.empty()) std::printf(" %11s %11s", "first half", "whole");
  else
    for (double mb : s.sizes_mb) std::printf(" %8.3g MB", mb);
  std::printf(" %8s %11s %7s\n", "ratio", "peak RSS", "growth");

  if (!s.file.empty()) {
    std::ifstream in(s.file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", s.file.c_str());
      return 2;
    }
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    settings half = s;
    half.sizes_mb = {1, 2};
    half.can_grow = false;
    const bool ok = run_family(s.file, s.file_as, [&](std::size_t n) { return data.substr(0, n < 2 * 1024 * 1024 ? data.size() / 2 : data.size()); }, half);
    return ok ? 0 : 1;
  }

  int failures = 0;
  for (const family& f : all) {
    if (!s.only.empty() && std::find(s.only.begin(), s.only.end(), f.name) == s.only.end()) continue;
    if (!run_family(f.name, f.as, f.make, s)) ++failures;
  }
  std::printf("%d famil%s failed\n", failures, failures == 1 ? "y" : "ies");
  return failures == 0 ? 0 : 1;
}
