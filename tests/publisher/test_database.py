"""Database URLs: PostgreSQL without a driver named uses psycopg 3, the driver installed."""

from __future__ import annotations

import pytest

from publisher.database import make_engine, postgres_url


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://kakehashi@db/city", "postgresql+psycopg://kakehashi@db/city"),
        ("postgres://kakehashi:pw@db:5433/city", "postgresql+psycopg://kakehashi:pw@db:5433/city"),
        ("postgresql+psycopg://kakehashi@db/city", "postgresql+psycopg://kakehashi@db/city"),
        ("sqlite:///data/kakehashi.db", "sqlite:///data/kakehashi.db"),
    ],
)
def test_postgres_urls_use_psycopg(given: str, used: str) -> None:
    assert postgres_url(given) == used


def test_an_engine_for_a_plain_postgres_url_uses_psycopg() -> None:
    engine = make_engine("postgresql://kakehashi@127.0.0.1:1/city")
    assert engine.dialect.driver == "psycopg"
    engine.dispose()
