"""``python -m publisher``: the same command line as ``main.py``."""

from publisher.cli import app

if __name__ == "__main__":
    app()
