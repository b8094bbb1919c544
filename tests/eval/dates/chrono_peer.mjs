// Runs chrono-node (the peer date parser) over the same covered text as the gold, and prints
// its dates as JSON lines in score_dates.py's --predictions format.
//
//   node chrono_peer.mjs GOLD_DIR CORPUS_ROOT [--samples DIR] [--peers DIR] > chrono.jsonl
//
// chrono-node comes from /work/shared/peers/setup.sh (default install dir ~/.cache/wikirel-peers,
// or $WIKIREL_PEERS). To be fair to a parser of plain English, each covered range of a .wiki
// file is first stripped of wikitext markup (crudely: comments, refs, templates, tables, file
// and category links and tags are removed; link labels, external-link labels and heading text
// are kept; bold/italic quotes dropped; common entities decoded), keeping a map from every
// character of the plain text back to its byte offset in the file. Plain-text files are used as
// they are. chrono parses each paragraph with its default reference date (now).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const samplesDir = opt('--samples', path.resolve(here, '../../../examples/samples'));
const peersDir = opt('--peers', process.env.WIKIREL_PEERS || path.join(os.homedir(), '.cache/wikirel-peers'));
if (argv.length !== 2) {
  console.error('usage: node chrono_peer.mjs GOLD_DIR CORPUS_ROOT [--samples DIR] [--peers DIR]');
  process.exit(2);
}
const [goldDir, corpusRoot] = argv;
const require = createRequire(path.join(peersDir, 'package.json'));
const chrono = require('chrono-node');

function readTsv(p) {
  const lines = fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.trim());
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}

const filePath = (rel) =>
  rel.startsWith('samples/') ? path.join(samplesDir, rel.slice('samples/'.length)) : path.join(corpusRoot, rel);

// byteAt[i]: byte offset of UTF-16 index i of the decoded file (length+1 entries).
function byteOffsets(s) {
  const out = new Array(s.length + 1);
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = b;
    const c = s.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { b += 4; out[++i] = b - 4; } // surrogate pair: 4 bytes
    else b += 3;
  }
  out[s.length] = b;
  return out;
}

// Index after the construct opened at i by `open` and closed by `close`, with nesting.
function skipNested(s, i, open, close, limit) {
  let depth = 0;
  let j = i;
  while (j < limit) {
    if (s.startsWith('<!--', j)) {
      const k = s.indexOf('-->', j);
      j = k < 0 ? limit : k + 3;
    } else if (s.startsWith(open, j)) { depth++; j += open.length; }
    else if (s.startsWith(close, j)) { depth--; j += close.length; if (depth === 0) return j; }
    else j++;
  }
  return limit;
}

