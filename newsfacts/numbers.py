"""The one number grammar both extractors share.

News writes quantities as digits (``28,500``, ``8.14``), digits with scale words
(``$20 billion``, ``20 bln``, ``€300m``), words (``five thousand``, ``half a million``,
``a dozen``), vague plurals (``hundreds of billions``, ``thousands of``), ranges
(``35,000 to 50,000``, ``between 3,000 and 4,000``, ``3,000-4,000``) and hedges (``some``,
``more than``). Parsing them in one place keeps trade figures and troop counts consistent.

Every pattern here uses bounded repetition and starts only at the beginning of a digit or
word run, so a scan is linear in the text length even on adversarial input (a megabyte of
digits, endless "hundreds of").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from newsfacts.patterns import emit_atoms, fold_case, match_starts, word_alternation

# --- lexicons (data, not logic) ------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words and abbreviations, as multipliers. Single letters only count when glued to
# the number or followed by a non-letter ("$5m", "5bn"), which the pattern enforces.
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6, "bil": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "billions": 1e9, "millions": 1e6, "trln": 1e12, "tn": 1e12, "trn": 1e12,
    "k": 1e3, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
    "lakh crore": 1e12, "lakh crores": 1e12,
}
# Vague amounts take the smallest value they can mean (annotation guidelines, rule 37).
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
    "tens of thousands": 20000, "hundreds of thousands": 200000, "millions": 2e6,
    "tens of millions": 2e7, "hundreds of millions": 2e8, "billions": 2e9,
    "tens of billions": 2e10, "hundreds of billions": 2e11, "trillions": 2e12,
    "a few hundred": 200, "a few thousand": 2000, "several hundred": 300,
    "several thousand": 3000, "several million": 3e6, "several billion": 3e9,
    "a few million": 2e6, "a few billion": 2e9, "a few dozen": 24, "several dozen": 36,
    "a couple of hundred": 200, "a couple of thousand": 2000,
    # the informal "a couple" without "of" (Usenet, quotes)
    "a couple hundred": 200, "a couple thousand": 2000, "a couple hundred thousand": 200000,
    "a couple of hundred thousand": 200000, "a couple million": 2e6,
    "a couple of million": 2e6, "a couple billion": 2e9, "a couple of billion": 2e9,
}
# Hedges that make a figure approximate and belong in its quote (rules 16-17, 39).
HEDGES = (
    "some", "about", "around", "roughly", "nearly", "almost", "more than", "over", "up to",
    "at least", "an estimated", "approximately", "close to", "under", "below", "as many as",
    "as much as", "less than", "fewer than", "just over", "just under", "well over",
    "upwards of", "upward of", "in excess of", "an additional", "approx.", "approx", "at most",
    "more than an estimated", "some estimated", "an extra", "nearly an", "almost an",
    "just short of", "not more than", "no more than", "circa", "c.", "above", "nearer to",
    # Spoken and British hedges ("something like $200 billion both ways", "in the region of
    # £2bn", "north of $5 billion"), and the degree words before a threshold ("slightly
    # more than", "a little over"), which belong in the quote with it (rule 17).
    "something like", "in the region of", "in the neighbourhood of", "in the neighborhood of",
    "shy of", "just shy of", "north of", "getting on for", "nigh on", "close on",
    "more or less", "not quite", "an approximate", "just about", "somewhere around",
    "slightly more than", "slightly over", "slightly less than", "slightly under",
    "a little over", "a little under", "a little more than", "a little less than",
    "just above", "just below", "well above", "well below", "well under",
)
# "an additional", "an extra" are not hedges in meaning; they are kept out of APPROX below.
NOT_APPROX_HEDGES = {"an additional", "an extra", "additional"}

_WORD_NUM = word_alternation([*UNITS, *TENS])
_SCALE_WORD = r"hundred|thousand|million|billion|trillion"
_SCALE_ABBR = r"mln|bln|trln|bn|mn|tn|trn|mil|bil|crores?|lakh\s(?:crores?)|lakhs?"
_HEDGE = word_alternation(HEDGES)
_VAGUE = word_alternation(VAGUE)

# A numeral: grouped thousands or a plain run (capped so a digit flood cannot backtrack far).
# A currency prefix in letters may be glued to the numeral ("RM5.2bn", "Dh3bn", "$US1bn").
_GLUED_PREFIXES = ("RM", "Rp", "Rs", "Rs.", "Rp.", "Dh", "Dhs", "Tk", "KSh", "Ksh", "$US", "$A",
                   "SFr", "Sfr", "DM", "Dfl", "QR")


def _digits(glued_prefixes: Sequence[str]) -> str:
    glued = "|".join(rf"(?<=(?<![A-Za-z]){re.escape(p)})" for p in glued_prefixes)
    return (
        rf"(?=\d)(?:(?<![\w.,])|(?<=[A-Za-z.])(?:{glued}))"
        rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{1,9}})(?:\.\d{{1,4}})?(?![\d])(?!,\d)"
    )


# A spelled-out number: "five", "twenty-five", "a hundred", "two hundred and fifty", "a dozen".
_SCALE_TAIL = (
    rf"(?:\s(?:{_SCALE_WORD})(?:\s(?:and\s)?(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?)?)"
)
# "a"/"an" only count with a scale word after them ("a million"): a bare article must not
# even match, or text full of articles costs a Python round trip per word.
_WORDS = (
    rf"(?:(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?{_SCALE_TAIL}{{0,3}}"
    rf"|an?{_SCALE_TAIL}{{1,3}})"
)
# Scale after a numeral: " billion", "bn" glued, "m" glued ("$5m"), " mln", a word glued as
# the Daily Mail prints it ("a staggering £2billion"), and a compound adjective's hyphen
# ("a $1.2-billion contract", "a 5-million-euro grant").
_SCALE = (
    rf"(?:\s?(?:{_SCALE_ABBR})\b|\s?(?:{_SCALE_WORD})s?\b|-(?:million|billion|trillion)\b"
    rf"|(?:m|b|k|bn)(?![\w]))"
)


# A fraction written between a numeral and its scale, as 1980s wire copy and informal posts
# print it: "2-1/2 billion dlrs", "$2 1/2 billion", "$2½ billion". Only before a scale.
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5, "¼": 0.25, "¾": 0.75}
_FRACTION = rf"(?:[- ](?:1/[24]|3/4)|[½¼¾])(?=\s?(?:{_SCALE_WORD}|{_SCALE_ABBR})\b|[mbk]\b)"
# A part of a scale in words: "half a million", "a quarter of a million", "a quarter-million",
# "three-quarters of a billion", "one and a half million", "two-and-a-half billion", "a
# billion and a half". (Numerals with "and a half" are rare enough to leave out.)
_PART_OF_SCALE = (
    rf"(?:(?:(?:a|one)[\s-])?(?:half|quarter|three[\s-]quarters)(?:\sof)?(?:\san?\s|[\s-])"
    rf"(?:{_SCALE_WORD})"
    rf"|(?:{_WORD_NUM})[\s-]and[\s-]a[\s-]half[\s-](?:{_SCALE_WORD})"
    rf"|an?\s(?:{_SCALE_WORD})\sand\sa\shalf)"
)


def _part_of_scale_value(phrase: str) -> float:
    """Value of a ``_PART_OF_SCALE`` phrase: the scale times its fraction or mixed number."""
    words = [w for w in _WORD_SPLIT_RE.split(phrase.lower()) if w not in ("a", "an", "of")]
    scale = next(SCALES[w] for w in words if w in _SCALE_WORDS)
    if "and" in words:  # "one and a half million", "a billion and a half"
        whole = UNITS.get(words[0], TENS.get(words[0], 1.0))
        return (whole + 0.5) * scale
    if "quarters" in words or "quarter" in words:
        return (0.75 if "three" in words else 0.25) * scale
    return 0.5 * scale


_SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "trillion"))


def _fraction(m: re.Match[str]) -> float:
    """The fraction a numeral match carries before its scale ("2-1/2 billion"), or 0."""
    frac = m.group("frac")
    return FRACTIONS[frac.lstrip("- ")] if frac else 0.0


def _core(glued_prefixes: Sequence[str]) -> str:
    """The grammar, one named group per kind of number phrase.

    A numeral starts at a digit and every other branch at the start of a word, so at any
    position at most one of the two halves can match and their order does not matter. The
    guards in front let the engine reject most positions with two cheap tests before trying
    the alternatives (``(?=\\d)`` or ``\\b`` in front cost twice as much): the first
    character must be a digit or a letter some branch starts with, and a word branch needs
    a non-letter before it (its own ``\\b`` still decides). At the start of a word, one
    look-ahead for the words the word branches begin with (``_FIRST_WORDS``) rejects most
    words ("the", "said") at once, instead of each branch in turn.
    """
    return (
        rf"(?=[\d{_WORD_STARTS}])"
        rf"(?:(?P<num>{_digits(glued_prefixes)})(?P<frac>{_FRACTION})?(?P<scale>{_SCALE})?"
        rf"|(?<![a-z])(?=an?\s|{_FIRST_WORDS})(?:(?P<vague>\b(?:{_VAGUE})\b)"
        rf"|(?P<part>\b{_PART_OF_SCALE}\b)"
        rf"|(?P<dozen>\b(?:a|one|two|three|four|five|half\sa)\s+dozen\b)"
        rf"|(?P<words>\b{_WORDS}\b)))"
    )


# First letters of every word branch: vague amounts, "half", "quarter", "a"/"an", and the
# units and tens that start spelled-out numbers and "<unit> dozen".
_WORD_STARTS = "".join(sorted({w[0] for w in (*VAGUE, *UNITS, *TENS, "a", "half", "quarter")}))
# The words every word branch begins with, but for "a"/"an" and a space ("a few", "a
# dozen", "a million"): units, tens, the first words of the vague amounts, and "half".
_FIRST_WORDS = word_alternation([
    *UNITS, *TENS, "dozens", "scores", "hundreds", "thousands", "tens", "millions", "billions",
    "trillions", "several", "half", "quarter",
])
_ANY_DIGIT_RE = re.compile(r"\d")
# The grammar runs on case-folded text (``patterns.fold_case``): about 40% faster than
# ``re.IGNORECASE``, which also lets "ſ" and "K" (Kelvin) stand for "s" and "k" and so
# matched words no lexicon holds ("scoreſ").
_NUMBER_FOLDED_RE = re.compile(_core([p.lower() for p in _GLUED_PREFIXES]))
_HEDGE_BEFORE_RE = re.compile(rf"(?:\b(?:{_HEDGE}))\s+$", re.IGNORECASE)
_LONGEST_HEDGE = max(map(len, HEDGES))
_HEDGE_LAST_WORDS = frozenset(h.split()[-1].lower() for h in HEDGES)
_HEDGE_ENDINGS = tuple(_HEDGE_LAST_WORDS)  # for str.endswith
# After a number, what joins it to a range end: "to", "-", "and" (after between), "or".
_RANGE_JOIN_RE = re.compile(r"\s?(?:-|–|to|and|or)\s?", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+(?:an?\s+)?$", re.IGNORECASE)
# Small patterns of the parsers below, compiled once (``re.sub`` with a string pays a cache
# lookup per call).
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_SPACES_RE = re.compile(r"\s+")
_SCALE_WORD_RE = re.compile(_SCALE_WORD, re.IGNORECASE)
_SIGN_RE = re.compile(r"(?:US)?[$£€¥]\s?")
# What ends a plural ("hundreds of billions"), as IGNORECASE "s" reads it (the long s too).
_PLURAL_ENDS = ("s", "S", "\u017f")


class Number(NamedTuple):
    """A parsed number phrase. ``start``/``end`` cover the hedge when there is one."""

    start: int
    end: int
    value: float
    high: float | None
    approx: bool
    vague: bool
    scaled: bool  # carries a scale word ("billion", "bn", "mln", "thousand")
    hedge: str | None
    num_start: int  # where the number itself begins (after the hedge)


def words_to_value(phrase: str) -> float | None:
    """Value of a spelled-out number ("two hundred and fifty thousand" -> 250000)."""
    total, current = 0.0, 0.0
    seen = False
    for raw in _WORD_SPLIT_RE.split(phrase.lower()):
        word = raw.strip()
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1.0) * 100
            seen = True
        elif word in ("thousand", "million", "billion", "trillion"):
            total += max(current, 1.0) * SCALES[word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _scale_value(token: str | None) -> float:
    if not token:
        return 1.0
    value = _SCALE_VALUES.get(token)
    if value is None:
        word = " ".join(token.replace("-", " ").split()).lower()
        value = _SCALE_VALUES[token] = SCALES.get(word, SCALES.get(word.rstrip("s"), 1.0))
    return value


# Multiplier of each scale token as written (" billion", "bn", " Mln"): a handful of
# spellings recur, so each is normalised once. The grammar bounds the set of tokens.
_SCALE_VALUES: dict[str, float] = {}


def _parse(m: re.Match[str]) -> tuple[float, bool, bool] | None:
    """(value, vague, scaled) for one core match, or None when it is not a number."""
    num = m.group("num")
    if num:  # the common case first: only one branch of the grammar matches
        value = float(num.replace(",", "")) + _fraction(m)
        scale = m.group("scale")
        # Rounding removes binary noise from the multiply (8.14 * 1e9 -> 8140000000.0).
        return round(value * _scale_value(scale), 6), False, scale is not None
    if m.group("vague"):
        return float(VAGUE[_SPACES_RE.sub(" ", m.group("vague").lower())]), True, True
    if m.group("part"):
        return _part_of_scale_value(m.group("part")), False, True
    if m.group("dozen"):
        head = m.group("dozen").lower().split()[0]
        mult = {"a": 1, "half": 0.5}.get(head, UNITS.get(head, 1))
        return 12.0 * mult, False, False
    words = m.group("words")
    if words.lower() in ("a", "an"):
        return None  # a bare article is not a number
    value = words_to_value(words)
    if value is None:
        return None
    return value, False, bool(_SCALE_WORD_RE.search(words))


def _hedge_before(before: str) -> re.Match[str] | None:
    """``_HEDGE_BEFORE_RE.search(before)``: the hedge that ends ``before`` but for its
    trailing spaces. A hedge ends in a letter or a full stop, so it ends where those spaces
    start and begins at most ``_LONGEST_HEDGE`` characters earlier: the search starts
    there (the engine still sees the character before, for ``\\b``)."""
    return _HEDGE_BEFORE_RE.search(before, max(0, len(before.rstrip()) - _LONGEST_HEDGE))


# A hedge written after the number: "2,000 or so soldiers", "300-odd troops", "3,000 or
# more troops", "5,000-plus troops", "$2 billion or thereabouts" (approximate; "or more"
# reads as "at least", but not in "or more than").
_APPROX_AFTER_RE = re.compile(
    r"\s+or\s+(?:so|thereabouts|more(?!\s+than\b))\b|-(?:odd|plus)\b", re.IGNORECASE)


def _elided_thousands(low: str, high: str | None, high_value: float) -> bool:
    """Does a bare low end leave out the thousands its high end writes ("40-50,000", "2 to
    3,000")? Only when the high end is a round thousands numeral within ten times the low
    end read as thousands."""
    return bool(high) and high.endswith(",000") and low.isdigit() and (
        0 < int(low) * 1000 < high_value <= int(low) * 10_000)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, folded: str | None = None
) -> Iterator[Number]:
    """Every number phrase in ``text[start:end]``, left to right, ranges joined.

    A range is one Number with ``high`` set ("35,000 to 50,000", "between 3 and 4", "3-4");
    "from X to Y" is two Numbers, because the guidelines record both ends of a change.
    A scale on the high end applies to a bare low end ("35 to 50 billion").
    ``folded`` is ``patterns.fold_case(text)`` when the caller has it (else it is made).
    """
    end = len(text) if end is None else end
    if folded is None:
        folded = fold_case(text)
    if not _may_hold_number(text, start, end, folded):
        return
    pos = start
    while True:
        m = _NUMBER_FOLDED_RE.search(folded, pos, end)
        if m is None:
            return
        num = m.group("num")
        if num:  # _parse's numeral case, inline: most matches are numerals
            scale = m.group("scale")
            value = round((float(num.replace(",", "")) + _fraction(m)) * _scale_value(scale), 6)
            vague, scaled = False, scale is not None
        else:
            parsed = _parse(m)
            if parsed is None:
                pos = m.end()
                continue
            value, vague, scaled = parsed
        n_start, n_end = m.span()
        before = text[max(start, n_start - 40) : n_start]
        # The patterns below end in a word and spaces; most numbers follow none of those
        # words, and a suffix test is much cheaper than a search.
        tail = before.rstrip().lower()
        hedge_m = _hedge_before(before) if tail.endswith(_HEDGE_ENDINGS) else None
        hedge = None
        q_start = n_start
        if hedge_m:
            hedge = hedge_m.group(0).strip().lower()
            q_start = n_start - (len(before) - hedge_m.start())
            q_start += len(hedge_m.group(0)) - len(hedge_m.group(0).lstrip())
        high = None
        between = tail.endswith("between") and _BETWEEN_RE.search(before) is not None
        after_from = tail.endswith(("from", "a", "an")) and _FROM_RE.search(before) is not None
        j = _RANGE_JOIN_RE.match(text, n_end, end)
        if j and not vague and not after_from:
            joiner = j.group(0).strip().lower()
            ok = joiner in ("-", "–", "to", "or") or (joiner == "and" and between)
            m2 = _NUMBER_FOLDED_RE.match(folded, j.end(), end) if ok else None
            # "$35 to $50 billion": allow a repeated currency sign before the high end.
            if ok and m2 is None:
                sym = _SIGN_RE.match(text, j.end(), end)
                if sym:
                    m2 = _NUMBER_FOLDED_RE.match(folded, sym.end(), end)
            p2 = _parse(m2) if m2 else None
            if p2 and not p2[1]:
                hv = p2[0]
                if not scaled and p2[2] and m2 is not None and m2.group("num"):
                    # "35 to 50 billion": the low end borrows the high end's scale.
                    value = round(value * _scale_value(m2.group("scale")), 6)
                    scaled = True
                elif num and m2 is not None and _elided_thousands(num, m2.group("num"), hv):
                    value *= 1000  # "40-50,000 troops": 40,000 to 50,000
                if hv > value:
                    high = hv
                    n_end = m2.end()
                    if between:
                        q_start = min(q_start, n_start - len(_BETWEEN_RE.search(before).group(0)))
        approx = vague or (hedge is not None and hedge not in NOT_APPROX_HEDGES)
        if high is None and n_end < end and text[n_end] in " -":
            odd = _APPROX_AFTER_RE.match(text, n_end, end)
            if odd is not None:  # "2,000 or so soldiers", "300-odd troops"
                n_end, approx = odd.end(), True
        yield Number(q_start, n_end, value, high, approx, vague, scaled, hedge, n_start)
        pos = n_end


# --- money ---------------------------------------------------------------------------------
# Money is a number phrase with a currency: a symbol or code before it ("$20 billion",
# "US$1.2bn", "Rs 5 crore", "USD 200"), or a currency word after it, optionally qualified by
# a country ("8.14 billion dlrs", "629.7 mln Swiss francs", "hundreds of billions of
# dollars"). Newswire tables also state amounts that borrow the currency, and even the scale,
# of an earlier amount ("rose to 5.2 billion dlrs from 4.1 billion", "from 3,304.1 in 1985":
# guidelines rule 26); those come out with ``currency=None`` and ``bare`` set so the caller
# can take the currency from the sentence or the paragraph.


class CurrencyLexicon(NamedTuple):
    """The money lexicon (``data/currencies.tsv``). A code in upper case that is a key of
    ``defaults`` is a family (DOLLAR, FRANC, ...) whose ISO code depends on the country."""

    words: dict[str, str]  # lower-cased currency word -> code or family
    prefixes: dict[str, str]  # lower-cased symbol/prefix -> code or family
    iso: dict[str, str]  # ISO code as written -> code
    national: dict[tuple[str, str], tuple[str, bool]]  # (family, ISO3) -> (code, implicit)
    defaults: dict[str, str]  # family -> code when no country resolves it


def _load_currencies() -> CurrencyLexicon:
    from importlib import resources

    text = resources.files("newsfacts").joinpath("data/currencies.tsv").read_text("utf-8")
    lex = CurrencyLexicon({}, {}, {}, {}, {})
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        kind = cols[0]
        if kind == "word":
            lex.words[cols[1].lower()] = cols[2]
        elif kind == "prefix":
            lex.prefixes[cols[1].lower()] = cols[2]
        elif kind == "iso":
            lex.iso[cols[1]] = cols[2] if len(cols) > 2 and cols[2] else cols[1]
        elif kind == "national":
            lex.national[(cols[1], cols[2])] = (cols[3], cols[4] == "implicit")
        elif kind == "default":
            lex.defaults[cols[1]] = cols[2]
    return lex


CURRENCIES = _load_currencies()


def national_currency(family: str, economy: str | None, *, implicit: bool = True) -> str | None:
    """The ISO code a currency family has in ``economy`` (``("FRANC", "CHE")`` -> CHF), or
    None. With ``implicit`` only the rows that apply without the country being written
    (rule 19: unqualified "dlrs" are Canadian only in Canada's own statistics)."""
    if economy is None:
        return None
    row = CURRENCIES.national.get((family, economy))
    if row is None or (implicit and not row[1]):
        return None
    return row[0]


def default_currency(code_or_family: str) -> str:
    """A family's default code (DOLLAR -> USD); an ISO code is returned unchanged."""
    return CURRENCIES.defaults.get(code_or_family, code_or_family)


def is_family(code: str | None) -> bool:
    return code is not None and code in CURRENCIES.defaults


class Money(NamedTuple):
    """A money amount. ``start``/``end`` cover the quote: hedge, prefix symbol, number,
    scale and currency word. ``currency`` is an ISO code, a family key (DOLLAR, FRANC, ...)
    to resolve by country, or None when the amount borrows its currency (``bare``)."""

    start: int
    end: int
    value: float
    high: float | None
    approx: bool
    vague: bool
    scaled: bool
    hedge: str | None
    num_start: int
    currency: str | None
    bare: bool  # no currency written here (and, for a plain numeral, no scale either)


_ISO_CODES = "|".join(sorted(CURRENCIES.iso, key=len, reverse=True))
# (a space in a prefix matches at most one space)
_LONGEST_PREFIX = max(map(len, [*CURRENCIES.prefixes, *CURRENCIES.iso]))
_PREFIXES = "|".join(
    re.escape(p).replace(r"\ ", r"\s?")
    for p in sorted(CURRENCIES.prefixes, key=len, reverse=True)
)
_PREFIX_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<pre>{_PREFIXES})|(?-i:(?<![A-Za-z])(?P<iso>{_ISO_CODES})))\s{{0,2}}$",
    re.IGNORECASE,
)
# Up to three words after a number, read as plain words and looked up in the lexicon
# (cheaper than one alternation of every currency word).
_WORD = r"[A-Za-z][A-Za-z.'’-]{0,20}"
# ("a 2.7 billion-euro deal", "a 500 million-euro order": a compound adjective's hyphen)
_WORDS_AFTER_RE = re.compile(
    rf"(?:-(?=[A-Za-z]))?(?P<of>\s{{0,3}}of\s{{1,3}}|\s{{0,3}})(?P<w1>{_WORD})"
    rf"(?:\s{{1,3}}(?P<w2>{_WORD}))?(?:\s{{1,3}}(?P<w3>{_WORD}))?"
)
# What a word right before a number ends with when it is (or ends in) a prefix or a code:
# the last space-separated part of each prefix ("u.s. $" -> "$").
_PREFIX_ENDINGS = tuple(sorted({p.split()[-1] for p in CURRENCIES.prefixes}))
_ISO_ENDINGS = tuple(sorted(CURRENCIES.iso))
# Currency signs that stand alone before a number; ``_SIGNS`` adds the cedi's and cent's,
# which only end a prefix ("GH¢").
_SIGN_CHARS = "$£€¥₹₩₽₺₦₱฿₫₴"
_SIGNS = frozenset(_SIGN_CHARS + "¢₵")


