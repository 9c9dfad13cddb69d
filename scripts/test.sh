#!/usr/bin/env bash
# Set up, then run the linters, the type checker and the whole test suite (browser tests too).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy publisher translations audio
.venv/bin/python -m pytest "$@"
