"""Timing a command in a child process: wall time and that child's own peak memory.

Each build runs as a fresh process. ``os.wait4`` returns the resource usage of exactly that
child (peak resident set size included), so runs never blur into each other as they would
with ``getrusage(RUSAGE_CHILDREN)``, whose maximum only ever grows.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import PROJECT_ROOT


class BuildCommandError(RuntimeError):
    """A measured command exited with an error; the message holds its output."""


@dataclass(frozen=True)
class RunFigures:
    """One measured run: seconds of wall time and peak resident memory in MiB."""

    wall_s: float
    peak_mib: float


@dataclass(frozen=True)
class MedianFigures:
    """The median of several runs, and the runs themselves."""

    wall_s: float
    peak_mib: float
    runs: tuple[RunFigures, ...]

    @classmethod
    def of(cls, runs: Sequence[RunFigures]) -> MedianFigures:
        """Median wall time and median peak memory of ``runs``."""
        return cls(
            wall_s=statistics.median(run.wall_s for run in runs),
            peak_mib=statistics.median(run.peak_mib for run in runs),
            runs=tuple(runs),
        )

    def plus(self, other: MedianFigures) -> MedianFigures:
        """Two steps run one after the other: times add, the peak is the larger one."""
        return MedianFigures(self.wall_s + other.wall_s, max(self.peak_mib, other.peak_mib), self.runs + other.runs)


def run_measured(argv: Sequence[str], cwd: Path = PROJECT_ROOT) -> RunFigures:
    """Run a command to its end; return its wall time and peak memory, or raise BuildCommandError."""
    started = time.perf_counter()
    process = subprocess.Popen(list(argv), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        shown = output.decode("utf-8", "replace")[-4000:]
        raise BuildCommandError(f"{' '.join(map(str, argv))} exited with {process.returncode}:\n{shown}")
    return RunFigures(wall_s=wall, peak_mib=usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def remove_output(folder: Path) -> None:
    """Remove a build's output folder (untimed), so the next run starts from nothing."""
    shutil.rmtree(folder, ignore_errors=True)
