"""A small SVG line chart, written by the benchmark: first-search download against documents.

Both axes are logarithmic (the sizes span 120 to 20,000 documents, and the downloads from tens of
kilobytes to megabytes). Plain SVG with text labels and a title, no script, no external font:
the report links it and any browser or Markdown viewer shows it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 150, 40, 50
# Distinct in hue and in dash pattern, so the lines read without colour too.
STYLES = {
    "hub": ("#1b6e4a", ""),
    "pagefind": ("#7a3fb5", "6 4"),
    "pelican-lunr": ("#b5482d", "2 4"),
}


def _ticks(low: float, high: float) -> list[float]:
    """Kilobyte ticks between low and high: 1, 2, 5 x powers of ten, in KB below 1 MB and in MB above."""
    ticks = []
    for power in range(math.floor(math.log10(low)) - 3, math.ceil(math.log10(high)) + 1):
        for step in (1, 2, 5):
            value = step * 10**power
            for kb in (value, value * 1024):
                if low <= kb <= high and (kb < 1000 if kb == value else value >= 1):
                    ticks.append(kb)
    return sorted(set(ticks))


def _kb_label(kb: float) -> str:
    return f"{kb / 1024:g} MB" if kb >= 1024 else f"{kb:g} KB"


def line_chart_svg(series: Mapping[str, Sequence[tuple[int, float]]], title: str) -> str:
    """An SVG of each variant's (documents, KB) points, log-log, with axes, ticks and a legend."""
    points = [point for values in series.values() for point in values]
    if not points:
        return ""
    x_low, x_high = min(p[0] for p in points) / 1.5, max(p[0] for p in points) * 1.5
    y_low, y_high = min(p[1] for p in points) / 1.5, max(p[1] for p in points) * 1.5
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(value: float) -> float:
        return LEFT + plot_w * (math.log(value) - math.log(x_low)) / (math.log(x_high) - math.log(x_low))

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (math.log(value) - math.log(y_low)) / (math.log(y_high) - math.log(y_low)))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="chart-title" font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-size="14" fill="#222">{escape(title)}</text>',
    ]
    for tick in _ticks(y_low, y_high):
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#444">{_kb_label(tick)}</text>')
    for tick in sorted({p[0] for p in points}):
        out.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#eee"/>')
        label = f"{tick:,}"
        out.append(f'<text x="{x(tick):.1f}" y="{TOP + plot_h + 16}" text-anchor="middle" fill="#444">{label}</text>')
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 10}" text-anchor="middle" fill="#222">documents (log scale)</text>'
    )
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#888"/>')
    for row, (variant, values) in enumerate(series.items()):
        colour, dash = STYLES.get(variant, ("#333", "1 2"))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{x(docs):.1f},{y(kb):.1f}" for docs, kb in sorted(values))
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dashes}/>')
        for docs, kb in values:
            out.append(f'<circle cx="{x(docs):.1f}" cy="{y(kb):.1f}" r="3.5" fill="{colour}"/>')
        legend_y = TOP + 16 + row * 20
        out.append(
            f'<line x1="{WIDTH - RIGHT + 14}" x2="{WIDTH - RIGHT + 44}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2.5"{dashes}/>'
        )
        out.append(f'<text x="{WIDTH - RIGHT + 50}" y="{legend_y}" fill="#222">{escape(variant)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
