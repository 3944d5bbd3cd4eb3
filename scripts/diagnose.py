#!/usr/bin/env python3
"""Classify the errors of an export against a PolNeAR bench folder, with score.py's rules.

    python3 scripts/diagnose.py BENCH_DIR PRED.jsonl [--show CLASS] [--limit N]

Prints how many gold person attributions are missed, by why, and how many exported person
statements are wrong, by why; `--show CLASS` prints examples of one class (context around
the content, gold and exported spans). A development aid: it needs ../shared, which a user's
clone does not have, and nothing in the build uses it.
"""
import collections, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
from score import chars, compatible, span  # noqa: E402


def load(bench, pred_path):
    gold = {}
    for line in open(os.path.join(bench, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        g["text"] = open(os.path.join(bench, "text", g["file"]), encoding="utf-8", newline="").read()
        gold[g["file"]] = g
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        if line.strip():
            p = json.loads(line)
            preds[os.path.basename(p["source"])] = p
    return gold, preds


def rng(cs):
    return (min(cs), max(cs) + 1) if cs else (0, 0)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 30
    if show:
        args = [a for a in args if a != show and a != str(limit)]
    gold, preds = load(args[0], args[1])
    miss, fp = collections.Counter(), collections.Counter()
    examples = collections.defaultdict(list)
    for key, g in gold.items():
        text = g["text"]
        p = preds.get(key, {})
        names = {str(x["id"]): x["name"] for x in p.get("people", [])}
        stmts = []
        for s in p.get("statements", []):
            stmts.append({"name": names.get(str(s.get("speaker"))), "content": chars(text, span(s.get("content"))),
                          "source": chars(text, span(s.get("source"))), "raw": s})
        golds = [dict(a, c=chars(text, a["content"]), s=chars(text, a["source"])) for a in g["attributions"]]
        golds = [a for a in golds if a["c"]]
        named = [s for s in stmts if s["name"] and s["content"]]

        def ex(cls, c, gsp, ssp):
            lo, hi = rng(c)
            examples[cls].append(f"{key} [{lo}:{hi}]\n  text: {text[max(0, lo - 150):hi + 60]!r}\n  gold: {gsp}\n  ours: {ssp}")

        for a in golds:
            if not a["speaker"]:
                continue
            cover = set()
            for s in named:
                if compatible(s["name"], a["speaker"]):
                    cover |= s["content"] & a["c"]
            if len(cover) >= 0.5 * len(a["c"]):
                continue
            over = [s for s in stmts if len(s["content"] & a["c"]) >= 0.3 * len(a["c"])]
            anyc = set()
            for s in stmts:
                anyc |= s["content"] & a["c"]
            if len(anyc) < 0.2 * len(a["c"]):
                cls = "miss:no-content"
            elif any(s["name"] and not compatible(s["name"], a["speaker"]) for s in over):
                cls = "miss:other-speaker"
            elif any(not s["name"] for s in over):
                cls = "miss:unnamed"
            else:
                cls = "miss:partial"
            miss[cls] += 1
            ex(cls, a["c"], f"{a['speaker']!r} src={a['source_text']!r} cue={a['cue_text']!r} direct={a['direct']}",
               [(s["name"], text[slice(*rng(s['source']))], rng(s["content"])) for s in over])
        for s in named:
            ok = [a for a in golds if a["speaker"] and compatible(s["name"], a["speaker"])
                  and len(s["content"] & a["c"]) >= 0.5 * len(s["content"])]
            if ok:
                continue
            over = [a for a in golds if len(s["content"] & a["c"]) >= 0.5 * len(s["content"])]
            if over and all(not a["speaker"] for a in over):
                cls = "fp:gold-null"
            elif over:
                cls = "fp:other-speaker"
            elif any(s["content"] & a["c"] for a in golds):
                cls = "fp:partial"
            else:
                cls = "fp:nothing"
            fp[cls] += 1
            ex(cls, s["content"], [(a["speaker"], a["source_text"], a["cue_text"]) for a in golds if s["content"] & a["c"]],
               f"{s['name']!r} src={text[slice(*rng(s['source']))]!r} content={rng(s['content'])}")
    print("missed gold person attributions:", sum(miss.values()), dict(miss.most_common()))
    print("wrong person statements:", sum(fp.values()), dict(fp.most_common()))
    if show:
        for e in examples[show][:limit]:
            print(e)


if __name__ == "__main__":
    main()
