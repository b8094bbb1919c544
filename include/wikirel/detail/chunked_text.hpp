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

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wikirel::detail {

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
  constexpr std::size_t size() const noexcept { return chunks_.empty() ? 0 : last().base + last().used; }
  constexpr bool empty() const noexcept { return size() == 0; }
  /// How far the text can grow before another chunk is needed.
  constexpr std::size_t capacity() const noexcept { return chunks_.empty() ? 0 : last().base + last().capacity; }
  /// Bytes allocated and still held (dead bytes included).
  constexpr std::size_t allocated() const noexcept {
    std::size_t n = 0;
    for (const chunk& c : chunks_) n += c.capacity * sizeof(T);
    return n;
  }

  /// The text from `offset` on is being written as one piece: it moves as a whole.
  constexpr void keep_from(std::size_t offset) noexcept { keep_ = offset; }

  constexpr std::basic_string_view<T> view(std::size_t offset, std::size_t length) const noexcept {
    const chunk* c = find(offset);
    if (c == nullptr) return {};
    const std::size_t at = offset - c->base < c->used ? offset - c->base : c->used;
    // A piece never spans chunks; clamping keeps a broken promise from reading outside.
    if (length > c->used - at) length = c->used - at;
    return std::basic_string_view<T>(c->data + at, length);
  }
  constexpr const T& operator[](std::size_t offset) const noexcept {
    const chunk* c = find(offset);
    return c->data[offset - c->base];
  }
  constexpr T& operator[](std::size_t offset) noexcept {
    const chunk* c = find(offset);
    return c->data[offset - c->base];
  }
  /// True when [p, p + n) lies in the live text of one chunk.
  constexpr bool holds(const T* p, std::size_t n) const noexcept {
    for (const chunk& c : chunks_)
      if (c.data != nullptr && std::less_equal<const T*>()(c.data, p) &&
          std::less_equal<const T*>()(p + n, c.data + c.used))
        return true;
    return false;
  }

  constexpr bool push_back(const T& value) {
    if (chunks_.empty() || last().used == last().capacity) grow(size() + 1);
    std::construct_at(last().data + last().used, value);
    ++last().used;
    return true;
  }
  constexpr bool append(const T* first, std::size_t n) {
    if (n == 0) return true;
    if (capacity() - size() < n) grow(size() + n);
    copy(first, n, last().data + last().used);
    last().used += n;
    return true;
  }
  /// Drops the text from logical offset n on.
  constexpr void truncate(std::size_t n) noexcept {
    while (chunks_.size() > 1 && last().base > n) {
      deallocate(last());
      chunks_.pop_back();
    }
    if (!chunks_.empty() && n < size()) last().used = n - last().base;
    if (keep_ > n) keep_ = n;
  }
  constexpr void clear() noexcept { truncate(0); }

  /// Makes room for the text to reach logical size n. The open piece moves to a new chunk
  /// sized so that it ends at n; nothing else is copied.
  constexpr void reserve(std::size_t n) {
    if (n <= capacity()) return;
    const std::size_t end = size();
    std::size_t from = keep_ < end ? keep_ : end;
    if (!chunks_.empty() && from < last().base) from = last().base;  // never reached by the builder
    chunk fresh;
    fresh.base = from;
    fresh.capacity = n - from;
    fresh.used = end - from;
    fresh.data = std::allocator<T>().allocate(fresh.capacity);
    if (fresh.used > 0) copy(last().data + (from - last().base), fresh.used, fresh.data);
    if (!chunks_.empty()) {
      last().used = from - last().base;
      if (last().used == 0) {  // nothing is left in it: give it back
        deallocate(last());
        chunks_.pop_back();
      }
    }
    chunks_.push_back(fresh);
  }

 private:
  /// Growth the builder did not plan (a byte at a time): by half the size again.
  constexpr void grow(std::size_t needed) {
    std::size_t next = capacity() + capacity() / 2;
    if (next < size() + 64) next = size() + 64;
    reserve(next < needed ? needed : next);
  }

  constexpr chunk& last() noexcept { return chunks_.back(); }
  constexpr const chunk& last() const noexcept { return chunks_.back(); }

  /// The chunk holding logical offset `offset`: the newest one that starts at or before it
  /// (an older chunk may still hold a dead copy of the same offsets).
  constexpr const chunk* find(std::size_t offset) const noexcept {
    for (std::size_t i = chunks_.size(); i-- > 0;)
      if (chunks_[i].base <= offset) return &chunks_[i];
    return nullptr;
  }

  static constexpr void copy(const T* from, std::size_t n, T* to) noexcept {
    if (!std::is_constant_evaluated() && n > 32) {  // short runs: the loop beats a call
      std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), n * sizeof(T));
      return;
    }
    for (std::size_t i = 0; i < n; ++i) std::construct_at(to + i, from[i]);
  }
  static constexpr void deallocate(chunk& c) noexcept {
    if (c.data) std::allocator<T>().deallocate(c.data, c.capacity);
    c.data = nullptr;
  }

  /// A copy holds each chunk's live bytes only, at the same logical offsets.
  constexpr void copy_from(const chunked_text& other) {
    chunks_.reserve(other.chunks_.size());
    for (const chunk& c : other.chunks_) {
      if (c.used == 0 && &c != &other.chunks_.back()) continue;
      chunk mine{nullptr, c.base, c.used, c.used > 0 ? c.used : 1};
      mine.data = std::allocator<T>().allocate(mine.capacity);
      copy(c.data, c.used, mine.data);
      chunks_.push_back(mine);
    }
    keep_ = size();
  }
  constexpr void steal(chunked_text& other) noexcept {
    chunks_ = static_cast<std::vector<chunk>&&>(other.chunks_);
    keep_ = other.keep_;
    other.chunks_.clear();
    other.keep_ = 0;
  }
  constexpr void release() noexcept {
    for (chunk& c : chunks_) deallocate(c);
    chunks_.clear();
    keep_ = 0;
  }

  std::vector<chunk> chunks_;
  std::size_t keep_ = 0;  ///< where the open piece starts
};

}  // namespace wikirel::detail

#endif
