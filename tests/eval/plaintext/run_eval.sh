#!/bin/bash
# Score the plain-text reader on pandoc renderings and on generated browser copies of the
# wikitext corpus, with an ablation over the copy's knobs and the most frequent error patterns.
#
# usage: run_eval.sh CLI OUT_BASE [WIKI_DIR]
#   CLI       the wikirel binary (build/default/examples/wikirel)
#   OUT_BASE  scratch directory for the renderings (keep it outside the repo: corpus text)
#   WIKI_DIR  defaults to ../shared/corpus/wikitext beside the repo
# env: SHARED (default: the repo's ../shared), PY (default /usr/bin/python3),
#      SEEDS (default "1 2 3": seeds of the mixed runs), NO_ABLATION=1 to skip the ablation.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
PY=${PY:-/usr/bin/python3}
CLI=$(realpath "$1")
OUT=$2
WIKI=${3:-$SHARED/corpus/wikitext}
CHECKS=$SHARED/checks
SEEDS=${SEEDS:-"1 2 3"}
mkdir -p "$OUT"
for i in 1 2 3 4 5 6 7 8 9 10; do [ -x "$CLI" ] && break; echo "waiting for $CLI" >&2; sleep 30; done
# score one fixed binary even if the build tree is rebuilt meanwhile
until cp "$CLI" "$OUT/wikirel.snapshot" 2>/dev/null && "$OUT/wikirel.snapshot" --help >/dev/null 2>&1; do sleep 15; done
echo "CLI: $CLI ($(date -r "$CLI" '+%F %T'), sha1 $(sha1sum "$OUT/wikirel.snapshot" | cut -c1-12))"
CLI=$OUT/wikirel.snapshot

gen() {  # gen DIR SEED VARIANTS [SET]
  "$PY" "$HERE/browser_copy.py" "$WIKI" "$OUT/$1" --seed "$2" --variants "$3" ${4:+--set "$4"} >/dev/null
}
official() {  # official DIR [extra args]: the shared scorer's one-line verdict
  local d=$1; shift
  "$PY" "$CHECKS/eval_plaintext.py" "$CLI" "$WIKI" "$OUT/$d" --show 0 "$@" | tail -1
}
detail() {  # detail DIR LABEL: figures + patterns (JSON kept for the summary)
  "$PY" "$HERE/score_copies.py" "$CLI" "$WIKI" "$OUT/$1" --label "$2" --json "$OUT/$1.json" --examples 2 "${@:3}" \
    > "$OUT/$1.patterns.txt"
  cat "$OUT/$1.patterns.txt"
}

echo "== pandoc renderings (render_plain.sh) =="
bash "$CHECKS/render_plain.sh" "$WIKI" "$OUT/pandoc" >/dev/null
echo "eval_plaintext.py: $(official pandoc)"
detail pandoc pandoc --list
echo

echo "== browser copies, one skin each =="
runs=("vector2010:1" "vector2010-indent:2" "vector2022:3" "mobile:4")
for s in $SEEDS; do runs+=("mixed:$s"); done
for r in "${runs[@]}"; do
  v=${r%%:*}; seed=${r##*:}; d="bc-$v-s$seed"
  gen "$d" "$seed" "$v"
  extra=(--titles "$OUT/$d/titles.tsv")
  # --ref-list counts '  n. ^ ' entries only: meaningful for the indented variant alone
  [ "$v" = vector2010-indent ] && extra+=(--ref-list)
  echo "-- $v seed $seed"
  echo "eval_plaintext.py: $(official "$d" "${extra[@]}")"
  detail "$d" "$v/s$seed" | head -1
done
echo

echo "== error patterns over the browser-copy runs above (per run: \$OUT/bc-*.patterns.txt) =="
"$PY" - "$OUT" "${runs[@]}" <<'EOF'
import collections, json, re, sys
out, runs = sys.argv[1], sys.argv[2:]
pat, ex = collections.Counter(), collections.defaultdict(list)
for r in runs:
    v, s = r.split(":")
    j = json.load(open(f"{out}/bc-{v}-s{s}.json", encoding="utf-8"))
    for p, n in j["patterns"].items():
        # fold the knob detail of article-level failures into the pattern's gist
        key = re.sub(r" paragap=\S+(?=\))", "", p)
        key = re.sub(r"^(FN heading missed: .*) \(edit=.*\)$", r"\1", key)
        pat[key] += n
        for e in j["examples"].get(p, []):
            if len(ex[key]) < 3 and e not in ex[key]:
                ex[key].append(f"{v}/s{s} {e}")
for p, n in pat.most_common(20):
    print(f"{n:5d}  {p}")
    for e in ex[p]:
        print(f"         {e}")
EOF
echo

[ "${NO_ABLATION:-}" = 1 ] && exit 0
echo "== ablation: a clean classic copy, then one knob changed (seed 1) =="
BASE="navfirst=0,jump=1,paragap=1,edit=edit,toc=numbered,tochide=0,refnum=plain,hiddencats=0"
printf "%-34s %s\n" "change" "figures"
for k in "" edit=source edit=ve edit=none edit=nextline toc=none,edit=none toc=none,edit=none,headgap=1 navfirst=1 jump=0 paragap=0 toc=none tochide=1 \
         refnum=none refnum=indent bullets=•\  infobox=0 captions=0 hatnotes=0 navboxes=0 \
         skin=2022 skin=2022,toc=sidebar skin=2022,edit=nextline "skin=2022,toc=sidebar,edit=nextline,refnum=none" \
         skin=mobile skin=mobile,edit=none "skin=mobile,edit=none,toc=none" "skin=mobile,edit=none,toc=none,refnum=none,paragap=0"; do
  d="abl-$(echo "${k:-base}" | tr -c 'a-zA-Z0-9=\n' '_')"
  gen "$d" 1 vector2010 "$BASE${k:+,$k}"
  printf "%-34s %s\n" "${k:-(base)}" "$(detail "$d" "${k:-base}" | head -1 | sed 's/^\[[^]]*\] //')"
done
