#ifndef WIKIREL_DETAIL_CHUNKED_LIST_HPP
#define WIKIREL_DETAIL_CHUNKED_LIST_HPP

// A growing list of records (sections, events, citations) that never copies itself to
// grow: it adds a chunk. Records are addressed by index only, so they need not be
// contiguous, and growth that guessed low costs one more chunk rather than a copy of all
// that came before. What a parse allocates is then what the lists hold, not the chain of
// ever larger arrays a vector leaves behind.

#include "compiler.hpp"
#include "index_iterator.hpp"
#include "scratch_list.hpp"

#include <cstddef>
#include <memory>
#include <type_traits>

namespace wikirel::detail {

template <class T>
class chunked_list {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

  struct chunk {
    T* data = nullptr;
    std::size_t start = 0;     ///< index of data[0]
    std::size_t capacity = 0;  ///< records allocated
  };

  template <class List, class Ref>
  struct access {
    static constexpr Ref get(List* list, std::size_t index) noexcept { return (*list)[index]; }
  };

 public:
  using value_type = T;
  using iterator = index_iterator<chunked_list, access<chunked_list, T&>>;
  using const_iterator = index_iterator<const chunked_list, access<const chunked_list, const T&>>;

  constexpr chunked_list() noexcept = default;
  constexpr chunked_list(const chunked_list& other) { copy_from(other); }
  constexpr chunked_list(chunked_list&& other) noexcept { steal(other); }
  constexpr chunked_list& operator=(const chunked_list& other) {
    if (this != &other) {
      release();
      copy_from(other);
    }
    return *this;
  }
  constexpr chunked_list& operator=(chunked_list&& other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  constexpr ~chunked_list() { release(); }

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr std::size_t capacity() const noexcept { return capacity_; }
  constexpr std::size_t allocated() const noexcept { return capacity_ * sizeof(T); }

  constexpr const T& operator[](std::size_t i) const noexcept { return *slot(i); }
  constexpr T& operator[](std::size_t i) noexcept { return *slot(i); }
  constexpr T& back() noexcept { return (*this)[size_ - 1]; }
  constexpr const T& back() const noexcept { return (*this)[size_ - 1]; }
  /// The records as one array when they fit in one chunk (to sort them fast), else null.
  constexpr T* contiguous() noexcept { return chunks_.size() == 1 ? head_ : nullptr; }
  /// The records [i, i + n) as one array when one chunk holds them all, else null.
  constexpr T* run_at(std::size_t i, std::size_t n) noexcept {
    if (i + n <= head_capacity_) return head_ + i;
    if (i >= tail_start_) return tail_ + (i - tail_start_);
    if (i < head_capacity_) return nullptr;  // starts in the first chunk, runs past it
    const chunk& c = chunks_[chunk_of(i)];
    return i + n <= c.start + c.capacity ? c.data + (i - c.start) : nullptr;
  }
  /// Calls f(records, first index, count) for each chunk's run of records, in order; the
  /// records are writable when the list is.
  template <class F>
  constexpr void for_each_run(F f) const {
    each_run(f, [](T* data) { return static_cast<const T*>(data); });
  }
  template <class F>
  constexpr void for_each_run(F f) {
    each_run(f, [](T* data) { return data; });
  }
  constexpr iterator begin() noexcept { return iterator(this, 0); }
  constexpr iterator end() noexcept { return iterator(this, size_); }
  constexpr const_iterator begin() const noexcept { return const_iterator(this, 0); }
  constexpr const_iterator end() const noexcept { return const_iterator(this, size_); }

  constexpr bool push_back(const T& value) {
    if (size_ == capacity_) grow(size_ + 1);
    std::construct_at(slot(size_), value);
    ++size_;
    return true;
  }
  /// Keeps the first n records (they are trivially destructible: nothing to end).
  constexpr void truncate(std::size_t n) noexcept {
    if (n < size_) size_ = n;
  }
  /// Room for n records in all: a chunk of the missing ones, the rest untouched.
  constexpr void reserve(std::size_t n) {
    if (n <= capacity_) return;
    chunk c{std::allocator<T>().allocate(n - capacity_), capacity_, n - capacity_};
    chunks_.push_back(c);
    capacity_ = n;
    cache();
  }

 private:
  template <class F, class View>
  constexpr void each_run(F& f, View view) const {
    for (std::size_t k = 0; k < chunks_.size() && chunks_[k].start < size_; ++k) {
      const std::size_t end = chunks_[k].start + chunks_[k].capacity;
      f(view(chunks_[k].data), chunks_[k].start, (end < size_ ? end : size_) - chunks_[k].start);
    }
  }

  /// Where record i lives (constructed or not yet).
  WIKIREL_HOT_INLINE constexpr T* slot(std::size_t i) const noexcept {
    if (i < head_capacity_) return head_ + i;                // most lists have one chunk or two
    if (i >= tail_start_) return tail_ + (i - tail_start_);  // the newest records
    return in_middle(i);
  }
  constexpr T* in_middle(std::size_t i) const noexcept {
    const chunk& c = chunks_[chunk_of(i)];
    return c.data + (i - c.start);
  }
  /// The chunk holding index i, which is neither in the first chunk nor in the last.
  constexpr std::size_t chunk_of(std::size_t i) const noexcept {
    std::size_t lo = 0, hi = chunks_.size() - 1;
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      if (chunks_[mid].start <= i) lo = mid; else hi = mid;
    }
    return lo;
  }
  /// Growth nobody planned: half as much again. No floor: a small step costs no copy.
  constexpr void grow(std::size_t needed) {
    const std::size_t next = capacity_ + capacity_ / 2 + 4;
    reserve(next < needed ? needed : next);
  }
  /// A copy holds its records in one chunk, exactly as many as there are.
  constexpr void copy_from(const chunked_list& other) {
    if (other.size_ == 0) return;
    reserve(other.size_);
    for (std::size_t i = 0; i < other.size_; ++i) std::construct_at(chunks_[0].data + i, other[i]);
    size_ = other.size_;
  }
  constexpr void steal(chunked_list& other) noexcept {
    chunks_ = static_cast<scratch_list<chunk, 6>&&>(other.chunks_);
    size_ = other.size_;
    capacity_ = other.capacity_;
    cache();
    other.chunks_.clear();
    other.size_ = other.capacity_ = 0;
    other.cache();
  }
  constexpr void release() noexcept {
    for (std::size_t i = 0; i < chunks_.size(); ++i) std::allocator<T>().deallocate(chunks_[i].data, chunks_[i].capacity);
    chunks_.clear();
    size_ = capacity_ = 0;
    cache();
  }
  /// The first and last chunks, kept at hand for slot().
  constexpr void cache() noexcept {
    head_ = chunks_.empty() ? nullptr : chunks_[0].data;
    head_capacity_ = chunks_.empty() ? 0 : chunks_[0].capacity;
    tail_ = chunks_.empty() ? nullptr : chunks_.back().data;
    tail_start_ = chunks_.empty() ? 0 : chunks_.back().start;
  }

  scratch_list<chunk, 6> chunks_;  ///< the first six in place; a list that needs more spills
  T* head_ = nullptr;
  T* tail_ = nullptr;
  std::size_t head_capacity_ = 0;
  std::size_t tail_start_ = 0;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace wikirel::detail

#endif
