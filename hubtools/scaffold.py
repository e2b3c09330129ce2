"""New tips and articles from a template with every field of the content contract present."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

TIP_TEMPLATE = """Title: {title}
Themes: {themes}
Summary: Say in one short sentence what this tip helps a couple do.
Source: [Expert name, “Page title”, Outlet, year](https://example.org/the-page-you-read)
Reviewed: {date}
Time: 10 minutes
Effort: easy
Status: draft

Start with what to do. Say it in plain words, as if you were talking to a friend. Keep each
sentence short. Name one small thing the two of you can try tonight or this week.

## Why it helps

Say in two or three short lines why this small step can help a couple who feel stuck.
Credit the idea in the Source line above: link the page you read.

## Start tonight

- Write the first small step here.
- Write a second step here.
- Remove the Status line when the tip is ready to publish.
"""

ARTICLE_TEMPLATE = """Title: {title}
Date: {date}
Themes: {themes}
Summary: Say in one short sentence what a reader will take from this article.
Source: [Expert name, “Page title”, Outlet, year](https://example.org/the-page-you-read); [Second expert, “Page title”, Outlet](https://example.org/another-page)
Reviewed: {date}
Status: draft

Open with a short paragraph that speaks to a reader who feels stuck. Use "you" and "your
partner". Keep sentences short and words plain.

## A first section

Write 700 to 1,200 words in all, in short sections like this one. Give ideas a couple can
act on this week. Credit each idea in the Source line. No promises, no shame.

<aside class="try-this-week" markdown="1">

## Try this week

- One small, concrete action.
- Another one.
- Remove the Status line when the article is ready to publish.

</aside>
"""


class ScaffoldError(ValueError):
    """The new file cannot be created: unknown themes, or the slug is taken."""


def slugify(title: str) -> str:
    """A URL slug from a title, as Pelican makes slugs: "Café date night" is cafe-date-night."""
    return pelican_slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def new_content_file(
    kind: str, title: str, themes: Sequence[str], known: Collection[str], content: Path, date: str
) -> Path:
    """Create ``content/<kind>s/<slug>.md`` as a draft; refuse unknown themes and taken slugs."""
    unknown = [slug for slug in themes if slug not in known]
    if unknown or not 1 <= len(themes) <= 3:
        raise ScaffoldError(
            f"give 1 to 3 themes from themes.yml ({', '.join(sorted(known))}); unknown: {', '.join(unknown) or 'none'}"
        )
    slug = slugify(title)
    if not slug:
        raise ScaffoldError("the title needs at least one letter or digit")
    path = content / f"{kind}s" / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; choose another title")
    template = TIP_TEMPLATE if kind == "tip" else ARTICLE_TEMPLATE
    path.write_text(template.format(title=title, themes=", ".join(themes), date=date), encoding="utf-8")
    return path
