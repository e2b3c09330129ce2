"""Checks that every {filename} and {static} link in the content points at a real file."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable

from .problems import ContentProblem

# Pelican's intersite link forms, as written in Markdown and found in the rendered HTML.
INTERSITE_LINK = re.compile(r"""(?:href|src)=(["'])\{(?P<what>filename|static|attach)\}(?P<target>[^"'#?]+)""")


def link_targets(html: str) -> Iterable[tuple[str, str]]:
    """Yield (kind, target) for every intersite link in a rendered fragment."""
    for match in INTERSITE_LINK.finditer(html or ""):
        yield match.group("what"), match.group("target")


def resolve_target(source_path: str, target: str) -> str:
    """Resolve a link target against the linking file: '/x' from the content root, else relative."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_path), target))


def broken_links(source_path: str, shown_path: str, html: str, known: Collection[str]) -> list[ContentProblem]:
    """Return a problem for each link from ``source_path`` to a file not among ``known``."""
    return [
        ContentProblem(
            shown_path,
            "link",
            f"{{{what}}}{target} points to {resolved}, which does not exist; fix the link or add the file",
        )
        for what, target in link_targets(html)
        if (resolved := resolve_target(source_path, target)) not in known
    ]
