#!/usr/bin/python3
"""Scores a date recognizer against the hand-made gold in this directory.

  score_dates.py CLI GOLD_DIR CORPUS_ROOT [--samples DIR] [--show N] [--min-f1 F] [--min-value F]
  score_dates.py --predictions FILE.jsonl GOLD_DIR CORPUS_ROOT [...]

With CLI, runs `CLI --json [--format=wikitext] FILE` on every file of GOLD_DIR/gold.tsv and reads
its events. With --predictions, reads one JSON object per line instead: either one event
({"file", "offset", "length", "begin", "end", "precision", "approximate", "inferred",
"expression"}) or a whole article as the CLI prints it plus a "file" key (its "events" are used).
"file" is the gold's path relative to the corpus root (samples/... for the project's samples).

Only predicted events whose [offset, offset+length) lies inside a range of coverage.tsv count.
A prediction matches a gold expression when their byte spans overlap (one-to-one, greedy by
largest overlap). Reported per file and in total: precision, recall, relaxed F1, exact-span F1,
value accuracy over matched pairs (begin and end equal as strings and precision equal) and the
looser begin-equal rate and "within" rate (same precision, predicted period inside the gold one,
e.g. "the early 1960s" read as 1960-1963 against the gold decade). Exit status 1 when F1 < --min-f1 or value accuracy < --min-value.
Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------- input


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    head = lines[0].split('\t')
    out = []
    for line in lines[1:]:
        if not line.strip():
            continue
        out.append(dict(zip(head, line.split('\t'))))
    return out


def unescape(s):
    return s.replace('\\n', '\n').replace('\\t', '\t').replace('\\\\', '\\')


def load_gold(gold_dir):
    gold = defaultdict(list)
    for r in read_tsv(os.path.join(gold_dir, 'gold.tsv')):
        gold[r['file']].append({
            'offset': int(r['offset']), 'length': int(r['length']),
            'expression': unescape(r['expression']), 'begin': r['begin'], 'end': r['end'],
            'precision': r['precision'], 'approximate': int(r['approximate']),
            'inferred': int(r['inferred'])})
    cover = defaultdict(list)
    for r in read_tsv(os.path.join(gold_dir, 'coverage.tsv')):
        cover[r['file']].append((int(r['begin_offset']), int(r['end_offset'])))
    return gold, cover


def file_path(rel, corpus_root, samples_dir):
    if rel.startswith('samples/'):
        return os.path.join(samples_dir, rel[len('samples/'):])
    return os.path.join(corpus_root, rel)


def norm_event(e):
    end = e.get('end')
    return {'offset': int(e['offset']), 'length': int(e['length']),
            'expression': e.get('expression') or '',
            'begin': e.get('begin') or '', 'end': end if end is not None else '',
            'precision': e.get('precision') or '',
            'approximate': int(bool(e.get('approximate'))),
            'inferred': int(bool(e.get('inferred')))}


def run_cli(cli, path, tries=6):
    args = [cli, '--json']
    if path.endswith('.wiki'):
        args.append('--format=wikitext')
    args.append(path)
    for attempt in range(tries):
        if not os.path.exists(cli):  # someone may be rebuilding it
            time.sleep(5)
            continue
        try:
            p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        except OSError:
            time.sleep(5)
            continue
        if p.returncode != 0:
            sys.stderr.write(f'{cli} failed on {path}: {p.stderr.decode(errors="replace")[:300]}\n')
            time.sleep(2)
            continue
        events = []
        for line in p.stdout.decode('utf-8').splitlines():
            if line.strip():
                events.extend(json.loads(line).get('events') or [])
        return [norm_event(e) for e in events]
    raise SystemExit(f'cannot run {cli} on {path}')


def load_predictions(path):
    preds = defaultdict(list)
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            if 'events' in o:
                for e in o['events'] or []:
                    preds[o['file']].append(norm_event(e))
            else:
                preds[o['file']].append(norm_event(o))
    return preds


# ---------------------------------------------------------------------------- matching


def overlap(a, b):
    return min(a['offset'] + a['length'], b['offset'] + b['length']) - max(a['offset'], b['offset'])


def match(gold, pred):
    """One-to-one greedy matching by largest byte overlap. Returns [(gi, pi)]."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def value_equal(g, p):
    return g['begin'] == p['begin'] and g['end'] == p['end'] and g['precision'] == p['precision']


def _key(v, last):
    if not v:
        return (10 ** 6,)
    neg = v.startswith('-')
    parts = (v[1:] if neg else v).split('-')
    y = -int(parts[0]) if neg else int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    d = int(parts[2]) if len(parts) > 2 else (31 if last else 1)
    return (y, m, d)


def value_within(g, p):
    """Looser: same precision and the predicted period lies inside the gold one (so "the early
    1960s" read as 1960-1963 is accepted against the gold decade 1960-1969)."""
    if g['precision'] != p['precision'] or not p['begin']:
        return False
    try:
        return _key(g['begin'], False) <= _key(p['begin'], False) and _key(p['end'] or p['begin'], True) <= _key(g['end'], True)
    except ValueError:
        return False


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------------------- context


