"""Country mentions: names, demonyms, capitals and blocs mapped to codes.

Names and codes come from pycountry (ISO 3166); the project's own surface forms (short
names, demonyms, capitals used for governments, blocs, dissolved states) live in
``data/aliases.tsv`` so that they are data anyone can extend, not regexes in code.
All surfaces compile into one case-sensitive alternation, longest first, matched once over
a span of text. ALL-CAPS forms of names (headlines, datelines: "BRAZIL'S SARNEY") match
only when asked for (``caps=True``): the trade extractor's headline fallback was tuned
without them.

Ambiguity is decided by data plus three small context rules:
- a row with code ``-`` names a non-country that contains a country word ("Latin America",
  "Indian Ocean"); the longest match consumes it and nothing is emitted;
- "Georgia" after "<Place>, " or before "state"/", U.S." is the US state: it maps to USA,
  never GEO (annotation guidelines, rule 44);
- "Jordan" and "Chad" right next to another capitalised name ("Michael Jordan", "Chad
  Hurley") are people, not countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry

from newsfacts.patterns import word_alternation

BLOCS = frozenset({"EU", "EEC", "GCC", "NATO", "OPEC", "OECD", "UN", "AU", "COALITION"})


class Mention(NamedTuple):
    start: int
    end: int
    surface: str
    code: str


# Alias notes that mark a place inside a country (a city, region, base ...) rather than a
# name for the state: such a mention can say where troops are, never whose they are.
PLACE_NOTES = ("city", "region", "province", "base", "town", "island", "territory", "state",
               "sea", "capital")


def _alias_notes() -> Iterator[tuple[str, str, str]]:
    text = (Path(__file__).resolve().parent / "data" / "aliases.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        yield parts[0].strip(), parts[1].strip(), (parts[2].strip() if len(parts) > 2 else "")


@lru_cache(maxsize=1)
def place_surfaces() -> frozenset[str]:
    """Surfaces naming a place within a country (cities other than capitals, regions,
    bases), in their written and ALL-CAPS forms. Capitals are not here: "Washington sent
    troops" names the government."""
    out: set[str] = set()
    for surface, _code, note in _alias_notes():
        first = note.split(" ")[0] if note else ""
        if first in PLACE_NOTES and first != "capital":
            out.update((surface, surface.upper()))
    return frozenset(out)


def _surfaces_noted(prefix: str | tuple[str, ...]) -> frozenset[str]:
    """Surfaces whose alias note starts with ``prefix`` (one or several)."""
    return frozenset(surface for surface, _code, note in _alias_notes()
                     if note.startswith(prefix))


@lru_cache(maxsize=1)
def demonym_surfaces() -> frozenset[str]:
    """Surfaces the alias table marks as demonyms ("Syrian", "Rwandan")."""
    return _surfaces_noted("demonym")


@lru_cache(maxsize=1)
def island_surfaces() -> frozenset[str]:
    """Surfaces the alias table marks as islands within a state ("Okinawa", "Ishigaki"):
    what a later "the island" can point back to."""
    return _surfaces_noted("island")


@lru_cache(maxsize=1)
def territory_surfaces() -> frozenset[str]:
    """Surfaces the alias table marks as territories ("Guam", "Falklands"): what a later "the
    U.S. territory" can point back to."""
    return _surfaces_noted("territory")


@lru_cache(maxsize=1)
def sovereigns() -> dict[str, str]:
    """Territory code -> the state it belongs to, from notes "territory of <CODE>" ("FLK":
    "GBR"): a territory has a place of its own but no army of its own."""
    return {code: note.split()[-1] for _surface, code, note in _alias_notes()
            if note.startswith("territory of ")}


@lru_cache(maxsize=1)
def region_surfaces() -> frozenset[str]:
    """Surfaces the alias table marks as regions or provinces within a state ("Papua",
    "Khyber Pakhtunkhwa"): what a later bare "the region" can point back to."""
    return _surfaces_noted(("region", "province"))


@lru_cache(maxsize=1)
def former_state_surfaces() -> dict[str, str]:
    """Capitals and seats of government that also stood for a dissolved state (alias note
    ``then:<CODE>``: "Moscow" and "Kremlin" for the Soviet Union, "Belgrade" for Yugoslavia)
    -> that state's code. Which of the two a mention means depends on its document
    (``as_of_former_states``)."""
    return {surface: token[len("then:"):] for surface, _code, note in _alias_notes()
            for token in note.split() if token.startswith("then:")}


def as_of_former_states(
    found: list[tuple[int, int, str, str]],
) -> list[tuple[int, int, str, str]]:
    """Mentions of one document, with a capital recoded to the dissolved state it stood for
    when the document names that state and names the successor only through the capital:
    "Moscow withdrew six regiments" in a story about the Soviet Union is the Soviet Union
    (rule 24). A modern story that recalls "the Soviet era" names Russia too and keeps RUS."""
    former = former_state_surfaces()
    named = {code for *_, code in found}
    if named.isdisjoint(former.values()):
        return found
    table = surface_table()
    otherwise = {code for _, _, surface, code in found if surface not in former}
    recode = {surface: then for surface, then in former.items()
              if then in named and table.get(surface) not in otherwise}
    if not recode:
        return found
    return [(a, b, surface, recode.get(surface, code)) for a, b, surface, code in found]