const ENTITIES = { nbsp: ' ', ndash: '–', mdash: '—', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", minus: '−', thinsp: ' ' };
const SKIP_TAGS = /^<(gallery|math|references|timeline|score|syntaxhighlight|pre|imagemap|nowiki)\b[^>]*>/i;

// Plain text of s[a, b) with map[k] = [srcStart, srcEnd) for each output char.
function strip(s, a, b) {
  let out = '';
  const map = [];
  const emit = (text, ss, se) => { for (const ch of text) { out += ch; map.push([ss, se]); if (ch.length === 2) map.push([ss, se]); } };
  let i = a;
  let lineStart = true;
  while (i < b) {
    if (lineStart) {
      const h = /^(=+)([^\n]*?)\1[ \t]*$/m.exec(s.slice(i, Math.min(b, s.indexOf('\n', i) < 0 ? b : s.indexOf('\n', i))));
      if (h && h.index === 0) { // heading: keep its text
        const ts = i + h[1].length;
        for (let k = ts; k < ts + h[2].length; k++) emit(s[k], k, k + 1);
        i += h[0].length;
        lineStart = false;
        continue;
      }
      if (s.startsWith('{|', i)) { i = skipNested(s, i, '{|', '|}', b); continue; }
      const lm = /^[*#:;]+\s*/.exec(s.slice(i, i + 10));
      if (lm) { i += lm[0].length; lineStart = false; continue; }
    }
    lineStart = false;
    const c = s[i];
    if (c === '\n') { emit('\n', i, i + 1); i++; lineStart = true; continue; }
    if (s.startsWith('<!--', i)) { const k = s.indexOf('-->', i); i = k < 0 ? b : k + 3; continue; }
    if (/^<ref[\s>/]/i.test(s.slice(i, i + 5))) {
      const m = /^<ref[^>]*?\/>/i.exec(s.slice(i, i + 500));
      if (m) { i += m[0].length; continue; }
      const k = s.indexOf('</ref>', i);
      i = k < 0 ? b : k + 6;
      continue;
    }
    const st = SKIP_TAGS.exec(s.slice(i, i + 200));
    if (st) {
      const k = s.toLowerCase().indexOf('</' + st[1].toLowerCase(), i);
      i = k < 0 ? b : s.indexOf('>', k) + 1;
      continue;
    }
    if (s.startsWith('{{', i)) { i = skipNested(s, i, '{{', '}}', b); continue; }
    if (s.startsWith('[[', i)) {
      if (/^\[\[\s*(File|Image|Category|Datei|Bild):/i.test(s.slice(i, i + 20))) { i = skipNested(s, i, '[[', ']]', b); continue; }
      const j = s.indexOf(']]', i);
      if (j > 0 && j < b && !s.slice(i + 2, j).includes('[[')) {
        const inner = s.slice(i + 2, j);
        const p = inner.indexOf('|');
        const ls = p >= 0 ? i + 2 + p + 1 : i + 2;
        for (let k = ls; k < j; k++) emit(s[k], k, k + 1);
        i = j + 2;
        continue;
      }
    }
    if (c === '[' && /^\[(https?:)?\/\//.test(s.slice(i, i + 10))) {
      const j = s.indexOf(']', i);
      if (j > 0 && j < b) {
        const sp = s.slice(i + 1, j).indexOf(' ');
        if (sp >= 0) for (let k = i + 2 + sp; k < j; k++) emit(s[k], k, k + 1);
        i = j + 1;
        continue;
      }
    }
    if (s.startsWith("''", i)) { while (s[i] === "'") i++; continue; }
    if (c === '&') {
      const m = /^&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/.exec(s.slice(i, i + 12));
      if (m) {
        let ch = ENTITIES[m[1]];
        if (ch === undefined && m[1][0] === '#') ch = String.fromCodePoint(m[1][1] === 'x' ? parseInt(m[1].slice(2), 16) : parseInt(m[1].slice(1), 10));
        if (ch !== undefined) { emit(ch, i, i + m[0].length); i += m[0].length; continue; }
      }
    }
    if (c === '<') {
      const m = /^<\/?[a-zA-Z][^>]*>/.exec(s.slice(i, i + 200));
      if (m) { i += m[0].length; continue; }
    }
    emit(c === '\u00a0' ? ' ' : c, i, i + 1);
    i++;
  }
  return { out, map };
}

const pad = (n, w) => String(Math.abs(n)).padStart(w, '0');
function fmtDate(comp, prec) {
  const y = comp.get('year');
  let s = (y < 0 ? '-' : '') + pad(y, 4);
  if (prec === 'month' || prec === 'day') s += '-' + pad(comp.get('month'), 2);
  if (prec === 'day') s += '-' + pad(comp.get('day'), 2);
  return s;
}
function precOf(comp) {
  if (comp.isCertain('day')) return 'day';
  if (comp.isCertain('month')) return 'month';
  return 'year';
}

const cover = readTsv(path.join(goldDir, 'coverage.tsv'));
for (const { file: rel, begin_offset: bo, end_offset: eo } of cover) {
  const fp = filePath(rel);
  const s = fs.readFileSync(fp, 'utf8');
  const byteAt = byteOffsets(s);
  // byte range -> UTF-16 index range
  let a = 0;
  while (a < s.length && byteAt[a] < Number(bo)) a++;
  let b = a;
  while (b < s.length && byteAt[b] < Number(eo)) b++;
  const { out, map } = rel.endsWith('.wiki') ? strip(s, a, b) : { out: s.slice(a, b), map: Array.from({ length: b - a }, (_, k) => [a + k, a + k + 1]) };
  // parse paragraph by paragraph
  const paraRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let m;
  while ((m = paraRe.exec(out))) {
    let results;
    try { results = chrono.parse(m[0]); } catch (e) { continue; }
    for (const r of results) {
      const si = m.index + r.index;
      const ei = si + r.text.length - 1;
      if (!map[si] || !map[ei]) continue;
      const startByte = byteAt[map[si][0]];
      const endByte = byteAt[map[ei][1]];
      const p = precOf(r.start);
      const pe = r.end ? precOf(r.end) : p;
      const rank = { year: 0, month: 1, day: 2 };
      const prec = rank[p] <= rank[pe] ? p : pe; // the coarser of the two ends
      const ev = {
        file: rel,
        offset: startByte,
        length: endByte - startByte,
        expression: r.text,
        begin: fmtDate(r.start, prec),
        end: r.end ? fmtDate(r.end, prec) : fmtDate(r.start, prec),
        precision: prec,
        approximate: false,
        inferred: !r.start.isCertain('year'),
      };
      process.stdout.write(JSON.stringify(ev) + '\n');
    }
  }
}