def _might_have_currency(text: str, pos: int, end: int) -> bool:
    """A cheap test: does a range joiner, sign or currency word follow?"""
    nxt = text[pos : pos + 4]
    if not _SIGNS.isdisjoint(nxt) or "-" in nxt or "–" in nxt:
        return True
    m = _WORDS_AFTER_RE.match(text, pos, end)
    if m is None:
        return False
    words = [w for w in m.group("w1", "w2", "w3") if w]
    return any(_currency_word(w) is not None for w in words) or words[0].lower() in ("to", "and")


def _currency_word(word: str) -> str | None:
    w = word.rstrip(".'’")
    return CURRENCIES.iso.get(w) or CURRENCIES.words.get(w.lower())
# "2.2. Billion": a stray full stop between a number and its scale (printed typo, rule 29).
_TYPO_SCALE_RE = re.compile(r"\.\s(?:billion|million|trillion|bln|mln)\b", re.IGNORECASE)
# "$35 to $50 billion": the high end may repeat the sign.
_REPEATED_SIGN_RE = re.compile(r"(?:US|[A-Z]{1,2})?[$£€¥]\s?")
_MONEY_JOIN_RE = re.compile(r"\s?(?:-|–|to)\s?", re.IGNORECASE)
# A change verb right before a number makes "X to Y" a change and a level, not a range
# ("rose 200 mln to 7.2 billion dlrs").
CHANGE_WORDS = (
    "rose", "fell", "increased", "decreased", "gained", "dropped", "climbed", "declined",
    "grew", "widened", "narrowed", "up", "down", "by", "jumped", "slipped", "slid", "eased",
    "shrank", "expanded", "improved", "deteriorated",
)
_CHANGE_BEFORE_RE = re.compile(rf"\b(?:{word_alternation(CHANGE_WORDS)})\s+$", re.IGNORECASE)
# Words before a bare numeral that chain it to an earlier amount ("from 3,304.1 in 1985").
_CHAIN_BEFORE_RE = re.compile(
    r"(?:\b(?:from|against|versus|vs\.?|and|with|to|over)|,)\s+$", re.IGNORECASE
)
# What may not follow an amount without currency: units and measures of goods,
# percentages, plural nouns ("1.2 mln tonnes", "8.1 million metric tons", "2.3 pct",
# "40 billion people", "1.2 million TEUs").
_NOT_MONEY_AFTER_RE = re.compile(
    r"\s?(?:%|-?(?:pct|percent|per\b|per\s?cent|tonnes?|tons?|barrels?|bpd|kg|lbs?|"
    r"(?:metric|short|long)\s+(?:tons?|tonnes?)|carats?|lit(?:re|er)s?|gallons?|TEUs?|"
    r"ounces?|bushels?|bales?|bags?|head|people|units|shares|points?|times|fold|"
    r"hectares?|acres?|cubic|square|kilo\w*|mil\w*|metres?|meters?|feet|years?|"
    r"months?|days?|weeks?|hours?|st|nd|rd|th)\b|-[a-z])",
    re.IGNORECASE,
)
_PLURAL_AFTER_RE = re.compile(r"\s(?!(?:was|is|has|as|its|this|thus|plus|less|us|always)\b)"
                              r"[a-z]{2,}s\b")


