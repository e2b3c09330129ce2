"""The issue's targets, checked against one run's figures: each says what it measured and whether it is met."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .suite import SizeResult

BUILD_RATIO_LIMIT = 1.25
WARM_P95_LIMIT_MS = 10.0
WARM_SIZES = ("large", "xlarge")
RELATED_SHARE_LIMIT = 0.05
LARGEST_FILE_LIMIT = 100 * 1024
ARTICLE_LIMIT = 25 * 1024
# First-search download: at most Pagefind's at small, at most 0.75x Pagefind's above it.
DOWNLOAD_SHARE = {"small": 1.0, "medium": 0.75, "large": 0.75, "xlarge": 0.75}


@dataclass(frozen=True)
class TargetCheck:
    """One target at one size: the figure, the limit, and whether it was met (None: not measurable)."""

    target: str
    size: str
    measured: str
    limit: str
    met: bool | None


def _hub(result: SizeResult):
    return result.variants.get("hub")


def build_ratio_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """Our build at most 1.25x plain Pelican's, at every size."""
    checks = []
    for result in results:
        hub, plain = _hub(result), result.variants.get("plain")
        if hub and plain and hub.build and plain.build:
            ratio = hub.build.wall_s / plain.build.wall_s
            checks.append(
                TargetCheck(
                    "Build time vs plain Pelican",
                    result.size.name,
                    f"{ratio:.2f}x",
                    f"<= {BUILD_RATIO_LIMIT}x",
                    ratio <= BUILD_RATIO_LIMIT,
                )
            )
    return checks


def warm_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """Warm keystroke p95 at most 10 ms at large and xlarge (shards loaded); new query p95 at most Pagefind's."""
    checks = []
    for result in results:
        hub, pagefind = _hub(result), result.variants.get("pagefind")
        if result.size.name in WARM_SIZES and hub and hub.browser and hub.browser.warm_p95_ms is not None:
            p95 = hub.browser.warm_p95_ms
            checks.append(
                TargetCheck(
                    "Warm keystroke p95 (shards and first display chunk loaded)",
                    result.size.name,
                    f"{p95:.1f} ms",
                    f"<= {WARM_P95_LIMIT_MS:.0f} ms",
                    p95 <= WARM_P95_LIMIT_MS,
                )
            )
        if hub and pagefind and hub.browser and pagefind.browser and hub.browser.new_p95_ms is not None:
            ours, theirs = hub.browser.new_p95_ms, pagefind.browser.new_p95_ms
            if theirs is not None:
                checks.append(
                    TargetCheck(
                        "New query that fetches shards, p95, vs Pagefind",
                        result.size.name,
                        f"{ours:.1f} ms vs {theirs:.1f} ms",
                        "<= Pagefind's",
                        ours <= theirs,
                    )
                )
    return checks


def pagefind_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """Cold first result (loopback and throttled) no worse than Pagefind's; first-search download smaller."""
    checks = []
    for result in results:
        hub, pagefind = _hub(result), result.variants.get("pagefind")
        if not (hub and pagefind and hub.browser and pagefind.browser and pagefind.browser.cold_ms):
            continue
        ours, theirs = hub.browser, pagefind.browser
        checks.append(
            TargetCheck(
                "Cold first result vs Pagefind",
                result.size.name,
                f"{ours.cold_ms:.0f} ms vs {theirs.cold_ms:.0f} ms",
                "<= Pagefind's",
                ours.cold_ms <= theirs.cold_ms,
            )
        )
        if ours.cold_throttled_ms is not None and theirs.cold_throttled_ms is not None:
            checks.append(
                TargetCheck(
                    "Cold first result vs Pagefind, throttled",
                    result.size.name,
                    f"{ours.cold_throttled_ms:.0f} ms vs {theirs.cold_throttled_ms:.0f} ms",
                    "<= Pagefind's",
                    ours.cold_throttled_ms <= theirs.cold_throttled_ms,
                )
            )
        share = DOWNLOAD_SHARE.get(result.size.name, 1.0)
        ours_kb, theirs_kb = ours.first_search.compressed / 1024, theirs.first_search.compressed / 1024
        checks.append(
            TargetCheck(
                "First-search download vs Pagefind (compressed)",
                result.size.name,
                f"{ours_kb:.0f} KB vs {theirs_kb:.0f} KB ({ours_kb / theirs_kb:.2f}x)",
                "<= Pagefind's" if share == 1.0 else f"<= {share}x Pagefind's",
                ours.first_search.compressed <= share * theirs.first_search.compressed,
            )
        )
    return checks


def scaling_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """At every size, no single search file over 100 KB compressed; peak build memory reported."""
    checks = []
    for result in results:
        hub = _hub(result)
        if hub and hub.search:
            largest = hub.search.largest_compressed
            checks.append(
                TargetCheck(
                    "Largest search file (compressed)",
                    result.size.name,
                    f"{largest / 1024:.1f} KB ({hub.search.largest_name})",
                    "<= 100 KB",
                    largest <= LARGEST_FILE_LIMIT,
                )
            )
        if hub and hub.browser and hub.browser.first_search and hub.browser.related_bytes is not None:
            share = hub.browser.related_bytes / hub.browser.first_search.compressed
            checks.append(
                TargetCheck(
                    "Related words in the first-search download (group files and manifest part)",
                    result.size.name,
                    f"{hub.browser.related_bytes / 1024:.1f} KB of {hub.browser.first_search.compressed / 1024:.0f} KB"
                    f" ({share:.1%})",
                    "<= 5%",
                    share <= RELATED_SHARE_LIMIT,
                )
            )
        if hub and hub.build:
            checks.append(
                TargetCheck("Build peak memory", result.size.name, f"{hub.build.peak_mib:.0f} MiB", "report it", None)
            )
    return checks


def article_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """An article page at most 25 KB compressed before search, with no render-blocking script."""
    checks = []
    for result in results:
        hub = _hub(result)
        if hub and hub.browser:
            weight = hub.browser.article
            met = weight.total <= ARTICLE_LIMIT and weight.blocking_scripts == 0
            checks.append(
                TargetCheck(
                    "Article page before search",
                    result.size.name,
                    f"{weight.total / 1024:.1f} KB, {weight.blocking_scripts} blocking scripts",
                    "<= 25 KB, 0 blocking",
                    met,
                )
            )
    return checks


def rebuild_checks(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """Rebuild after editing one tip at the large size: measured (no limit was set)."""
    checks = []
    for result in results:
        for rebuild in result.rebuilds:
            if rebuild.variant == "hub":
                checks.append(
                    TargetCheck(
                        "Rebuild after one tip edit (content cache on)",
                        result.size.name,
                        f"{rebuild.after_edit.wall_s:.1f} s",
                        "measure it",
                        None,
                    )
                )
    return checks


def check_targets(results: Sequence[SizeResult]) -> list[TargetCheck]:
    """Every target the run has figures for, in the order the issue lists them."""
    checkers = (build_ratio_checks, warm_checks, pagefind_checks, scaling_checks, article_checks, rebuild_checks)
    return [check for checker in checkers for check in checker(results)]
