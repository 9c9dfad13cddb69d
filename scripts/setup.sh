#!/usr/bin/env bash
# Install everything Kakehashi needs on a Debian machine with Python 3.11; safe to run again.
# With --servers (scripts/test.sh), also PostgreSQL and Redis for the tests that run on them.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-cjk: Japanese in the browser tests, and the podcast artwork (publisher/site/artwork.py).
# epubcheck (a Java program) validates the EPUB editions in the tests.
DEBIAN_PACKAGES=(espeak-ng libespeak-ng1 libsndfile1 chromium fonts-noto-cjk fonts-noto-core default-jre-headless epubcheck)
# scripts/test.sh starts its own PostgreSQL and Redis for the run; scripts/run.sh uses neither
# (SQLite and the SQLite queue), so only the tests ask for them.
[ "${1:-}" != "--servers" ] || DEBIAN_PACKAGES+=(postgresql redis-server)
# Node and npm fetch axe-core for the accessibility tests; install them only where missing.
command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs npm)
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    echo "installing Debian packages: ${missing[*]}"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# The CPU build of torch first: argostranslate depends on torch, and without this pip would
# choose a multi-gigabyte CUDA build.
.venv/bin/python -m pip install -q --disable-pip-version-check torch==2.13.0
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,postgres,redis]'
# The site's and the audio's messages: compile each language's .po (locales/) into its .mo.
# (.mo files are not committed; without them the .po is compiled in memory when read.)
.venv/bin/pybabel compile -D kakehashi -d locales >/dev/null
.venv/bin/pybabel compile -D workspace -d locales >/dev/null  # the staff workspace (ja, en)
# axe-core and Ace by DAISY, pinned by tests/browser/package-lock.json, for the accessibility
# tests of the site and of the EPUB editions. Ace runs on Debian's chromium through puppeteer:
# neither puppeteer's browser nor electron's (another of Ace's runners) is downloaded.
if [ ! -d tests/browser/node_modules/axe-core ] || [ ! -d tests/browser/node_modules/@daisy/ace ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
echo "setup complete: $(.venv/bin/python --version), virtualenv in .venv"
