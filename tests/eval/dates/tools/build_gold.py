#!/usr/bin/python3
"""Builds gold.tsv and coverage.tsv from the hand-written annotations/*.ann, and lists the
date-like tokens of the covered text that no annotation covers (to check nothing was missed).

  build_gold.py CORPUS_ROOT [--samples DIR] [--ann DIR] [--out DIR] [--candidates FILE]

Defaults: --samples ../../../examples/samples, --ann ../annotations, --out .. (this eval's
directory), --candidates /tmp/dategold-candidates.txt (keep it out of the repo: it quotes the
corpus). Each annotation is found in the visible text (tools/wikivis.py) after the previous one.

.ann format:
  #file wikitext/X.wiki            (relative to corpus root; samples/... for ours)
  #cover LINE_A LINE_B             raw 1-based line range (inclusive); repeatable
  expr ; value [flags] [; @anchor]
value: 1973 | 1947-12 | 1949-03-12 | A/B (range) | A/ (open end) | 1920s (decade)
       | C19 (century, 1800-1899) | C-5 (5th century BC: -0500..-0401) | 1850:spring
flags: ~ approximate, ^ inferred, :year|:decade|... precision override
"""
import argparse, glob, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wikivis import visible, byte_offsets  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = None
SAMPLES = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'examples', 'samples'))
SEASONS = {'spring': (3, 5), 'summer': (6, 8), 'autumn': (9, 11), 'fall': (9, 11), 'winter': (12, 2)}
PREC_RANK = {'century': 0, 'decade': 1, 'year': 2, 'season': 3, 'month': 4, 'day': 5}


def fmt_year(y):
    return f'-{-y:04d}' if y < 0 else f'{y:04d}'


def parse_point(v):
    """-> (begin, end, precision) strings."""
    m = re.fullmatch(r'(-?\d{1,4})s', v)
    if m:
        y = int(m.group(1))
        if y < 0:
            return fmt_year(y - 9), fmt_year(y), 'decade'
        return fmt_year(y), fmt_year(y + 9), 'decade'
    m = re.fullmatch(r'C(-?\d+)', v)
    if m:
        c = int(m.group(1))
        if c > 0:
            return fmt_year((c - 1) * 100), fmt_year((c - 1) * 100 + 99), 'century'
        c = -c
        return fmt_year(-(c * 100)), fmt_year(-(c * 100 - 99)), 'century'
    m = re.fullmatch(r'(-?\d{1,4}):(spring|summer|autumn|fall|winter)', v)
    if m:
        y = int(m.group(1))
        a, b = SEASONS[m.group(2)]
        y2 = y + 1 if a > b else y
        return f'{fmt_year(y)}-{a:02d}', f'{fmt_year(y2)}-{b:02d}', 'season'
    m = re.fullmatch(r'(-?\d{1,5})(?:-(\d\d))?(?:-(\d\d))?', v)
    if m:
        y = int(m.group(1))
        s = fmt_year(y)
        p = 'year'
        if m.group(2):
            s += '-' + m.group(2)
            p = 'month'
        if m.group(3):
            s += '-' + m.group(3)
            p = 'day'
        return s, s, p
    raise ValueError('bad value ' + v)


def parse_value(v):
    flags = ''
    prec = None
    m = re.search(r':(day|month|season|year|decade|century)\b', v)
    if m:
        prec = m.group(1)
        v = v[:m.start()] + v[m.end():]
    v = v.strip()
    while v and v[-1] in '~^':
        flags += v[-1]
        v = v[:-1].strip()
    while v and v[0] in '~^':
        flags += v[0]
        v = v[1:].strip()
    if '/' in v:
        a, b = v.split('/', 1)
        ab, ae, ap = parse_point(a)
        if b:
            bb, be, bp = parse_point(b)
            end = be
        else:
            end, bp = '', ap
        p = ap if PREC_RANK[ap] <= PREC_RANK[bp] else bp
        begin = ab
    else:
        begin, end, p = parse_point(v)
    if prec:
        p = prec
    return begin, end, p, int('~' in flags), int('^' in flags)


def flex(expr):
    parts = re.split(r'\s+', expr.strip())
    return r'\s+'.join(re.escape(p) for p in parts)


