"""The content folder checked file by file before Pelican reads any of it.

Pelican follows symbolic links and copies whatever it finds under STATIC_PATHS, so a link to
``/proc/self/environ`` would be published. Every file and folder under the content folder must
be a real one inside it; hidden, backup and lock files (IGNORE_FILES) are left alone, as the
generators skip them too. Text files must be UTF-8 without control characters, and no file
may reach a size an editor never would.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .metalines import metadata_line_problems
from .problems import ContentProblem

TEXT_EXTENSIONS = frozenset(
    {"md", "markdown", "mkd", "mdown", "rst", "html", "htm", "yml", "yaml", "txt", "json", "svg", "xml", "css", "js"}
)
MARKDOWN_EXTENSIONS = frozenset({"md", "markdown", "mkd", "mdown"})
# Limits no editor reaches: the longest article is about 10 KB, a large photo a few MB.
MAX_TEXT_BYTES = 256 * 1024
MAX_OTHER_BYTES = 20 * 1024 * 1024
# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_LINES_REPORTED = 5
# Hidden, backup and lock files: never read, never published. pelicanconf.py's IGNORE_FILES
# lists the same patterns (a test keeps them equal). Pelican matches them against bare names,
# so its default "**/.*" matches nothing.
IGNORED_NAMES = (".*", "*~", "#*#", ".#*", "*.swp", "*.bak", "*.orig")
SYMLINK = (
    "is a symbolic link, which could publish a file from outside the content folder; "
    "put a copy of the real file here instead"
)


def is_ignored(name: str, patterns: Iterable[str]) -> bool:
    """True when a bare file or folder name matches one of the IGNORE_FILES patterns."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _entries(folder: Path, patterns: tuple[str, ...]) -> Iterator[os.DirEntry]:
    """Every entry below ``folder`` that is not ignored, without following links."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if is_ignored(entry.name, patterns):
            continue
        yield entry
        if entry.is_dir(follow_symlinks=False):
            yield from _entries(Path(entry.path), patterns)


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _entry_problem(entry: os.DirEntry, root: Path) -> str | None:
    """What is wrong with one entry as a thing to publish, or None."""
    info = entry.stat(follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        return SYMLINK
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a pipe, socket or device); delete it"
    if not Path(entry.path).resolve().is_relative_to(root):
        return "resolves to a place outside the content folder; put a copy of the real file here instead"
    limit = MAX_TEXT_BYTES if _extension(entry.name) in TEXT_EXTENSIONS else MAX_OTHER_BYTES
    if info.st_size > limit:
        return f"is {_size(info.st_size)}; the limit is {_size(limit)}; shorten or shrink it"
    return None


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def text_problems(text: str, markdown: bool) -> list[tuple[str, str]]:
    """(field, message) for control characters and, in Markdown, the metadata lines."""
    problems: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = CONTROL_CHARACTER.search(line)
        if found:
            code = f"U+{ord(found.group()):04X}"
            problems.append((f"line {number}", f"has a control character ({code}) that no editor types; delete it"))
            if len(problems) == MAX_LINES_REPORTED:
                problems.append(("", "has control characters on more lines; save it again as plain UTF-8 text"))
                break
    if markdown and not problems:
        problems += metadata_line_problems(text)
    return problems


def source_file_problems(content: Path, project: Path, ignore: Iterable[str]) -> list[ContentProblem]:
    """Every problem with the files under ``content``, named from ``project`` (e.g. content/tips/x.md)."""
    root = content.resolve()
    patterns = tuple(ignore)
    problems: list[ContentProblem] = []
    for entry in _entries(content, patterns):
        shown = os.path.relpath(entry.path, project)
        try:
            issue = _entry_problem(entry, root)
        except OSError as error:
            issue = f"cannot be read ({error.strerror}); check its permissions"
        if issue:
            problems.append(ContentProblem(shown, "", issue))
            continue
        if entry.is_file(follow_symlinks=False) and _extension(entry.name) in TEXT_EXTENSIONS:
            problems += _file_text_problems(Path(entry.path), shown)
    return problems


def _file_text_problems(path: Path, shown: str) -> list[ContentProblem]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return [ContentProblem(shown, "", "is not UTF-8 text; save it as UTF-8")]
    except OSError as error:
        return [ContentProblem(shown, "", f"cannot be read ({error.strerror}); check its permissions")]
    markdown = _extension(path.name) in MARKDOWN_EXTENSIONS
    return [ContentProblem(shown, field, message) for field, message in text_problems(text, markdown)]
