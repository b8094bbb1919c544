#ifndef WIKIREL_VERSION_HPP
#define WIKIREL_VERSION_HPP

/// The library version, kept in step with CMakeLists.txt's project(VERSION).
#define WIKIREL_VERSION_MAJOR 0
#define WIKIREL_VERSION_MINOR 1
#define WIKIREL_VERSION_PATCH 0

namespace wikirel {
inline constexpr int version_major = WIKIREL_VERSION_MAJOR;
inline constexpr int version_minor = WIKIREL_VERSION_MINOR;
inline constexpr int version_patch = WIKIREL_VERSION_PATCH;
}  // namespace wikirel

#endif
