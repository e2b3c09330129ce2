"""The sharded index scores exactly as one lunr.Index over the same documents (lunr.js in Node).

lunr.py builds the reference index from the same field words; lunr.js loads it and runs the
same query clauses the page builds; the engine runs them over the manifest and shards the
build writes. Scores may differ only by floating-point summation order (1e-9).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.browser import QUERIES
from bench.corpus import SIZES, generate_corpus
from tests.searchref import documents_from, write_both

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = Path(__file__).resolve().parent / "search_parity.mjs"
THEMES = {"repair": "Repair after a fight", "stress": "Stress from outside"}
# Whole words, prefixes being typed, typos, British spellings (already folded, as the page does).
EXTRA = ["a", "ap", "apo", "apologiz", "color", "argu", "fightin", "thearpy", "comunication", "counsel", "sorry phone"]


def queries() -> list[list[str]]:
    return [text.split() for text in (*QUERIES, *EXTRA)] + [[text[:n]] for text in QUERIES for n in (3, 4)]


def run_parity(tmp_path, documents, theme_names, **options) -> dict:
    shards, reference = write_both(tmp_path, documents, theme_names, **options)
    queries_file = tmp_path / "queries.json"
    queries_file.write_text(json.dumps(queries()), encoding="utf-8")
    done = subprocess.run(
        [shutil.which("node"), str(SCRIPT), str(shards), str(reference), str(queries_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_parity(report):
    assert report["problems"] == []
    assert report["hits"] > 0 and report["maxDifference"] <= 1e-9


def test_real_content_one_file(tmp_path):
    report = run_parity(tmp_path, documents_from(ROOT / "content"), THEMES)
    assert_parity(report)


@pytest.mark.parametrize("shard_bytes", [3_000, 48_000])
def test_benchmark_corpus_in_many_shards(tmp_path, shard_bytes):
    corpus = generate_corpus(SIZES["small"], tmp_path / "corpus")
    report = run_parity(
        tmp_path / "run", documents_from(corpus.content), THEMES, shard_bytes=shard_bytes, single_file_max=0
    )
    assert_parity(report)
    assert len(list((tmp_path / "run" / "shards").glob("s*.json"))) > 1
