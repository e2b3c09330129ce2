"""Build the site all or nothing: render into a staging folder, then swap it into place.

Pelican logs most content failures (an unreadable file, a broken ``{filename}`` link) and
carries on. For a site that must never lose an editor's work silently, every warning or
error logged while building counts as a failure. The previous output stays untouched unless
the whole build succeeds.

Run it as ``python -m hubtools.sitebuild [SETTINGS] [--output DIR]`` with ``plugins`` on the path.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.problems import ContentError, ContentProblem
from pelican import Pelican
from pelican.settings import read_settings


class BuildFailed(Exception):
    """The build stopped; ``problems`` says why, one line per problem.

    ``content_problems`` holds the structured problems when the content checks found them.
    """

    def __init__(self, problems: list[str], content_problems: tuple[ContentProblem, ...] = ()):
        self.problems = problems
        self.content_problems = content_problems
        super().__init__("\n".join(problems))


class _ProblemCollector(logging.Handler):
    """Keeps every warning and error logged during a build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        self.messages.append(message)


@dataclass(frozen=True)
class BuildResult:
    """Where a successful build was written."""

    output_path: Path


def _run_pelican(settings: Mapping[str, Any]) -> None:
    """Run Pelican once; raise BuildFailed with every problem it raised or logged."""
    collector = _ProblemCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(dict(settings)).run()
    except ContentError as error:
        raise BuildFailed([error.describe(), *collector.messages], error.problems) from None
    except Exception as error:  # any other failure still names itself, and stops the build
        raise BuildFailed([f"{type(error).__name__}: {error}", *collector.messages]) from None
    finally:
        root.removeHandler(collector)
    if collector.messages:
        raise BuildFailed(collector.messages)


def build_site(
    settings_file: str | Path, output: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> BuildResult:
    """Build the site described by ``settings_file``; swap it into ``output`` only on success."""
    settings = read_settings(str(settings_file), override=dict(overrides or {}))
    final = Path(output or settings["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-building-", dir=final.parent))
    try:
        _run_pelican({**settings, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False})
        _swap_into_place(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(final)


def _swap_into_place(staging: Path, final: Path) -> None:
    """Replace ``final`` with ``staging`` using renames, so no half-written folder is ever seen."""
    retired = final.with_name(f".{final.name}-previous")
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: build, print every problem on failure, exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("settings", nargs="?", default="pelicanconf.py")
    parser.add_argument("--output", "-o", default=None, help="output folder (default: OUTPUT_PATH)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        result = build_site(args.settings, args.output)
    except BuildFailed as failure:
        print("Build failed; the previous output was left as it was.", file=sys.stderr)
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"Built the site into {result.output_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
