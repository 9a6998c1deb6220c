"""Split cleaned text into sentences, as character spans.

Facts are reported with the sentence that states them, so sentence spans must match how the
labelling guidelines read news: abbreviations such as "U.S.", "Gen." or "Jan. 7" do not end a
sentence, a title is a sentence of its own, a dateline ("WASHINGTON, April 5 - ") belongs to the
first sentence, and a quotation opened after a colon ends the sentence with its first quoted
sentence. One regex finds every candidate boundary; cheap checks on the words either side
reject the false ones, so cost stays linear in the text and no per-character loop is needed.
"""

from __future__ import annotations

import re

from newsfacts.model import Sentence

__all__ = ["segment"]



def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


_PARA_SEP = re.compile(r"\n\s*\n")

# A run of terminators (spaced ellipses ". . ." included), closing quotes/brackets, then either
# whitespace, the end of the paragraph, or a capitalised word glued on ("world.Today").
_CANDIDATE = re.compile(
    r"[.?!\u2026](?: ?[.?!\u2026])*"
    r"[\"')\]}\u2019\u201d\u00bb]*"
    r"(?=\s|$|[A-Z][a-z])"
)
_NEXT_WORD = re.compile(r"[\"'(\[{\u2018\u201c\u00ab]*([A-Za-z]+)?")
# List items such as "1. ", "2.) ", "3) ", "a. ", optionally after a bullet.
_LIST_MARKER = re.compile(r"(?:[\u2022\u2043*-] ?)?(\d{1,3}|[a-z])(\.\)|\.|\))(?= )")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_OPENERS = "\"'([{\u2018\u201c\u00ab<"

# Words that precede a name or number and never end a sentence.
_PREPOSITIVE = _words(
    """mr mrs ms messrs mme dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig
    gov sen sens rep reps rev fr hon pres supt det insp mt ft lieut gens"""
)
# Abbreviations that can end a sentence: a boundary only before a typical sentence opener.
_POSTPOSITIVE = _words(
    """jr sr inc co cos corp ltd plc llc bros esq phd etc al vs approx est dept govt assn mfg
    intl univ ave blvd rd st sq cf ca e.g i.e a.m p.m
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex vt va wash wis wyo"""
)
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
# Abbreviations that stand before a number ("No. 2", "p. 55", "Jan. 7").
_NUMERIC = _words("no nos nr n\u00b0 p pp vol vols art arts fig figs ch sec para op tel ext")
# Closed-class words that typically open an English sentence; after an ambiguous abbreviation
# ("U.S.", "Co.", "I.") only these make the full stop a boundary ("U.S. How", not "U.S. Army").
_STARTERS = _words(
    """the a an this that these those it its he she they we i you his her their our my your
    there here but and or so yet however meanwhile in on at for from with by after before
    during when while if as although though since because what who whom whose why how where
    which is are was were do does did can could will would should shall has have had may
    might must not no yes one some many most all both each other such under over then now
    also still last earlier later today yesterday tomorrow according"""
)


def _is_starter(text: str, pos: int, end: int) -> bool:
    m = _NEXT_WORD.match(text, pos, end)
    word = m.group(1) if m else None
    # "U.S. IN TALKS" in an upper-case headline is not "U.S. In 1986, ..."
    return (
        word is not None
        and word.lower() in _STARTERS
        and (len(word) == 1 or not word.isupper())
    )


def _list_markers(text: str, start: int, end: int) -> tuple[set[int], list[int]]:
    """Positions of terminators inside list markers, and where items 2, 3, ... begin.

    Only a paragraph that opens with a marker is a list, and later markers must count on
    from it ("1." then "2."), so "in 1987. 2 ..." in running text is never taken for one.
    """
    m = _LIST_MARKER.match(text, start, end)
    if m is None:
        return set(), []
    inside = {m.start(2)} if m.group(2).startswith(".") else set()
    starts: list[int] = []
    label, style = m.group(1), m.group(2)
    pos = m.end()
    while True:
        nxt = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        pattern = re.compile(
            r"(?<=\s)(?:[\u2022\u2043*-] ?)?" + re.escape(nxt) + re.escape(style) + r"(?= )"
        )
        m = pattern.search(text, pos, end)
        if m is None:
            break
        starts.append(m.start())
        if style.startswith("."):
            inside.add(m.end() - len(style))
        label, pos = nxt, m.end()
    return inside, starts


