"""Pelican's Markdown reader, with one Markdown converter per reader instead of one per file.

Pelican builds a new ``markdown.Markdown`` for every file, loading every extension again: on a
site of thousands of tips that set-up costs about a tenth of the build. A converter can be
reused once ``reset()`` clears what the last document left (footnotes, abbreviations, the
table of contents, the metadata), which is how Python-Markdown's own docs say to convert many
documents. The HTML is the same byte for byte (tests/hub/test_markdownreader.py compares it
with Pelican's reader on every file of the real content).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class ReusingMarkdownReader(MarkdownReader):
    """MarkdownReader that converts every file with the same two converters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._body_md: Markdown | None = None
        self._fields_md: Markdown | None = None
        # Files converted ahead of time, by path (see convert_ahead); read() takes them from here.
        self.converted: dict[str, tuple[str, dict[str, Any]]] = {}

    def convert_ahead(self, paths: Iterable[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """What read() gives for each file, by path; a file that fails is left for read() to report.

        Run in a forked process (hub.forked) while Pelican reads the articles; the result,
        put in ``converted``, makes reading the tips later cheap.
        """
        done = {}
        for path in paths:
            try:
                done[path] = self.read(path)
            except Exception:  # read() raises it again, in the build, where it is reported
                continue
        return done

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Parse content and metadata, as MarkdownReader.read does."""
        if source_path in self.converted:
            return self.converted.pop(source_path)
        self._source_path = source_path
        if self._body_md is None:
            self._body_md = Markdown(**self.settings["MARKDOWN"])
        body_md = self._body_md
        body_md.reset()
        with pelican_open(source_path) as text:
            content = body_md.convert(text)
        meta = getattr(body_md, "Meta", None)
        if meta is None:
            return content, {}
        # Formatted fields (the summary) are converted by a second converter: Pelican's
        # _parse_metadata removes the metadata preprocessor from the one it is given, and the
        # body converter must keep it for the next file.
        self._md = self._fields_converter()
        return content, self._parse_metadata(meta)

    def _fields_converter(self) -> Markdown:
        """The converter for formatted fields, with the metadata preprocessor back in place."""
        if self._fields_md is None:
            self._fields_md = Markdown(**self.settings["MARKDOWN"])
            self._meta_preprocessor = self._fields_md.preprocessors["meta"]
            self._meta_priority = next(
                item.priority for item in self._fields_md.preprocessors._priority if item.name == "meta"
            )
        elif "meta" not in self._fields_md.preprocessors:
            self._fields_md.preprocessors.register(self._meta_preprocessor, "meta", self._meta_priority)
        return self._fields_md


def use_reusing_reader(readers: Any) -> None:
    """readers_init receiver: read Markdown files with ReusingMarkdownReader."""
    for extension in ReusingMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader
