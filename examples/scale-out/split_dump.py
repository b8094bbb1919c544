#!/usr/bin/env python3
"""Split a MediaWiki XML dump into page-aligned chunks, each a valid small dump.

    split_dump.py [--chunk-size 50M] DUMP OUTDIR
    split_dump.py [--chunk-size 50M] --index INDEX.txt.bz2 DUMP-multistream.xml.bz2 OUTDIR

Every chunk is the dump's own header (the XML declaration if any, the `<mediawiki ...>` opening
element and `<siteinfo>...</siteinfo>`), then whole `<page>...</page>` elements, then
`</mediawiki>`, so `wikirel --json` reads each chunk as it reads the whole dump, and the outputs of
the chunks, concatenated in chunk order, are the output of the whole dump.  Chunks are written as
OUTDIR/chunk-000000.xml, chunk-000001.xml, ... (zero-padded: name order is chunk order) and their
paths printed one a line.

Plain dumps: DUMP is a path or `-` (stdin), bz2-compressed when its name ends in .bz2 (decompressed
by lbzip2 or bzip2 when installed) or when stdin starts with the bz2 magic.  It is read in large
blocks and cut just before a `<page>` tag (and its indentation): the tag occurs nowhere else, as
`<` inside text is escaped as `&lt;`.  Memory stays about one chunk.

Multistream dumps (`...-multistream.xml.bz2` + `...-multistream-index.txt.bz2`): the dump is a
concatenation of bz2 streams: the first holds the header, each of the others about 100 pages
(the last may also hold `</mediawiki>`), and each index line `offset:page_id:title` gives the
byte offset of the stream that holds the page.  The chunks are runs of consecutive streams, cut
at stream offsets, about --chunk-size *compressed* bytes each; only the chunk being written is
decompressed, and dask_recipe.py sends each worker its range still compressed
(`read_range`) for the worker to decompress (`wrap_streams`): no one process decompresses the
whole dump.

Stdlib only; importable (dask_recipe.py uses its functions).
"""
import argparse
import bz2
import contextlib
import os
import shutil
import subprocess
import sys

FOOTER = b"</mediawiki>\n"


