"""On SQLite, sessions of one process take turns to write, on a lock rather than in SQLite.

SQLite admits one writer at a time and makes the others sleep and retry with growing pauses,
which under load turns into long, random waits. Here a session takes the process's turn just
before its first write (a flush or an INSERT, UPDATE or DELETE) and gives it back as soon as
its transaction ends (commit, rollback or close). Waiting costs no CPU, and the turn covers
only the transaction: reading the request, checking its key and building the answer happen
outside it, so a slow or unauthenticated client can never hold it. Reads never take it.

With PostgreSQL, row locks do this job and no turn is taken. Other processes on the same
SQLite file still meet SQLite's own lock (``busy_timeout``), which keeps every write safe.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import TextClause, event
from sqlalchemy.orm import ORMExecuteState, SessionTransaction
from sqlmodel import Session

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_HOLDS = "kakehashi_write_turn_held"


class WriteTurns:
    """The one turn to write that the sessions of this process share."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def join(self, session: Session) -> Session:
        """Make ``session`` take the turn before it writes and give it back when it ends."""
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "do_orm_execute", self._before_execute)
        event.listen(session, "after_transaction_end", self._after_transaction_end)
        return session

    def held_by(self, session: Session) -> bool:
        return bool(session.info.get(_HOLDS))

    def _take(self, session: Session) -> None:
        if not session.info.get(_HOLDS):
            self._lock.acquire()
            session.info[_HOLDS] = True

    def _give_back(self, session: Session) -> None:
        if session.info.pop(_HOLDS, False):
            self._lock.release()

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            self._take(session)

    def _before_execute(self, state: ORMExecuteState) -> None:
        statement = state.statement
        writes = state.is_insert or state.is_update or state.is_delete
        if isinstance(statement, TextClause):
            writes = statement.text.lstrip().upper().startswith(_WRITES)
        if writes:
            self._take(state.session)  # type: ignore[arg-type]

    def _after_transaction_end(self, session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:  # the outermost transaction: the database's own
            self._give_back(session)
