#ifndef WIKIREL_DETAIL_NAME_INDEX_HPP
#define WIKIREL_DETAIL_NAME_INDEX_HPP

// Finds a named citation ("<ref name=x />", a plain-text "[12]" marker) in constant time,
// so that thousands of named references stay linear. Open addressing over indices; the
// caller compares the keys, so the index stores no text.

#include "chars.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace wikirel::detail {

class name_index {
 public:
  static constexpr std::uint32_t empty_slot = 0xFFFFFFFFu;

  template <class CharT>
  static constexpr std::uint32_t hash(std::basic_string_view<CharT> group, std::basic_string_view<CharT> name) noexcept {
    std::uint32_t h = seed;
    for (CharT c : group) h = mix(h, byte_of(c));
    h = mix(h, 0xFFu);
    for (CharT c : name) h = mix(h, byte_of(c));
    return h;
  }

  /// The hash of a name whose white space does not count (see same_without_spaces).
  template <class CharT>
  static constexpr std::uint32_t hash_without_spaces(std::basic_string_view<CharT> name) noexcept {
    std::uint32_t h = mix(seed, 0xFEu);
    for (CharT c : name)
      if (!is_space(byte_of(c))) h = mix(h, byte_of(c));
    return h;
  }

  /// True when a and b differ in white space only.
  template <class CharT>
  static constexpr bool same_without_spaces(std::basic_string_view<CharT> a, std::basic_string_view<CharT> b) noexcept {
    std::size_t i = 0, j = 0;
    for (;;) {
      while (i < a.size() && is_space(byte_of(a[i]))) ++i;
      while (j < b.size() && is_space(byte_of(b[j]))) ++j;
      if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
      if (a[i++] != b[j++]) return false;
    }
  }

  /// The value stored under hash h for which same(value) holds, or empty_slot.
  template <class Same>
  constexpr std::uint32_t find(std::uint32_t h, Same same) const {
    if (slots_.empty()) return empty_slot;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == empty_slot) return empty_slot;
      if (hashes_[i] == h && same(slots_[i])) return slots_[i];
    }
  }

  constexpr void insert(std::uint32_t h, std::uint32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(h, value);
    ++count_;
  }

 private:
  static constexpr std::uint32_t seed = 2166136261u;  // FNV-1a
  static constexpr std::uint32_t mix(std::uint32_t h, unsigned char c) noexcept { return (h ^ c) * 16777619u; }

  constexpr void place(std::uint32_t h, std::uint32_t value) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i] != empty_slot) i = (i + 1) & mask;
    slots_[i] = value;
    hashes_[i] = h;
  }

  constexpr void grow() {
    std::vector<std::uint32_t> old_slots = static_cast<std::vector<std::uint32_t>&&>(slots_);
    std::vector<std::uint32_t> old_hashes = static_cast<std::vector<std::uint32_t>&&>(hashes_);
    const std::size_t size = old_slots.empty() ? 16 : old_slots.size() * 2;
    slots_.assign(size, empty_slot);
    hashes_.assign(size, 0);
    for (std::size_t i = 0; i < old_slots.size(); ++i)
      if (old_slots[i] != empty_slot) place(old_hashes[i], old_slots[i]);
  }

  std::vector<std::uint32_t> slots_;
  std::vector<std::uint32_t> hashes_;
  std::size_t count_ = 0;
};

}  // namespace wikirel::detail

#endif
