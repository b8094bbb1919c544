#ifndef WIKIREL_DETAIL_WIKITEXT_READER_HPP
#define WIKIREL_DETAIL_WIKITEXT_READER_HPP

// The wikitext reader: one forward pass over the input that skips prose in bulk and keeps
// a stack of open constructs (templates, links, tables). What is visible text goes to the
// builder as runs of the input; what is structure (headings, references, categories)
// goes to the builder as events. Citations are read at the end from the source ranges
// the pass remembered, so their text never interrupts a section's.

#include "block_scan.hpp"
#include "builder.hpp"
#include "chars.hpp"
#include "compiler.hpp"
#include "entities.hpp"
#include "scan.hpp"
#include "tags.hpp"
#include "template_args.hpp"
#include "utf8.hpp"
#include "wikitext_citations.hpp"
#include "wikitext_names.hpp"
#include "wikitext_prepass.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wikirel::detail {

/// The schemes an external link's URL can start with. Tables like this one stand at
/// namespace scope: a function's local constexpr array is built on the stack at every call.
inline constexpr std::string_view url_schemes[] = {"http://", "https://", "ftp://",    "ftps://", "//",    "mailto:", "irc://",
                                                   "ircs://", "news:",    "gopher://", "sftp://", "git://", "svn://",  "telnet://"};

template <class CharT, class Storage>
class wikitext_reader {
 public:
  using builder_type = builder<CharT, Storage>;

  constexpr explicit wikitext_reader(builder_type& b) noexcept
      : b_(b), begin_(b.source().data()), end_(begin_ + b.source().size()), p_(begin_ + bom_length(begin_, end_)), cursor_(begin_, end_), closers_(end_) {}

  /// Reads the article. Without `with_prepass` the reader trusts every "{{" and "{|" to
  /// be closed and returns false, having read nothing that counts, when one was not: the
  /// caller then reads again with the pre-pass, which finds them first. Well-formed
  /// articles, nearly all, never pay for the pre-pass.
  constexpr bool read(bool with_prepass) {
    if (with_prepass) unclosed_ = find_unclosed(begin_, end_);
    line_start();
    read_until(end_);
    if (!with_prepass && left_open()) return false;
    close_frames(0, end_);
    b_.end_body();
    read_citations(b_, *this);
    read_parties();
    return true;
  }

  /// Renders [first, last) as plain text into the arena: links show their labels, markup
  /// and templates go, entities are decoded. No structure (headings, references) is read.
  constexpr text_ref render(const CharT* first, const CharT* last) {
    if (shows_as_written(first, last)) {
      trim(first, last);
      return b_.source_ref(first, last);
    }
    const saved_state saved = save();
    fragment_ = true;
    emit_base_ = frames_.size();
    base_emits_ = true;
    refresh_emitting();
    p_ = first;
    b_.begin_fragment();
    read_until(last);
    close_frames(emit_base_, last);
    const text_ref r = b_.end_fragment();
    restore(saved);
    return r;
  }

 private:
  using specials = byte_set<'\n', '\r', '{', '}', '[', ']', '<', '\'', '&', '|', '_'>;
  using structure_specials = byte_set<'\n', '\r', '{', '}', '[', ']', '<', '|'>;
  /// In hidden text where a '|' means nothing (inside an infobox or a navbox, which read
  /// no argument) the reader steps over the pipes, which are most of their markup.
  using quiet_specials = byte_set<'\n', '\r', '{', '}', '[', ']', '<'>;

  enum class frame_kind : std::uint8_t { template_call, link, external_link, table, references };

  struct frame {
    frame_kind kind{};
    template_kind tkind{};
    link_kind lkind{};
    bool emits = false;
    bool list_defined = false;
    bool label = false;        ///< links: past the first '|'
    bool unclosed = false;     ///< tables the pre-pass found unclosed
    bool parent_emits = false;
    std::uint8_t shown = 0;    ///< display templates: the positional argument shown
    std::string_view shown_named{};
    std::uint32_t start = 0;   ///< offset of the opening markup
    std::uint32_t content = 0; ///< links: the target; templates: after "{{"
    std::uint32_t positional = 0;
    text_ref group{};          ///< <references group=…>, {{reflist|group=…}}: of the refs inside
  };

  struct saved_state {
    const CharT* p;
    std::size_t emit_base;
    bool base_emits;
    bool fragment;
  };

  /// True when [first, last) renders as the text it is: no markup byte, or only
  /// apostrophes and underscores standing alone ("Britain's", which read_until would copy
  /// byte for byte). Nine citation fields in ten are such; they stay in the input.
  constexpr bool shows_as_written(const CharT* first, const CharT* last) noexcept {
    // The main cursor is free once the body is read, when citations are; they come in
    // input order, so its cached block usually holds the field.
    for (const CharT* q = first;; ++q) {
      q = cursor_.next(q, last);
      if (q == last) return true;
      const unsigned char c = byte_of(*q);
      if ((c != '\'' && c != '_') || (end_ - q >= 2 && byte_of(q[1]) == c)) return false;
    }
  }

  constexpr saved_state save() const noexcept { return {p_, emit_base_, base_emits_, fragment_}; }
  constexpr void restore(const saved_state& s) noexcept {
    p_ = s.p;
    emit_base_ = s.emit_base;
    base_emits_ = s.base_emits;
    fragment_ = s.fragment;
    refresh_emitting();
  }

  // ---- state ---------------------------------------------------------------------------

  constexpr std::uint32_t offset(const CharT* p) const noexcept { return static_cast<std::uint32_t>(p - begin_); }
  /// Whether text here is shown: the innermost frame above the emission base says, else
  /// the base. Kept in emitting_, which refresh_emitting() recomputes after every change
  /// to the frames or the base (it is asked at every markup byte).
  constexpr bool emitting() const noexcept { return emitting_; }
  constexpr void refresh_emitting() noexcept {
    frame* f = frames_.size() > emit_base_ ? &frames_.back() : nullptr;
    top_ = f;
    emitting_ = f ? f->emits : base_emits_;
    // on_pipe does something only at a link's first '|' and in a template that reads its
    // arguments; elsewhere a pipe in hidden text is stepped over.
    pipes_matter_ = f && ((f->kind == frame_kind::link && !f->label) ||
                          (f->kind == frame_kind::template_call && reads_arguments(f->tkind)));
  }
  constexpr bool list_defined() const noexcept { return !frames_.empty() && frames_.back().list_defined; }
  /// The innermost frame above the emission base, or null (kept by refresh_emitting()).
  constexpr frame* top() noexcept { return top_; }
  static constexpr bool blocks_headings(frame_kind k) noexcept { return k != frame_kind::table; }

