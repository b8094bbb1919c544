// Helpers shared by the test files: fixtures in tests/fixtures, the shared corpus beside
// the repository (../shared) when it is there.
#pragma once

#include <wikirel/article.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef WIKIREL_SOURCE_DIR
#define WIKIREL_SOURCE_DIR "."
#endif
#ifndef WIKIREL_SHARED_DIR
#define WIKIREL_SHARED_DIR WIKIREL_SOURCE_DIR "/../shared"
#endif

namespace wikirel_test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string fixture(std::string_view name) {
  const std::filesystem::path path = std::filesystem::path(WIKIREL_SOURCE_DIR) / "tests" / "fixtures" / name;
  REQUIRE_MESSAGE(std::filesystem::exists(path), "missing fixture " << path.string());
  return read_file(path);
}

inline std::filesystem::path shared_dir() { return std::filesystem::path(WIKIREL_SHARED_DIR); }
inline bool have_shared() { return std::filesystem::exists(shared_dir() / "corpus"); }

/// The files with the given extension in a directory, sorted.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir, std::string_view ext) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

template <class Article>
std::vector<std::string> headings(const Article& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sections())
    if (s.level() > 0) out.emplace_back(std::to_string(s.level()) + " " + std::string(s.heading()));
  return out;
}

template <class Article>
std::size_t total_uses(const Article& a) {
  std::size_t n = 0;
  for (const auto& c : a.citations()) n += c.uses().size();
  return n;
}

inline std::string_view sv(std::string_view s) { return s; }

}  // namespace wikirel_test
