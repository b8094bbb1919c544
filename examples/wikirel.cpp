// wikirel: read wiki articles (wikitext or plain text) and print their structure.
//
//   wikirel [--json] [--timeline] [--diagnostics] [--format=auto|wikitext|plaintext]
//           [--title=T] [--sample=plaintext|wikitext] [FILE... | -]
//
// Without a FILE it reads its built-in sample article. Exit status: 0 when every input was
// read, 1 when an input could not be read (the others are still processed), 2 for usage.

#include <wikirel/article.hpp>
#include <wikirel/json.hpp>

#include "sample_articles.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct cli_options {
  bool json = false;
  bool timeline_only = false;
  bool diagnostics = false;
  wikirel::format format = wikirel::format::auto_detect;
  std::string title;
  std::string sample = "plaintext";
  std::vector<std::string> files;
};

constexpr std::string_view usage =
    "usage: wikirel [--json] [--timeline] [--diagnostics] [--format=auto|wikitext|plaintext]\n"
    "               [--title=T] [--sample=plaintext|wikitext] [FILE... | -]\n"
    "Reads wiki articles (wikitext or plain text) and prints their structure: title,\n"
    "parties, sections with periods, citations and dated events. Without FILE it reads a\n"
    "built-in sample. --json prints one JSON object per article per line.\n";

bool usage_error(std::string_view message) {
  std::fprintf(stderr, "wikirel: %.*s\n%.*s", static_cast<int>(message.size()), message.data(),
               static_cast<int>(usage.size()), usage.data());
  return false;
}

bool parse_format(std::string_view v, wikirel::format& f) {
  if (v == "auto") f = wikirel::format::auto_detect;
  else if (v == "wikitext") f = wikirel::format::wikitext;
  else if (v == "plaintext") f = wikirel::format::plaintext;
  else return false;
  return true;
}

bool parse_arguments(int argc, char** argv, cli_options& o) {
  bool files_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (files_only || a == "-" || a.empty() || a[0] != '-') {
      o.files.emplace_back(a);
    } else if (a == "--") {
      files_only = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--timeline") {
      o.timeline_only = true;
    } else if (a == "--diagnostics") {
      o.diagnostics = true;
    } else if (a.rfind("--format=", 0) == 0) {
      if (!parse_format(a.substr(9), o.format)) return usage_error("unknown format '" + std::string(a.substr(9)) + "'");
    } else if (a.rfind("--title=", 0) == 0) {
      o.title = std::string(a.substr(8));
    } else if (a == "--sample" || a.rfind("--sample=", 0) == 0) {
      o.sample = a.size() > 9 ? std::string(a.substr(9)) : "plaintext";
      if (o.sample != "plaintext" && o.sample != "wikitext") return usage_error("unknown sample '" + o.sample + "'");
    } else if (a == "--help" || a == "-h") {
      std::fwrite(usage.data(), 1, usage.size(), stdout);
      std::exit(0);
    } else if (a == "--version") {
      std::printf("wikirel %d.%d.%d\n", wikirel::version_major, wikirel::version_minor, wikirel::version_patch);
      std::exit(0);
    } else {
      return usage_error("unknown option '" + std::string(a) + "'");
    }
  }
  return true;
}

bool read_input(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = std::move(buffer).str();
  return !in.bad();
}

