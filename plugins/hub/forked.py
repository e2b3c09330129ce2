"""Running one part of the build in a forked child process, so two cores share the work.

Pelican writes pages one after another on one core. The search index and the hub's own pages
need nothing that Pelican's other generators write, so once every generator has read its
content they can be made in children of the build process: forked, they start at once with
everything already read, and what they return comes back through a pipe.

A child is forked only where that is safe and useful: ``os.fork`` exists, there are two or
more cores, and the build process runs no other thread (forking a threaded process can copy a
lock some thread holds; a build run by the live-reload server, for one, stays in one process).
Otherwise the call runs in this process when its result is asked for, and gives the same
result: the output is byte-identical either way (tests/build/test_parallel_build.py).

What the child logs at WARNING or above is sent back and logged again in the parent, where
the build's own handlers judge it, as if it had been logged there.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """True when a forked child can share the work: fork exists, two cores, no other thread."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class _Records(logging.Handler):
    """Keeps the child's warnings and errors, flattened so they pickle."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.msg}: {record.exc_info[1]}"
        record.exc_info = record.exc_text = record.stack_info = None
        self.records.append(record)


def _portable(error: BaseException) -> BaseException:
    """The exception itself if it survives pickling, or a RuntimeError that says the same."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


class ForkedCall(Generic[T]):
    """``function()`` run in a forked child (or, where that cannot be, here when asked for)."""

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        self._function = function
        self._pid: int | None = None
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        # The answer goes into an unnamed temporary file rather than a pipe: a child whose
        # answer is never read (the build failed before it was needed) still finishes and exits.
        self._answer = tempfile.TemporaryFile()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: run, write the outcome, and leave without running the parent's cleanup
            self._run_child()
        self._pid = pid

    def _run_child(self) -> None:
        status = 1
        try:
            records = _Records()
            logging.getLogger().handlers = [records]
            try:
                outcome: tuple[str, Any, list] = ("value", self._function(), records.records)
            except BaseException as error:  # sent to the parent, which raises it
                outcome = ("error", _portable(error), records.records)
            pickle.dump(outcome, self._answer, protocol=pickle.HIGHEST_PROTOCOL)
            self._answer.flush()
            status = 0
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)

    @property
    def forked(self) -> bool:
        """True when the work runs in a child process."""
        return self._pid is not None

    def result(self) -> T:
        """Wait for the child (or run the function now); log what it logged; return or raise."""
        if self._pid is None:
            return self._function()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        with self._answer:
            self._answer.seek(0)
            data = self._answer.read()
        if not data:
            raise RuntimeError(f"a build process stopped without an answer (exit status {status})")
        kind, value, records = pickle.loads(data)
        for record in records:
            logging.getLogger(record.name).handle(record)
        if kind == "error":
            raise value
        return value