def line_regions(raw):
    """Crude classification of wikitext bytes for reporting false positives:
    [(start, end, kind)] for refs, templates, tables, comments, file links, headings."""
    out = []
    for m in re.finditer(rb'<!--.*?-->', raw, re.S):
        out.append((m.start(), m.end(), 'comment'))
    for m in re.finditer(rb'<ref[^>]*/>|<ref[^>]*>.*?</ref>', raw, re.S):
        out.append((m.start(), m.end(), 'ref'))
    for m in re.finditer(rb'(?m)^=+[^\n]*=+[ \t]*$', raw):
        out.append((m.start(), m.end(), 'heading'))

    def nested(open_b, close_b, kind, prefix=None):
        i = 0
        while True:
            i = raw.find(open_b, i)
            if i < 0:
                return
            if prefix is not None and not prefix.match(raw, i):
                i += len(open_b)
                continue
            depth, j = 0, i
            while j < len(raw):
                if raw.startswith(open_b, j):
                    depth += 1
                    j += len(open_b)
                elif raw.startswith(close_b, j):
                    depth -= 1
                    j += len(close_b)
                    if depth == 0:
                        break
                else:
                    j += 1
            out.append((i, j, kind))
            i = j
    nested(b'{|', b'|}', 'table')
    nested(b'{{', b'}}', 'template')
    nested(b'[[', b']]', 'file', re.compile(rb'\[\[\s*(File|Image):', re.I))
    return out


def region_of(regions, p, plaintext_raw=None):
    s, e = p['offset'], p['offset'] + p['length']
    order = ['comment', 'ref', 'heading', 'file', 'table', 'template']
    kinds = [k for a, b, k in regions if a <= s and e <= b]
    for k in order:
        if k in kinds:
            return k
    if plaintext_raw is not None:  # a short line with no final stop reads as a heading
        ls = plaintext_raw.rfind(b'\n', 0, s) + 1
        le = plaintext_raw.find(b'\n', e)
        le = len(plaintext_raw) if le < 0 else le
        line = plaintext_raw[ls:le].strip()
        if len(line) < 80 and not line.endswith((b'.', b':', b';', b',')):
            return 'heading?'
    return 'prose'


def context(raw, s, e, width=90):
    a = max(0, s - width)
    b = min(len(raw), e + width)
    left = raw[a:s].decode('utf-8', 'replace')
    mid = raw[s:e].decode('utf-8', 'replace')
    right = raw[e:b].decode('utf-8', 'replace')
    # cut to the sentence around the span
    cut = max(left.rfind('. '), left.rfind('\n'))
    if cut >= 0:
        left = left[cut + 1:]
    m = re.search(r'\.(\s|$)|\n', right)
    if m:
        right = right[:m.start() + 1]
    text = (left + '⟦' + mid + '⟧' + right).replace('\n', ' ').strip()
    return re.sub(r'\s+', ' ', text)


def fmt_value(x):
    v = f"{x['begin']}/{x['end'] if x['end'] else 'open'} {x['precision']}"
    if x['approximate']:
        v += ' ~'
    if x['inferred']:
        v += ' inf'
    return v


