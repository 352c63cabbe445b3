"""Europeana Newspapers NER (German, historic OCR) as supplementary NER training docs.

Usage:
``python training/convert_europeana.py [--shared ../shared] --out training/corpus/europeana_ner.spacy``.

Source: ``shared/data/ner/europeana_newspapers_de`` (CC0; Neudecker, LREC 2016; see its SOURCE.md). The
files are one token stream each, PER/LOC/ORG only, with OCR noise and no sentence boundaries. Cleaning,
following the caveats in SOURCE.md:
- comment lines (``# file: ...``) and lines that are not ``token tag`` (tokens with spaces such as
  ``. . . O``, missing tags) are dropped and end the current window (the stream jumps there);
- tags are normalised (case ``B-PEr``, separators ``B_PER`` / ``B.PER``); a window with any other tag
  (``I-MISC``, ``B-BER``, ``OLOC``, ``v``, ``LOCer``) is dropped, since its annotation is unreliable and
  MISC is not annotated in this corpus;
- every OCR token is re-tokenized with spaCy's German tokenizer (the OCR keeps punctuation attached,
  ``erklärt,``); the first piece keeps the token's tag, later word pieces continue the entity, punctuation
  pieces outside the entity are ``O``; IOB1-style entity starts (``I-`` after ``O``) become ``B-``;
- the stream is cut into sentence-like windows after ``.``, ``!``, ``?`` (and ``;``) followed by an
  upper-case token; windows of ``MIN_TOKENS``-``MAX_TOKENS`` tokens are kept;
- noise filter: a window is kept only if at most ``MAX_NOISY_SHARE`` of its tokens look like OCR noise
  (characters outside letters, digits and common punctuation; mixed case inside a word such as ``deS``,
  ``VesH``; single letters other than common abbreviations);
- MISC guard: windows with a quotation mark directly before an upper-case ``O`` token (titles of works
  and newspapers, which GermEval labels MISC or ORG) are dropped, so they are not taught as ``O``.
At most ``--max-docs`` windows are written (windows with entities, spread evenly over the files, plus
``--no-entity-share`` of entity-free windows), as single-sentence docs with entities only: no tags or
heads, so only the NER loss uses them, like the GermEval docs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_data_module

_data = load_data_module()

EUROPEANA_REL = Path("ner") / "europeana_newspapers_de"
#: lft (1926 South Tyrol) and sbb (1880-1940) are closest to modern spelling; onb (Wiener Zeitung 1710 ff.)
#: is 18th-century German. All three are read unless --files says otherwise.
FILES = {"lft": "enp_DE.lft.bio.gz", "sbb": "enp_DE.sbb.bio.gz", "onb": "enp_DE.onb.bio.gz"}
LABELS = ("PER", "LOC", "ORG")
#: Window length in tokens after re-tokenization (GermEval sentences: median ~20 tokens).
MIN_TOKENS = 6
MAX_TOKENS = 50
#: Share of noisy-looking tokens a window may have (calibrated by eye on lft/sbb samples, 2026-11-25).
MAX_NOISY_SHARE = 0.05

_TAG_RE = re.compile(r"^([BI])[-_.]([A-Za-z]{3})$")
_WORD_OK = re.compile(r"^[A-Za-zÄÖÜäöüßéèàáâôûëïç]+(?:-[A-Za-zÄÖÜäöüßéèàáâôûëïç]+)*$")
_MIXED_CASE = re.compile(r"^.?[a-zäöüß]+[A-ZÄÖÜ]")
_NUMBER = re.compile(r"^[\d.,/:%-]+$")
_PUNCT = re.compile(r"^[.,;:!?()\[\]\"'„“”‚‘’«»–—-]+$")
_QUOTES = {'"', "„", "“", "”", "»", "«", "‚", "‘", "’", "'"}
_SHORT_OK = {"a", "u", "v", "d", "k", "s", "z", "H", "M", "I", "S", "O", "N", "W", "K", "G", "A", "B", "C",
             "D", "E", "F", "J", "L", "P", "R", "T", "V"}


@dataclass
class Window:
    source: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    bad_tag: bool = False


def normalise_tag(tag: str) -> str | None:
    """``O``, ``B-X`` or ``I-X`` with X in PER/LOC/ORG, or None for anything else."""
    if tag == "O":
        return "O"
    m = _TAG_RE.match(tag)
    if m and m.group(2).upper() in LABELS:
        return f"{m.group(1)}-{m.group(2).upper()}"
    return None


def is_noisy(word: str) -> bool:
    if _PUNCT.match(word) or _NUMBER.match(word):
        return False
    if len(word) == 1:
        return word not in _SHORT_OK
    if word.endswith(".") and _WORD_OK.match(word[:-1]) and len(word) <= 5:
        return False  # abbreviation ("Dr.", "Abg.")
    return not _WORD_OK.match(word) or bool(_MIXED_CASE.match(word))


def token_stream(path: Path) -> Iterator[tuple[str, str | None] | None]:
    """(token, normalised tag) per usable line; None where the stream is cut (comment/malformed line)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                yield None
                continue
            parts = line.split(" ")
            if len(parts) != 2 or not parts[0]:
                yield None
                continue
            yield parts[0], normalise_tag(parts[1])