  constexpr bool can_push() {
    if (frames_.size() < b_.opts().max_depth) return true;
    if (!depth_reported_) {
      depth_reported_ = true;
      b_.diagnose(diagnostic_kind::depth_limit, "markup nested deeper than options::max_depth; read as text", offset(p_));
    }
    return false;
  }

  constexpr void push(frame f) {
    f.parent_emits = emitting();
    f.list_defined = f.list_defined || list_defined();
    if (f.group.empty() && !frames_.empty()) f.group = frames_.back().group;
    heading_blockers_ += blocks_headings(f.kind);
    frames_.push_back(f);
    refresh_emitting();
  }

  constexpr void pop() {
    heading_blockers_ -= blocks_headings(frames_.back().kind);
    frames_.pop_back();
    refresh_emitting();
  }

  /// True when a template or table is still open at the end of the input.
  constexpr bool left_open() const noexcept {
    for (const frame& f : frames_)
      if (f.kind == frame_kind::template_call || f.kind == frame_kind::table) return true;
    return false;
  }

  /// Closes the frames above `base` that are still open at `where`, reporting each.
  constexpr void close_frames(std::size_t base, const CharT* where) {
    while (frames_.size() > base) {
      const frame& f = frames_.back();
      if (!fragment_) report_unclosed(f);
      if (f.kind == frame_kind::template_call) finish_template(f, where);
      pop();
    }
  }

  constexpr void report_unclosed(const frame& f) {
    switch (f.kind) {
      case frame_kind::template_call:
        b_.diagnose(diagnostic_kind::unclosed_template, "template \"{{\" is never closed", f.start);
        break;
      case frame_kind::link:
        b_.diagnose(diagnostic_kind::unclosed_link, "link \"[[\" is not closed on its line", f.start);
        break;
      case frame_kind::table:
        if (!f.unclosed) b_.diagnose(diagnostic_kind::unclosed_table, "table \"{|\" is never closed", f.start);
        break;
      case frame_kind::references:
        b_.diagnose(diagnostic_kind::unclosed_tag, "<references> is never closed", f.start);
        break;
      case frame_kind::external_link: break;
    }
  }

  // ---- the main loop -------------------------------------------------------------------

  constexpr void read_until(const CharT* limit) {
    while (p_ < limit) {
      // In hidden text (a template, a table) quotes, entities and magic words do not matter.
      if (!emitting()) {
        p_ = pipes_matter_ ? cursor_.next_sub(p_, limit) : cursor_.next_quiet(p_, limit);
      } else {
        const CharT* q = cursor_.next(p_, limit);
        if (q > p_) b_.text(p_, q);
        p_ = q;
      }
      if (p_ < limit) step(limit);
    }
  }

  WIKIREL_HOT_INLINE constexpr void step(const CharT* limit) {
    switch (byte_of(*p_)) {
      case '\n': return on_newline();
      case '\r': return on_carriage_return();
      case '{': return on_open_brace();
      case '}': return on_close_brace();
      case '[': return on_open_bracket(limit);
      case ']': return on_close_bracket();
      case '<': return on_angle(limit);
      case '\'': return on_quote();
      case '&': return on_ampersand();
      case '|': return on_pipe();
      case '_': return on_underscore();
      default: return literal(1);
    }
  }

  /// The next n units are text after all.
  constexpr void literal(std::size_t n) {
    if (emitting()) b_.text(p_, p_ + n);
    p_ += n;
  }

  // ---- lines ---------------------------------------------------------------------------

  constexpr void on_newline() {
    ++p_;
    if (frame* f = top(); f && (f->kind == frame_kind::link || f->kind == frame_kind::external_link))
      end_line_in_link(*f);
    if (emitting()) b_.space();
    line_start();
  }

  constexpr void on_carriage_return() {
    if (p_ + 1 < end_ && byte_of(p_[1]) == '\n') {
      ++p_;  // CRLF: the '\n' does the work
      return;
    }
    on_newline();  // a lone CR ends a line too
  }

  /// Links end with their line: a normal link that is still open was not a link; a file
  /// caption may run over lines but not past a blank one.
  constexpr void end_line_in_link(frame& f) {
    const bool blank_next = skip_blanks(p_, end_) < end_ && byte_of(*skip_blanks(p_, end_)) == '\n';
    if (f.kind == frame_kind::link && f.lkind == link_kind::file && !blank_next) return;
    if (f.kind == frame_kind::link && !fragment_)
      b_.diagnose(diagnostic_kind::unclosed_link, "link \"[[\" is not closed on its line", f.start);
    if (f.kind == frame_kind::link && !f.label && f.parent_emits)
      b_.text(begin_ + f.start, p_ - 1);  // "[[target" was text
    pop();
  }

  /// What the start of a line means: a heading, a table, a list item, a paragraph break.
  constexpr void line_start() {
    if (fragment_) return;
    if (!emitting() && heading_blockers_ > 0) return hidden_line_start();
    if (p_ < end_ && plain_line_start(byte_of(*p_))) {  // the usual case: a line of prose
      if (line_was_list_ && emitting()) {
        b_.line_break();
        line_was_list_ = false;
      }
      return;
    }
    const CharT* first = skip_blanks(p_, end_);
    if (first >= end_ || byte_of(*first) == '\n' || byte_of(*first) == '\r') {
      if (emitting()) b_.line_break();
      return;
    }
    if (byte_of(*p_) == '=' && heading_blockers_ == 0 && read_heading()) return;
    if (const CharT* t = table_start(p_, end_)) return open_table(t);
    if (frame* f = top(); f && f->kind == frame_kind::table) {
      if (const CharT* t = table_end(p_, end_)) return close_table(t);
    }
    if (emitting()) line_markers();
  }

