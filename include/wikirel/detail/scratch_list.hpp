#ifndef WIKIREL_DETAIL_SCRATCH_LIST_HPP
#define WIKIREL_DETAIL_SCRATCH_LIST_HPP

// A short list whose first N entries live in place, the rest on the heap: the builder's
// per-section lists (where the text came from, where citation markers stood; most sections
// need a few dozen entries) and the chunk tables of the chunked lists. A parse then
// allocates nothing for them, where a vector would allocate its chain of doublings in
// every parse.

#include <array>
#include <cstddef>
#include <vector>

namespace wikirel::detail {

template <class T, std::size_t N>
class scratch_list {
 public:
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr void clear() noexcept { size_ = 0; }  // a spill keeps its memory for the next section

  constexpr const T& operator[](std::size_t i) const noexcept { return i < N ? in_place_[i] : spill_[i - N]; }
  constexpr T& operator[](std::size_t i) noexcept { return i < N ? in_place_[i] : spill_[i - N]; }
  constexpr const T& back() const noexcept { return (*this)[size_ - 1]; }
  constexpr T& back() noexcept { return (*this)[size_ - 1]; }
  constexpr void pop_back() noexcept { --size_; }

  constexpr void push_back(const T& value) {
    if (size_ < N) {
      in_place_[size_++] = value;
      return;
    }
    spill(value);
  }

 private:
  constexpr void spill(const T& value) {
    if (size_ - N < spill_.size()) spill_[size_ - N] = value;
    else spill_.push_back(value);
    ++size_;
  }

  std::array<T, N> in_place_{};
  std::vector<T> spill_;
  std::size_t size_ = 0;
};

}  // namespace wikirel::detail

#endif
