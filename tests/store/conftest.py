"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from ``LAGEBILD_TEST_PG_URL`` if set; otherwise, if the server binaries are
installed (``scripts/pg_test_server.sh install``), a throwaway cluster is started for the test
session. Without either, PostgreSQL tests are skipped — except when ``CI=true``, where they fail.
Each test gets its own PostgreSQL schema (``search_path``), so a shared server stays clean.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from lagebild.records import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Mention,
    Quote,
    Role,
    Span,
    Timex,
)
from lagebild.store import Store, open_store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
_INSTALL_HINT = (
    "set LAGEBILD_TEST_PG_URL=postgresql://user@host/db or install PostgreSQL "
    "(bash scripts/pg_test_server.sh install)"
)


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its binaries as the ``postgres`` user then."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-c", " ".join(quote_shell(c) for c in cmd)]


def quote_shell(arg: str) -> str:
    return "'" + arg.replace("'", "'\"'\"'") + "'"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bindir() -> Path | None:
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")

    def major(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match.group(1)) if match else 0

    return Path(max(found, key=major)).parent if found else None


@contextlib.contextmanager
def _temporary_cluster(bindir: Path) -> Iterator[str]:
    root = Path(tempfile.mkdtemp(prefix="lagebild-pg-"))
    data = root / "data"
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        root.chmod(0o700)

        def run(*cmd: str) -> None:
            result = subprocess.run(_as_postgres(list(cmd)), capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")

        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        try:  # a UTF-8 ctype so the text search parser sees ä, ö, ü, ß as letters
            run(*initdb, "--locale=C.UTF-8", "--no-sync")
        except RuntimeError:
            shutil.rmtree(data, ignore_errors=True)
            run(*initdb, "--locale=C", "--no-sync")
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        pg_ctl = str(bindir / "pg_ctl")
        run(pg_ctl, "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "60", "-o", options, "start")
        try:
            with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as conn:
                conn.execute("CREATE DATABASE lagebild_test")
            yield f"postgresql://postgres@127.0.0.1:{port}/lagebild_test"
        finally:
            run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database URL for the test session."""
    configured = os.environ.get("LAGEBILD_TEST_PG_URL")
    if configured:
        yield configured
        return
    bindir = _pg_bindir()
    if bindir is None:
        message = f"PostgreSQL tests need a server: {_INSTALL_HINT}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(message)
    with _temporary_cluster(bindir) as url:
        yield url


def _psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextlib.contextmanager
def _pg_schema(url: str) -> Iterator[str]:
    """A fresh schema on the server, and a URL whose ``search_path`` points at it."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_psycopg_url(url), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(_psycopg_url(url), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'lagebild.db'}"
        return
    with _pg_schema(request.getfixturevalue("pg_url")) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


# ---------------------------------------------------------------------------------------------
# German sample analyses, written by hand (offsets computed from the text, never typed in).

FULL_TEXT = (
    "Bundeskanzler Olaf Scholz hat am Montag in Berlin eine Waffenruhe im Gazastreifen gefordert.\n\n"
    "„Wir brauchen jetzt eine Waffenruhe“, sagte Scholz vor Journalisten. Die Hamas lehnte den "
    "Vorschlag ab.\n\n"
    "Außenministerin Annalena Baerbock reist nächste Woche nach Kairo, teilte das Auswärtige Amt mit."
)


def _span(text: str, needle: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


@pytest.fixture
def full_analysis() -> Analysis:
    """An Analysis with every list type filled."""
    article = Article.from_text(
        FULL_TEXT,
        published="2024-03-11",
        title="Scholz fordert Waffenruhe",
        source="tagesschau.de",
        url="https://example.org/scholz-waffenruhe",
        author="Anna Beispiel",
        credit="dpa/Red",
    )
    text, aid = article.text, article.id

    def mention(needle: str, label: str, actor: str | None, occurrence: int = 0) -> Mention:
        s = _span(text, needle, occurrence)
        return Mention(aid, s.start, s.end, s.text, label, "lagebild.ner.v1", actor, needle, "name", 0.9)

    scholz = mention("Olaf Scholz", "PER", "Q61053")
    berlin = mention("Berlin", "LOC", "Q64")
    hamas = mention("Hamas", "ORG", "Q38799")
    baerbock = mention("Annalena Baerbock", "PER", "Q15971")
    quote_span = _span(text, "„Wir brauchen jetzt eine Waffenruhe“")
    direct = Quote(
        aid,
        quote_span.start,
        quote_span.end,
        quote_span.text,
        "direct",
        "lagebild.quotes.v1",
        speaker=_span(text, "Scholz", 1),
        speaker_actor_id="Q61053",
        cue=_span(text, "sagte"),
        addressee=None,
        medium=None,
        mood="demand",
        confidence=0.95,
    )
    rep_span = _span(text, "Die Hamas lehnte den Vorschlag ab.")
    reported_quote = Quote(
        aid,
        rep_span.start,
        rep_span.end,
        rep_span.text,
        "reported",
        "lagebild.quotes.v1",
        speaker=_span(text, "Die Hamas"),
        speaker_actor_id="Q38799",
        cue=_span(text, "lehnte"),
    )
    montag = _span(text, "am Montag")
    next_week = _span(text, "nächste Woche")
    timexes = (
        Timex(
            aid,
            montag.start,
            montag.end,
            montag.text,
            "DATE",
            "2024-03-11",
            "lagebild.time.v1",
            anchor="2024-03-11",
        ),
        Timex(
            aid,
            next_week.start,
            next_week.end,
            next_week.text,
            "DATE",
            "2024-W12",
            "lagebild.time.v1",
            anchor="2024-03-11",
            modifier="APPROX",
            candidates=("2024-03-18", "2024-03-24"),
            interval=("2024-03-18", "2024-03-24"),
        ),
    )
    demand = _span(text, "eine Waffenruhe im Gazastreifen gefordert")
    travel = _span(text, "reist nächste Woche nach Kairo")
    events = (
        Event(
            aid,
            demand.start,
            demand.end,
            demand.text,
            "DEMAND",
            "asserted",
            "lagebild.events.v1",
            source_actor_id="Q61053",
            target_actor_id="Q38799",
            source=_span(text, "Olaf Scholz"),
            place=_span(text, "Gazastreifen"),
            place_id="Q39760",
            timex=montag,
            date="2024-03-11",
            confidence=0.8,
        ),
        Event(
            aid,
            travel.start,
            travel.end,
            travel.text,
            "CONSULT",
            "future",
            "lagebild.events.v1",
            source_actor_id="Q15971",
            source=_span(text, "Annalena Baerbock"),
            place=_span(text, "Kairo"),
            attributed_to="Auswärtige Amt",
        ),
    )
    claim_span = _span(text, "Wir brauchen jetzt eine Waffenruhe")
    claims = (
        Claim(
            aid,
            claim_span.start,
            claim_span.end,
            claim_span.text,
            "Q61053",
            "Waffenruhe in Gaza",
            1,
            "lagebild.claims.v1",
        ),
        Claim(
            aid,
            rep_span.start,
            rep_span.end,
            rep_span.text,
            "Q38799",
            "Waffenruhe in Gaza",
            -1,
            "lagebild.claims.v1",
        ),
    )
    actors = (
        Actor(
            "Q61053",
            "Olaf Scholz",
            "PER",
            aliases=("Scholz", "Олаф Шольц"),
            country="DE",
            roles=(Role("Bundeskanzler", "2021-12-08", "2025-05-06", "DE"),),
        ),
        Actor("Q38799", "Hamas", "ORG", aliases=("Harakat al-Muqawama al-Islamiya",)),
    )
    return Analysis(
        article=article,
        entities=(scholz, berlin, hamas, baerbock),
        actors=actors,
        quotes=(direct,),
        reported=(reported_quote,),
        timexes=timexes,
        events=events,
        claims=claims,
        components=("lagebild.ner.v1", "lagebild.quotes.v1", "lagebild.time.v1", "lagebild.events.v1"),
    )


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Article factory: ``make_article(text, published=..., title=..., source=...)``."""

    def make(text: str, **kwargs: object) -> Article:
        return Article.from_text(text, **kwargs)  # type: ignore[arg-type]

    return make
