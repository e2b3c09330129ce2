"""Editorial checks beyond what the build enforces: length, reading level and originality."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hub.problems import ContentProblem
from hub.sourcefiles import IGNORED_NAMES, is_ignored
from hub.text import html_to_text
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from hubtools.readability import flesch_reading_ease

MIN_READING_EASE = 60
WORD_LIMITS = {"tips": (60, 180), "articles": (700, 1200)}


def content_reader(settings_file: Path, overrides: Mapping[str, Any] | None = None) -> MarkdownReader:
    """Pelican's own Markdown reader, with the site's settings: the extensions and metadata rules the build uses."""
    return MarkdownReader(read_settings(str(settings_file), override=dict(overrides or {})))


def read_item(reader: MarkdownReader, path: Path) -> tuple[dict[str, Any], str]:
    """A content file as the build reads it: Pelican's metadata (lower-case keys) and the rendered HTML body."""
    html, metadata = reader.read(str(path))
    return metadata, html


def visible_text(html: str) -> str:
    """The words a reader sees in a rendered body."""
    return html_to_text(html)


def locate_line(path: Path, field: str) -> int:
    """The line of a metadata field in a file (1 when the field is missing)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    prefix = f"{field.lower()}:"
    return next((n for n, line in enumerate(lines, start=1) if line.lower().startswith(prefix)), 1)


def text_problems(content: Path, project: Path, reader: MarkdownReader) -> list[ContentProblem]:
    """Word counts and reading ease of every tip and article, read by Pelican's reader as the build reads them."""
    problems = []
    for folder, (low, high) in WORD_LIMITS.items():
        for path in sorted((content / folder).glob("*.md")):
            if is_ignored(path.name, IGNORED_NAMES) or path.is_symlink():
                continue  # lock and backup files are not content; the build refuses links
            shown = path.relative_to(project).as_posix()
            try:
                meta, html = read_item(reader, path)
            except Exception:  # noqa: BLE001 (a file the reader cannot read is reported by the build, with its name)
                continue
            text = visible_text(html)
            words = len(text.split())
            # A draft is still being written: its length is checked once it is published.
            if meta.get("status") != "draft" and not low <= words <= high:
                problems.append(ContentProblem(shown, "body", f"has {words} words; aim for {low} to {high}"))
            score = flesch_reading_ease(text)
            if text and score < MIN_READING_EASE:
                problems.append(
                    ContentProblem(
                        shown,
                        "body",
                        f"reads at Flesch {score}; use shorter sentences and plainer words to reach {MIN_READING_EASE}",
                    )
                )
    return problems


def originality_problems(project: Path) -> list[ContentProblem]:
    """Runs of 8+ words shared with the source articles, when ../shared/seeds is present."""
    tool = project.parent / "shared" / "tools" / "originality.py"
    if not tool.is_file() or not (project.parent / "shared" / "seeds").is_dir():
        return []
    done = subprocess.run(
        [sys.executable, str(tool), "content", "theme"], cwd=project, capture_output=True, text=True, check=False
    )
    if done.returncode == 0:
        return []
    lines = [line for line in done.stdout.splitlines() if line.strip() and not line.startswith("originality:")]
    return [
        ContentProblem("content", "originality", f"shares wording with a source article: {line.strip()}")
        for line in lines
    ] or [ContentProblem("content", "originality", done.stdout.strip() or done.stderr.strip())]
