"""Evaluate a pipeline on the held-out split and (optionally) record the scores in its meta.json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import import_nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("model", type=Path)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None, help="write the JSON here")
    ap.add_argument("--write-meta", action="store_true", help="store the scores in <model>/meta.json")
    ap.add_argument("--speed-words", type=int, default=60_000)
    ap.add_argument("--plain", action="store_true", help="as plain spacy.load, without lagebild rules")
    args = ap.parse_args()
    evaluate = import_nlp("lagebild.nlp.evaluate")
    nlp = spacy.load(args.model)
    if not args.plain:
        import_nlp("lagebild.nlp").add_rule_components(nlp)
    result = evaluate.evaluate_pipeline(args.shared, nlp=nlp, speed_words=args.speed_words)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    if args.write_meta:
        meta_path = args.model / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta.setdefault("lagebild", {})["heldout_evaluation"] = result
        ner = result.get("ner", {})
        ud = result["ud"]["all"]
        meta["performance"] = {
            "ents_p": ner.get("precision"), "ents_r": ner.get("recall"), "ents_f": ner.get("f1"),
            "ents_per_type": {k: {"p": v["precision"], "r": v["recall"], "f": v["f1"]}
                              for k, v in ner.get("per_label", {}).items()},
            "token_acc": ud["token_acc"], "pos_acc": ud["upos_acc"], "tag_acc": ud["stts_acc"],
            "morph_acc": ud["morph_acc"], "lemma_acc": ud["lemma_acc"], "dep_uas": ud["uas"],
            "dep_las": ud["las"], "sents_f": ud["sents_f"],
            "speed": result["speed"]["1_process"]["words_per_second"],
        }
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
