"""Assemble the final pipeline from the trained UD and NER pipelines and write it to ``models/``.

- tokenizer: spaCy German defaults + :func:`lagebild.nlp.tokenizer.customize_tokenizer` (serialized);
- tok2vec, tagger, morphologizer, trainable_lemmatizer, parser (and ner): from the UD or joint run;
- ner (with its own tok2vec inside): optionally sourced from a separate NER run (``--ner``);
- optional entity_ruler (gazetteer patterns, only fills gaps: ``overwrite_ents = False``);
- optional lemma table (``training/build_lemma_lookup.py``) in the vocab lookups, read by the
  ``lagebild_lemma_lookup`` rule component that :func:`lagebild.nlp.load_pipeline` adds.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import platform
import shutil
import sys
from pathlib import Path
from typing import Any

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import REPO, import_nlp

MODEL_VERSION = "0.1.0"

SOURCES: list[dict[str, str]] = [
    {
        "name": "UD German GSD (dev+test splits, UD 2.16 state)",
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalDependencies/UD_German-GSD",
        "use": "tagger, morphologizer, lemmatizer, parser (minus held-out split)",
    },
    {
        "name": "UD German LIT (test file)",
        "license": "CC BY-NC-SA 4.0 (non-commercial)",
        "url": "https://github.com/UniversalDependencies/UD_German-LIT",
        "use": "tagger, morphologizer, lemmatizer, parser (minus held-out split)",
    },
    {
        "name": "GermEval 2014 NER (official test split)",
        "license": "CC BY 4.0",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "use": "ner (minus held-out split); outer level, OTH->MISC, *deriv/*part dropped",
    },
]

VECTOR_SOURCES: list[dict[str, str]] = [
    {
        "name": "Wikinews (de) via uhh-lt quotation dataset train+dev",
        "license": "CC BY 2.5 (text)",
        "use": "floret vectors and tok2vec pretraining (raw text)",
    },
    {
        "name": "10kGNAD test split (derStandard)",
        "license": "CC BY-NC-SA 4.0",
        "use": "floret vectors and tok2vec pretraining (raw text)",
    },
    {
        "name": "XGLUE NC German (MSN News)",
        "license": "XGLUE terms, non-commercial research",
        "use": "floret vectors and tok2vec pretraining (raw text)",
    },
    {
        "name": "FANG-COVID mainstream part (ZEIT, Tagesspiegel, SZ)",
        "license": "none stated; research use",
        "use": "floret vectors and tok2vec pretraining (raw text)",
    },
]


GAZETTEER_SOURCES: list[dict[str, str]] = [
    {
        "name": "Unicode CLDR 47 German names (via Babel)",
        "license": "Unicode License v3",
        "use": "entity_ruler",
    },
    {"name": "mledoze/countries 5.1.0", "license": "ODbL 1.0", "use": "entity_ruler"},
    {"name": "GeoNames German names", "license": "CC BY 4.0", "use": "entity_ruler"},
    {"name": "Wikidata world leaders / RU-UA-US cabinets", "license": "CC0 1.0", "use": "entity_ruler"},
    {
        "name": "unitedstates/congress-legislators executive terms",
        "license": "CC0 1.0",
        "use": "entity_ruler",
    },
    {"name": "ParlGov parties", "license": "CC BY-SA 4.0", "use": "entity_ruler"},
]


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def assemble(
    ud: Path,
    ner: Path | None,
    out: Path,
    patterns: Path | None,
    vectors_used: bool,
    extra_meta: dict[str, Any],
    lemma_lookup: Path | None = None,
) -> None:
    tokenizer_mod = import_nlp("lagebild.nlp.tokenizer")
    nlp = spacy.load(ud)
    tokenizer_mod.customize_tokenizer(nlp)
    if ner is not None:
        if "ner" in nlp.pipe_names:
            nlp.remove_pipe("ner")  # a joint model's listener NER is replaced by the separate one
        ner_nlp = spacy.load(ner)
        nlp.add_pipe("ner", source=ner_nlp)
    if patterns is not None:
        with open(patterns, encoding="utf-8") as fh:
            all_patterns = [json.loads(line) for line in fh]
        strict = [p for p in all_patterns if p["id"].endswith("-strict")]
        other = [p for p in all_patterns if not p["id"].endswith("-strict")]
        # 1. country/region/capital names overwrite overlapping NER spans; 2. the rest only fills gaps
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="entity_ruler_places",
            after="ner",
            config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
        )
        ruler.add_patterns(strict)  # type: ignore[attr-defined]
        ruler = nlp.add_pipe(
            "entity_ruler",
            after="entity_ruler_places",
            config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
        )
        ruler.add_patterns(other)  # type: ignore[attr-defined]
    if lemma_lookup is not None:
        table_name = import_nlp("lagebild.nlp.components").LEMMA_TABLE
        if nlp.vocab.lookups.has_table(table_name):
            nlp.vocab.lookups.remove_table(table_name)
        nlp.vocab.lookups.add_table(table_name, json.loads(lemma_lookup.read_text(encoding="utf-8")))
    sources = list(SOURCES) + (list(VECTOR_SOURCES) if vectors_used else [])
    if patterns is not None:
        sources += GAZETTEER_SOURCES
    nlp.meta.update(
        {
            "name": "lagebild",
            "version": MODEL_VERSION,
            "description": "German news pipeline for Lagebild, trained from scarce public data "
            "(see docs/model-card.md). Tokenizer, tagger (STTS), morphologizer (UPOS + Case, Gender, "
            "Number, Mood, Tense, Person, VerbForm), edit-tree lemmatizer, parser, NER (PER/LOC/ORG/MISC).",
            "author": "Lagebild project",
            "url": "",
            "license": "CC BY-NC-SA 4.0 (inherits the non-commercial, share-alike terms of UD German LIT)",
            "spacy_version": ">=3.8.0,<3.9.0",
            "sources": sources,
            "requirements": [],
        }
    )
    data = import_nlp("lagebild.nlp.data")
    info: dict[str, Any] = {
        "heldout_split": {
            "function": "lagebild.nlp.data.is_heldout",
            "fraction": data.HELDOUT_FRACTION,
            "salt": data.SPLIT_SEED,
        },
        "label_mapping": "GermEval outer level; OTH->MISC; *deriv/*part dropped",
        "morph_features": list(data.MORPH_FEATURES),
        "versions": {
            "spacy": spacy.__version__,
            "python": platform.python_version(),
            "floret": _version("floret"),
            "spacy-lookups-data": _version("spacy-lookups-data"),
        },
        "docs": "docs/model-card.md, docs/training.md",
    }
    if lemma_lookup is not None:
        info["lemma_lookup"] = (
            "vocab lookups table 'lagebild_lemma_lookup' (UD training part, "
            "training/build_lemma_lookup.py), applied by lagebild.nlp.load_pipeline"
        )
    stats = REPO / "training" / "corpus" / "stats.json"
    if stats.is_file():
        info["data_counts"] = json.loads(stats.read_text(encoding="utf-8"))
    info.update(extra_meta)
    nlp.meta.setdefault("lagebild", {}).update(info)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    print(f"wrote {out} ({sum(f.stat().st_size for f in out.rglob('*') if f.is_file()) / 1e6:.1f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ud", type=Path, required=True, help="UD (or joint UD+NER) model-best")
    ap.add_argument("--ner", type=Path, default=None)
    ap.add_argument("--patterns", type=Path, default=None)
    ap.add_argument("--vectors-used", action="store_true")
    ap.add_argument("--lemma-lookup", type=Path, default=None, help="lemma table JSON for the vocab lookups")
    ap.add_argument("--out", type=Path, default=REPO / "models" / "de_lagebild")
    ap.add_argument("--meta-json", type=str, default="{}", help="extra JSON for meta['lagebild']")
    args = ap.parse_args()
    assemble(
        args.ud,
        args.ner,
        args.out,
        args.patterns,
        args.vectors_used,
        json.loads(args.meta_json),
        args.lemma_lookup,
    )


if __name__ == "__main__":
    main()
