"""Reading the hub's YAML data files, turning any failure into a ContentProblem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import ContentProblem

# libyaml's parser when PyYAML was built with it (it is, in PyPI's wheels): the same safe
# subset of YAML, parsed in C.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, display_path: str) -> tuple[Any, list[ContentProblem]]:
    """Parse YAML text; on failure return None and a problem with the line number."""
    try:
        return yaml.load(text, Loader=SafeLoader), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or "cannot be parsed"
        return None, [ContentProblem(display_path, where, f"is not valid YAML ({reason}); fix the syntax")]


def read_yaml(path: Path, display_path: str) -> tuple[Any, list[ContentProblem]]:
    """Read a UTF-8 YAML file; a missing, non-UTF-8 or empty file is a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [ContentProblem(display_path, "", "is missing; create it")]
    except UnicodeDecodeError:
        return None, [ContentProblem(display_path, "", "is not UTF-8 text; save it as UTF-8")]
    if not text.strip():
        return None, [ContentProblem(display_path, "", "is empty; fill it in")]
    return parse_yaml(text, display_path)
