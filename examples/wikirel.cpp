// wikirel: read wiki articles (wikitext, plain text or MediaWiki XML dumps) and print their
// structure.
//
//   wikirel [--json] [--timeline] [--diagnostics] [--format=auto|wikitext|plaintext]
//           [--title=T] [--sample=plaintext|wikitext] [--namespace=N[,N…]] [--skip-redirects]
//           [--jobs=N] [--progress|--no-progress] [FILE... | -]
//
// Without a FILE it reads its built-in sample article. An XML dump (a file or stdin) is
// streamed page by page; its pages are parsed on --jobs threads and printed in dump order.
// Exit status: 0 when every input was read, 1 when an input could not be read or a dump was
// malformed (the other inputs are still processed), 2 for usage errors.

#include <wikirel/article.hpp>
#include <wikirel/dump.hpp>
#include <wikirel/json.hpp>

#include "sample_articles.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// ---- options ----------------------------------------------------------------------------

struct cli_options {
  bool json = false;
  bool timeline_only = false;
  bool diagnostics = false;
  wikirel::format format = wikirel::format::auto_detect;
  std::string title;
  std::string sample = "plaintext";
  std::set<long long> namespaces;  ///< empty: every namespace
  bool skip_redirects = false;
  unsigned jobs = 0;               ///< 0: one per core
  int progress = -1;               ///< -1: when stderr is a terminal
  std::vector<std::string> files;
};

constexpr std::string_view usage =
    "usage: wikirel [--json] [--timeline] [--diagnostics] [--format=auto|wikitext|plaintext]\n"
    "               [--title=T] [--sample=plaintext|wikitext] [--namespace=N[,N...]]\n"
    "               [--skip-redirects] [--jobs=N] [--progress|--no-progress] [FILE... | -]\n"
    "Reads wiki articles (wikitext, plain text, or MediaWiki XML dumps, also on stdin) and\n"
    "prints their structure: title, parties, sections with periods, citations and dated\n"
    "events. Without FILE it reads a built-in sample. --json prints one JSON object per\n"
    "article (or dump page) per line.\n";

bool usage_error(const std::string& message) {
  std::fprintf(stderr, "wikirel: %s\n%.*s", message.c_str(), static_cast<int>(usage.size()), usage.data());
  return false;
}

bool parse_format(std::string_view v, wikirel::format& f) {
  if (v == "auto") f = wikirel::format::auto_detect;
  else if (v == "wikitext") f = wikirel::format::wikitext;
  else if (v == "plaintext") f = wikirel::format::plaintext;
  else return false;
  return true;
}

bool parse_number(std::string_view v, long long& out) {
  if (v.empty()) return false;
  char* end = nullptr;
  const std::string s(v);
  errno = 0;
  out = std::strtoll(s.c_str(), &end, 10);
  return errno == 0 && end == s.c_str() + s.size();
}

bool parse_namespaces(std::string_view v, std::set<long long>& out) {
  while (!v.empty()) {
    const std::size_t comma = v.find(',');
    long long n = 0;
    if (!parse_number(v.substr(0, comma), n)) return false;
    out.insert(n);
    v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
  }
  return !out.empty();
}

/// "--name=value" or "--name value": the value, or false when the option is not `name`.
bool option_value(int argc, char** argv, int& i, std::string_view name, std::string& value) {
  const std::string_view a = argv[i];
  if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=') {
    value = std::string(a.substr(name.size() + 1));
    return true;
  }
  if (a == name && i + 1 < argc) {
    value = argv[++i];
    return true;
  }
  return false;
}

