"""Content problems: collected one by one, reported together, stopping the build."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One thing wrong with one content file, and what an editor should do."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else self.path
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once, after validation, with every problem found in the content."""

    def __init__(self, problems: Iterable[ContentProblem]):
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return a report listing every problem, one per line."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The content has {count} {noun}; nothing was published:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def raise_if_any(problems: Iterable[ContentProblem]) -> None:
    """Raise ContentError when the iterable holds at least one problem."""
    problems = list(problems)
    if problems:
        raise ContentError(problems)
