"""The judged query sets (bench/relevance/queries.yml, heldout.yml) and the relevance measures over them.

Each query carries graded judgements: 2 = the item answers it, 1 = related. Measures, per
engine, from the first five results it shows for each query:

* hit@3: share of queries with an item that answers it (grade 2) among the first three
  (and, for context, "any@3": with any judged item, grade 1 or 2, among the first three);
* MRR: mean of 1 / the rank of the first item that answers it (0 when none of the five does);
* nDCG@5: discounted cumulative gain of the first five (gain 2^grade - 1, log2 discount),
  divided by the best possible order of the judged items;
* zero results: how many queries showed nothing at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import BENCH_DIR

QUERIES_FILE = BENCH_DIR / "relevance" / "queries.yml"
# Judged the same way, never tuned on: shows whether a ranking change generalises.
HELDOUT_FILE = BENCH_DIR / "relevance" / "heldout.yml"
DEPTH = 5


@dataclass(frozen=True)
class JudgedQuery:
    """A reader's query and the slugs judged relevant to it, with their grades."""

    text: str
    grades: Mapping[str, int]


def load_queries(path: Path = QUERIES_FILE) -> list[JudgedQuery]:
    """Read the judged set; a malformed entry raises ValueError naming it."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for number, entry in enumerate(entries, start=1):
        text, grades = entry.get("query"), entry.get("relevant")
        if not isinstance(text, str) or not isinstance(grades, dict) or not grades:
            raise ValueError(f"{path.name}: entry {number} needs a `query` and a non-empty `relevant` map")
        if any(grade not in (1, 2) for grade in grades.values()):
            raise ValueError(f"{path.name}: {text!r}: grades are 2 (answers it) or 1 (related)")
        queries.append(JudgedQuery(str(text), {str(slug): int(grade) for slug, grade in grades.items()}))
    return queries


def slug_of(url: str) -> str:
    """The slug behind a result URL: ``/tips/weekly-check-in/`` and ``/safety/`` give the last part."""
    path = urlsplit(url).path
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.rstrip("/").rsplit("/", 1)[-1]


def dcg(gains: Sequence[int]) -> float:
    """Discounted cumulative gain of grades in rank order."""
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(gains))


@dataclass(frozen=True)
class QueryScore:
    """One query's measures for one engine."""

    hit3: bool
    any3: bool
    reciprocal_rank: float
    ndcg5: float
    zero: bool


def score_query(query: JudgedQuery, slugs: Sequence[str]) -> QueryScore:
    """Measure one engine's first results (slugs, best first) against the judgements."""
    top = list(slugs[:DEPTH])
    grades = [query.grades.get(slug, 0) for slug in top]
    first = next((rank for rank, grade in enumerate(grades, start=1) if grade == 2), None)
    ideal = dcg(sorted(query.grades.values(), reverse=True)[:DEPTH])
    return QueryScore(
        hit3=first is not None and first <= 3,
        any3=any(grades[:3]),
        reciprocal_rank=1 / first if first else 0.0,
        ndcg5=dcg(grades) / ideal,
        zero=not slugs,
    )


@dataclass(frozen=True)
class Summary:
    """An engine's measures over the whole set."""

    queries: int
    hit3: float
    any3: float
    mrr: float
    ndcg5: float
    zero_results: int

    @classmethod
    def of(cls, scores: Sequence[QueryScore]) -> Summary:
        """Averages (and the zero-result count) over every query's score."""
        count = len(scores)
        return cls(
            queries=count,
            hit3=sum(score.hit3 for score in scores) / count,
            any3=sum(score.any3 for score in scores) / count,
            mrr=sum(score.reciprocal_rank for score in scores) / count,
            ndcg5=sum(score.ndcg5 for score in scores) / count,
            zero_results=sum(score.zero for score in scores),
        )


def evaluate(queries: Sequence[JudgedQuery], results: Mapping[str, Sequence[str]]) -> tuple[Summary, list[QueryScore]]:
    """Score an engine's results (query text to result URLs, best first) over the set."""
    scores = [score_query(query, [slug_of(url) for url in results[query.text]]) for query in queries]
    return Summary.of(scores), scores
