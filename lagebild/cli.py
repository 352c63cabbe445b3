"""The ``lagebild`` command line: a thin layer that parses options, calls the library and formats.

Errors are one clear line (``[CODE] input: problem``); ``--verbose`` adds the traceback.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from lagebild.errors import LagebildError
from lagebild.settings import Settings

if TYPE_CHECKING:
    from lagebild.service import IngestReport
    from lagebild.store import Store

__all__ = ["app", "main"]

app = typer.Typer(
    name="lagebild",
    help="German news in, a sourced picture of politics out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
bench_app = typer.Typer(help="Measure speed and memory; results are written as JSON.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy against gold data.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
kb_app = typer.Typer(help="The knowledge base of actors, offices and places.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(kb_app, name="kb")

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


class _State:
    verbose = False


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (env LAGEBILD_DB).", show_default=False),
]


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks on errors.")] = False,
) -> None:
    """Lagebild: who said what, who did what to whom, when and where — in German news."""
    _State.verbose = verbose


def _settings(db: str | None = None, **overrides: Any) -> Settings:
    return Settings().with_overrides(db=db, **overrides)


def _fail(exc: BaseException) -> typer.Exit:
    line = exc.line() if isinstance(exc, LagebildError) else f"{type(exc).__name__}: {exc}"
    if _State.verbose:
        err_console.print(escape("".join(traceback.format_exception(exc))), highlight=False)
    err_console.print(f"[bold red]error[/] {escape(line)}", highlight=False)
    return typer.Exit(code=2 if isinstance(exc, LagebildError) else 1)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn library errors into one line (and a traceback with --verbose) and an exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except LagebildError as exc:
        raise _fail(exc) from None
    except Exception as exc:  # unexpected: still one line, the traceback behind --verbose
        raise _fail(exc) from None


@contextmanager
def _open(settings: Settings) -> Iterator[Store]:
    from lagebild.store import open_store

    store = open_store(settings.db)
    try:
        yield store
    finally:
        store.close()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------------------------
# ingest


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
        disable=not err_console.is_terminal,
    )


def run_ingest(
    sources: list[str], settings: Settings, *, analyze: bool = True, fmt: str | None = None
) -> IngestReport:
    from lagebild.service import ingest

    with _open(settings) as store, _progress() as progress:
        task = progress.add_task("Reading articles", total=None)

        def on_progress(kind: str, detail: str) -> None:
            progress.update(task, advance=1, description=f"Reading articles ({kind})")

        return ingest(sources, store, settings=settings, fmt=fmt, analyze=analyze, on_progress=on_progress)


def _print_report(report: IngestReport) -> None:
    table = Table(title="Ingest summary", show_header=True)
    table.add_column("result")
    table.add_column("count", justify="right")
    table.add_row("new articles", str(len(report.new)))
    table.add_row("already stored", str(len(report.existing)))
    table.add_row("near-duplicates linked", str(len(report.near_duplicates)))
    table.add_row("failed", str(len(report.failures)))
    for label, count in sorted(report.labels.items()):
        table.add_row(f"entities {label}", str(count))
    rate = report.articles_seen / report.seconds if report.seconds else 0.0
    table.caption = f"{report.seconds:.2f} s, {rate:.1f} articles/s"
    console.print(table)
    for nd in report.near_duplicates:
        console.print(
            f"near-duplicate {nd.article_id} ({escape(nd.source or '')}) → {nd.original_id}"
            f" (similarity {nd.similarity:.2f})"
        )
    for failure in report.failures:
        err_console.print(f"[bold red]failed[/] {escape(failure.line())}", highlight=False)


@app.command("ingest")
def ingest_cmd(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, feed or page URLs.")],
    db: DbOption = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="seed, txt, html, feed, jsonl or csv (default: detect).")
    ] = None,
    no_analyze: Annotated[bool, typer.Option("--no-analyze", help="Store articles without NLP.")] = False,
    text_field: Annotated[str | None, typer.Option(help="JSONL/CSV field with the text.")] = None,
    title_field: Annotated[str | None, typer.Option(help="JSONL/CSV field with the title.")] = None,
    date_field: Annotated[str | None, typer.Option(help="JSONL/CSV field with the date.")] = None,
    url_field: Annotated[str | None, typer.Option(help="JSONL/CSV field with the URL.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Read articles into the knowledge base (duplicates skipped, near-duplicates linked)."""
    with _errors():
        settings = _settings(
            db, text_field=text_field, title_field=title_field, date_field=date_field, url_field=url_field
        )
        report = run_ingest(sources, settings, analyze=not no_analyze, fmt=fmt)
        if as_json:
            _print_json(report.to_json())
        else:
            _print_report(report)
    if report.failures:
        raise typer.Exit(code=1)


