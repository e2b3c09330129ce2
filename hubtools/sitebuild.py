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
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.problems import ContentError, ContentProblem
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from hubtools.buildlock import LockTimeout, build_lock
from hubtools.outputfolder import normalise_permissions, remove_tree, replace_folder
from hubtools.pelicanlog import problem_from_record


class BuildFailed(Exception):
    """The build stopped; ``problems`` says why, one line per problem.

    ``content_problems`` holds the structured problems when the content checks found them.
    """

    def __init__(self, problems: list[str], content_problems: tuple[ContentProblem, ...] = ()):
        self.problems = problems
        self.content_problems = content_problems
        super().__init__("\n".join(problems))


class _ProblemCollector(logging.Handler):
    """Keeps every warning and error logged during a build, as a problem naming its file when it can."""

    def __init__(self, content: Path) -> None:
        super().__init__(level=logging.WARNING)
        self.content = content
        self.messages: list[str] = []
        self.problems: list[ContentProblem] = []

    def emit(self, record: logging.LogRecord) -> None:
        problem = problem_from_record(record, self.content)
        if problem is not None:
            self.problems.append(problem)
            return
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        self.messages.append(message)


@dataclass(frozen=True)
class BuildResult:
    """Where a successful build was written, and anything worth telling that did not stop it."""

    output_path: Path
    notes: tuple[str, ...] = ()
    atomic_swap: bool = True


def _run_pelican(settings: Mapping[str, Any], staging: Path, final: Path) -> None:
    """Run Pelican once; raise BuildFailed with every problem it raised or logged.

    Messages name the output folder rather than the staging folder, which is gone by then.
    """
    _forget_earlier_warnings()
    collector = _ProblemCollector(Path(settings["PATH"]))
    root = logging.getLogger()
    root.addHandler(collector)

    def shown(messages: list[str]) -> list[str]:
        return [message.replace(str(staging), str(final)) for message in messages]

    try:
        Pelican(dict(settings)).run()
    except ContentError as error:
        _fail([*error.problems, *collector.problems], shown(collector.messages))
    except Exception as error:  # any other failure still names itself, and stops the build
        _fail(collector.problems, shown([f"{type(error).__name__}: {error}", *collector.messages]))
    finally:
        root.removeHandler(collector)
    if collector.messages or collector.problems:
        _fail(collector.problems, shown(collector.messages))


def _forget_earlier_warnings() -> None:
    """Let Pelican log again every warning an earlier build in this process logged.

    Pelican's LimitFilter drops a warning it has seen before, process-wide. Under livereload
    a file that failed the first build with a warning would pass the next one unreported.
    """
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def _fail(problems: list[ContentProblem], messages: list[str]) -> None:
    """Raise BuildFailed: the content problems as one report, then any other message."""
    lines = [ContentError(problems).describe()] if problems else []
    raise BuildFailed(lines + messages, ContentError(problems).problems if problems else ())


# Staging folders are named after the output folder; a killed build leaves one behind, and
# the next build (holding the lock, so no other build is using them) removes them.
STAGING_PREFIX = ".{name}-building-"


def build_site(
    settings_file: str | Path, output: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> BuildResult:
    """Build the site described by ``settings_file``; swap it into ``output`` only on success.

    One build at a time per output folder: a second one waits for the lock. Every OS error
    becomes a BuildFailed with one line saying what could not be done and where.
    """
    settings = read_settings(str(settings_file), override=dict(overrides or {}))
    final = Path(output or settings["OUTPUT_PATH"]).resolve()
    with _os_errors(f"create the folder {final.parent}"):
        final.parent.mkdir(parents=True, exist_ok=True)
    with _os_errors(f"lock {final.name}/ for this build"), _locked(final):
        notes = remove_leftovers(final)
        with _os_errors(f"create a staging folder in {final.parent}"):
            staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX.format(name=final.name)}", dir=final.parent))
        try:
            _run_pelican({**settings, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False}, staging, final)
            with _os_errors(f"set the permissions of the new site in {staging}"):
                normalise_permissions(staging)
            retired = staging.with_name(f"{staging.name}-old")
            with _os_errors(f"swap the new site into {final}"):
                atomic = replace_folder(staging, final, retired)
            notes += remove_tree(retired)
        finally:
            notes += remove_tree(staging)
    return BuildResult(final, tuple(notes), atomic)


@contextmanager
def _os_errors(action: str) -> Iterator[None]:
    """Turn an OSError into a BuildFailed naming what could not be done, in one line."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise BuildFailed([f"Could not {action}: {reason}; check the folder's permissions and free space"]) from None


@contextmanager
def _locked(final: Path) -> Iterator[None]:
    """The output folder's build lock, a timeout turned into a BuildFailed."""
    try:
        with build_lock(final):
            yield
    except LockTimeout as timeout:
        raise BuildFailed([str(timeout)]) from None


def remove_leftovers(final: Path) -> list[str]:
    """Remove staging folders left by killed builds (and the old swap's folder); notes for any that stay."""
    notes = []
    patterns = [STAGING_PREFIX.format(name=final.name) + "*", f".{final.name}-previous"]
    for pattern in patterns:
        for leftover in sorted(final.parent.glob(pattern)):
            notes += remove_tree(leftover)
    return notes


def report_build(
    settings_file: str | Path, output: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> bool:
    """Build and print the outcome: every problem on failure, notes on success. Never raises."""
    try:
        result = build_site(settings_file, output, overrides)
    except BuildFailed as failure:
        print("Build failed; the previous output was left as it was.", file=sys.stderr)
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        return False
    except Exception as error:  # a bug still gets one line, and livereload keeps serving
        print(
            f"Build failed ({type(error).__name__}: {error}); the previous output was left as it was.", file=sys.stderr
        )
        return False
    for note in result.notes:
        print(note, file=sys.stderr)
    print(f"Built the site into {result.output_path}")
    return True


def main(argv: list[str] | None = None) -> int:
    """Command line: build, print every problem on failure, exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("settings", nargs="?", default="pelicanconf.py")
    parser.add_argument("--output", "-o", default=None, help="output folder (default: OUTPUT_PATH)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return 0 if report_build(args.settings, args.output) else 1


if __name__ == "__main__":
    sys.exit(main())