  /// A line inside hidden markup where no heading can stand (an infobox's "| key = value"
  /// lines, most of a template's): only a table opens or closes there. Nothing else the
  /// start of a line means (breaks, list items) shows.
  constexpr void hidden_line_start() {
    if (const CharT* t = table_start(p_, end_)) return open_table(t);
    if (frame* f = top(); f && f->kind == frame_kind::table) {
      if (const CharT* t = table_end(p_, end_)) return close_table(t);
    }
  }

  /// A byte that cannot start a heading, table, list, rule, indent or blank line.
  static constexpr bool plain_line_start(unsigned char c) noexcept {
    return c != '=' && c != '{' && c != '|' && c != '*' && c != '#' && c != ':' && c != ';' && c != '-' &&
           c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '!';
  }

  /// List markers, indents and rules: the line is an item of its own.
  constexpr void line_markers() {
    const CharT* q = p_;
    while (q < end_ && (byte_of(*q) == '*' || byte_of(*q) == '#' || byte_of(*q) == ':' || byte_of(*q) == ';')) ++q;
    const bool rule = end_ - p_ >= 4 && starts_with(p_, end_, "----");
    if (rule) {
      while (q < end_ && byte_of(*q) == '-') ++q;
    }
    const bool item = q > p_ || byte_of(*p_) == ' ';
    if (item || line_was_list_) b_.line_break();
    line_was_list_ = item;
    p_ = q;
  }

  // ---- headings ------------------------------------------------------------------------

  /// Where a heading line's content ends: before trailing blanks and comments.
  constexpr const CharT* heading_content_end(const CharT* line, const CharT* line_end) const noexcept {
    const CharT* e = line_end;
    for (;;) {
      while (e > line && (is_blank(byte_of(e[-1])) || byte_of(e[-1]) == '\r')) --e;
      if (e - line < 7 || !starts_with(e - 3, e, "-->")) return e;
      const CharT* open = e - 3;
      while (open > line && !starts_with(open, e, "<!--")) --open;
      if (!starts_with(open, e, "<!--")) return e;
      e = open;
    }
  }

  constexpr bool read_heading() {
    using line_breaks = byte_set<'\n', '\r'>;
    const CharT* line_end = find_first_of<line_breaks>(p_, end_);
    const CharT* last = heading_content_end(p_, line_end);
    std::size_t open = 0, close = 0;
    while (p_ + open < last && byte_of(p_[open]) == '=') ++open;
    while (last - close > p_ + open && byte_of(last[-1 - static_cast<std::ptrdiff_t>(close)]) == '=') ++close;
    if (close == 0 || p_ + open == last) {
      if (open >= 2 && p_ + open < last)
        b_.diagnose(diagnostic_kind::unbalanced_heading, "heading line does not end with '='", offset(p_));
      return false;
    }
    const std::size_t level = open < close ? open : close;
    if (open != close)
      b_.diagnose(diagnostic_kind::unbalanced_heading, "heading has unequal '=' on its two sides", offset(p_));
    close_unclosed_tables();
    b_.begin_heading(static_cast<int>(level > 6 ? 6 : level), offset(p_));
    const CharT* content_end = last - (level > 6 ? 6 : level);
    p_ += level > 6 ? 6 : level;
    read_heading_text(content_end);
    b_.end_heading();
    if (p_ < line_end) p_ = line_end;
    line_was_list_ = false;
    return true;
  }

  /// The heading's text is shown even inside a table: emission restarts at this frame.
  constexpr void read_heading_text(const CharT* content_end) {
    const std::size_t base = emit_base_;
    const bool base_emits = base_emits_;
    emit_base_ = frames_.size();
    base_emits_ = true;
    refresh_emitting();
    read_until(content_end);
    close_frames(emit_base_, content_end);
    emit_base_ = base;
    base_emits_ = base_emits;
    refresh_emitting();
  }

  /// A table the pre-pass found never closed ends at the next heading.
  constexpr void close_unclosed_tables() {
    while (!frames_.empty() && frames_.back().kind == frame_kind::table && frames_.back().unclosed) pop();
  }

  // ---- tables --------------------------------------------------------------------------

  constexpr void open_table(const CharT* t) {
    if (!can_push()) return;
    frame f;
    f.kind = frame_kind::table;
    f.start = offset(t);
    f.unclosed = unclosed_.table(f.start);
    if (f.unclosed) b_.diagnose(diagnostic_kind::unclosed_table, "table \"{|\" is never closed", f.start);
    push(f);
    p_ = find_byte(t, end_, '\n');  // the table's attributes
  }

  constexpr void close_table(const CharT* t) {
    pop();
    p_ = t + 2;
    line_was_list_ = false;
    if (emitting()) b_.line_break();
  }

  // ---- templates -----------------------------------------------------------------------

  constexpr void on_open_brace() {
    if (p_ + 1 >= end_ || byte_of(p_[1]) != '{') return literal(1);
    if (!fragment_ && unclosed_.brace(offset(p_))) {
      b_.diagnose(diagnostic_kind::unclosed_template, "template \"{{\" is never closed; read as text", offset(p_));
      return literal(2);
    }
    if (!can_push()) return skip_balanced_braces();
    open_template();
  }

  constexpr void open_template() {
    using name_stop = byte_set<'|', '}', '{', '<', '['>;
    const CharT* name = p_ + 2;
    const CharT* name_end = find_first_of<name_stop>(name, end_);
    frame f;
    f.kind = frame_kind::template_call;
    f.start = offset(p_);
    f.content = offset(name);
    const template_class cls = classify_template(fold_name(name, name_end, end_));
    f.tkind = cls.kind;
    f.shown = cls.position;
    f.shown_named = cls.named;
    f.list_defined = cls.kind == template_kind::reference_list;  // every <ref> inside defines
    if (cls.kind == template_kind::symbol && emitting()) b_.synthesized(cls.symbol, f.start, 2);
    if (close_flat_template(f, name_end)) return;
    push(f);
    p_ = name_end;
  }

