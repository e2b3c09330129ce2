"""Long lists split into numbered pages, the way Pelican paginates its own index.

Each page of a theme or of the tip index is written with the same names Pelican gives its
templates (``tips_paginator``, ``tips_page``, ``tips_previous_page``, ``tips_next_page``), and
with Pelican's own Paginator, so the URLs follow PAGINATION_PATTERNS: the first page keeps the
list's usual URL, later pages get ``{base_name}/page/{number}/`` with the site's settings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pelican.paginator import Paginator


@dataclass(frozen=True)
class ListPage:
    """One written page of one or more paginated lists, with what its template needs."""

    number: int
    count: int
    save_as: str
    url: str
    values: Mapping[str, Any]


def paginate(
    save_as: str, url: str, lists: Mapping[str, tuple[Sequence[Any], int]], settings: Mapping[str, Any]
) -> list[ListPage]:
    """Split each named list (items, items per page) into pages numbered together.

    Lists may have different lengths: the page count is the longest list's, and a shorter list
    is empty on the pages past its end. Page one is always written, even for empty lists.
    """
    paginators = {
        name: Paginator(save_as, url, list(items), settings, per_page) for name, (items, per_page) in lists.items()
    }
    count = max(paginator.num_pages for paginator in paginators.values())
    lead = max(paginators.values(), key=lambda paginator: paginator.num_pages)
    pages = []
    for number in range(1, count + 1):
        values: dict[str, Any] = {}
        for name, paginator in paginators.items():
            values[f"{name}_paginator"] = paginator
            values[f"{name}_page"] = paginator.page(number) if number <= paginator.num_pages else None
        page = lead.page(number)
        values["list_page"] = page
        values["list_paginator"] = lead
        values["list_previous_page"] = lead.page(number - 1) if number > 1 else None
        values["list_next_page"] = lead.page(number + 1) if number < count else None
        values["list_links"] = page_links(number, count)
        pages.append(ListPage(number, count, page.save_as, page.url, values))
    return pages


def page_links(current: int, count: int, around: int = 2) -> list[int | None]:
    """Page numbers to link from a page: the first, the last and those near the current one.

    ``None`` marks a gap, shown as an ellipsis, so a list of 70 pages shows about nine links.
    A gap of a single page is filled with that page's number instead.
    """
    wanted = {1, count, *range(current - around, current + around + 1)}
    shown = sorted(number for number in wanted if 1 <= number <= count)
    links: list[int | None] = []
    for number in shown:
        if links and number - links[-1] == 2:
            links.append(number - 1)
        elif links and number - links[-1] > 2:
            links.append(None)
        links.append(number)
    return links
