"""The scan: reads a document's sentences, turns candidates into troop facts with actor,
location and action, and drops counts that only repeat a figure already recorded.
"""

from __future__ import annotations

import re

from newsfacts.model import CountryMention, DocContext, Sentence, TroopFact
from newsfacts.numbers import NUMBER_WORDS
from newsfacts.troops.action import action_of
from newsfacts.troops.actor import actor_of
from newsfacts.troops.candidates import (
    excluded,
    find_candidates,
    lead_elided_end,
    sentence_flags,
)
from newsfacts.troops.common import AFTER_CUE_RE, MAX_COUNT, TROOP_NOUNS, Cand, alt
from newsfacts.troops.location import location_of

# Pre-filter: a sentence without any of these words cannot hold a troop count.
_DIGIT_RE = re.compile(r"\d")


def extract_troops(doc: DocContext) -> list[TroopFact]:
    """Every troop count in a document, in text order.

    Each fact's ``doc.text[char_start:char_end]`` is its quote (hedge to troop noun, rule
    39); counts are positive integers that fit int64. Never raises on any input text.
    """
    doc, orig_no = _bounded(doc)
    facts: list[TroopFact] = []
    seen_values: set[int] = set()
    by_value: dict[int, TroopFact] = {}
    prev: TroopFact | None = None
    prev_s_no = -10
    places: dict[tuple[int, bool], list[tuple[int, str, bool]]] = {}
    straddled = [False] * len(doc.sentences)
    hints, military_at = sentence_flags(doc.folded, doc.sentences, straddled)
    text = doc.text
    next_digit = -1  # where the first digit at or after the sentence is (found lazily)
    seen_forms: set[str] = set()  # the counts so far as figures: "1200", "1,200", "1.2"
    unformed: list[int] = []  # counts not in seen_forms yet (most documents never need them)
    for s_no, sent in enumerate(doc.sentences):
        if not hints[s_no]:
            # No troop word: only digits could repeat a count ("The 1,200").
            if not seen_values:
                continue
            if next_digit < sent.start:
                digit = _DIGIT_RE.search(text, sent.start)
                next_digit = len(text) if digit is None else digit.start()
            if next_digit >= sent.end:
                continue
            if _only_repeats(doc, s_no, military_at, prev_s_no >= s_no - 1, straddled) and \
                    lead_elided_end(doc, s_no, military_at, s_no - prev_s_no) < 0:
                for count in unformed:
                    seen_forms.update(_figure_forms(count))
                unformed.clear()
                if not _repeats_a_form(text[sent.start : sent.end], seen_forms):
                    continue
        if sent.end <= sent.start:
            continue
        if len(facts) >= MAX_FACTS:
            break
        taken_end = -1
        level_place: str | None = None
        for c in find_candidates(doc, s_no, seen_values, military_at,
                             recent=prev_s_no >= s_no - 1,
                             gap=s_no - prev_s_no)[:MAX_PER_SENTENCE]:
            if c.start < taken_end or c.end <= c.start or not 0 < c.count <= MAX_COUNT:
                continue
            if excluded(doc.text, c, sent.start, sent.end):
                continue
            antecedent = by_value.get(c.count) if c.kind == "elided" else None
            if c.kind in ("parallel", "paired"):
                # "and about 2,500 in Iraq": the count just before in the sentence.
                if prev is None or prev_s_no != s_no or prev.char_end > c.start:
                    continue
                antecedent = prev
            action = action_of(doc, s_no, c)
            if antecedent is not None and not _has_own_cue(doc, s_no, c):
                action = antecedent.action
            if c.count < SMALL_COUNT and c.kind in ("noun", "gated", "partitive") and \
                    not _is_vague(c) \
                    and action not in ("deploy", "withdraw"):
                continue  # a handful of named individuals: an incident, not a force
            if c.kind == "level" and prev is not None and prev_s_no == s_no and \
                    prev.char_end <= c.start and _BRINGING_RE.search(
                        text, prev.char_end, c.start):
                # "will send 1,500 more troops ..., bringing its force there to about
                # 4,000": the new total of the same state's force, where it was sent.
                actor = prev.actor
                if prev.location is not None:
                    level_place = prev.location
            else:
                actor = (antecedent.actor if antecedent is not None and c.kind != "paired"
                         else actor_of(doc, s_no, c, prev, prev_s_no, action))
                if actor == "EU":
                    # Troops have a closed list of force codes (rule 41): an EU force such as
                    # EUFOR is a multinational force outside it.
                    actor = "COALITION"
            location = level_place or (antecedent.location if c.kind == "paired" and antecedent
                                       else location_of(doc, s_no, c, actor, action, prev,
                                                      prev_s_no, places))
            level_place = None
            if antecedent is not None and location is None:
                location = antecedent.location
            fact = TroopFact(
                sentence_no=orig_no[s_no], char_start=c.start, char_end=c.end, count=c.count,
                count_high=c.high if c.high is not None and c.high > c.count else None,
                is_approximate=c.approx, actor=actor, location=location, action=action,
            )
            facts.append(fact)
            taken_end = c.end
            if c.count not in seen_values:
                seen_values.add(c.count)
                unformed.append(c.count)
            by_value[c.count] = fact
            prev, prev_s_no = fact, s_no
    return facts


