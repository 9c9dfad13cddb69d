"""Sessions on one SQLite database take turns to write, and only while their transaction lasts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from publisher.database import create_schema, make_engine
from publisher.tables import GlossaryEntry
from publisher.write_turns import WriteTurns


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'turns.sqlite3'}")
    create_schema(engine)
    yield engine
    engine.dispose()


def entry(term: str) -> GlossaryEntry:
    return GlossaryEntry(source=term, language="en", translation=term, created_by="test")


def test_reads_never_take_the_turn(engine: Engine) -> None:
    turns = WriteTurns()
    with turns.join(Session(engine)) as session:
        session.exec(select(GlossaryEntry)).all()
        session.exec(text("SELECT 1")).all()  # type: ignore[call-overload]
        assert not turns.held_by(session)


@pytest.mark.parametrize("end", ["commit", "rollback", "close", "error"])
def test_a_write_holds_the_turn_until_its_transaction_ends(engine: Engine, end: str) -> None:
    turns = WriteTurns()
    session = turns.join(Session(engine))
    session.add(entry("避難所"))
    session.flush()
    assert turns.held_by(session)
    if end == "commit":
        session.commit()
    elif end == "rollback":
        session.rollback()
    elif end == "close":
        session.close()
    else:
        with pytest.raises(RuntimeError), session:
            raise RuntimeError("the request failed")
    assert not turns.held_by(session)
    with turns.join(Session(engine)) as other:  # would wait for ever if the turn were kept
        other.add(entry("給水所"))
        other.commit()
    session.close()


def test_update_and_text_statements_take_the_turn(engine: Engine) -> None:
    turns = WriteTurns()
    with turns.join(Session(engine)) as session:
        session.exec(update(GlossaryEntry).values(note="x"))  # type: ignore[call-overload]
        assert turns.held_by(session)
        session.commit()
        assert not turns.held_by(session)
        session.exec(text("DELETE FROM glossaryentry"))  # type: ignore[call-overload]
        assert turns.held_by(session)
        session.commit()
    assert not turns.held_by(session)


def test_writers_wait_their_turn_and_none_is_lost(engine: Engine) -> None:
    """Sixteen threads write at once: each waits on the turn, none meets a busy database."""
    turns = WriteTurns()
    inside = 0
    most_inside = 0
    count_lock = threading.Lock()

    def write(number: int) -> None:
        nonlocal inside, most_inside
        with turns.join(Session(engine)) as session:
            session.add(entry(f"用語{number}"))
            session.flush()
            with count_lock:
                inside += 1
                most_inside = max(most_inside, inside)
            time.sleep(0.005)  # a transaction that takes a while
            with count_lock:
                inside -= 1
            session.commit()

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(write, range(64)))
    assert most_inside == 1
    with Session(engine) as session:
        terms = session.exec(select(col(GlossaryEntry.source))).all()
    assert sorted(terms) == sorted(f"用語{n}" for n in range(64))
