"""The real CLI on real temporary SQLite databases, with real German articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.contract import validate
from lagebild.service import samples_dir

runner = CliRunner()

GOOD = (
    " date 2025-03 Bundesaußenministerin Annalena Baerbock hat in Kiew weitere Hilfe zugesagt. "
    "Eine Waffenruhe sei derzeit nicht in Sicht, sagte sie.\n\n"
    "„Wir lassen die Ukraine nicht allein“, betonte Baerbock am Montag vor Journalisten. (dpa)\n"
)
OTHER = (
    " date 2025-04-02 Der französische Präsident Emmanuel Macron hat in Paris mit Bundeskanzler "
    "Olaf Scholz über Zölle beraten. Beide forderten eine gemeinsame Antwort der EU.\n\n"
    "Die Gespräche sollen am Freitag in Brüssel fortgesetzt werden. (AFP)\n"
)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_ingest_list_search_show_stats(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "baerbock.txt", GOOD)
    write(folder, "macron.txt", OTHER)

    code, out = invoke("ingest", str(folder), "--db", db, "--no-analyze", "--json")
    assert code == 0, out
    assert json.loads(out)["new"] == 2

    code, out = invoke("ingest", str(folder), "--db", db, "--no-analyze", "--json")
    assert code == 0, out
    report = json.loads(out)
    assert (report["new"], report["existing"]) == (0, 2)

    code, out = invoke("list", "--db", db, "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert len(rows) == 2
    assert rows[0]["published"] == "2025-04-02"

    code, out = invoke("search", "Waffenruhe", "--db", db, "--json")
    assert code == 0, out
    hits = json.loads(out)
    assert len(hits) == 1
    assert "Waffenruhe" in hits[0]["snippet"]

    code, out = invoke("show", hits[0]["article_id"], "--db", db, "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    validate(data)
    assert data["article"]["credit"] == "dpa"
    assert data["article"]["published"] == {"value": "2025-03", "granularity": "month"}

    code, out = invoke("stats", "--db", db, "--json")
    assert code == 0, out
    assert json.loads(out)["articles"] == 2


def test_bad_inputs_are_reported_and_batch_goes_on(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    first = tmp_path / "first"
    first.mkdir()
    write(first, "gut.txt", GOOD)
    assert invoke("ingest", str(first), "--db", db, "--no-analyze")[0] == 0
    before = json.loads(invoke("show", _only_id(db), "--db", db, "--format", "json")[1])

    folder = tmp_path / "batch"
    folder.mkdir()
    write(folder, "leer.txt", "")
    write(folder, "binaer.txt", b"\x00\x01\x02PNG\x00\x00" * 50)
    write(folder, "datum.txt", " date 2025-13 Ein Artikel mit kaputtem Datum.\n")
    write(
        folder,
        "kaputt.jsonl",
        '{"text": "Der Bundestag hat am Donnerstag den Haushalt beschlossen."}\n{kaputt\n',
    )
    write(folder, "macron.txt", OTHER)

    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-analyze", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["new"] == 2  # macron.txt and the good JSONL line
    failures = {Path(f["source"].split(":")[0]).name: f["code"] for f in report["failures"]}
    assert failures == {"leer.txt": "E102", "binaer.txt": "E103", "datum.txt": "E101", "kaputt.jsonl": "E106"}
    after = json.loads(invoke("show", before["article"]["id"], "--db", db, "--format", "json")[1])
    assert after == before


def _only_id(db: str) -> str:
    rows = json.loads(invoke("list", "--db", db, "--json")[1])
    assert len(rows) == 1
    return str(rows[0]["id"])


def test_error_is_one_line_and_verbose_adds_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "gibt-es-nicht.txt")
    result = runner.invoke(app, ["analyze", missing])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "gibt-es-nicht.txt" in lines[0] and "E109" in lines[0]
    verbose = runner.invoke(app, ["--verbose", "analyze", missing])
    assert verbose.exit_code == 2
    assert "Traceback" in verbose.stderr


def test_show_unknown_id(tmp_path: Path) -> None:
    code, out = invoke("show", "0000000000000000", "--db", f"sqlite:///{tmp_path / 'kb.db'}")
    assert code == 2
    assert "E203" in out


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lagebild", "version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "contract 1." in done.stdout


def test_near_duplicate_linked_not_stored_as_news(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    folder = tmp_path / "in"
    folder.mkdir()
    body = (
        "Die Innenminister von Bund und Ländern haben sich am Mittwoch in Berlin auf schärfere Regeln "
        "für Abschiebungen verständigt. Bundesinnenministerin Nancy Faeser sprach von einem wichtigen "
        "Schritt. Die Länder sollen mehr Personal für die Ausländerbehörden bekommen, der Bund will "
        "die Kosten zur Hälfte übernehmen. Kritik kam von Flüchtlingsorganisationen, die vor "
        "überstürzten Verfahren warnten. Pro Asyl nannte die Beschlüsse einen Rückschritt für den "
        "Rechtsstaat. Die Union forderte dagegen noch weitergehende Maßnahmen an den Grenzen."
    )
    write(folder, "a.txt", f" date 2024-06 {body} (dpa)\n")
    write(folder, "b.txt", f" date 2024-06 {body} Die nächste Konferenz ist im Herbst geplant. (epd)\n")
    code, out = invoke("ingest", str(folder), "--db", db, "--no-analyze", "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["new"] == 1 and len(report["near_duplicates"]) == 1
    assert len(json.loads(invoke("list", "--db", db, "--json")[1])) == 1


@pytest.mark.eval
def test_analyze_seed_json(seed_path: Path) -> None:
    code, out = invoke("analyze", str(seed_path), "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    validate(data)
    article = data["article"]
    assert article["published"] == {"value": "2025-02", "granularity": "month"}
    assert article["credit"] == "dpa/Red"
    assert article["title"] is None
    gold = yaml.safe_load(seed_path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    assert [s["text"] for s in article["subheadings"]] == gold["article"]["subheadings"]
    assert len(article["paragraphs"]) == gold["article"]["paragraphs"] == 15
    text = article["text"]
    assert not text.startswith(" date") and "(dpa/Red)" not in text
    spans = [q["text"] for q in gold["quotes"]] + [r["span"] for r in gold["reported"]]
    spans += [e["evidence"] for e in gold["events"]] + [t["span"] for t in gold["timex"]]
    spans += [p["span"] for p in gold["places"]] + [d["span"] for d in gold["demonyms"]]
    spans += [m for actor in gold["actors"] for m in actor["mentions"]]
    spans += [c["evidence"] for c in gold["claims"]]
    assert [s for s in spans if s not in text] == []
    assert "entities" in data and any(e["text"] == "Wladimir Putin" for e in data["entities"])


def test_demo_builds_knowledge_base(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out = invoke("demo", "--db", str(db))
    assert code == 0, out
    assert db.exists()
    code, out = invoke("stats", "--db", str(db), "--json")
    stats = json.loads(out)
    sample_files = [p for p in samples_dir().rglob("*") if p.is_file() and p.suffix != ".md"]
    assert stats["articles"] >= 13 and len(sample_files) >= 5
    code, out = invoke("search", "Waffenruhe", "--db", str(db), "--json")
    assert any("Waffenruhe" in hit["snippet"] for hit in json.loads(out))


def test_kb_add_and_lookup(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    code, out = invoke(
        "kb",
        "add",
        "Katherina Reiche",
        "--file",
        str(extra),
        "--alias",
        "Reiche",
        "--country",
        "DEU",
        "--role",
        "Bundeswirtschaftsministerin@DEU:2025-05-06",
    )
    assert code == 0, out
    code, out = invoke("kb", "lookup", "Katherina Reiche", "--kb", str(extra), "--json")
    assert code == 0, out
    assert json.loads(out)[0]["name"] == "Katherina Reiche"
    code, out = invoke("kb", "lookup", "US-Präsident", "--on", "2025-02", "--json")
    assert [row["id"] for row in json.loads(out)] == ["trump"]
    code, out = invoke("kb", "add", "X", "--file", str(extra), "--role", ":2020")
    assert code == 2 and "E503" in out
