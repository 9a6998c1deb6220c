"""Country mentions: names, demonyms, capitals and blocs mapped to codes.

Names and codes come from pycountry (ISO 3166); the project's own surface forms (short
names, demonyms, capitals used for governments, blocs, dissolved states) live in
``data/aliases.tsv`` so that they are data anyone can extend, not regexes in code.
All surfaces compile into one case-sensitive alternation, longest first, matched once over
a span of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry

BLOCS = frozenset({"EU", "EEC", "GCC", "NATO", "OPEC", "OECD", "UN", "AU", "COALITION"})


class Mention(NamedTuple):
    start: int
    end: int
    surface: str
    code: str


def _alias_rows() -> Iterator[tuple[str, str]]:
    # Next to this module rather than importlib.resources: the editable install can expose
    # the package as a namespace package, where resources.files() fails.
    text = (Path(__file__).resolve().parent / "data" / "aliases.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surface, code = line.split("\t")[:2]
        yield surface.strip(), code.strip()


@lru_cache(maxsize=1)
def surface_table() -> dict[str, str]:
    """Surface form -> code. Aliases override pycountry's names where both exist."""
    table: dict[str, str] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            # Skip the inverted ISO forms ("Korea, Republic of"): news never writes them.
            if name and "," not in name and "(" not in name:
                table[name] = c.alpha_3
    table.update(dict(_alias_rows()))
    return table


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern[str]:
    surfaces = sorted(surface_table(), key=len, reverse=True)
    alternation = "|".join(re.escape(s) for s in surfaces)
    # Case-sensitive on purpose: "US" the country, not "us" the pronoun. Possessive 's stays
    # outside the match. A surface ending in "." may be followed by anything.
    return re.compile(rf"(?<![\w.])(?=[A-Z])(?:{alternation})(?:(?<=\.)|(?![\w]))")


def find_mentions(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Every country/bloc mention in ``text[start:end]``, left to right."""
    table = surface_table()
    for m in _mention_re().finditer(text, start, len(text) if end is None else end):
        yield Mention(m.start(), m.end(), m.group(0), table[m.group(0)])


def code_for(surface: str) -> str | None:
    """The code for an exact surface form, or None."""
    return surface_table().get(surface)