def windows(path: Path, source: str, nlp: spacy.language.Language) -> Iterator[Window]:
    win = Window(source)

    def flush() -> Iterator[Window]:
        nonlocal win
        if win.words:
            win.spaces[-1] = False
            win.tags = _data._fix_bio(win.tags)
            yield win
        win = Window(source)

    for item in token_stream(path):
        if item is None:
            yield from flush()
            continue
        token, tag = item
        if (
            win.words
            and win.words[-1] in {".", "!", "?", ";"}
            and token[:1].isupper()
            and win.tags[-1] == "O"
            and (tag is None or not tag.startswith("I-"))
        ):
            yield from flush()
        if tag is None:
            win.bad_tag = True
            tag = "O"
        pieces = [t.text for t in nlp.tokenizer(token)] or [token]
        # the token's tag goes to its first non-punctuation piece ("(Gmtsch" I-LOC -> "(" O, "Gmtsch" I-LOC)
        first = next((k for k, p in enumerate(pieces) if not _PUNCT.match(p)), 0)
        for k, piece in enumerate(pieces):
            if k == first:
                piece_tag = tag
            elif k > first and tag != "O" and not _PUNCT.match(piece):
                piece_tag = "I-" + tag[2:]
            else:
                piece_tag = "O"
            win.words.append(piece)
            win.spaces.append(k == len(pieces) - 1)
            win.tags.append(piece_tag)  # an I- without its B- is repaired by _fix_bio at flush
    yield from flush()


def keep(win: Window, stats: Counter[str]) -> bool:
    n = len(win.words)
    if win.bad_tag:
        stats["drop_bad_tag"] += 1
        return False
    if not MIN_TOKENS <= n <= MAX_TOKENS:
        stats["drop_length"] += 1
        return False
    noisy = sum(is_noisy(w) for w in win.words)
    if noisy > MAX_NOISY_SHARE * n:
        stats["drop_noise"] += 1
        return False
    for k in range(n - 1):
        if win.words[k] in _QUOTES and win.words[k + 1][:1].isupper() and win.tags[k + 1] == "O":
            stats["drop_quoted_name"] += 1
            return False
    return True


def known_common_forms(corpus: Path) -> set[str]:
    """Capitalised forms that the gold training data shows as non-names: GermEval ``O`` tokens and UD
    tokens that are not proper nouns (training parts only, ``training/convert.py`` output)."""
    vocab = spacy.blank("de").vocab
    forms: set[str] = set()
    for name in ("ner_train.spacy", "ud_train.spacy"):
        for doc in DocBin().from_disk(corpus / name).get_docs(vocab):
            for t in doc:
                if t.text[:1].isupper() and t.ent_iob_ in {"O", ""} and t.pos_ != "PROPN":
                    if name.startswith("ner") and t.ent_iob_ != "O":
                        continue
                    forms.add(t.text)
    return forms


