#ifndef WIKIREL_DETAIL_INDEX_ITERATOR_HPP
#define WIKIREL_DETAIL_INDEX_ITERATOR_HPP

// A random-access iterator that is an owner and an index: what it yields is
// Access::get(owner, index). An article's collections yield handles made on demand (values:
// the iterator is an input iterator to the old categories and random access to C++20); a
// chunked list yields references to its records (random access in both, so std::sort
// takes it).

#include <compare>
#include <cstddef>
#include <iterator>
#include <type_traits>

namespace wikirel::detail {

template <class Owner, class Access>
class index_iterator {
 public:
  using reference = decltype(Access::get(static_cast<Owner*>(nullptr), std::size_t{}));
  using value_type = std::remove_cvref_t<reference>;
  using difference_type = std::ptrdiff_t;
  using iterator_concept = std::random_access_iterator_tag;
  using iterator_category = std::conditional_t<std::is_reference_v<reference>, std::random_access_iterator_tag,
                                               std::input_iterator_tag>;

  constexpr index_iterator() noexcept = default;
  constexpr index_iterator(Owner* owner, std::size_t index) noexcept : owner_(owner), index_(index) {}

  constexpr reference operator*() const { return Access::get(owner_, index_); }
  constexpr reference operator[](difference_type n) const { return *(*this + n); }
  constexpr index_iterator& operator++() noexcept { return ++index_, *this; }
  constexpr index_iterator operator++(int) noexcept { return index_iterator(owner_, index_++); }
  constexpr index_iterator& operator--() noexcept { return --index_, *this; }
  constexpr index_iterator operator--(int) noexcept { return index_iterator(owner_, index_--); }
  constexpr index_iterator& operator+=(difference_type n) noexcept {
    index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
    return *this;
  }
  constexpr index_iterator& operator-=(difference_type n) noexcept { return *this += -n; }
  friend constexpr index_iterator operator+(index_iterator it, difference_type n) noexcept { return it += n; }
  friend constexpr index_iterator operator+(difference_type n, index_iterator it) noexcept { return it += n; }
  friend constexpr index_iterator operator-(index_iterator it, difference_type n) noexcept { return it -= n; }
  friend constexpr difference_type operator-(const index_iterator& a, const index_iterator& b) noexcept {
    return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
  }
  friend constexpr bool operator==(const index_iterator& a, const index_iterator& b) noexcept {
    return a.index_ == b.index_;
  }
  friend constexpr auto operator<=>(const index_iterator& a, const index_iterator& b) noexcept {
    return a.index_ <=> b.index_;
  }

 private:
  Owner* owner_ = nullptr;
  std::size_t index_ = 0;
};

}  // namespace wikirel::detail

#endif
