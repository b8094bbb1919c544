// wikirel_bench: how fast wikirel reads articles, and how much it allocates.
//
//   wikirel_bench [--repeat N] [--stage=structure|full|json|all] [--scaling] PATH...
//
// PATHs are files or directories of *.wiki / *.txt. The files are loaded into memory first.
// Before any timing, every file is parsed with the fast run-time paths (SSE2, memchr) and
// with the scalar paths constant evaluation uses, and the two articles must be equal (their
// JSON, which holds every field). Then each stage parses every file N times, the stages taking
// turns round by round (so all see the same spells of a noisy machine), and reports the best
// and the median round:
//   structure  sections and citations (options::events = false)
//   full       structure plus events (the default parse)
//   json       full plus the JSON text of each article
// and, with both structure and full, how much faster structure is: best over best, and the
// median of the ratios of rounds run next to each other.
// The last line has the form ../shared/peers/wtf_bench.mjs prints:
//   throughput: X MB/s (full parse, N articles, B bytes)

#include <wikirel/article.hpp>
#include <wikirel/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

// ---- a counting allocator: every byte the process allocates ----------------------------
// g++ sees free() on what operator new returned, inlined; here that pairing is the point.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {
std::atomic<std::uint64_t> allocated_bytes{0};
std::atomic<std::uint64_t> allocation_count{0};
}  // namespace

void* operator new(std::size_t n) {
  allocated_bytes.fetch_add(n, std::memory_order_relaxed);
  allocation_count.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  std::fputs("wikirel_bench: out of memory\n", stderr);
  std::abort();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

struct document {
  std::string name;
  std::string text;
  wikirel::format format;
};

bool load(const std::filesystem::path& path, std::vector<document>& docs) {
  const std::string ext = path.extension().string();
  if (ext != ".wiki" && ext != ".txt") return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "wikirel_bench: cannot read %s\n", path.string().c_str());
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  docs.push_back({path.filename().string(), std::move(s).str(),
                  ext == ".wiki" ? wikirel::format::wikitext : wikirel::format::plaintext});
  return true;
}

bool load_all(const std::vector<std::string>& paths, std::vector<document>& docs) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::directory_iterator(p)) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files)
        if (!load(f, docs)) return false;
    } else if (std::filesystem::exists(p, ec)) {
      if (!load(p, docs)) return false;
    } else {
      std::fprintf(stderr, "wikirel_bench: no such file or directory: %s\n", p.c_str());
      return false;
    }
  }
  return true;
}

wikirel::options options_for(const document& d, bool events) {
  wikirel::options o;
  o.format = d.format;
  o.events = events;
  o.title = d.name;
  return o;
}

/// Fast and scalar paths must give the same article: compare their JSON (every field).
bool check_paths_agree(const std::vector<document>& docs) {
  std::size_t bad = 0;
  for (const document& d : docs) {
    wikirel::detail::fast_paths_enabled = true;
    const std::string fast = wikirel::to_json(wikirel::parse(d.text, options_for(d, true)));
    wikirel::detail::fast_paths_enabled = false;
    const std::string scalar = wikirel::to_json(wikirel::parse(d.text, options_for(d, true)));
    wikirel::detail::fast_paths_enabled = true;
    if (fast != scalar) {
      std::fprintf(stderr, "wikirel_bench: %s: the fast and scalar paths disagree\n", d.name.c_str());
      ++bad;
    }
  }
  return bad == 0;
}

enum class stage { structure, full, json };

constexpr const char* stage_name(stage s) {
  return s == stage::structure ? "structure" : s == stage::full ? "full" : "json";
}

/// One round over every document; returns a checksum so the work cannot be optimised away.
std::size_t run_round(const std::vector<document>& docs, stage s, std::string& json) {
  std::size_t checksum = 0;
  for (const document& d : docs) {
    const wikirel::article a = wikirel::parse(d.text, options_for(d, s != stage::structure));
    checksum += a.sections().size() + a.citations().size() + a.events().size();
    if (s == stage::json) {
      json.clear();
      wikirel::append_json(a, json);
      checksum += json.size();
    }
  }
  return checksum;
}

struct timing {
  double best_seconds = 0;
  double median_seconds = 0;
  std::uint64_t allocated = 0;  ///< bytes allocated in one round
};

/// Times the stages in interleaved rounds (a round of each stage in turn, `repeat` times), so
/// that every stage sees the same spells of a noisy machine and their ratios mean something.
/// timings[k] sums up stages[k]; seconds[k][r] is its round r.
struct interleaved {
  std::vector<timing> timings;
  std::vector<std::vector<double>> seconds;
};