/// A file name as a title: the stem, with '_' as space ("Cold_War.wiki" → "Cold War").
std::string title_from_path(const std::string& path) {
  if (path == "-") return {};
  std::string stem = path.substr(path.find_last_of('/') + 1);
  if (const auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  for (char& c : stem)
    if (c == '_') c = ' ';
  return stem;
}

std::string period_text(const wikirel::period& p) {
  char b[16], e[16];
  std::string s(b, p.begin.to_chars(b));
  if (p.open_end) return s + "–present";
  if (p.end != p.begin) s += "–" + std::string(e, p.end.to_chars(e));
  if (p.approximate) s = "c. " + s;
  return s;
}

void print_timeline(const wikirel::article& a) {
  for (const auto& e : a.timeline()) {
    std::string line = "  " + period_text(e.when());
    if (line.size() < 26) line.resize(26, ' ');
    std::printf("%s %.*s", line.c_str(), static_cast<int>(e.expression().size()), e.expression().data());
    if (e.when().inferred) std::printf(" (inferred)");
    std::printf(" — §%zu", e.section().index());
    for (const auto& c : e.citations()) std::printf(" [%zu]", c.id());
    std::printf("\n");
  }
}

void print_outline(const wikirel::article& a) {
  std::printf("%.*s (%s)\n", static_cast<int>(a.title().size()), a.title().data(),
              std::string(wikirel::to_string(a.format())).c_str());
  if (!a.parties().empty()) {
    std::printf("parties:");
    for (auto p : a.parties()) std::printf(" [%.*s]", static_cast<int>(p.size()), p.data());
    std::printf("\n");
  }
  std::printf("sections:\n");
  for (const auto& s : a.sections()) {
    const int indent = s.level() <= 1 ? 0 : s.level() - 1;
    const std::string_view heading = s.index() == 0 ? std::string_view("(lead)") : s.heading();
    std::printf("  %*s%.*s", indent * 2, "", static_cast<int>(heading.size()), heading.data());
    if (const auto p = s.period()) std::printf("  [%s]", period_text(*p).c_str());
    std::printf("\n");
  }
  std::size_t uses = 0;
  for (const auto& c : a.citations()) uses += c.uses().size();
  std::printf("citations: %zu (%zu uses)\n", a.citations().size(), uses);
  if (!a.categories().empty()) std::printf("categories: %zu\n", a.categories().size());
  std::printf("timeline: %zu dated statements\n", a.events().size());
  print_timeline(a);
  if (!a.diagnostics().empty()) std::printf("diagnostics: %zu (see --diagnostics)\n", a.diagnostics().size());
}

void print_diagnostics(const wikirel::article& a, const std::string& name) {
  for (const auto& d : a.diagnostics())
    std::fprintf(stderr, "%s:%u:%u: %.*s\n", name.c_str(), d.line, d.column, static_cast<int>(d.message().size()),
                 d.message().data());
}

void process(const std::string& name, const std::string& text, const cli_options& o, std::string& out) {
  wikirel::options opts;
  opts.format = o.format;
  std::string title = o.title;
  const wikirel::format f = o.format == wikirel::format::auto_detect ? wikirel::detect_format(std::string_view(text)) : o.format;
  if (title.empty() && f == wikirel::format::wikitext) title = title_from_path(name);
  opts.title = title;
  const wikirel::article a = wikirel::parse(text, opts);
  if (o.json) {
    out.clear();
    wikirel::append_json(a, out);
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else if (o.timeline_only) {
    print_timeline(a);
  } else {
    print_outline(a);
  }
  if (o.diagnostics) print_diagnostics(a, name);
}

}  // namespace

int main(int argc, char** argv) {
  cli_options o;
  if (!parse_arguments(argc, argv, o)) return 2;
  std::string out;
  if (o.files.empty()) {
    const std::string_view sample = o.sample == "wikitext" ? wikirel_samples::wikitext : wikirel_samples::plaintext;
    const std::string name = o.sample == "wikitext" ? "sample.wiki" : "sample.txt";
    if (o.title.empty() && o.sample == "wikitext") o.title = "Freedonia–Sylvania relations";
    process(name, std::string(sample), o, out);
    return 0;
  }
  int status = 0;
  for (const std::string& path : o.files) {
    std::string text;
    if (!read_input(path, text)) {
      std::fprintf(stderr, "wikirel: cannot read '%s': %s\n", path.c_str(), std::strerror(errno));
      status = 1;
      continue;
    }
    process(path, text, o, out);
  }
  return status;
}
