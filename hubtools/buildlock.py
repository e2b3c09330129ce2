"""One build at a time per output folder: an advisory lock next to it, released even if a build is killed."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has no fcntl; builds are not serialised there
    fcntl = None

LOCK_NAME = ".{name}-lock"
LOCK_WAIT_SECONDS = 600
LOCK_POLL_SECONDS = 0.1


class LockTimeout(Exception):
    """Another build held the lock for longer than we wait."""


@contextmanager
def build_lock(final: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of the output folder ``final``; wait (saying so once) while another build holds it.

    The lock is flock(2) on a file beside the folder: the kernel drops it when the holder exits,
    however it exits, so a killed build never leaves a stale lock. Raises OSError if the lock
    file cannot be opened, LockTimeout after ``wait`` seconds (default LOCK_WAIT_SECONDS).
    """
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    lock_path = final.with_name(LOCK_NAME.format(name=final.name))
    with open(lock_path, "a+b") as handle:
        _acquire(handle, final, wait)
        yield


def _acquire(handle, final: Path, wait: float) -> None:
    if fcntl is None:
        return
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if not told:
                print(f"Another build is writing {final.name}/; waiting for it to finish.", file=sys.stderr)
                told = True
            if time.monotonic() > deadline:
                raise LockTimeout(
                    f"Another build has held {final.name}/ for {wait:.0f} s; let it finish or stop it, then build again"
                ) from None
            # Polling, since flock cannot time out by itself; a tenth of a second is nothing next to a build.
            time.sleep(LOCK_POLL_SECONDS)
