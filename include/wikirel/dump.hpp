#ifndef WIKIREL_DUMP_HPP
#define WIKIREL_DUMP_HPP

// Reading MediaWiki XML exports (the "pages-articles" dumps, Special:Export) one page at a
// time. The reader pulls the input in chunks and keeps only the page being read, so memory
// is bounded by the largest page plus one chunk, not by the dump:
//
//     std::ifstream in("enwiki-pages-articles.xml", std::ios::binary);
//     wikirel::dump_reader dump(in);
//     wikirel::dump_page page;
//     while (dump.next(page))
//       if (page.ns == 0 && !page.is_redirect) use(wikirel::parse_page(page));
//     if (const auto* e = dump.error()) std::cerr << e->message << '\n';
//
// Compressed dumps are read through a decompressor: pass a read_function that returns
// decompressed bytes.

#include "basic_article.hpp"
#include "detail/chars.hpp"
#include "detail/scan.hpp"
#include "detail/utf8.hpp"
#include "detail/xml.hpp"
#include "options.hpp"
#include "parse.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace wikirel {

/// One page of a dump, with the text of its last revision.
struct dump_page {
  std::string title;              ///< "Talk:Foo" as written, references decoded
  std::int64_t ns = 0;            ///< namespace number: 0 articles, 1 talk, 10 templates, ...
  std::uint64_t id = 0;           ///< the page id
  std::string redirect;           ///< the target title; empty when the page is not a redirect
  bool is_redirect = false;       ///< a <redirect> element was present (it may lack a title)
  std::uint64_t revision_id = 0;  ///< the last revision's id
  std::string timestamp;          ///< the last revision's time, "2001-01-15T13:15:00Z"
  std::string model;              ///< the last revision's content model: "wikitext", "css", ...
  std::string text;               ///< the last revision's text, references decoded
  std::uint64_t offset = 0;       ///< byte offset of "<page" in the input
};

/// What went wrong, broadly; the message says exactly what and where.
enum class dump_error_kind : std::uint8_t {
  malformed,    ///< not well-formed XML, or the input ends inside an element
  encoding,     ///< UTF-16 or a declared encoding other than UTF-8
  not_a_dump,   ///< no <mediawiki> root element
  too_large,    ///< one page is larger than max_page_size()
  read_failed,  ///< the std::istream went bad
};

/// Why a dump_reader stopped early.
struct dump_error {
  dump_error_kind kind = dump_error_kind::malformed;
  std::uint64_t offset = 0;  ///< the byte at which the problem was found
  std::string message;       ///< one line: "malformed dump at byte 12345: ..."
};

/// True when `first_bytes` (the start of an input) is a MediaWiki export: after an optional
/// byte-order mark, XML declaration, comments and white space, it starts with "<mediawiki".
inline bool looks_like_dump(std::string_view first_bytes) noexcept {
  const std::string_view rest = detail::skip_xml_prolog(detail::skip_utf8_bom(first_bytes));
  if (rest.substr(0, 10) != "<mediawiki") return false;
  if (rest.size() == 10) return true;
  const unsigned char c = detail::byte_of(rest[10]);
  return detail::is_space(c) || c == '>' || c == '/';
}

/// A pull reader over the pages of a MediaWiki XML export (schema 0.10, 0.11 and the
/// older ones with the same shape). next() returns the pages in order; it never throws and
/// never crashes on bad input: it returns false and error() tells why, after returning
/// every complete page before the fault.
///
/// It reads the XML that exports use, not all of XML: no DTD-declared entities (a
/// DOCTYPE is skipped), attribute values are not white-space normalized, and a reference
/// XML does not define ("&nbsp;", "&#xZZ;") stays as written. Reading stops at
/// </mediawiki>; bytes after it are not read.
class dump_reader {
 public:
  /// Fills buffer with up to size bytes; returns how many, 0 at the end of the input.
  using read_function = std::function<std::size_t(char* buffer, std::size_t size)>;

  static constexpr std::size_t default_chunk = std::size_t{1} << 20;
  static constexpr std::size_t default_max_page_size = std::size_t{256} << 20;

  /// Reads from a stream (open it in binary mode), `chunk` bytes at a time.
  explicit dump_reader(std::istream& in, std::size_t chunk = default_chunk)
      : dump_reader(
            [&in](char* buffer, std::size_t size) {
              in.read(buffer, static_cast<std::streamsize>(size));
              return static_cast<std::size_t>(in.gcount());
            },
            chunk) {
    stream_ = &in;
  }

