"""Parameter types shared by the routers, bounded so no request can overflow the database."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_RECORD_ID = 2**62

RecordId = Annotated[int, Path(ge=1, le=MAX_RECORD_ID, description="A record's numeric id.")]
PageLimit = Annotated[int, Query(ge=1, le=200, description="At most this many items.")]
AfterId = Annotated[int, Query(ge=0, le=MAX_RECORD_ID, description="Items after this id.")]
RevisionNumber = Annotated[
    int | None,
    Query(ge=1, le=MAX_RECORD_ID, description="A revision number; default: the current one."),
]