def _qualifier_country(qual: str) -> str | None:
    """ISO3 of a currency qualifier ("Swiss", "N.Z.", "Hong Kong", "SWISS"), via the
    gazetteer's surface table."""
    from newsfacts.gazetteer import code_for

    for form in (qual, qual.title(), qual.upper()):
        code = code_for(form)
        if code is not None:
            return code
    return None


def _resolve_written(code: str, qual: str | None) -> str | None:
    """The currency of a written currency word with an optional country qualifier; None
    when the qualifier is not a country (then the word is not this amount's currency)."""
    if qual is None:
        return code
    country = _qualifier_country(qual)
    if country is None:
        return None
    if is_family(code):
        return national_currency(code, country, implicit=False) or code
    return code


def _suffix_currency(
    text: str, pos: int, end: int, *, allow_of: bool
) -> tuple[str, int] | None:
    """(currency, end) of a currency written right after ``pos``: a currency word or
    ISO code, optionally after a one- or two-word country qualifier; or None."""
    m = _WORDS_AFTER_RE.match(text, pos, end)
    if m is None:
        return None
    of, *found = m.group("of", "w1", "w2", "w3")
    if of.strip() and not allow_of:
        return None
    # (word, group number) of the words present; group 2 is "w1".
    spans = [(w, k) for k, w in enumerate(found, 2) if w]
    for n_qual in range(min(3, len(spans))):
        # A two-word currency ("pounds sterling", "deutsche marks") first.
        for width in (2, 1):
            if n_qual + width > len(spans):
                continue
            surface = (
                f"{spans[n_qual][0]} {spans[n_qual + 1][0]}" if width == 2 else spans[n_qual][0]
            )
            code = _currency_word(surface)
            if code is None:
                continue
            if surface.isupper() is False and surface.rstrip(".'’") in CURRENCIES.iso:
                continue
            qual = " ".join(w for w, _ in spans[:n_qual]) or None
            resolved = _resolve_written(code, qual)
            if resolved is None:
                continue
            last_word, last_key = spans[n_qual + width - 1]
            stripped = last_word.rstrip(".'’")
            return resolved, m.end(last_key) - (len(last_word) - len(stripped))
    return None


