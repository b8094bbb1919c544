#!/usr/bin/env python3
"""Writes wikirel's hostile inputs to files, one per family, at a given size.

The families are those that wikirel_hostile (tests/fuzz/hostile_scaling.cpp) builds in
memory and times; the files are for other tools: the CLI, a profiler, the fuzzer.

    python3 tests/fuzz/hostile.py --size 8M --out /tmp/hostile           # every family
    python3 tests/fuzz/hostile.py --size 64K --out /tmp/h --family quotes --fuzz
    python3 tests/fuzz/hostile.py --list

Files are NAME.wiki (wikitext), NAME.txt (plain text), NAME.auto (either) or NAME.xml (a
dump). --fuzz prefixes each with the mode byte of wikirel_fuzz (wikitext 0, plain text 1,
auto 2, dump 4), so `wikirel_fuzz FILE` runs it. Time one with
`wikirel_hostile --file FILE --format wikitext` (its first half against the whole).
"""
import argparse
import pathlib
import sys

PROSE_UNIT = (
    "== History ==\n"
    "The harbour at [[Lindmoor]] handled about 40 ships a year in the 1930s.<ref name=h1>{{cite web "
    "|title=Annual report |date=2 March 2015 |url=https://example.org/r}}</ref> A storm on 3 May 1931 "
    "destroyed the outer wall.<ref>Harbour Trust, ''Minutes'', 1932.</ref> Two years later it was rebuilt "
    "with help from [[Vessel Bay|the bay towns]].<ref name=h1/>\n"
    "* In 1947 the '''mill''' closed.\n"
    "{{Infobox place|name=Lindmoor|founded=1821}}\n"
    "Between 1950 and 1953 the town grew by a third (from 2,600 to 3,500 people).\n\n"
).encode()
SENTENCE = b"In 1921 the council of the town met again to discuss the harbour. "
TAGS = ["ref", "nowiki", "includeonly", "pre", "syntaxhighlight", "source", "math", "score", "timeline",
        "graph", "templatedata", "hiero", "chem", "ce", "imagemap", "inputbox", "categorytree", "gallery",
        "mapframe", "maplink", "charinsert", "templatestyles", "indicator", "dynamicpagelist", "rss", "quiz"]


