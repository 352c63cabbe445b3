#!/usr/bin/env bash
# The main job on a fresh machine: install Lagebild and analyze the bundled sample articles
# into a local SQLite knowledge base (lagebild.db), then print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e .
rm -f lagebild.db lagebild.db-wal lagebild.db-shm
lagebild demo --db lagebild.db
