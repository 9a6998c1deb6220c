"""clean_text: character normalisation, layout per source style, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.clean import clean_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("\ufeffHello", "Hello"),
        ("It\u2019s \u201cfine\u201d \u2018ok\u2019", "It's \"fine\" 'ok'"),
        ("5\u2032 10\u2033", "5' 10\""),
        ("\u00abNon\u00bb", '"Non"'),
        ("1990\u20131995 and \u22125 and co\u2011op", "1990-1995 and -5 and co-op"),
        ("wait\u2015no \u2014 yes", "wait\u2014no \u2014 yes"),
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("zero\u200bwidth\u00ad and\x07bell", "zerowidth andbell"),
        ("cafe\u0301", "caf\u00e9"),
        ("caf\u00c3\u00a9", "caf\u00e9"),
        ("It\u00e2\u20ac\u2122s", "It's"),
        ("\u00c2\u00a35 bn", "\u00a35 bn"),
        ("double \u00c3\u0192\u00c2\u00a9", "double \u00e9"),
        ("JOS\u00c9\u2019S", "JOS\u00c9'S"),
        ("a\r\nb\rc", "a\n\nb\n\nc"),
        ("  lots   of\t space  ", "lots of space"),
        ("", ""),
    ],
)
def test_characters(raw: str, want: str) -> None:
    assert clean_text(raw) == want


REUTERS_STYLE = (
    "ACME CORP SEES HIGHER EXPORTS\n"
    "\n"
    "SPRINGFIELD, March 3 - Acme Corp said its exports to the\n"
    "European Community rose to 12.5 mln dlrs in the year from 9.8\n"
    "mln dlrs a year earlier, helped by a weaker currency.\n"
    "    The company said sales of its wide-\n"
    "ranging product line would rise again this year, and that\n"
    "it expected no change in its dividend policy at present.\n"
    " REUTER\n"
)


def test_reuters_layout() -> None:
    out = clean_text(REUTERS_STYLE)
    paras = out.split("\n\n")
    assert paras[0] == "ACME CORP SEES HIGHER EXPORTS"
    assert paras[1].startswith("SPRINGFIELD, March 3 - Acme Corp said its exports to the European")
    assert paras[1].endswith("a weaker currency.")
    assert "wide-ranging" in paras[2]
    assert paras[-1] == "REUTER"
    assert len(paras) == 4


def test_one_paragraph_per_line_with_headings() -> None:
    raw = (
        "Talks stall over base agreement\n"
        "The two governments failed on Tuesday to agree on the future of the air base, "
        "officials said, after a week of talks in the capital.\n"
        "Troops stay put\n"
        "About 2,000 soldiers will remain at the base until a new agreement is signed, "
        "according to a statement from the defence ministry.\n"
    )
    paras = clean_text(raw).split("\n\n")
    assert paras == [
        "Talks stall over base agreement",
        paras[1],
        "Troops stay put",
        paras[3],
    ]
    assert paras[1].startswith("The two governments") and paras[3].startswith("About 2,000")


def test_blank_line_paragraphs() -> None:
    raw = "Headline here\n\nFirst paragraph.\n\n\n\nSecond paragraph. \n\n"
    assert clean_text(raw) == "Headline here\n\nFirst paragraph.\n\nSecond paragraph."


def test_usenet_quotes() -> None:
    raw = (
        "Re: troop numbers in the region\n"
        "\n"
        "> In article someone writes that there were about five thousand\n"
        "> troops stationed near the border during the whole of last year\n"
        "> and that the number has not changed since then at all.\n"
        "I doubt that very much. My sources put the figure a lot higher\n"
        "than that, perhaps closer to eight thousand men in all by now.\n"
    )
    paras = clean_text(raw).split("\n\n")
    assert paras[1].startswith("In article someone writes that there were about five thousand")
    assert "thousand troops stationed" in paras[1]
    assert ">" not in paras[1]
    assert paras[2].startswith("I doubt that very much. My sources put the figure a lot")
    assert "a lot higher than that" in paras[2]


def test_soft_break_and_list_lines() -> None:
    assert clean_text("It was a cold \nnight in the city.") == "It was a cold night in the city."
    assert clean_text("features\ncontact manager\nevents\n") == (
        "features\n\ncontact manager\n\nevents"
    )


@pytest.mark.parametrize(
    "raw",
    [REUTERS_STYLE, "A\u200b\u0301x", "\u00c3\u200b\u00a9", "x\u2029y\x0cz", " \n \n\t", "a\u2015"],
)
def test_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


def test_output_invariants() -> None:
    out = clean_text(REUTERS_STYLE)
    assert "\n\n\n" not in out and "  " not in out and out == out.strip()
    assert all(p == p.strip() and "\n" not in p for p in out.split("\n\n"))


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not available")
def test_corpus_idempotent_and_layout() -> None:
    docs = sorted((SHARED / "corpus").glob("*/docs/*.txt"))
    assert docs
    for path in docs:
        out = clean_text(path.read_text(encoding="utf-8"))
        assert clean_text(out) == out, path
        assert "\n\n\n" not in out and "  " not in out, path
        for para in out.split("\n\n"):
            assert para and "\n" not in para, path


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # every line its own paragraph (no line ends in a space or tab)
        ("Title\nFirst para.\n\n  Second  para.\nThird",
         "Title\n\nFirst para.\n\nSecond para.\n\nThird"),
        ("one\n\n\n\ttwo\t\n", "one\n\ntwo"),
        # a soft break joins only a lower-case continuation
        ("one \nmore line\nNext", "one more line\n\nNext"),
        ("one\t\nmore", "one more"),
        ("one \nMore", "one\n\nMore"),
    ],
)
def test_line_per_paragraph_layout(raw: str, want: str) -> None:
    assert clean_text(raw) == want


def test_mapped_characters_in_runs() -> None:
    # runs of characters the table maps, at the start, inside and at the end of the text
    raw = "\u201c\u2018Hi\u2019\u201d\u00a0\u00a0x\u200b\u200by\u2013\u2014\u2013"
    assert clean_text(raw) == "\"'Hi'\" xy-\u2014-"