  /// Most templates hold no markup of their own ({{Use dmy dates|date=May 2020}}): when the
  /// next brace, tag or link after the name is the template's own "}}", it is finished here,
  /// with no frame and no stop at each '|'. Templates that show an argument keep the frame.
  constexpr bool close_flat_template(frame& f, const CharT* name_end) {
    if (reads_arguments(f.tkind)) return false;
    using nested = byte_set<'{', '}', '<', '['>;
    const CharT* q = find_first_of<nested>(name_end, end_);
    if (end_ - q < 2 || byte_of(q[0]) != '}' || byte_of(q[1]) != '}') return false;
    f.parent_emits = emitting();
    f.list_defined = f.list_defined || list_defined();
    finish_template(f, q);
    p_ = q + 2;
    return true;
  }

  /// Templates whose arguments the reader follows one by one: the ones that show an
  /// argument, and reference lists (whose refs= argument defines refs).
  static constexpr bool reads_arguments(template_kind k) noexcept {
    return k == template_kind::display || k == template_kind::quote || k == template_kind::reference_list;
  }

  /// Beyond the depth limit a template is dropped whole: find its end by counting braces.
  constexpr void skip_balanced_braces() {
    int depth = 0;
    const CharT* q = p_;
    while (q < end_) {
      if (end_ - q >= 2 && byte_of(q[0]) == '{' && byte_of(q[1]) == '{') ++depth, q += 2;
      else if (end_ - q >= 2 && byte_of(q[0]) == '}' && byte_of(q[1]) == '}') {
        q += 2;
        if (--depth == 0) break;
      } else ++q;
    }
    p_ = q;
  }

  constexpr void on_close_brace() {
    if (p_ + 1 >= end_ || byte_of(p_[1]) != '}') return literal(1);
    std::size_t i = frames_.size();
    while (i > emit_base_ && frames_[i - 1].kind != frame_kind::template_call) --i;
    if (i == emit_base_) {
      if (!fragment_) b_.diagnose(diagnostic_kind::stray_closing, "\"}}\" closes nothing", offset(p_));
      return literal(2);
    }
    close_frames(i, p_);  // links or tables left open inside the template
    const frame f = frames_.back();
    pop();
    finish_template(f, p_);
    p_ += 2;
  }

  /// A template's '|' starts its next argument, which may be the one it shows.
  constexpr void next_argument(frame& f) {
    ++p_;
    if (!reads_arguments(f.tkind)) return;  // most templates show nothing: no bookkeeping
    const CharT* key = skip_spaces(p_, end_);
    const CharT* k = key;
    while (k < end_ && (is_alnum(byte_of(*k)) || byte_of(*k) == '-' || byte_of(*k) == '_' || byte_of(*k) == ' ')) ++k;
    const CharT* eq = skip_spaces(k, end_);
    const bool named = k > key && eq < end_ && byte_of(*eq) == '=';
    bool shows = false;
    if (named) {
      const folded_name n = fold_name(key, k);
      shows = !f.shown_named.empty() && n == f.shown_named;
      p_ = eq + 1;
      if (f.tkind == template_kind::reference_list && n == "group") f.group = argument_value(p_);
    } else {
      ++f.positional;
      shows = f.shown != 0 && f.positional == f.shown;
    }
    const bool displays = f.tkind == template_kind::display || f.tkind == template_kind::quote;
    // A quotation is a block of its own; {{nowrap|…}}, {{lang|…}} stand inside a sentence.
    if (f.tkind == template_kind::quote && shows) b_.space();
    f.emits = displays && shows && f.parent_emits;
    refresh_emitting();
  }

  /// A simple argument value from p to the next '|' or "}}", trimmed and unquoted.
  constexpr text_ref argument_value(const CharT* p) const noexcept {
    using stop = byte_set<'|', '}', '\n', '{', '<'>;
    const CharT* e = find_first_of<stop>(p, end_);
    trim(p, e);
    return b_.source_ref(unquote(p, e), unquote_end(p, e));
  }

  constexpr void finish_template(const frame& f, const CharT* close) {
    // A fragment (a citation field, a ref's text) shows its date templates as the body
    // does; it makes no citations and reads no infobox.
    if (fragment_ && f.tkind != template_kind::date) return;
    const CharT* start = begin_ + f.start;
    const CharT* inner = begin_ + f.content;
    // The call's extent in the input: through its "}}", or to where it was cut off (a
    // template closed by the end of the input has none).
    const CharT* call_end = end_ - close >= 2 && byte_of(close[0]) == '}' && byte_of(close[1]) == '}' ? close + 2 : close;
    const auto call_length = static_cast<std::size_t>(call_end - start);
    switch (f.tkind) {
      case template_kind::date:
        if (f.parent_emits) render_date_template(inner, close, f.start, call_length);
        break;
      case template_kind::short_citation:
        short_citation(inner, close, f.start, f.parent_emits);
        break;
      case template_kind::inline_citation:
        if (f.parent_emits) render_inline_citation(inner, close, f.start, call_length);
        break;
      case template_kind::measure:
        if (f.parent_emits) render_measure(inner, close, f.start, call_length);
        break;
      case template_kind::ref_reuse:
        reuse_refs(inner, close, f);
        break;
      case template_kind::note:
        note(inner, close, f.start, f.parent_emits);
        break;
      case template_kind::bilateral_infobox:
        if (infobox_first_ == nullptr) infobox_first_ = inner, infobox_last_ = close;
        break;
      case template_kind::quote:
        if (f.parent_emits) b_.space();
        break;
      default: break;
    }
  }