def _is_boundary(
    text: str, m: re.Match[str], pstart: int, pend: int, spaces_only: bool = False
) -> bool:
    """Whether candidate ``m`` ends a sentence. ``spaces_only``: the paragraph has no line
    break or tab (always so after ``clean_text``), so only a space can start the word
    before the terminator."""
    ts, te = m.span()
    if te >= pend:
        return False  # the paragraph ends here anyway
    run = m.group()
    nxt_pos = te
    glued = not text[te].isspace()
    if not glued:
        nxt_pos += 1
        while nxt_pos < pend and text[nxt_pos].isspace():
            nxt_pos += 1
        if nxt_pos >= pend:
            return False  # only trailing whitespace follows
    nxt = text[nxt_pos]
    if nxt.islower():
        return False
    # The word before the terminator, without opening quotes or brackets.
    if spaces_only:
        ws = text.rfind(" ", pstart, ts)
    else:
        ws = max(
            text.rfind(" ", pstart, ts), text.rfind("\n", pstart, ts),
            text.rfind("\t", pstart, ts),
        )
    word_start = ws + 1 if ws >= 0 else pstart
    prev = text[word_start:ts].lstrip(_OPENERS)
    if glued:
        # "world.Today", "1,000.That": only after a lower-case letter or digit, never in
        # e-mail addresses or URLs.
        if not prev or not (prev[-1].islower() or prev[-1].isdigit()) or run != ".":
            return False
        tok_end = text.find(" ", te, pend)
        token = text[word_start : pend if tok_end < 0 else tok_end]
        return not ("@" in token or "://" in token or "www." in token)
    if run != ".":  # a lone full stop, by far the most common run, skips to the word test
        stops = run.replace(" ", "").rstrip("\"')]}\u2019\u201d\u00bb")
        if stops and not stops.strip(".\u2026"):
            n_dots = stops.count(".") + 3 * stops.count("\u2026")
            if n_dots == 3:
                # An ellipsis marks an omission, usually mid-sentence: a boundary only before
                # a clear sentence opener ("I" is too often a pause: "the thing is . . . I
                # didn't").
                return _is_starter(text, nxt_pos, pend) and not text.startswith("I ", nxt_pos)
            if n_dots >= 4:
                return True  # a full stop plus an ellipsis
        if not (nxt.isalnum() or nxt in _OPENERS or nxt in "$\u00a3\u20ac\u00a5"):
            return False
        if run[0] != "." or stops not in (".",):
            return True  # "?", "!", "?!": only a lower-case continuation rejects them
    elif not (nxt.isalnum() or nxt in _OPENERS or nxt in "$\u00a3\u20ac\u00a5"):
        return False
    # A single full stop: is the word before it an abbreviation? ("Tuesday.Mr." -> "mr")
    low = prev.lower()
    if not low:
        return True
    if "." in low and _MULTI_DOT.fullmatch(prev) is None:
        low = low.rsplit(".", 1)[1]
        prev = prev.rsplit(".", 1)[1]
        if not low:
            return True
    if nxt.isdigit():
        return not (
            low in _NUMERIC or low in _MONTHS or low in _PREPOSITIVE
            or len(prev) == 1 or ("." in prev and _MULTI_DOT.fullmatch(prev) is not None)
        )  # fmt: skip
    if low in _PREPOSITIVE:
        return False
    if (
        low in _POSTPOSITIVE
        or low in _MONTHS
        or low in _NUMERIC
        or len(prev) == 1
        or ("." in prev and _MULTI_DOT.fullmatch(prev) is not None)
    ):
        return _is_starter(text, nxt_pos, pend)
    return True


def _segment_paragraph(text: str, start: int, end: int, para_no: int, out: list[Sentence]) -> None:
    cuts: list[int] = []
    inside, item_starts = _list_markers(text, start, end)
    spaces_only = text.find("\n", start, end) < 0 and text.find("\t", start, end) < 0
    for m in _CANDIDATE.finditer(text, start, end):
        # The last candidate usually ends the paragraph, which ends the sentence anyway.
        if m.end() >= end or m.start() in inside:
            continue
        if _is_boundary(text, m, start, end, spaces_only):
            ms, me = m.span()
            # "compounds. . . . The": the full stop ends the sentence; the ellipsis opens the next.
            if text.startswith(". . . .", ms, me) and ms > start and not text[ms - 1].isspace():
                cuts.append(ms + 1)
            else:
                cuts.append(me)
    if item_starts:
        cuts = sorted(set(cuts).union(item_starts))
    cuts.append(end)
    s = start
    for c in cuts:
        a, b = s, c
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Sentence(a, b, para_no))
        s = c


def segment(text: str) -> list[Sentence]:
    """Sentences of cleaned text, in order, as end-exclusive spans with their paragraph number.

    Spans carry no surrounding whitespace and together cover every non-space character once.
    Paragraphs are separated by blank lines (``"\\n\\n"`` after ``clean_text``); paragraph
    numbers count only paragraphs that hold text, from 0.
    """
    out: list[Sentence] = []
    para_no = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = _PARA_SEP.search(text, pos)
        pend = m.start() if m else n
        before = len(out)
        _segment_paragraph(text, pos, pend, para_no, out)
        if len(out) > before:
            para_no += 1
        if m is None:
            break
        pos = m.end()
    return out
