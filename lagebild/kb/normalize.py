"""String keys for matching names: exact, inflection-stemmed and transliteration-folded.

Three keys, from strict to loose, each used by one matching tier of ``KnowledgeBase.lookup``:

- ``norm_key``: case, diacritics, punctuation and initials folded ("J.D. Vance" = "JD Vance").
- ``stem_key``: ``norm_key`` with German inflection endings stripped from every word, so that the
  genitive and adjective forms of news text meet the dictionary form ("Trumps" = "Trump",
  "des Weißen Hauses" = "Weißes Haus", "Moskaus" = "Moskau").
- ``translit_key``: ``stem_key`` with the spelling differences between German and English
  transliterations of Cyrillic folded ("Selenskyj" = "Zelenskyy", "Peskow" = "Peskov").

``german_transliteration`` goes the other way at build time: it writes the German (Duden-style)
form of an English-transliterated Russian/Ukrainian name, so the German form is a real alias.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ARTICLES",
    "NORMALIZER_VERSION",
    "german_transliteration",
    "inflects",
    "norm_key",
    "stem_key",
    "stem_token",
    "strip_articles",
    "translit_key",
]

# Bump when any key function changes: KB files store keys made by this version (``build.py``).
NORMALIZER_VERSION = 2

# Determiners and prepositions that precede names in running text ("des Kremls", "aus dem Kreml").
ARTICLES = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "the",
        "aus",
        "vom",
        "von",
        "im",
        "in",
        "zum",
        "zur",
        "nach",
    ]
)

_FOLD = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u0060\u00b4']")
_NON_WORD = re.compile(r"[^\w\- ]+")
_SPACES = re.compile(r"\s+")
# "j d vance" -> "jd vance": initials written with or without dots and spaces meet.
_INITIALS = re.compile(r"\b(\w)\s(?=\w\b)")

# Endings stripped by ``stem_token``, longest first: genitive -s/-es, plural/dative -n/-en,
# adjective -e/-em/-en/-er/-es and the feminine -in (Kanzlerin, Präsidentin).
_SUFFIXES = ("es", "en", "em", "er", "in", "e", "s", "n")
_MIN_STEM = 3


def norm_key(text: str) -> str:
    """Lower case, no diacritics, no punctuation except inner hyphens, one space between words."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _APOSTROPHES.sub("", _DASHES.sub("-", text)).casefold().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace(".", " ")
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text.replace(" -", " ").replace("- ", " ")).strip(" -")
    return _INITIALS.sub(r"\1", text)


def strip_articles(key: str) -> str:
    """Drop leading determiners/prepositions from a ``norm_key``: "des kremls" -> "kremls"."""
    words = key.split(" ")
    while len(words) > 1 and words[0] in ARTICLES:
        words.pop(0)
    return " ".join(words)


def stem_token(token: str) -> str:
    """Strip German inflection endings until none is left (idempotent: stem(stem(x)) == stem(x)).

    Repeated stripping makes "Bidens" and "Biden" meet at the same stem (a single strip would
    give "biden" and "bid"); the stems are matching keys, not words.
    """
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
                token = token[: -len(suffix)]
                changed = True
                break
    return token


def stem_key(text: str) -> str:
    """``norm_key`` without leading articles, every word (and hyphen part) stemmed."""
    key = strip_articles(norm_key(text))
    return " ".join("-".join(stem_token(p) for p in word.split("-")) for word in key.split(" "))


# What a German inflection adds to a name: genitive -s/-es, dative plural -n/-en, adjective
# endings (-e, -en, -em, -er, -es). Two forms of a word are one word when, after their longest
# common prefix, what is left of each is one of these ("Hauses"/"Haus", "Weißen"/"Weißes").
_INFLECTION_TAILS = frozenset(
    ("", "e", "s", "es", "n", "en", "em", "er", "ern", "ns", "ens", "ses", "se", "sen")
)


_PERSON_TAILS = frozenset(("", "s"))


def inflects(text: str, name: str, *, person: bool = False) -> bool:
    """Whether ``text`` is ``name`` up to German inflection endings, word by word.

    ``stem_key`` equality is the index; this is the check behind it: stripping endings until
    none is left makes "Élysée" meet "Ely" and "Marine" meet "Mar", which no inflection does.
    A person's name (``person=True``) takes only the genitive -s ("Bidens", not "Marine" for
    Sanna Marin).
    """
    tails = _PERSON_TAILS if person else _INFLECTION_TAILS
    a = [p for w in strip_articles(norm_key(text)).split(" ") for p in w.split("-")]
    b = [p for w in strip_articles(norm_key(name)).split(" ") for p in w.split("-")]
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        n = 0
        while n < min(len(x), len(y)) and x[n] == y[n]:
            n += 1
        if n < _MIN_STEM or x[n:] not in tails or y[n:] not in tails:
            return False
    return True


# German and English transliterations of Russian/Ukrainian names differ in a few letters; fold
# both to one form (order matters: longer sequences first).
_TRANSLIT_FOLD = (
    ("schtsch", "shch"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ck", "k"),
    ("ts", "z"),
    ("w", "v"),
    ("z", "s"),
    ("j", "i"),
    ("y", "i"),
    ("ii", "i"),
    ("ie", "e"),
)


def translit_key(text: str) -> str:
    """``stem_key`` with German/English transliteration differences folded (a matching key)."""
    key = stem_key(text).replace("-", " ")
    for old, new in _TRANSLIT_FOLD:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


# English (BGN/PCGN-like, as in Wikidata labels) -> German (Duden) transliteration of Cyrillic
# names, applied per word: "Vladimir" -> "Wladimir", "Peskov" -> "Peskow", "Zelenskyy" ->
# "Selenskyj", "Shoygu" -> "Schoigu", "Mikhail" -> "Michail". Letter groups are replaced in one
# pass (so "kh" -> "ch" is not turned into "tsch" again); "tsch"/"sch" are kept as they are.
_DE_GROUPS = {
    "shch": "schtsch",
    "tsch": "tsch",
    "sch": "sch",
    "zh": "sch",
    "kh": "ch",
    "ch": "tsch",
    "sh": "sch",
    "ts": "z",
    "z": "s",
    "v": "w",
}
_DE_GROUP_RE = re.compile("|".join(sorted(_DE_GROUPS, key=len, reverse=True)))
_DE_Y_RULES: tuple[tuple[str, str], ...] = (
    (r"yy$", "yj"),
    (r"i[iy]$", "ij"),
    (r"(?<=[aeou])y$", "j"),
    (r"(?<=[aeiou])y(?=[^aeiou])", "i"),
    (r"(?<![a-z])y(?=[aeiou])", "j"),
    (r"(?<=[aeiou])y(?=[aeiou])", "j"),
    (r"(?<=[a-z])y(?=[aeiou])", "j"),
    (r"(?<=[^aeiou])y$", "i"),
)


def german_transliteration(name: str) -> str:
    """German spelling of an English-transliterated Russian/Ukrainian name (per word, case kept)."""
    out: list[str] = []
    for word in name.split(" "):
        if not word or not word[0].isalpha():
            out.append(word)
            continue
        low = _DE_GROUP_RE.sub(lambda m: _DE_GROUPS[m.group()], word.lower())
        for pattern, repl in _DE_Y_RULES:
            low = re.sub(pattern, repl, low)
        out.append(low[:1].upper() + low[1:] if word[:1].isupper() else low)
    return " ".join(out)
