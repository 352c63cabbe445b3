"""Request and response models of the REST API: they are its OpenAPI schema (``/openapi.json``).

Records are the JSON contract (``docs/contract.md``); the models below describe their envelope
(pagination, filters) and leave the record objects open (``extra="allow"``), so a contract minor
version that adds fields does not break the schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DATE_PATTERN",
    "AnalyzeRequest",
    "ArticleDetail",
    "ArticleItem",
    "ArticlePage",
    "ErrorBody",
    "ErrorInfo",
    "EventItem",
    "EventPage",
    "IngestRequest",
    "IngestResponse",
    "NetworkEdge",
    "NetworkNode",
    "NetworkResponse",
    "Published",
    "QuoteItem",
    "QuotePage",
]


_YEAR = r"[1-9]\d{3}"
_LEAP = r"([1-9]\d(0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)-02-29"
#: YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day (leap years included), so that every
#: value the schema allows is accepted (``Published.parse`` gives E101 for the others).
DATE_PATTERN = (
    rf"^({_YEAR}(-(0[1-9]|1[0-2]))?"
    rf"|{_YEAR}-(0[13578]|1[02])-(0[1-9]|[12]\d|3[01])"
    rf"|{_YEAR}-(0[469]|11)-(0[1-9]|[12]\d|30)"
    rf"|{_YEAR}-02-(0[1-9]|1\d|2[0-8])"
    rf"|{_LEAP})$"
)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable error code (docs/errors.md, docs/api.md).", examples=["E203"])
    message: str = Field(description="One line a user can act on.")
    source: str | None = Field(default=None, description="The input or parameter concerned.")


class ErrorBody(BaseModel):
    """The body of every error response, the same as the CLI's ``[CODE] source: message``."""

    error: ErrorInfo


class Published(BaseModel):
    value: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    granularity: str = Field(description="year, month or day")


class ArticleItem(BaseModel):
    id: str
    title: str | None
    lead: str | None
    source: str | None
    url: str | None
    published: Published | None
    duplicate_of: str | None
    snippet: str | None = Field(default=None, description="With q: one line around the matches.")
    highlights: list[list[int]] | None = Field(
        default=None, description="With q: [start, end] character ranges of the matches in snippet."
    )
    rank: float | None = Field(default=None, description="With q: higher is better (one backend only).")


class _PageBase(BaseModel):
    total: int = Field(description="How many items match (before limit/offset).")
    limit: int
    offset: int


class ArticlePage(_PageBase):
    items: list[ArticleItem]


class ArticleDetail(_Open):
    """The JSON contract of the article's analysis plus ``duplicate_of`` and ``duplicates``."""

    contract: str
    components: list[str]
    article: dict[str, Any]
    duplicate_of: str | None
    duplicates: list[str] = Field(description="Ids of the near-duplicates stored for this article.")


class QuoteItem(_Open):
    article_id: str
    article_title: str | None
    published: Published | None
    list: str = Field(description="quotes or reported")
    seq: int
    start: int | None
    end: int | None
    text: str
    kind: str
    speaker: dict[str, Any] | None
    speaker_actor_id: str | None
    cue: dict[str, Any] | None


class QuotePage(_PageBase):
    items: list[QuoteItem]


class EventItem(_Open):
    article_id: str
    article_title: str | None
    published: Published | None
    seq: int
    type: str
    mode: str


class EventPage(_PageBase):
    items: list[EventItem]


class ActorProfile(_Open):
    id: str
    key: str
    name: str
    type: str | None
    aliases: list[str]
    roles: list[dict[str, Any]]
    counts: dict[str, int]
    timeline: list[dict[str, Any]] = Field(description="[{month: YYYY-MM, mentions, quotes, events}]")


class NetworkNode(BaseModel):
    id: str
    name: str
    label: str
    mentions: int
    articles: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    type: str = Field(description="co-mention, quote or event")
    label: str = Field(description="PLOVER type for event edges, else empty")
    weight: int


class NetworkResponse(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        pattern=r"\w",
        min_length=1,
        max_length=1_000_000,
        description="The article text (blank lines separate paragraphs).",
    )
    published: str | None = Field(
        default=None, description="YYYY, YYYY-MM or YYYY-MM-DD", pattern=DATE_PATTERN
    )
    title: str | None = None


class IngestRequest(AnalyzeRequest):
    url: str | None = None
    source: str | None = Field(default=None, description="Where the text came from (default: api).")


class IngestResponse(_Open):
    status: str = Field(description="new, exists or near_duplicate")
    article_id: str | None
    report: dict[str, Any] = Field(description="The ingest report, as `lagebild ingest --json`.")


__all__ += ["ActorProfile"]
