"""find_title and find_published_date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.clean import clean_text
from newsfacts.metadata import find_published_date, find_title
from newsfacts.segment import segment


def title_of(raw: str) -> str | None:
    text = clean_text(raw)
    return find_title(text, segment(text))


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("EXPORTS TO U.S. DROP\n\nBONN, March 5 - Exports fell.", "EXPORTS TO U.S. DROP"),
        ("Troops leave base (AFP)\n\nAFP - Troops left on Monday.", "Troops leave base (AFP)"),
        ("Will the deal hold?\n\nNobody knows. Talks go on.", "Will the deal hold?"),
        ("Re: troop levels...\n\nI think they are low.", "Re: troop levels..."),
        ("ACME BUYS ZETA CORP.\n\nAcme said it signed.", "ACME BUYS ZETA CORP."),
        ("By\nJane Roe\n\nTroops left on Monday.", None),
        ("By Jane Roe\n\nTroops left on Monday.", None),
        ("Monday, September 23, 2019\n\nTroops left.", None),
        ("The troops left on Monday.\n\nMore will follow.", None),
        ("Troops left. Talks go on.\n\nMore will follow.", None),
        ("Just one paragraph here", None),
        ("x" * 201 + "\n\nBody text.", None),
        ("", None),
    ],
)  # fmt: skip
def test_find_title(raw: str, want: str | None) -> None:
    assert title_of(raw) == want


def test_title_is_exact_substring() -> None:
    text = clean_text("\u201cStrong dollar\u201d call halts slide\n\nThe dollar rose.")
    title = find_title(text, segment(text))
    assert title == '"Strong dollar" call halts slide'
    assert text.startswith(title)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Headline\n\nAugust-31, 2020 - In talks on Monday...", dt.date(2020, 8, 31)),
        ("Headline\n\nMonday, September 23, 2019\n\nBody.", dt.date(2019, 9, 23)),
        ("March 27, 1987", dt.date(1987, 3, 27)),
        ("27 March 1987 - Body.", dt.date(1987, 3, 27)),
        ("2019-09-23\n\nBody.", dt.date(2019, 9, 23)),
        ("Sept. 5, 2004", dt.date(2004, 9, 5)),
        ("WASHINGTON, Feb. 3, 2001 - Body.", dt.date(2001, 2, 3)),
        ("By\n\nA Writer\n\nPUBLISHED:\n\n20:53 EST, 18 December 2012\n\nBody.",
         dt.date(2012, 12, 18)),
        ("TITLE\n\nMELBOURNE, March 27 - The company said.", None),
        ("February 30, 2019", None),
        ("Title\n\nThe deal signed on March 5, 1985 was renewed.", None),
        ("Title\n\n" + "x " * 400 + "\n\nMarch 5, 1985", None),
        ("", None),
    ],
)  # fmt: skip
def test_find_published_date(text: str, want: dt.date | None) -> None:
    assert find_published_date(text) == want
