"""Every CLI command is documented in docs/cli.md (after sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from lagebild.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(group: Any, prefix: str = "lagebild") -> list[str]:
    names: list[str] = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            names.extend(_commands(command, f"{prefix} {name}"))
        else:
            names.append(f"{prefix} {name}")
    return names


COMMANDS = _commands(typer.main.get_group(app))


def test_commands_found() -> None:
    assert {"lagebild ingest", "lagebild search", "lagebild bench ingest"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_documented(command: str) -> None:
    assert f"## {command}\n" in (DOCS / "cli.md").read_text(encoding="utf-8")


def test_error_codes_documented() -> None:
    import re

    import lagebild.errors

    codes = set(re.findall(r"E\d{3}", lagebild.errors.__doc__ or ""))
    table = (DOCS / "errors.md").read_text(encoding="utf-8")
    assert codes, "the errors module lists its codes"
    assert {code for code in codes if f"| {code} |" not in table} == set()
