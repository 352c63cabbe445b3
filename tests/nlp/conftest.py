"""Fixtures for the German pipeline tests: the committed model, loaded once."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.nlp import DEFAULT_MODEL_PATH, load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    # The model is committed (models/de_lagebild); a missing model is a failure, not a skip.
    assert (DEFAULT_MODEL_PATH / "meta.json").is_file(), f"committed model missing: {DEFAULT_MODEL_PATH}"
    return load_pipeline(DEFAULT_MODEL_PATH)
