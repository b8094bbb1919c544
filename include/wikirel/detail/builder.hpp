#ifndef WIKIREL_DETAIL_BUILDER_HPP
#define WIKIREL_DETAIL_BUILDER_HPP

// The one place an article is assembled. Both readers (wikitext, plain text) report what
// they find here: "a heading of level 2 starts here", "this run of the input is body
// text", "citation 3 is used here". The builder owns the storage policy, keeps the text of
// each section contiguous in the arena, maps it back to input offsets, and when a section
// ends hands its text to the event extractor.

#include "../basic_article.hpp"
#include "../options.hpp"
#include "chars.hpp"
#include "compiler.hpp"
#include "entities.hpp"
#include "events.hpp"
#include "name_index.hpp"
#include "scan.hpp"
#include "scratch_list.hpp"
#include "section_names.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wikirel::detail {

template <class CharT, class Storage>
class builder {
 public:
  using view_type = std::basic_string_view<CharT>;
  using data_type = article_data<CharT, Storage>;

  constexpr builder(basic_article<CharT, Storage>& article, view_type source, const options& opts)
      : d_(article.data_), opts_(opts) {
    d_.source = source;
    d_.text.reserve(source.size() / 8 + 64);  // make_room() grows it by projection
    d_.sections.reserve(source.size() / 8192 + 2);  // half the corpus's one in 4 KB: a low guess costs a chunk
    start_lead();
  }

  constexpr view_type source() const noexcept { return d_.source; }
  constexpr data_type& data() noexcept { return d_; }
  constexpr const options& opts() const noexcept { return opts_; }
  constexpr view_type resolve(text_ref r) const noexcept { return d_.resolve(r); }
  constexpr text_ref source_ref(const CharT* first, const CharT* last) const noexcept {
    return {static_cast<std::uint32_t>(first - d_.source.data()), static_cast<std::uint32_t>(last - first), false};
  }
  constexpr std::uint32_t offset_of(const CharT* p) const noexcept {
    return static_cast<std::uint32_t>(p - d_.source.data());
  }

  // ---- diagnostics --------------------------------------------------------------------

  constexpr void diagnose(diagnostic_kind kind, const char* message, std::size_t offset) {
    if (d_.diagnostics.size() >= max_diagnostics) {
      if (!too_many_) {
        too_many_ = true;
        push_diagnostic({diagnostic_kind::too_many_diagnostics, "too many diagnostics; the rest are dropped",
                         static_cast<std::uint32_t>(offset), 0, 0});
      }
      return;
    }
    push_diagnostic({kind, message, static_cast<std::uint32_t>(offset), 0, 0});
  }

  // ---- sections -----------------------------------------------------------------------

  /// A heading of `level` starts at `offset`; its text follows until end_heading().
  constexpr void begin_heading(int level, std::size_t offset) {
    finish_section();
    section_record s;
    s.level = static_cast<std::uint8_t>(level);
    s.offset = static_cast<std::uint32_t>(offset);
    s.parent = parent_for(level);
    if (!push(d_.sections, s)) {
      sections_full_ = true;
      return;
    }
    in_heading_ = true;
    start_output();
  }

  constexpr void end_heading() {
    in_heading_ = false;
    if (sections_full_) return;
    section_record& s = d_.sections.back();
    s.heading = in_input(finish_output());
    s.when = heading_period(resolve(s.heading));
    // Only the date work asks whether this is a reference list (whose dates are not events).
    skip_events_ = opts_.events && reference_like(current_section());
    start_output();
  }

  // ---- text ---------------------------------------------------------------------------

  /// A run of the input that is text as it stands (no line breaks inside).
  WIKIREL_HOT_INLINE constexpr void text(const CharT* first, const CharT* last) {
    if (first >= last || (sections_full_ && !in_fragment_)) return;
    if (drops_leading_space()) {  // else nothing is pending: the run goes on the text as it is
      while (first < last && is_space(byte_of(*first))) ++first;
      if (first == last) return;
      before_content(offset_of(first));
    }
    map_run(offset_of(first));
    note_read_within(offset_of(last));
    note_verbatim(offset_of(first));
    append_run(first, static_cast<std::size_t>(last - first));
  }