def _prefix_currency(text: str, lo: int, n_start: int) -> tuple[str, int] | None:
    """(currency, start) of a symbol or code written right before a number."""
    window = text[max(lo, n_start - 12) : n_start]
    tail = window.rstrip()
    if not tail or not (tail[-1] in _SIGNS or tail[-1].isalpha() or tail[-1] == "."):
        return None
    # A prefix ends the last word before the number ("about" cannot, "(Rs" can): a suffix
    # test is cheaper than the search. Not for other scripts, which case-fold to letters.
    word = tail.rsplit(None, 1)[-1]
    if word.isascii() and not (
        word.lower().endswith(_PREFIX_ENDINGS) or word.endswith(_ISO_ENDINGS)
    ):
        return None
    # A match ends the window but for at most two spaces (and a last newline, which "$"
    # may leave), so it starts no further back than the longest prefix or code and those.
    m = _PREFIX_RE.search(window, max(0, len(window) - _LONGEST_PREFIX - 3))
    if m is None:
        return None
    pre = m.group("pre")
    code = _prefix_code(pre) if pre else CURRENCIES.iso[m.group("iso")]
    return code, n_start - (len(window) - m.start())


def _prefix_code(pre: str) -> str:
    """The currency of a prefix as written ("US$", "u.s. $", "Rs."). Few spellings recur,
    so each is looked up once; the grammar bounds the set."""
    code = _PREFIX_CODES.get(pre)
    if code is None:
        key = _SPACES_RE.sub("", pre.lower())
        code = CURRENCIES.prefixes.get(key) or CURRENCIES.prefixes.get(pre.lower())
        if code is None:
            spaced = key.replace("$", " $", 1) if key != "$" else key
            code = CURRENCIES.prefixes.get(spaced, "DOLLAR")
        _PREFIX_CODES[pre] = code
    return code


