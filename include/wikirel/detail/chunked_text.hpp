#ifndef WIKIREL_DETAIL_CHUNKED_TEXT_HPP
#define WIKIREL_DETAIL_CHUNKED_TEXT_HPP

// The arena of a growing article: the text the parser derives (plain section bodies,
// headings, citation fields). It is most of what a parse allocates, so it never copies
// what it holds to grow: it adds a chunk instead. Text is addressed by offsets in one
// logical sequence, exactly as if the arena were one array, so a text_ref does not care
// which chunk holds its bytes. The one rule: a piece of text must be contiguous, so the
// builder says where the piece being written started (keep_from), and when a chunk fills
// up, only that open piece moves to the next chunk. Its offsets stay the same; the bytes
// it leaves behind in the old chunk are dead.

#include "compiler.hpp"
#include "scratch_list.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__) && !defined(WIKIREL_NO_SIMD)
#include <emmintrin.h>
#endif

namespace wikirel::detail {

/// Most runs of text are a few words: two overlapping moves of a fixed size copy any
/// length from 1 to 32 without a loop or a call (and never touch a byte outside).
template <class T>
void copy_short_units(const T* from, std::size_t n, T* to) noexcept {
  void* d = static_cast<void*>(to);
  const void* s = static_cast<const void*>(from);
  const auto move = [&](std::size_t at, auto width) {
    decltype(width) v;
    std::memcpy(&v, static_cast<const unsigned char*>(s) + at, sizeof v);
    std::memcpy(static_cast<unsigned char*>(d) + at, &v, sizeof v);
  };
  struct w16 { unsigned char b[16]; };
  if (n >= 16) {
    const w16 head = [&] { w16 v; std::memcpy(&v, s, 16); return v; }();
    move(n - 16, w16{});
    std::memcpy(d, &head, 16);
  } else if (n >= 8) {
    const std::uint64_t head = [&] { std::uint64_t v; std::memcpy(&v, s, 8); return v; }();
    move(n - 8, std::uint64_t{});
    std::memcpy(d, &head, 8);
  } else if (n >= 4) {
    const std::uint32_t head = [&] { std::uint32_t v; std::memcpy(&v, s, 4); return v; }();
    move(n - 4, std::uint32_t{});
    std::memcpy(d, &head, 4);
  } else if (n > 0) {
    const unsigned char a = from[0], b = from[n / 2], c = from[n - 1];
    to[0] = a, to[n / 2] = b, to[n - 1] = c;
  }
}

/// Copies n units to `to`, which does not overlap `from` (its objects constructed there in
/// constant evaluation, which has no memcpy).
template <class T>
constexpr void copy_units(const T* from, std::size_t n, T* to) noexcept {
  if (!std::is_constant_evaluated()) {
    if constexpr (sizeof(T) == 1) {
      if (n <= 32) return copy_short_units(from, n, to);
    }
    std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), n * sizeof(T));
    return;
  }
  for (std::size_t i = 0; i < n; ++i) std::construct_at(to + i, from[i]);
}

template <class T>
class chunked_text {
  static_assert(std::is_trivially_copyable_v<T>);

  struct chunk {
    T* data = nullptr;
    std::size_t base = 0;      ///< logical offset of data[0]
    std::size_t used = 0;      ///< live bytes from data[0]
    std::size_t capacity = 0;  ///< bytes allocated
  };

 public:
  using value_type = T;