  /// Reads through a function, asking for `chunk` bytes at a time.
  explicit dump_reader(read_function read, std::size_t chunk = default_chunk)
      : read_(std::move(read)), chunk_(chunk == 0 ? 1 : chunk) {}

  /// Reads the next page into `page` (reusing its strings' memory). False at the end of
  /// the dump or on an error; see error().
  bool next(dump_page& page) {
    if (state_ != state::running) return false;
    for (;;) {
      switch (run(page)) {
        case step::page: return true;
        case step::done: state_ = state::finished; return false;
        case step::failed: return false;
        case step::go:  // run() never returns it
        case step::more:
          if (eof_) return fail_at_end();
          if (!within_limit()) return false;
          if (!fill()) return false;
          break;
      }
    }
  }

  /// Null when the reader has not failed (it may still be reading or have ended cleanly).
  const dump_error* error() const noexcept { return state_ == state::failed ? &error_ : nullptr; }

  /// Bytes taken from the input so far, for progress reports.
  std::uint64_t bytes_read() const noexcept { return base_ + size_; }

  /// The wiki's name from <siteinfo><sitename>, once read; empty when the dump has none.
  std::string_view site_name() const noexcept { return site_name_; }

  /// The largest page (from "<page" to "</page>") that is read; a larger one is an error.
  void set_max_page_size(std::size_t bytes) noexcept { max_page_size_ = bytes; }
  std::size_t max_page_size() const noexcept { return max_page_size_; }

 private:
  enum class state : std::uint8_t { running, finished, failed };
  /// go: the scanner moved on and runs again; more: it needs more input.
  enum class step : std::uint8_t { go, more, page, done, failed };
  /// What the scanner is in: character data, or a piece of markup begun at token_.
  enum class mode : std::uint8_t { content, open, tag, comment, cdata, pi, declaration };
  /// The elements whose character data the reader keeps.
  enum class field : std::uint8_t { none, title, ns, id, revision_id, timestamp, model, text, site_name };

  struct open_element {
    std::string name;
    std::uint64_t offset = 0;
  };
  /// Character data by absolute offsets; it stays in the buffer until the page ends.
  struct range {
    std::uint64_t first = 0, last = 0;
  };
  struct page_ranges {
    range title, ns, id, redirect, revision_id, timestamp, model, text;
    bool is_redirect = false;
  };

  // ---- input -------------------------------------------------------------------------------

  /// The buffer holds input bytes [base_, base_ + size_).
  const char* at(std::uint64_t offset) const noexcept { return buffer_.get() + (offset - base_); }
  std::uint64_t offset_of(const char* p) const noexcept {
    return base_ + static_cast<std::uint64_t>(p - buffer_.get());
  }
  std::uint64_t end_offset() const noexcept { return base_ + size_; }

  /// The first byte still needed: the open page or siteinfo, else the markup being read.
  std::uint64_t keep_from() const noexcept {
    if (in_record_) return record_;
    return mode_ == mode::content ? scan_ : token_;
  }

  /// Appends one chunk. Consumed bytes are dropped only when they outnumber the kept ones,
  /// so each byte is moved O(1) times on average and reading stays linear.
  bool fill() {
    const std::size_t drop = static_cast<std::size_t>(keep_from() - base_);
    if (drop >= 4096 && drop >= size_ - drop) {
      std::memmove(buffer_.get(), buffer_.get() + drop, size_ - drop);
      size_ -= drop;
      base_ += drop;
    }
    reserve(size_ + chunk_);
    std::size_t n = read_ ? read_(buffer_.get() + size_, chunk_) : 0;
    if (n > chunk_) n = chunk_;
    size_ += n;
    if (stream_ != nullptr && stream_->bad())
      return fail(dump_error_kind::read_failed, end_offset(), "read error at byte " + std::to_string(end_offset()));
    eof_ = n == 0;
    return true;
  }

  void reserve(std::size_t needed) {
    if (needed <= capacity_) return;
    const std::size_t grown = capacity_ * 2 > needed ? capacity_ * 2 : needed;
    std::unique_ptr<char[]> bigger(new char[grown]);
    if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }

  // ---- errors ------------------------------------------------------------------------------

  bool fail(dump_error_kind kind, std::uint64_t offset, std::string message) {
    state_ = state::failed;
    error_.kind = kind;
    error_.offset = offset;
    error_.message = std::move(message);
    return false;
  }

