"""Import ``lagebild.nlp`` without running ``lagebild/__init__.py``.

Training scripts only need ``lagebild.nlp`` (data readers, split, tokenizer rules, evaluation); the
package ``__init__`` pulls in the rest of the project (ingest, store, ...), which training does not
need and which may be mid-change. A stub package module with the right ``__path__`` lets the
sub-package import normally.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def _stub_package() -> None:
    if "lagebild" not in sys.modules:
        pkg = types.ModuleType("lagebild")
        pkg.__path__ = [str(REPO / "lagebild")]
        sys.modules["lagebild"] = pkg


def import_nlp(module: str = "lagebild.nlp") -> ModuleType:
    _stub_package()
    return importlib.import_module(module)


def load_data_module() -> ModuleType:
    return import_nlp("lagebild.nlp.data")