  constexpr chunked_text() noexcept = default;
  constexpr chunked_text(const chunked_text& other) { copy_from(other); }
  constexpr chunked_text(chunked_text&& other) noexcept { steal(other); }
  constexpr chunked_text& operator=(const chunked_text& other) {
    if (this != &other) {
      release();
      copy_from(other);
    }
    return *this;
  }
  constexpr chunked_text& operator=(chunked_text&& other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  constexpr ~chunked_text() { release(); }

  /// The logical size: what a single array holding the same text would hold.
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  /// How far the text can grow before another chunk is needed.
  constexpr std::size_t capacity() const noexcept { return capacity_; }
  /// Bytes allocated and still held (dead bytes included).
  constexpr std::size_t allocated() const noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < chunks_.size(); ++i) n += chunks_[i].capacity * sizeof(T);
    return n;
  }

  /// The text from `offset` on is being written as one piece: it moves as a whole.
  constexpr void keep_from(std::size_t offset) noexcept { keep_ = offset; }

  constexpr std::basic_string_view<T> view(std::size_t offset, std::size_t length) const noexcept {
    if (chunks_.empty()) return {};
    const chunk& c = chunks_[find(offset)];
    const std::size_t used = used_in(c);
    const std::size_t at = offset - c.base < used ? offset - c.base : used;
    // A piece never spans chunks; clamping keeps a broken promise from reading outside.
    if (length > used - at) length = used - at;
    return std::basic_string_view<T>(c.data + at, length);
  }
  constexpr const T& operator[](std::size_t offset) const noexcept { return *at(offset); }
  constexpr T& operator[](std::size_t offset) noexcept { return *at(offset); }
  /// True when [p, p + n) lies in the live text of one chunk.
  constexpr bool holds(const T* p, std::size_t n) const noexcept {
    for (std::size_t i = 0; i < chunks_.size(); ++i)
      if (const chunk& c = chunks_[i]; c.data != nullptr && std::less_equal<const T*>()(c.data, p) &&
          std::less_equal<const T*>()(p + n, c.data + used_in(c)))
        return true;
    return false;
  }

  constexpr bool push_back(const T& value) {
    if (size_ == capacity_) grow(size_ + 1);
    std::construct_at(tail_ + (size_ - tail_base_), value);
    ++size_;
    return true;
  }
  WIKIREL_HOT_INLINE constexpr bool append(const T* first, std::size_t n) {
    if (capacity_ - size_ < n) grow(size_ + n);
    copy_units(first, n, tail_ + (size_ - tail_base_));
    size_ += n;
    return true;
  }
  /// Makes the text n units longer and returns where they go, contiguous, for the caller
  /// to write (all n). In constant evaluation they are made zeros first: storage from an
  /// allocator holds no objects until they are constructed.
  constexpr T* extend(std::size_t n) {
    if (capacity_ - size_ < n) grow(size_ + n);
    T* out = tail_ + (size_ - tail_base_);
    if (std::is_constant_evaluated())
      for (std::size_t i = 0; i < n; ++i) std::construct_at(out + i, T{});
    size_ += n;
    return out;
  }
  /// Room left before another chunk is needed.
  constexpr std::size_t spare() const noexcept { return capacity_ - size_; }
  /// Appends n <= 64 bytes by copying 64 (run time only): the caller promises that 64
  /// bytes at `first` can be read and that spare() >= 64. A fixed-size copy has no branch
  /// on the length, which varies from run to run and would be mispredicted.
  void append_up_to_64(const T* first, std::size_t n) noexcept {
    copy_64(tail_ + (size_ - tail_base_), first);
    size_ += n;
  }
  /// Drops the text from logical offset n on.
  constexpr void truncate(std::size_t n) noexcept {
    if (n >= size_) return;
    sync();
    while (chunks_.size() > 1 && last().base > n) {
      deallocate(last());
      chunks_.pop_back();
    }
    last().used = n - last().base;
    if (keep_ > n) keep_ = n;
    cache();
  }

  /// Makes room for the text to reach logical size n. The open piece moves to a new chunk
  /// sized so that it ends at n; nothing else is copied.
  constexpr void reserve(std::size_t n) {
    if (n <= capacity_) return;
    sync();
    const std::size_t end = size_;
    std::size_t from = keep_ < end ? keep_ : end;
    if (!chunks_.empty() && from < last().base) from = last().base;  // never reached by the builder
    chunk fresh;
    fresh.base = from;
    fresh.capacity = n - from;
    fresh.used = end - from;
    fresh.data = std::allocator<T>().allocate(fresh.capacity);
    if (fresh.used > 0) copy_units(last().data + (from - last().base), fresh.used, fresh.data);
    if (!chunks_.empty()) {
      last().used = from - last().base;
      if (last().used == 0) {  // nothing is left in it: give it back
        deallocate(last());
        chunks_.pop_back();
      }
    }
    chunks_.push_back(fresh);
    cache();
  }

 private:
  /// 64 units by vector moves. g++ compiles a memcpy of 64 bytes in some callers (those it
  /// takes for cold) to "rep movs", whose start-up cost is that of a mispredicted branch or
  /// two: a sixth of the time of showing a link's text.
  static void copy_64(T* to, const T* from) noexcept {
#if defined(__SSE2__) && !defined(WIKIREL_NO_SIMD)
    for (std::size_t k = 0; k < 4 * sizeof(T); ++k)
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to) + k, _mm_loadu_si128(reinterpret_cast<const __m128i*>(from) + k));
#else
    std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), 64 * sizeof(T));