def _only_repeats(doc: DocContext, s_no: int, military_at: list[bool], recent: bool,
                  straddled: list[bool]) -> bool:
    """True when the only count ``find_candidates`` can find in a sentence without a troop
    word (no ``_HINT_RE`` match) is an earlier count's figure repeated ("The 1,200 are
    ..."), written in digits, perhaps with a large scale: then a sentence without any of
    ``_figure_forms`` of the counts so far has none, and is skipped before its numbers
    are parsed (most such sentences hold years, percentages and money).

    The other counts that need no troop word in the sentence need a military word in the
    sentence or the one before (a breakdown by unit, "already stationed", "its presence")
    or one of the words below. The reasoning holds where the folded scans and the patterns
    read the same letters and digits (no character that case-folds to an ASCII letter, no
    digits outside 0-9), and when no troop word is hidden by a hint match that straddles
    sentences."""
    if straddled[s_no] or military_at[s_no] or (recent and s_no > 0 and military_at[s_no - 1]):
        return False
    sent = doc.sentences[s_no]
    part = doc.folded[sent.start : sent.end]
    if not part.isascii() and any(
            ch in _LOOKALIKES or _DIGIT_RE.match(ch) for ch in _NON_ASCII_RE.findall(part)):
        return False
    # "-man"/"-member" units; "served in" and "veterans, including" (demonyms); level
    # phrases ("troop levels", "military presence", "strength"); "thousand" (a number
    # word, and what a troop noun may be glued to, as the high end of "from N to M" is
    # read: "to 5 thousandtroops").
    if "-m" in part or "serv" in part or "veterans" in part or "troop" in part or \
            "presence" in part or "strength" in part or "thousand" in part:
        return False
    if _GLUED_NOUN_RE.search(part) or _GLUED_MILLION_RE.search(part):
        return False
    # Number words, whose values the figures do not show ("five", "a dozen"), but for the
    # large scales after digits ("1.2 million", "5 bln": their values are in the forms).
    return not (_NUMBER_WORD_AT_RE.match(part) or _NUMBER_WORD_AFTER_RE.search(part))


# A scale "k" or a troop noun glued to digits ("5k", "to 100troops"), or to "million".
_GLUED_NOUN = rf"(?:{alt(TROOP_NOUNS)}|men|members)"
_GLUED_NOUN_RE = re.compile(rf"[0-9](?:k|{_GLUED_NOUN})")  # (no other digits by now)
_GLUED_MILLION_RE = re.compile(rf"million{_GLUED_NOUN}")
_LARGE_SCALE_WORDS = frozenset({"million", "billion", "billions", "trillion", "trillions"})
_SMALL_NUMBER_WORDS = (
    rf"(?:{alt(sorted(NUMBER_WORDS - _LARGE_SCALE_WORDS))}"
    r"|an?\s(?:million|billion|trillion))(?![a-z])"
)
# At the start of the sentence, and after a non-letter (matched from that character, so
# the engine skips the letters between in C).
_NUMBER_WORD_AT_RE = re.compile(_SMALL_NUMBER_WORDS)
_NUMBER_WORD_AFTER_RE = re.compile(rf"[^a-z]{_SMALL_NUMBER_WORDS}")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# Characters that case-insensitive patterns or ``str.lower`` read as ASCII letters.
_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")
# The scales a figure may carry without a number word the screen above finds: m, mn, mln,
# mil, million (1e6); b, bn, bln, billion(s) (1e9); trillion(s), tn, trn, trln and lakh
# crore (1e12); crore (1e7); lakh (1e5).
_LARGE_SCALES = (1, 10**5, 10**6, 10**7, 10**9, 10**12)


