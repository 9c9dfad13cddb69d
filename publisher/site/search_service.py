"""A Pagefind service kept running beside the process that publishes, for the recent bundle.

Started alone, the extended Pagefind binary spends about 3 s loading its Japanese, Chinese and
Thai dictionaries before it indexes a single page, which is more than the time a new notice
may wait to be found. Pagefind's Python API runs the binary as a service instead
(``pagefind --service``) and that process keeps its dictionaries: after the first index,
indexing the few recent pages takes well under a second. The service is asynchronous; it
lives on an event loop in a thread of its own, and :meth:`RecentIndexer.index` waits for it.
It starts on first use (or :func:`warm`), never at import.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from publisher.site.search import ENTRY, PAGES_GLOB, SearchIndexError

INDEX_TIMEOUT_SECONDS = 120


class RecentIndexer:
    """One Pagefind service and the event loop that talks to it."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="pagefind-service", daemon=True
        )
        self._thread.start()
        self._service: Any = None

    def _run(self, coroutine: Any) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(INDEX_TIMEOUT_SECONDS)

    async def _started(self) -> Any:
        if self._service is None:
            from pagefind.service import PagefindService

            self._service = await PagefindService().launch()
        return self._service

    async def _index(self, site: Path, bundle: Path) -> None:
        service = await self._started()
        index = await service.create_index()
        try:
            await index.add_directory(str(site), glob=PAGES_GLOB)
            await index.write_files(output_path=str(bundle))
        finally:
            await index.delete_index()

    def index(self, site: Path, bundle: Path) -> Path:
        """Index the bulletin pages under ``site`` into the new folder ``bundle``."""
        try:
            self._run(self._index(site.resolve(), bundle.resolve()))
        except Exception as error:
            self._service = None  # a dead service is started again next time
            raise SearchIndexError(f"pagefind service failed: {error}") from error
        if not (bundle / ENTRY).is_file():
            raise SearchIndexError("pagefind service wrote no index")
        return bundle

    def close(self) -> None:
        if self._service is not None:
            with contextlib.suppress(Exception):  # closing at exit: nothing left to tell
                self._run(self._service.close())
        self._loop.call_soon_threadsafe(self._loop.stop)


_indexer: RecentIndexer | None = None
_lock = threading.Lock()


def recent_indexer() -> RecentIndexer:
    """This process's indexer, started on first use and stopped when the process exits."""
    global _indexer
    with _lock:
        if _indexer is None:
            _indexer = RecentIndexer()
            atexit.register(_indexer.close)
        return _indexer


def warm(scratch: Path) -> None:
    """Load the service's dictionaries now (a Japanese page indexed into ``scratch``), so
    that the first publish of a worker does not wait for them."""
    page = scratch / "pages" / "ja" / "bulletins" / "0" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        '<html lang="ja"><body><article data-pagefind-body><p>お知らせ</p></article></body></html>',
        "utf-8",
    )
    recent_indexer().index(scratch / "pages", scratch / "bundle")