#endif
  }

  /// Growth the builder did not plan (a byte at a time): by half the size again.
  constexpr void grow(std::size_t needed) {
    std::size_t next = capacity_ + capacity_ / 2;
    if (next < size_ + 64) next = size_ + 64;
    reserve(next < needed ? needed : next);
  }

  /// The last chunk's record of its live bytes, brought up to date from size_.
  constexpr void sync() noexcept {
    if (!chunks_.empty()) last().used = size_ - last().base;
  }
  /// The hot state, read again from the last chunk.
  constexpr void cache() noexcept {
    if (chunks_.empty()) {
      tail_ = nullptr;
      tail_base_ = size_ = capacity_ = 0;
      return;
    }
    tail_ = last().data;
    tail_base_ = last().base;
    size_ = last().base + last().used;
    capacity_ = last().base + last().capacity;
  }

  constexpr chunk& last() noexcept { return chunks_.back(); }
  constexpr const chunk& last() const noexcept { return chunks_.back(); }

  /// The chunk holding logical offset `offset`: the newest one that starts at or before it
  /// (an older chunk may still hold a dead copy of the same offsets).
  constexpr std::size_t find(std::size_t offset) const noexcept {
    std::size_t lo = 0, hi = chunks_.size();  // bases rise: the last one at or before offset
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      if (chunks_[mid].base <= offset) lo = mid; else hi = mid;
    }
    return lo;
  }
  constexpr T* at(std::size_t offset) const noexcept {
    if (offset >= tail_base_) return tail_ + (offset - tail_base_);
    const chunk& c = chunks_[find(offset)];
    return c.data + (offset - c.base);
  }
  /// The last chunk's live bytes end at size_; the chunk table learns it only on sync().
  constexpr std::size_t used_in(const chunk& c) const noexcept {
    return c.data == chunks_.back().data ? size_ - c.base : c.used;
  }

  static constexpr void deallocate(chunk& c) noexcept {
    if (c.data) std::allocator<T>().deallocate(c.data, c.capacity);
    c.data = nullptr;
  }

  /// A copy holds each chunk's live bytes only, at the same logical offsets.
  constexpr void copy_from(const chunked_text& other) {
    for (std::size_t i = 0; i < other.chunks_.size(); ++i) {
      const chunk& c = other.chunks_[i];
      const std::size_t used = other.used_in(c);
      if (used == 0 && i + 1 < other.chunks_.size()) continue;
      chunk mine{nullptr, c.base, used, used > 0 ? used : 1};
      mine.data = std::allocator<T>().allocate(mine.capacity);
      copy_units(c.data, used, mine.data);
      chunks_.push_back(mine);
    }
    cache();
    keep_ = size_;
  }
  constexpr void steal(chunked_text& other) noexcept {
    other.sync();
    chunks_ = static_cast<scratch_list<chunk, 6>&&>(other.chunks_);
    keep_ = other.keep_;
    cache();
    other.chunks_.clear();
    other.keep_ = 0;
    other.cache();
  }
  constexpr void release() noexcept {
    for (std::size_t i = 0; i < chunks_.size(); ++i) deallocate(chunks_[i]);
    chunks_.clear();
    keep_ = 0;
    cache();
  }

  scratch_list<chunk, 6> chunks_;  ///< the first six in place; an arena that needs more spills
  T* tail_ = nullptr;           ///< the last chunk, where text is written
  std::size_t tail_base_ = 0;   ///< its logical offset
  std::size_t size_ = 0;        ///< the logical size (the last chunk's `used` lags behind)
  std::size_t capacity_ = 0;    ///< the logical end of the last chunk
  std::size_t keep_ = 0;        ///< where the open piece starts
};

}  // namespace wikirel::detail

#endif
