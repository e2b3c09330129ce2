"""``invoke check``: every content problem at once, with file and line, without writing the site."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hub.problems import ContentProblem

from hubtools.editorial import content_reader, locate_line, originality_problems, text_problems
from hubtools.sitebuild import BuildFailed, build_site

LINE_FIELD = re.compile(r"^line (\d+)$")


def _line(problem: ContentProblem, project: Path) -> str:
    numbered = LINE_FIELD.match(problem.field)
    if numbered:  # the problem already knows its line, e.g. a repeated metadata key
        return f"{problem.path}:{numbered.group(1)}: {problem.message}"
    return f"{problem.path}:{locate_line(project / problem.path, problem.field)}: {problem.field}: {problem.message}"


def check_content(
    settings_file: Path, project: Path, content: Path, overrides: Mapping[str, Any] | None = None
) -> list[str]:
    """Build into a scratch folder (thrown away) and run the editorial checks; return problem lines."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        try:
            build_site(settings_file, Path(scratch) / "output", overrides)
        except BuildFailed as failure:
            lines += [_line(p, project) for p in failure.content_problems] or failure.problems
    reader = content_reader(settings_file, overrides)
    lines += [_line(p, project) for p in text_problems(content, project, reader)]
    lines += [_line(p, project) for p in originality_problems(project)]
    return lines
