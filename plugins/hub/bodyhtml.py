"""The HTML of each body checked against an allow-list with nh3, naming what it would remove.

Markdown lets an editor write raw HTML, and the CSP alone does not stop everything (a body
``<meta http-equiv="refresh">`` still redirects). nh3 (the ammonia sanitiser, which parses
HTML as browsers do) decides what is safe. The build compares its output with the body and
stops with the file, the line and what to change, so an editor's words are never dropped
unseen; the body published is nh3's, so nothing it refused can reach a reader either way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser

import nh3

from .problems import ContentProblem

ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("a", "em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q"),
        *("span", "div", "aside", "section", "details", "summary", "figure", "figcaption", "img", "time"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
    }
)
# Python-Markdown's extensions add id and class (attr_list, footnotes, toc), title (abbr,
# footnotes) and style="text-align: ..." on table cells; markdown="1" marks md_in_html blocks.
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open", "markdown"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "aside": {"markdown"},
    "div": {"markdown"},
    "section": {"markdown"},
    "figure": {"markdown"},
}
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
CELL_STYLE = re.compile(r"^text-align:\s*(left|right|center);?$")
ABSOLUTE = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """Rules the allow-lists cannot say: site images only, and only alignment as a style."""
    if tag == "img" and attribute == "src" and ABSOLUTE.match(value):
        return None
    if attribute == "style" and not CELL_STYLE.match(value.strip()):
        return None
    return value


def sanitised(html: str) -> str:
    """The fragment as nh3 would publish it under the hub's allow-list."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


class _StartTags(HTMLParser):
    """Collects every start tag and attribute of a fragment, as plain tuples."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str, str]] = Counter()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def words(self) -> str:
        return " ".join("".join(self.text).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name, value or "")] += 1

    handle_startendtag = handle_starttag


def _start_tags(html: str) -> _StartTags:
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser


def removed_markup(html: str, clean: str | None = None) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) for each element ("" attribute) or attribute nh3 removes from ``html``."""
    before, after = _start_tags(html), _start_tags(sanitised(html) if clean is None else clean)
    removed = [(tag, "", "") for tag in sorted(before.tags - after.tags)]
    gone_tags = {tag for tag, _, _ in removed}
    removed += [key for key in sorted(before.attributes - after.attributes) if key[0] not in gone_tags]
    return removed


def _advice(tag: str, attribute: str, value: str) -> tuple[str, str]:
    """(what to search for in the source, message) for one removal."""
    if not attribute and tag in ALLOWED_TAGS:
        return f"<{tag}", f"<{tag}> is out of place (e.g. a table cell outside a table); fix the HTML around it"
    if not attribute:
        return f"<{tag}", f"<{tag}> is not allowed in a body; remove it or use Markdown instead"
    if attribute.startswith("on"):
        return attribute, f"the {attribute} attribute on <{tag}> runs a script; remove it"
    if attribute in ("href", "src", "cite"):
        return value, (
            f"{value[:60]!r} is not allowed as a {attribute}: links may use https, http, mailto or tel, "
            "and images must come from this site (a {static} or relative link)"
        )
    if attribute == "style":
        return "style", f"the style attribute on <{tag}> is not allowed; the site's stylesheet styles the body"
    return attribute, f"the {attribute} attribute is not allowed on <{tag}>; remove it"


def _line_of(source: str, needle: str) -> str:
    """'line N' of the first source line holding ``needle`` (any case), or 'body'."""
    lowered = needle.lower()
    for number, line in enumerate(source.split("\n"), start=1):
        if lowered and lowered in line.lower():
            return f"line {number}"
    return "body"


def checked_body(html: str, source: Callable[[], str], shown_path: str) -> tuple[str, list[ContentProblem]]:
    """The body as nh3 lets it through, and a problem for each element or attribute it refused.

    The site publishes the sanitised body, so what a browser gets has always passed nh3, even
    where Python's HTML parser and a browser's would read odd markup differently; the problems
    stop the build, so nothing an editor wrote is dropped without a word. Markdown's own output
    passes unchanged, which keeps the check cheap; ``source`` (the file's text, to find lines)
    is read only when something changed.
    """
    clean = sanitised(html)
    if clean == html:
        return html, []
    text = source()
    problems = []
    for tag, attribute, value in removed_markup(html, clean):
        needle, message = _advice(tag, attribute, value)
        problems.append(ContentProblem(shown_path, _line_of(text, needle), message))
    if not problems and _start_tags(html).words() != _start_tags(clean).words():
        # Odd markup a browser reads differently from how it looks, e.g. "<!-->" ending a comment at once.
        problems.append(ContentProblem(shown_path, _line_of(text, _first_change(html, clean)), ODD_MARKUP))
    return clean, problems


ODD_MARKUP = "has HTML that browsers read differently from how it looks (check comments and unclosed tags); simplify it"


def _first_change(html: str, clean: str) -> str:
    """A few characters of the body where nh3's reading first differs, to find its line."""
    at = next((n for n, (a, b) in enumerate(zip(html, clean, strict=False)) if a != b), min(len(html), len(clean)))
    start = html.rfind("\n", 0, at) + 1
    return html[start : start + 20].strip()


def body_html_problems(html: str, source: str, shown_path: str) -> list[ContentProblem]:
    """A problem for each element or attribute of a body that the allow-list refuses."""
    return checked_body(html or "", lambda: source, shown_path)[1]
