"""The quiz "Where are we stuck?": read from YAML, validated, and turned into page data.

Scoring happens in the browser (theme/static/js/quiz-engine.js); this module makes sure the
definition is sound and attaches the tips and articles the result can recommend, taken from
the built site, never hard-coded in JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafiles import read_yaml
from .plan import time_minutes, tip_steps
from .problems import ContentProblem

QUESTION_COUNT = (6, 10)
ANSWER_COUNT = (3, 5)
SIGNALS = ("safety", "seek-help")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEXT_FIELDS = ("title", "intro", "note", "safety_result")
REFLECTION_LENGTH = 80


@dataclass(frozen=True)
class QuizAnswer:
    """One answer: its theme weights and any signal (safety, seek-help) it sends."""

    id: str
    text: str
    weights: Mapping[str, int]
    signals: tuple[str, ...]
    reflection: str = ""


@dataclass(frozen=True)
class QuizQuestion:
    """One question with 3 to 5 answers."""

    id: str
    text: str
    hint: str
    answers: tuple[QuizAnswer, ...]


@dataclass(frozen=True)
class Quiz:
    """The whole quiz: texts, questions and a short result text per theme."""

    title: str
    intro: str
    note: str
    safety_result: str
    questions: tuple[QuizQuestion, ...]
    results: Mapping[str, str]
    support_theme: str = ""


class _Checker:
    """Collects problems with their place in the file while walking the quiz."""

    def __init__(self, path: str, themes: Collection[str]):
        self.path = path
        self.themes = themes
        self.problems: list[ContentProblem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, where, message))

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(f"{where}{key}", "is missing or empty; write it")
            return ""
        return value.strip()

    def count(self, items: Any, bounds: tuple[int, int], where: str, noun: str) -> list:
        if not isinstance(items, list) or not items:
            self.add(where, f"has no {noun}s; give it {bounds[0]} to {bounds[1]}")
            return []
        if not bounds[0] <= len(items) <= bounds[1]:
            self.add(where, f"has {len(items)} {noun}s; give it {bounds[0]} to {bounds[1]}")
        return items

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        """A list of words, such as signals: anything else is reported, never turned into text."""
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add(where, "must be a list of words, e.g. [seek-help]")
            return ()
        return tuple(value)

    def ident(self, value: Any, seen: set[str], where: str) -> str:
        if not isinstance(value, str):
            self.add(f"{where} id", "is missing or not a word; use lower-case letters, digits and hyphens")
            return ""
        if not ID_PATTERN.match(value):
            self.add(f"{where} id", f"{value!r} must be lower-case letters, digits and hyphens")
            return value
        if value in seen:
            self.add(f"{where} id", f"{value!r} is used twice; ids must be unique")
        seen.add(value)
        return value


def _answer(check: _Checker, data: Any, where: str, seen: set[str]) -> QuizAnswer | None:
    if not isinstance(data, dict):
        check.add(where, "must be a mapping with id, text and themes")
        return None
    ident = check.ident(data.get("id"), seen, where)
    text = check.text(data, "text", f"{where} ")
    signals = check.strings(data.get("signals"), f"{where} signals")
    for signal in signals:
        if signal not in SIGNALS:
            check.add(f"{where} signals", f"{signal!r} is not a signal; use {' or '.join(SIGNALS)}")
    weights = data.get("themes") or {}
    if not isinstance(weights, dict):
        check.add(f"{where} themes", "must map theme slugs to whole-number weights")
        weights = {}
    for slug, weight in weights.items():
        if slug not in check.themes:
            check.add(f"{where} themes", f"{slug!r} is not a theme in themes.yml")
        if not isinstance(weight, int) or isinstance(weight, bool) or weight < 1:
            check.add(f"{where} themes", f"weight for {slug!r} must be a whole number of 1 or more")
    if not weights and "safety" not in signals:
        check.add(f"{where} themes", "weights no theme; every answer must weight at least one")
    reflection = _reflection(check, data.get("reflection"), where, signals)
    return QuizAnswer(ident, text, dict(weights), signals, reflection)


def _reflection(check: _Checker, value: Any, where: str, signals: tuple[str, ...]) -> str:
    """An answer's optional reflection: a short phrase the result says back, e.g. "you hardly talk"."""
    if value is None:
        return ""
    field = f"{where} reflection"
    if not isinstance(value, str) or not value.strip():
        check.add(field, "is empty; write a short phrase such as 'you hardly talk these days', or remove it")
        return ""
    value = " ".join(value.split())
    if "safety" in signals:
        check.add(field, "a safety answer is never said back to the reader; remove the reflection")
    if len(value) > REFLECTION_LENGTH:
        check.add(field, f"is {len(value)} characters; keep it to {REFLECTION_LENGTH} or fewer")
    if value[-1] in ".!?;:,":
        check.add(field, "ends with punctuation; it is joined into a sentence, so end it with a word")
    if value[0].isupper() and not value.startswith("I "):
        check.add(field, "starts with a capital; it goes mid-sentence, so start it in lower case")
    return value