interleaved time_stages(const std::vector<document>& docs, const std::vector<stage>& stages, int repeat) {
  std::string json;
  json.reserve(1 << 20);
  interleaved out;
  out.timings.resize(stages.size());
  out.seconds.resize(stages.size());
  static volatile std::size_t sink = 0;
  for (int r = 0; r < repeat; ++r) {
    for (std::size_t k = 0; k < stages.size(); ++k) {
      const std::uint64_t before = allocated_bytes.load();
      const auto start = std::chrono::steady_clock::now();
      sink = sink + run_round(docs, stages[k], json);
      out.seconds[k].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (r == 0) out.timings[k].allocated = allocated_bytes.load() - before;
    }
  }
  for (std::size_t k = 0; k < stages.size(); ++k) {
    std::vector<double> sorted = out.seconds[k];
    std::sort(sorted.begin(), sorted.end());
    out.timings[k].best_seconds = sorted.front();
    out.timings[k].median_seconds = sorted[sorted.size() / 2];
  }
  return out;
}

timing time_stage(const std::vector<document>& docs, stage s, int repeat) {
  return time_stages(docs, {s}, repeat).timings.front();
}

/// The median over rounds of a[r] / b[r]: rounds next to each other in time, paired.
double median_paired_ratio(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> ratios;
  for (std::size_t r = 0; r < a.size() && r < b.size(); ++r) ratios.push_back(a[r] / b[r]);
  std::sort(ratios.begin(), ratios.end());
  return ratios.empty() ? 0 : ratios[ratios.size() / 2];
}

/// Time grows linearly with input: parse 1x, 2x and 4x concatenations of everything.
void scaling(const std::vector<document>& docs, int repeat) {
  std::string all;
  for (const document& d : docs)
    if (d.format == wikirel::format::wikitext) all += d.text + "\n";
  std::printf("scaling (full parse of one article made of all wikitext files, concatenated):\n");
  double previous = 0;
  for (int factor = 1; factor <= 4; factor *= 2) {
    std::string text;
    for (int i = 0; i < factor; ++i) text += all;
    const std::vector<document> one{{"concatenated", text, wikirel::format::wikitext}};
    const timing t = time_stage(one, stage::full, repeat);
    std::printf("  %dx  %10zu bytes  best %.4f s  %8.1f MB/s", factor, text.size(), t.best_seconds,
                static_cast<double>(text.size()) / 1e6 / t.best_seconds);
    if (previous > 0) std::printf("  time ratio to half the size %.2f", t.best_seconds / previous);
    std::printf("\n");
    previous = t.best_seconds;
  }
}

int usage() {
  std::fputs("usage: wikirel_bench [--repeat N] [--stage=structure|full|json|all] [--scaling] PATH...\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 10;
  std::vector<stage> stages{stage::structure, stage::full, stage::json};
  bool scale = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (a.rfind("--repeat=", 0) == 0) repeat = std::atoi(argv[i] + 9);
    else if (a == "--stage=structure") stages = {stage::structure};
    else if (a == "--stage=full") stages = {stage::full};
    else if (a == "--stage=json") stages = {stage::json};
    else if (a == "--stage=all") stages = {stage::structure, stage::full, stage::json};
    else if (a == "--scaling") scale = true;
    else if (!a.empty() && a[0] == '-') return usage();
    else paths.emplace_back(a);
  }
  if (paths.empty() || repeat < 1) return usage();
  std::vector<document> docs;
  if (!load_all(paths, docs)) return 1;
  std::size_t bytes = 0;
  for (const document& d : docs) bytes += d.text.size();
  if (docs.empty()) {
    std::fputs("wikirel_bench: no *.wiki or *.txt files\n", stderr);
    return 1;
  }
  if (!check_paths_agree(docs)) return 1;
  std::printf("wikirel_bench: %zu articles, %zu bytes; fast and scalar paths agree on every one\n", docs.size(), bytes);
  double full_rate = 0;
  const interleaved timed = time_stages(docs, stages, repeat);
  for (std::size_t k = 0; k < stages.size(); ++k) {
    const stage s = stages[k];
    const timing& t = timed.timings[k];
    const double rate = static_cast<double>(bytes) / 1e6 / t.best_seconds;
    std::printf("%-9s  %zu bytes  %zu articles  best %.4f s  median %.4f s  %8.1f MB/s  %9.0f articles/s  "
                "allocated %.3f bytes per input byte\n",
                stage_name(s), bytes, docs.size(), t.best_seconds, t.median_seconds, rate,
                static_cast<double>(docs.size()) / t.best_seconds,
                static_cast<double>(t.allocated) / static_cast<double>(bytes));
    if (s == stage::full) full_rate = rate;
  }
  const auto index_of = [&](stage s) {
    return static_cast<std::size_t>(std::find(stages.begin(), stages.end(), s) - stages.begin());
  };
  if (const std::size_t st = index_of(stage::structure), fu = index_of(stage::full); st < stages.size() && fu < stages.size())
    std::printf("structure/full speed: %.2f (best over best), %.2f (median of rounds paired in time)\n",
                timed.timings[fu].best_seconds / timed.timings[st].best_seconds,
                median_paired_ratio(timed.seconds[fu], timed.seconds[st]));
  if (scale) scaling(docs, repeat);
  if (full_rate > 0)
    std::printf("throughput: %.2f MB/s (full parse, %zu articles, %zu bytes)\n", full_rate, docs.size(), bytes);
  return 0;
}
