"""What the benchmark ran on: the machine, the load on it, the versions of every tool, the date."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata

from . import PROJECT_ROOT


@dataclass(frozen=True)
class MachineInfo:
    """Facts printed at the top of the report."""

    date: str
    cpu: str
    cores: int
    memory_gib: float
    system: str
    commit: str
    versions: dict[str, str] = field(default_factory=dict)


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (or what platform knows)."""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gib() -> float:
    """Total memory in GiB, from /proc/meminfo."""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, e.g. ``0.52 0.40 0.31``."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def wait_for_quiet(max_minutes: float, busy_load: float = 1.5) -> str:
    """Wait (up to ``max_minutes``) until the 1-minute load average drops below ``busy_load``.

    Returns the load average when it stopped waiting. Other work on a 2-core machine skews
    every timing; ratios stay fair because variants alternate, but absolute figures do not.
    """
    deadline = time.monotonic() + max_minutes * 60
    while os.getloadavg()[0] >= busy_load and time.monotonic() < deadline:
        print(f"  waiting for a quieter machine (load {load_average()})", flush=True)
        time.sleep(30)
    return load_average()


def git_commit() -> str:
    """The commit the benchmark ran on, marked ``+changes`` when the work tree differs."""

    def git(*args: str) -> str:
        """Run one git command in the project; its output, or "" when git fails."""
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" +changes" if git("status", "--porcelain") else "")


def project_versions() -> dict[str, str]:
    """Python, Pelican, lunr.py and Markdown from this venv, lunr.js from node_modules."""
    versions = {"Python": platform.python_version()}
    for package in ("pelican", "lunr", "markdown", "playwright"):
        versions[package] = metadata.version(package)
    package_json = PROJECT_ROOT / "node_modules" / "lunr" / "package.json"
    if package_json.is_file():
        versions["lunr.js"] = json.loads(package_json.read_text())["version"]
    return versions


def describe_machine(extra_versions: dict[str, str]) -> MachineInfo:
    """Everything about this machine and run, plus versions found elsewhere (compare venv, Chromium)."""
    return MachineInfo(
        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        cpu=cpu_model(),
        cores=len(os.sched_getaffinity(0)),
        memory_gib=memory_gib(),
        system=f"{platform.system()} {platform.release()}",
        commit=git_commit(),
        versions={**project_versions(), **extra_versions},
    )