# ---------------------------------------------------------------------------------------------
# analyze, list, show, search, stats


@app.command("analyze")
def analyze_cmd(
    file: Annotated[str, typer.Argument(help="An article file (seed format, txt, HTML, ...).")],
    output: Annotated[OutputFormat, typer.Option("--format", help="json or table.")] = OutputFormat.table,
    fmt: Annotated[str | None, typer.Option("--input-format", help="Force the input format.")] = None,
) -> None:
    """Analyze one file and print what was found (no database needed)."""
    from lagebild.analyze import analyze
    from lagebild.ingest import read

    with _errors():
        analyses = [analyze(article) for article in read(file, fmt=fmt)]
        if output is OutputFormat.json:
            _print_json(analyses[0].to_json() if len(analyses) == 1 else [a.to_json() for a in analyses])
            return
        for analysis in analyses:
            _print_analysis_table(analysis.to_json())


def _print_analysis_table(data: dict[str, Any]) -> None:
    article = data["article"]
    published = article["published"]
    console.print(
        f"[bold]{escape(article['title'] or '(no title)')}[/]  id {article['id']}  "
        f"published {published['value'] + ' (' + published['granularity'] + ')' if published else 'unknown'}"
        f"  credit {escape(article['credit'] or '-')}"
    )
    console.print(
        f"{len(article['paragraphs'])} paragraphs, {len(article['subheadings'])} subheadings, "
        f"{len(article['text'])} characters"
    )
    for sub in article["subheadings"]:
        console.print(f"  ## {escape(sub['text'])}")
    for name in ("entities", "quotes", "reported", "timexes", "events", "claims"):
        if name not in data:
            continue
        items = data[name]
        table = Table(title=f"{name} ({len(items)})")
        table.add_column("start", justify="right")
        table.add_column("end", justify="right")
        table.add_column("text")
        table.add_column("label")
        for item in items:
            label = item.get("label") or item.get("type") or item.get("kind") or ""
            table.add_row(str(item["start"]), str(item["end"]), escape(item["text"]), str(label))
        console.print(table)


