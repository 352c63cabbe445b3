"""Time expressions in German news, normalized TIMEX3-style against imprecise publication dates.

Public API::

    from lagebild.time import normalize, find_timexes
    normalize("am Mittwoch", anchor="2025-02")          # value 2025-02-XX, four candidate Wednesdays
    find_timexes(article.text, article.published)        # list[Timex], component lagebild.time.v1

The spaCy component ``lagebild_time`` lives in :mod:`lagebild.time.component` (import it to
register the factory). See ``docs/time.md``.
"""

from __future__ import annotations

from lagebild.time.extract import COMPONENT, find_timexes, normalize
from lagebild.time.normalize import TimexValue

__all__ = ["COMPONENT", "TimexValue", "find_timexes", "normalize"]