# ---------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('args', nargs='+', help='CLI GOLD_DIR CORPUS_ROOT, or GOLD_DIR CORPUS_ROOT with --predictions')
    ap.add_argument('--predictions', help='JSONL predictions instead of running a CLI')
    ap.add_argument('--samples', help='directory of the samples/ files (default: the repo\'s examples/samples)')
    ap.add_argument('--show', type=int, default=0, help='list N misses, false positives and value errors')
    ap.add_argument('--min-f1', type=float, default=0.0)
    ap.add_argument('--min-value', type=float, default=0.0)
    ap.add_argument('--name', default=None, help='label for the report')
    ap.add_argument('--files', default=None, help='only score the gold files matching this regex')
    ns = ap.parse_args()
    if ns.predictions:
        if len(ns.args) != 2:
            ap.error('with --predictions give GOLD_DIR CORPUS_ROOT')
        cli, gold_dir, corpus_root = None, ns.args[0], ns.args[1]
    else:
        if len(ns.args) != 3:
            ap.error('give CLI GOLD_DIR CORPUS_ROOT')
        cli, gold_dir, corpus_root = ns.args
    samples_dir = ns.samples or os.path.normpath(os.path.join(HERE, '..', '..', '..', 'examples', 'samples'))
    gold, cover = load_gold(gold_dir)
    preds_all = load_predictions(ns.predictions) if ns.predictions else None
    name = ns.name or (os.path.basename(ns.predictions) if ns.predictions else os.path.basename(cli))

    totals = Counter()
    misses, fps, wrong = [], [], []
    fp_kinds = Counter()
    rows = []
    for rel in sorted(set(gold) | set(cover)):
        if ns.files and not re.search(ns.files, rel):
            continue
        path = file_path(rel, corpus_root, samples_dir)
        with open(path, 'rb') as f:
            raw = f.read()
        g = sorted(gold.get(rel, []), key=lambda x: x['offset'])
        rngs = cover.get(rel, [])
        pred = run_cli(cli, path) if cli else preds_all.get(rel, [])
        pred = [p for p in pred if any(a <= p['offset'] and p['offset'] + p['length'] <= b for a, b in rngs)]
        pred.sort(key=lambda x: x['offset'])
        pairs = match(g, pred)
        exact = len({(x['offset'], x['length']) for x in g} & {(x['offset'], x['length']) for x in pred})
        veq = sum(value_equal(g[gi], pred[pi]) for gi, pi in pairs)
        beq = sum(g[gi]['begin'] == pred[pi]['begin'] for gi, pi in pairs)
        win = sum(value_equal(g[gi], pred[pi]) or value_within(g[gi], pred[pi]) for gi, pi in pairs)
        apx = sum(g[gi]['approximate'] == pred[pi]['approximate'] for gi, pi in pairs)
        inf = sum(g[gi]['inferred'] == pred[pi]['inferred'] for gi, pi in pairs)
        c = Counter(gold=len(g), pred=len(pred), tp=len(pairs), exact=exact, veq=veq, beq=beq, win=win,
                    apx=apx, inf=inf)
        totals += c
        rows.append((rel, c))
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        regions = line_regions(raw) if rel.endswith('.wiki') else []
        for gi, x in enumerate(g):
            if gi not in mg:
                misses.append((rel, x, context(raw, x['offset'], x['offset'] + x['length'])))
        for pi, x in enumerate(pred):
            if pi not in mp:
                kind = region_of(regions, x, None if rel.endswith('.wiki') else raw)
                fp_kinds[kind] += 1
                fps.append((rel, x, kind, context(raw, x['offset'], x['offset'] + x['length'])))
        for gi, pi in pairs:
            if not value_equal(g[gi], pred[pi]):
                wrong.append((rel, g[gi], pred[pi], context(raw, g[gi]['offset'], g[gi]['offset'] + g[gi]['length'])))

    def line(label, c):
        p, r, f = prf(c['tp'], c['pred'], c['gold'])
        _, _, fe = prf(c['exact'], c['pred'], c['gold'])
        va = c['veq'] / c['tp'] if c['tp'] else 0.0
        ba = c['beq'] / c['tp'] if c['tp'] else 0.0
        wa = c['win'] / c['tp'] if c['tp'] else 0.0
        return (f"{label:<40} {c['gold']:>5} {c['pred']:>5} {c['tp']:>5}  {p:6.3f} {r:6.3f} {f:6.3f}  "
                f"{fe:6.3f}  {va:6.3f} {ba:6.3f} {wa:6.3f}")

    print(f'# {name}: date expressions against {os.path.join(gold_dir, "gold.tsv")}')
    print(f"{'file':<40} {'gold':>5} {'pred':>5} {'match':>5}  {'P':>6} {'R':>6} {'F1':>6}  "
          f"{'exactF':>6}  {'value':>6} {'begin':>6} {'within':>6}")
    for rel, c in rows:
        print(line(rel, c))
    print(line('TOTAL', totals))
    p, r, f = prf(totals['tp'], totals['pred'], totals['gold'])
    va = totals['veq'] / totals['tp'] if totals['tp'] else 0.0
    if totals['tp']:
        print(f"# matched pairs: approximate flag agrees {totals['apx'] / totals['tp']:.3f}, "
              f"inferred flag agrees {totals['inf'] / totals['tp']:.3f}")
    if fp_kinds:
        print('# false positives by where they are: ' +
              ', '.join(f'{k} {n}' for k, n in fp_kinds.most_common()))

    if ns.show:
        def by_file(items):
            n = Counter(x[0] for x in items)
            return sorted(items, key=lambda x: (-n[x[0]], x[0], x[1]['offset']))
        misses, fps, wrong = by_file(misses), by_file(fps), by_file(wrong)
        print(f'\n## misses (gold not found) — {len(misses)}')
        for rel, x, ctx in misses[:ns.show]:
            print(f'  {rel}@{x["offset"]} [{fmt_value(x)}]  {ctx}')
        print(f'\n## false positives — {len(fps)}')
        for rel, x, kind, ctx in fps[:ns.show]:
            print(f'  {rel}@{x["offset"]} ({kind}) [{fmt_value(x)}]  {ctx}')
        print(f'\n## wrong values (gold → predicted) — {len(wrong)}')
        for rel, gx, px, ctx in wrong[:ns.show]:
            print(f'  {rel}@{gx["offset"]} [{fmt_value(gx)}] → [{fmt_value(px)}] '
                  f'«{px["expression"]}»  {ctx}')

    ok = f >= ns.min_f1 and va >= ns.min_value
    if not ok:
        print(f'# FAIL: F1 {f:.3f} (min {ns.min_f1}) value {va:.3f} (min {ns.min_value})')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
