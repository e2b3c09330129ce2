"""Building the search files in a second process while Pelican writes the pages.

The index is the slowest part of the hub's own work and needs nothing the writer produces,
so on a machine with two or more cores it costs almost no wall time. Pages only need the
files' names, which come from a hash of the inputs (search_index.search_folder).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .search_index import SearchDocument, SearchFiles, build_search_files

PLUGINS_DIR = str(Path(__file__).resolve().parent.parent)


def _worker_setup(plugins_dir: str) -> None:
    """Let the worker import this package however Pelican found it."""
    if plugins_dir not in sys.path:
        sys.path.insert(0, plugins_dir)


class SearchFilesJob:
    """The search files, being built in the background (or at once on one core)."""

    def __init__(
        self,
        documents: Sequence[SearchDocument],
        theme_names: Mapping[str, str],
        parallel: bool,
        words: Mapping[str, Any] | None = None,
    ):
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self._files: SearchFiles | None = None
        if parallel and (os.cpu_count() or 1) > 1:
            self._executor = ProcessPoolExecutor(max_workers=1, initializer=_worker_setup, initargs=(PLUGINS_DIR,))
            self._future = self._executor.submit(build_search_files, list(documents), dict(theme_names), words)
        else:
            self._files = build_search_files(documents, theme_names, words)

    def result(self) -> SearchFiles:
        """Wait for the files, then release the worker process."""
        if self._files is None:
            try:
                self._files = self._future.result()
            finally:
                self.close()
        return self._files

    def close(self) -> None:
        """Stop the worker (also when the build fails before the files are needed)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
