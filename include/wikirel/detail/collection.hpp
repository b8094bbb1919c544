#ifndef WIKIREL_DETAIL_COLLECTION_HPP
#define WIKIREL_DETAIL_COLLECTION_HPP

// A read-only, random-access range of values made on demand from an owner and an index:
// an article's sections, events, citations and the like. Values are small handles or
// views, so the range never copies the article.

#include "index_iterator.hpp"

#include <cstddef>

namespace wikirel::detail {

/// Maker: a type with `owner_type`, `value_type` and
/// `static constexpr value_type make(const owner_type*, std::size_t index)`.
template <class Maker>
class collection {
 public:
  using owner_type = typename Maker::owner_type;
  using value_type = typename Maker::value_type;
  using size_type = std::size_t;

  /// Yields the value Maker makes for an index.
  struct access {
    static constexpr value_type get(const owner_type* owner, std::size_t index) { return Maker::make(owner, index); }
  };
  using iterator = index_iterator<const owner_type, access>;

  constexpr collection(const owner_type* owner, std::size_t first, std::size_t count) noexcept
      : owner_(owner), first_(first), size_(count) {}

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr value_type operator[](std::size_t i) const { return Maker::make(owner_, first_ + i); }
  constexpr value_type front() const { return (*this)[0]; }
  constexpr value_type back() const { return (*this)[size_ - 1]; }
  constexpr iterator begin() const noexcept { return iterator(owner_, first_); }
  constexpr iterator end() const noexcept { return iterator(owner_, first_ + size_); }

 private:
  const owner_type* owner_;
  std::size_t first_;
  std::size_t size_;
};

}  // namespace wikirel::detail

#endif
