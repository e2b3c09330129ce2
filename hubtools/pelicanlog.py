"""Pelican's own warnings about a content file, turned into problems that name the file.

Pelican logs some content failures itself ("Skipping /abs/path/x.md: could not find
information about 'title'", "Could not process articles/x.md") and skips the file. The build
treats every such warning as a failure; this module finds which content file a record is
about, so the editor sees ``content/articles/x.md`` and what to do, like every other problem.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from hub.problems import ContentProblem

MISSING_FIELD = re.compile(r"could not find information about '(?P<field>\w+)'")


def _content_file(value: object, content: Path) -> Path | None:
    """The content file a log argument names (absolute, or relative to the content folder), if any."""
    if not isinstance(value, (str, os.PathLike)):
        return None
    path = Path(value)
    path = path if path.is_absolute() else content / path
    try:
        path.relative_to(content)
    except ValueError:
        return None
    return path if path.suffix and (path.is_file() or path.is_symlink()) else None


def _named_file(record: logging.LogRecord, content: Path) -> tuple[Path, str] | None:
    """(file, how the message spells it) for the first content file a record names."""
    args = record.args if isinstance(record.args, tuple) else ()
    for value in args:
        found = _content_file(value, content)
        if found:
            return found, str(value)
    match = re.search(re.escape(str(content)) + r"[^\s:'\",;()]+", record.getMessage())
    if match and _content_file(match.group(), content):
        return Path(match.group()), match.group()
    return None


def problem_from_record(record: logging.LogRecord, content: Path) -> ContentProblem | None:
    """The record as a problem naming its content file, or None when it names none."""
    named = _named_file(record, content.resolve()) or _named_file(record, content)
    if named is None:
        return None
    path, spelled = named
    shown = os.path.relpath(path, content.parent)
    message = record.getMessage()
    missing = MISSING_FIELD.search(message)
    if missing:
        field = missing.group("field").capitalize()
        return ContentProblem(shown, field, f"is missing; add a '{field}:' line at the top")
    said = " ".join(message.replace(spelled, shown).split())
    return ContentProblem(shown, "", f"Pelican reports: {said}; fix this in the file")
