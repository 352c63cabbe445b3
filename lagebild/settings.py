"""One typed settings object: packaged defaults, overridden by ``LAGEBILD_*`` environment variables
and then by explicit arguments (CLI options), passed explicitly to whatever needs it."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_db_url"]


def default_db_url() -> str:
    return "sqlite:///lagebild.db"


class Settings(BaseSettings):
    """Lagebild settings; every field can be set as ``LAGEBILD_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="LAGEBILD_", extra="ignore")

    db: str = default_db_url()
    model: Path | None = None
    # Near-duplicate threshold: estimated Jaccard similarity of word 5-shingles at or above which
    # an article is linked to an earlier one. Calibrated on tests/ingest/test_dedup.py and the
    # sample pair 007/009: agency copies with one to three edited or added sentences estimate
    # 0.82-0.90 (the estimate's noise is about +-0.035 at 128 permutations), different stories on
    # the same topic at most 0.016. 0.7 keeps copies with three edits safely inside.
    near_duplicate_threshold: float = 0.7
    minhash_permutations: int = 128
    shingle_size: int = 5
    max_file_bytes: int = 20_000_000
    http_timeout: float = 10.0
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "published"
    url_field: str = "url"
    id_field: str = "id"
    # Bearer token that enables writes through the API (POST /api/articles); None = read-only.
    api_token: str | None = None
    # The user's own actors (YAML, docs/kb.md), merged into the bundled knowledge base.
    kb: Path | None = None
    n_process: int = 1
    batch_size: int = 32

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given keys replaced; ``None`` values mean "not set" and are ignored."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=changes)
