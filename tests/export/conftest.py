from __future__ import annotations

from api.fixtures import kb, server

__all__ = ["kb", "server"]