def load(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    rel = None
    covers = []
    items = []
    for ln, l in enumerate(lines, 1):
        if not l.strip() or l.startswith('//'):
            continue
        if l.startswith('#file '):
            rel = l[6:].strip()
            continue
        if l.startswith('#cover '):
            a, b = l[7:].split()
            covers.append((int(a), int(b)))
            continue
        parts = [p.strip() for p in l.split(' ; ')]
        if len(parts) < 2:
            raise SystemExit(f'{path}:{ln}: bad line {l!r}')
        items.append((ln, parts[0], parts[1], parts[2][1:] if len(parts) > 2 else None))
    return rel, covers, items


def fpath(rel):
    if rel.startswith('samples/'):
        return os.path.join(SAMPLES, rel[len('samples/'):])
    return os.path.join(CORPUS, rel)


CAND = re.compile(r'(?<![\[\d,.])\d+(?![\],\d])|\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?|\b(spring|summer|autumn|fall|winter|century|centuries|decades?|millenni\w+|BC|BCE|AD|CE|next|following|previous|preceding|later|earlier|ago|today|yesterday|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|nowadays|currently|recently|present|year|month|week|day)\b', re.I)


def main():
    global CORPUS, SAMPLES
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('--samples', default=SAMPLES)
    ap.add_argument('--ann', default=os.path.join(HERE, '..', 'annotations'))
    ap.add_argument('--out', default=os.path.join(HERE, '..'))
    ap.add_argument('--candidates', default='/tmp/dategold-candidates.txt')
    ns = ap.parse_args()
    CORPUS, SAMPLES = ns.corpus, ns.samples
    gold, cov = [], []
    report = []
    for path in sorted(glob.glob(os.path.join(ns.ann, '*.ann'))):
        rel, covers, items = load(path)
        raw = open(fpath(rel), encoding='utf-8').read()
        bo = byte_offsets(raw)
        vis, spans = visible(raw, 'wiki' if rel.endswith('.wiki') else 'txt')
        rlines = raw.split('\n')
        starts = [0]
        for l in rlines:
            starts.append(starts[-1] + len(l) + 1)
        cranges = []
        for a, b in covers:
            cs, ce = starts[a - 1], min(starts[b], len(raw))
            cranges.append((cs, ce))
            cov.append((rel, bo[cs], bo[ce]))
        # visible index of coverage starts
        def vis_index(ch):
            for k, (s, e) in enumerate(spans):
                if s >= ch:
                    return k
            return len(spans)
        cur = vis_index(cranges[0][0]) if cranges else 0
        used = []
        n = 0
        for ln, expr, val, anchor in items:
            try:
                begin, end, prec, approx, inf = parse_value(val)
            except Exception as ex:
                raise SystemExit(f'{path}:{ln}: {ex}')
            pos = cur
            if anchor:
                m = re.compile(flex(anchor)).search(vis, pos)
                if not m:
                    raise SystemExit(f'{path}:{ln}: anchor {anchor!r} not found')
                pos = m.start()
                m = re.compile(flex(expr)).search(vis, pos, m.end())
            else:
                m = re.compile(flex(expr)).search(vis, pos)
            if not m:
                raise SystemExit(f'{path}:{ln}: expr {expr!r} not found after {vis[cur-40:cur]!r}')
            rs, re_ = spans[m.start()][0], spans[m.end() - 1][1]
            if not any(cs <= rs and re_ <= ce for cs, ce in cranges):
                raise SystemExit(f'{path}:{ln}: expr {expr!r} outside coverage (line {raw.count(chr(10), 0, rs)+1})')
            cur = m.end()
            used.append((m.start(), m.end()))
            b0, b1 = bo[rs], bo[re_]
            text = raw[rs:re_]
            esc = text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            if len(esc) > 60:
                esc = esc[:57] + '...'
            gold.append((rel, b0, b1 - b0, esc, begin, end, prec, approx, inf))
            n += 1
        # candidates not annotated
        for cs, ce in cranges:
            vs, ve = vis_index(cs), vis_index(ce)
            for m in CAND.finditer(vis, vs, ve):
                if any(a <= m.start() < b for a, b in used):
                    continue
                ctx = vis[max(vs, m.start() - 45):m.start()] + '⟦' + m.group(0) + '⟧' + vis[m.end():min(ve, m.end() + 30)]
                report.append(f'{os.path.basename(path)}: {ctx!r}')
        print(f'{rel}: {n} annotations', file=sys.stderr)
    out = ns.out
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'gold.tsv'), 'w', encoding='utf-8') as f:
        f.write('file\toffset\tlength\texpression\tbegin\tend\tprecision\tapproximate\tinferred\n')
        for r in gold:
            f.write('\t'.join(str(x) for x in r) + '\n')
    with open(os.path.join(out, 'coverage.tsv'), 'w', encoding='utf-8') as f:
        f.write('file\tbegin_offset\tend_offset\n')
        for r in cov:
            f.write('\t'.join(str(x) for x in r) + '\n')
    with open(ns.candidates, 'w', encoding='utf-8') as f:
        f.write('\n'.join(report) + '\n')
    print(f'total {len(gold)}; unannotated candidates {len(report)}', file=sys.stderr)


main()
