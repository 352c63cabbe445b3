"""``lagebild serve`` starts the app under uvicorn on loopback; API error codes stay unique."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .fixtures import KB, _free_port
from .seed_kb import build_kb


def test_serve_command_answers_on_loopback(tmp_path: Path) -> None:
    kb = KB(tmp_path / "serve.db", build_kb(tmp_path / "serve.db"))
    port = _free_port()
    env = {**os.environ, "LAGEBILD_API_TOKEN": "from-env"}
    process = subprocess.Popen(
        [sys.executable, "-m", "lagebild", "serve", "--db", kb.url, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        stats = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2, trust_env=False)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert stats is not None, process.stdout.read().decode() if process.stdout else ""
        assert stats.json()["articles"] == 4
        # The token came from the environment: a wrong one is refused with 401, not 403.
        denied = httpx.post(
            f"http://127.0.0.1:{port}/api/articles", json={"text": "Ein Text."}, timeout=5, trust_env=False
        )
        assert denied.status_code == 401
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5, trust_env=False)
        assert page.status_code == 200 and "Lagebild" in page.text
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_api_error_codes_are_registered() -> None:
    import lagebild.errors
    from lagebild.api import API_ERROR_CODES, error_status

    library = set(re.findall(r"E\d{3}", lagebild.errors.__doc__ or ""))
    assert set(API_ERROR_CODES) <= library
    assert all(code.startswith("E6") for code in API_ERROR_CODES)
    assert {error_status(code) for code in ("E601", "E606", "E203")} == {404}
    assert (error_status("E604"), error_status("E603"), error_status("E602")) == (401, 403, 422)