def _figure_forms(count: int) -> list[str]:
    """How a number that ``find_numbers`` reads as ``count`` can be written with digits
    and a scale of ``_LARGE_SCALES``: the figure before the scale, without leading or
    trailing zeros, plain and with thousands separators ("1200", "1,200", "1.2" for 1.2
    million). Every such number's text contains one of them. (A numeral has at most four
    decimals, so a scale leaves a whole number.)"""
    forms: list[str] = []
    for scale in _LARGE_SCALES:
        whole, rest = divmod(count, scale)
        if rest * 10**4 % scale:
            continue  # would need more than four decimals
        if whole == 0 and rest == 0:
            continue
        decimals = f"{rest * 10**4 // scale:04d}".rstrip("0") if rest else ""
        for head in {str(whole), f"{whole:,}"}:
            forms.append(f"{head}.{decimals}" if decimals else head)
    return forms


_FIGURE_RUN_RE = re.compile(r"[\d.,]+")
_LONGEST_FORM = len(f"{MAX_COUNT:,}") + 5  # no form is longer: "." and four decimals at most


def _repeats_a_form(part: str, forms: set[str]) -> bool:
    """Does ``part`` contain one of ``forms`` (``_figure_forms``)? A form is digits, commas
    and dots, so it lies inside one run of them: with many counts seen, each run's short
    pieces are looked up in the set, so the test no longer grows with the counts before it
    (a long document with hundreds of counts was quadratic)."""
    if len(forms) <= 32:
        return any(form in part for form in forms)
    for run in _FIGURE_RUN_RE.findall(part):
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + _LONGEST_FORM) + 1):
                if run[i:j] in forms:
                    return True
    return False


# The total a deployment leads to, right after that deployment in the same sentence.
_BRINGING_RE = re.compile(r",\s+(?:bringing|raising|taking|boosting|lifting|increasing|"
                          r"swelling|pushing)\s+[^.;:]{0,70}?\bto\s+(?:\w+\s+){0,2}$")


# Sentences longer than this (only in broken or adversarial text: real ones stay under a
# few hundred characters) are cut into pieces, so the per-count context scans stay bounded
# and the whole pass linear.
MAX_SENTENCE = 1000


def _bounded(doc: DocContext) -> tuple[DocContext, list[int]]:
    """The document with over-long sentences split at whitespace, and for each piece the
    number of the sentence it came from."""
    if all(sent.end - sent.start <= MAX_SENTENCE for sent in doc.sentences):
        return doc, list(range(len(doc.sentences)))
    sentences: list[Sentence] = []
    mentions: list[list[CountryMention]] = []
    orig: list[int] = []
    for no, sent in enumerate(doc.sentences):
        start = sent.start
        ms = doc.mentions[no] if no < len(doc.mentions) else []
        k = 0
        while start < sent.end:
            end = min(sent.end, start + MAX_SENTENCE)
            if end < sent.end:
                cut = doc.text.rfind(" ", start + MAX_SENTENCE // 2, end)
                end = cut + 1 if cut > start else end
            piece: list[CountryMention] = []
            while k < len(ms) and ms[k].char_start < end:
                if ms[k].char_end <= end:
                    piece.append(ms[k])
                k += 1
            sentences.append(Sentence(start, end, sent.paragraph_no))
            mentions.append(piece)
            orig.append(no)
            start = end
    return DocContext(doc.text, sentences, mentions, doc.has_title, doc.folded), orig


# Bounds on work for pathological input: no real article has more than a few dozen troop
# counts, or more than a handful in one sentence.
MAX_FACTS = 1000
MAX_PER_SENTENCE = 40

# Below this a count is usually a handful of named people in an incident (a crash, a trial,
# an ambush); it is kept only when the sentence sends or withdraws them.
SMALL_COUNT = 20


def _is_vague(c: Cand) -> bool:
    return c.vague


def _has_own_cue(doc: DocContext, s_no: int, c: Cand) -> bool:
    sent = doc.sentences[s_no]
    return AFTER_CUE_RE.search(doc.text, c.end, min(sent.end, c.end + 40)) is not None


__all__ = ["extract_troops"]
