"""A synthetic corpus in our content format, the same bytes for the same size and seed.

Tips and articles are made of words drawn from ``bench/wordlist.txt`` (the site's own
vocabulary, frozen, weighted by how often each word occurs), so the index sees a realistic
word distribution. The taxonomy, the quiz and the two standing pages are copied from the
real ``content/`` folder, so the hub's checks run exactly as they do on the real site.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from . import BENCH_DIR, PROJECT_ROOT

REAL_CONTENT = PROJECT_ROOT / "content"
WORD_LIST = BENCH_DIR / "wordlist.txt"
DEFAULT_SEED = 8
SUMMARY_MAX_CHARS = 160
TIP_WORDS = (60, 180)
ARTICLE_WORDS = 800
FIRST_DATE = date(2020, 1, 1)
# Made-up credits for the synthetic corpus, linked to hosts under the reserved .test domain.
SOURCES = (
    "[Dana Reyes, Couples Quarterly](https://couples-quarterly.test/talking)",
    "[Sam Okafor, LMFT, Open Door Counselling](https://open-door.test/repair)",
    "[Priya Natarajan, The Everyday Marriage](https://everyday-marriage.test/time)",
    "[Jonas Berg, Family Matters Weekly](https://family-matters.test/stress)",
    "[Mei Lin, PhD, Relationship Lab](https://relationship-lab.test/novelty)",
    "[Ruth Alvarez, Heart and Home](https://heart-and-home.test/kindness)",
)
EFFORTS = ("easy", "moderate", "deep")
COLD_QUERY_SHARE = 0.05
QUERY_CANDIDATES = (
    "phone",
    "repair",
    "listen",
    "therapy",
    "touch",
    "laugh",
    "chores",
    "stress",
    "money",
    "screens",
    "bids",
)
TIMES = ("5 minutes", "10 minutes", "half an hour", "an evening", "a weekend")


@dataclass(frozen=True)
class CorpusSize:
    """How many articles and tip cards a corpus holds."""

    name: str
    articles: int
    tips: int


SIZES = {
    size.name: size
    for size in (
        CorpusSize("tiny", 3, 12),
        CorpusSize("small", 20, 100),
        CorpusSize("medium", 200, 1000),
        CorpusSize("large", 1000, 5000),
        CorpusSize("xlarge", 4000, 16000),
    )
}


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: its content folder and the slugs it holds."""

    size: CorpusSize
    content: Path
    tip_slugs: tuple[str, ...]
    article_slugs: tuple[str, ...]

    def tip_path(self, slug: str) -> Path:
        """The Markdown file of one tip card."""
        return self.content / "tips" / f"{slug}.md"

    def cold_query(self) -> str:
        """A one-word query found in about COLD_QUERY_SHARE of the documents (at least one).

        Words are spread evenly over a synthetic corpus, so a fixed word would match almost
        nothing at the tiny size and far too much at the large one.
        """
        texts = [path.read_text(encoding="utf-8").lower() for path in self.content.glob("*/*.md")]
        best, best_gap = QUERY_CANDIDATES[0], float("inf")
        for word in QUERY_CANDIDATES:
            pattern = re.compile(rf"\b{word}\b")
            share = sum(1 for text in texts if pattern.search(text)) / max(1, len(texts))
            if share and abs(share - COLD_QUERY_SHARE) < best_gap:
                best, best_gap = word, abs(share - COLD_QUERY_SHARE)
        return best


