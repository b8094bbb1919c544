#!/usr/bin/env python3
"""Test dumps for the scale-out recipes, made from a small dump (stdlib only).

    make_test_dumps.py multistream SRC.xml.bz2 OUT_PREFIX [--pages-per-stream 2]
        writes OUT_PREFIX-multistream.xml.bz2 and OUT_PREFIX-multistream-index.txt.bz2 laid out
        as Wikimedia's: one bz2 stream for the header, one per group of pages, one for the
        footer, concatenated; index lines `offset:page_id:title`.
    make_test_dumps.py replicate SRC.xml.bz2 OUT.xml[.bz2] --size 50M
        writes a dump of SRC's pages repeated until it reaches --size, each copy of a page with
        a new page id (and a numbered title), so that every page of it is distinct; a
        <siteinfo> is added when SRC has none, so that the header is a real dump's.
"""
import argparse
import bz2
import html
import re

from split_dump import FOOTER, open_dump, parse_size

PAGE = re.compile(rb"[ \t]*<page>.*?</page>\n", re.S)  # with its indentation and newline
PAGE_ID = re.compile(rb"^(\s*<id>)(\d+)(</id>)", re.M)  # the first <id> of a page is the page's
TITLE = re.compile(rb"<title>(.*?)</title>")
SITEINFO = b"""  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="10" case="first-letter">Template</namespace>
    </namespaces>
  </siteinfo>
"""


def read_pages(path):
    """(header bytes, [page bytes, ...]) of a small dump read whole."""
    with open_dump(path) as f:
        data = f.read()
    pages = [m.group() for m in PAGE.finditer(data)]
    return data[:data.index(pages[0])], pages


def multistream(src, prefix, per_stream):
    header, pages = read_pages(src)
    index = []
    with open(f"{prefix}-multistream.xml.bz2", "wb") as out:
        out.write(bz2.compress(header))
        for i in range(0, len(pages), per_stream):
            offset = out.tell()
            group = pages[i:i + per_stream]
            for page in group:
                page_id = PAGE_ID.search(page).group(2).decode()
                title = html.unescape(TITLE.search(page).group(1).decode())
                index.append(f"{offset}:{page_id}:{title}\n")
            out.write(bz2.compress(b"".join(group)))
        out.write(bz2.compress(FOOTER))
    with bz2.open(f"{prefix}-multistream-index.txt.bz2", "wt", encoding="utf-8") as f:
        f.writelines(index)


def replicate(src, dest, size):
    header, pages = read_pages(src)
    if b"<siteinfo>" not in header:
        header += SITEINFO
    ids = [int(PAGE_ID.search(p).group(2)) for p in pages]
    step = max(ids) + 1  # copy n of a page gets id + n*step: never one of the originals
    opener = bz2.open if dest.endswith(".bz2") else open
    with opener(dest, "wb") as out:
        out.write(header)
        written, n = len(header), 0
        while written < size:
            for page in pages:
                page = PAGE_ID.sub(lambda m: m.group(1) + str(int(m.group(2)) + n * step).encode()
                                   + m.group(3), page, count=1)
                if n:
                    page = TITLE.sub(lambda m: b"<title>" + m.group(1) + b" (copy %d)</title>" % n,
                                     page, count=1)
                out.write(page)
                written += len(page)
            n += 1
        out.write(FOOTER)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("multistream")
    m.add_argument("src")
    m.add_argument("prefix")
    m.add_argument("--pages-per-stream", type=int, default=2)
    r = sub.add_parser("replicate")
    r.add_argument("src")
    r.add_argument("dest")
    r.add_argument("--size", type=parse_size, default="50M")
    args = ap.parse_args()
    if args.command == "multistream":
        multistream(args.src, args.prefix, args.pages_per_stream)
    else:
        replicate(args.src, args.dest, args.size)


if __name__ == "__main__":
    main()
