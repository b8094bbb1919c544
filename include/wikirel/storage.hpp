#ifndef WIKIREL_STORAGE_HPP
#define WIKIREL_STORAGE_HPP

// Where an article keeps what the parser found. The parser talks to a storage policy only
// through its `list` template (push_back, append, size, index), so the same parser fills a
// growing article (dynamic_storage) or one of fixed capacity that can be a constexpr
// variable (fixed_storage).

#include "detail/chunked_list.hpp"
#include "detail/chunked_text.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>

namespace wikirel {

/// The capacities of an article: what fixed_storage bounds and measure() reports.
enum class capacity : std::uint8_t { sections, events, citations, text, links };

constexpr std::string_view to_string(capacity c) noexcept {
  switch (c) {
    case capacity::sections: return "sections";
    case capacity::events: return "events";
    case capacity::citations: return "citations";
    case capacity::text: return "text";
    case capacity::links: return "links";
  }
  return "unknown";
}

namespace detail {

// Called only in constant evaluation when a fixed_storage capacity runs out. They are not
// constexpr on purpose: the compiler stops at the call and names the capacity.
inline void fixed_storage_capacity_exceeded_Sections() noexcept {}
inline void fixed_storage_capacity_exceeded_Events() noexcept {}
inline void fixed_storage_capacity_exceeded_Citations() noexcept {}
inline void fixed_storage_capacity_exceeded_TextBytes() noexcept {}
inline void fixed_storage_capacity_exceeded_Links() noexcept {}

template <capacity K>
constexpr void stop_compilation_on_overflow() noexcept {
  if constexpr (K == capacity::sections) fixed_storage_capacity_exceeded_Sections();
  if constexpr (K == capacity::events) fixed_storage_capacity_exceeded_Events();
  if constexpr (K == capacity::citations) fixed_storage_capacity_exceeded_Citations();
  if constexpr (K == capacity::text) fixed_storage_capacity_exceeded_TextBytes();
  if constexpr (K == capacity::links) fixed_storage_capacity_exceeded_Links();
}

/// A list of at most N items in place: a literal type when T is.
template <class T, std::size_t N, capacity K>
class fixed_list {
 public:
  using value_type = T;

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
  constexpr T& operator[](std::size_t i) noexcept { return items_[i]; }
  constexpr const T* data() const noexcept { return items_.data(); }
  constexpr T* begin() noexcept { return items_.data(); }
  constexpr T* end() noexcept { return items_.data() + size_; }
  constexpr const T* begin() const noexcept { return items_.data(); }
  constexpr const T* end() const noexcept { return items_.data() + size_; }
  constexpr T& back() noexcept { return items_[size_ - 1]; }
  constexpr bool push_back(const T& value) noexcept {
    if (size_ == N) return overflow();
    items_[size_++] = value;
    return true;
  }
  constexpr bool append(const T* first, std::size_t n) noexcept {
    if (N - size_ < n) return overflow();
    for (std::size_t i = 0; i < n; ++i) items_[size_++] = first[i];
    return true;
  }
  constexpr bool append(std::size_t n, const T& value) noexcept {
    if (N - size_ < n) return overflow();
    for (std::size_t i = 0; i < n; ++i) items_[size_++] = value;
    return true;
  }
  /// n more items to be written by the caller, contiguous; null when they do not fit.
  constexpr T* extend(std::size_t n) noexcept {
    if (N - size_ < n) {
      overflow();
      return nullptr;
    }
    T* out = items_.data() + size_;
    size_ += n;
    return out;
  }
  constexpr void truncate(std::size_t n) noexcept {
    if (n < size_) size_ = n;
  }
  constexpr void clear() noexcept { size_ = 0; }
  constexpr void reserve(std::size_t) noexcept {}
  constexpr std::size_t capacity() const noexcept { return N; }
  constexpr std::size_t allocated() const noexcept { return 0; }
  constexpr T* contiguous() noexcept { return items_.data(); }
  constexpr T* run_at(std::size_t i, std::size_t) noexcept { return items_.data() + i; }
  template <class F>
  constexpr void for_each_run(F f) const {
    if (size_ > 0) f(items_.data(), std::size_t{0}, size_);
  }
  template <class F>
  constexpr void for_each_run(F f) {
    if (size_ > 0) f(items_.data(), std::size_t{0}, size_);
  }
  // What the builder asks of a text arena (see chunked_text): one array needs no more.
  constexpr void keep_from(std::size_t) noexcept {}
  constexpr std::basic_string_view<T> view(std::size_t offset, std::size_t length) const noexcept {
    return std::basic_string_view<T>(items_.data() + offset, length);
  }

 private:
  constexpr bool overflow() noexcept {
    if (std::is_constant_evaluated()) stop_compilation_on_overflow<K>();
    return false;
  }
  std::array<T, N> items_{};
  std::size_t size_ = 0;
};

}  // namespace detail

/// The default policy: every list grows as needed, by chunks, never by copying what it
/// holds (a parse then allocates about what the article keeps).
struct dynamic_storage {
  static constexpr bool is_fixed = false;
  template <class T, capacity K>
  using list = std::conditional_t<K == capacity::text, detail::chunked_text<T>, detail::chunked_list<T>>;
};

/// Arrays of fixed capacity, so that an article is a literal type and can be parsed during
/// compilation:
///
///     static constexpr auto a = wikirel::parse<wikirel::fixed_storage<8, 16, 8, 2048>>(text);
///
/// `Links` bounds the small records: citation uses, authors, categories, parties, the
/// citations of each event and diagnostics (each list separately). Running out of any
/// capacity stops compilation in constant evaluation, naming it, and gives a
/// capacity_exceeded diagnostic at run time. wikirel::measure() tells what a text needs.
template <std::size_t Sections, std::size_t Events, std::size_t Citations, std::size_t TextBytes,
          std::size_t Links = Sections + Events + 4 * Citations + 16>
struct fixed_storage {
  static constexpr bool is_fixed = true;
  static constexpr std::size_t capacity_of(capacity k) noexcept {
    switch (k) {
      case capacity::sections: return Sections;
      case capacity::events: return Events;
      case capacity::citations: return Citations;
      case capacity::text: return TextBytes;
      case capacity::links: return Links;
    }
    return 0;
  }
  template <class T, capacity K>
  using list = detail::fixed_list<T, capacity_of(K), K>;
};

}  // namespace wikirel

#endif