def repeat(unit, n, head=b"", tail=b""):
    """`unit` repeated after `head` until n bytes (cut at n), `tail` last."""
    if isinstance(unit, str):
        unit = unit.encode()
    body = max(0, n - len(head) - len(tail))
    s = (unit * (body // max(1, len(unit)) + 1))[:body]
    return (head + s + tail)[: max(n, len(head) + len(tail))]


def gen_lines(n, make_line, head=b""):
    out = [head]
    size = len(head)
    i = 0
    while size < n:
        line = make_line(i)
        out.append(line)
        size += len(line)
        i += 1
    return b"".join(out)[:n]


def named_refs(n):
    def line(i):
        s = f"Fact {i} in 1921.<ref name=r{i}>Source {i}</ref>"
        if i % 3 == 2:
            s += f"<ref name=r{i // 2}/>"
        if i % 8 == 7:
            s += "\n"
        return s.encode()
    return gen_lines(n, line)


def cite_many_args(n):
    head = b"In 1921 the town grew.<ref>{{cite book |title=Book |date=1921 "
    tail = b"}}</ref>\n"
    body = gen_lines(n - len(head) - len(tail), lambda i: f"|last{i + 1}=A{i + 1} |first{i + 1}=B ".encode())
    return head + body + tail


def invalid_utf8(n):
    out = bytearray()
    x = 12345
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        r = (x >> 16) & 0xFF
        if r < 96:
            out.append(0x80 | (r & 0x7F))
        elif r < 128:
            out += b"\xe2\x80"
        elif r < 140:
            out += b"\xf4\x90\x80\x80"
        elif r < 150:
            out += b"\xed\xa0\x80"
        elif r < 160:
            out += b"\xc0\xaf"
        else:
            out += b"1921 " if r & 1 else b"March "
    return bytes(out[:n])


def with_nuls(n):
    s = bytearray(repeat(SENTENCE, n))
    for i in range(7, len(s), 13):
        s[i] = 0
    return bytes(s)


def plaintext_numbered_refs(n):
    k = n // 80 + 1
    out = [b"Title\n\nFrom Wikipedia, the free encyclopedia\n\n"]
    size = len(out[0])
    i = 1
    while i <= k and size < n // 2:
        line = f"In {1800 + i % 200} a thing happened.[{i}]\n".encode()
        out.append(line)
        size += len(line)
        i += 1
    out.append(b"\nReferences\n\n")
    size += 13
    i = 1
    while size < n:
        line = f"{i}. ^ Source number {i}.\n".encode()
        out.append(line)
        size += len(line)
        i += 1
    return b"".join(out)[:n]


def dump_huge_page(n):
    head = (b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">\n<page>\n<title>Huge</title>\n<ns>0</ns>\n'
            b'<id>1</id>\n<revision>\n<id>2</id>\n<model>wikitext</model>\n<text xml:space="preserve">')
    tail = b"</text>\n</revision>\n</page>\n</mediawiki>\n"
    return repeat(b"The harbour at [[Lindmoor]] handled about 40 ships a year in the 1930s.&lt;ref&gt;x&lt;/ref&gt; "
                  b"A storm on 3 May 1931 destroyed the outer wall &amp; the pier.\n", n, head, tail)


def dump_tiny_pages(n):
    head = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">\n'
    tail = b"</mediawiki>\n"
    out = [head]
    size = len(head)
    i = 1
    while size + 200 < n:
        page = (f"<page><title>P{i}</title><ns>0</ns><id>{i}</id><revision><id>{i}</id>"
                f"<text>In 1921 x.</text></revision></page>\n").encode()
        out.append(page)
        size += len(page)
        i += 1
    out.append(tail)
    return b"".join(out)


def many_unclosed_tag_kinds(n):
    return gen_lines(n, lambda i: f"<{TAGS[i % len(TAGS)]}>x ".encode())


def crlf(n):
    return repeat(PROSE_UNIT.replace(b"\n", b"\r\n"), n)


def lone_cr(n):
    return repeat(PROSE_UNIT.replace(b"\n", b"\r"), n)


def unresolved_reuses(n):
    return gen_lines(n, lambda i: f"x<ref name=u{i}/> ".encode())


W, P, A, D = "wiki", "txt", "auto", "xml"
TAGS13_HEAD = ("<ref>x<nowiki>x<includeonly>x<pre>x<syntaxhighlight>x<source>x<math>x<score>x"
               "<timeline>x<graph>x<templatedata>x<hiero>x").encode()

# name: (kind, description, generator(n) -> bytes); the same list as hostile_scaling.cpp.
FAMILIES = {
    "prose": (W, "an ordinary article, repeated (the baseline)", lambda n: repeat(PROSE_UNIT, n)),
    "open_templates": (W, '"{{" repeated', lambda n: repeat("{{", n)),
    "open_links": (W, '"[[" repeated', lambda n: repeat("[[", n)),
    "open_tables": (W, '"{|\\n" repeated', lambda n: repeat("{|\n", n)),
    "nested_templates": (W, '"{{a|" x k then "}}" x k', lambda n: repeat("{{a|", 4 * (n // 6)) + b"x" + repeat("}}", n - 4 * (n // 6) - 1)),
    "nested_links": (W, '"[[a|" x k then "]]" x k', lambda n: repeat("[[a|", 4 * (n // 6)) + b"x" + repeat("]]", n - 4 * (n // 6) - 1)),
    "nested_tables": (W, '"{|\\n|\\n" x k then "|}\\n" x k', lambda n: repeat("{|\n|\n", 5 * (n // 8)) + repeat("|}\n", n - 5 * (n // 8))),
    "unclosed_ref": (W, 'one "<ref>" then prose', lambda n: repeat(SENTENCE, n, b"<ref>")),
    "unclosed_comment": (W, 'one "<!--" then prose', lambda n: repeat(SENTENCE, n, b"<!--")),
    "unclosed_nowiki": (W, 'one "<nowiki>" then prose', lambda n: repeat(SENTENCE, n, b"<nowiki>")),
    "many_open_refs": (W, '"<ref>x " repeated', lambda n: repeat("<ref>x ", n)),
    "many_open_comments": (W, '"<!-- x " repeated', lambda n: repeat("<!-- x ", n)),
    "many_open_nowikis": (W, '"<nowiki>x " repeated', lambda n: repeat("<nowiki>x ", n)),
    "many_open_tag_kinds": (W, "26 kinds of unclosed tags in turn", many_unclosed_tag_kinds),
    "open_tags_13_kinds": (W, '12 kinds of unclosed tags once, then "<quiz>x " repeated', lambda n: repeat("<quiz>x ", n, TAGS13_HEAD)),
    "open_tags_in_cite": (W, "unclosed <pre>s inside a {{cite web}} argument", lambda n: repeat("<pre>a ", n, b"In 1921.<ref>{{cite web|title=", b"}}</ref>")),
    "long_line": (W, "one line of dated sentences", lambda n: repeat(SENTENCE, n)),
    "long_line_markup": (W, "one line of links, bold and refs", lambda n: repeat("In 1921 '''[[Lindmoor|the town]]''' grew.<ref>x</ref> ", n)),
    "quotes": (W, "a run of '", lambda n: repeat("'", n)),
    "equals": (W, "a run of = on one line", lambda n: repeat("=", n)),
    "equals_lines": (W, "lines of 999 '='", lambda n: repeat("=" * 999 + "\n", n)),
    "pipes": (W, "a run of |", lambda n: repeat("|", n)),
    "pipes_in_template": (W, "{{x then a run of |", lambda n: repeat("|", n, b"{{x", b"}}")),
    "named_refs": (W, "<ref name=rN> definitions and reuses", named_refs),
    "ref_reuses": (W, "one named ref reused everywhere", lambda n: repeat("In 1921 it grew.<ref name=a/> ", n, b"Start.<ref name=a>Source</ref>\n")),
    "unresolved_reuses": (W, "reuses of names never defined", unresolved_reuses),
    "refs_one_sentence": (W, "one dated sentence then a run of <ref>s", lambda n: repeat("<ref>x</ref>", n, b"In 1921 the town grew")),
    "dates_refs_one_sentence": (W, '"in 1921<ref>a</ref>, " repeated', lambda n: repeat("in 1921<ref>a</ref>, ", n)),
    "dates_one_sentence": (W, '"on 3 May 1921, " repeated', lambda n: repeat("on 3 May 1921, ", n)),
    "relative_dates": (W, "relative dates after one date", lambda n: repeat("Two days later the next day. ", n, b"On 3 May 1921 it began. ")),
    "cite_many_args": (W, "one {{cite book}} with a huge number of authors", cite_many_args),
    "many_headings": (W, '"== 1921 ==\\nx\\n" repeated', lambda n: repeat("== 1921 ==\nx\n", n)),
    "deep_lists": (W, "lines of 200 list markers", lambda n: repeat("*" * 100 + "#" * 100 + " In 1921.\n", n)),
    "entities": (W, "character references, good and bad", lambda n: repeat("&amp;&ndash;&#8211;&#x2013;&bogus;& &#99999999999; ", n)),
    "open_external_links": (W, '"[http://x " repeated', lambda n: repeat("[http://example.org/a ", n)),
    "invalid_utf8": (W, "invalid UTF-8 among dates", invalid_utf8),
    "nul_bytes": (W, "NUL bytes in prose", with_nuls),
    "bom": (W, "a BOM then an article", lambda n: repeat(PROSE_UNIT, n, b"\xef\xbb\xbf")),
    "boms": (W, "BOMs between all the words", lambda n: repeat(b"\xef\xbb\xbfIn\xef\xbb\xbf 1921\xef\xbb\xbf ", n)),
    "crlf": (W, "an article with CRLF line ends", crlf),
    "lone_cr": (W, "an article with CR line ends", lone_cr),
    "auto_prose": (A, "an article, format detected", lambda n: repeat(PROSE_UNIT, n)),
    "pt_prose": (P, "plain text: wrapped prose", lambda n: repeat(b"The harbour handled about 40 ships a year. In 1931 a storm destroyed the outer wall, and two years later it was rebuilt.\n", n)),
    "pt_short_lines": (P, "plain text: short lines", lambda n: repeat("Ab cd\n", n)),
    "pt_heading_like": (P, "plain text: short lines between blank lines", lambda n: repeat("History\n\nIn 1921 it grew.\n\n", n)),
    "pt_markers": (P, "plain text: [1] markers", lambda n: repeat("[1]", n, b"Title\n\nIn 1921")),
    "pt_marker_lines": (P, "plain text: dated lines with a marker", lambda n: repeat("In 1921 it grew.[1]\n", n, b"Title\n\n", b"\nReferences\n\n1. ^ A source.\n")),
    "pt_carets": (P, "plain text: ^ entries", lambda n: repeat("^ a b c Source, 1921.\n", n, b"Title\n\nReferences\n\n")),
    "pt_numbered_refs": (P, "plain text: [n] markers and n. ^ entries", plaintext_numbered_refs),
    "pt_long_line": (P, "plain text: one long line", lambda n: repeat(SENTENCE, n)),
    "pt_crlf": (P, "plain text with CRLF", lambda n: repeat("In 1921 it grew.\r\n\r\n", n)),
    "pt_category_line": (P, "plain text: one \"Category:\" line of many words",
                         lambda n: repeat("a b c d ", n, b"Title\n\nText.\n\nCategory: x ")),
    "dump_huge_page": (D, "a dump: one page with a huge text", dump_huge_page),
    "dump_tiny_pages": (D, "a dump: many tiny pages", dump_tiny_pages),
}
MODE_BYTE = {W: 0, P: 1, A: 2, D: 4}


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper()
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="8M", help="bytes per file: 8M, 512K, 1000 (default 8M)")
    ap.add_argument("--out", help="directory to write to")
    ap.add_argument("--family", action="append", help="only this family (repeatable)")
    ap.add_argument("--fuzz", action="store_true", help="prefix the wikirel_fuzz mode byte")
    ap.add_argument("--list", action="store_true", help="list the families")
    args = ap.parse_args(argv)
    if args.list:
        for name, (kind, what, _) in FAMILIES.items():
            print(f"{name:24} {kind:5} {what}")
        return 0
    if not args.out:
        ap.error("--out is required")
    size = parse_size(args.size)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = args.family or list(FAMILIES)
    for name in names:
        if name not in FAMILIES:
            ap.error(f"no family {name!r} (see --list)")
        kind, _, make = FAMILIES[name]
        data = make(size)
        if args.fuzz:
            data = bytes([MODE_BYTE[kind]]) + data
        path = out / f"{name}.{kind}"
        path.write_bytes(data)
        print(f"{path} {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