def is_place(surface: str) -> bool:
    """True when a mention names a place inside a country, not the state itself."""
    return surface in place_surfaces()


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
def caps_table() -> dict[str, str]:
    """``surface_table`` plus ALL-CAPS variants for headlines and datelines ("PHILIPPINES").
    Short forms (under four letters) are left out: their caps forms are acronyms already."""
    table = dict(surface_table())
    for surface, code in surface_table().items():
        upper = surface.upper()
        if upper != surface and sum(ch.isalpha() for ch in surface) >= 4:
            table.setdefault(upper, code)
    return table


NOT_A_COUNTRY = "-"

# "Fort Stewart, Georgia", "the state of Georgia", "Georgia Tech": the US state.
_US_STATE_BEFORE = re.compile(r"(?:[A-Z][\w.'-]*,\s{1,2}|\bstate of\s|\bU\.S\. state of\s)$")
_US_STATE_AFTER = re.compile(
    r"\s(?:state\b|governor|Gov\.|Tech\b|Senator|senator|Republican|Democrat|Bulldogs|"
    r"Power|Southern|Dome|Aquarium)|,\s(?:U\.S\.|USA|US)\b"
)
# Words that may follow a country name and are not a surname ("Chad President ...").
_AFTER_NAME_OK = frozenset({
    "President", "Army", "Government", "Basin", "Valley", "River", "Prime", "Foreign",
    "Defence", "Defense", "Minister", "National", "Armed", "Air", "Central", "Republic",
    "King", "Queen", "The", "In", "On", "And", "But", "Said",
})
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")
# Capitalised words before "Chad"/"Jordan" that open a sentence, not a first name
# ("Neighbouring Chad has deployed ...").
_BEFORE_NAME_OK = ("In", "From", "To", "Neighbouring", "Neighboring", "Landlocked",
                   "Northern", "Southern", "Eastern", "Western", "Central")
_NAME_AFTER = re.compile(r"\s([A-Z][a-z]+)\b")


# Surfaces whose code depends on the words around them (see ``_resolve``). "Rhodes" (the
# Greek island) is also a surname ("Ben Rhodes") and a scholarship ("a Rhodes Scholar").
_CONTEXT_SURFACES = frozenset({"Georgia", "GEORGIA", "Jordan", "Chad", "Rhodes"})


def _resolve(text: str, start: int, end: int, surface: str, code: str) -> str | None:
    """The code of one raw match after the context rules, or None when it is not a country."""
    if code == NOT_A_COUNTRY:
        return None
    if surface in ("Georgia", "GEORGIA"):
        before = text[max(0, start - 30) : start]
        if _US_STATE_BEFORE.search(before) or _US_STATE_AFTER.match(text, end, end + 20):
            return "USA"
        return code
    if surface in ("Jordan", "Chad", "Rhodes"):
        after = _NAME_AFTER.match(text, end, end + 25)
        if after and after.group(1) not in _AFTER_NAME_OK:
            return None
        before = text[max(0, start - 20) : start]
        if _NAME_BEFORE.search(before) and not before.rstrip().endswith(_BEFORE_NAME_OK):
            return None
    return code


@lru_cache(maxsize=2)
def _mention_re(caps: bool = False) -> re.Pattern[str]:
    """The surfaces as one prefix tree. Case-sensitive on purpose: "US" the country, not "us"
    the pronoun. Possessive 's stays outside the match; a surface ending in "." may be
    followed by anything. Only surfaces starting with A-Z are in it (no others can match,
    see ``find_mentions``), so the pattern starts with a literal letter from the tree and the engine
    can skip ahead to those letters instead of testing every position."""
    table = caps_table() if caps else surface_table()
    alternation = word_alternation(s for s in table if "A" <= s[:1] <= "Z")
    return re.compile(rf"(?:{alternation})(?:(?<=\.)|(?![\w]))")


def find_mentions(
    text: str, start: int = 0, end: int | None = None, *, caps: bool = False
) -> Iterator[Mention]:
    """Every country/bloc mention in ``text[start:end]``, left to right (with ``caps``, also
    ALL-CAPS names as in headlines and datelines).

    A surface must not continue a word or follow a "." (``(?<![\\w.])``). That test is made
    here, on the rare hit inside a word ("McDonald"), rather than by the engine at every
    position; after such a hit the scan resumes one character on, so the matches are the
    ones ``finditer`` would give for the pattern with the look-behind in front."""
    for found in mention_tuples(text, start, end, caps=caps):
        yield Mention(*found)


def mention_tuples(
    text: str, start: int = 0, end: int | None = None, *, caps: bool = False
) -> Iterator[tuple[int, int, str, str]]:
    """``find_mentions`` as plain (start, end, surface, code) tuples, for a caller that
    unpacks them at once (``extract.country_mentions``, once per document)."""
    table = caps_table() if caps else surface_table()
    pattern = _mention_re(caps)
    pos = start
    end = len(text) if end is None else end
    while True:
        for m in pattern.finditer(text, pos, end):
            at, to = m.span()
            if at:
                ch = text[at - 1]
                if ch == "." or ch == "_" or ch.isalnum():  # what the engine calls \w
                    pos = at + 1
                    break
            surface = m.group(0)
            code = table[surface]
            if code == NOT_A_COUNTRY or surface in _CONTEXT_SURFACES:
                code = _resolve(text, at, to, surface, code)
                if code is None:
                    continue
            yield at, to, surface, code
        else:
            return


def code_for(surface: str) -> str | None:
    """The code for an exact surface form, or None (also for listed non-countries)."""
    code = surface_table().get(surface)
    return None if code == NOT_A_COUNTRY else code
