"""The hub's Pelican generator: reads tip cards and themes, then writes their pages.

Tips are read by this generator, not as Pelican articles with their own template. Articles
are dated blog posts: they would need a date, land in the article feed, the archives and the
home page's list, and Pelican would paginate and categorise them. A generator of our own
reads ``content/tips/`` with Pelican's readers (so Markdown, metadata and ``{filename}`` links
behave exactly as for articles), validates every card, and writes tips to their own URLs and
their own feed, without replacing Pelican's writer.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

from pelican.generators import CachingGenerator
from pelican.writers import Writer

from .catalog import HubCatalog, build_catalog
from .dangerwords import load_danger_words
from .forked import ForkedCall, can_fork
from .helplines import load_helplines
from .links import broken_links
from .markdownreader import ReusingMarkdownReader
from .metadata import check_metadata, duplicate_slug_problems, search_words, split_list
from .pagination import paginate
from .problems import ContentProblem, raise_if_any
from .quiz import Quiz, load_quiz, quiz_page_data, script_safe_json
from .search_index import MANIFEST_NAME, SearchFiles, build_search_files, document_for, search_folder, to_json_bytes
from .searchwords import SearchWords, load_search_words
from .settings import hub_settings
from .sitefiles import web_manifest
from .slugs import reserved_slugs, slug_problems
from .themes import Theme, load_themes
from .tipcards import Tip, tip_card_from_content, tip_groups
from .tipsfeed import tips_feed
from .urls import hub_urls
from .vendor import copy_vendor_files, missing_vendor_files


class HubGenerator(CachingGenerator):
    """Reads tip cards and the theme taxonomy; writes tip, tip-index and theme pages.

    A CachingGenerator, so with CACHE_CONTENT and LOAD_CONTENT_CACHE unchanged tips are
    not parsed again, as Pelican does for articles and pages.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["settings"] = hub_settings(kwargs["settings"])
        super().__init__(*args, **kwargs)
        for key, value in self.settings.items():
            if key.startswith("HUB_"):
                self.context.setdefault(key, value)
        self.urls = hub_urls(self.settings)
        self.context["hub_urls"] = self.urls
        self.node_modules = Path(self.settings["HUB_NODE_MODULES"])
        if not self.node_modules.is_absolute():
            self.node_modules = Path(self.path).parent / self.node_modules
        self.search_job: ForkedCall[SearchFiles] | None = None
        self.tip_files = sorted(self.get_files(self.settings["HUB_TIPS_DIR"], extensions=self.readers.extensions))
        self.converting = self._convert_tips_ahead()
        self.pages_job: ForkedCall[None] | None = None
        self._display_paths: dict[str, str] = {}
        self.themes: tuple[Theme, ...] = ()
        self.tip_contents: list[Tip] = []
        self.tip_drafts: list[Tip] = []
        self.problems: list[ContentProblem] = []
        self.catalog: HubCatalog | None = None
        self.quiz: Quiz | None = None
        self.search_words: SearchWords | None = None

    def _display_path(self, relative: str) -> str:
        """Path shown to editors: from the project folder, e.g. content/tips/x.md."""
        # Asked for several times per item (reading, each check); relpath is not cheap.
        if relative not in self._display_paths:
            self._display_paths[relative] = os.path.relpath(
                os.path.join(self.path, relative), os.path.dirname(self.path)
            )
        return self._display_paths[relative]

    def generate_context(self) -> None:
        """Read the taxonomy and every tip card; problems are kept for finalize()."""
        themes_file = self.settings["HUB_THEMES_FILE"]
        self.themes, self.problems = load_themes(
            Path(self.path, themes_file), self._display_path(themes_file), self.settings["HUB_THEME_URL"]
        )
        if self.converting is not None:
            for extension, converted in self.converting.result().items():
                self.readers.readers[extension].converted.update(converted)
        for relative in self.tip_files:
            self._read_tip(relative)
        self.save_cache()
        self.readers.save_cache()
        quiz_file = self.settings["HUB_QUIZ_FILE"]
        self.quiz, quiz_problems = load_quiz(
            Path(self.path, quiz_file), self._display_path(quiz_file), [theme.slug for theme in self.themes]
        )
        self.problems += quiz_problems if self.themes else []
        self._read_safety_files()
        words_file = self.settings["HUB_SEARCH_WORDS_FILE"]
        self.search_words, problems = load_search_words(Path(self.path, words_file), self._display_path(words_file))
        self.problems += problems

    def _convert_tips_ahead(self) -> ForkedCall[dict] | None:
        """Start converting every tip's Markdown in a forked process, while Pelican reads the articles.

        Only where a second process can run (hub.forked), and not when Pelican's content cache
        would give most tips without converting them.
        """
        cached = self.settings.get("CACHE_CONTENT") and self.settings.get("LOAD_CONTENT_CACHE")
        if not self.settings["HUB_PARALLEL_BUILD"] or cached or not can_fork():
            return None
        by_extension: dict[str, list[str]] = {}
        for relative in self.tip_files:
            extension = relative.rpartition(".")[2]
            if isinstance(self.readers.readers.get(extension), ReusingMarkdownReader):
                by_extension.setdefault(extension, []).append(os.path.abspath(os.path.join(self.path, relative)))

        def convert() -> dict[str, dict]:
            return {ext: self.readers.readers[ext].convert_ahead(paths) for ext, paths in by_extension.items()}

        return ForkedCall(convert)

    def _read_safety_files(self) -> None:
        """Helplines and danger words: every page's safety bar, search panel and the quiz use them."""
        helplines_file = self.settings["HUB_HELPLINES_FILE"]
        helplines, problems = load_helplines(Path(self.path, helplines_file), self._display_path(helplines_file))
        words_file = self.settings["HUB_SAFETY_WORDS_FILE"]
        danger, more = load_danger_words(Path(self.path, words_file), self._display_path(words_file))
        self.problems += problems + more
        self.context["hub_helplines"] = helplines
        self.context["hub_danger_words"] = danger

    def _read_tip(self, relative: str) -> None:
        """Read one tip file, recording a problem instead of stopping at the first bad file."""
        shown = self._display_path(relative)
        if not Path(self.path, relative).read_bytes().strip():
            self.problems.append(ContentProblem(shown, "", "is empty; write the tip or delete the file"))
            return
        try:
            tip = self.readers.read_file(base_path=self.path, path=relative, content_class=Tip, context=self.context)
        except UnicodeDecodeError:
            self.problems.append(ContentProblem(shown, "", "is not UTF-8 text; save it as UTF-8"))
            return
        except Exception as error:  # a reader failure names the file; the message says why
            self.problems.append(ContentProblem(shown, "", f"could not be read ({error}); check its metadata lines"))
            return
        if tip.status == "draft":
            self.tip_drafts.append(tip)
            return
        self.add_source_path(tip)
        self.tip_contents.append(tip)

    def finalize(
        self, articles: list[Any], pages: list[Any], drafts: tuple[list[Any], list[Any]] = ([], [])
    ) -> HubCatalog:
        """Check everything (drafts too), build the catalog and share it with every template."""
        if not self.themes:  # the themes file's own problem, without every item's theme check failing after it
            raise_if_any(self.problems)
        known = {theme.slug for theme in self.themes}
        draft_articles, draft_pages = drafts
        problems = list(self.problems)
        problems += self._metadata_problems([*self.tip_contents, *self.tip_drafts], "tip", known)
        problems += self._metadata_problems([*articles, *draft_articles], "article", known)
        problems += self._metadata_problems([*pages, *draft_pages], "page", known)
        problems += self._link_problems([*self.tip_contents, *articles, *pages])
        problems += self._body_problems([*self.tip_contents, *self.tip_drafts, *articles, *draft_articles])
        problems += self._body_problems([*pages, *draft_pages])
        problems += missing_vendor_files(self.node_modules)
        raise_if_any(problems)
        tips = [tip_card_from_content(tip, self._display_path(tip.relative_source_path)) for tip in self.tip_contents]
        self.catalog = build_catalog(self.themes, tips, articles, self.settings["HUB_RELATED_COUNT"], pages=pages)
        self.context["hub"] = self.catalog
        # Standing pages by slug, so templates link to /safety/ and /about/ through PAGE_URL.
        self.context["hub_page_urls"] = {page.slug: page.url for page in pages}
        self._prepare_search(articles, pages)
        # Every page's content is read: the hub's pages can be written now, beside Pelican's.
        self.pages_job = ForkedCall(self._write_hub_pages, fork=self.settings["HUB_PARALLEL_BUILD"])
        return self.catalog

    def _prepare_search(self, articles: list[Any], pages: list[Any]) -> None:
        """Start building the search files, and name them now so every page written later links them."""
        site = self.settings["SITEURL"]
        docs = [
            document_for(
                f"{site}/{tip.url}",
                tip.title,
                "tip",
                tip.themes,
                tip.summary,
                tip.body_html,
                tip.search,
                tip.search_words,
            )
            for tip in self.catalog.tips
        ]
        published_pages = [page for page in pages if page.status == "published"]
        for kind, items in (("article", articles), ("page", published_pages)):
            docs += [
                document_for(
                    f"{site}/{item.url}",
                    item.title,
                    kind,
                    split_list(item.metadata.get("themes")),
                    str(item.metadata.get("summary", "")),
                    item.content,
                    str(item.metadata.get("search", "")).strip(),
                    search_words(item.metadata),
                )
                for item in items
            ]
        names = {theme.slug: theme.name for theme in self.themes}
        docs = [doc for doc in docs if doc]
        words = self.search_words.to_data()
        single_file_max = self.settings["HUB_SEARCH_SINGLE_FILE_MAX_BYTES"]
        search_dir = search_folder(docs, names, words, single_file_max)
        self.search_job = ForkedCall(
            partial(build_search_files, docs, names, words, single_file_max=single_file_max),
            fork=self.settings["HUB_PARALLEL_BUILD"],
        )
        folder = f"{site}/{self.settings['HUB_SEARCH_DIR']}"
        self.context["hub_search"] = {"index_url": f"{folder}/{search_dir}/{MANIFEST_NAME}"}

    def _link_problems(self, items: list[Any]) -> list[ContentProblem]:
        """Check every {filename} and {static} link before Pelican quietly skips a broken one."""
        known = set(self.context["generated_content"]) | set(self.context["static_content"])
        known |= {str(path.relative_to(self.path)) for path in Path(self.path).rglob("*") if path.is_file()}
        problems = []
        for item in items:
            source = item.relative_source_path
            problems += broken_links(source, self._display_path(source), item._content, known)
        return problems

    def _body_problems(self, items: list[Any]) -> list[ContentProblem]:
        """What nh3 refused in each body, found as the item was created (hub.sanitise_body)."""
        return [problem for item in items for problem in getattr(item, "hub_body_problems", ())]

    def _metadata_problems(self, items: list[Any], kind: str, known: set[str]) -> list[ContentProblem]:
        """Check each item's metadata and slug, and that no two items of a kind share a slug."""
        problems = []
        for item in items:
            problems += check_metadata(item.metadata, self._display_path(item.relative_source_path), kind, known)
        pairs = [(str(item.slug or ""), self._display_path(item.relative_source_path)) for item in items]
        reserved = reserved_slugs(self.settings) if kind == "page" else ()
        return problems + slug_problems(pairs, reserved) + duplicate_slug_problems(pairs, kind)

    def generate_output(self, writer: Any) -> None:
        """Wait for the hub's pages and the search files (see finalize); write the site files."""
        if self.catalog is None:  # finalize() did not run: Pelican stopped earlier
            return
        self.pages_job.result()
        self._write_site_files()
        self._write_search_files()  # last, so the index has had the most time

    def _write_hub_pages(self) -> None:
        """Write every tip page, the tip index, the theme index, one page per theme and the quiz."""
        catalog = self.catalog
        write = self._writer_for(Writer(self.output_path, settings=self.settings))
        for tip in catalog.tips:
            write(self.settings["TIP_SAVE_AS"].format(slug=tip.slug), "tip", tip.url, tip=tip)
        self._write_tip_index(write)
        write(self.settings["HUB_THEMES_INDEX_SAVE_AS"], "themes", self.urls["themes"])
        for theme in catalog.themes:
            self._write_theme(write, theme)
        quiz_json = to_json_bytes(quiz_page_data(self.quiz, catalog, self.settings["SITEURL"])).decode("utf-8")
        write(
            self.settings["HUB_QUIZ_SAVE_AS"],
            "quiz",
            self.urls["quiz"],
            quiz=self.quiz,
            quiz_json=script_safe_json(quiz_json),
        )

    def _write_tip_index(self, write: Any) -> None:
        """The tip index, in pages of HUB_TIPS_INDEX_PER_PAGE tips grouped by their main theme."""
        catalog = self.catalog
        tips = [tip for theme in catalog.themes for tip in catalog.tips_led_by(theme.slug)]
        save_as = self.settings["HUB_TIPS_INDEX_SAVE_AS"]
        lists = {"tips": (tips, self.settings["HUB_TIPS_INDEX_PER_PAGE"])}
        for page in paginate(save_as, self.urls["tips"], lists, self.settings):
            groups = tip_groups(catalog.themes, page.values["tips_page"].object_list)
            write(page.save_as, "tips", page.url, tip_groups=groups, **page.values)

    def _write_theme(self, write: Any, theme: Theme) -> None:
        """One theme's pages: its tips and articles, a fixed number of each per page."""
        lists = {
            "tips": (self.catalog.tips_in(theme.slug), self.settings["HUB_THEME_TIPS_PER_PAGE"]),
            "articles": (self.catalog.articles_in(theme.slug), self.settings["HUB_THEME_ARTICLES_PER_PAGE"]),
        }
        save_as = self.settings["HUB_THEME_SAVE_AS"].format(slug=theme.slug)
        for page in paginate(save_as, theme.url, lists, self.settings):
            write(page.save_as, "theme", page.url, theme=theme, **page.values)

    def _write_site_files(self) -> None:
        """Write the tips feed (when configured) and the web app manifest."""
        out = Path(self.output_path)
        feed_path = self.settings["HUB_TIPS_FEED_ATOM"]
        if feed_path:
            feed = tips_feed(
                self.catalog.tips,
                self.settings["FEED_DOMAIN"] or self.settings["SITEURL"],
                self.settings["SITENAME"],
                self.urls["tips"],
                feed_path,
                self.settings["HUB_TIPS_DEFAULT_DATE"],
            )
            (out / feed_path).parent.mkdir(parents=True, exist_ok=True)
            (out / feed_path).write_text(feed, encoding="utf-8")
        icon = f"{self.settings['THEME_STATIC_DIR']}/img/favicon.svg"
        manifest = web_manifest(
            self.settings["SITENAME"], self.settings["SITENAME"], self.settings.get("SITE_DESCRIPTION", ""), icon
        )
        (out / self.settings["HUB_MANIFEST_SAVE_AS"]).write_text(manifest, encoding="utf-8")
        copy_vendor_files(self.node_modules, Path(self.output_path, self.settings["THEME_STATIC_DIR"]))

    def _write_search_files(self) -> None:
        """Write the manifest, shards and chunks into this build's hashed folder."""
        files = self.search_job.result()
        folder = Path(self.output_path, self.settings["HUB_SEARCH_DIR"], files.folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.files:
            (folder / name).write_bytes(data)

    def _writer_for(self, writer: Any):
        """Return a function that renders one template to one output file."""

        def write(save_as: str, template: str, url: str, **values: Any) -> None:
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_url=url,
                **values,
            )

        return write
