"""Server-rendered web pages (Jinja2) over the same store and queries as the REST API.

Templates are in ``lagebild/web/templates``, CSS/JS/SVG in ``lagebild/web/static`` (served at
``/static``): everything ships inside the package, nothing is loaded from the internet. Pages
read without JavaScript; scripts add the quote click, the timeline chart and the network layout.
German labels by default, English with ``?lang=en``.
"""

from __future__ import annotations

from lagebild.web.pages import STATIC_DIR, TEMPLATES_DIR, mount_web, render_error

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "mount_web", "render_error"]
