#!/usr/bin/python3
"""Score the plain-text reader on generated browser copies (or pandoc renderings) and sort
its errors into patterns.

usage: score_copies.py CLI WIKI_DIR COPY_DIR [--label L] [--json OUT] [--list] [--examples N]

COPY_DIR holds NAME.txt and, when browser_copy.py made it, NAME.kinds (what each line is),
NAME.refs (reference entries emitted) and titles.tsv. Headings are scored exactly as
../shared/checks/eval_plaintext.py does (mwparserfromhell headings of NAME.wiki, folded,
matched in order by longest common subsequence); citations against NAME.refs (all entries,
and the numbered list only), which works whatever shape the entries have ("^ t", "1. ^ t",
"  1. ^ t") where eval_plaintext.py --ref-list counts only indented numbered entries.
--list prints every false positive / false negative heading per article.
"""
import argparse, bisect, collections, json, os, re, signal, subprocess, sys, time

signal.signal(signal.SIGPIPE, signal.SIG_DFL)

import mwparserfromhell as mw


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip().casefold()


def lcs_pairs(a, b):
    n, m = len(a), len(b)
    T = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            T[i][j] = T[i + 1][j + 1] + 1 if a[i] == b[j] else max(T[i + 1][j], T[i][j + 1])
    i = j = 0
    pairs = []
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif T[i + 1][j] >= T[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


EDIT_RE = re.compile(r"\s*\[[^\[\]]*(?:edit|bearbeiten|wysig)[^\[\]]*\]\s*$", re.I)


def short(s, n=6):
    w = s.split()
    return " ".join(w[:n]) + (" …" if len(w) > n else "")


def source_kind(wiki_lines, text):
    """what wikitext line a plain line came from (for renderings without .kinds)."""
    t = fold(text)
    if not t:
        return "empty line"
    for l in wiki_lines:
        if t not in fold(l) and t not in fold(mw.parse(l).strip_code()):
            continue
        plain = fold(mw.parse(l).strip_code())
        if t not in plain or len(plain) > len(t) + 40:
            continue
        s = l.strip()
        if s.startswith(";"):
            return "definition-list term (;)"
        if re.fullmatch(r"('{2,3}).*\1:?", s):
            return "bold/italic-only line"
        if s.startswith(("|", "!")):
            return "table cell"
        if s.startswith(("*", "#")):
            return "list item"
        if re.match(r"\[\[(File|Image|Datei|Bild):", s, re.I):
            return "image caption"
        if s.startswith("{{"):
            return "template line"
        return "other line"
    return "line not found in the source"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("wiki_dir")
    ap.add_argument("copy_dir")
    ap.add_argument("--label", default=None)
    ap.add_argument("--json", help="write the patterns and figures here")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--examples", type=int, default=3)
    a = ap.parse_args()
    label = a.label or os.path.basename(a.copy_dir.rstrip("/"))
    titles = {}
    tp = os.path.join(a.copy_dir, "titles.tsv")
    if os.path.exists(tp):
        titles = dict(l.rstrip("\n").split("\t", 1) for l in open(tp, encoding="utf-8"))
    G = P = M = 0
    t_ok = t_n = 0
    r_ok = r_okn = r_n = 0
    patterns = collections.Counter()
    examples = collections.defaultdict(list)
    per_article = []

    def note(pat, ex, name):
        patterns[pat] += 1
        if len(examples[pat]) < a.examples:
            examples[pat].append(f"{name}: {ex}")

    for fn in sorted(f for f in os.listdir(a.copy_dir) if f.endswith(".txt")):
        name = fn[:-4]
        wiki = os.path.join(a.wiki_dir, name + ".wiki")
        if not os.path.exists(wiki):
            continue
        wiki_text = open(wiki, encoding="utf-8").read()
        wiki_lines = wiki_text.split("\n")
        code = mw.parse(wiki_text)
        gold_raw = [h.title.strip_code() for h in code.filter_headings()]
        gold_raw = [g for g in gold_raw if fold(g)]
        gold = [fold(g) for g in gold_raw]
        path = os.path.join(a.copy_dir, fn)
        data = open(path, "rb").read()
        text = data.decode("utf-8")
        lines = text.split("\n")
        starts, off = [], 0
        for l in data.split(b"\n"):
            starts.append(off)
            off += len(l) + 1
        kp = os.path.join(a.copy_dir, name + ".kinds")
        kinds = open(kp, encoding="utf-8").read().split("\n") if os.path.exists(kp) else ["?"] * len(lines)
        kinds += ["?"] * (len(lines) - len(kinds))
        meta = {}
        rp = os.path.join(a.copy_dir, name + ".refs")
        if os.path.exists(rp):
            rl = open(rp, encoding="utf-8").read().split("\n")
            meta["refs"] = int(rl[0])
            for l in rl[1:]:
                if " " in l:
                    k, v = l.split(" ", 1)
                    meta[k] = v
        for attempt in range(20):  # the binary may be being rebuilt by someone else
            try:
                p = subprocess.run([a.cli, "--json", "--format=plaintext", path], capture_output=True, timeout=60)
                break
            except OSError:
                time.sleep(15)
        else:
            sys.exit(f"cannot run {a.cli}")
        doc = {}
        if p.returncode == 0:
            try:
                doc = json.loads(p.stdout.decode("utf-8").split("\n", 1)[0])
            except (json.JSONDecodeError, UnicodeDecodeError):
                pass
        secs = [s for s in doc.get("sections", []) if s.get("level", 0) > 0]
        ours = [fold(s.get("heading")) for s in secs]

        def line_of(offset):
            return max(0, bisect.bisect_right(starts, offset) - 1)
        sec_lines = [line_of(s.get("offset", 0)) for s in secs]
        pairs = lcs_pairs(gold, ours)
        mg = {i for i, _ in pairs}
        mo = {j for _, j in pairs}
        G += len(gold); P += len(ours); M += len(pairs)
        variant = meta.get("variant", label)
        fps, fns = [], []
        # ---- false positives ----
        for j, h in enumerate(ours):
            if j in mo:
                continue
            ln = sec_lines[j]
            # the heading's own line: the section offset may point at the line or just after it
            k = kinds[ln] if ln < len(kinds) else "?"
            raw = lines[ln] if ln < len(lines) else ""
            if k in ("blank",) and ln > 0:
                ln -= 1
                k, raw = kinds[ln], lines[ln]
            fps.append(secs[j].get("heading"))
            if k == "heading":
                if EDIT_RE.search(secs[j].get("heading") or ""):
                    pat = "FP heading text keeps the edit mark"
                elif fold(EDIT_RE.sub("", raw)) not in gold:
                    pat = "FP heading rendered differently from mwparserfromhell's text (generator/gold gap)"
                else:
                    pat = "FP heading text differs from the line"
            elif k == "?":
                pat = "FP (pandoc rendering) " + source_kind(wiki_lines, secs[j].get("heading") or "") + " taken for a heading"
            elif k in ("para", "list", "dt", "dd", "table"):
                pat = f"FP {k} line taken for a heading (source: {source_kind(wiki_lines, secs[j].get('heading') or '')})"
            else:
                pat = f"FP {k} line taken for a heading"
            note(pat, f"“{short(secs[j].get('heading') or '')}”", name)
        # ---- false negatives ----
        head_lines = [i for i, k in enumerate(kinds) if k == "heading"]
        used = set()
        for i, g in enumerate(gold):
            if i in mg:
                continue
            fns.append(gold_raw[i])
            if not head_lines:
                if kinds[0] == "?":
                    note("FN (pandoc rendering) heading missed", f"“{short(gold_raw[i])}”", name)
                else:
                    note("FN heading not in the copy (generator)", f"“{short(gold_raw[i])}”", name)
                continue
            ln = next((x for x in head_lines if x not in used and fold(EDIT_RE.sub("", lines[x])) == g), None)
            if ln is None:
                note("FN gold heading rendered differently in the copy (generator/gold gap)", f"“{short(gold_raw[i])}”", name)
                continue
            used.add(ln)
            if not ours:
                kn = " ".join(f"{k}={meta.get('knob.' + k, '?')}" for k in ("skin", "navfirst", "edit", "paragap"))
                note(f"FN all headings missed in the article ({kn})",
                     f"“{short(gold_raw[i])}”", name)
                continue
            got = [j for j, sl in enumerate(sec_lines) if sl in (ln, ln + 1)]
            if got:
                note("FN heading found with other text", f"“{short(gold_raw[i])}” read as “{short(secs[got[0]].get('heading') or '')}”", name)
                continue
            nxt = next((x for x in range(ln + 1, len(lines)) if kinds[x] not in ("blank", "edit")), None)
            nk = kinds[nxt] if nxt is not None else "end"
            first_ref = next((x for x, k in enumerate(kinds) if k in ("ref", "note")), len(kinds))
            edit = meta.get("edit", "?")
            if nk in ("heading",) and ln > first_ref:
                why = "after the reference list, followed by another heading"
            elif ln > first_ref and nk in ("navbox", "list", "para", "chrome"):
                why = f"after the reference list, followed by {nk}"
            elif nk in ("ref", "note"):
                why = "followed directly by reference entries"
            elif nk == "heading":
                why = "followed directly by a sub-heading"
            elif nk in ("list", "table", "tcaption", "caption", "dt", "dd", "navbox", "quote", "maint", "hatnote", "infobox"):
                why = f"followed by a {nk} line"
            elif nk == "chrome":
                why = "last heading, followed by page chrome"
            else:
                why = f"followed by {nk}"
            note(f"FN heading missed: {why} (edit={edit})", f"“{short(gold_raw[i])}”", name)
        # ---- title ----
        title_ok = None
        if name in titles:
            t_n += 1
            title_ok = fold(doc.get("title")) == fold(titles[name])
            t_ok += title_ok
            if not title_ok:
                got = doc.get("title") or ""
                where = next((kinds[x] for x, l in enumerate(lines) if got and l.strip() == got.strip()), None)
                kn = " ".join(f"{k}={meta.get('knob.' + k, '?')}" for k in ("skin", "navfirst")) + f" lang={meta.get('lang', '?')}"
                if not got:
                    pat = f"title empty ({kn})"
                elif where:
                    pat = f"title taken from a {where} line ({variant})"
                elif fold(got) in fold(titles[name]) or fold(titles[name]) in fold(got):
                    pat = f"title cut or extended ({variant})"
                else:
                    pat = f"title other ({variant})"
                note(pat, f"“{short(titles[name])}” → “{short(got)}”", name)
        # ---- citations ----
        cit_ok = None
        if "refs" in meta:
            r_n += 1
            want, wantn = meta["refs"], int(meta.get("numbered", meta["refs"]))
            got = len(doc.get("citations", []))
            cit_ok = got == want
            r_ok += cit_ok
            r_okn += got == wantn
            if not cit_ok:
                if got == 0:
                    pat = f"citations: none found ({variant}, entries “{meta.get('refshape', '')}”)"
                elif got == wantn and want != wantn:
                    pat = "citations: notes list (a., b.) not counted"
                elif got < want:
                    pat = "citations: fewer than the entries"
                else:
                    pat = "citations: more than the entries"
                note(pat.replace(", entries “”", ""), f"want {want}, got {got}", name)
        per_article.append(dict(name=name, variant=variant, lang=meta.get("lang"), gold=len(gold), ours=len(ours), matched=len(pairs),
                                fp=fps, fn=fns, title_ok=title_ok, cit_ok=cit_ok))
    pr = M / P if P else 0.0
    rc = M / G if G else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    fig = dict(label=label, articles=len(per_article), precision=round(pr, 3), recall=round(rc, 3), f1=round(f1, 3),
               gold=G, ours=P, matched=M,
               titles=round(t_ok / t_n, 3) if t_n else None,
               citations=round(r_ok / r_n, 3) if r_n else None,
               citations_numbered=round(r_okn / r_n, 3) if r_n else None)
    print(f"[{label}] headings P {pr:.3f} R {rc:.3f} F1 {f1:.3f} (gold {G}, ours {P}, matched {M})"
          + (f"; titles {fig['titles']:.3f}" if t_n else "")
          + (f"; citation count {fig['citations']:.3f} (numbered list only {fig['citations_numbered']:.3f})" if r_n else ""))
    for key in ("lang", "variant"):
        groups = sorted({r[key] for r in per_article if r.get(key)})
        if len(groups) < 2:
            continue
        parts = []
        for g in groups:
            rs = [r for r in per_article if r.get(key) == g]
            gm, gp, gg = sum(r["matched"] for r in rs), sum(r["ours"] for r in rs), sum(r["gold"] for r in rs)
            f = 2 * gm / (gp + gg) if gp + gg else 0.0
            tt = [r["title_ok"] for r in rs if r["title_ok"] is not None]
            cc = [r["cit_ok"] for r in rs if r["cit_ok"] is not None]
            parts.append(f"{g} ({len(rs)}): F1 {f:.3f}" + (f" titles {sum(tt) / len(tt):.2f}" if tt else "")
                         + (f" cit {sum(cc) / len(cc):.2f}" if cc else ""))
        print(f"  by {key}: " + "; ".join(parts))
    for pat, n in patterns.most_common():
        print(f"  {n:4d}  {pat}")
        for e in examples[pat]:
            print(f"          {e}")
    if a.list:
        for r in per_article:
            if r["fp"] or r["fn"]:
                print(f"  {r['name']}: gold {r['gold']} ours {r['ours']} matched {r['matched']}")
                for h in r["fp"]:
                    print(f"      + {h}")
                for h in r["fn"]:
                    print(f"      - {h}")
    if a.json:
        json.dump(dict(figures=fig, patterns=dict(patterns), examples=examples, articles=per_article),
                  open(a.json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
