#ifndef WIKIREL_DETAIL_COLLECTION_HPP
#define WIKIREL_DETAIL_COLLECTION_HPP

// A read-only, random-access range of values made on demand from an owner and an index:
// an article's sections, events, citations and the like. Values are small handles or
// views, so the range never copies the article.

#include <cstddef>
#include <iterator>

namespace wikirel::detail {

/// Maker: a type with `owner_type`, `value_type` and
/// `static constexpr value_type make(const owner_type*, std::size_t index)`.
template <class Maker>
class collection {
 public:
  using owner_type = typename Maker::owner_type;
  using value_type = typename Maker::value_type;
  using size_type = std::size_t;

  class iterator {
   public:
    using iterator_concept = std::random_access_iterator_tag;
    using iterator_category = std::input_iterator_tag;
    using value_type = typename Maker::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = value_type;

    constexpr iterator() noexcept = default;
    constexpr iterator(const owner_type* owner, std::size_t index) noexcept
        : owner_(owner), index_(index) {}

    constexpr value_type operator*() const { return Maker::make(owner_, index_); }
    constexpr value_type operator[](difference_type n) const {
      return Maker::make(owner_, static_cast<std::size_t>(static_cast<difference_type>(index_) + n));
    }
    constexpr iterator& operator++() noexcept { return ++index_, *this; }
    constexpr iterator operator++(int) noexcept { return iterator(owner_, index_++); }
    constexpr iterator& operator--() noexcept { return --index_, *this; }
    constexpr iterator operator--(int) noexcept { return iterator(owner_, index_--); }
    constexpr iterator& operator+=(difference_type n) noexcept {
      index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
      return *this;
    }
    constexpr iterator& operator-=(difference_type n) noexcept { return *this += -n; }
    friend constexpr iterator operator+(iterator it, difference_type n) noexcept { return it += n; }
    friend constexpr iterator operator+(difference_type n, iterator it) noexcept { return it += n; }
    friend constexpr iterator operator-(iterator it, difference_type n) noexcept { return it -= n; }
    friend constexpr difference_type operator-(const iterator& a, const iterator& b) noexcept {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.index_ == b.index_;
    }
    friend constexpr auto operator<=>(const iterator& a, const iterator& b) noexcept {
      return a.index_ <=> b.index_;
    }

   private:
    const owner_type* owner_ = nullptr;
    std::size_t index_ = 0;
  };

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
