"""axe-core on every page type, light and dark, phone and desktop: no WCAG 2.x A or AA violations."""

from __future__ import annotations

import pytest

from tests.browser.pagetypes import PAGE_TYPES
from tests.paths import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_no_wcag_violations(open_page, site_url, page_type, width, scheme):
    path, ready = PAGE_TYPES[page_type]
    # axe is injected as a script element, which the site's own CSP would rightly refuse.
    page, _ = open_page(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    if ready:
        ready(page)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", WCAG_TAGS)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results["violations"]
    ]
    assert violations == []
