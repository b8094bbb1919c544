#!/usr/bin/python3
"""Annotation helper (used by build_gold.py): visible-text projection of wikitext with a map back to byte offsets.

visible(raw, kind) -> (vis: str, spans: list[(raw_char_start, raw_char_end)])
Excluded regions (refs, templates, tables, comments, file links, headings, categories,
tags) are dropped from the visible text. Date templates in prose are rendered as a
placeholder string mapped to the whole template.
"""
import re, html

DATE_TEMPLATES = re.compile(r'^\s*(birth[ _]date|death[ _]date|start[ _]date|end[ _]date|'
                            r'birth date and age|death date and age|circa|c\.|floruit|fl\.|'
                            r'BCE|BC|CE|AD|reign|r\.|dts|date|as of)\b', re.I)
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']


def find_close(raw, i, open_s, close_s):
    """raw[i:] starts with open_s; return index after the matching close_s (nesting)."""
    depth = 0
    j = i
    n = len(raw)
    while j < n:
        if raw.startswith('<!--', j):
            k = raw.find('-->', j)
            j = n if k < 0 else k + 3
            continue
        if raw.startswith(open_s, j):
            depth += 1
            j += len(open_s)
            continue
        if raw.startswith(close_s, j):
            depth -= 1
            j += len(close_s)
            if depth == 0:
                return j
            continue
        j += 1
    return n


def render_template(body):
    """Visible rendering of a prose date template, or None to exclude."""
    parts = [p.strip() for p in body.split('|')]
    name = parts[0].lower().replace('_', ' ')
    args = [p for p in parts[1:] if '=' not in p]
    if name in ('circa', 'c.'):
        if len(args) >= 2:
            return 'c. ' + args[0] + ' – c. ' + args[1]
        return 'c. ' + (args[0] if args else '')
    if name == 'as of':
        alts = [p.split('=', 1)[1] for p in parts[1:] if p.startswith('alt=')]
        if alts:
            return re.sub(r'\[\[(?:[^|\]]*\|)?([^\]]*)\]\]', r'\1', alts[0])
        nums = [a for a in args if a.isdigit()]
        if len(nums) >= 3:
            return f'As of {int(nums[2])} {MONTHS[int(nums[1]) - 1]} {nums[0]}'
        if len(nums) == 2:
            return f'As of {MONTHS[int(nums[1]) - 1]} {nums[0]}'
        return 'As of ' + (nums[0] if nums else '')
    if name in ('birth date', 'death date', 'start date', 'end date', 'birth date and age',
                'death date and age', 'dts'):
        nums = [a for a in args if a.isdigit()]
        if len(nums) >= 3:
            return f'{int(nums[2])} {MONTHS[int(nums[1]) - 1]} {nums[0]}'
        if len(nums) == 2:
            return f'{MONTHS[int(nums[1]) - 1]} {nums[0]}'
        if nums:
            return nums[0]
    if name in ('bc', 'bce'):
        return (args[0] if args else '') + ' BC'
    if name in ('nowrap', 'nobr', 'small', 'lang', 'transl', 'em'):
        return args[-1] if args else ''
    return None


