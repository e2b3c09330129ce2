"""What the quiz's weekly plan needs to know about a tip: roughly how long it takes, and its steps."""

from __future__ import annotations

import re
from html import unescape

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "half a": 0.5,
}  # fmt: skip
_UNITS = {
    "moment": 0.5, "second": 1 / 60, "minute": 1, "hour": 60, "evening": 180, "session": 60,
    "appointment": 60, "day": 480, "night": 600, "weekend": 1440, "week": 2400, "month": 9600,
}  # fmt: skip
_AMOUNT = r"\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True))
_DURATION = re.compile(rf"\b({_AMOUNT})?\s*\b({'|'.join(_UNITS)})s?\b", re.IGNORECASE)
_LIST = re.compile(r"<(ul|ol)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def time_minutes(time: str) -> float | None:
    """Roughly how many minutes a tip's Time line means ("20 minutes a day" is 20); None if unclear.

    Only used to order a plan from quickest to longest, so an estimate is enough. The first
    duration in the line counts: it is the time one go takes ("10 minutes to an evening").
    """
    match = _DURATION.search(time or "")
    if not match:
        return None
    amount, unit = match.group(1), match.group(2).lower()
    if amount is None:
        count = 1.0
    elif amount.lower() in _NUMBERS:
        count = float(_NUMBERS[amount.lower()])
    else:
        count = float(amount)
    return round(count * _UNITS[unit], 2)


def tip_steps(body_html: str) -> list[str]:
    """The steps of a tip: the items of the last list in its body, as plain text."""
    lists = _LIST.findall(body_html or "")
    if not lists:
        return []
    items = _ITEM.findall(lists[-1][1])
    return [_SPACE.sub(" ", unescape(_TAG.sub("", item))).strip() for item in items if item.strip()]