def _question(check: _Checker, data: Any, where: str, seen: set[str]) -> QuizQuestion | None:
    if not isinstance(data, dict):
        check.add(where, "must be a mapping with id, text and answers")
        return None
    ident = check.ident(data.get("id"), seen, where)
    text = check.text(data, "text", f"{where} ")
    answers_seen: set[str] = set()
    answers = check.count(data.get("answers"), ANSWER_COUNT, f"{where} answers", "answer")
    built = [_answer(check, a, f"{where} answer {n}", answers_seen) for n, a in enumerate(answers, start=1)]
    hint = data.get("hint") or ""
    if not isinstance(hint, str):
        check.add(f"{where} hint", "must be one line of text; write it as plain text")
        hint = ""
    return QuizQuestion(ident, text, hint.strip(), tuple(a for a in built if a))


def quiz_from_data(data: Any, path: str, themes: Sequence[str]) -> tuple[Quiz | None, list[ContentProblem]]:
    """Check parsed YAML and build the Quiz; every problem found is returned."""
    check = _Checker(path, themes)
    if not isinstance(data, dict):
        check.add("", "must be a mapping with title, intro, note, safety_result, support_theme, questions and results")
        return None, check.problems
    texts = {key: check.text(data, key, "") for key in TEXT_FIELDS}
    seen: set[str] = set()
    raw = check.count(data.get("questions"), QUESTION_COUNT, "questions", "question")
    questions = [_question(check, q, f"question {n}", seen) for n, q in enumerate(raw, start=1)]
    questions = tuple(q for q in questions if q)
    signals = {s for q in questions for a in q.answers for s in a.signals}
    for signal in SIGNALS:
        if signal not in signals:
            check.add("questions", f"no answer sends the {signal!r} signal; the quiz needs one")
    support_theme = data.get("support_theme")
    if support_theme not in themes:
        message = f"{support_theme!r} is not a theme in themes.yml; name the theme for getting support"
        check.add("support_theme", message)
    results = data.get("results") if isinstance(data.get("results"), dict) else {}
    for slug in themes:
        if not isinstance(results.get(slug), str) or not results[slug].strip():
            check.add(f"results {slug}", "is missing; write a short result text for this theme")
    for slug in results:
        if slug not in themes:
            check.add(f"results {slug}", f"{slug!r} is not a theme in themes.yml")
    results = {k: str(v).strip() for k, v in results.items()}
    quiz = Quiz(questions=questions, results=results, support_theme=str(support_theme), **texts)
    return (None if check.problems else quiz), check.problems


def load_quiz(path: Path, display_path: str, themes: Sequence[str]) -> tuple[Quiz | None, list[ContentProblem]]:
    """Read and check the quiz file."""
    data, problems = read_yaml(path, display_path)
    if problems:
        return None, problems
    return quiz_from_data(data, display_path, themes)


TIPS_PER_THEME = 6
EFFORT_ORDER = {"easy": 0, "": 1, "moderate": 2, "deep": 3}


def _tip_entry(tip: Any, site: str) -> dict[str, Any]:
    return {
        "url": f"{site}/{tip.url}",
        "title": tip.title,
        "summary": tip.summary,
        "time": tip.time,
        "effort": tip.effort,
        "minutes": time_minutes(tip.time),
        "lead": tip.main_theme,
        "steps": tip_steps(tip.body_html),
    }


def _theme_tips(catalog: Any, slug: str) -> list[Any]:
    """Tips to recommend for a theme: those it leads first, easiest first, then the rest."""
    led = sorted(catalog.tips_led_by(slug), key=lambda tip: (EFFORT_ORDER.get(tip.effort, 1), tip.title))
    led_slugs = {tip.slug for tip in led}
    others = [tip for tip in catalog.tips_in(slug) if tip.slug not in led_slugs]
    return (led + others)[:TIPS_PER_THEME]


def quiz_page_data(quiz: Quiz, catalog: Any, site: str) -> dict[str, Any]:
    """Everything the quiz script needs, from the quiz file and the built site's content."""
    return {
        "supportTheme": quiz.support_theme,
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "hint": q.hint,
                "answers": [
                    {
                        "id": a.id,
                        "text": a.text,
                        # Pairs, not a mapping: the JSON is written with sorted keys, and the
                        # editor's order of an answer's themes is the quiz's last tie-break.
                        "weights": [[slug, weight] for slug, weight in a.weights.items()],
                        "signals": list(a.signals),
                        "reflection": a.reflection,
                    }
                    for a in q.answers
                ],
            }
            for q in quiz.questions
        ],
        "themes": [
            {
                "slug": theme.slug,
                "name": theme.name,
                "url": f"{site}/{theme.url}",
                "result": quiz.results[theme.slug],
                "tips": [_tip_entry(tip, site) for tip in _theme_tips(catalog, theme.slug)],
                "articles": [
                    {"url": f"{site}/{a.url}", "title": a.title, "summary": str(a.metadata.get("summary", ""))}
                    for a in catalog.articles_in(theme.slug)[:2]
                ],
            }
            for theme in catalog.themes
        ],
    }


def script_safe_json(text: str) -> str:
    """JSON made safe to place inside a <script type="application/json"> element."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
