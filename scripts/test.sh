#!/usr/bin/env bash
# Set up, then run the linters, the type checker and the whole test suite (browser tests too).
# The tests marked `postgres` run twice: on SQLite with the SQLite queue, and on PostgreSQL
# with the Redis queue, both started here for the run on free loopback ports and stopped at
# the end, whatever happens (set KAKEHASHI_TEST_POSTGRES_URL and KAKEHASHI_TEST_REDIS_URL to
# use servers of your own instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --servers
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy publisher translations audio
# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
trap stop_test_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_test_services
# One test process per core (pytest-xdist); pass `-n 0` to run in this process alone.
.venv/bin/python -m pytest -n auto "$@"