_PREFIX_CODES: dict[str, str] = {}


_DIGIT_OR_SIGN_RE = re.compile(f"[0-9{re.escape(_SIGN_CHARS)}]")
_LETTERS_RE = re.compile(r"[A-Za-z]+")


# Every number phrase has a digit or one of these words; screening for them first is ten
# times cheaper than scanning a sentence without numbers with the full grammar.
NUMBER_WORDS = frozenset(
    [*UNITS, *TENS, "hundred", "hundreds", "thousand", "thousands", "million", "millions",
     "billion", "billions", "trillion", "trillions", "dozen", "dozens", "scores", "several",
     "few", "couple", "half", "tens"]
)


def _may_hold_number(text: str, start: int, end: int, folded: str) -> bool:
    if _ANY_DIGIT_RE.search(text, start, end):
        return True
    if text.find("\u212a", start, end) < 0:
        # The same test on the folded slice, three times faster: its runs of a-z are the
        # runs of letters above, lower-cased (the Kelvin sign alone folds to an ASCII "k").
        part = folded[start:end]
        return _NUMBER_WORD_AT_RE.match(part) is not None or \
            _NUMBER_WORD_AFTER_RE.search(part) is not None
    return not NUMBER_WORDS.isdisjoint(w.lower() for w in _LETTERS_RE.findall(text, start, end))


