"""Pelican settings for local work: build with `invoke build`, serve with `invoke serve`."""

from jinja2 import FileSystemBytecodeCache

AUTHOR = "Rut to Groove"
SITENAME = "Rut to Groove"
SITE_TAGLINE = "Practical, kind ideas for couples who feel stuck"
SITE_DESCRIPTION = (
    "Short, practical tips and articles for couples in a relationship rut, "
    "a quiz that points you to what fits, and search by theme. Free, private, no tracking."
)
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["hub"]

# Where content lives. Tip cards (content/tips) are read by the hub plugin, not as articles.
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
SLUGIFY_SOURCE = "basename"
# Hidden, backup and lock files are neither read nor published. Pelican matches these against
# bare file and folder names, so its default "**/.*" matches nothing (hub.sourcefiles.IGNORED_NAMES).
IGNORE_FILES = [".*", "*~", "#*#", ".#*", "*.swp", "*.bak", "*.orig"]
FORMATTED_FIELDS = []  # summaries stay plain text; templates escape them

# Fixed, pretty URLs: search, the quiz and outside links depend on them.
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TIP_URL = "tips/{slug}/"
TIP_SAVE_AS = "tips/{slug}/index.html"
DIRECT_TEMPLATES = ["index", "archives", "search", "404"]
ARCHIVES_URL = "articles/"
ARCHIVES_SAVE_AS = "articles/index.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"

# Pages Pelican makes by default that the hub does not use: themes replace categories and tags.
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Every article gets one fixed category: Pelican's draft writer expects one even though
# category pages are not written.
DEFAULT_METADATA = {"category": "articles"}
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DEFAULT_PAGINATION = False
# Theme pages and the tip index are split into pages (see HUB_*_PER_PAGE): the first page keeps
# its URL, later ones are /themes/repair/page/2/ and so on.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# No feeds while writing locally; publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
HUB_TIPS_FEED_ATOM = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.md_in_html": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# Autoescape everything; templates mark trusted, rendered HTML with |safe. Compiled templates
# are kept in Jinja's bytecode cache (a folder in the system's temp directory, keyed by each
# template's path and source), so rebuilds do not compile them again.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "bytecode_cache": FileSystemBytecodeCache(),
}

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
