"""Reference search data for the parity tests: documents from Markdown, lunr.py's own index, files on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import markdown
from hub.search_index import (
    BOOSTED_ITEM_WEIGHT,
    FIELDS,
    SearchDocument,
    build_search_files,
    document_for,
    field_words,
    ordered,
)
from lunr import lunr
from lunr.builder import Builder
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

DRIVER = Path(__file__).resolve().parent / "theme" / "engine_driver.mjs"


def run_driver(folder: Path, searches: list) -> list[dict]:
    """Run searches ([text, [themes]]) through search-engine.js in Node over a folder of search files."""
    node = shutil.which("node")
    done = subprocess.run([node, str(DRIVER), str(folder), json.dumps(searches)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def documents_from(content: Path) -> list[SearchDocument]:
    """One search document per Markdown file under content/ (tips, articles, pages), read simply."""
    docs = []
    for path in sorted(content.rglob("*.md")):
        if path.name == "README.md":
            continue
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        meta = {
            key.strip().lower(): value.strip() for key, _, value in (line.partition(":") for line in head.splitlines())
        }
        kind = {"tips": "tip", "articles": "article"}.get(path.parent.name, "page")
        themes = [theme.strip() for theme in meta.get("themes", "").split(",") if theme.strip()]
        doc = document_for(
            f"/{path.parent.name}/{path.stem}/",
            meta.get("title", path.stem),
            kind,
            themes,
            meta.get("summary", ""),
            markdown.markdown(body),
            meta.get("search", ""),
            [entry.strip() for entry in meta.get("search_words", "").split(",") if entry.strip()],
        )
        if doc:
            docs.append(doc)
    return docs


def lunr_py_index(documents: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """One lunr.py index over the same fields, words and boosts: what the sharded index must equal."""
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    rows = []
    for ref, doc in enumerate(ordered(documents)):
        fields = dict(zip([name for name, _ in FIELDS], field_words(doc, theme_names), strict=True))
        rows.append(({"id": str(ref), **fields}, {"boost": BOOSTED_ITEM_WEIGHT} if doc.boosted else {}))
    fields = [{"field_name": name, "boost": boost} for name, boost in FIELDS]
    return lunr(ref="id", fields=fields, documents=rows, builder=builder).serialize()


def write_both(folder: Path, documents, theme_names, **options) -> tuple[Path, Path]:
    """Write the sharded files into folder/shards and lunr.py's index to folder/lunr.json."""
    files = build_search_files(documents, theme_names, **options)
    shards = folder / "shards"
    shards.mkdir(parents=True)
    for name, data in files.files:
        (shards / name).write_bytes(data)
    reference = folder / "lunr.json"
    reference.write_text(json.dumps(lunr_py_index(documents, theme_names)), encoding="utf-8")
    return shards, reference


def built_search(site: Path) -> tuple[Path, dict, list[dict]]:
    """A built site's search folder, its manifest, and every document's display data, type and themes."""
    manifest_file = next((site / "search").glob("*/index.json"))
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    if "inline" in manifest:
        rows = manifest["inline"]["docs"]
    else:
        count = -(-manifest["count"] // manifest["chunkDocs"])
        chunks = [manifest_file.parent / manifest["files"]["chunk"].replace("{}", str(n)) for n in range(count)]
        rows = [row for chunk in chunks for row in json.loads(chunk.read_text(encoding="utf-8"))]
    type_of = []
    for kind, end in manifest["types"]:
        type_of += [kind] * (end - len(type_of))
    docs = [
        {"url": url, "title": title, "summary": summary, "type": type_of[ref], "themes": manifest["combos"][combo]}
        for ref, ((url, title, summary), combo) in enumerate(zip(rows, manifest["docCombos"], strict=True))
    ]
    return manifest_file.parent, manifest, docs