  /// Text that does not stand in the input as such (a decoded entity, a rendered
  /// template); it maps to [offset, offset + length) of the input.
  constexpr void synthesized(const CharT* first, std::size_t n, std::size_t offset, std::size_t length) {
    if (n == 0 || (sections_full_ && !in_fragment_)) return;
    if (drops_leading_space())
      while (n > 0 && is_space(byte_of(*first))) ++first, --n;
    if (n == 0) return;
    before_content(static_cast<std::uint32_t>(offset));
    map_synthesized(static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length));
    verbatim_ = false;
    append_arena(first, n);
  }

  constexpr void synthesized(std::string_view s, std::size_t offset, std::size_t length) {
    CharT buffer[64] = {};
    while (!s.empty()) {
      const std::size_t n = s.size() < 64 ? s.size() : 64;
      for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<CharT>(s[i]);
      synthesized(buffer, n, offset, length);
      s.remove_prefix(n);
    }
  }

  constexpr void code_point(char32_t cp, std::size_t offset, std::size_t length) {
    CharT buffer[4] = {};
    const int n = encode_utf8(cp, buffer);
    if (cp == ' ' || cp == 0xA0) return space();
    synthesized(buffer, static_cast<std::size_t>(n), offset, length);
  }

  /// White space between words (a line break inside a paragraph, a dropped template).
  constexpr void space() noexcept {
    if (pending_ < pending_space) pending_ = pending_space;
  }
  /// The end of a paragraph or list item.
  constexpr void line_break() noexcept {
    if (!in_heading_) pending_ = pending_line;
  }

  /// Where the next text will go, as an arena offset (for anchors).
  constexpr std::uint32_t output_position() const noexcept {
    return static_cast<std::uint32_t>(d_.text.size());
  }

  // ---- citations ----------------------------------------------------------------------

  /// The citation with this (group, key), made if there is none yet. The key is a ref's
  /// name, a short citation's arguments, a plain-text marker's label.
  constexpr std::uint32_t citation_keyed(text_ref group, text_ref key, std::size_t offset, citation_kind kind) {
    const view_type g = resolve(group), k = resolve(key);
    const std::uint32_t h = name_index::hash(g, k);
    const std::uint32_t found = names_.find(h, [&](std::uint32_t i) {
      return resolve(d_.citations[i].key) == k && resolve(d_.citations[i].group) == g;
    });
    if (found != name_index::empty_slot) return found;
    const std::uint32_t made = new_citation(kind, offset);
    if (made == none) return none;
    d_.citations[made].key = key;
    d_.citations[made].group = group;
    names_.insert(h, made);
    return made;
  }

  /// A short citation ({{sfn|Smith|2001|p=4}}) keyed by its arguments, made when new. As
  /// in MediaWiki, whose footnote name joins the trimmed arguments, white space does not
  /// count: {{sfn| Smith |2001|p=4}} is the same footnote.
  constexpr std::uint32_t short_citation_keyed(text_ref key, std::size_t offset) {
    const view_type k = resolve(key);
    const std::uint32_t h = name_index::hash_without_spaces(k);
    const std::uint32_t found = names_.find(h, [&](std::uint32_t i) {
      const citation_record& c = d_.citations[i];
      return c.kind == citation_kind::sfn && name_index::same_without_spaces(resolve(c.key), k);
    });
    if (found != name_index::empty_slot) return found;
    const std::uint32_t made = new_citation(citation_kind::sfn, offset);
    if (made == none) return none;
    d_.citations[made].key = key;
    names_.insert(h, made);
    return made;
  }

  /// The citation with this (group, key), or none.
  constexpr std::uint32_t find_citation(text_ref group, text_ref key) const {
    const view_type g = resolve(group), k = resolve(key);
    const std::uint32_t found = names_.find(name_index::hash(g, k), [&](std::uint32_t i) {
      return resolve(d_.citations[i].key) == k && resolve(d_.citations[i].group) == g;
    });
    return found == name_index::empty_slot ? none : found;
  }

  /// About n citations are about to be made (a plain-text reference list's entries).
  constexpr void expect_citations(std::size_t n) { d_.citations.reserve(d_.citations.size() + n); }

  /// A citation of its own (an unnamed <ref>).
  constexpr std::uint32_t new_citation(citation_kind kind, std::size_t offset) {
    citation_record c = blank<citation_record>();
    c.kind = kind;
    c.offset = static_cast<std::uint32_t>(offset);
    // No note_read(offset) here: a plain-text reference list makes its citations before
    // the body is read, and the read mark must follow the body.
    make_room(d_.citations, 1);
    if (!push(d_.citations, c)) return none;
    return static_cast<std::uint32_t>(d_.citations.size() - 1);
  }

  constexpr citation_record& citation(std::uint32_t i) noexcept { return d_.citations[i]; }

  /// Citation i is cited at `offset`; when `in_text`, events in the sentence there get it.
  constexpr void use(std::uint32_t i, std::size_t offset, bool in_text) {
    if (i == none) return;
    note_read(offset);
    make_room(d_.uses, 1);
    push(d_.uses, use_record{i, static_cast<std::uint32_t>(offset), current_section()});
    if (in_text && !in_heading_ && reads_events()) anchors_.push_back({output_position(), i});
  }

  constexpr bool add_author(std::uint32_t citation_index, text_ref author) {
    return add_author(d_.citations[citation_index], author);
  }
  constexpr bool add_author(citation_record& c, text_ref author) {
    if (c.author_count == 0) c.first_author = static_cast<std::uint32_t>(d_.strings.size());
    if (!push(d_.strings, author)) return false;
    ++c.author_count;
    return true;
  }

  // ---- derived text -------------------------------------------------------------------

  /// Text rendered outside the sections (a citation field): begin, then text(), then end.
  constexpr void begin_fragment() noexcept {
    fragment_saved_ = {output_start_, pending_, in_heading_};
    in_heading_ = true;  // no line breaks inside a field
    in_fragment_ = true;
    start_output();
  }
  constexpr text_ref end_fragment() noexcept {
    const text_ref r = in_input(finish_output());
    output_start_ = fragment_saved_.output_start;
    pending_ = fragment_saved_.pending;
    in_heading_ = fragment_saved_.in_heading;
    in_fragment_ = false;
    d_.text.keep_from(d_.text.size());  // the restored output is closed: nothing stays open
    return r;
  }

  constexpr std::uint32_t arena_size() const noexcept { return static_cast<std::uint32_t>(d_.text.size()); }
  /// Starts a piece of arena text outside the outputs (a citation's composed text): it
  /// must stay contiguous, so the arena keeps it together when it grows.
  constexpr std::uint32_t begin_run() noexcept {
    const std::uint32_t start = arena_size();
    if (body_done_ || at_output_start()) d_.text.keep_from(start);
    return start;
  }
  /// The most arena bytes held at once: what a fixed_storage's TextBytes must hold.
  constexpr std::size_t text_peak() const noexcept { return peak_ > d_.text.size() ? peak_ : d_.text.size(); }
  constexpr bool arena_push(CharT c) {
    make_room(d_.text, 1);  // the builder's growth policy, not the arena's own
    return push(d_.text, c);
  }
  /// Appends a run of the input: most are short and go by one fixed-size copy.
  WIKIREL_HOT_INLINE constexpr void append_run(const CharT* first, std::size_t n) {
    if constexpr (!Storage::is_fixed && sizeof(CharT) == 1) {
      if (!std::is_constant_evaluated() && n <= 64 && d_.text.spare() >= 64 &&
          d_.source.data() + d_.source.size() - first >= 64)
        return d_.text.append_up_to_64(first, n);
    }
    append_arena(first, n);
  }
  WIKIREL_HOT_INLINE constexpr void append_arena(const CharT* first, std::size_t n) {
    make_room(d_.text, n);
    if (!d_.text.append(first, n)) capacity_exceeded(capacity::text);
  }
  /// n more arena units, contiguous, for the caller to write (all n); null when a fixed
  /// arena has no room. Units written through a pointer, with the length known first, cost
  /// a store each: pushed one by one, each reloads the arena's state, which any byte
  /// written might alias.
  constexpr CharT* arena_extend(std::size_t n) {
    make_room(d_.text, n);
    CharT* out = d_.text.extend(n);
    if (!out) capacity_exceeded(capacity::text);
    return out;
  }
  constexpr text_ref arena_ref(std::uint32_t start) const noexcept {
    return {start, static_cast<std::uint32_t>(d_.text.size()) - start, true};
  }
  /// Appends a copy of r (which may itself be in the arena) to the arena.
  constexpr void copy_text(text_ref r) {
    if (!r.derived) return append_arena(d_.source.data() + r.offset, r.length);
    make_room(d_.text, r.length);  // one growth for the whole copy: the view below stays valid
    const view_type v = resolve(r);
    if (!d_.text.append(v.data(), v.size())) capacity_exceeded(capacity::text);
  }
  /// Copies text given by the caller into the arena. Called between outputs or before a
  /// section has text (the title from options, the labels of a plain-text reference list):
  /// the open section's text then starts after it.
  template <class C>
  constexpr text_ref derive(const C* first, std::size_t n) {
    const bool fresh_output = at_output_start();
    const std::uint32_t start = begin_run();
    for (std::size_t i = 0; i < n; ++i)
      if (!arena_push(static_cast<CharT>(first[i]))) break;
    if (fresh_output) {
      output_start_ = arena_size();
      d_.text.keep_from(output_start_);
    }
    return arena_ref(start);
  }

  // ---- article-level ------------------------------------------------------------------

  constexpr void set_format(wikirel::format f) noexcept { d_.format = f; }
  constexpr void set_title(text_ref t) noexcept { d_.title = t; }
  constexpr void add_party(text_ref t) { push(d_.parties, t); }
  constexpr bool has_parties() const noexcept { return !d_.parties.empty(); }
  constexpr void add_category(text_ref t) { push(d_.categories, t); }
  constexpr std::uint32_t current_section() const noexcept {
    return static_cast<std::uint32_t>(d_.sections.size() - 1);
  }

  /// Ends the last section: the body is read. What follows goes outside the sections.
  constexpr void end_body() {
    if (body_done_) return;
    finish_section();
    body_done_ = true;
  }

  /// Orders what needs ordering. Call once, at the end.
  constexpr void finish() {
    end_body();
    normalize_categories();
    index_uses();
    build_timeline();
    locate_diagnostics();
  }

 private:
  // ---- categories ---------------------------------------------------------------------

  /// Names categories the way MediaWiki does, so that one category is one name:
  /// "towns_in_Foo", " towns  in Foo" and "Towns in Foo" are all "Towns in Foo" (an
  /// underscore is a space, runs of spaces are one, the first letter is a capital, "&amp;"
  /// is "&"), and a
  /// category listed twice is kept once, where it first stood.
  constexpr void normalize_categories() {
    auto& cats = d_.categories;
    for (std::size_t i = 0; i < cats.size(); ++i)
      if (needs_normal_form(cats[i])) cats[i] = normal_form(cats[i]);
    std::size_t kept = 0;
    if (cats.size() <= 32) {  // the usual few: compare each with those kept, allocating nothing
      for (std::size_t i = 0; i < cats.size(); ++i) {
        bool seen = false;
        for (std::size_t k = 0; k < kept && !seen; ++k)
          seen = cats[k].length == cats[i].length && resolve(cats[k]) == resolve(cats[i]);
        if (!seen) cats[kept++] = cats[i];
      }
    } else {
      kept = dedupe_by_hash(cats);
    }
    cats.truncate(kept);
  }

  /// Whether a name is not yet as MediaWiki writes it. A vector search hops from space to
  /// space: a byte at a time cost 1% of a parse.
  constexpr bool needs_normal_form(text_ref r) const noexcept {
    const view_type v = resolve(r);
    if (v.empty()) return false;
    if (is_lower(byte_of(v[0]))) return true;
    const CharT* e = v.data() + v.size();
    const CharT* readable = r.derived ? e : d_.source.data() + d_.source.size();
    using marks = byte_set<'_', '&', ' '>;
    for (const CharT* p = find_first_of<marks>(v.data(), e, readable); p < e; p = find_first_of<marks>(p + 1, e, readable))
      if (*p != CharT(' ') || (e - p >= 2 && p[1] == CharT(' '))) return true;
    return false;
  }

  constexpr text_ref normal_form(text_ref r) {
    const std::uint32_t start = begin_run();
    make_room(d_.text, r.length);  // one growth for the whole copy: the view below stays valid
    const view_type v = resolve(r);
    bool space = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const CharT c = v[i] == CharT('_') ? CharT(' ') : v[i];
      if (c == CharT(' ')) {
        space = true;
        continue;
      }
      if (space && arena_size() > start) arena_push(CharT(' '));
      space = false;
      char32_t cp = 0;
      const std::size_t entity = c == CharT('&') ? decode_entity(v.data() + i, v.data() + v.size(), cp) : 0;
      if (entity > 0) {  // "Trade &amp; commerce"
        CharT buffer[4] = {};
        const int n = encode_utf8(cp, buffer);
        for (int k = 0; k < n; ++k) arena_push(buffer[k]);
        i += entity - 1;
        continue;
      }
      arena_push(arena_size() == start && is_lower(byte_of(c)) ? static_cast<CharT>(c - CharT('a') + CharT('A')) : c);
    }
    return arena_ref(start);
  }

  /// Many categories (a generated or hostile page): the kept ones go into a name_index, so
  /// that the work stays linear.
  template <class List>
  constexpr std::size_t dedupe_by_hash(List& cats) {
    name_index kept_names;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      const view_type v = resolve(cats[i]);
      const std::uint32_t h = name_index::hash(view_type{}, v);
      if (kept_names.find(h, [&](std::uint32_t k) { return resolve(cats[k]) == v; }) != name_index::empty_slot) continue;
      kept_names.insert(h, static_cast<std::uint32_t>(kept));
      cats[kept++] = cats[i];
    }
    return kept;
  }

  static constexpr std::size_t max_diagnostics = 1000;
  static constexpr std::uint32_t max_event_citations = 64;  ///< citations linked to one event
  enum : std::uint8_t { pending_none, pending_space, pending_line };

  struct checkpoint {
    std::uint32_t out = 0;     ///< arena offset where this stretch starts
    std::uint32_t src = 0;     ///< input offset it maps to
    std::uint32_t src_len = 0; ///< for synthesized text: the input it stands for; else 0
  };
  struct anchor {
    std::uint32_t out = 0;
    std::uint32_t citation = 0;
  };

  template <class T>
  static constexpr capacity capacity_for() noexcept {
    if constexpr (std::is_same_v<T, section_record>) return capacity::sections;
    else if constexpr (std::is_same_v<T, event_record>) return capacity::events;
    else if constexpr (std::is_same_v<T, citation_record>) return capacity::citations;
    else if constexpr (std::is_same_v<T, CharT>) return capacity::text;
    else return capacity::links;
  }

  /// The input has been read up to `offset` (what make_room projects from).
  constexpr void note_read(std::size_t offset) noexcept {
    if (offset > read_mark_ && offset <= d_.source.size()) read_mark_ = static_cast<std::uint32_t>(offset);
  }
  /// note_read for an offset known to lie in the input (the end of a run of it), without
  /// a branch: it is taken for every run of text.
  constexpr void note_read_within(std::uint32_t offset) noexcept {
    read_mark_ = offset > read_mark_ ? offset : read_mark_;
  }

  /// Grows a dynamic list to the size this article will likely need, projected from how
  /// much of the input has been read (the benchmark counts every byte allocated). Dynamic
  /// lists grow by chunks, so a low guess costs one chunk more, not a copy of the list:
  /// the guess is the density so far over the whole input and a sixteenth more (at least an
  /// eighth more than there is room for), but before an eighth of the input is read at most
  /// twice what there is (one early ref is not a trend), and for a record list never more
  /// than half again what is needed. After the body the arena grows by the citations' short
  /// texts, in steps of a thirty-second. A fixed_storage list has its capacity already.
  template <class List>
  constexpr void make_room(List& list, std::size_t extra) {
    if constexpr (!Storage::is_fixed) {
      if (list.size() + extra > list.capacity()) grow_list(list, list.size() + extra);
    }
  }

  /// The rare part of make_room, apart so that the common check inlines everywhere.
  template <class List>
  constexpr void grow_list(List& list, std::size_t needed) {
    if constexpr (!Storage::is_fixed) {
      const std::uint64_t read = read_mark_ > 64 ? read_mark_ : 64;
      const std::uint64_t projected = static_cast<std::uint64_t>(needed) * d_.source.size() / read;
      std::uint64_t next = projected + projected / 16 + 4;
      if (read * 8 < d_.source.size() && next > needed * 2 + 4) next = needed * 2 + 4;
      const std::uint64_t step = list.capacity() + list.capacity() / 8;  // not a chain of tiny chunks
      if (next < step) next = step;
      if (body_done_) next = needed + list.capacity() / 32 + 64;
      if constexpr (!std::is_same_v<List, decltype(d_.text)>) {
        // A record list never moves what it holds, so growing in steps costs nothing but
        // a chunk; no step adds more than half of what is needed, which bounds the unused
        // end of the last chunk where the projection from a dense start overshoots.
        const std::uint64_t at_most = needed + needed / 2 + 8;
        if (next > at_most) next = at_most;
      }
      list.reserve(static_cast<std::size_t>(next < needed ? needed : next));
    }
  }

  template <class List, class T>
  constexpr bool push(List& list, const T& value) {
    if (list.push_back(value)) return true;
    capacity_exceeded(capacity_for<T>());
    return false;
  }

  /// Records, once per capacity, that a fixed_storage ran out (at run time; in constant
  /// evaluation the list itself stops compilation).
  constexpr void capacity_exceeded(capacity k) {
    const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
    if (overflowed_ & bit) return;
    overflowed_ = static_cast<std::uint8_t>(overflowed_ | bit);
    constexpr const char* messages[] = {
        "fixed_storage capacity exceeded: Sections", "fixed_storage capacity exceeded: Events",
        "fixed_storage capacity exceeded: Citations", "fixed_storage capacity exceeded: TextBytes",
        "fixed_storage capacity exceeded: Links"};
    const diagnostic g{diagnostic_kind::capacity_exceeded, messages[static_cast<unsigned>(k)], 0, 0, 0};
    // The diagnostics list may be the full one: then the last entry makes way.
    if (!d_.diagnostics.push_back(g) && !d_.diagnostics.empty()) d_.diagnostics.back() = g;
  }

  constexpr void push_diagnostic(const diagnostic& g) {
    if (!d_.diagnostics.push_back(g)) capacity_exceeded(capacity::links);
  }

  constexpr void start_lead() {
    section_record lead;
    d_.sections.push_back(lead);
    start_output();
  }

  constexpr std::uint32_t parent_for(int level) const noexcept {
    std::uint32_t p = current_section();
    while (p != none && d_.sections[p].level >= level) p = d_.sections[p].parent;
    return p;
  }

  constexpr bool reference_like(std::uint32_t s) const noexcept {
    for (std::uint32_t p = s; p != none; p = d_.sections[p].parent)
      if (is_reference_heading(resolve(d_.sections[p].heading))) return true;
    return false;
  }

  constexpr void start_output() noexcept {
    verbatim_ = true;
    output_start_ = static_cast<std::uint32_t>(d_.text.size());
    d_.text.keep_from(output_start_);  // an output is one piece of text
    pending_ = pending_none;
    forget_output_maps();
  }

  /// The maps from an output's text to the input (checkpoints, citation anchors) belong to
  /// that output alone.
  constexpr void forget_output_maps() noexcept {
    checkpoints_.clear();
    event_checkpoint_ = 0;
    anchors_.clear();
  }

  constexpr bool at_output_start() const noexcept { return d_.text.size() == output_start_; }
  WIKIREL_HOT_INLINE constexpr bool drops_leading_space() const noexcept {
    return at_output_start() || pending_ != pending_none || is_space(byte_of(d_.text[d_.text.size() - 1]));
  }

  /// Puts the separator a pending space or line break asks for before new content. Most
  /// content has none to put: that test is inlined, the separator is not.
  WIKIREL_HOT_INLINE constexpr void before_content(std::uint32_t src) {
    if (at_output_start() || pending_ == pending_none) {
      pending_ = pending_none;
      return;
    }
    put_separator(src);
  }

  constexpr void put_separator(std::uint32_t src) {
    verbatim_ = false;  // a separator the input does not have there
    CharT& last = d_.text[d_.text.size() - 1];
    if (is_space(byte_of(last))) {
      if (pending_ == pending_line) last = CharT('\n');
    } else {
      map_synthesized(src, 0);
      arena_push(pending_ == pending_line ? CharT('\n') : CharT(' '));
    }
    pending_ = pending_none;
  }

  /// Events are read from the open output: only then do the checkpoints and anchors matter.
  constexpr bool reads_events() const noexcept { return opts_.events && !skip_events_; }

  constexpr void map_run(std::uint32_t src) {
    if (!reads_events()) return;
    const auto out = static_cast<std::uint32_t>(d_.text.size());
    if (!checkpoints_.empty()) {
      const checkpoint& last = checkpoints_.back();
      if (last.src_len == 0 && last.src + (out - last.out) == src) return;  // still contiguous
    }
    checkpoints_.push_back({out, src, 0});
  }

  constexpr void map_synthesized(std::uint32_t src, std::uint32_t src_len) {
    if (!reads_events()) return;
    checkpoints_.push_back({static_cast<std::uint32_t>(d_.text.size()), src, src_len == 0 ? 1u : src_len});
  }

  /// The last checkpoint at or before arena offset `out` (the first when none is). The
  /// search starts at checkpoint `from` when that one is not past `out`: events come in the
  /// order of their text, so a few steps on from the last event's usually find it, where a
  /// binary search over the section's checkpoints mispredicts most of its steps.
  constexpr std::size_t checkpoint_at(std::uint32_t out, std::size_t from = 0) const noexcept {
    std::size_t lo = from < checkpoints_.size() && checkpoints_[from].out <= out ? from : 0;
    for (int step = 0; step < 4; ++step, ++lo)
      if (lo + 1 >= checkpoints_.size() || checkpoints_[lo + 1].out > out) return lo;
    std::size_t hi = checkpoints_.size();
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      if (checkpoints_[mid].out <= out) lo = mid; else hi = mid;
    }
    return lo;
  }

  /// The input bytes that arena bytes [out_begin, out_end) of the current output stand for.
  /// `near` is a checkpoint to search from (see checkpoint_at); it is left at the one found
  /// for the range's end.
  constexpr void input_range(std::uint32_t out_begin, std::uint32_t out_end, std::uint32_t& offset,
                             std::uint32_t& length, std::size_t& near) const noexcept {
    offset = length = 0;
    if (checkpoints_.empty() || out_end <= out_begin) return;
    const std::size_t first_at = checkpoint_at(out_begin, near);
    const checkpoint& first = checkpoints_[first_at];
    offset = first.src_len != 0 ? first.src : first.src + (out_begin - first.out);
    near = checkpoint_at(out_end - 1, first_at);
    const checkpoint& last = checkpoints_[near];
    const std::uint32_t end = last.src_len != 0 ? last.src + last.src_len : last.src + (out_end - last.out);
    length = end > offset ? end - offset : 0;
  }

  /// A run of the input is about to be appended at the end of the current output, from
  /// input offset `src`: the output stays verbatim while each run continues the last.
  constexpr void note_verbatim(std::uint32_t src) noexcept {
    if (!verbatim_) return;
    const std::uint32_t written = static_cast<std::uint32_t>(d_.text.size()) - output_start_;
    if (written == 0) verbatim_src_ = src;
    else if (verbatim_src_ + written != src) verbatim_ = false;
  }

  /// An output that is one run of the input, byte for byte (most headings, many fields):
  /// given as that run, and its copy given back to the arena.
  constexpr text_ref in_input(text_ref r) noexcept {
    if (!verbatim_ || r.empty() || !r.derived || r.offset != output_start_ || r.offset + r.length != d_.text.size())
      return r;
    d_.text.truncate(output_start_);
    return {verbatim_src_, r.length, false};
  }

  /// Closes the text of the current output and returns it, trimmed.
  constexpr text_ref finish_output() noexcept {
    std::uint32_t end = static_cast<std::uint32_t>(d_.text.size());
    if (end > peak_) peak_ = end;
    while (end > output_start_ && is_space(byte_of(d_.text[end - 1]))) --end;
    d_.text.truncate(end);
    pending_ = pending_none;
    return {output_start_, end - output_start_, true};
  }

  constexpr void finish_section() {
    if (in_heading_) end_heading();
    if (sections_full_) return;
    section_record& s = d_.sections.back();
    s.text = finish_output();
    s.first_event = static_cast<std::uint32_t>(d_.events.size());
    if (opts_.events && !skip_events_) extract(s);
    d_.sections.back().event_count = static_cast<std::uint32_t>(d_.events.size()) - d_.sections.back().first_event;
    forget_output_maps();
  }

  constexpr void extract(const section_record& s) {
    const view_type body = resolve(s.text);
    const std::uint32_t base = s.text.offset;
    extract_events(body, [&](const found_event& f) { add_event(base, f); }, heading_context(s));
  }

  /// Under "=== 1912 campaign ===" (or a heading below it), "on 5 August" is in 1912: a
  /// section starts from the single year its heading, or the nearest one above, names.
  constexpr date_context heading_context(const section_record& s) const {
    const section_record* h = &s;
    for (int depth = 0; h != nullptr && depth < 8; ++depth) {
      if (h->when.valid()) {
        date_context c;
        if (!h->when.open_end && h->when.begin.year == h->when.end.year && h->when.precision >= precision::year) {
          c.anchor = h->when.begin;
          c.anchor_precision = h->when.precision;
        }
        return c;  // a span ("1939–1945") gives no one year, and stops the search
      }
      h = h->parent == none ? nullptr : &d_.sections[h->parent];
    }
    return {};
  }

  constexpr void add_event(std::uint32_t base, const found_event& f) {
    event_record e;
    e.when = f.when;
    e.expression = {base + f.expression_begin, f.expression_end - f.expression_begin, true};
    e.sentence = {base + f.sentence_begin, f.sentence_end - f.sentence_begin, true};
    input_range(base + f.expression_begin, base + f.expression_end, e.offset, e.length, event_checkpoint_);
    e.section = current_section();
    if (!d_.events.empty() && last_sentence_begin_ == base + f.citations_begin &&
        last_sentence_limit_ == base + f.citations_limit && d_.events.back().section == e.section) {
      // Another date in the same sentence: the same citations back it.
      e.first_citation = d_.events.back().first_citation;
      e.citation_count = d_.events.back().citation_count;
    } else {
      link_citations(e, base + f.citations_begin, base + f.citations_limit);
      last_sentence_begin_ = base + f.citations_begin;
      last_sentence_limit_ = base + f.citations_limit;
    }
    make_room(d_.events, 1);
    push(d_.events, e);
  }

  /// The citations whose markers stand in the sentence or right after it: after the
  /// sentence's first character and no later than where the next sentence starts. Each
  /// citation once, in order of first marker (a stamp per citation keeps this linear).
  constexpr void link_citations(event_record& e, std::uint32_t after, std::uint32_t limit) {
    e.first_citation = static_cast<std::uint32_t>(d_.event_citations.size());
    std::size_t lo = 0, hi = anchors_.size();  // the first anchor past `after`
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (anchors_[mid].out <= after) lo = mid + 1; else hi = mid;
    }
    ++stamp_;
    for (std::size_t k = lo; k < anchors_.size() && anchors_[k].out <= limit; ++k) {
      const anchor& a = anchors_[k];
      if (a.citation >= stamps_.size()) stamps_.resize(d_.citations.size() > a.citation ? d_.citations.size() : a.citation + 1, 0);
      if (stamps_[a.citation] == stamp_) continue;
      stamps_[a.citation] = stamp_;
      if (e.citation_count == max_event_citations) {
        // A sentence with thousands of dates and refs would tie each date to each ref: the
        // article would grow with the square of the input. The citations keep all their uses.
        diagnose(diagnostic_kind::size_limit, "a sentence cites more sources than an event links; the rest are not linked",
                 input_offset_of(a.out));
        break;
      }
      if (push(d_.event_citations, a.citation)) ++e.citation_count;
    }
  }

  constexpr std::uint32_t input_offset_of(std::uint32_t out) const noexcept {
    std::uint32_t offset = 0, length = 0;
    std::size_t near = 0;
    input_range(out, out + 1, offset, length, near);
    return offset;
  }

  /// Sorts a list as one array when it is one (the usual case: chunk lookups slow a sort).
  template <class List, class Less>
  static constexpr void sort_list(List& list, Less less) {
    if (auto* first = list.contiguous()) std::sort(first, first + list.size(), less);
    else std::sort(list.begin(), list.end(), less);
  }

  /// Groups the uses by citation (in input order within each) and points each citation
  /// at its own: counts give each citation its range, one pass of swaps puts every use in
  /// its range (a counting sort, in place: linear, and no lookups through a comparison
  /// sort), and a range is then put in input order.
  constexpr void index_uses() {
    auto& uses = d_.uses;
    // The counts and ranges are taken run by run, not through chunk lookups.
    std::vector<std::uint32_t>& next_slot = stamps_;  // linking is over: its scratch serves again
    next_slot.assign(d_.citations.size(), 0);
    uses.for_each_run([&](const use_record* run, std::size_t, std::size_t count) {
      for (std::size_t k = 0; k < count; ++k) ++next_slot[run[k].citation];
    });
    std::uint32_t next = 0;
    d_.citations.for_each_run([&](citation_record* run, std::size_t first, std::size_t count) {
      for (std::size_t k = 0; k < count; ++k) {
        run[k].first_use = next;
        run[k].use_count = next_slot[first + k];
        next_slot[first + k] = next;
        next += run[k].use_count;
      }
    });
    if (use_record* all = uses.contiguous()) sort_in_place(all, next_slot);
    else sort_in_place(uses, next_slot);
  }

  /// Each use is swapped straight to its citation's next free place, with no copy (the
  /// benchmark counts every byte allocated). `next_slot[c]` is where citation c's uses
  /// begin; `Uses` is the one array most articles have, or the chunked list.
  template <class Uses>
  constexpr void sort_in_place(Uses& uses, std::vector<std::uint32_t>& next_slot) {
    d_.citations.for_each_run([&](const citation_record* run, std::size_t first_citation, std::size_t count) {
      for (std::size_t k = 0; k < count; ++k) {
        const std::uint32_t c = static_cast<std::uint32_t>(first_citation + k);
        const std::uint32_t first = run[k].first_use, end = first + run[k].use_count;
        // Each record is reached once per swap through a pointer: in a chunked list every
        // index costs a search of the chunks.
        while (next_slot[c] < end) {
          use_record& here = uses[next_slot[c]];
          const std::uint32_t home = here.citation;
          if (home == c) {
            ++next_slot[c];
            continue;
          }
          use_record& there = uses[next_slot[home]++];
          const use_record moved = there;
          there = here;
          here = moved;
        }
        const std::uint32_t n = run[k].use_count;
        if (n < 2) continue;
        if (use_record* in_one_chunk = run_of(uses, first, n)) order_by_offset(in_one_chunk, 0, n);
        else order_by_offset(uses, first, n);
      }
    });
  }

  /// Puts the uses [first, first + count) in input order: by insertion when few (the usual
  /// case, and nearly in order already), else by a full sort.
  template <class Uses>
  static constexpr void order_by_offset(Uses& uses, std::uint32_t first, std::uint32_t count) {
    if (count > 32) {
      std::sort(begin_of(uses) + first, begin_of(uses) + first + count,
                [](const use_record& a, const use_record& b) { return a.offset < b.offset; });
      return;
    }
    for (std::uint32_t k = first + 1; k < first + count; ++k) {
      const use_record u = uses[k];
      std::uint32_t m = k;
      for (; m > first && uses[m - 1].offset > u.offset; --m) uses[m] = uses[m - 1];
      uses[m] = u;
    }
  }
  /// The uses [first, first + count) as one array, or null when they span chunks.
  static constexpr use_record* run_of(use_record* uses, std::uint32_t first, std::uint32_t) noexcept {
    return uses + first;
  }
  template <class List>
  static constexpr use_record* run_of(List& uses, std::uint32_t first, std::uint32_t count) noexcept {
    return uses.run_at(first, count);
  }
  static constexpr use_record* begin_of(use_record* uses) noexcept { return uses; }
  template <class List>
  static constexpr auto begin_of(List& uses) noexcept { return uses.begin(); }

  /// The timeline is one array: it is reserved to its size while empty. Most articles sort
  /// by keys; the rest (years past ±32767, thousands of events) by comparisons.
  constexpr void build_timeline() {
    if (d_.events.empty()) return;
    d_.timeline.reserve(d_.events.size());
    if (sort_timeline_by_keys()) return;
    sort_timeline_by_comparisons();
  }

  /// Bits of an event index in a timeline key.
  static constexpr int timeline_index_bits = 13;
  /// Bits of a date in a timeline key: 16 of year, 4 of month, 5 of day.
  static constexpr int timeline_date_bits = 25;
  static_assert(2 * timeline_date_bits + 1 + timeline_index_bits <= 64, "a timeline key is one 64-bit number");

  /// A date as an unsigned number in the order of dates, when it fits timeline_date_bits.
  static constexpr bool timeline_date(const date& d, std::uint64_t& bits) noexcept {
    if (d.year < -32768 || d.year > 32767 || d.month > 15 || d.day > 31) return false;
    bits = static_cast<std::uint64_t>(d.year + 32768) << 9 | std::uint64_t{d.month} << 5 | d.day;
    return true;
  }

  /// The order of `earlier` packed into one number per event (start, closed before open,
  /// end, then the index, which the low bits hold), so the sort compares plain integers:
  /// the comparisons through the events' records cost most of the time the timeline took.
  /// False, having done nothing, when an event does not fit.
  constexpr bool sort_timeline_by_keys() {
    const std::size_t n = d_.events.size();
    if (n > std::size_t{1} << timeline_index_bits) return false;
    std::vector<std::uint64_t> keys;
    keys.reserve(n);
    bool fits = true;
    d_.events.for_each_run([&](const event_record* run, std::size_t first, std::size_t count) {
      for (std::size_t k = 0; k < count && fits; ++k) {
        const period& w = run[k].when;
        std::uint64_t begin = 0, end = 0;
        fits = timeline_date(w.begin, begin) && timeline_date(w.end, end);
        const std::uint64_t order = (begin << 1 | (w.open_end ? 1u : 0u)) << timeline_date_bits | end;
        keys.push_back(order << timeline_index_bits | (first + k));
      }
    });
    if (!fits) return false;
    std::sort(keys.begin(), keys.end());
    constexpr std::uint64_t index_mask = (std::uint64_t{1} << timeline_index_bits) - 1;
    for (const std::uint64_t key : keys) d_.timeline.push_back(static_cast<std::uint32_t>(key & index_mask));
    return true;
  }

  /// Sorts each chunk's run of events with its own array (a comparison through chunk
  /// lookups costs several times more), then merges the runs.
  constexpr void sort_timeline_by_comparisons() {
    for (std::uint32_t i = 0; i < d_.events.size(); ++i) d_.timeline.push_back(i);
    std::uint32_t* order = d_.timeline.contiguous();
    scratch_list<std::size_t, 16> ends;  // where each sorted run ends
    d_.events.for_each_run([&](const event_record* run, std::size_t first, std::size_t count) {
      std::sort(order + first, order + first + count, earlier(run, static_cast<std::uint32_t>(first)));
      ends.push_back(first + count);
    });
    merge_runs(order, ends);
  }

  /// Merges neighbouring sorted runs pairwise, in rounds: log(runs) rounds, each linear.
  constexpr void merge_runs(std::uint32_t* order, scratch_list<std::size_t, 16>& ends) {
    if (ends.size() < 2) return;
    std::vector<std::uint32_t> merged;
    merged.resize(ends.back(), 0u);  // with a value: clang 14 cannot default-fill in constexpr
    while (ends.size() > 1) {
      std::size_t begin = 0, kept = 0;
      for (std::size_t r = 0; r < ends.size(); r += 2) {
        if (r + 1 < ends.size()) {
          const auto to = merged.begin() + static_cast<std::ptrdiff_t>(begin);
          const auto end = std::merge(order + begin, order + ends[r], order + ends[r], order + ends[r + 1], to,
                                      earlier(d_.events, 0));
          std::copy(to, end, order + begin);
        }
        begin = ends[r + 1 < ends.size() ? r + 1 : r];
        ends[kept++] = begin;
      }
      while (ends.size() > kept) ends.pop_back();
    }
  }

  /// The timeline's order: by start, closed periods before open ones, by end, then as
  /// written. `events[i - first]` is event i.
  template <class Events>
  static constexpr auto earlier(const Events& events, std::uint32_t first) {
    return [&events, first](std::uint32_t a, std::uint32_t b) {
      const period& x = events[a - first].when;
      const period& y = events[b - first].when;
      if (x.begin != y.begin) return x.begin < y.begin;
      if (x.open_end != y.open_end) return y.open_end;
      if (x.end != y.end) return x.end < y.end;
      return a < b;
    };
  }

  /// Turns the byte offsets of diagnostics into 1-based lines and columns in one pass.
  constexpr void locate_diagnostics() {
    sort_list(d_.diagnostics, [](const diagnostic& a, const diagnostic& b) {
      return a.offset != b.offset ? a.offset < b.offset : static_cast<int>(a.kind) < static_cast<int>(b.kind);
    });
    // Lines and columns advance with the offsets, so the input is read once however many
    // diagnostics stand on one long line.
    std::uint32_t line = 1, pos = 0, column = 1;
    const view_type src = d_.source;
    for (diagnostic& g : d_.diagnostics) {
      const std::uint32_t target = g.offset > src.size() ? static_cast<std::uint32_t>(src.size()) : g.offset;
      for (const CharT* nl; (nl = find_byte(src.data() + pos, src.data() + target, '\n')) < src.data() + target;) {
        ++line;
        column = 1;
        pos = static_cast<std::uint32_t>(nl - src.data()) + 1;
      }
      for (; pos < target; ++pos)
        if (starts_code_point(byte_of(src[pos]))) ++column;
      g.line = line;
      g.column = column;
    }
  }

  data_type& d_;
  const options& opts_;
  name_index names_;
  scratch_list<checkpoint, 512> checkpoints_;  ///< enough for 49 sections in 50 (measured on the corpus)
  std::size_t event_checkpoint_ = 0;           ///< the checkpoint of the last event's end
  scratch_list<anchor, 32> anchors_;
  std::uint32_t output_start_ = 0;
  bool verbatim_ = true;             ///< the current output is one run of the input so far
  std::uint32_t verbatim_src_ = 0;   ///< where that run starts
  std::uint8_t pending_ = pending_none;
  bool in_heading_ = false;
  bool skip_events_ = false;
  bool sections_full_ = false;
  bool too_many_ = false;
  bool body_done_ = false;
  bool in_fragment_ = false;
  std::uint8_t overflowed_ = 0;
  std::size_t peak_ = 0;
  std::uint32_t read_mark_ = 0;  ///< how far into the input text has come from (for make_room)
  std::vector<std::uint32_t> stamps_;  ///< per citation: the last stamp_ that linked it
  std::uint32_t stamp_ = 0;
  std::uint32_t last_sentence_begin_ = none;
  std::uint32_t last_sentence_limit_ = none;
  struct {
    std::uint32_t output_start = 0;
    std::uint8_t pending = 0;
    bool in_heading = false;
  } fragment_saved_;
};

}  // namespace wikirel::detail

#endif