def regions(raw):
    """List of (start, end, label) excluded regions, plus rendered templates
    (start, end, 'render', text)."""
    out = []
    n = len(raw)
    i = 0
    line_start = True
    while i < n:
        c = raw[i]
        if line_start:
            m = re.match(r'(=+)[^\n]*?\1[ \t]*(?:<!--.*?-->)?[ \t]*(?=\n|$)', raw[i:i + 400])
            if m:
                out.append((i, i + m.end(), 'heading'))
                i += m.end()
                continue
            if raw.startswith('{|', i):
                j = find_close(raw, i, '{|', '|}')
                out.append((i, j, 'table'))
                i = j
                continue
        line_start = False
        if c == '\n':
            line_start = True
            i += 1
            continue
        if raw.startswith('<!--', i):
            k = raw.find('-->', i)
            j = n if k < 0 else k + 3
            out.append((i, j, 'comment'))
            i = j
            continue
        if raw.startswith('<ref', i) and re.match(r'<ref[\s>/]', raw[i:i + 5]):
            m = re.match(r'<ref[^>]*?/>', raw[i:i + 500])
            if m:
                out.append((i, i + m.end(), 'ref'))
                i += m.end()
                continue
            k = raw.find('</ref>', i)
            j = n if k < 0 else k + 6
            out.append((i, j, 'ref'))
            i = j
            continue
        m = re.match(r'<(gallery|math|references|timeline|score|syntaxhighlight|pre|imagemap|poem|blockquote)\b[^>]*>', raw[i:i + 200], re.I)
        if m and m.group(1).lower() not in ('blockquote', 'poem'):
            tag = m.group(1)
            k = raw.lower().find('</' + tag.lower(), i)
            j = n if k < 0 else raw.find('>', k) + 1
            out.append((i, j, 'tag'))
            i = j
            continue
        if raw.startswith('{{', i):
            j = find_close(raw, i, '{{', '}}')
            body = raw[i + 2:j - 2]
            r = render_template(body)
            if r is not None:
                out.append((i, j, 'render', r))
            else:
                out.append((i, j, 'template'))
            i = j
            continue
        m = re.match(r'\[\[\s*(File|Image|Category|Datei|Bild):', raw[i:i + 20], re.I)
        if m:
            j = find_close(raw, i, '[[', ']]')
            out.append((i, j, 'category' if m.group(1).lower() == 'category' else 'file'))
            i = j
            continue
        # interlanguage links [[fr:...]]
        m = re.match(r'\[\[[a-z]{2,3}(-[a-z]+)?:[^\]]*\]\]', raw[i:i + 300])
        if m:
            out.append((i, i + m.end(), 'interwiki'))
            i += m.end()
            continue
        i += 1
    return out


def visible(raw, kind='wiki'):
    """Return (vis, spans): spans[k] = (rs, re) raw char range of visible char k."""
    if kind != 'wiki':
        return raw, [(k, k + 1) for k in range(len(raw))]
    regs = regions(raw)
    vis = []
    spans = []
    ri = 0
    i = 0
    n = len(raw)
    reg_at = {r[0]: r for r in regs}
    while i < n:
        r = reg_at.get(i)
        if r is not None:
            if r[2] == 'render':
                for ch in r[3]:
                    vis.append(ch)
                    spans.append((r[0], r[1]))
            else:
                # keep a separator so words don't join
                if r[2] in ('heading', 'table', 'tag', 'file'):
                    vis.append('\n')
                    spans.append((r[0], r[0]))
            i = r[1]
            continue
        c = raw[i]
        # internal link
        if raw.startswith('[[', i):
            j = raw.find(']]', i)
            if j > 0 and '[[' not in raw[i + 2:j]:
                inner = raw[i + 2:j]
                if '|' in inner:
                    p = inner.index('|')
                    ls = i + 2 + p + 1
                    le = j
                else:
                    ls, le = i + 2, j
                for k in range(ls, le):
                    vis.append(raw[k])
                    spans.append((k, k + 1))
                i = j + 2
                # link trail
                continue
        if c == '[' and re.match(r'\[(https?:)?//', raw[i:i + 10]):
            j = raw.find(']', i)
            if j > 0:
                inner = raw[i + 1:j]
                sp = inner.find(' ')
                if sp >= 0:
                    for k in range(i + 1 + sp + 1, j):
                        vis.append(raw[k])
                        spans.append((k, k + 1))
                i = j + 1
                continue
        if raw.startswith("''", i):
            j = i
            while j < n and raw[j] == "'":
                j += 1
            i = j
            continue
        if c == '&':
            m = re.match(r'&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);', raw[i:i + 12])
            if m:
                ch = html.unescape(m.group(0))
                if ch == '\xa0':
                    ch = ' '
                for x in ch:
                    vis.append(x)
                    spans.append((i, i + m.end()))
                i += m.end()
                continue
        if c == '<':
            m = re.match(r'</?[a-zA-Z][^>]*>', raw[i:i + 200])
            if m:
                i += m.end()
                continue
        if c == '\xa0':
            c = ' '
        vis.append(c)
        spans.append((i, i + 1))
        i += 1
    return ''.join(vis), spans


def byte_offsets(raw):
    """char index -> byte offset table (len(raw)+1 entries)."""
    out = [0] * (len(raw) + 1)
    b = 0
    for k, ch in enumerate(raw):
        out[k] = b
        b += len(ch.encode('utf-8'))
    out[len(raw)] = b
    return out
