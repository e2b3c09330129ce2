"""Helplines: the one source of every number the site shows, read from content/helplines.yml.

The safety page, the quiz's safety result and the search's safety panel all render these
contacts; no template or script holds a number of its own. Each number carries the address
of the page that states it (``verified_at``), so an editor can check it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafiles import read_yaml
from .problems import ContentProblem
from .sources import reviewed_day

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DIAL_PATTERN = re.compile(r"^\+?[0-9]{3,15}$")
MAX_MAIN = 6
CONTACT_FIELDS = (
    "id",
    "name",
    "for",
    "country",
    "phone",
    "dial",
    "sms",
    "text",
    "chat",
    "hours",
    "url",
    "verified_at",
    "main",
)
EMERGENCY_FIELDS = ("country", "number", "dial", "verified_at")


@dataclass(frozen=True)
class EmergencyNumber:
    """A country's emergency number, as content/helplines.yml gives it."""

    country: str
    number: str
    dial: str
    verified_at: str


@dataclass(frozen=True)
class Contact:
    """One helpline or directory: who it is for and every way to reach it."""

    id: str
    name: str
    audience: str
    country: str
    url: str
    verified_at: str
    phone: str = ""
    dial: str = ""
    sms: str = ""
    text: str = ""
    chat: str = ""
    hours: str = ""
    main: bool = False


@dataclass(frozen=True)
class Helplines:
    """Everything content/helplines.yml says, for templates."""

    emergency: tuple[EmergencyNumber, ...]
    contacts: tuple[Contact, ...]
    reviewed: str

    @property
    def main(self) -> tuple[Contact, ...]:
        """The short list shown first: on the safety page, in the quiz and in search."""
        return tuple(contact for contact in self.contacts if contact.main)

    @property
    def others(self) -> tuple[Contact, ...]:
        return tuple(contact for contact in self.contacts if not contact.main)


def dial_string(shown: str) -> str:
    """The number a phone dials for a number shown with spaces or hyphens ('' if it has letters)."""
    if re.search(r"[A-Za-z]", shown):
        return ""
    return re.sub(r"[^0-9+]", "", shown)