bool parse_arguments(int argc, char** argv, cli_options& o) {
  bool files_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    std::string v;
    long long n = 0;
    if (files_only || a == "-" || a.empty() || a[0] != '-') o.files.emplace_back(a);
    else if (a == "--") files_only = true;
    else if (a == "--json") o.json = true;
    else if (a == "--timeline") o.timeline_only = true;
    else if (a == "--diagnostics") o.diagnostics = true;
    else if (a == "--skip-redirects") o.skip_redirects = true;
    else if (a == "--progress") o.progress = 1;
    else if (a == "--no-progress") o.progress = 0;
    else if (option_value(argc, argv, i, "--format", v)) {
      if (!parse_format(v, o.format)) return usage_error("unknown format '" + v + "' (auto, wikitext or plaintext)");
    } else if (option_value(argc, argv, i, "--title", v)) {
      o.title = v;
    } else if (option_value(argc, argv, i, "--namespace", v)) {
      if (!parse_namespaces(v, o.namespaces)) return usage_error("bad namespace list '" + v + "'");
    } else if (option_value(argc, argv, i, "--jobs", v) || (a.rfind("-j", 0) == 0 && a.size() > 2 && (v = std::string(a.substr(2)), true))) {
      if (!parse_number(v, n) || n < 1 || n > 256) return usage_error("bad job count '" + v + "' (1 to 256)");
      o.jobs = static_cast<unsigned>(n);
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
  if (o.jobs == 0) o.jobs = std::max(1u, std::thread::hardware_concurrency());
  return true;
}

// ---- output of one article --------------------------------------------------------------

std::string period_text(const wikirel::period& p) {
  char b[16], e[16];
  if (p.open_begin) return "until " + std::string(e, p.end.to_chars(e));
  std::string s(b, p.begin.to_chars(b));
  if (p.open_end) s += "–present";
  else if (p.end != p.begin) s += "–" + std::string(e, p.end.to_chars(e));
  if (p.approximate) s = "c. " + s;
  return s;
}

void append(std::string& out, std::string_view s) { out.append(s.data(), s.size()); }

void timeline_text(const wikirel::article& a, std::string& out) {
  for (const auto& e : a.timeline()) {
    std::string line = "  " + period_text(e.when());
    if (line.size() < 26) line.resize(26, ' ');
    append(out, line);
    out.push_back(' ');
    append(out, e.expression());
    if (e.when().inferred) append(out, " (inferred)");
    append(out, " — §" + std::to_string(e.section().index()));
    for (const auto& c : e.citations()) append(out, " [" + std::to_string(c.id()) + "]");
    out.push_back('\n');
  }
}

void outline_text(const wikirel::article& a, std::string& out) {
  append(out, a.title());
  append(out, " (" + std::string(wikirel::to_string(a.format())) + ")\n");
  if (!a.parties().empty()) {
    append(out, "parties:");
    for (auto p : a.parties()) append(out, " [" + std::string(p) + "]");
    out.push_back('\n');
  }
  append(out, "sections:\n");
  for (const auto& s : a.sections()) {
    const int indent = s.level() <= 1 ? 1 : s.level();
    append(out, std::string(static_cast<std::size_t>(indent) * 2, ' '));
    append(out, s.index() == 0 ? std::string_view("(lead)") : s.heading());
    if (const auto p = s.period()) append(out, "  [" + period_text(*p) + "]");
    out.push_back('\n');
  }
  std::size_t uses = 0;
  for (const auto& c : a.citations()) uses += c.uses().size();
  append(out, "citations: " + std::to_string(a.citations().size()) + " (" + std::to_string(uses) + " uses)\n");
  if (!a.categories().empty()) append(out, "categories: " + std::to_string(a.categories().size()) + "\n");
  append(out, "timeline: " + std::to_string(a.events().size()) + " dated statements\n");
  timeline_text(a, out);
  if (!a.diagnostics().empty())
    append(out, "diagnostics: " + std::to_string(a.diagnostics().size()) + " (see --diagnostics)\n");
}

void diagnostics_text(const wikirel::article& a, const std::string& name, std::string& out) {
  for (const auto& d : a.diagnostics())
    append(out, name + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + std::string(d.message()) + "\n");
}

/// What one article prints: to stdout (`out`) and to stderr (`err`).
void render(const wikirel::article& a, const cli_options& o, const std::string& name, std::string_view json_prefix,
            std::string& out, std::string& err) {
  if (o.json) {
    wikirel::append_json(a, out, json_prefix);
    out.push_back('\n');
  } else if (o.timeline_only) {
    timeline_text(a, out);
  } else {
    outline_text(a, out);
  }
  if (o.diagnostics) diagnostics_text(a, name, err);
}

void write_out(const std::string& out, const std::string& err) {
  if (!out.empty()) std::fwrite(out.data(), 1, out.size(), stdout);
  if (!err.empty()) std::fwrite(err.data(), 1, err.size(), stderr);
}

/// A file name as a title: the stem, with '_' as space ("Cold_War.wiki" → "Cold War").
std::string title_from_path(const std::string& path) {
  if (path == "-") return {};
  std::string stem = std::filesystem::path(path).filename().string();
  if (const auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  for (char& c : stem)
    if (c == '_') c = ' ';
  return stem;
}

void process_article(const std::string& name, const std::string& text, const cli_options& o) {
  wikirel::options opts;
  opts.format = o.format;
  std::string title = o.title;
  const wikirel::format f = o.format == wikirel::format::auto_detect ? wikirel::detect_format(std::string_view(text)) : o.format;
  if (title.empty() && f == wikirel::format::wikitext) title = title_from_path(name);
  opts.title = title;
  std::string out, err;
  render(wikirel::parse(text, opts), o, name, {}, out, err);
  write_out(out, err);
}

// ---- dumps ------------------------------------------------------------------------------

/// The members a dump page adds to its JSON object, in front of the article's.
std::string page_prefix(const wikirel::dump_page& p) {
  std::string s = "\"ns\":" + std::to_string(p.ns) + ",\"id\":" + std::to_string(p.id) + ",\"redirect\":";
  if (p.is_redirect) wikirel::detail::append_json_string(s, std::string_view(p.redirect));
  else s += "null";
  return s;
}

void render_page(const wikirel::dump_page& page, const cli_options& o, const std::string& name, std::string& out,
                 std::string& err) {
  wikirel::options opts;
  opts.format = o.format;
  const wikirel::article a = wikirel::parse_page(page, opts);
  render(a, o, name + ":" + page.title, page_prefix(page), out, err);
}

/// "pages 1200, 35.2 MB, 80.1 MB/s, 12%, ETA 0:42" on one refreshed stderr line.
class progress_line {
 public:
  progress_line(bool on, std::uint64_t total) : on_(on), total_(total), start_(clock::now()), last_(start_) {}
  void update(std::uint64_t pages, std::uint64_t bytes, bool final = false) {
    if (!on_) return;
    const auto now = clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\rpages %llu, %.1f MB, %.1f MB/s", static_cast<unsigned long long>(pages), mb, rate);
    if (total_ > 0 && n > 0 && n < static_cast<int>(sizeof line)) {
      const double done = static_cast<double>(bytes) / static_cast<double>(total_);
      const double eta = done > 0 ? seconds * (1 - done) / done : 0;
      n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%, ETA %d:%02d", done * 100,
                         static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    }
    std::fprintf(stderr, "%s\x1b[K%s", line, final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  bool on_;
  std::uint64_t total_;
  clock::time_point start_, last_;
};

/// Parses pages on worker threads and hands their output back in dump order. The queue
/// of pages and the window of results are bounded, so memory stays a few pages per job.
class ordered_pool {
 public:
  ordered_pool(unsigned jobs, const cli_options& o, std::string name) : o_(o), name_(std::move(name)), limit_(jobs * 8) {
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
  }
  ~ordered_pool() { finish(); }

  /// Queues a page (waits while the window is full) and writes what is ready.
  void submit(wikirel::dump_page&& page) {
    std::unique_lock lock(mutex_);
    for (flush(lock); results_.size() >= limit_; flush(lock)) done_ready_.wait(lock);
    results_.emplace_back();
    pending_.push_back({next_++, std::move(page)});
    work_ready_.notify_one();
    flush(lock);
  }

  /// Waits for every queued page and writes the rest.
  void finish() {
    {
      std::unique_lock lock(mutex_);
      done_ready_.wait(lock, [&] { return pending_.empty() && busy_ == 0; });
      flush(lock);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

 private:
  struct job {
    std::uint64_t sequence;
    wikirel::dump_page page;
  };
  struct result {
    std::string out, err;
    bool ready = false;
  };

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;
      job j = std::move(pending_.front());
      pending_.pop_front();
      ++busy_;
      lock.unlock();
      result r;
      render_page(j.page, o_, name_, r.out, r.err);
      r.ready = true;
      lock.lock();
      results_[j.sequence - first_] = std::move(r);
      --busy_;
      done_ready_.notify_all();
    }
  }

  /// Writes the finished results at the front of the window (the caller holds the lock).
  void flush(std::unique_lock<std::mutex>&) {
    while (!results_.empty() && results_.front().ready) {
      write_out(results_.front().out, results_.front().err);
      results_.pop_front();
      ++first_;
    }
  }

  const cli_options& o_;
  std::string name_;
  std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable work_ready_, done_ready_;
  std::deque<job> pending_;
  std::deque<result> results_;  ///< results_[i] is page first_ + i
  std::uint64_t first_ = 0, next_ = 0;
  unsigned busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

bool wanted(const wikirel::dump_page& p, const cli_options& o) {
  if (o.skip_redirects && p.is_redirect) return false;
  return o.namespaces.empty() || o.namespaces.count(p.ns) > 0;
}

/// Streams a dump: `head` holds the bytes already read to detect it; the rest comes
/// from `in`.
bool process_dump(const std::string& name, std::string head, std::istream& in, std::uint64_t total, const cli_options& o) {
  std::size_t head_used = 0;
  wikirel::dump_reader reader([&](char* buffer, std::size_t size) -> std::size_t {
    if (head_used < head.size()) {
      const std::size_t n = std::min(size, head.size() - head_used);
      std::memcpy(buffer, head.data() + head_used, n);
      head_used += n;
      return n;
    }
    in.read(buffer, static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in.gcount());
  });
  progress_line progress(o.progress == 1 || (o.progress == -1 && isatty(2)), total);
  std::uint64_t pages = 0;
  wikirel::dump_page page;
  if (o.jobs <= 1) {
    while (reader.next(page)) {
      progress.update(++pages, reader.bytes_read());
      if (!wanted(page, o)) continue;
      std::string out, err;
      render_page(page, o, name, out, err);
      write_out(out, err);
    }
  } else {
    ordered_pool pool(o.jobs, o, name);
    while (reader.next(page)) {
      progress.update(++pages, reader.bytes_read());
      if (wanted(page, o)) pool.submit(std::move(page));
      page = wikirel::dump_page{};
    }
    pool.finish();
  }
  progress.update(pages, reader.bytes_read(), true);
  std::fflush(stdout);
  if (const wikirel::dump_error* e = reader.error()) {
    std::fprintf(stderr, "wikirel: %s: %s\n", name.c_str(), e->message.c_str());
    return false;
  }
  return true;
}

// ---- inputs -----------------------------------------------------------------------------

/// Reads one input: a dump is streamed, anything else is read whole and parsed.
bool process_input(const std::string& path, const cli_options& o) {
  std::ifstream file;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::fprintf(stderr, "wikirel: cannot read '%s': it is a directory\n", path.c_str());
      return false;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "wikirel: cannot read '%s': %s\n", path.c_str(), std::strerror(errno));
      return false;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    std::fprintf(stderr, "wikirel: cannot read '%s'\n", path.c_str());
    return false;
  }
  if (wikirel::looks_like_dump(head)) {
    std::error_code ec;
    const std::uint64_t total = path == "-" ? 0 : static_cast<std::uint64_t>(std::filesystem::file_size(path, ec));
    return process_dump(path, std::move(head), in, ec ? 0 : total, o);
  }
  std::string text = std::move(head);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    std::fprintf(stderr, "wikirel: cannot read '%s'\n", path.c_str());
    return false;
  }
  process_article(path, text, o);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  cli_options o;
  if (!parse_arguments(argc, argv, o)) return 2;
  if (o.files.empty()) {
    const bool wiki = o.sample == "wikitext";
    if (o.title.empty() && wiki) o.title = "Freedonia–Sylvania relations";
    process_article(wiki ? "sample.wiki" : "sample.txt", std::string(wiki ? wikirel_samples::wikitext : wikirel_samples::plaintext), o);
    return 0;
  }
  int status = 0;
  for (const std::string& path : o.files)
    if (!process_input(path, o)) status = 1;
  return status;
}