  step fail_malformed(std::uint64_t offset, const std::string& what) {
    fail(dump_error_kind::malformed, offset, "malformed dump at byte " + std::to_string(offset) + ": " + what);
    return step::failed;
  }

  step fail_not_a_dump(std::uint64_t offset, const std::string& why) {
    fail(dump_error_kind::not_a_dump, offset, "not a MediaWiki XML export: " + why);
    return step::failed;
  }

  static std::string at_byte(std::string_view what, std::uint64_t offset) {
    return std::string(what) + " opened at byte " + std::to_string(offset);
  }

  /// The input ended before the dump did.
  bool fail_at_end() {
    const std::uint64_t end = end_offset();
    if (!root_seen_) {
      fail_not_a_dump(end, end == 0 ? "the input is empty" : "no <mediawiki> root element");
    } else if (in_record_) {
      fail_malformed(end, at_byte("<" + stack_[1].name + ">", record_) + " is never closed");
    } else if (mode_ != mode::content) {
      fail_malformed(end, "the input ends inside markup that starts at byte " + std::to_string(token_));
    } else {
      const open_element& top = stack_[depth_ - 1];
      fail_malformed(end, at_byte("<" + top.name + ">", top.offset) + " is never closed");
    }
    return false;
  }

  /// Checked before each read, so a huge page (or an endless comment or tag) costs at
  /// most the limit plus one chunk.
  bool within_limit() {
    if (end_offset() - keep_from() <= max_page_size_) return true;
    if (in_record_) {
      fail_too_large(stack_[1].name, end_offset());
    } else {
      fail(dump_error_kind::too_large, end_offset(),
           "markup too large at byte " + std::to_string(end_offset()) + ": markup that starts at byte " +
               std::to_string(token_) + " is longer than the limit of " + std::to_string(max_page_size_) + " bytes");
    }
    return false;
  }

  step fail_too_large(std::string_view name, std::uint64_t offset) {
    fail(dump_error_kind::too_large, offset,
         "page too large at byte " + std::to_string(offset) + ": " + at_byte("<" + std::string(name) + ">", record_) +
             " is longer than the limit of " + std::to_string(max_page_size_) + " bytes");
    return step::failed;
  }

  // ---- scanning ----------------------------------------------------------------------------

  /// Scans what is in the buffer until a page is complete, more input is needed, the dump
  /// ends or an error. Every mode resumes where it stopped, so no byte is scanned twice
  /// (bar the few of an unfinished "<!" or terminator).
  step run(dump_page& page) {
    if (!started_ && !start()) return state_ == state::failed ? step::failed : step::more;
    for (;;) {
      step s = step::more;
      switch (mode_) {
        case mode::content: s = scan_content(); break;
        case mode::open: s = classify(); break;
        case mode::tag: s = scan_tag(page); break;
        case mode::comment: s = scan_to("-->", token_ + 4); break;
        case mode::cdata: s = scan_to("]]>", token_ + 9); break;
        case mode::pi: s = scan_pi(); break;
        case mode::declaration: s = scan_declaration(); break;
      }
      if (s != step::go) return s;
    }
  }