# A number word as a whole run of letters: at the start, and after a non-letter (matched
# from that character, so the engine skips the letters between in C).
_NUMBER_WORD = rf"(?:{word_alternation(NUMBER_WORDS)})(?![a-z])"
_NUMBER_WORD_AT_RE = re.compile(_NUMBER_WORD)
_NUMBER_WORD_AFTER_RE = re.compile(rf"[^a-z]{_NUMBER_WORD}")


def _may_hold_money(text: str, start: int, end: int) -> bool:
    """Cheap screen: money needs a digit, a sign or a currency word ("billions of
    dollars"); a flood of number words without one is skipped in one pass."""
    if _DIGIT_OR_SIGN_RE.search(text, start, end):
        return True
    words = set(_LETTERS_RE.findall(text, start, end))
    return any(_currency_word(w) is not None for w in words)


def _money_hint_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What every amount find_money yields has in its sentence, on folded text: a currency
    sign, a currency prefix, word or code, or a scale ("bn", "million", glued "m"). The
    words start after a non-letter and currency words end before a letter or hyphen, as
    the money grammar reads them; codes are confirmed in the original case by the caller.

    Two forms of one grammar: the plain one, and one that matches from the character before
    (the sign itself, or the non-letter before a word). The second starts with a character
    class, so the engine skips to candidates in C (three times faster), but it cannot match
    a word at the very start of the text: there the plain one is tried."""
    prefixes = [p for p in CURRENCIES.prefixes if re.fullmatch(r"[a-z.]+", p)]
    signs = {c for p in CURRENCIES.prefixes for c in p if not re.fullmatch(r"[a-z. ]", c)}
    words = {part for w in CURRENCIES.words for part in w.split()}
    abbrs = ["mln", "bln", "trln", "bn", "mn", "tn", "trn", "mil", "crore", "crores", "lakh",
             "lakhs", "m", "b", "k"]
    sign = f"[{re.escape(''.join(sorted(signs)))}]"
    branches = (
        rf"(?:(?:{word_alternation(words)})(?![a-z-])"
        rf"|{word_alternation(prefixes)}|{_SCALE_WORD}"
        rf"|(?:{word_alternation(abbrs)})(?![a-z])"
        rf"|(?P<iso>{word_alternation(c.lower() for c in CURRENCIES.iso)})(?![a-z]))"
    )
    # Every word branch's match begins with one of a few hundred three-letter heads: one
    # look-ahead for them rejects most words at once, where each branch would be tried.
    starts = match_starts(branches, 0)
    heads = f"(?={emit_atoms({start[:3] for start in starts})})" if starts else ""
    plain = re.compile(rf"{sign}|(?<![a-z]){heads}{branches}")
    from_before = re.compile(rf"[^a-z](?:(?<={sign})|{heads}{branches})")
    return plain, from_before


_MONEY_HINT_RE, _MONEY_HINT_FROM_BEFORE_RE = _money_hint_res()
# Characters outside ASCII that ``str.lower`` or IGNORECASE read as ASCII letters ("ſ" is
# an "s", the Kelvin sign a "k"): with one of them in a sentence the hint is not a screen.
_ASCII_LOOKALIKE_RE = re.compile(
    "[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u212a\ufb00-\ufb06]"
)


def may_yield_money(text: str, start: int, end: int, folded: str) -> bool:
    """False only when ``find_money(text, start, end, folded=folded)`` yields nothing
    (``folded`` is ``patterns.fold_case(text)``). An amount needs a currency (a sign, a
    prefix, a currency word or code) or a scale; a plain numeral chained to an earlier
    amount needs that amount. Most sentences with numbers (dates, counts, percentages)
    have neither, and this one scan is cheaper than the money grammar."""
    if _ASCII_LOOKALIKE_RE.search(text, start, end):
        return True
    # On the slice, so nothing before ``start`` counts. Hints after an unconfirmed code
    # are looked for after it, as ``_MONEY_HINT_RE.finditer`` would.
    scan = folded[start:end]
    m = _MONEY_HINT_RE.match(scan)
    pos = 0
    if m is not None:
        if m.lastgroup != "iso" or text[start : start + m.end()] in CURRENCIES.iso:
            return True
        pos = m.end()
    while (m := _MONEY_HINT_FROM_BEFORE_RE.search(scan, pos)) is not None:
        if m.lastgroup != "iso":
            return True
        a, b = m.span("iso")
        if text[start + a : start + b] in CURRENCIES.iso:
            return True
        pos = b
    return False


def _tidy(value: float) -> float:
    """Drop binary noise from a scaled decimal (16.9 * 1e9 -> 16900000000.0)."""
    return float(f"{value:.12g}")


def find_money(
    text: str, start: int = 0, end: int | None = None, *, folded: str | None = None
) -> Iterator[Money]:
    """Every money amount in ``text[start:end]``, left to right.

    Amounts with a written currency; amounts with a scale word but no currency ("2.9
    billion", currency None); and plain numerals chained to an earlier scaled amount
    ("from 3,304.1 in 1985", which takes that amount's scale). Ranges join only when they
    read as ranges ("350 to 400 mln stg", "between 3 and 4 billion dlrs"), never after
    "from" or a change verb ("rose 200 mln to 7.2 billion dlrs" is two amounts).
    ``folded`` is ``patterns.fold_case(text)`` when the caller has it (else it is made).
    """
    end = len(text) if end is None else end
    if not _may_hold_money(text, start, end):
        return
    if folded is None:
        folded = fold_case(text)
    pos = start
    last_scale: float | None = None
    while True:
        m = _NUMBER_FOLDED_RE.search(folded, pos, end)
        if m is None:
            return
        n_start, n_end = m.span()
        pos = n_end
        num = m.group("num")
        if num:  # _parse's numeral case, inline: most matches are numerals
            scale = m.group("scale")
            scale_mult = _scale_value(scale)
            value = round((float(num.replace(",", "")) + _fraction(m)) * scale_mult, 6)
            vague, scaled = False, scale is not None
        else:
            parsed = _parse(m)
            if parsed is None:
                continue
            value, vague, scaled = parsed
            scale_mult = 1.0
        if num and not scaled:
            typo = _TYPO_SCALE_RE.match(text, n_end, end)
            if typo:
                word = typo.group(0)[2:].lower()
                scale_mult = _scale_value(word)
                value = round(value * scale_mult, 6)
                scaled = True
                n_end = typo.end()
        if not num and scaled and m.group("words"):
            scale_mult = value  # "eight billion": the words carry their own scale
        prefix = _prefix_currency(text, start, n_start)
        q_start = prefix[1] if prefix else n_start
        currency = prefix[0] if prefix else None
        if currency is None and value < 1e5 and not vague and (
            scaled or last_scale is None or not num
        ) and not _might_have_currency(text, n_end, end):
            continue  # fast path: a count or a year, no money
        # Hedge before the quote ("more than $60bn", "an estimated 4.7 billion baht").
        before = text[max(start, q_start - 40) : q_start]
        words_before = before.rsplit(None, 1)
        # (a bracket before the word: "(about $2.1 billion)", a conversion's own hedge)
        last_before = words_before[-1].lower().lstrip("([") if words_before else ""
        hedge_m = _hedge_before(before) if last_before in _HEDGE_LAST_WORDS else None
        hedge = None
        if hedge_m:
            hedge = hedge_m.group(0).strip().lower()
            q_start = q_start - (len(before) - hedge_m.start())
            q_start += len(hedge_m.group(0)) - len(hedge_m.group(0).lstrip())
        # Range: "350 to 400 mln stg", "$35-$50 billion", "between 3 and 4 billion".
        high = None
        between = last_before == "between" and _BETWEEN_RE.search(before) is not None
        after_from = last_before in ("from", "a", "an") and _FROM_RE.search(
            text[max(start, n_start - 20) : q_start]) is not None
        window = before[-20:] if hedge is None else text[max(start, q_start - 20) : q_start]
        change = window.rstrip().lower().endswith(CHANGE_WORDS) and (
            _CHANGE_BEFORE_RE.search(window) is not None)
        j = _RANGE_JOIN_RE.match(text, n_end, end) if between else _MONEY_JOIN_RE.match(
            text, n_end, end
        )
        # After a change verb "X to Y" is a change and a level ("rose 200 mln to 7.2
        # billion"), unless the low end is a bare numeral sharing the high end's scale
        # and close to it ("rise by 350 to 400 mln stg": a range, rule 27).
        bare_low = bool(num) and not scaled and currency is None
        if j and not vague and not after_from and (not change or bare_low):
            joiner = j.group(0).strip().lower()
            if joiner != "and" or between:
                j_end = j.end()
                sym = _REPEATED_SIGN_RE.match(text, j_end, end)
                m2 = _NUMBER_FOLDED_RE.match(folded, sym.end() if sym else j_end, end)
                p2 = _parse(m2) if m2 else None
                if m2 is not None and p2 is not None and not p2[1]:
                    hv = p2[0]
                    low = value
                    if not scaled and p2[2] and m2.group("num"):
                        low = round(value * _scale_value(m2.group("scale")), 6)
                    if low < hv <= (2 if change else 5) * low and (not change or p2[2]):
                        value, high, n_end = low, hv, m2.end()
                        scaled = scaled or p2[2]
                        if m2.group("num"):
                            scale_mult = _scale_value(m2.group("scale"))
                        if between:
                            b = _BETWEEN_RE.search(before)
                            if b is not None:
                                q_start = min(q_start, q_start - (len(before) - b.start()))
        allow_of = vague or text[n_start:n_end].rstrip()[-1:] in _PLURAL_ENDS
        suffix = None if currency else _suffix_currency(text, n_end, end, allow_of=allow_of)
        q_end = n_end
        if suffix:
            currency, q_end = suffix
        approx = vague or (hedge is not None and hedge not in NOT_APPROX_HEDGES)
        if currency is not None:
            if high is None and q_end < end and text[q_end] in " -":
                odd = _APPROX_AFTER_RE.match(text, q_end, end)
                if odd is not None:  # "$2 billion or so", "£5bn-plus"
                    q_end, approx = odd.end(), True
            if scaled:
                last_scale = scale_mult
            yield Money(q_start, q_end, _tidy(value), None if high is None else _tidy(high),
                        approx, vague, scaled, hedge, n_start, currency, False)
            pos = max(pos, q_end)
            continue
        if _NOT_MONEY_AFTER_RE.match(text, n_end, end) or _PLURAL_AFTER_RE.match(
            text, n_end, end
        ):
            continue
        if scaled and value >= 1e5:
            # Without a currency only an amount of money's size can borrow one: "2.9
            # billion" can, "dozens" cannot.
            last_scale = scale_mult
            yield Money(q_start, n_end, _tidy(value), None if high is None else _tidy(high),
                        approx, vague, True, hedge, n_start, None, True)
            pos = max(pos, n_end)
            continue
        # A plain numeral chained to an earlier scaled amount takes its scale (rule 26).
        if (
            last_scale is not None
            and num
            and ("." in num or "," in num)
            and hedge is None
            and _CHAIN_BEFORE_RE.search(text[max(start, n_start - 20) : n_start])
        ):
            yield Money(n_start, n_end, _tidy(value * last_scale), None, False, False,
                        False, None, n_start, None, True)
