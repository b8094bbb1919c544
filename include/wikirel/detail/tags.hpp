#ifndef WIKIREL_DETAIL_TAGS_HPP
#define WIKIREL_DETAIL_TAGS_HPP

// Reading an HTML or extension tag ("<ref name=x>", "</nowiki>", "<br/>") and finding the
// tag that closes one. Closing-tag searches are remembered, so that a thousand unclosed
// "<ref>"s cost one scan of the input, not a thousand.

#include "chars.hpp"
#include "scan.hpp"
#include "wikitext_names.hpp"

#include <cstddef>
#include <cstdint>

namespace wikirel::detail {

template <class C>
struct tag_info {
  const C* begin = nullptr;        ///< the '<'
  const C* end = nullptr;          ///< one past the '>'
  const C* attributes = nullptr;   ///< after the name
  const C* attributes_end = nullptr;
  folded_name name;
  tag_kind kind = tag_kind::unknown;
  bool closing = false;
  bool self_closing = false;
};

inline constexpr folded_name ref_tag_name = [] {
  folded_name n;
  n.text[0] = 'r', n.text[1] = 'e', n.text[2] = 'f';
  n.size = 3;
  return n;
}();

/// Reads the tag at p ('<'). False when the text there is not a tag MediaWiki knows. The
/// bytes up to `readable` (at or past end: the end of the input) may be read.
template <class C>
constexpr bool read_tag(const C* p, const C* end, const C* readable, tag_info<C>& t) noexcept {
  t.begin = p;
  const C* q = p + 1;
  t.closing = q < end && byte_of(*q) == '/';
  if (t.closing) ++q;
  const C* name = q;
  while (q < end && (is_alnum(byte_of(*q)))) ++q;
  if (q == name || !is_alpha(byte_of(*name))) return false;
  if (q < end && !is_space(byte_of(*q)) && byte_of(*q) != '/' && byte_of(*q) != '>') return false;
  if (q - name == 3 && equals_ci(name, 3, "ref")) {  // four tags in five: no folding, no table
    t.name = ref_tag_name;
    t.kind = tag_kind::ref;
  } else {
    t.name = fold_name(name, q, readable);
    t.kind = classify_tag(t.name);
  }
  if (t.kind == tag_kind::unknown) return false;
  t.attributes = q;
  // Attributes end at the first '>' outside quotes (a quote also ends at a line's end);
  // a tag never runs on for long.
  const C* limit = end - q > 4096 ? q + 4096 : end;
  using outside = byte_set<'>', '<', '"', '\''>;
  for (;;) {
    q = find_first_of<outside>(q, limit, readable);
    if (q >= limit || byte_of(*q) == '<') return false;
    if (byte_of(*q) == '>') break;
    const unsigned char quote = byte_of(*q);
    for (++q; q < limit && byte_of(*q) != quote && byte_of(*q) != '\n'; ++q) {
    }
    if (q < limit) ++q;
  }
  t.attributes_end = q;
  t.self_closing = q > t.attributes && byte_of(q[-1]) == '/';
  if (t.self_closing) --t.attributes_end;
  t.end = q + 1;
  return true;
}

/// Calls visit(name, name_end, value, value_end) for each attribute in [first, last), in
/// order (values quoted or bare, trimmed); stops early when visit returns false.
template <class C, class Visit>
constexpr void for_each_attribute(const C* first, const C* last, Visit&& visit) {
  const C* p = first;
  while (p < last) {
    p = skip_spaces(p, last);
    const C* name = p;
    while (p < last && !is_space(byte_of(*p)) && byte_of(*p) != '=' && byte_of(*p) != '/') ++p;
    const C* name_end = p;
    p = skip_spaces(p, last);
    if (p >= last || byte_of(*p) != '=') {
      if (p == name_end && p < last) ++p;  // a lone '/' or junk: step over it
      continue;
    }
    p = skip_spaces(p + 1, last);
    const C* v = p;
    const C* v_end = p;
    if (p < last && (byte_of(*p) == '"' || byte_of(*p) == '\'')) {
      const C quote = *p;
      v = ++p;
      while (p < last && *p != quote) ++p;
      v_end = p;
      if (p < last) ++p;
    } else {
      while (p < last && !is_space(byte_of(*p))) ++p;
      v_end = p;
    }
    trim(v, v_end);
    if (!visit(name, name_end, v, v_end)) return;
  }
}

/// The value of attribute `key` (lower case) in [first, last): quoted or bare.
template <class C>
constexpr bool find_attribute(const C* first, const C* last, std::string_view key, const C*& value,
                              const C*& value_end) noexcept {
  bool found = false;
  for_each_attribute(first, last, [&](const C* n, const C* n_end, const C* v, const C* v_end) {
    if (!equals_ci(n, static_cast<std::size_t>(n_end - n), key)) return true;
    value = v;
    value_end = v_end;
    found = true;
    return false;
  });
  return found;
}

/// Finds closing tags ("</ref>") and comment ends ("-->"), remembering earlier answers.
template <class C>
class closer_finder {
 public:
  constexpr explicit closer_finder(const C* end) noexcept : end_(end) {}

