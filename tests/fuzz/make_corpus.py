#!/usr/bin/env python3
"""Regenerates tests/fuzz/corpus/ from wikirel's own fixtures and samples.

Each seed is one mode byte (see wikirel_fuzz.cpp: mode = byte % 8, v = byte // 8) followed
by a small piece of a fixture (at most 4 KiB, cut at line ends). Run from anywhere:

    python3 tests/fuzz/make_corpus.py          # rewrites tests/fuzz/corpus/
"""
import hashlib
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = pathlib.Path(__file__).resolve().parent / "corpus"
LIMIT = 4096


def mode_byte(mode, v=0):
    return bytes([(v << 3) | mode])


def pieces(data, limit=LIMIT):
    """The data cut into pieces of at most `limit` bytes at line ends."""
    if len(data) <= limit:
        return [data]
    out, start = [], 0
    while start < len(data):
        end = min(start + limit, len(data))
        if end < len(data):
            nl = data.rfind(b"\n", start, end)
            if nl > start:
                end = nl + 1
        out.append(data[start:end])
        start = end
    return out


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    seeds = {}

    def add(name, mode, v, data):
        seed = mode_byte(mode, v) + data
        digest = hashlib.sha1(seed).hexdigest()[:10]
        seeds[f"{name}-m{mode}v{v}-{digest}"] = seed

    fixtures = ROOT / "tests" / "fixtures"
    samples = ROOT / "examples" / "samples"
    wiki = sorted(fixtures.glob("*.wiki")) + sorted(samples.glob("*.wiki"))
    text = sorted(fixtures.glob("*.txt")) + sorted(samples.glob("*.txt"))
    dumps = sorted((fixtures / "dumps").glob("*.xml"))

    for path in wiki:
        for i, part in enumerate(pieces(path.read_bytes())):
            stem = f"{path.stem}.{i}"
            add(stem, 0, 0, part)          # wikitext
            add(stem, 2, 0, part)          # auto-detect
            add(stem, 3, 1, part)          # max_depth 2, cut inside
            add(stem, 7, 1, part[:1500])   # fixed_storage / char8_t (wikitext)
            add(stem, 5, 0, part[:2000])   # the text of a dump page, escaped
    for path in text:
        for i, part in enumerate(pieces(path.read_bytes())):
            stem = f"{path.stem}.{i}"
            add(stem, 1, 0, part)          # plaintext
            add(stem, 2, 1, part)          # auto-detect
            add(stem, 7, 2, part[:1500])   # fixed_storage / char8_t (plaintext)
    for path in dumps:
        data = path.read_bytes()[:LIMIT]
        add(path.stem, 4, 0, data)         # step 1
        add(path.stem, 4, 6, data)         # step 64
        add(path.stem, 4, 16 + 3, data)    # small max_page_size
    # Dates: the sentences of dates.wiki and of the samples, a few lines per seed.
    for path in [fixtures / "dates.wiki", samples / "freedonia_sylvania.txt"]:
        lines = path.read_bytes().splitlines(keepends=True)
        for i in range(0, len(lines), 6):
            chunk = b"".join(lines[i:i + 6])[:LIMIT]
            if chunk.strip():
                add(f"{path.stem}.dates{i}", 6, 0, chunk)
    for heading in [b"Cold War (1945\xe2\x80\x9391)", b"Since 1945", b"The 1920s", b"19th century",
                    b"2 March 2011", b"March 2, 2011", b"2011-03-02", b"Winter 2002", b"c. 1990",
                    b"264\xe2\x80\x93146 BC", b"two days later", b"the early 1950s"]:
        add("date-forms", 6, 0, heading)

    for name, seed in sorted(seeds.items()):
        (OUT / name).write_bytes(seed)
    print(f"{len(seeds)} seeds in {OUT}")


if __name__ == "__main__":
    main()
