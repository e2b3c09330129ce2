"""The real content meets the editorial standards: metadata, coverage, length, reading level, originality."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hub.sources import parse_source_link, reviewed_day
from hub.themes import load_themes

from hubtools.editorial import content_reader, read_item, visible_text
from hubtools.readability import flesch_reading_ease
from tests.sitefacts import REQUIRED_THEME_SLUGS

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"
ORIGINALITY = ROOT.parent / "shared" / "tools" / "originality.py"
THEMES = [theme.slug for theme in load_themes(CONTENT / "themes.yml", "content/themes.yml", "themes/{slug}/")[0]]
# The same reader, extensions and metadata rules as the build (and `invoke check`).
READER = content_reader(ROOT / "pelicanconf.py")
TIPS = sorted((CONTENT / "tips").glob("*.md"))
ARTICLES = sorted((CONTENT / "articles").glob("*.md"))


def read(path: Path) -> tuple[dict, str]:
    """Metadata (lower-case keys) and rendered HTML body of a content file, read as the build reads it."""
    return read_item(READER, path)


def themes_of(path: Path) -> list[str]:
    return [slug.strip() for slug in read(path)[0]["themes"].split(",")]


def test_the_required_themes_exist_with_their_exact_slugs():
    assert set(THEMES) >= set(REQUIRED_THEME_SLUGS)


def test_there_are_enough_tips_and_articles():
    assert len(TIPS) >= 100, f"{len(TIPS)} tips; the site needs at least 100"
    assert len(ARTICLES) >= 16, f"{len(ARTICLES)} articles; the site needs at least 16"


@pytest.mark.parametrize("path", TIPS + ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_required_metadata(path):
    meta, _ = read(path)
    for field in ("title", "themes", "summary", "source", "reviewed"):
        assert meta.get(field), f"{path.name}: {field}"
    assert len(meta["summary"]) <= 160
    assert 1 <= len(themes_of(path)) <= 3
    assert set(themes_of(path)) <= set(THEMES)


def test_each_theme_has_at_least_eight_tips_and_one_article():
    tips = Counter(slug for path in TIPS for slug in themes_of(path))
    articles = Counter(slug for path in ARTICLES for slug in themes_of(path))
    short = {slug: (tips[slug], articles[slug]) for slug in THEMES if tips[slug] < 8 or articles[slug] < 1}
    assert not short, f"themes short of 8 tips or 1 article (tips, articles): {short}"


@pytest.mark.parametrize("path", TIPS + ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_source_is_a_link_and_the_review_date_is_real(path):
    meta, _ = read(path)
    entries = [entry.strip() for entry in meta["source"].split(";") if entry.strip()]
    assert entries, f"{path.name}: no sources"
    links = [parse_source_link(entry) for entry in entries]
    assert all(links), f"{path.name}: not every source is [credit](https://...): {entries}"
    assert not any("example." in link.url for link in links), f"{path.name}: placeholder source"
    assert reviewed_day(meta["reviewed"]), f"{path.name}: Reviewed {meta['reviewed']!r} is not YYYY-MM-DD"


@pytest.mark.parametrize("path", TIPS + ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_unsigned_page_is_never_the_only_source(path):
    meta, _ = read(path)
    links = [parse_source_link(entry) for entry in meta["source"].split(";") if entry.strip()]
    # An unsigned page is credited by its title and outlet, so its credit opens with the title's quote mark.
    assert not (len(links) == 1 and links[0].credit.startswith("“")), f"{path.name}: add a second source"


@pytest.mark.parametrize("path", TIPS, ids=lambda p: p.name)
def test_tip_length_and_reading_level(path):
    text = visible_text(read(path)[1])
    assert 60 <= len(text.split()) <= 180
    assert flesch_reading_ease(text) >= 60


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_article_length_box_sources_and_reading_level(path):
    meta, body = read(path)
    text = visible_text(body)
    assert 700 <= len(text.split()) <= 1200
    assert flesch_reading_ease(text) >= 60
    assert re.search(r'<aside class="try-this-week">\s*<h2[^>]*>Try this week</h2>', body)
    assert meta.get("date")


def test_the_safety_page_uses_its_template_and_leaves_numbers_to_helplines_yml():
    meta, body = read(CONTENT / "pages" / "safety.md")
    assert meta["slug"] == "safety" and meta["template"] == "safety"
    # One source of truth: every number comes from content/helplines.yml through the template.
    assert not re.search(r"\d{3}[ -]?\d{3}[ -]?\d{3,4}|\b(?:911|999|112|000)\b", body)
    assert "counsel" in body.lower()


def test_the_about_page_covers_what_the_hub_is_not_and_privacy():
    _, body = read(CONTENT / "pages" / "about.md")
    lowered = body.lower()
    for phrase in ("not therapy", "cookie", "diagnos"):
        assert phrase in lowered, phrase


def test_no_seed_sentences_are_reused():
    if not SEEDS.is_dir() or not ORIGINALITY.is_file():
        pytest.skip(f"originality check skipped: the source articles are not at {SEEDS}")
    done = subprocess.run(
        [sys.executable, str(ORIGINALITY), "content", "theme"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
