#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Python packages,
# PostgreSQL), then runs ruff, mypy and pytest. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install --quiet -e ".[dev]"
if [ -x scripts/pg_test_server.sh ] || [ -f scripts/pg_test_server.sh ]; then
  bash scripts/pg_test_server.sh install
fi
# Browser tests drive Debian's chromium with Playwright (never `playwright install`: it downloads
# browsers, which this machine cannot reach).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "== ruff"
ruff check lagebild tests training
echo "== mypy"
mypy lagebild
echo "== pytest"
set +e
python3 -m pytest -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit "$status"
