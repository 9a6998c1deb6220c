"""The regex helpers must match exactly what the plain forms match, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.patterns import FoldedScan, fold_case, folded_pattern, word_alternation

WORDS = st.lists(st.text(alphabet="abAB .-", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abAB .-x", max_size=40))
def test_word_alternation_matches_like_a_longest_first_alternation(
    words: list[str], text: str
) -> None:
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for flags in (0, re.IGNORECASE) if all(w == w.lower() for w in words) else (0,):
        for tail in ("", r"(?![\w])"):
            expected = re.compile(rf"(?:{plain}){tail}", flags)
            trie = re.compile(rf"(?:{word_alternation(words)}){tail}", flags)
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in expected.finditer(text)
            ]


def test_word_alternation_prefers_the_longest_word() -> None:
    rx = re.compile(word_alternation(["seven", "seventeen", "seventy"]))
    assert rx.match("seventeen").group(0) == "seventeen"
    assert rx.match("seventy-one").group(0) == "seventy"
    assert rx.match("seven.").group(0) == "seven"


@given(st.text(max_size=60))
def test_fold_case_keeps_every_offset(text: str) -> None:
    folded = fold_case(text)
    assert len(folded) == len(text)
    assert folded.isascii() == text.isascii()


def test_fold_case_falls_back_when_lower_changes_the_length() -> None:
    assert len("İstanbul".lower()) != len("İstanbul")
    assert fold_case("İstanbul TROOPS") == "İstanbul troops"


def test_folded_pattern_matches_like_the_ignorecase_original() -> None:
    original = re.compile(r"\b(?:Troops|armed forces)\b[A-Za-z]*\S", re.IGNORECASE)
    twin = folded_pattern(original)
    text = "Some TROOPS and Armed Forces, troopsX, Troops."
    assert [m.span() for m in twin.finditer(fold_case(text))] == [
        m.span() for m in original.finditer(text)
    ]


@pytest.mark.parametrize("pattern", [re.compile(r"(?-i:commerce)|trade", re.IGNORECASE),
                                     re.compile(r"[A-Z]\w+")])
def test_folded_pattern_refuses_patterns_that_would_change_meaning(
    pattern: re.Pattern[str],
) -> None:
    with pytest.raises(ValueError, match="not foldable"):
        folded_pattern(pattern)


_MIXED = re.compile(
    r"\b(?=[a-z])(?:(?P<a>trade|(?-i:Commerce)|sales\s+to(?=\s+(?-i:[A-Z])))"
    r"|(?P<b>(?-i:MiG|F)-\d{1,2}s?|jets?))",
    re.IGNORECASE,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    ["trade", "TRADE", "Commerce", "commerce", "sales to", "Sales To", "MiG-29", "mig-29",
     "F-16s", "f-16", "jets", " ", " ", ".", "Japan", "japan", "x"]), max_size=14))
def test_folded_scan_finds_exactly_what_finditer_finds(words: list[str]) -> None:
    text = "".join(words)
    scan = FoldedScan(_MIXED)
    got = [(m.span(), m.lastgroup) for m in scan.finditer(text, fold_case(text), 0, len(text))]
    assert got == [(m.span(), m.lastgroup) for m in _MIXED.finditer(text)]


def test_folded_scan_twin_is_a_prefix_tree_of_match_starts() -> None:
    # the twin is built from the beginnings of the matches, not the whole pattern
    twin = FoldedScan(_MIXED).twin.pattern
    assert twin.startswith("(?<![a-z])") and "trade" in twin and "(?P<" not in twin


@pytest.mark.parametrize(
    ("source", "want"),
    [
        # cut to _START_ATOMS (8) atoms: a letter, or a run of spaces
        (r"\b(?=[a-z])(?:trade|an?\s+average)",
         {"trade", r"a\s{1,}averag", r"an\s{1,}avera"}),
        (r"(?:ab(?:es)?c|x\sy)", {"abc", "abesc", r"x\sy"}),
        (r"(?<=t\s)gap|sales?\b", {"gap", "sale", "sales"}),
        (r"f-\d+|jets?", {r"f\-", "jet", "jets"}),
        (r"[a-z]+|jets", None),  # a class can begin a match: no beginnings
        (r"x?y", {"y", "xy"}),
        (r"(?i:ab)", None),  # inline flags are not read
    ],
)
def test_match_starts(source: str, want: set[str] | None) -> None:
    from newsfacts.patterns import _START_ATOMS, match_starts

    assert _START_ATOMS == 8
    got = match_starts(source, 0)
    assert (got if got is None else {"".join(s) for s in got}) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["a", "an", "average", "a  barrel", "per", "s", "trade", "TRADE", "tradesman", "Sales",
     "sale", " ", "\t", "-", "x", "é", "ſ", "\u212a"]), max_size=14))
def test_folded_scan_with_optional_and_spaced_beginnings(words: list[str]) -> None:
    pattern = re.compile(
        r"\b(?=[a-z])(?:(?P<a>an?\s+average|a\s+barrel|sales?\b)|(?P<b>trade(?:sman)?s?)"
        r"|(?P<c>(?-i:Sales)\s*x?))",
        re.IGNORECASE,
    )
    text = "".join(words)
    scan = FoldedScan(pattern)
    got = [(m.span(), m.lastgroup) for m in scan.finditer(text, fold_case(text), 0, len(text))]
    assert got == [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