def parse_size(text):
    """'50M' -> 52428800; also K, G and plain bytes."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


@contextlib.contextmanager
def open_dump(path):
    """A binary file object for a dump path or '-', decompressing bz2 transparently."""
    if path != "-" and not os.path.exists(path):
        raise FileNotFoundError(f"no such dump: {path}")
    if path == "-":
        raw = sys.stdin.buffer
        yield bz2.BZ2File(raw) if raw.peek(3)[:3] == b"BZh" else raw  # stdin: sniff the bz2 magic
    elif path.endswith(".bz2") and (tool := shutil.which("lbzip2") or shutil.which("bzip2")):
        # lbzip2 decompresses on all cores, and even bzip2 is faster than Python's bz2 module.
        with subprocess.Popen([tool, "-dc", path], stdout=subprocess.PIPE) as proc:
            yield proc.stdout
        if proc.returncode:
            raise RuntimeError(f"{tool} -dc {path} exited with {proc.returncode}")
    else:
        with bz2.open(path, "rb") if path.endswith(".bz2") else open(path, "rb") as f:
            yield f


def next_cut(buf, chunk_bytes):
    """Where to cut buf (which starts with a page) into a chunk and the rest, or None.

    The cut is just before the first <page> at chunk_bytes or after, but never before the
    first page, and before that <page>'s indentation, so that the rest starts with its line.
    """
    first = buf.find(b"<page>")
    i = buf.find(b"<page>", max(chunk_bytes, first + 1))
    if i < 0:
        return None
    while i > 0 and buf[i - 1] in b" \t":
        i -= 1
    return i


def iter_chunks(f, chunk_bytes, block=1 << 20):
    """Yield each chunk of the dump read from binary file f as bytes (a complete small dump).

    A chunk holds the whole pages up to the first one that starts at chunk_bytes or later, so
    every chunk holds at least one page, however small chunk_bytes is.  f is read in large
    blocks and searched with bytes.find: Python looping over lines would be as slow as wikirel.
    """
    buf = b""
    while (first := buf.find(b"<page>")) < 0:  # the header: all before the first page's line
        data = f.read(block)
        if not data:  # no page at all: the dump itself is the only chunk
            yield buf
            return
        buf += data
    line = buf.rfind(b"\n", 0, first) + 1
    header, buf = buf[:line], buf[line:]
    while True:
        cut = next_cut(buf, chunk_bytes)
        if cut is None:  # read the rest of the chunk in one read, or one more block
            data = f.read(max(block, chunk_bytes - len(buf)))
            if not data:
                break
            buf += data
            continue
        yield header + buf[:cut] + FOOTER
        buf = buf[cut:]
    end = buf.rfind(b"</mediawiki>")  # the last pages and the dump's own footer
    if end >= 0:
        buf = buf[:end]
    if b"<page>" in buf:
        yield header + buf + FOOTER


def iter_dump_chunks(path, chunk_bytes):
    """iter_chunks of the dump at path ('-': stdin)."""
    with open_dump(path) as f:
        yield from iter_chunks(f, chunk_bytes)


# ---- multistream ------------------------------------------------------------------------------

def read_stream_offsets(index_path):
    """The distinct stream offsets of a multistream index, in dump order."""
    offsets = []
    with bz2.open(index_path, "rb") if index_path.endswith(".bz2") else open(index_path, "rb") as f:
        for line in f:
            offset = int(line.split(b":", 1)[0])
            if not offsets or offset != offsets[-1]:
                offsets.append(offset)
    return offsets


def multistream_ranges(dump_path, index_path, chunk_bytes):
    """(header_end, [(start, end), ...]): byte ranges of runs of whole bz2 streams, in order.

    header_end is where the header stream ends (the first page stream starts); the last range
    ends at the end of the file, so it takes in a trailing </mediawiki> stream if there is one.
    """
    offsets = read_stream_offsets(index_path)
    if not offsets or offsets[0] == 0:
        raise ValueError(f"{index_path}: expected the first page stream after a header stream")
    bounds = offsets + [os.path.getsize(dump_path)]
    ranges, start = [], bounds[0]
    for end in bounds[1:]:
        if end - start >= chunk_bytes or end == bounds[-1]:
            ranges.append((start, end))
            start = end
    return offsets[0], ranges


def read_range(dump_path, start, end):
    with open(dump_path, "rb") as f:
        f.seek(start)
        return f.read(end - start)


def read_multistream_header(dump_path, header_end):
    """The dump's header, decompressed from its first stream(s) (bytes 0..header_end)."""
    return bz2.decompress(read_range(dump_path, 0, header_end))


def wrap_streams(compressed, header):
    """A run of whole bz2 streams of a multistream dump, decompressed and wrapped as a valid dump."""
    text = bz2.decompress(compressed)  # decompresses every stream in it, one after the other
    end = text.rfind(b"</mediawiki>")  # the last stream of the dump may hold the footer
    if end >= 0 and text[end:].rstrip() == b"</mediawiki>":
        text = text[:end]
    return header + text + FOOTER


def read_multistream_chunk(dump_path, start, end, header):
    """The streams in bytes start..end of the dump, decompressed and wrapped as a valid dump."""
    return wrap_streams(read_range(dump_path, start, end), header)


# ---- command line -----------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="the dump: a path (.bz2 read transparently) or - for stdin")
    ap.add_argument("outdir", help="where to write chunk-NNNNNN.xml")
    ap.add_argument("--chunk-size", default="50M", type=parse_size,
                    help="about this many bytes a chunk, e.g. 50M, 64K, 3000 (default 50M; "
                         "compressed bytes with --index)")
    ap.add_argument("--index", help="the multistream index (offset:page_id:title lines, .bz2 ok)")
    args = ap.parse_args()

    if args.index:
        header_end, ranges = multistream_ranges(args.dump, args.index, args.chunk_size)
        header = read_multistream_header(args.dump, header_end)
        chunks = (read_multistream_chunk(args.dump, s, e, header) for s, e in ranges)
    else:
        chunks = iter_dump_chunks(args.dump, args.chunk_size)
    os.makedirs(args.outdir, exist_ok=True)
    for i, chunk in enumerate(chunks):
        path = os.path.join(args.outdir, f"chunk-{i:06d}.xml")
        with open(path, "wb") as out:
            out.write(chunk)
        print(path)


if __name__ == "__main__":
    main()
