"""``python -m publisher``: the same command line as ``main.py``."""

from publisher.cli import app

app()