class TextMaker:
    """Sentences, paragraphs and titles from the weighted word list, driven by one seeded RNG."""

    def __init__(self, rng: random.Random, words: list[str], weights: list[int]):
        self.rng = rng
        self.words = words
        self.cumulative = _cumulative(weights)

    def words_of(self, count: int) -> list[str]:
        """``count`` words drawn by frequency."""
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int = 6, high: int = 16) -> str:
        """One sentence, capitalised, ending with a full stop."""
        text = " ".join(self.words_of(self.rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    def paragraph(self, word_budget: int) -> str:
        """Sentences adding up to about ``word_budget`` words."""
        sentences, used = [], 0
        while used < word_budget:
            sentence = self.sentence(low=5, high=min(16, max(5, word_budget - used)))
            sentences.append(sentence)
            used += len(sentence.split())
        return " ".join(sentences)

    def title(self, low: int = 3, high: int = 7) -> str:
        """A short title in sentence case, without the final full stop."""
        return self.sentence(low, high)[:-1]

    def summary(self) -> str:
        """One sentence of at most SUMMARY_MAX_CHARS characters."""
        text = self.sentence(8, 22)
        while len(text) > SUMMARY_MAX_CHARS:
            text = text[: text[:-1].rindex(" ")] + "."
        return text


def _cumulative(weights: list[int]) -> list[int]:
    """Running totals, for random.choices(cum_weights=...)."""
    total, running = 0, []
    for weight in weights:
        total += weight
        running.append(total)
    return running


def load_word_list(path: Path = WORD_LIST) -> tuple[list[str], list[int]]:
    """Read ``word count`` lines; lines starting with # are comments."""
    words, weights = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, count = line.split()
            words.append("I" + word[1:] if word == "i" or word.startswith("i'") else word)
            weights.append(int(count))
    return words, weights


def real_theme_slugs(content: Path = REAL_CONTENT) -> list[str]:
    """The theme slugs of the real taxonomy, in order."""
    return [entry["slug"] for entry in yaml.safe_load((content / "themes.yml").read_text(encoding="utf-8"))]


def slug_from(title: str, number: int, prefix: str) -> str:
    """A unique, readable slug: e.g. ``tip-00042-talk-about-your-week``."""
    words = ["".join(ch for ch in word.lower() if ch.isalnum()) for word in title.split()[:4]]
    return "-".join([prefix, f"{number:05d}", *[word for word in words if word]])


def _metadata(maker: TextMaker, title: str, themes: list[str], day: date, extra: dict[str, str]) -> str:
    """The metadata lines at the top of a tip or article file."""
    lines = {
        "Title": title,
        "Date": day.isoformat(),
        "Themes": ", ".join(themes),
        "Summary": maker.summary(),
        "Source": "; ".join(maker.rng.sample(SOURCES, maker.rng.randint(1, 2))),
        "Reviewed": day.isoformat(),
        **extra,
    }
    return "\n".join(f"{key}: {value}" for key, value in lines.items())


def tip_text(maker: TextMaker, title: str, themes: list[str], day: date) -> str:
    """One tip card: what to do, why it helps and a short list, 60 to 180 words of body."""
    rng = maker.rng
    extra = {"Time": rng.choice(TIMES), "Effort": rng.choice(EFFORTS)}
    budget = rng.randint(TIP_WORDS[0] + 10, TIP_WORDS[1] - 30)
    steps = [maker.sentence(4, 8) for _ in range(3)]
    step_words = sum(len(step.split()) for step in steps)
    opening = maker.paragraph(max(20, (budget - step_words) * 2 // 3))
    why = maker.paragraph(max(10, budget - step_words - len(opening.split())))
    body = "\n\n".join([opening, "## Why it helps", why, "## Start tonight", "\n".join(f"- {s}" for s in steps)])
    return f"{_metadata(maker, title, themes, day, extra)}\n\n{body}\n"


def article_text(maker: TextMaker, title: str, themes: list[str], day: date, linked_tips: list[str]) -> str:
    """One article of about ARTICLE_WORDS words: sections, links to tips, a "Try this week" box."""
    rng = maker.rng
    parts = [maker.paragraph(70), maker.paragraph(60)]
    for section in range(4):
        parts.append(f"## {maker.title(2, 5)}")
        parts += [maker.paragraph(rng.randint(40, 60)) for _ in range(3)]
        if section < len(linked_tips):
            parts.append(f"See also [{maker.title(2, 4).lower()}]({{filename}}/tips/{linked_tips[section]}.md).")
    steps = "\n".join(f"- {maker.sentence(5, 10)}" for _ in range(3))
    parts.append(f'<aside class="try-this-week" markdown="1">\n\n## Try this week\n\n{steps}\n\n</aside>')
    return f"{_metadata(maker, title, themes, day, {})}\n\n" + "\n\n".join(parts) + "\n"


def _copy_real_files(content: Path) -> None:
    """Copy the taxonomy, the quiz, the data files and the standing pages from the real content folder."""
    (content / "pages").mkdir(parents=True)
    for name in ("themes.yml", "helplines.yml", "safety-words.yml", "search-words.yml"):
        shutil.copyfile(REAL_CONTENT / name, content / name)
    shutil.copytree(REAL_CONTENT / "quiz", content / "quiz")
    for page in ("safety.md", "about.md"):
        shutil.copyfile(REAL_CONTENT / "pages" / page, content / "pages" / page)


def _write_items(content: Path, folder: str, items: list[tuple[str, str]]) -> tuple[str, ...]:
    """Write (slug, text) pairs as ``<folder>/<slug>.md``; return the slugs."""
    (content / folder).mkdir(parents=True)
    for slug, text in items:
        (content / folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return tuple(slug for slug, _ in items)


def generate_corpus(size: CorpusSize, target: Path, seed: int = DEFAULT_SEED) -> Corpus:
    """Write a fresh corpus into ``target/content`` (replacing any old one) and describe it."""
    content = target / "content"
    shutil.rmtree(content, ignore_errors=True)
    _copy_real_files(content)
    words, weights = load_word_list()
    themes = real_theme_slugs()
    tips = []
    for number in range(size.tips):
        maker = TextMaker(random.Random(f"{seed}:tip:{number}"), words, weights)
        title = maker.title()
        chosen = maker.rng.sample(themes, maker.rng.randint(1, 3))
        tips.append(
            (slug_from(title, number, "tip"), tip_text(maker, title, chosen, FIRST_DATE + timedelta(days=number)))
        )
    tip_slugs = _write_items(content, "tips", tips)
    articles = []
    for number in range(size.articles):
        maker = TextMaker(random.Random(f"{seed}:article:{number}"), words, weights)
        title = maker.title()
        chosen = maker.rng.sample(themes, maker.rng.randint(1, 3))
        linked = maker.rng.sample(tip_slugs, min(2, len(tip_slugs)))
        day = FIRST_DATE + timedelta(days=number)
        articles.append((slug_from(title, number, "article"), article_text(maker, title, chosen, day, linked)))
    return Corpus(size, content, tip_slugs, _write_items(content, "articles", articles))
