"""REST API and web application (FastAPI)::

    from lagebild.api import create_app, serve
    from lagebild.settings import Settings

    app = create_app(Settings(db="sqlite:///lagebild.db"))   # an ASGI app
    serve(Settings(), host="127.0.0.1", port=8000)            # or run it with uvicorn

JSON under ``/api/…`` (``docs/api.md``), web pages under ``/`` (``lagebild.web``), the OpenAPI
schema at ``/openapi.json``.
"""

from __future__ import annotations

from lagebild.api.app import API_ERROR_CODES, create_app, error_status, serve

__all__ = ["API_ERROR_CODES", "create_app", "error_status", "serve"]
