"""filter-count.js in Node: the folded search filters' button text."""

from __future__ import annotations

import pytest

from tests.jsmodule import call_js


@pytest.mark.parametrize(("count", "text"), [(0, ""), (1, "(1 on)"), (9, "(9 on)")])
def test_count_text_says_how_many_are_on_and_nothing_when_none(count, text):
    assert call_js("filter-count.js", "countText", "({count} on)", count) == text
