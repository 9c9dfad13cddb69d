"""Kakehashi's entry point: ``python main.py --help``."""

from publisher.cli import app

if __name__ == "__main__":
    app()
