"""User search strings → safe full-text queries.

SQLite: every word is quoted before it reaches ``MATCH`` (datasette's ``escape_fts``), so FTS5
syntax in user input (``"``, ``(``, ``AND``, ``NOT``, ``*``, ``col:``, ``NEAR``) is just text. On
top of that we accept the web-search conventions that PostgreSQL's ``websearch_to_tsquery``
understands — ``"a phrase"``, ``-word`` to exclude, ``OR`` — so both backends read a query alike.

FTS5 has no German stemmer, so a word is searched as a prefix of its light stem: common German
inflection endings are stripped and the rest matched as a prefix (``Waffenruhen`` →
``waffenruh*`` finds Waffenruhe, Waffenruhen; ``Gesprächen`` → ``gespräch*``). PostgreSQL uses the
Snowball ``german`` configuration instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["fts5_query", "german_stem_prefix", "has_words"]

# Inflection endings stripped before prefix matching, longest first. A stem must keep at least
# _MIN_STEM characters; shorter words are matched exactly (a prefix "eu*" would find "Euro").
_ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s")
_MIN_STEM = 4
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORDS = re.compile(r"\w+")


def has_words(query: str) -> bool:
    """Whether ``query`` contains anything a full-text index could match."""
    return _WORDS.search(query) is not None


def german_stem_prefix(word: str) -> str:
    """A light German stem of ``word`` (lower case) for prefix matching."""
    lower = word.lower()
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= _MIN_STEM:
            return lower[: -len(ending)]
    return lower


@dataclass
class _Group:
    positive: list[str]
    negative: list[str]


def _term(raw: str) -> str | None:
    """One FTS5 term for a user word or phrase: quoted, prefix-expanded when it is a single word."""
    phrase = raw.startswith('"')
    body = raw.strip('"').replace('"', "")
    if not has_words(body):
        return None
    if not phrase and re.fullmatch(r"\w+", body):
        stem = german_stem_prefix(body)
        if len(stem) >= _MIN_STEM:
            return f'"{stem}"*'
        return f'"{stem}"'
    return '"' + body.replace('"', '""') + '"'


def fts5_query(query: str) -> str | None:
    """A safe FTS5 ``MATCH`` expression for a user query, or None when nothing can match."""
    groups: list[_Group] = [_Group([], [])]
    for token in _TOKEN.findall(query):
        if token == "OR":
            groups.append(_Group([], []))
            continue
        negative = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if negative else token)
        if term is None:
            continue
        (groups[-1].negative if negative else groups[-1].positive).append(term)
    parts: list[str] = []
    for group in groups:
        if not group.positive:  # FTS5 NOT is binary: "nothing but not x" cannot be asked
            continue
        expression = "(" + " AND ".join(group.positive) + ")"
        for term in group.negative:
            expression = f"({expression} NOT {term})"
        parts.append(expression)
    return " OR ".join(parts) if parts else None