  /// The '<' of the first "</name ... >" at or after p before limit, and its end in
  /// `after`; limit when there is none.
  constexpr const C* closing_tag(const C* p, const C* limit, std::string_view name, const C*& after) noexcept {
    // A search is remembered with its limit: a fragment (a citation field) searches to its
    // own end, and must not reuse an answer found beyond it.
    slot* s = slot_for(name);
    if (s && s->valid && s->limit == limit && s->from <= p && p <= s->hit) {
      after = s->after;
      return s->hit;
    }
    const C* hit = search_closing(p, limit, name, after);
    if (s) {
      s->valid = true;
      s->limit = limit;
      s->from = p;
      s->hit = hit;
      s->after = after;
    }
    return hit;
  }

  /// The position just after the "-->" that ends a comment opened before p; null when the
  /// comment is never closed.
  constexpr const C* comment_end(const C* p) noexcept {
    // Remembered: the first "-->" at or after any p in [from, hit] is the one at hit.
    if (comment_.valid && comment_.from <= p && p <= comment_.hit)
      return comment_.hit == end_ ? nullptr : comment_.after;
    const C* q = p;
    for (;;) {
      q = find_byte(q, end_, '-');
      if (end_ - q < 3) {
        remember_comment(p, end_, nullptr);
        return nullptr;
      }
      if (byte_of(q[1]) == '-' && byte_of(q[2]) == '>') break;
      ++q;
    }
    remember_comment(p, q, q + 3);
    return q + 3;
  }

 private:
  // No member initializers: a finder is made for every template or ref that holds a tag,
  // and only the slots in use (below used_) are ever read.
  struct slot {
    char name[sizeof(folded_name::text)];
    std::size_t name_size;
    bool valid;
    const C* limit;
    const C* from;
    const C* hit;
    const C* after;
  };

  constexpr void remember_comment(const C* from, const C* hit, const C* after) noexcept {
    comment_.valid = true;
    comment_.from = from;
    comment_.hit = hit;
    comment_.after = after;
  }

  constexpr slot* slot_for(std::string_view name) noexcept {
    for (std::size_t i = 0; i < used_; ++i)
      if (std::string_view(slots_[i].name, slots_[i].name_size) == name) return &slots_[i];
    if (used_ < slots_count && name.size() <= sizeof(folded_name::text)) {
      slot& s = slots_[used_++];
      for (std::size_t i = 0; i < name.size(); ++i) s.name[i] = name[i];
      s.name_size = name.size();
      s.valid = false;
      return &s;
    }
    return nullptr;
  }

  constexpr const C* search_closing(const C* p, const C* limit, std::string_view name, const C*& after) const noexcept {
    for (;;) {
      p = find_byte(p, limit, '<');
      if (limit - p < 2) break;
      if (byte_of(p[1]) == '/' && starts_with_ci(p + 2, limit, name)) {
        const C* q = skip_spaces(p + 2 + name.size(), limit);
        if (q < limit && byte_of(*q) == '>') {
          after = q + 1;
          return p;
        }
      }
      ++p;
    }
    after = limit;
    return limit;
  }

  // One slot per tag name searched for: only the tags that hide their content are (about
  // thirty names), so every search is remembered and unclosed tags of many kinds still
  // cost one scan each.
  static constexpr std::size_t slots_count = 40;
  const C* end_;
  slot slots_[slots_count];
  std::size_t used_ = 0;
  /// The last search for a comment's end: a slot without a name, which a finder zeroes on
  /// every construction (the name's 48 bytes made that a "rep stos").
  struct remembered_comment {
    bool valid;
    const C* from;
    const C* hit;
    const C* after;
  };
  remembered_comment comment_{false, nullptr, nullptr, nullptr};
};

}  // namespace wikirel::detail

#endif