class _Checker:
    """Collects problems for one file, each naming the entry and the field."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[ContentProblem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, where, message))

    def text(self, entry: dict[str, Any], key: str, where: str, *, required: bool) -> str:
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(f"{where}.{key}", "is missing; add it")
            return ""
        if not isinstance(value, str):
            self.add(f"{where}.{key}", f'must be text in quotes, got {type(value).__name__}; write it as "..."')
            return ""
        return value.strip()

    def link(self, entry: dict[str, Any], key: str, where: str, *, required: bool) -> str:
        value = self.text(entry, key, where, required=required)
        if value and not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            self.add(f"{where}.{key}", f"{value!r} is not a web address; give the full http(s):// address")
            return ""
        return value

    def unknown(self, entry: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for key in entry:
            if key not in allowed:
                self.add(f"{where}.{key}", f"is not a known field; use only: {', '.join(allowed)}")

    def dial(self, entry: dict[str, Any], shown: str, where: str) -> str:
        given = self.text(entry, "dial", where, required=False)
        dial = given or dial_string(shown)
        if shown and not dial:
            self.add(f"{where}.dial", f"is missing and {shown!r} has letters; add the digits a phone dials")
        elif dial and not DIAL_PATTERN.match(dial):
            self.add(f"{where}.dial", f"{dial!r} is not a number a phone can dial; use digits, with + first if needed")
        return dial


def _emergency(raw: Any, check: _Checker) -> tuple[EmergencyNumber, ...]:
    if not isinstance(raw, list) or not raw:
        check.add("emergency", "must be a list of emergency numbers (country, number, verified_at)")
        return ()
    numbers = []
    for n, entry in enumerate(raw, 1):
        where = f"emergency {n}"
        if not isinstance(entry, dict):
            check.add(where, "must be a country, number and verified_at; see the other entries")
            continue
        check.unknown(entry, EMERGENCY_FIELDS, where)
        country = check.text(entry, "country", where, required=True)
        number = check.text(entry, "number", where, required=True)
        dial = check.dial(entry, number, where)
        verified = check.link(entry, "verified_at", where, required=True)
        if country and number and verified and dial:
            numbers.append(EmergencyNumber(country, number, dial, verified))
    return tuple(numbers)


def _contact(entry: Any, n: int, check: _Checker) -> Contact | None:
    where = f"contact {n}"
    if not isinstance(entry, dict):
        check.add(where, "must be a helpline with id, name, for, country, url and verified_at")
        return None
    ident = check.text(entry, "id", where, required=True)
    if ident and not ID_PATTERN.match(ident):
        check.add(f"{where}.id", f"{ident!r} must be lower-case letters, digits and hyphens")
    where = f"contact {ident or n}"
    check.unknown(entry, CONTACT_FIELDS, where)
    fields = {
        key: check.text(entry, key, where, required=key in ("name", "for", "country"))
        for key in ("name", "for", "country", "phone", "text", "hours")
    }
    urls = {
        key: check.link(entry, key, where, required=key in ("url", "verified_at"))
        for key in ("url", "verified_at", "chat")
    }
    sms = check.text(entry, "sms", where, required=False)
    if sms and not DIAL_PATTERN.match(sms):
        check.add(f"{where}.sms", f"{sms!r} is not a number to text; use digits only")
    if sms and not fields["text"]:
        check.add(f"{where}.text", "is missing; say what to send, as the organisation's page puts it")
    dial = check.dial(entry, fields["phone"], where)
    main = entry.get("main", False)
    if not isinstance(main, bool):
        check.add(f"{where}.main", "must be true or false")
        main = False
    if not (fields["phone"] or sms or urls["chat"] or urls["url"]):
        check.add(where, "gives no way to reach it; add a phone, sms, chat or url")
    return Contact(
        id=ident,
        name=fields["name"],
        audience=fields["for"],
        country=fields["country"],
        url=urls["url"],
        verified_at=urls["verified_at"],
        phone=fields["phone"],
        dial=dial,
        sms=sms,
        text=fields["text"],
        chat=urls["chat"],
        hours=fields["hours"],
        main=main,
    )


def helplines_from_data(data: Any, path: str) -> tuple[Helplines | None, list[ContentProblem]]:
    """Check parsed YAML and turn it into Helplines, collecting every problem."""
    check = _Checker(path)
    if not isinstance(data, dict):
        check.add("", "must hold `reviewed`, `emergency` and `contacts`; see content/README.md")
        return None, check.problems
    check.unknown(data, ("reviewed", "emergency", "contacts"), "file")
    reviewed = reviewed_day(data.get("reviewed"))
    if reviewed is None:
        check.add("reviewed", "must be the date the numbers were last checked, as YYYY-MM-DD")
    emergency = _emergency(data.get("emergency"), check)
    raw_contacts = data.get("contacts")
    if not isinstance(raw_contacts, list) or not raw_contacts:
        check.add("contacts", "must be a list of helplines")
        raw_contacts = []
    contacts = [c for n, entry in enumerate(raw_contacts, 1) if (c := _contact(entry, n, check)) is not None]
    seen: set[str] = set()
    for contact in contacts:
        if contact.id in seen:
            check.add(f"contact {contact.id}.id", "is used twice; give each helpline its own id")
        seen.add(contact.id)
    main_count = sum(contact.main for contact in contacts)
    if not 1 <= main_count <= MAX_MAIN:
        check.add("contacts", f"{main_count} are marked main: true; mark 1 to {MAX_MAIN}, the ones shown first")
    if check.problems:
        return None, check.problems
    return Helplines(emergency, tuple(contacts), reviewed.isoformat()), []


def load_helplines(path: Path, display_path: str) -> tuple[Helplines | None, list[ContentProblem]]:
    """Read and check content/helplines.yml."""
    data, problems = read_yaml(path, display_path)
    if problems:
        return None, problems
    return helplines_from_data(data, display_path)
