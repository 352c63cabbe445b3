"""Shared fixtures: paths to the repository, the shared data folder and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_fab17a2d26c07ddf.txt"
SEED_GOLD = SHARED / "seeds" / "000_fab17a2d26c07ddf.gold.yaml"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): this test reads shared data or gold")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article missing: {SEED}")
    return SEED
