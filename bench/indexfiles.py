"""The search files each variant writes: the index, the store of result data, the largest file.

* hub: ``search/<hash>/``: the manifest ``index.json``, the term shards ``s*.json`` and the term
  list ``terms.json`` are the index; the display chunks ``d*.json`` the store. A reader fetches
  the manifest, the shards a query needs and the chunks of the results drawn.
* pelican-lunr: one script, ``search/lunr-index.js``; the part before ``lunrDocuments`` is the
  index, the rest the documents.
* Pagefind: ``pagefind-entry.json``, ``*.pf_meta`` and ``index/*.pf_index`` are the index,
  ``fragment/*.pf_fragment`` the store; a reader fetches only the chunks a query needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .builders import LUNR_INDEX_FILE
from .bytesize import FileBytes, wire_size

LUNR_DOCUMENTS_MARKER = b"const lunrDocuments"


@dataclass(frozen=True)
class SearchFiles:
    """Index and store bytes, and the largest single file a reader might fetch, compressed."""

    index: FileBytes
    store: FileBytes
    largest_name: str
    largest_compressed: int


def _largest(paths: list[Path]) -> tuple[str, int]:
    """The name and wire size of the biggest file among ``paths``."""
    sizes = [(wire_size(path.read_bytes()), path.name) for path in paths]
    size, name = max(sizes) if sizes else (0, "")
    return name, size


def hub_search_files(site: Path) -> SearchFiles:
    """Our manifest, shards and term list (index) and display chunks (store)."""
    folder = site / "search"
    index = sorted([*folder.glob("*/index.json"), *folder.glob("*/s*.json"), *folder.glob("*/terms.json")])
    store = sorted(folder.glob("*/d*.json"))
    return SearchFiles(FileBytes.of(index), FileBytes.of(store), *_largest(index + store))


def lunr_search_files(site: Path) -> SearchFiles:
    """pelican-lunr's one script, split where the documents start."""
    script = site / LUNR_INDEX_FILE
    data = script.read_bytes()
    split = data.index(LUNR_DOCUMENTS_MARKER)
    index, store = FileBytes.of_blobs([data[:split]]), FileBytes.of_blobs([data[split:]])
    return SearchFiles(index, store, script.name, wire_size(data))


def pagefind_search_files(site: Path) -> SearchFiles:
    """Pagefind's chunked index and fragments (its runtime JavaScript and wasm not included)."""
    bundle = site / "pagefind"
    index = [
        bundle / "pagefind-entry.json",
        *sorted(bundle.glob("*.pf_meta")),
        *sorted(bundle.glob("index/*.pf_index")),
    ]
    store = sorted(bundle.glob("fragment/*.pf_fragment"))
    return SearchFiles(FileBytes.of(index), FileBytes.of(store), *_largest(index + store))


SEARCH_FILE_READERS = {"hub": hub_search_files, "pelican-lunr": lunr_search_files, "pagefind": pagefind_search_files}


def search_files(variant: str, site: Path) -> SearchFiles | None:
    """The search files of a variant's built site, or None for plain Pelican (no search)."""
    reader = SEARCH_FILE_READERS.get(variant)
    return reader(site) if reader else None
