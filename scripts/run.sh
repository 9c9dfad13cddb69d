#!/usr/bin/env bash
# Set up, then serve Kakehashi on the embedded defaults with the sample bulletins published:
# the site at http://127.0.0.1:8000/ and the API docs at http://127.0.0.1:8000/api/v1/docs
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py serve --demo "$@"