  /// {{birth date|1901|4|7}} shows as "April 7, 1901"; {{circa|1850}} as "c. 1850",
  /// {{circa|965|1040}} as "c. 965 – c. 1040", {{reign|1371|1391}} as "r. 1371–1391",
  /// {{fl.|1200}} as "fl. 1200", {{as of|2020|5}} as "As of May 2020".
  constexpr void render_date_template(const CharT* inner, const CharT* close, std::size_t at, std::size_t length) {
    char out[64] = {};
    std::size_t n = 0;
    const folded_name name = fold_name(inner, template_name_end(inner, close));
    int values[3] = {0, 0, 0};
    const CharT* text = nullptr;
    const CharT* text_end = nullptr;
    int count = 0;
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      if (a.named() || count >= 3) return;
      std::uint32_t v = 0;
      const int digits = parse_uint(a.value, a.value_end, v, 6);
      if (digits > 0 && a.value + digits == a.value_end) values[count++] = static_cast<int>(v);
      else if (count == 0 && !text && a.value < a.value_end) text = a.value, text_end = a.value_end;
    });
    // The templates that mark a year, and take two as a span of years.
    const bool circa = name == "circa" || name == "c.";
    const bool reign = name == "reign" || name == "r.";
    const bool floruit = name == "fl." || name == "floruit";
    if (circa) append(out, n, "c. ");
    if (reign) append(out, n, "r. ");
    if (floruit) append(out, n, "fl. ");
    if (name == "as of") append(out, n, "As of ");
    if ((circa || reign || floruit) && count >= 2) {  // {{circa|965|1040}}, {{reign|1371|1391}}
      append_number(out, n, values[0]);
      append(out, n, circa ? " \u2013 c. " : "\u2013");
      append_number(out, n, values[1]);
    } else if (count >= 1) {
      format_date_parts(out, n, values, count);
    }
    else if (text) return emit_source_text(text, text_end, at, length, out, n);
    b_.synthesized(std::string_view(out, n), at, length);
  }

  constexpr void emit_source_text(const CharT* text, const CharT* text_end, std::size_t at, std::size_t length,
                                  const char* prefix, std::size_t prefix_size) {
    b_.space();
    if (prefix_size) b_.synthesized(std::string_view(prefix, prefix_size), at, length);
    b_.synthesized(text, static_cast<std::size_t>(text_end - text), at, length);
  }

  /// {{harvtxt|Smith|Jones|2001}} shows "Smith & Jones (2001)"; harvnb drops the
  /// parentheses, harv puts them around the whole.
  constexpr void render_inline_citation(const CharT* inner, const CharT* close, std::size_t at, std::size_t length) {
    const folded_name name = fold_name(inner, template_name_end(inner, close));
    const bool text_form = name.view().find("txt") != std::string_view::npos || name == "harvs";
    const bool bare = name.view().find("nb") != std::string_view::npos;
    const CharT* args[8] = {};
    const CharT* ends[8] = {};
    int count = 0;
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      if (!a.named() && count < 8 && a.value < a.value_end) args[count] = a.value, ends[count++] = a.value_end;
    });
    if (count == 0) return;
    b_.space();
    if (!text_form && !bare) b_.synthesized("(", at, length);
    for (int i = 0; i < count; ++i) {
      const bool year = i == count - 1 && count > 1;
      if (i > 0) b_.synthesized(year ? (text_form ? " (" : " ") : i == count - 2 ? " & " : ", ", at, length);
      b_.synthesized(args[i], static_cast<std::size_t>(ends[i] - args[i]), at, length);
      if (year && text_form) b_.synthesized(")", at, length);
    }
    if (!text_form && !bare) b_.synthesized(")", at, length);
  }

  /// {{r|a|b}} is <ref name="a" /><ref name="b" />; "g=" or "group=" names their group.
  constexpr void reuse_refs(const CharT* inner, const CharT* close, const frame& f) {
    text_ref group = frames_.empty() ? text_ref{} : frames_.back().group;
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      if (!a.named()) return;
      const auto n = static_cast<std::size_t>(a.key_end - a.key);
      if (equals_ci(a.key, n, "g") || equals_ci(a.key, n, "group")) group = b_.source_ref(a.value, a.value_end);
    });
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      if (a.named() || a.value == a.value_end) return;
      const std::uint32_t c = named_ref(group, b_.source_ref(a.value, a.value_end), f.start);
      if (c != none && !list_defined()) b_.use(c, f.start, f.parent_emits);
    });
  }

  /// The citation a ref's name (<ref name=x>, {{r|x}}) gives in its group, made when it
  /// is new; none when the article is full.
  constexpr std::uint32_t named_ref(text_ref group, text_ref name, std::uint32_t at) {
    const std::uint32_t c = b_.citation_keyed(group, name, at, citation_kind::ref);
    if (c == none) return c;
    citation_record& r = b_.citation(c);
    r.name = name;
    r.group = group;
    return c;
  }

  /// {{convert|5|km|mi}} shows "5 km" (the conversion is left out); {{convert|5|-|10|km}}
  /// shows "5–10 km", {{convert|5|to|10|km}} "5 to 10 km".
  constexpr void render_measure(const CharT* inner, const CharT* close, std::size_t at, std::size_t length) {
    const CharT* args[4] = {};
    const CharT* ends[4] = {};
    int count = 0;
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      if (!a.named() && count < 4) args[count] = a.value, ends[count++] = a.value_end;
    });
    if (count < 2) return;
    const auto arg = [&](int i) { return std::basic_string_view<CharT>(args[i], static_cast<std::size_t>(ends[i] - args[i])); };
    const auto is = [&](int i, std::string_view w) { return equals_ci(args[i], static_cast<std::size_t>(ends[i] - args[i]), w); };
    const bool range = count >= 4 && (is(1, "-") || is(1, "to") || is(1, "and") || is(1, "or") || is(1, "\u2013"));
    const auto put = [&](std::basic_string_view<CharT> v) { b_.synthesized(v.data(), v.size(), at, length); };
    put(arg(0));
    if (range) {
      if (is(1, "-") || is(1, "\u2013")) b_.synthesized("\u2013", at, length);
      else b_.synthesized(" ", at, length), put(arg(1)), b_.synthesized(" ", at, length);
      put(arg(2));
    }
    b_.synthesized(" ", at, length);
    put(arg(range ? 3 : 1));
  }

  static constexpr void append(char* out, std::size_t& n, std::string_view s) noexcept {
    for (char c : s)
      if (n < 63) out[n++] = c;
  }

  static constexpr void append_number(char* out, std::size_t& n, int v) noexcept {
    char digits[12] = {};
    int k = 0;
    do digits[k++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v > 0 && k < 12);
    while (k > 0 && n < 63) out[n++] = digits[--k];
  }

  /// "April 7, 1901", "April 1901" or "1901", the way the date templates show them.
  static constexpr void format_date_parts(char* out, std::size_t& n, const int* v, int count) noexcept {
    constexpr std::string_view months[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
    const bool month = count >= 2 && v[1] >= 1 && v[1] <= 12;
    if (month) {
      append(out, n, months[v[1] - 1]);
      append(out, n, " ");
      if (count >= 3 && v[2] >= 1 && v[2] <= 31) {
        append_number(out, n, v[2]);
        append(out, n, ", ");
      }
    }
    append_number(out, n, v[0]);
  }

  constexpr const CharT* template_name_end(const CharT* inner, const CharT* close) const noexcept {
    using stop = byte_set<'|'>;
    return find_first_of<stop>(inner, close, end_);
  }

  /// {{sfn|Author|2001|p=4}}: a citation; identical calls are one citation.
  constexpr void short_citation(const CharT* inner, const CharT* close, std::uint32_t at, bool in_text) {
    const CharT* args = template_name_end(inner, close);
    if (args < close) ++args;
    const text_ref key = b_.source_ref(args, close);
    const std::uint32_t c = b_.short_citation_keyed(key, at);
    if (c == none) return;
    citation_record& r = b_.citation(c);
    if (!r.defined()) r.define(offset(inner), offset(close));
    if (!list_defined()) b_.use(c, at, in_text);
  }

  /// {{efn|text}}, {{refn|text|name=x}}, {{#tag:ref|text|name=x|group=y}}: a footnote.
  constexpr void note(const CharT* inner, const CharT* close, std::uint32_t at, bool in_text) {
    text_ref name{}, group{};
    const CharT* text = nullptr;
    const CharT* text_end = nullptr;
    // "#tag:ref|text" puts the first argument after the name's colon part; treat both.
    for_each_argument(inner, close, end_, [&](const template_arg<CharT>& a) {
      const bool named_text = a.named() && a.folded_key() == "1";  // "1=" when the text holds an '='
      if (a.named() && !named_text) {
        const folded_name k = a.folded_key();
        if (k == "name") name = b_.source_ref(unquote(a.value, a.value_end), unquote_end(a.value, a.value_end));
        if (k == "group") group = b_.source_ref(unquote(a.value, a.value_end), unquote_end(a.value, a.value_end));
      } else if (named_text || a.position == 1) {
        text = a.value;
        text_end = a.value_end;
      }
    });
    std::uint32_t c = name.empty() ? b_.new_citation(citation_kind::note, at)
                                   : b_.citation_keyed(group, name, at, citation_kind::note);
    if (c == none) return;
    citation_record& r = b_.citation(c);
    if (!name.empty()) r.name = name;
    r.group = group;
    if (text && !r.defined()) {
      r.define(offset(text), offset(text_end));
      r.offset = at;
    }
    if (!list_defined()) b_.use(c, at, in_text);
  }

  static constexpr const CharT* unquote(const CharT* v, const CharT* e) noexcept {
    return e - v >= 2 && (byte_of(*v) == '"' || byte_of(*v) == '\'') && byte_of(e[-1]) == byte_of(*v) ? v + 1 : v;
  }
  static constexpr const CharT* unquote_end(const CharT* v, const CharT* e) noexcept {
    return e - v >= 2 && (byte_of(*v) == '"' || byte_of(*v) == '\'') && byte_of(e[-1]) == byte_of(*v) ? e - 1 : e;
  }

  // ---- links ---------------------------------------------------------------------------

  constexpr void on_open_bracket(const CharT* limit) {
    if (p_ + 1 < limit && byte_of(p_[1]) == '[') return open_link(limit);
    if (const CharT* url_end = external_url_end(p_ + 1, limit)) return open_external_link(url_end);
    literal(1);
  }

  constexpr void open_link(const CharT* limit) {
    // The target ends at the first of | ] \n [ { } <: the markup bytes but ' & _ and \r,
    // which the walk steps over, noting an '_' (shown as a space).
    const CharT* target = p_ + 2;
    const CharT* stop = target;
    bool underscore = false;
    for (;; ++stop) {
      stop = cursor_.next(stop, limit);
      if (stop >= limit) break;
      const unsigned char c = byte_of(*stop);
      if (c == '_') underscore = true;
      else if (c != '\'' && c != '&' && c != '\r') break;
    }
    if (stop >= limit || byte_of(*stop) == '\n' || byte_of(*stop) == '[' || byte_of(*stop) == '}') return literal(2);
    const link_kind kind = link_prefix_kind(target, stop);
    if (kind == link_kind::normal && close_flat_link(target, stop, limit, underscore)) return;
    if (!can_push()) return literal(2);
    frame f;
    f.kind = frame_kind::link;
    f.start = offset(p_);
    f.content = offset(target);
    f.lkind = kind;
    push(f);
    p_ = target;
    if (byte_of(*stop) == '|' || byte_of(*stop) == ']') p_ = stop;  // the target is not shown as it stands
  }

  /// [[target]] and [[target|label]] with a plain label (the most common markup of all):
  /// shown here, with no frame.
  WIKIREL_HOT_INLINE constexpr bool close_flat_link(const CharT* target, const CharT* stop, const CharT* limit, bool underscore) {
    if (byte_of(*stop) == ']') {
      if (limit - stop < 2 || byte_of(stop[1]) != ']') return false;
      if (emitting()) show_target(target, stop, false, underscore);
      p_ = stop + 2;
      return true;
    }
    // A plain label ends at the next markup byte, which must be the closing "]]".
    const CharT* label = stop + 1;
    const CharT* end = cursor_.next(label, limit);
    if (limit - end < 2 || byte_of(end[0]) != ']' || byte_of(end[1]) != ']') return false;
    if (emitting()) {
      if (end == label) show_target(target, stop, true);  // the pipe trick: [[A (b)|]]
      else b_.text(label, end);
    }
    p_ = end + 2;
    return true;
  }

  constexpr link_kind link_prefix_kind(const CharT* target, const CharT* stop) const noexcept {
    const CharT* t = skip_blanks(target, stop);
    const bool colon = t < stop && byte_of(*t) == ':';
    if (colon) ++t;
    const CharT* c = find_first_of<byte_set<':'>>(t, stop, end_);
    if (c >= stop) return link_kind::normal;  // most links: no namespace
    bool lower = true;
    for (const CharT* q = t; q < c; ++q) lower = lower && !is_upper(byte_of(*q));
    return classify_link_prefix(fold_name(t, c, end_), colon, lower);
  }

  constexpr void on_pipe() {
    frame* f = top();
    if (f && f->kind == frame_kind::template_call) return next_argument(*f);
    if (f && f->kind == frame_kind::link && !f->label) {
      f->label = true;
      f->content = offset(p_ + 1);  // the label
      f->emits = f->lkind == link_kind::normal && f->parent_emits;
      refresh_emitting();
      ++p_;
      return;
    }
    literal(1);
  }

  constexpr void on_close_bracket() {
    frame* f = top();
    if (f && f->kind == frame_kind::external_link) {
      pop();
      ++p_;
      return;
    }
    if (f && f->kind == frame_kind::link && p_ + 1 < end_ && byte_of(p_[1]) == ']') return close_link(*f);
    literal(1);
  }

  constexpr void close_link(const frame& f) {
    const CharT* target = begin_ + f.content;
    if (f.lkind == link_kind::category && !fragment_) add_category(begin_ + f.start + 2, f.label ? target - 1 : p_);
    if (f.lkind == link_kind::normal && f.parent_emits) {
      if (!f.label) show_target(target, p_);
      else if (target == p_) show_target(begin_ + f.start + 2, p_ - 1, true);  // the pipe trick: [[A (b)|]]
    }
    pop();
    p_ += 2;
  }

  /// A link without a label shows its target: "_" as space, no leading ':'.
  /// `underscore` false promises that no '_' stands in the target.
  constexpr void show_target(const CharT* first, const CharT* last, bool pipe_trick = false, bool underscore = true) {
    trim(first, last);
    if (first < last && byte_of(*first) == ':') ++first;
    if (pipe_trick) {
      const CharT* paren = first;
      while (paren < last && byte_of(*paren) != '(' && byte_of(*paren) != ',') ++paren;
      if (paren > first) last = paren;
      trim(first, last);
    }
    if (!underscore) return b_.text(first, last);
    for (const CharT* run = first; run < last;) {
      const CharT* u = find_byte(run, last, '_');
      b_.text(run, u);
      if (u < last) b_.synthesized(" ", offset(u), 1);
      run = u + (u < last ? 1 : 0);
    }
  }

  constexpr void add_category(const CharT* first, const CharT* last) {
    const CharT* colon = find_byte(first, last, ':');
    if (colon < last && byte_of(*first) == ':') colon = find_byte(colon + 1, last, ':');
    if (colon >= last) return;
    const CharT* name = colon + 1;
    const CharT* name_end = find_byte(name, last, '|');
    trim(name, name_end);
    if (name < name_end) b_.add_category(b_.source_ref(name, name_end));
  }

  /// The end of an external link's URL at p, or null when no URL starts there.
  constexpr const CharT* external_url_end(const CharT* p, const CharT* limit) const noexcept {
    if (p >= limit) return nullptr;
    const unsigned char first = to_lower(byte_of(*p));
    bool scheme = false;
    for (std::string_view s : url_schemes) scheme = scheme || (byte_of(s[0]) == first && starts_with_ci(p, limit, s));
    if (!scheme) return nullptr;
    using url_stop = byte_set<' ', '\t', '\n', ']', '<', '[', '"'>;
    const CharT* e = find_first_of<url_stop>(p, limit, end_);
    return e < limit && byte_of(*e) != '\n' && byte_of(*e) != '[' ? e : nullptr;
  }

  constexpr void open_external_link(const CharT* url_end) {
    if (byte_of(*url_end) == ']') {  // no label: MediaWiki shows a number, we show nothing
      p_ = url_end + 1;
      return;
    }
    if (!can_push()) return literal(1);
    frame f;
    f.kind = frame_kind::external_link;
    f.start = offset(p_);
    push(f);
    frames_.back().emits = frames_.back().parent_emits;
    refresh_emitting();
    p_ = url_end;
  }

  // ---- tags ----------------------------------------------------------------------------

  constexpr void on_angle(const CharT* limit) {
    if (limit - p_ >= 4 && byte_of(p_[1]) == '!' && byte_of(p_[2]) == '-' && byte_of(p_[3]) == '-') return skip_comment(limit);
    tag_info<CharT> t = blank<tag_info<CharT>>();
    if (!read_tag(p_, limit, end_, t)) return literal(1);
    switch (t.kind) {
      case tag_kind::ref: return on_ref(t, limit);
      case tag_kind::references: return on_references(t);
      case tag_kind::line_break:
        if (emitting()) b_.space();
        p_ = t.end;
        return;
      case tag_kind::opaque:
      case tag_kind::hidden:
      case tag_kind::nowiki: return skip_tag_content(t, limit);
      default:
        p_ = t.end;  // html markup goes, its content stays
        return;
    }
  }

  constexpr void skip_comment(const CharT* limit) {
    const CharT* after = closers_.comment_end(p_ + 4);
    if (!after || after > limit) {
      if (!fragment_ && !after)
        b_.diagnose(diagnostic_kind::unclosed_comment, "comment \"<!--\" is never closed; the rest is hidden", offset(p_));
      p_ = limit;
      return;
    }
    p_ = after;
  }

  /// <nowiki> shows its content as it stands; <pre>, <math>, <gallery> and kin hide it.
  constexpr void skip_tag_content(const tag_info<CharT>& t, const CharT* limit) {
    p_ = t.end;
    if (t.closing || t.self_closing) return;
    const CharT* after = nullptr;
    const CharT* close = closers_.closing_tag(t.end, limit, t.name.view(), after);
    if (close >= limit) {
      if (!fragment_) b_.diagnose(diagnostic_kind::unclosed_tag, "tag is never closed; its content is read as text", offset(t.begin));
      return;
    }
    if (t.kind == tag_kind::nowiki && emitting()) b_.text(t.end, close);
    p_ = after;
  }

  constexpr void on_references(const tag_info<CharT>& t) {
    p_ = t.end;
    if (t.self_closing) return;
    if (t.closing) {
      if (frame* f = top(); f && f->kind == frame_kind::references) pop();
      return;
    }
    if (!can_push()) return;
    frame f;
    f.kind = frame_kind::references;
    f.start = offset(t.begin);
    f.list_defined = true;
    const CharT *g = nullptr, *g_end = nullptr;
    if (find_attribute(t.attributes, t.attributes_end, "group", g, g_end)) f.group = b_.source_ref(g, g_end);
    push(f);
  }

  constexpr void on_ref(const tag_info<CharT>& t, const CharT* limit) {
    p_ = t.end;
    if (t.closing) return;  // a stray </ref>
    const CharT* content = t.end;
    const CharT* content_end = t.end;
    if (!t.self_closing) {
      const CharT* after = nullptr;
      const CharT* close = closers_.closing_tag(t.end, limit, "ref", after);
      if (close >= limit) {
        if (!fragment_) b_.diagnose(diagnostic_kind::unclosed_tag, "<ref> is never closed; its content is read as text", offset(t.begin));
        return;
      }
      content_end = close;
      p_ = after;
    }
    if (fragment_) return;
    define_and_use(t, content, content_end);
  }

  constexpr void define_and_use(const tag_info<CharT>& t, const CharT* content, const CharT* content_end) {
    const CharT *name = nullptr, *name_end = nullptr, *group = nullptr, *group_end = nullptr;
    // One pass for both: the first "name" and the first "group", as find_attribute gives.
    for_each_attribute(t.attributes, t.attributes_end, [&](const CharT* k, const CharT* k_end, const CharT* v, const CharT* v_end) {
      const auto n = static_cast<std::size_t>(k_end - k);
      if (!name && equals_ci(k, n, "name")) name = v, name_end = v_end;
      else if (!group && equals_ci(k, n, "group")) group = v, group_end = v_end;
      return !name || !group;
    });
    const text_ref name_ref = name ? b_.source_ref(name, name_end) : text_ref{};
    const text_ref group_ref = group ? b_.source_ref(group, group_end) : frames_.empty() ? text_ref{} : frames_.back().group;
    const CharT* body = content;
    const CharT* body_end = content_end;
    trim(body, body_end);
    const std::uint32_t at = offset(t.begin);
    const std::uint32_t c = name_ref.empty() ? b_.new_citation(citation_kind::ref, at) : named_ref(group_ref, name_ref, at);
    if (c == none) return;
    citation_record& r = b_.citation(c);
    r.group = group_ref;
    if (body < body_end && !r.defined()) {
      r.define(offset(body), offset(body_end));
      r.offset = at;
    }
    if (!list_defined()) b_.use(c, at, emitting());
  }

  // ---- inline marks --------------------------------------------------------------------

  /// '' and ''' (and ''''') are emphasis marks and go; other runs leave apostrophes.
  constexpr void on_quote() {
    std::size_t n = 1;
    while (p_ + n < end_ && byte_of(p_[n]) == '\'') ++n;
    if (n == 1) return literal(1);
    const std::size_t marks = n >= 5 ? 5 : n == 4 ? 3 : n;
    literal(n - marks);
    p_ += marks;
  }

  constexpr void on_ampersand() {
    char32_t cp = 0;
    const std::size_t n = decode_entity(p_, end_, cp);
    if (n == 0) return literal(1);
    if (emitting()) b_.code_point(cp, offset(p_), n);
    p_ += n;
  }

  /// Behaviour switches like __TOC__ and __NOTOC__ show nothing.
  constexpr void on_underscore() {
    if (p_ + 1 >= end_ || byte_of(p_[1]) != '_') return literal(1);
    const CharT* q = p_ + 2;
    while (q < end_ && is_upper(byte_of(*q))) ++q;
    if (q - p_ >= 5 && end_ - q >= 2 && byte_of(q[0]) == '_' && byte_of(q[1]) == '_') {
      p_ = q + 2;
      return;
    }
    literal(2);
  }

  // ---- after the body ------------------------------------------------------------------

  /// The parties of a relations article: from its title, else from its infobox. The
  /// template's own form is {{Infobox bilateral relations|A–B|A|B}} (a name, then the two
  /// countries); with two arguments they are the countries.
  constexpr void read_parties() {
    if (b_.has_parties() || infobox_first_ == nullptr) return;
    const CharT* values[3] = {};
    const CharT* ends[3] = {};
    int count = 0;
    for_each_argument(infobox_first_, infobox_last_, end_, [&](const template_arg<CharT>& a) {
      if (!a.named() && a.position <= 3) values[a.position - 1] = a.value, ends[a.position - 1] = a.value_end, ++count;
    });
    const int at = count >= 3 ? 1 : 0;
    if (values[at] == nullptr || values[at + 1] == nullptr) return;
    const text_ref first = render(values[at], ends[at]);
    const text_ref second = render(values[at + 1], ends[at + 1]);
    if (!first.empty() && !second.empty()) {
      b_.add_party(first);
      b_.add_party(second);
    }
  }

  builder_type& b_;
  const CharT* begin_;
  const CharT* end_;
  const CharT* p_;
  std::vector<frame> frames_;
  std::size_t emit_base_ = 0;
  bool base_emits_ = true;
  bool emitting_ = true;
  bool pipes_matter_ = false;
  frame* top_ = nullptr;
  bool fragment_ = false;
  bool line_was_list_ = false;
  bool depth_reported_ = false;
  std::uint32_t heading_blockers_ = 0;
  block_cursor<CharT, specials, structure_specials, quiet_specials> cursor_;
  closer_finder<CharT> closers_;
  unclosed_marks unclosed_;
  const CharT* infobox_first_ = nullptr;
  const CharT* infobox_last_ = nullptr;
};

}  // namespace wikirel::detail

#endif