  /// Checks the first bytes for a byte-order mark: UTF-8's is skipped, UTF-16's refused.
  bool start() {
    if (size_ < 4 && !eof_) return false;
    const auto b = [&](std::size_t i) { return i < size_ ? detail::byte_of(buffer_[i]) : 0u; };
    if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF))
      return fail(dump_error_kind::encoding, 0,
                  "unsupported encoding at byte 0: a UTF-16 byte-order mark; convert the dump to UTF-8");
    if ((b(0) == '<' && b(1) == 0) || (b(0) == 0 && b(1) == '<'))
      return fail(dump_error_kind::encoding, 0,
                  "unsupported encoding at byte 0: UTF-16 text; convert the dump to UTF-8");
    if (const char* kind = compressed_kind(); kind != nullptr) {
      fail_not_a_dump(0, std::string("the input is ") + kind + "-compressed; decompress it first");
      return false;
    }
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) scan_ = 3;
    started_ = true;
    return true;
  }

  const char* compressed_kind() const noexcept {
    const std::string_view head(buffer_.get(), size_ < 4 ? size_ : 4);
    if (head.substr(0, 3) == "BZh") return "bzip2";
    if (head.substr(0, 2) == "\x1F\x8B") return "gzip";
    if (head ==
        "\xFD"
        "7zX")
      return "xz";
    if (head == "\x28\xB5\x2F\xFD") return "zstd";
    return nullptr;
  }

  /// Character data: skip to the next '<' (memchr). Before the root only white space may
  /// appear.
  step scan_content() {
    const char* p = at(scan_);
    const char* end = at(end_offset());
    const char* q = detail::find_byte(p, end, '<');
    if (!root_seen_ && detail::skip_spaces(p, q) != q)
      return fail_not_a_dump(offset_of(detail::skip_spaces(p, q)), "text before the root element");
    if (q == end) {
      scan_ = end_offset();
      return step::more;
    }
    token_ = offset_of(q);
    scan_ = token_;
    mode_ = mode::open;
    return step::go;
  }

  /// Decides what the markup at token_ is; needs up to 9 bytes ("<![CDATA[").
  step classify() {
    const char* p = at(token_);
    const char* end = at(end_offset());
    const std::size_t avail = static_cast<std::size_t>(end - p);
    if (avail < 2 || (p[1] == '!' && avail < 9 && !eof_)) return step::more;
    const unsigned char c = detail::byte_of(p[1]);
    std::uint64_t skip = 1;
    if (c == '/' || detail::is_alpha(c) || c == '_' || c == ':' || c >= 0x80) {
      mode_ = mode::tag;
      quote_ = 0;
    } else if (c == '?') {
      mode_ = mode::pi;
      skip = 2;
    } else if (detail::starts_with(p, end, "<!--")) {
      mode_ = mode::comment;
      skip = 4;
    } else if (detail::starts_with(p, end, "<![CDATA[")) {
      if (!root_seen_) return fail_not_a_dump(token_, "a CDATA section before the root element");
      mode_ = mode::cdata;
      skip = 9;
    } else if (c == '!') {
      mode_ = mode::declaration;
      quote_ = 0;
      skip = 2;
    } else {
      return fail_malformed(token_, "'<' that does not start markup");
    }
    scan_ = token_ + skip;
    return step::go;
  }

  /// Comments and CDATA sections: find the terminator, resuming near where the last search
  /// stopped (a terminator may straddle the end of the buffer).
  step scan_to(std::string_view terminator, std::uint64_t body) {
    const char* p = at(scan_ > body ? scan_ : body);
    const char* end = at(end_offset());
    const char* hit = detail::find_text(p, end, terminator);
    if (hit == end) {
      const std::uint64_t tail = terminator.size() - 1;
      scan_ = end_offset() - body >= tail ? end_offset() - tail : body;
      return step::more;
    }
    scan_ = offset_of(hit) + terminator.size();
    mode_ = mode::content;
    return step::go;
  }

  /// Processing instructions: the XML declaration must not name another encoding.
  step scan_pi() {
    const std::uint64_t body = token_ + 2;
    const step s = scan_to("?>", body);
    if (mode_ != mode::content) return s;
    const std::string_view pi(at(body), static_cast<std::size_t>(scan_ - 2 - body));
    if (pi.substr(0, 3) != "xml" || (pi.size() > 3 && !detail::is_space(detail::byte_of(pi[3])))) return s;
    std::string_view encoding;
    if (!detail::find_xml_attribute(pi.substr(3), "encoding", encoding) ||
        detail::equals_ci(encoding.data(), encoding.size(), "utf-8"))
      return s;
    fail(dump_error_kind::encoding, token_,
         "unsupported encoding at byte " + std::to_string(token_) + ": the XML declaration says \"" +
             excerpt(encoding) + "\"; only UTF-8 is read");
    return step::failed;
  }

  /// "<!DOCTYPE ...>", with an internal subset in brackets that may hold '>'.
  step scan_declaration() {
    const char* p = at(scan_);
    const char* end = at(end_offset());
    for (; p < end; ++p) {
      if (quote_ != 0) {
        if (*p == ']') quote_ = 0;
      } else if (*p == '[') {
        quote_ = '[';
      } else if (*p == '>') {
        scan_ = offset_of(p + 1);
        mode_ = mode::content;
        return step::go;
      }
    }
    scan_ = end_offset();
    return step::more;
  }

  /// A tag: find its '>' outside quoted attribute values, then act on it.
  step scan_tag(dump_page& page) {
    const char* p = at(scan_);
    const char* end = at(end_offset());
    while (p < end) {
      if (quote_ != 0) {
        const char* q = detail::find_byte(p, end, quote_);
        if (q == end) break;
        quote_ = 0;
        p = q + 1;
        continue;
      }
      const char* q = detail::find_first_of<detail::byte_set<'>', '"', '\''>>(p, end);
      if (q == end) break;
      if (*q == '>') {
        scan_ = offset_of(q + 1);
        mode_ = mode::content;
        return on_tag(std::string_view(at(token_), static_cast<std::size_t>(scan_ - token_)), page);
      }
      quote_ = *q;
      p = q + 1;
    }
    scan_ = end_offset();
    return step::more;
  }

  // ---- elements ----------------------------------------------------------------------------

  step on_tag(std::string_view text, dump_page& page) {
    detail::xml_tag tag;
    if (!detail::parse_xml_tag(text, tag)) return fail_malformed(token_, "malformed tag " + excerpt(text));
    if (tag.closing) return close(tag.name, token_, page);
    const step s = open(tag);
    if (s != step::go || !tag.self_closing) return s;
    return close(tag.name, scan_, page);
  }

  /// At most 60 bytes of `text` for a message, on one line, cut at a character boundary.
  static std::string excerpt(std::string_view text) {
    std::size_t n = text.size();
    if (n > 60) {
      n = 57;
      while (n > 0 && !detail::starts_code_point(detail::byte_of(text[n]))) --n;
    }
    std::string out(text.substr(0, n));
    for (char& c : out)
      if (detail::byte_of(c) < 0x20) c = ' ';
    return n < text.size() ? out + "..." : out;
  }

  step open(const detail::xml_tag& tag) {
    if (!root_seen_) {
      if (tag.name != "mediawiki")
        return fail_not_a_dump(token_, "the root element is <" + std::string(tag.name) + ">");
      root_seen_ = true;
    } else if (capture_ != field::none) {
      const open_element& top = stack_[depth_ - 1];
      return fail_malformed(token_, "<" + std::string(tag.name) + "> inside " +
                                        at_byte("<" + top.name + ">", top.offset) + " (missing </" + top.name + ">?)");
    } else {
      on_open(tag);
    }
    if (stack_.size() == depth_) stack_.emplace_back();
    stack_[depth_].name.assign(tag.name);
    stack_[depth_].offset = token_;
    ++depth_;
    return step::go;
  }

  bool parent_is(std::size_t depth, std::string_view name) const noexcept {
    return depth_ == depth && stack_[depth - 1].name == name;
  }

  /// Notes the start of the elements a page is made of.
  void on_open(const detail::xml_tag& tag) {
    const std::string_view name = tag.name;
    if (depth_ == 1 && (name == "page" || name == "siteinfo")) {
      in_record_ = true;
      record_ = token_;
      ranges_ = page_ranges{};
    } else if (!in_record_) {
      return;
    } else if (parent_is(2, "page")) {
      if (name == "title") capture(field::title);
      else if (name == "ns") capture(field::ns);
      else if (name == "id") capture(field::id);
      else if (name == "revision") ranges_.text = ranges_.revision_id = ranges_.timestamp = ranges_.model = range{};
      else if (name == "redirect") on_redirect(tag.attributes);
    } else if (parent_is(3, "revision")) {
      if (name == "text") capture(field::text);
      else if (name == "id") capture(field::revision_id);
      else if (name == "timestamp") capture(field::timestamp);
      else if (name == "model") capture(field::model);
    } else if (parent_is(2, "siteinfo") && name == "sitename") {
      capture(field::site_name);
    }
  }

  void capture(field f) {
    capture_ = f;
    capture_from_ = scan_;
  }

  void on_redirect(std::string_view attributes) {
    ranges_.is_redirect = true;
    std::string_view title;
    if (!detail::find_xml_attribute(attributes, "title", title)) return;
    ranges_.redirect.first = offset_of(title.data());
    ranges_.redirect.last = ranges_.redirect.first + title.size();
  }

  step close(std::string_view name, std::uint64_t content_end, dump_page& page) {
    if (depth_ == 0) return fail_malformed(token_, "stray </" + std::string(name) + "> after the root element");
    const open_element& top = stack_[depth_ - 1];
    if (top.name != name) return mismatch(name);
    if (capture_ != field::none) {
      store(capture_, range{capture_from_, content_end});
      capture_ = field::none;
    }
    --depth_;
    if (depth_ == 0) return step::done;
    if (depth_ != 1 || !in_record_) return step::go;
    if (scan_ - record_ > max_page_size_) return fail_too_large(name, scan_);
    in_record_ = false;
    if (name == "siteinfo") return step::go;
    deliver(page);
    return step::page;
  }

  step mismatch(std::string_view name) {
    const open_element& top = stack_[depth_ - 1];
    const std::string closing = "</" + std::string(name) + ">";
    for (std::size_t i = depth_ - 1; i-- > 0;)
      if (stack_[i].name == name)
        return fail_malformed(token_,
                              closing + " while " + at_byte("<" + top.name + ">", top.offset) + " is still open");
    return fail_malformed(token_, "stray " + closing + " inside " + at_byte("<" + top.name + ">", top.offset));
  }

  void store(field f, range r) {
    switch (f) {
      case field::title: ranges_.title = r; break;
      case field::ns: ranges_.ns = r; break;
      case field::id: ranges_.id = r; break;
      case field::revision_id: ranges_.revision_id = r; break;
      case field::timestamp: ranges_.timestamp = r; break;
      case field::model: ranges_.model = r; break;
      case field::text: ranges_.text = r; break;
      case field::site_name:
        site_name_.clear();
        decode(r, site_name_);
        break;
      case field::none: break;
    }
  }

  // ---- the page ----------------------------------------------------------------------------

  void decode(range r, std::string& out) const {
    out.clear();
    if (r.first == r.last) return;  // also the unset range, which points nowhere
    detail::xml_decode_append(at(r.first), at(r.last), out);
  }

  /// A decimal number, possibly signed and surrounded by white space; 0 when it is not one.
  template <class Int>
  Int number(range r) const noexcept {
    if (r.first == r.last) return 0;
    const char* p = at(r.first);
    const char* end = at(r.last);
    detail::trim(p, end);
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    if (negative && !std::is_signed_v<Int>) return 0;
    if (p == end || end - p > 18) return 0;  // 18 digits fit either type
    std::uint64_t value = 0;
    for (; p < end; ++p) {
      if (!detail::is_digit(detail::byte_of(*p))) return 0;
      value = value * 10 + static_cast<std::uint64_t>(*p - '0');
    }
    return negative ? static_cast<Int>(0 - value) : static_cast<Int>(value);
  }

  void deliver(dump_page& page) const {
    decode(ranges_.title, page.title);
    page.ns = number<std::int64_t>(ranges_.ns);
    page.id = number<std::uint64_t>(ranges_.id);
    page.is_redirect = ranges_.is_redirect;
    decode(ranges_.redirect, page.redirect);
    page.revision_id = number<std::uint64_t>(ranges_.revision_id);
    decode(ranges_.timestamp, page.timestamp);
    decode(ranges_.model, page.model);
    decode(ranges_.text, page.text);
    page.offset = record_;
  }

  // ---- state -------------------------------------------------------------------------------

  read_function read_;
  std::istream* stream_ = nullptr;
  std::size_t chunk_ = default_chunk;
  std::size_t max_page_size_ = default_max_page_size;

  std::unique_ptr<char[]> buffer_;
  std::size_t size_ = 0, capacity_ = 0;
  std::uint64_t base_ = 0;  ///< the input offset of buffer_[0]
  bool eof_ = false;
  bool started_ = false;

  mode mode_ = mode::content;
  std::uint64_t scan_ = 0;   ///< where scanning resumes
  std::uint64_t token_ = 0;  ///< the '<' of the markup being read
  char quote_ = 0;           ///< the open quote in a tag, '[' in a DOCTYPE subset

  std::vector<open_element> stack_;  ///< slots are reused: names keep their memory
  std::size_t depth_ = 0;
  bool root_seen_ = false;
  bool in_record_ = false;  ///< inside a <page> or <siteinfo>: its bytes are kept
  std::uint64_t record_ = 0;
  field capture_ = field::none;
  std::uint64_t capture_from_ = 0;
  page_ranges ranges_;
  std::string site_name_;

  state state_ = state::running;
  dump_error error_;
};

/// Reads a page's text as an article, with the page title in options (unless opts sets
/// one) and as wikitext when the page's content model is wikitext. The article's views
/// point into page.text: keep the page alive and unchanged while using the article.
inline article parse_page(const dump_page& page, options opts = {}) {
  if (opts.title.empty()) opts.title = page.title;
  if (opts.format == format::auto_detect && (page.model.empty() || page.model == "wikitext"))
    opts.format = format::wikitext;
  return parse(page.text, opts);
}

}  // namespace wikirel

#endif
