"""The shortcuts taken for speed give the answers of the plain code they stand for.

Each test compares a fast path with the slower formulation it replaced, on inputs chosen to
reach its edge cases (sentence starts, straddling matches, characters that case-fold to
ASCII letters, digits outside 0-9, glued scales).
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

import newsfacts.troops as troops
from newsfacts.extract import country_mentions
from newsfacts.model import DocContext
from newsfacts.numbers import (
    _HEDGE_BEFORE_RE,
    _LONGEST_PREFIX,
    _NUMBER_FOLDED_RE,
    _PREFIX_RE,
    _hedge_before,
)
from newsfacts.patterns import fold_case, folded_pattern
from newsfacts.segment import segment
from newsfacts.troops import action, actor, candidates, common, location, scan

_FIRST = [
    "The United States sent 1,200 troops to Iraq.", "Russia has 28,500 soldiers in Syria.",
    "France deployed 1,200,000 troops.", "Britain sent 100,000 troops.",
    "Chad sent 5,000 men of its army.", "Some 2,000,000 reservists were called up.",
]
_SECOND = [
    "The 1,200 will leave in May.", "About 1.2 thousand will stay.",
    "The 0.0012 million are there.",
    "The 1.2 million are there.", "1.2m were there in 2019.", "A 500-man military unit arrived.",
    "Some 4,000 Armenians served in the military in 1944.", "Troop levels fell to 20,000.",
    "The military presence grew to 9,000 last year.", "Numbers went from 250 to 100troops.",
    "The five thousand arrived.", "Twelve hundred left.", "Some 0.0285 million stayed.",
    "Spending rose to $1.2 billion in 2019.", "Five to 10 million fled in 1990.",
    "Veterans, including 1,200 Serbs, marched.", "There were \u0661\u0662\u0660\u0660 there.",
    "The 01,200 left in 2019.", "\u017fome 1,200 left.", "About 1 lakh left in 1990.",
    "The 0.01 crore left.", "Spending hit 5bn in 2019 while 1,200 left.",
    "The staff of 1,200 in 2019.", "The 100,000 left in 1990.",
]


def _doc(text: str) -> DocContext:
    sentences = segment(text)
    return DocContext(text=text, sentences=sentences, mentions=country_mentions(text, sentences),
                      has_title=False)


@pytest.mark.parametrize(("first", "second"), list(itertools.product(_FIRST, _SECOND)))
def test_sentences_skipped_as_repeats_hold_no_count(
    first: str, second: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_only_repeats`` skips a sentence only where ``find_candidates`` would find nothing."""
    doc = _doc(f"{first} {second} It was 2019.")
    fast = troops.extract_troops(doc)
    monkeypatch.setattr(scan, "_only_repeats", lambda *args: False)
    assert troops.extract_troops(doc) == fast


@pytest.mark.parametrize(("count", "figure"), [
    (1200, "1,200"), (1200, "0.0012"), (1_200_000, "1.2"), (28_500, "0.285"), (100_000, "0.1"),
])
def test_figure_forms(count: int, figure: str) -> None:
    assert figure in scan._figure_forms(count)


def test_flag_scans_match_the_plain_scan() -> None:
    rnd = random.Random(1)
    parts = ["ab ", "troops", " army", "-man", "\u00e9", "_", "1", "\n", "'", '"', " force",
             "men", " K", "air force", "g.i.s", " "]
    for _ in range(3000):
        folded = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 12))).lower()
        start = rnd.randint(0, len(folded))
        end = rnd.randint(start, len(folded))
        want = [(m.start(), m.span("hint"), m.span("mil"))
                for m in candidates._FLAGS_FOLDED_RE.finditer(folded, start, end)]
        got = [(at, m.span("hint"), m.span("mil"))
               for at, m in candidates._flag_matches(folded, start, end)]
        assert got == want


def test_patterns_with_heads_match_as_before() -> None:
    texts = [fold_case(t) for t in (*_FIRST, *_SECOND)] + [
        "killed in the ambush", "pressure from the united states", "to leave the country",
        "placed on standby", "ordered to withdraw", "in the region and other countries",
    ]
    modules = (common, candidates, actor, location, action, scan)
    twins = {id(twin): (name, twin) for module in modules
             for name, twin in vars(module).items() if isinstance(twin, common.AsciiTwin)}
    assert len(twins) >= 19  # every module's, not only the package's top level
    for name, twin in twins.values():
        plain = folded_pattern(twin.pattern)
        for text in texts:
            for start in range(len(text)):
                want, got = plain.search(text, start), twin.twin.search(text, start)
                assert (want and want.span()) == (got and got.span()), name


def test_number_grammar_first_words_change_nothing() -> None:
    """The look-ahead for the word branches' first words is only a shortcut."""
    plain = re.compile(_NUMBER_FOLDED_RE.pattern.replace(
        "(?=an?\\s|", "(?=an?\\s|.|", 1))  # a look-ahead that always passes
    assert plain.pattern != _NUMBER_FOLDED_RE.pattern
    texts = [fold_case(t) for t in (*_FIRST, *_SECOND)] + [
        "a few hundred", "a\ndozen", "half a million", "twenty-five thousand", "the tens of",
        "several dozen", "an hundred", "scores of", "once upon", "thirty-one",
    ]
    for text in texts:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in _NUMBER_FOLDED_RE.finditer(text)] == want


@pytest.mark.parametrize("text", [
    "more than $60bn", "some  \n 4.7 billion baht", "approx. 5 mln dlrs", "u.s. $ 5",
    "Rs. 20 crore", "USD 200\n", "just over 3,000", "as many as\n5,000", "c. 40", "US$\n",
])
def test_hedge_and_prefix_searched_where_they_can_start(text: str) -> None:
    """The hedge and currency-prefix searches begin late in their windows, and find what
    a search of the whole window finds."""
    for end in range(len(text) + 1):
        before = text[max(0, end - 40) : end]
        want, got = _HEDGE_BEFORE_RE.search(before), _hedge_before(before)
        assert (want and want.span()) == (got and got.span())
        window = text[max(0, end - 12) : end]
        want = _PREFIX_RE.search(window)
        got = _PREFIX_RE.search(window, max(0, len(window) - _LONGEST_PREFIX - 3))
        assert (want and want.span()) == (got and got.span())
