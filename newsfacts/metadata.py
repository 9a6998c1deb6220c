"""Document-level metadata read off the cleaned text: the headline and the publication date.

The guidelines let a sentence that names no economy borrow it from the headline, so the
headline must be known; the publication date anchors facts in time. Both are stated only
loosely by the sources, so these functions answer None rather than guess.
"""

from __future__ import annotations

import datetime as _dt
import re

from newsfacts.model import Sentence

__all__ = ["find_published_date", "find_title"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
# A date is taken only where a document states its own: at the start of a line (after an
# optional label, time of day or capitalised dateline place), never inside running text,
# which is full of other dates.
_LEAD = (
    r"(?:^|\n)[ \t]*"
    r"(?:(?:published|posted|updated|last updated|date|dated)\s*:?\s*(?:on\s+)?)?"
    r"(?:\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?,?\s+)?"
    r"(?-i:[A-Z][A-Z .'-]{1,30},\s+)?"
    + _WEEKDAY
)
_DATE_PATTERNS = [
    re.compile(_LEAD + _MONTH + r"[\s-]*" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_LEAD + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_LEAD + r"(?P<year>(?:1[89]|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
]
_BYLINE = re.compile(r"(?i)by\b")
_MONTH_NC = _MONTH.replace("?P<mon>", "")
_DAY_NC = _DAY.replace("?P<day>", "")
_DATELINE_ONLY = re.compile(
    r"(?i)\s*" + _WEEKDAY + r"(?:" + _MONTH_NC + r"[\s-]*" + _DAY_NC + r"(?:,?\s+\d{4})?|"
    + _DAY_NC + r"\s+" + _MONTH_NC + r"(?:,?\s+\d{4})?|\d{4}-\d\d-\d\d)\s*"
)
_ABBREV_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros)\.)$")
_SEARCH_CHARS = 600


def find_title(text: str, sentences: list[Sentence]) -> str | None:
    """The first paragraph, if it reads as a headline; else None.

    A headline is a single short sentence on its own before the body: no closing full stop
    (bar an abbreviation such as "U.S." or "CORP."), not a bare date, not a byline.
    """
    if len(sentences) < 2 or sentences[0].paragraph_no != 0:
        return None
    first = sentences[0]
    if sentences[1].paragraph_no == 0:
        return None  # more than one sentence in the first paragraph
    title = text[first.start : first.end]
    if len(title) > 200 or "\n" in title or not any(c.isalpha() for c in title):
        return None
    if (
        title.endswith(".")
        and not title.endswith(("...", "\u2026"))
        and not (_ABBREV_END.search(title) or title.isupper())
    ):
        return None
    if _BYLINE.match(title) and len(title.split()) <= 6:
        return None
    if _DATELINE_ONLY.fullmatch(title):
        return None
    return title


def find_published_date(text: str) -> _dt.date | None:
    """The publication date the document states near its start, or None.

    Only full dates count: a Reuters dateline "MELBOURNE, March 27 - " has no year and is
    left unknown rather than guessed; an impossible date (February 30) is None as well.
    """
    head = text[:_SEARCH_CHARS]
    best: tuple[int, _dt.date | None] | None = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(head)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        mon_s = m.group("mon")
        month = int(mon_s) if mon_s.isdigit() else _MONTHS[mon_s.lower().rstrip(".")]
        try:
            date: _dt.date | None = _dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            date = None
        best = (m.start(), date)
    return best[1] if best else None
