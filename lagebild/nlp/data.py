"""Readers for the gold data in ``../shared/data`` and the one deterministic held-out split.

Both ``training/convert.py`` (which writes the spaCy DocBins) and :mod:`lagebild.nlp.evaluate`
(which reports held-out scores) call :func:`is_heldout`, so a sentence that is held out for
evaluation can never reach training.

Decisions (see docs/training.md):
- GermEval 2014: only the outer column is used; ``OTH`` -> ``MISC``; all ``*deriv`` and ``*part``
  labels are dropped (become ``O``). "russischem" (LOCderiv) is therefore not an entity; the linking
  stage resolves demonyms with the lexicon in ``kb/nationality-adjectives-de``.
- UD multiword tokens ("im" = "in" + "dem") are merged into one token, as spaCy's German tokenizer
  keeps them whole: the merged token takes UPOS/dependency of the word whose head lies outside the
  group (the preposition), the morphology of the article, and the STTS tag ``APPRART``.
- PTB-style punctuation in GSD (``, '', --) becomes German „, “, – (see :data:`PUNCT_NORMALIZATION`).
- Morphology is restricted to :data:`MORPH_FEATURES` (what later stages read).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = [
    "HELDOUT_FRACTION",
    "MORPH_FEATURES",
    "SPLIT_SEED",
    "NerSentence",
    "UdSentence",
    "detokenize_spaces",
    "is_heldout",
    "map_germeval_tag",
    "read_conllu",
    "read_germeval",
    "shared_dir",
    "ud_doc",
    "ud_sources",
]

#: Fraction of every gold source that is held back (model selection and reporting; never trained on).
HELDOUT_FRACTION = 0.18
#: Salt of the hash that decides the split; changing it changes the split (and invalidates scores).
SPLIT_SEED = "lagebild-heldout-v1"
#: Morphological features the morphologizer is trained on and evaluated for.
MORPH_FEATURES: tuple[str, ...] = ("Case", "Gender", "Number", "Mood", "Tense", "Person", "VerbForm")

GERMEVAL_REL = Path("ner") / "germeval2014" / "test.tsv.gz"
#: UD German GSD writes quotes and dashes in PTB style (``, '', --); German news uses „“ and –.
PUNCT_NORMALIZATION = {"``": "„", "''": "“", "--": "–"}


def shared_dir(shared: Path | str | None = None) -> Path:
    """Resolve the shared data folder: argument, then ``$LAGEBILD_SHARED``, then ``<repo>/../shared``."""
    if shared is not None:
        return Path(shared)
    env = os.environ.get("LAGEBILD_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


def is_heldout(source: str, key: str, fraction: float = HELDOUT_FRACTION) -> bool:
    """Deterministic, order-independent split: hash of (seed, source, sentence key)."""
    digest = hashlib.sha256(f"{SPLIT_SEED}\t{source}\t{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def ud_sources(shared: Path) -> dict[str, list[Path]]:
    """The UD training material by source name (GSD dev+test, LIT test)."""
    ud = shared / "data" / "ud"
    return {
        "de_gsd": [ud / "de_gsd" / "dev.conllu.gz", ud / "de_gsd" / "test.conllu.gz"],
        "de_lit": [ud / "de_lit" / "test.conllu.gz"],
    }


@dataclass(frozen=True)
class UdSentence:
    """One UD sentence after multiword-token merging (one entry per surface token)."""

    sent_id: str
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    xpos: list[str]
    morphs: list[str]
    heads: list[int]  # absolute 0-based index into ``words``; root points to itself
    deps: list[str]

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))


@dataclass(frozen=True)
class NerSentence:
    """One GermEval sentence: tokens, guessed spaces and outer BIO tags after label mapping."""

    key: str
    words: list[str]
    spaces: list[bool]
    tags: list[str]

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))


def ud_doc(vocab: Vocab, sents: list[UdSentence]) -> Doc:
    """One gold ``Doc`` from consecutive UD sentences (sentence starts, tags, morphology, lemmas, tree)."""
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool | int | None] = []
    for s in sents:
        off = len(words)
        words += s.words
        spaces += s.spaces
        lemmas += s.lemmas
        pos += s.upos
        tags += s.xpos
        morphs += s.morphs
        heads += [h + off for h in s.heads]
        deps += ["ROOT" if d == "root" else d for d in s.deps]
        sent_starts += [True] + [False] * (len(s.words) - 1)
    return Doc(
        vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, morphs=morphs,
        heads=heads, deps=deps, sent_starts=sent_starts,
    )


def _open(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def _filter_feats(feats: str) -> str:
    if feats in ("_", ""):
        return ""
    kept = [f for f in feats.split("|") if f.split("=", 1)[0] in MORPH_FEATURES]
    return "|".join(kept)


def _merge_feats(*feats: str) -> str:
    merged: dict[str, str] = {}
    for fs in feats:
        for f in fs.split("|") if fs else []:
            k, v = f.split("=", 1)
            merged.setdefault(k, v)
    return "|".join(f"{k}={merged[k]}" for k in sorted(merged))


def _finish_sentence(
    sent_id: str, rows: list[list[str]], mwts: dict[int, tuple[int, str, bool]]
) -> UdSentence:
    # rows: CoNLL-U word lines (10 fields) for integer ids; mwts: first word id -> (last id, form, space)
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    upos: list[str] = []
    xpos: list[str] = []
    morphs: list[str] = []
    raw_heads: list[int] = []
    deps: list[str] = []
    word_to_tok: dict[int, int] = {}
    by_id = {int(r[0]): r for r in rows}
    i = 1
    n = len(rows)
    while i <= n:
        tok_index = len(words)
        if i in mwts:
            last, form, space = mwts[i]
            group = [by_id[j] for j in range(i, last + 1)]
            ids = set(range(i, last + 1))
            outside = [r for r in group if int(r[6]) not in ids]
            main = outside[0] if outside else group[0]
            tag = "APPRART" if [r[3] for r in group] == ["ADP", "DET"] else main[4]
            words.append(form)
            spaces.append(space)
            lemmas.append(main[2])
            upos.append(main[3])
            xpos.append(tag)
            morphs.append(_merge_feats(*(_filter_feats(r[5]) for r in reversed(group))))
            raw_heads.append(int(main[6]))
            deps.append(main[7])
            for j in ids:
                word_to_tok[j] = tok_index
            i = last + 1
            continue
        r = by_id[i]
        words.append(PUNCT_NORMALIZATION.get(r[1], r[1]))
        spaces.append("SpaceAfter=No" not in r[9])
        lemmas.append(PUNCT_NORMALIZATION.get(r[2], r[2]))
        upos.append(r[3])
        xpos.append(r[4])
        morphs.append(_filter_feats(r[5]))
        raw_heads.append(int(r[6]))
        deps.append(r[7])
        word_to_tok[i] = tok_index
        i += 1
    heads = [word_to_tok[h] if h != 0 else k for k, h in enumerate(raw_heads)]
    if spaces:
        spaces[-1] = True  # sentences are joined with a space when grouped into documents
    return UdSentence(sent_id, words, spaces, lemmas, upos, xpos, morphs, heads, deps)


def read_conllu(path: Path) -> Iterator[UdSentence]:
    """Read a (gzipped) CoNLL-U file, merging multiword tokens into single tokens."""
    sent_id = ""
    rows: list[list[str]] = []
    mwts: dict[int, tuple[int, str, bool]] = {}
    counter = 0
    for line in _open(path):
        line = line.rstrip("\n")
        if not line:
            if rows:
                counter += 1
                yield _finish_sentence(sent_id or f"{path.name}-{counter}", rows, mwts)
            sent_id, rows, mwts = "", [], {}
            continue
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            mwts[int(a)] = (int(b), cols[1], "SpaceAfter=No" not in cols[9])
        elif "." in cols[0]:
            continue  # empty nodes (enhanced UD) are not used
        else:
            rows.append(cols)
    if rows:
        counter += 1
        yield _finish_sentence(sent_id or f"{path.name}-{counter}", rows, mwts)


def map_germeval_tag(tag: str) -> str:
    """Outer GermEval tag -> our label set: OTH -> MISC, ``*deriv``/``*part`` -> O."""
    if tag == "O" or "-" not in tag:
        return "O"
    bio, label = tag.split("-", 1)
    if label.endswith("deriv") or label.endswith("part"):
        return "O"
    if label == "OTH":
        label = "MISC"
    if label not in ("PER", "LOC", "ORG", "MISC"):
        return "O"
    return f"{bio}-{label}"


_NO_SPACE_BEFORE = re.compile(r"^[.,;:!?)\]}“”%]$|^'s$|^n't$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{„]$")


def detokenize_spaces(words: list[str]) -> list[bool]:
    """Guess ``spaces`` for pre-tokenized text (GermEval has none) so that the text reads naturally."""
    spaces = [True] * len(words)
    for k, w in enumerate(words):
        if _NO_SPACE_AFTER.match(w):
            spaces[k] = False
        if k > 0 and _NO_SPACE_BEFORE.match(w):
            spaces[k - 1] = False
    # straight double quotes alternate opening/closing
    open_quote = True
    for k, w in enumerate(words):
        if w == '"':
            if open_quote:
                spaces[k] = False
            elif k > 0:
                spaces[k - 1] = False
            open_quote = not open_quote
    return spaces


def _fix_bio(tags: list[str]) -> list[str]:
    fixed: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        fixed.append(t)
        prev = t
    return fixed


def read_germeval(path: Path) -> Iterator[NerSentence]:
    """Read the GermEval 2014 TSV (outer column). Key = running sentence number + source URL."""
    words: list[str] = []
    tags: list[str] = []
    url = ""
    count = 0
    for line in _open(path):
        line = line.rstrip("\n")
        if line.startswith("#\t"):
            url = line.split("\t")[1] if len(line.split("\t")) > 1 else ""
            continue
        if not line.strip():
            if words:
                count += 1
                yield NerSentence(f"{count}\t{url}", words, detokenize_spaces(words), _fix_bio(tags))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1].replace("\u00ad", "") or cols[1])
        tags.append(map_germeval_tag(cols[2]))
    if words:
        count += 1
        yield NerSentence(f"{count}\t{url}", words, detokenize_spaces(words), _fix_bio(tags))
