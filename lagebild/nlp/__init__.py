"""The trained German pipeline (``models/de_lagebild``) and its data/evaluation helpers.

``load_pipeline()`` returns a cached ``spacy.Language``. The model itself needs no code from this
package: tokenizer rules are serialized data, all components are spaCy built-ins, so plain
``spacy.load("models/de_lagebild")`` works too. ``load_pipeline`` adds one rule component on top
(:mod:`lagebild.nlp.components`: no sentence start on a closing quote after "." or after "J.D."/"Nr.")
and, if the model's vocab carries the lemma table, the lemma lookup for word forms seen in UD training.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language

from lagebild.nlp.components import LEMMA_LOOKUP, LEMMA_TABLE, SENTENCE_FIXES

__all__ = ["DEFAULT_MODEL_PATH", "add_rule_components", "load_pipeline", "model_path"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: The committed pipeline: ``<repo>/models/de_lagebild``.
DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "de_lagebild"


def model_path(path: Path | str | None = None) -> Path:
    """Resolve the model directory: argument, then ``$LAGEBILD_MODEL``, then :data:`DEFAULT_MODEL_PATH`."""
    if path is not None:
        return Path(path)
    env = os.environ.get("LAGEBILD_MODEL")
    if env:
        return Path(env)
    return DEFAULT_MODEL_PATH


def add_rule_components(nlp: Language) -> Language:
    """Add lagebild's rule components to a loaded pipeline (idempotent); returns ``nlp``."""
    if "parser" in nlp.pipe_names and SENTENCE_FIXES not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_FIXES, before="parser")
    if (
        "trainable_lemmatizer" in nlp.pipe_names
        and nlp.vocab.lookups.has_table(LEMMA_TABLE)
        and LEMMA_LOOKUP not in nlp.pipe_names
    ):
        nlp.add_pipe(LEMMA_LOOKUP, after="trainable_lemmatizer")
    return nlp


@functools.lru_cache(maxsize=4)
def _load(resolved: Path) -> Language:
    logger.info("loading spaCy pipeline from %s", resolved)
    return add_rule_components(spacy.load(resolved))


def load_pipeline(path: Path | str | None = None) -> Language:
    """Load (once per path, then cached) the German pipeline."""
    return _load(model_path(path).resolve())