def mark_unknown_caps_missing(win: Window, known: set[str]) -> int:
    """Set the ``O`` tag of upper-case tokens never seen as a non-name in the gold data (and not the
    window's first token) to missing: this corpus does not annotate MISC, and OCR-garbled or
    unannotated names should not be taught as ``O``. Returns the number of tokens changed."""
    n = 0
    for k, (word, tag) in enumerate(zip(win.words, win.tags, strict=True)):
        if k > 0 and tag == "O" and word[:1].isupper() and word not in known:
            win.tags[k] = ""
            n += 1
    return n


def spread(items: list[Window], n: int) -> list[Window]:
    """``n`` items spread evenly over ``items`` (all if fewer)."""
    if n <= 0:
        return []
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(k * step)] for k in range(n)]


def convert(
    shared: Path, out: Path, files: list[str], max_docs: int, no_entity_share: float,
    known: set[str] | None = None,
) -> dict[str, int]:
    nlp = spacy.blank("de")
    stats: Counter[str] = Counter()
    with_ents: list[Window] = []
    without: list[Window] = []
    for name in files:
        for win in windows(shared / "data" / EUROPEANA_REL / FILES[name], name, nlp):
            stats["windows"] += 1
            if not keep(win, stats):
                continue
            stats[f"kept_{name}"] += 1
            if known is not None:
                stats["tokens_set_missing"] += mark_unknown_caps_missing(win, known)
            (with_ents if any(t[:2] in {"B-", "I-"} for t in win.tags) else without).append(win)
    n_without = int(max_docs * no_entity_share)
    chosen = spread(with_ents, max_docs - n_without) + spread(without, n_without)
    vocab: Vocab = nlp.vocab
    db = DocBin(store_user_data=False)
    for win in chosen:
        db.add(Doc(vocab, words=win.words, spaces=win.spaces, ents=win.tags))
        stats["written"] += 1
        stats["written_tokens"] += len(win.words)
        for t in win.tags:
            stats["written_missing"] += t == ""
            if t.startswith("B-"):
                stats["written_" + t[2:]] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    stats["kept_with_entities"] = len(with_ents)
    stats["kept_without_entities"] = len(without)
    return dict(stats)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--files", type=str, default="lft,sbb,onb", help="comma-separated subset of lft,sbb,onb")
    ap.add_argument("--max-docs", type=int, default=2400)
    ap.add_argument("--no-entity-share", type=float, default=0.2, help="share of entity-free windows")
    ap.add_argument(
        "--unknown-caps-missing", type=Path, default=None, metavar="CORPUS_DIR",
        help="mark upper-case O tokens not seen as non-names in CORPUS_DIR/{ner,ud}_train.spacy as missing",
    )
    ap.add_argument("--samples", type=int, default=0, help="print this many kept windows (inspection)")
    args = ap.parse_args()
    files = [f.strip() for f in args.files.split(",") if f.strip()]
    known = known_common_forms(args.unknown_caps_missing) if args.unknown_caps_missing else None
    shared = _data.shared_dir(args.shared)
    stats = convert(shared, args.out, files, args.max_docs, args.no_entity_share, known)
    print(json.dumps(stats, indent=2, sort_keys=True))
    if args.samples:
        for doc in list(DocBin().from_disk(args.out).get_docs(spacy.blank("de").vocab))[: args.samples]:
            print(" ".join(t.text + (f"/{t.ent_type_}" if t.ent_type_ else "/?" if not t.ent_iob_ else "")
                           for t in doc))


if __name__ == "__main__":
    main()
