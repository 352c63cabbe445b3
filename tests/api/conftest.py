from __future__ import annotations

from .fixtures import fresh_server, kb, readonly_server, server

__all__ = ["fresh_server", "kb", "readonly_server", "server"]