@app.command("list")
def list_cmd(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many articles.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    source: Annotated[str | None, typer.Option(help="Only articles from this source.")] = None,
    duplicates: Annotated[bool, typer.Option("--duplicates", help="Include near-duplicates.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored articles, newest first."""
    with _errors(), _open(_settings(db)) as store:
        rows = store.list_articles(
            limit=limit, offset=offset, since=since, until=until, source=source, include_duplicates=duplicates
        )
        if as_json:
            _print_json([_summary_json(r) for r in rows])
            return
        table = Table(title=f"Articles ({len(rows)})")
        for column in ("id", "published", "title / lead", "source"):
            table.add_column(column)
        for row in rows:
            data = _summary_json(row)
            table.add_row(
                data["id"],
                data.get("published") or "",
                escape((data.get("title") or data.get("lead") or "")[:80]),
                escape(data.get("source") or ""),
            )
        console.print(table)


def _summary_json(row: Any) -> dict[str, Any]:
    data = row.to_json() if hasattr(row, "to_json") else dict(row.__dict__)
    published = data.get("published")
    if isinstance(published, dict):
        data["published"] = published.get("value")
    return data


@app.command("show")
def show_cmd(
    article_id: Annotated[str, typer.Argument(help="Article id (as printed by list/search).")],
    db: DbOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json or table.")] = OutputFormat.table,
) -> None:
    """Show one stored article with everything extracted from it."""
    with _errors(), _open(_settings(db)) as store:
        stored = store.get(article_id)
        data = stored.analysis.to_json()
        data["duplicate_of"] = stored.duplicate_of
        if output is OutputFormat.json:
            _print_json(data)
            return
        _print_analysis_table(data)
        if stored.duplicate_of:
            console.print(f"near-duplicate of {stored.duplicate_of} (similarity {stored.similarity:.2f})")


# Control characters never occur in stored text, so they mark matches safely for Rich markup.
_MARKERS = ("\x02", "\x03")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (German stemming on PostgreSQL).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Full-text search, ranked, with a highlighted snippet."""
    with _errors(), _open(_settings(db)) as store:
        hits = store.search(query, limit=limit, markers=_MARKERS if not as_json else ("[", "]"))
        if as_json:
            _print_json([h.to_json() if hasattr(h, "to_json") else h.__dict__ for h in hits])
            return
        if not hits:
            console.print(f"No article matches {query!r}.")
            return
        for rank, hit in enumerate(hits, 1):
            start, end = _MARKERS
            snippet = (
                escape(" ".join(hit.snippet.split())).replace(start, "[bold yellow]").replace(end, "[/]")
            )
            console.print(f"{rank}. [bold]{hit.article_id}[/] {escape(hit.title or '')}")
            console.print(f"   {snippet}", highlight=False)


@app.command("actor")
def actor_cmd(
    name: Annotated[str, typer.Argument(help="A name in any spelling (Selenskyj, Zelensky) or an actor id.")],
    db: DbOption = None,
    extra: Annotated[Path | None, typer.Option("--kb", help="Your YAML file of extra actors.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Actor profile: aliases, roles, articles, quotes, and mentions per month."""
    from lagebild.api.queries import actor_profile
    from lagebild.kb import load_kb

    with _errors(), _open(_settings(db)) as store:
        kb = load_kb(extra)
        candidates = kb.lookup(name)
        actor_id = candidates[0].actor_id if candidates else name
        profile = actor_profile(store, actor_id)
        if profile is None:
            raise LagebildError("E606", f"no stored article mentions {name!r} (resolved to {actor_id})")
        if candidates:
            actor = kb.actor(actor_id)
            known = set(profile["aliases"]) | set(actor.aliases)
            profile["aliases"] = sorted(known - {profile["name"]})
            profile["roles"] = profile["roles"] or [role.to_json() for role in actor.roles]
        if as_json:
            _print_json(profile)
            return
        console.print(f"[bold]{escape(profile['name'])}[/] ({profile['id']}, {profile['type'] or '?'})")
        console.print(f"aliases: {escape(', '.join(profile['aliases'][:20]))}")
        for role in profile["roles"]:
            span = f"{role.get('start') or '?'} – {role.get('end') or 'heute'}"
            console.print(f"role: {escape(role['office'])} {escape(role.get('country') or '')} ({span})")
        counts = profile["counts"]
        console.print(
            f"{counts['mentions']} mentions in {counts['articles']} articles, "
            f"{counts['quotes']} quotes, {counts['events']} events"
        )
        table = Table(title="Per month")
        for column in ("month", "mentions", "quotes", "events"):
            table.add_column(column, justify="right")
        for row in profile["timeline"]:
            table.add_row(row["month"], str(row["mentions"]), str(row["quotes"]), str(row["events"]))
        console.print(table)
        for article in profile["articles"][:10]:
            console.print(f"  {article['id']}  {escape(article['title'] or '')}  ({article['mentions']}×)")


@app.command("stats")
def stats_cmd(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of articles, duplicates and extracted records."""
    with _errors(), _open(_settings(db)) as store:
        stats = store.stats()
        if as_json:
            _print_json(stats)
            return
        table = Table(title="Knowledge base")
        table.add_column("what")
        table.add_column("value", justify="right")
        for key, value in _flatten(stats):
            table.add_row(escape(key), escape(str(value)))
        console.print(table)


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


# ---------------------------------------------------------------------------------------------
# demo: the main job of the README's first command


@app.command("demo")
def demo_cmd(
    db: Annotated[str, typer.Option("--db", help="Where to build the demo knowledge base.")] = "lagebild.db",
) -> None:
    """Analyze the bundled sample articles into a local SQLite knowledge base and summarize it."""
    from lagebild.service import samples_dir

    with _errors():
        settings = _settings(db)
        report = run_ingest([str(samples_dir())], settings)
        _print_report(report)
        with _open(settings) as store:
            rows = store.list_articles(limit=100)
            table = Table(title=f"Articles in {db}")
            for column in ("id", "published", "title / lead", "people"):
                table.add_column(column)
            for row in rows:
                data = _summary_json(row)
                stored = store.get(data["id"])
                # Linked actors by their canonical name, so "Er" and "der US-Präsident" show as who they are.
                people = sorted(
                    {m.actor_name or m.text for m in stored.analysis.entities or () if m.label == "PER"},
                    key=str.lower,
                )
                table.add_row(
                    data["id"],
                    data.get("published") or "",
                    escape((data.get("title") or data.get("lead") or "")[:60]),
                    escape(", ".join(people[:5])),
                )
            console.print(table)
        console.print(f"Knowledge base: {db}. Try: lagebild search Waffenruhe --db {db}")
        console.print(f"Look at it in the browser: lagebild serve --db {db}  → http://127.0.0.1:8000/")
    if report.failures:
        raise typer.Exit(code=1)


# ---------------------------------------------------------------------------------------------
# bench and eval


@bench_app.command("ingest")
def bench_ingest_cmd(
    corpus: Annotated[list[str], typer.Option("--corpus", help="Corpus files or folders (repeatable).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON result.")] = Path(
        "bench-ingest.json"
    ),
    db: Annotated[
        str | None, typer.Option("--db", help="Database (default: a fresh temporary SQLite).")
    ] = None,
    analyze: Annotated[
        bool, typer.Option("--analyze/--no-analyze", help="Include the NLP pipeline.")
    ] = False,
) -> None:
    """Ingest+store throughput (articles/s, MB/s) and peak memory, written as JSON."""
    from lagebild.bench import bench_ingest

    with _errors():
        result = bench_ingest(corpus, db=db, analyze=analyze)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _print_json(result)


@bench_app.command("api")
def bench_api_cmd(
    db: Annotated[Path, typer.Option("--db", help="SQLite file to build or reuse.")] = Path("bench-api.db"),
    articles: Annotated[
        int, typer.Option("--articles", min=1, help="Articles the database should hold.")
    ] = 1000,
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON result.")] = Path(
        "bench-api.json"
    ),
    corpus: Annotated[
        list[str] | None,
        typer.Option("--corpus", help="Corpus files (default ../shared/data/german-news-corpus/*.jsonl.gz)."),
    ] = None,
    analyzed: Annotated[
        int, typer.Option("--analyzed", min=0, help="New articles run through the pipeline.")
    ] = 50,
    seconds: Annotated[float, typer.Option("--seconds", min=1, help="Load per page or endpoint.")] = 10.0,
    connections: Annotated[int, typer.Option("--connections", min=1, help="Concurrent connections.")] = 2,
    tool: Annotated[str, typer.Option("--tool", help="auto, wrk or httpx (the fallback loop).")] = "auto",
) -> None:
    """Latency p50/p95/p99 and requests/s of the pages and API under wrk, written as JSON."""
    from lagebild.bench import bench_api

    with _errors():
        if tool not in ("auto", "wrk", "httpx"):
            raise LagebildError("E108", f"unknown load tool {tool!r} (auto, wrk, httpx)", source="--tool")
        result = bench_api(
            db,
            corpus=corpus,
            articles=articles,
            analyzed=analyzed,
            seconds=seconds,
            connections=connections,
            tool=tool,
        )
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _print_json(result)


@bench_app.command("quotes")
def bench_quotes_cmd(
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="JSONL(.gz) with originalText or text (default: the bundled samples)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Articles read from --corpus.")] = 200,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Passes; the best one counts.")] = 3,
    model: Annotated[
        str | None, typer.Option("--model", help="Pipeline (default: the committed one).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON result.")] = Path(
        "bench-quotes.json"
    ),
) -> None:
    """The quote component's time per article as a share of the rest of the pipeline, as JSON."""
    from lagebild.quotes.bench import bench_quotes

    with _errors():
        if corpus is not None and not corpus.is_file():
            raise LagebildError("E109", "corpus file not found", source=str(corpus))
        result = bench_quotes(model, corpus, limit, repeat)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _print_json(result)


@bench_app.command("linking")
def bench_linking_cmd(
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Times the samples are repeated.")] = 1,
    model: Annotated[
        str | None, typer.Option("--model", help="Pipeline (default: the committed one).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON result.")] = Path(
        "bench-linking.json"
    ),
) -> None:
    """The linker's time per article (cold and warm) on the bundled samples, as JSON."""
    from lagebild.link.bench import bench_linker
    from lagebild.nlp import model_path

    with _errors():
        if model is not None and not (model_path(model) / "meta.json").is_file():
            # without --model the linker alone is timed when no model is committed; a named one must exist
            raise LagebildError("E301", "no trained pipeline there (meta.json missing)", source=model)
        result = bench_linker(model, repeat)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _print_json(result)


SharedOption = Annotated[Path, typer.Option(help="The shared data folder.")]


def _run_eval(shared: Path, out: Path, evaluate: Callable[[Path], dict[str, Any]]) -> None:
    """Run one evaluation on ``shared``, write its JSON to ``out`` and print it."""
    with _errors():
        if not shared.exists():
            raise LagebildError("E109", "shared data folder not found (pass --shared)", source=str(shared))
        result = evaluate(shared)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _print_json(result)


@eval_app.command("pipeline")
def eval_pipeline_cmd(
    shared: SharedOption = Path("../shared"),
    out: Annotated[Path, typer.Option("--out", help="JSON result file.")] = Path("eval-pipeline.json"),
) -> None:
    """NER, tagging, lemma and parse scores on our held-back data; speed and memory."""
    from lagebild.nlp.evaluate import evaluate_pipeline

    _run_eval(shared, out, evaluate_pipeline)


@eval_app.command("time")
def eval_time_cmd(
    shared: SharedOption = Path("../shared"),
    out: Annotated[Path, typer.Option("--out", help="JSON result file.")] = Path("eval-time.json"),
) -> None:
    """Time expressions: the seed gold and WikiWarsDE (extent F1 strict/lenient, value), beside HeidelTime."""
    from lagebild.time.evaluate import evaluate_time

    _run_eval(shared, out, evaluate_time)


@eval_app.command("linking")
def eval_linking_cmd(
    shared: SharedOption = Path("../shared"),
    out: Annotated[Path, typer.Option("--out", help="JSON result file.")] = Path("eval-linking.json"),
) -> None:
    """Entity linking accuracy per mention type on the seed gold."""
    from lagebild.link.evaluate import evaluate_linking

    _run_eval(shared, out, evaluate_linking)


@eval_app.command("quotes")
def eval_quotes_cmd(
    shared: SharedOption = Path("../shared"),
    out: Annotated[Path, typer.Option("--out", help="JSON result file.")] = Path("eval-quotes.json"),
) -> None:
    """Quotes and reported speech: seed gold and WikiNews quotation dev (span and speaker F1)."""
    from lagebild.quotes.evaluate import evaluate_quotes

    _run_eval(shared, out, evaluate_quotes)


@eval_app.command("events")
def eval_events_cmd(
    shared: SharedOption = Path("../shared"),
    out: Annotated[Path, typer.Option("--out", help="JSON result file.")] = Path("eval-events.json"),
) -> None:
    """PLOVER events: seed gold and our own annotated German sentences (type, actors, mode, place, date)."""
    from lagebild.events.evaluate import evaluate_events

    _run_eval(shared, out, evaluate_events)


@kb_app.command("add")
def kb_add_cmd(
    name: Annotated[str, typer.Argument(help="Canonical name, e.g. 'Katherina Reiche'.")],
    file: Annotated[Path, typer.Option("--file", help="Your YAML file of extra actors.")] = Path(
        "extra-kb.yaml"
    ),
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another spelling (repeatable).")] = None,
    actor_type: Annotated[str, typer.Option("--type", help="PER, ORG, GOV, STATE or MISC.")] = "PER",
    country: Annotated[str | None, typer.Option(help="ISO3 country code, e.g. DEU.")] = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role", help="OFFICE[@COUNTRY][:FROM[:TO]], e.g. 'Bundeswirtschaftsministerin@DEU:2025-05-06'."
        ),
    ] = None,
    actor_id: Annotated[
        str | None, typer.Option("--id", help="Id to use (replaces an entry with that id).")
    ] = None,
) -> None:
    """Add an actor to your own YAML file; use it with --kb FILE or LAGEBILD_KB."""
    from lagebild.kb import add_actor_to_yaml

    with _errors():
        roles = [_parse_role(text) for text in role or []]
        new_id = add_actor_to_yaml(file, name, alias or [], actor_type, country, roles, actor_id=actor_id)
        console.print(f"added {escape(name)} as {new_id} to {file}")


def _parse_role(text: str) -> dict[str, str | None]:
    office_part, _, dates = text.partition(":")
    office, _, country = office_part.partition("@")
    start, _, end = dates.partition(":")
    if not office.strip():
        raise LagebildError("E503", f"role {text!r}: expected OFFICE[@COUNTRY][:FROM[:TO]]")
    return {"office": office.strip(), "country": country or None, "from": start or None, "to": end or None}


@kb_app.command("lookup")
def kb_lookup_cmd(
    name: Annotated[str, typer.Argument(help="A name, alias, role phrase, place or demonym.")],
    on: Annotated[str | None, typer.Option(help="Date for roles (YYYY[-MM[-DD]]).")] = None,
    extra: Annotated[Path | None, typer.Option("--kb", help="Your YAML file of extra actors.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show which actors or places a name resolves to (on a date, for role phrases)."""
    from lagebild.kb import load_kb

    with _errors():
        kb = load_kb(extra)
        rows: list[dict[str, Any]] = []
        for cand in kb.lookup(name):
            actor = kb.actor(cand.actor_id)
            rows.append(
                {
                    "id": actor.id,
                    "name": actor.name,
                    "type": actor.type,
                    "how": cand.how,
                    "score": round(cand.score, 3),
                }
            )
        key = kb.role_key(name)
        if key and on:
            for actor in kb.holders(key, on):
                rows.append(
                    {
                        "id": actor.id,
                        "name": actor.name,
                        "type": actor.type,
                        "how": f"role {key}",
                        "score": 1.0,
                    }
                )
        if as_json:
            _print_json(rows)
            return
        table = Table(title=f"{name!r}" + (f" on {on}" if on else ""))
        for column in ("id", "name", "type", "how", "score"):
            table.add_column(column)
        for row in rows:
            table.add_row(*(escape(str(row[c])) for c in ("id", "name", "type", "how", "score")))
        console.print(table)


@app.command("version")
def version_cmd() -> None:
    """Print the Lagebild version and the JSON contract version."""
    from importlib.metadata import version

    from lagebild.records import CONTRACT_VERSION

    console.print(f"lagebild {version('lagebild')} (contract {CONTRACT_VERSION})")


# ---------------------------------------------------------------------------------------------
# serve and export: thin wrappers over lagebild.api.serve and lagebild.export.export


class ExportFormatChoice(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    dna_csv = "dna-csv"
    graphml = "graphml"
    parquet = "parquet"


@app.command("serve")
def serve_cmd(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; loopback by default (0.0.0.0 exposes the server).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    api_token: Annotated[
        str | None,
        typer.Option(
            "--api-token",
            envvar="LAGEBILD_API_TOKEN",
            help="Bearer token that enables POST /api/articles (env LAGEBILD_API_TOKEN).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web pages on http://HOST:PORT/."""
    from lagebild.api import serve

    with _errors():
        err_console.print(f"Lagebild on http://{host}:{port}/ (database {escape(_settings(db).db)})")
        serve(_settings(db), host=host, port=port, api_token=api_token)


@app.command("export")
def export_cmd(
    fmt: Annotated[
        ExportFormatChoice, typer.Option("--format", help="plover, gdelt, dna-csv, graphml or parquet.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file (a folder for parquet).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")] = False,
) -> None:
    """Export the knowledge base: PLOVER events, GDELT GKG rows, DNA statements, GraphML, Parquet."""
    from lagebild.export import export

    with _errors(), _open(_settings(db)) as store:
        result = export(store, fmt.value, out)
        if as_json:
            _print_json(result.to_json())
            return
        counts = ", ".join(f"{name} {count}" for name, count in result.counts.items())
        console.print(f"wrote {fmt.value} to {escape(result.path)} ({counts})")


def main(argv: list[str] | None = None) -> None:
    command: Callable[..., Any] = typer.main.get_command(app)
    command(args=argv, prog_name="lagebild")
