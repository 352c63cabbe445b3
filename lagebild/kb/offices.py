"""Office keys: one vocabulary for who-holds-what, from English data labels and German news phrases.

A role key is ``"<office>:<scope>"``: the office from a small fixed vocabulary (``president``,
``chancellor``, ``foreign_minister`` …) and the scope an ISO 3166 alpha-3 code for a state
(``president:USA``) or the actor id of an international organisation (``secretary_general:nato``).
``Role.office`` holds the office and ``Role.country`` the scope.

English labels come from Wikidata/ParlGov/US data (``office_from_label``); German phrases are
parsed by ``parse_role_phrase`` with the lexicon in ``data/curated.yaml`` (``offices``,
``role_phrases``, ``scope_prefixes``), so new phrases need no code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from lagebild.kb.normalize import ARTICLES, norm_key, stem_key, stem_token

__all__ = [
    "GENERIC_OFFICES",
    "MULTI_HOLDER_OFFICES",
    "office_from_label",
    "parse_role_phrase",
    "role_key_of",
    "split_role_key",
]

# Offices the data name per country under different titles; ``KnowledgeBase.holders`` maps them to
# the concrete office of each country (head_of_government:DEU -> chancellor:DEU) via the
# ``key_aliases`` table the build derives from the world-leaders data.
GENERIC_OFFICES = ("head_of_state", "head_of_government")

# Offices with several holders at once: no "successor closes the predecessor's term" inference.
MULTI_HOLDER_OFFICES = frozenset(
    {
        "deputy_prime_minister",
        "first_deputy_prime_minister",
        "senator",
        "representative",
        "minister",
        "member_of_federal_council",
        "captain_regent",
        "co_prince",
        "presidential_aide",
        "special_envoy",
    }
)

# English office labels (Wikidata, ParlGov, us-congress-legislators) -> office; first match wins.
_LABEL_RULES: tuple[tuple[str, str], ...] = (
    (r"\bfirst deputy (prime minister|chairman of the government)", "first_deputy_prime_minister"),
    (r"\bdeputy (prime minister|chairman of the government)", "deputy_prime_minister"),
    (r"\bvice[- ]president\b|\bviceprez\b", "vice_president"),
    (r"\bvice[- ]chancellor\b", "vice_chancellor"),
    (r"\bchancellor\b", "chancellor"),
    (
        r"\bprime minister\b|\bpremier\b|chairman of the government|president of the government"
        r"|president of the council of ministers|chairman of the council of ministers"
        r"|president of the executive yuan|chief minister",
        "prime_minister",
    ),
    (
        r"^prez$|^o le ao o le malo\b|^(federal |state )?president\b"
        r"(?! (of|to) the (council|government|executive|pontifical|european))",
        "president",
    ),
    (r"\b(king|queen|monarch|emperor|emir|sultan|grand duke|prince|yang di-pertuan)\b", "monarch"),
    (r"\bpope\b", "pope"),
    (r"\bsupreme leader\b|amir al-mu'minin", "supreme_leader"),
    (
        r"\bforeign (affairs )?minister|minister of foreign affairs|secretary of state\b"
        r"|minister for foreign affairs",
        "foreign_minister",
    ),
    (r"\bdefen[cсs]e minister|minister of defen[cсs]e|secretary of defense", "defence_minister"),
    (r"minister of finance|finance minister|secretary of the treasury", "finance_minister"),
    (r"minister of (the )?interior|internal affairs|interior minister", "interior_minister"),
    (r"attorney general|minister of justice|justice minister", "justice_minister"),
    (r"minister of economic development|minister of economy|economy minister", "economy_minister"),
    (r"minister of health|healthcare|secretary of health", "health_minister"),
    (r"\bchief of staff\b", "chief_of_staff"),
    (r"\bpress secretary\b", "press_secretary"),
    (r"national security advis", "national_security_advisor"),
    (r"\btaoiseach\b", "prime_minister"),
    (r"^sen$", "senator"),
    (r"^rep$", "representative"),
    (r"member of the swiss federal council", "member_of_federal_council"),
    (r"captain regent", "captain_regent"),
    (r"co-prince", "co_prince"),
)
# Country names inside the cabinet labels of the data ("Minister of Energy of Ukraine",
# "United States Secretary of Education"): the country is the role's scope, not the office.
_COUNTRY_IN_LABEL = re.compile(
    r"^(united states|us) | of (the )?(ukraine|russia|russian federation|united states)$"
)
_LABEL_RES = tuple((re.compile(p, re.IGNORECASE), o) for p, o in _LABEL_RULES)


def office_from_label(label: str) -> str:
    """The office key for an English office label; unknown labels give a slug of the label.

    The country goes into the role's scope, so the same title in two countries is one office.
    """
    for pattern, office in _LABEL_RES:
        if pattern.search(label):
            return office
    base = _COUNTRY_IN_LABEL.sub("", norm_key(label))
    return re.sub(r"[^a-z0-9]+", "_", base).strip("_") or "office"


def role_key_of(office: str, scope: str | None) -> str:
    return f"{office}:{scope or ''}"


def split_role_key(key: str) -> tuple[str, str]:
    office, _, scope = key.partition(":")
    return office, scope


Resolver = Callable[[str], str | None]


def parse_role_phrase(
    text: str,
    offices: Mapping[str, Mapping[str, str]],
    phrases: Mapping[str, str],
    prefixes: Mapping[str, str],
    scope_of: Resolver,
) -> str | None:
    """German role phrase -> role key, or None when the office or its scope cannot be told.

    ``offices``: stemmed German office noun -> {"office": …, "default": scope}; ``phrases``:
    stemmed fixed phrase -> role key ("Kremlchef" -> president:RUS); ``prefixes``: compound
    first parts that name a scope ("us" -> USA, "bundes" -> DEU); ``scope_of``: resolves a
    qualifier word or phrase (adjective, country, capital, person) to a scope.
    """
    key = stem_key(text)
    if key in phrases:
        return phrases[key]
    words = [w for w in norm_key(text).split(" ") if w]
    for i, word in enumerate(words):
        found = _office_in_word(word, offices, phrases, prefixes)
        if found is None:
            continue
        office, scope = found
        if scope is None:
            scope = _scope_from_context(words[:i], words[i + 1 :], scope_of)
        if scope is None:
            scope = _default_scope(office, offices)
        if scope is None:
            return None
        return role_key_of(office, scope)
    return None


def _default_scope(office: str, offices: Mapping[str, Mapping[str, str]]) -> str | None:
    for entry in offices.values():
        if entry.get("office") == office and entry.get("default"):
            return entry["default"]
    return None


def _office_in_word(
    word: str,
    offices: Mapping[str, Mapping[str, str]],
    phrases: Mapping[str, str],
    prefixes: Mapping[str, str],
) -> tuple[str, str | None] | None:
    """(office, scope or None) named by one word: "us-präsident", "kremlsprecher", "kanzlerin"."""
    stemmed = "-".join(stem_token(p) for p in word.split("-"))
    if stemmed in phrases:
        fixed_office, fixed_scope = split_role_key(phrases[stemmed])
        return fixed_office, fixed_scope
    parts = word.split("-")
    head = stem_token(parts[-1])
    if head in offices:
        scope: str | None = None
        for part in parts[:-1]:
            scope = prefixes.get(part) or scope
        return offices[head]["office"], scope
    # closed compounds: "bundesaussenminister", "kremlchef"
    for prefix, scope in sorted(prefixes.items(), key=lambda kv: -len(kv[0])):
        if len(parts) == 1 and word.startswith(prefix) and stem_token(word[len(prefix) :]) in offices:
            return offices[stem_token(word[len(prefix) :])]["office"], scope
    return None


def _scope_from_context(before: list[str], after: list[str], scope_of: Resolver) -> str | None:
    """Scope from the words around the office: "russischer Präsident", "Präsident der USA"."""
    tail = [w for w in after if w not in ARTICLES]
    if tail:
        scope = scope_of(" ".join(tail)) or scope_of(tail[0])
        if scope:
            return scope
    for word in reversed([w for w in before if w not in ARTICLES]):
        scope = scope_of(word)
        if scope:
            return scope
    return None
