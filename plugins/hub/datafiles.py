"""Reading the hub's YAML data files strictly, turning any failure into a ContentProblem.

Content YAML is a few lists and mappings of short texts. Anything beyond that is refused
before a value is built: anchors and aliases (a 500-byte alias bomb expands to gigabytes),
explicit tags, merge keys, keys that are not plain scalars, repeated keys (YAML keeps the
last one silently), deep nesting, and texts longer than an editor ever writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import ContentProblem

# libyaml's parser when PyYAML was built with it (it is, in PyPI's wheels): the same safe
# subset of YAML, parsed in C.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentLoader(SafeLoader):
    """SafeLoader without YAML's implicit dates: content has none, and "2026-02-30" would crash the build."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}

MAX_FILE_CHARS = 256 * 1024
MAX_TEXT_CHARS = 2000
MAX_DEPTH = 8


class _Refused(Exception):
    """A construct content YAML never needs, with the line it is on."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


def _line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 0


def _check_events(text: str) -> None:
    """Walk the parser's events: no anchors, aliases or tags; bounded depth and text length."""
    depth = 0
    for event in yaml.parse(text, Loader=ContentLoader):
        line = _line(event.start_mark)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, "uses a YAML anchor or alias (& or *); write each value out in full")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):  # the parser reports only tags written in the file
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(line, f"uses a YAML tag ({shown}); remove it and write a plain value")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(line, f"nests lists and mappings more than {MAX_DEPTH} deep; flatten it")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_TEXT_CHARS:
            raise _Refused(
                line, f"has a text of {len(event.value):,} characters; the limit is {MAX_TEXT_CHARS:,}; shorten it"
            )


def _check_keys(node: Any) -> None:
    """Every mapping key is a plain scalar, used once, and never a merge key."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_keys(item)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = _line(key.start_mark)
            if not isinstance(key, yaml.ScalarNode):
                raise _Refused(line, "has a key that is a list or mapping; use a plain word as the key")
            if key.tag == "tag:yaml.org,2002:merge":
                raise _Refused(line, "uses a YAML merge key (<<); write the values out in full")
            if key.value in seen:
                raise _Refused(line, f"repeats the key {key.value!r} from line {seen[key.value]}; keep one")
            seen[key.value] = line
            _check_keys(value)


def parse_yaml(text: str, display_path: str) -> tuple[Any, list[ContentProblem]]:
    """Parse YAML text strictly; on failure return None and one problem with its line."""
    if len(text) > MAX_FILE_CHARS:
        limit = f"{MAX_FILE_CHARS:,}"
        return None, [ContentProblem(display_path, "", f"is {len(text):,} characters; the limit is {limit}")]
    try:
        _check_events(text)
        _check_keys(yaml.compose(text, Loader=ContentLoader))
        return yaml.load(text, Loader=ContentLoader), []
    except _Refused as refused:
        return None, [ContentProblem(display_path, f"line {refused.line}", refused.message)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or "cannot be parsed"
        return None, [ContentProblem(display_path, where, f"is not valid YAML ({reason}); fix the syntax")]
    except (ValueError, OverflowError) as error:  # a value PyYAML cannot build, e.g. a huge float
        return None, [ContentProblem(display_path, "", f"has a value that cannot be read ({error}); write it as text")]


def read_yaml(path: Path, display_path: str) -> tuple[Any, list[ContentProblem]]:
    """Read a UTF-8 YAML file; a missing, non-UTF-8 or empty file is a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [ContentProblem(display_path, "", "is missing; create it")]
    except UnicodeDecodeError:
        return None, [ContentProblem(display_path, "", "is not UTF-8 text; save it as UTF-8")]
    except OSError as error:
        return None, [ContentProblem(display_path, "", f"cannot be read ({error.strerror}); check it")]
    if not text.strip():
        return None, [ContentProblem(display_path, "", "is empty; fill it in")]
    return parse_yaml(text, display_path)
