"""Candidate counts: the phrase grammar over the shared number grammar ("some 28,500
additional troops", "a 5,000-strong force", "a force of some 3,000 men", "the 1,200"),
the per-sentence pre-filter that lets most sentences be skipped, and the exclusions the
guidelines decide (casualties, police, non-state fighters, prisoners, years).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter

from newsfacts.model import DocContext, Sentence, SentenceLocator
from newsfacts.numbers import Number, find_numbers
from newsfacts.patterns import folded_pattern
from newsfacts.troops.common import (
    ALREADY_THERE_RE,
    CASUALTY_AFTER,
    CASUALTY_BEFORE,
    DOWN_FROM_RE,
    FORCE_NAME_RE,
    GATED_NOUNS,
    LEVEL_NOUNS,
    MAX_COUNT,
    MIXED_AFTER,
    MODIFIERS,
    NON_STATE,
    OF_THEM,
    TOKEN_RE,
    TROOP_NOUNS,
    UNIT_NOUNS,
    AsciiTwin,
    Cand,
    alt,
    head_words,
    heads_by_first_letter,
    is_year,
    noun_tail,
    value_int,
)

# Further regex parts of the pre-filter, after the lexicons' words.
_HINT_PARTS: tuple[str, ...] = (
    "units", "levels?", "wehrmacht", "waffen-ss", "strong", "-man", "gurkha",
)
_HINT_WORDS = (
    rf"(?:{alt(TROOP_NOUNS)}|{alt(GATED_NOUNS)}|{alt(UNIT_NOUNS)}|{'|'.join(_HINT_PARTS)})"
)
_HINT_RE = re.compile(rf"\b(?=[a-z]){_HINT_WORDS}", re.IGNORECASE)
# After "N-strong" a state's whole military is a unit too ("South Korea's 500,000-strong
# military"); not in UNIT_NOUNS, whose words also pass the pre-filter.
_UNIT_RE = re.compile(rf"(?:{alt((*UNIT_NOUNS, 'military'))})\b", re.IGNORECASE)
# "-strong" / " strong" glued to a number, with an optional scale ("1.6-mln strong").
_STRONG_RE = re.compile(
    r"(?:-(?P<scale>mln|million|thousand|m)\b)?[- ]strong\b", re.IGNORECASE
)
_MAN_RE = re.compile(r"-(?:man|member|men)\b", re.IGNORECASE)
# "a force / an army of N": the count is the force's strength.
_FORCE_OF_RE = re.compile(
    r"\b(?:force|forces|army|armies|contingent|garrison|corps|brigade|battalion|division|"
    r"regiment|detachment|unit|legion|column|company|navy|militia|group)\s+of\s+$"
    # "Japan's Ground Self-Defense Force has some 150,000 members": a state force's size.
    r"|\b(?:force|forces|army|navy|military|corps),?\s+(?:which\s+)?"
    r"(?:has|had|have|now has|numbers?|"
    r"numbered|totals?|totall?ed)\s+$"
    # "the Gudauta garrison is about 2,500 men": a unit's size stated with a copula.
    r"|\b(?:garrison|contingent|battalion|regiment|brigade|force),?\s+(?:is|was|are|were)"
    r"\s+(?:now\s+|still\s+|only\s+)?(?:(?:about|around|some|roughly|nearly|almost|"
    r"over|more than|fewer than|under|just)\s+)?$",
    re.IGNORECASE,
)
# Before "N-strong" with no noun after: the unit it describes ("eight battalions of").
_UNIT_BEFORE_RE = re.compile(
    r"(?:\b[\w-]{1,20}\s+){0,1}\b(?:battalions?|brigades?|divisions?|regiments?|units?|"
    r"forces?|armies|army|contingents?|companies|company|columns?)\s+of\s+$",
    re.IGNORECASE,
)
# Sentences about military service: licenses "N Armenians served in the Wehrmacht" and
# "N in German army units".
_MILITARY_PARTS: tuple[str, ...] = (
    "army", "armies", "armed forces", "military", "troops", "soldiers", "force", "forces",
    "battalions?", "brigades?", "regiments?", "divisions?", "wehrmacht", "navy", "marines",
    "defen[cs]e ministry", "commander", "general",
)
_MILITARY_WORDS = "(?:" + "|".join(_MILITARY_PARTS) + r")\b"
_MILITARY_RE = re.compile(rf"\b{_MILITARY_WORDS}", re.IGNORECASE)


# Both as per-sentence flags in one scan of the case-folded text (``patterns.fold_case``;
# see ``sentence_flags``): the military words all start with a letter, so both patterns
# only match at a word start; there the group "hint" is where ``_HINT_RE`` matches and
# "mil" (or "mil2", when the hint pattern does not match) where ``_MILITARY_RE`` does. The
# look-ahead for the first letters of all their words rejects most word starts at once.
_FLAG_HEAD_WORDS = head_words(TROOP_NOUNS + GATED_NOUNS + UNIT_NOUNS,
                               _HINT_PARTS + _MILITARY_PARTS)
_FLAG_HEADS = alt(_FLAG_HEAD_WORDS)
_FLAG_GROUPS = (
    rf"(?:(?=(?P<hint>{_HINT_WORDS}))(?=(?P<mil>{_MILITARY_WORDS}))?"
    rf"|(?=(?P<mil2>{_MILITARY_WORDS})))"
)
_FLAGS_FOLDED_RE = folded_pattern(re.compile(
    rf"\b(?=[a-z])(?={_FLAG_HEADS}){_FLAG_GROUPS}", re.IGNORECASE
))
# The same, matched from the character before the word start. A pattern that matches the
# empty string gets no help from the engine, which then tries every position in turn; one
# that begins with a literal space (before most words) is scanned for that space in C,
# several times faster. Word starts after any other non-word character ("\n", quotes,
# hyphens) are found by the second pattern, whose first character is a class the engine
# also skips to; ``(?<=\W)`` keeps only the non-word characters among those it accepts.
# Their test of the first four letters tries the first letters in the order words start
# with them in English ("the", "a", "of" ...), so most words are rejected after a few
# comparisons rather than after trying the letters up to theirs: the order of the
# alternatives of a look-ahead does not change whether it matches. (The "-man" part never
# passes ``(?=[a-z])``, which these letters imply.)
_FLAG_WORD = folded_pattern(re.compile(
    rf"(?={heads_by_first_letter(_FLAG_HEAD_WORDS)}){_FLAG_GROUPS}", re.IGNORECASE
)).pattern
_FLAGS_AFTER_SPACE_RE = re.compile(rf" {_FLAG_WORD}")
_FLAGS_AFTER_OTHER_RE = re.compile(rf"[^ a-z0-9](?<=\W){_FLAG_WORD}")
_TROOP_LEVEL_RE = re.compile(
    r"\b(?:troop|force|troops'?|forces'?)\s+(?:levels?|numbers?|strength|presence|ceiling|cap)\b"
    # "cut the Marine presence on the island from about 19,000 to 10,000"
    r"|\b(?:[Mm]ilitary|Marine|naval|army)\s+(?:presence|strength)\b"
    r"|\bnumber of (?:(?:U\.S\.|[A-Z][a-z]+)\s+){0,2}(?:troops|soldiers|forces|personnel)\b"
    r"|(?P<pronoun>\b(?:(?:its|their)\s+(?:military\s+)?|the\s+[A-Z][a-z]+\s+(?=force\b|contingent\b|garrison\b)|"
    r"(?:the\s+)?(?:mission|force|contingent)'s\s+"
    r"(?=strength\b))(?:presence|force|forces|contingent|strength|"
    r"garrison|deployment)\b|\bthe total(?= there\b| in\b| to\b| deployed\b| sent\b| stationed\b))",
    re.IGNORECASE,
)
_IN_UNITS_RE = re.compile(
    r"\s+in\s+(?:(?:the|various|predominantly|mostly|mainly|other|its|their|[A-Z][\w-]*)\s+){0,3}"
    r"(?:(?:army|military|working|labou?r|combat|support|construction)\s+)?"
    r"(?P<unit>units|Waffen-SS|Wehrmacht|army|navy|air force|battalions|formations)\b",
)
_CASUALTY_BEFORE_RE = re.compile(
    rf"\b(?:{CASUALTY_BEFORE})\s+(?:(?:an?|the|some|about|at least|nearly|almost|"
    r"more than|over|around|roughly|up to|as many as|another|all|only)\s+){0,2}$",
    re.IGNORECASE,
)
_CASUALTY_AFTER_RE = re.compile(r"[\s,]{0,3}" + CASUALTY_AFTER, re.IGNORECASE)
_CASUALTY_NEAR_RE = re.compile(
    r"\b(?:casualt(?:y|ies)|death toll|killed|dead|died|wounded|injured|captured|"
    r"prisoners?|hostages?|missing)\b",
    re.IGNORECASE,
)
_MIXED_RE = re.compile(MIXED_AFTER, re.IGNORECASE)
_NON_STATE_BEFORE_RE = re.compile(
    rf"\b(?:{alt(sorted(NON_STATE))})\s+(?:\w+\s+){{0,1}}$", re.IGNORECASE
)
_MONEY_BEFORE_RE = re.compile(r"(?:[$£€¥]|\bUS\$|\bRs\.?)\s?$")
_UNIT_AFTER_RE = re.compile(
    r"\s?(?:%|percent\b|per cent\b|pct\b|years?\b|-year|months?\b|days?\b|hours?\b|"
    r"miles?\b|km\b|kilomet(?:er|re)s?\b|metres?\b|meters?\b|feet\b|dollars?\b|dlrs\b|"
    r"tonnes?\b|tons?\b|a\.m\.|p\.m\.|am\b|pm\b|GMT\b|mm\b|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
_EXTRA_HEDGE_RE = re.compile(r"\b(?:well|just|only|slightly|considerably|far)\s+$",
                             re.IGNORECASE)
_THE_RE = re.compile(r"\b(?:[Tt]he|[Tt]hose|[Tt]hese|[Aa]ll)\s+$")
_ELIDED_NEXT_RE = re.compile(
    r"\s*(?:[.,;:)\"']|$|(?:are|were|will|would|have|had|who|that|which|by|in|on|at|after|"
    r"before|within|now|still|currently|could|should|can|must|is|was|to|"
    r"remain|stay|serving|leaving|coming|going|returning|next|from|over|until|during)\b)",
)


def _numbers(doc: DocContext, start: int, end: int) -> list[Number]:
    return list(find_numbers(doc.text, start, end, folded=doc.folded))


def sentence_flags(folded: str, sentences: Sequence[Sentence],
                    straddled: list[bool] | None = None) -> tuple[list[bool], list[bool]]:
    """For each sentence: does ``_HINT_RE`` match inside it, and does ``_MILITARY_RE``?

    One scan of the folded text answers both: the two patterns only match at a word start,
    so ``_FLAGS_FOLDED_RE`` looks at each word start once and reports where each would match.
    Of those, each pattern keeps the ones its own ``finditer`` would (the first at or after
    the end of its previous match), so a match straddling two sentences hides the same
    ones as before. ``straddled`` (one entry per sentence), when given, is set for the
    sentences such a hint match ends in: there a troop word may be hidden."""
    hints = [False] * len(sentences)
    military = [False] * len(sentences)
    if not sentences:
        return hints, military
    locate = SentenceLocator(sentences)
    starts = [sent.start for sent in sentences] if straddled is not None else []
    hint_next = mil_next = 0
    for at, m in _flag_matches(folded, sentences[0].start, sentences[-1].end):
        end = m.end("hint")
        if end >= 0 and at >= hint_next:
            hint_next = end
            no = locate(at, end)
            if no >= 0:
                hints[no] = True
            elif straddled is not None:
                # (every sentence the match overlaps: it can span a short one whole)
                k = max(0, bisect_right(starts, at) - 1)
                while k < len(sentences) and sentences[k].start < end:
                    if sentences[k].end > at:
                        straddled[k] = True
                    k += 1
        end = m.end("mil")
        if end < 0:
            end = m.end("mil2")
        if end >= 0 and at >= mil_next:
            mil_next = end
            no = locate(at, end)
            if no >= 0:
                military[no] = True
    return hints, military


# A count opening a sentence with its troop noun elided: "Some 650 of them will be based in",
# "Between 600 and 800 will go to": a bare number phrase (or "N of them/those") as the
# subject of a verb of motion or posting.
_LEAD_ELIDED_RE = re.compile(
    r"[\s\"'(]*(?P<num>(?:(?:some|about|around|roughly|nearly|almost|approximately|more than|"
    r"over|up to|at least|an estimated|another|a further)\s+)?(?:between\s+)?"
    r"\d[\d,]*(?:\s*(?:-|to|and)\s*\d[\d,]*)?)(?P<of>\s+of\s+(?:them|those))?"
    r"\s+(?:(?:will|would|are|were|have|had)\s+)?"
    r"(?:(?:also|then|now|initially|later|soon|to|be|been|due\s+to)\s+){0,3}"
    r"(?:go|head|move|deploy|redeploy|be\s+based|based|stationed|sent|posted|flown|deployed|"
    r"redeployed|moved|headed|went|assigned|arrive|arrived|join|joined)\b",
    re.IGNORECASE,
)


def lead_elided_end(doc: DocContext, s_no: int, military_at: list[bool], gap: int) -> int:
    """Where the number phrase ends when sentence ``s_no`` opens with an elided count
    (``_LEAD_ELIDED_RE``) whose antecedent is near: the sentence before is about the
    military, and the last count was in it ("N of them": or in the one before); else -1."""
    if s_no == 0 or gap > 2 or not military_at[s_no - 1]:
        return -1
    sent = doc.sentences[s_no]
    m = _LEAD_ELIDED_RE.match(doc.text, sent.start, sent.end)
    if m is None or (gap > 1 and m.group("of") is None):
        return -1
    return m.end("num")


def _flag_matches(folded: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    """(word start, match) for each word start in ``folded[start:end]`` where
    ``_FLAGS_FOLDED_RE`` matches, in order: what its ``finditer`` gives, found by the two
    faster scans that match from the character before the word."""
    found: list[tuple[int, re.Match[str]]] = []
    if start == 0:  # no character before the first word
        m = _FLAGS_FOLDED_RE.match(folded, 0, end)
        if m is not None:
            found.append((0, m))
    lo = start - 1 if start > 0 else 0
    found += [(m.start() + 1, m) for m in _FLAGS_AFTER_SPACE_RE.finditer(folded, lo, end)]
    found += [(m.start() + 1, m) for m in _FLAGS_AFTER_OTHER_RE.finditer(folded, lo, end)]
    found.sort(key=itemgetter(0))
    return found


def find_candidates(doc: DocContext, s_no: int, seen_values: set[int], military_at: list[bool],
                recent: bool = False, gap: int = 10) -> list[Cand]:
    """Number phrases in one sentence that are shaped like a head count of troops (the
    caller skips sentences that cannot hold one). ``gap``: how many sentences back the
    last count was found."""
    sent = doc.sentences[s_no]
    out: list[Cand] = []
    military = military_at[s_no]
    prev_military = s_no > 0 and military_at[s_no - 1]
    last_end = -1  # end of the last count with its own troop noun in this sentence
    lead_end = lead_elided_end(doc, s_no, military_at, gap)
    for n in _numbers(doc, sent.start, sent.end):
        if n.end == lead_end:
            # "Some 650 of them will be based in ...", "Between 600 and 800 will go to ...":
            # an elided count opening the sentence, right after troops were counted (rule 32).
            out.append(Cand(n.start, n.end, value_int(n.value) or 0, value_int(n.high),
                            n.approx, "elided", n.end, n.num_start))
            continue
        c = _candidate(doc, s_no, n, seen_values, military, prev_military and recent,
                       last_end)
        if c is not None:
            out.append(c._replace(vague=n.vague) if n.vague else c)
            if c.kind in ("noun", "strong", "man", "gated"):
                last_end = c.end
    return out


def _candidate(doc: DocContext, s_no: int, n: Number, seen_values: set[int], military: bool,
               prev_military: bool, last_end: int = -1) -> Cand | None:
    text = doc.text
    s_start, s_end = doc.sentences[s_no].start, doc.sentences[s_no].end
    st = _STRONG_RE.match(text, n.end, s_end)
    strong_scaled = st if st is not None and st.group("scale") is not None else None
    if (n.value < 2 and strong_scaled is None) or n.value > MAX_COUNT:
        return None
    if n.value != int(n.value) and not n.scaled and strong_scaled is None:
        return None
    if is_year(text, n, s_start) or _DATE_BEFORE_RE.search(
            text, max(s_start, n.num_start - 12), n.num_start):
        return None
    if _MONEY_BEFORE_RE.search(text, max(s_start, n.num_start - 4), n.num_start):
        return None
    nxt = text[n.end : n.end + 1]
    if nxt and (nxt.isalnum() or nxt in "$£€%"):
        return None
    first = text[n.num_start : n.num_start + 1]
    # "The Three Presidents Crew", "'Three Presidents' crew": a spelled number inside a name.
    if first.isupper() and first.isalpha() and n.num_start > s_start and (
            _CAP_AFTER_RE.match(text, n.end, s_end) or text[n.num_start - 1] in "\"'"
    ) and not _SENT_START_RE.search(text[s_start : n.num_start]):
        return None
    count = value_int(n.value) or 0
    high = value_int(n.high)
    if count < 2 and strong_scaled is None:
        return None
    q_start = n.start
    if n.hedge and not n.approx and _ADDED_HEDGE_RE.match(n.hedge):
        q_start = n.num_start  # "an extra 3,500 marines": not a hedge on the count (rule 39)
    elif n.hedge:
        ex = _EXTRA_HEDGE_RE.search(text, max(s_start, q_start - 16), q_start)
        if ex:
            q_start = ex.start()
    # "N-strong [unit]" (rule 31: quoted with the unit).
    if st:
        scale = st.group("scale")
        if scale:
            mult = {"mln": 1e6, "million": 1e6, "m": 1e6, "thousand": 1e3}[scale.lower()]
            count = value_int(n.value * mult) or 0
            high = value_int(n.high * mult) if n.high else None
        unit = _unit_tail(text, st.end(), s_end)
        if unit is not None:
            return Cand(q_start, unit, count, high, n.approx, "strong", st.end(), n.num_start)
        wa = _WORD_AFTER_RE.match(text, st.end(), s_end)
        if wa and wa.group(1).lower() not in _FUNCTION_WORDS:
            return None  # "a 45-strong repair team": some other group
        ub = _UNIT_BEFORE_RE.search(text, max(s_start, q_start - 40), q_start)
        if ub is None:
            return None
        return Cand(ub.start(), st.end(), count, high, n.approx, "strong", st.end(),
                     n.num_start)
    mm = _MAN_RE.match(text, n.end, s_end)
    if mm:
        unit = _unit_tail(text, mm.end(), s_end, loose=True)
        if unit is None:
            return None
        return Cand(q_start, unit, count, high, n.approx, "man", mm.end(), n.num_start)
    if _UNIT_AFTER_RE.match(text, n.end, s_end):
        return None
    tail = noun_tail(text, n.end, s_end)
    if tail is not None:
        t_end, noun, mods = tail
        if any(w in NON_STATE for w in mods):
            return None
        force_of = _FORCE_OF.found_in(text, max(s_start, q_start - 40), q_start)
        if noun == "members":
            return (None if not (force_of or _guard_members(mods)) else
                    Cand(q_start, t_end, count, high, n.approx, "gated", n.end, n.num_start))
        if noun == "men":
            if "olice" in text[max(s_start, q_start - 40) : q_start]:
                return None  # "a paramilitary police wing of about 300 men" (rule 34)
            paren = text[max(s_start, q_start - 1) : q_start] == "("
            if not (force_of or (paren and military) or _UNDER_ARMS_RE.match(text, t_end, s_end)
                    or _MEN_OF_UNIT_RE.match(text, t_end, s_end)
                    or _MILITARY.found_in(text, max(s_start, q_start - 80), q_start)):
                return None
            return Cand(q_start, t_end, count, high, n.approx, "gated", n.end, n.num_start)
        if noun in ("personnel", "deminers") and not mods and not military and \
                FORCE_NAME_RE.search(text, s_start, s_end) is None:
            # "100 personnel" of an embassy, "50 deminers" of a charity; a named force
            # ("Russia's Africa Corps has 2,500 personnel") makes them military.
            return None
        if noun == "troops" and not doc.mentions[s_no] and \
                _NON_MILITARY.found_in(text, s_start, s_end) and \
                not _ARMED.found_in(text, s_start, s_end) and not _armed_before(doc, s_no):
            return None  # "rallied his 220 troops in the House before the vote"
        kind = "level" if _FROM_BEFORE_RE.search(text, max(s_start, q_start - 40),
                                                 q_start) or (
            text.endswith("to ", max(s_start, q_start - 3), q_start)
            and _TO_LEVEL_RE.search(text, max(s_start, q_start - 70), q_start)) else "noun"
        return Cand(q_start, t_end, count, high, n.approx, kind, n.end, n.num_start)
    # "N Armenians served in the Wehrmacht": a plural people noun as the head when the
    # verb right after says they served in an army (rule 42), or "soldiers, including N Xs".
    dm = _PEOPLE_RE.match(text, n.end, s_end)
    if dm and (_SERVED_RE.match(text, dm.end(), s_end)
               or _SOLDIERS_INCLUDING_RE.search(text, max(s_start, q_start - 40), q_start)):
        return Cand(q_start, dm.end(), count, high, n.approx, "demonym", n.end, n.num_start)
    # "14,000 in German army units, 2,000 in the Waffen-SS": a breakdown by unit, only right
    # after a sentence with a troop count that it breaks down.
    iu = _IN_UNITS_RE.match(text, n.end, s_end)
    if iu and prev_military:
        return Cand(q_start, iu.end(), count, high, n.approx, "units", n.end, n.num_start)
    # "withdraw about 1,000 of its roughly 2,500 troops": a part of a force (rule 32).
    if text.startswith(" of ", n.end) and _PARTITIVE_RE.match(text, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "partitive", n.end, n.num_start)
    if text.startswith(" of ", n.end) and (military or prev_military) and \
            _part_of_them(text, s_start, q_start, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "elided", n.end, n.num_start)
    # "..., far more than the roughly 30 the Pentagon acknowledged": an earlier level.
    if last_end >= 0 and n.start - last_end <= 200 and ((text.find(
            "than", last_end, n.start + 12) >= 0 and _COMPARE_NEXT_RE.match(
            text, n.end, s_end) and DOWN_FROM_RE.search(text[last_end : n.start])) or (
            text.startswith("the ", n.start - 4)
            and _TIMES_THE_RE.search(text, max(last_end, n.start - 30), n.start)
            and _COMPARE_NEXT_RE.match(text, n.end, s_end))):
        # (also "..., the number was about twice the roughly 900 it had acknowledged")
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    # Right after a count in the same sentence (rule 32): "900 troops in Syria and about
    # 2,500 in Iraq", "and a further 3,000 in 2024", "and several thousand more" (a parallel
    # count; before the elided test, whose value may match some other count by chance).
    if last_end >= 0 and n.start - last_end <= 100:
        nx = _PARALLEL_NEXT_RE.match(text, n.end, s_end)
        if nx and _PARALLEL_GAP_RE.search(text[last_end : n.start]):
            end = nx.end("more") if nx.group("more") else n.end  # keeps its "more"
            return Cand(q_start, end, count, high, n.approx, "parallel", n.end, n.num_start)
        if _is_rest_of_count(text, last_end, q_start, n.end, s_end):
            return Cand(q_start, n.end, count, high, n.approx, "parallel", n.end, n.num_start)
        # "Papua New Guinea will send 80 soldiers and Fiji about 50": another state's count
        # in the same frame, its noun elided (rule 32).
        if text.startswith(" and ", last_end) and _PAIRED_GAP_RE.match(
                text, last_end, q_start) and _PAIRED_NEXT_RE.match(text, n.end, s_end) and any(
                last_end < m.char_start and m.char_end <= q_start and len(m.country) == 3
                for m in doc.mentions[s_no]):
            return Cand(q_start, n.end, count, high, n.approx, "paired", n.end, n.num_start)
        # "Indonesia is the largest contributor, with 1,200 troops, followed by Italy with
        # roughly 1,050": the next contributor in a ranking, its noun elided (rule 32).
        if text.find("followed by", last_end, last_end + 16) >= 0 and _FOLLOWED_GAP_RE.match(
                text, last_end, q_start) and _PAIRED_NEXT_RE.match(text, n.end, s_end) and any(
                last_end < m.char_start and m.char_end <= q_start and len(m.country) == 3
                for m in doc.mentions[s_no]):
            return Cand(q_start, n.end, count, high, n.approx, "paired", n.end, n.num_start)
        # "reduce its contingent by about 40 soldiers, leaving about 160": the level left.
        if text.startswith(", leaving ", last_end) and n.start - last_end <= 12 and \
                _COMPARE_NEXT_RE.match(text, n.end, s_end):
            return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    if last_end >= 0 and n.start - last_end <= 160 and text.endswith(
            ", leaving ", max(s_start, q_start - 10), q_start) and _left_behind(
            text, last_end, q_start, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    # "has 60,000 personnel and plans to grow to about 80,000", "cut the rotation to about
    # 1,200": the new size of the force just counted (rules 48, 51).
    if last_end >= 0 and n.start - last_end <= 120 and text.startswith(
            "to ", n.start - 3) and _CHANGE_TO_RE.search(
            text, max(last_end, n.start - 60), n.start) and _COMPARE_NEXT_RE.match(
            text, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    if (military or prev_military) and text.startswith("to ", n.start - 3) and \
            _COMPARE_NEXT_RE.match(text, n.end, s_end) and _level_changed(text, s_start, q_start):
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    if (military or prev_military) and text.find("number", n.start - 9, n.start) >= 0 and \
            _ELIDED_NEXT_RE.match(text, n.end, s_end) and _force_numbers(text, s_start, q_start):
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    # "The troops will join about 3,000 already stationed in the area": an elided troop
    # noun (rule 32) that the sentence says are there already.
    if military and text.startswith(" already ", n.end) and \
            ALREADY_THERE_RE.match(text, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "elided", n.end, n.num_start)
    # "Denmark will send a battalion of about 700 later this year": a unit's head count
    # with its noun elided (rules 31-32), in a sentence about the military.
    if military and text.find(" of ", max(s_start, q_start - 4), q_start) >= 0 and \
            _UNIT_OF_RE.search(text, max(s_start, q_start - 30), q_start) and \
            _UNIT_OF_NEXT_RE.match(text, n.end, s_end):
        return Cand(q_start, n.end, count, high, n.approx, "elided", n.end, n.num_start)
    # What follows a bare count: the end of a clause or a verb ("The 1,200 are ...").
    if not _ELIDED_NEXT_RE.match(text, n.end, s_end):
        return None
    # "Iraqi troops, numbering about 2,000, crossed ...": the count after its noun.
    ap = _APPOS_NUM_RE.search(text, max(s_start, q_start - 60), q_start)
    if ap:
        return Cand(q_start, n.end, count, high, n.approx, "appos", ap.start(), n.num_start)
    # Elided noun (rule 32): "The 1,200 are ...", "compared with the 9,000 that we have";
    # both levels of "from 250 to 100 soldiers" / "troop levels ... down from 9,000 to 5,200".
    # ("Washington cut its contingent from about 700" right after a troop count: "its
    # contingent" is a level in a sentence that continues one about the military.)
    level = _is_level(text, s_start, s_end, n, military or prev_military)
    if count in seen_values or level:
        start = q_start
        if not n.hedge:
            the = _THE_RE.search(text, max(s_start, q_start - 7), q_start)
            if the and the.group(0).strip().lower() == "the":
                start = the.start()
        return Cand(start, n.end, count, high, n.approx, "level" if level else "elided",
                     n.end, n.num_start)
    # "leave 8,600 troops, down from 9,800" (a level, rule 48).
    if last_end >= 0 and n.start - last_end <= 140 and (
            text.find("from", last_end, n.start) >= 0 or text.find("than", last_end, n.start)
            >= 0 or text.find("compared", last_end, n.start) >= 0) and DOWN_FROM_RE.search(
            text[last_end : n.start]):
        return Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    return None


_DATE_BEFORE_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$",
)
_CAP_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")
# Verbs that cut a force; "... to N" after one gives the new level (both patterns below).
_CUT_VERBS = r"cut(?:s|ting)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|shrink(?:s|ing)?|shrank"
# "cut its contingent in Mali to 100 soldiers": the new level, not the change (rule 48).
_TO_LEVEL_RE = re.compile(
    rf"\b(?:{_CUT_VERBS}|lower(?:s|ed|ing)?|draw(?:s|ing)? down|drew down)\s+"
    r"(?:(?:its|their|the)\s+)?(?:[\w.'-]+\s+){0,5}?to\s+$", re.IGNORECASE)
# "..., with the remaining 4,300 following": the rest of a count just stated.
_REST_GAP_RE = re.compile(r"[^.;:]{0,80}?(?:,\s*|\s)(?:with|and|while)\s+the\s+"
                          r"(?:remaining|other|last|final)\s+$")
_REST_NEXT_RE = re.compile(r"\s+(?:(?:are|is|were|was)\s+)?(?:following|to follow|"
                           r"(?:will|would|are to|were to|are due to)"
                           r"\s+(?:follow|leave|return|come home|go home)|due (?:back|home|to))\b")


def _is_rest_of_count(text: str, last_end: int, q_start: int, n_end: int, s_end: int) -> bool:
    """"Half of the 15,000 soldiers will be home by 2016, with the remaining 4,300 following
    three years later": the rest of the count just stated, its noun elided (rule 32), told
    by "the remaining/other/last" before it and a verb of going after it."""
    return text.find(" the ", max(last_end, q_start - 20), q_start) >= 0 and \
        _REST_GAP_RE.match(text, last_end, q_start) is not None and \
        _REST_NEXT_RE.match(text, n_end, s_end) is not None


_PARALLEL_GAP_RE = re.compile(r"^[^.;:]*?(?:,\s*|\s)(?:and|while|with|plus)\s+(?:that\s+)?"
                              r"(?:(?:an?\s+)?(?:further|another|additional)\s+)?$")
_CHANGE_TO_RE = re.compile(
    r"\b(?:grow|grows|grew|grown|expand(?:s|ed|ing)?|rise|rises|rose|increas(?:e|es|ed|ing)|"
    rf"boost(?:s|ed|ing)?|swell(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|"
    # "plans to raise that number to 10,000": a planned size (rule 51, told by the action)
    rf"rais(?:e|es|ed|ing)|"
    rf"{_CUT_VERBS})\s+(?:[\w.'-]+\s+){{0,5}}?to\s+$")
_TIMES_THE_RE = re.compile(r"\b(?:twice|double|triple|thrice|three times|half)\s+the\s+$")
_COMPARE_NEXT_RE = re.compile(r"\s*(?:[.,;:)]|$)|\s+(?:the|that|which|who|it|they|we|in|at|on|"
                              r"by|before|last|(?-i:[A-Z]))\b")
_PAIRED_GAP_RE = re.compile(r" and (?:the )?(?:[A-Z][\w.'-]*\s+){1,3}$")
_PAIRED_NEXT_RE = re.compile(r"\s*(?:[,.;)]|$)")
_FOLLOWED_GAP_RE = re.compile(r",?\s+followed by (?:the )?(?:[A-Z][\w.'-]*\s+){1,3}"
                              r"(?:with\s+)?$")
# A military unit whose head count follows "of" with no troop noun after it.
_UNIT_OF_RE = re.compile(r"\b(?:battalion|brigade|contingent|regiment|detachment|garrison|"
                         r"task force|force)\s+of\s+$")
_UNIT_OF_NEXT_RE = re.compile(r"\s*(?:[.,;)]|$)|\s+(?:later|next|this|last|soon|early|by|"
                              r"in|on|at|to|from|within|before|after|which|that|who)\b")
# ("and a further 300 were due on Samos": a passive or "due" verb may come first)
_PARALLEL_NEXT_RE = re.compile(r"\s+(?:(?:were|was|are|is|will be|would be|have been|had been)"
                               r"\s+(?:due|sent|moved|deployed|based|stationed|expected)\s+)?"
                               r"(?:in|at|on|to|into|from|out of)\s+(?:the\s+)?[A-Z]"
                               r"|\s+(?:in|by)\s+(?:19|20)\d\d\b|(?P<more>\s+more)\b")
# "N of its [hedge] M troops": N is part of the force of M.
_PARTITIVE_RE = re.compile(
    r"\s+of\s+(?:its|their|the|his|her|our)\s+(?:(?:some|about|around|roughly|nearly|almost|"
    r"approximately|estimated|an estimated|more than|over)\s+)?\d[\d,.]*"
    r"(?:\s+(?:thousand|million))?"
    rf"\s+(?:[\w.'-]+\s+){{0,3}}?(?:{alt(TROOP_NOUNS)})\b", re.IGNORECASE)
# "will bring home roughly 500 of them", "will add about 150 of their own": a verb that
# moves or keeps troops, then a count of a force named before with its noun elided.
_MOVE_VERB_BEFORE_RE = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|send(?:s|ing)?|sent|withdraw(?:s|n|ing)?|withdrew|"
    r"pull(?:s|ed|ing)?|deploy(?:s|ed|ing)?|redeploy(?:s|ed|ing)?|keep(?:s|ing)?|kept|"
    r"station(?:s|ed|ing)?|move(?:s|d)?|moving|add(?:s|ed|ing)?|contribut(?:e|es|ed|ing)|"
    r"return(?:s|ed|ing)?|relocat(?:e|es|ed|ing)|transfer(?:s|red|ring)?|"
    r"rotat(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing))(?:\s+(?:home|back|out|in|away|over))?\s+$",
    re.IGNORECASE)
_OF_THEM_RE = re.compile(OF_THEM + r"(?!\s+(?:were|was|had been|have been)\b)")


def _part_of_them(text: str, s_start: int, q_start: int, n_end: int, s_end: int) -> bool:
    """"Germany, which has about 700 soldiers there, will bring home roughly 500 of them",
    "Dutch marines ... will add about 150 of their own": a count whose troop noun is elided
    and referred back to by "of them"/"of their own" (rule 32), only after a verb that moves
    or keeps troops (so "500 of them were killed" or "half of them" stays out)."""
    return _OF_THEM_RE.match(text, n_end, s_end) is not None and \
        _MOVE_VERB_BEFORE_RE.search(text, max(s_start, q_start - 24), q_start) is not None


_LEFT_PLACE_RE = re.compile(
    r"\s+(?:(?:in|on|at)\s+(?:the\s+)?(?:country|kingdom|region|island|territory|ground|"
    r"mission|base|(?-i:[A-Z]))|there\b|behind\b|in place\b)", re.IGNORECASE)
_GAP_DIGIT_RE = re.compile(r"\d")


def _left_behind(text: str, last_end: int, q_start: int, n_end: int, s_end: int) -> bool:
    """"Dakar will bring home some 500 soldiers serving with the mission by the end of the
    year, leaving around 200 in the country": after a troop count in the same sentence, the
    level left where they were (rule 48), its noun elided (rule 32). Only with a place right
    after the number and no other number in between (the short ", leaving about 160" right
    after the count is handled with the parallel counts)."""
    return _LEFT_PLACE_RE.match(text, n_end, s_end) is not None and \
        _GAP_DIGIT_RE.search(text, last_end, q_start) is None


_LEVEL_VERBS = (r"(?:grow|grows|grew|grown|growing|rise|rises|rose|risen|rising|"
                r"increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|bring|brings|bringing|brought|"
                r"boost(?:s|ed|ing)?|swell(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
                rf"doubl(?:e|es|ed|ing)|lower(?:s|ed|ing)?|{_CUT_VERBS})")
_LEVEL_CHANGED_RE = re.compile(
    # "the figure could rise to", "The contingent was cut to": the level as the subject
    # (not "The number of refugees could rise to": a level noun with "of" names its own)
    rf"\b(?:the|that|this|its|their)\s+{LEVEL_NOUNS}\s+(?!of\b)(?:[\w.'-]+\s+){{0,3}}?"
    rf"{_LEVEL_VERBS}\s+to\s+$"
    # "raise the number to", "bringing the number of troops sent there ... to"
    rf"|\b{_LEVEL_VERBS}\s+(?:the|that|this|its|their)\s+{LEVEL_NOUNS}\s+"
    rf"(?:of\s+(?:[\w.'-]+\s+){{0,2}}?(?:{alt(TROOP_NOUNS)})\s+(?:[\w.'-]+\s+){{0,8}}?)?"
    r"to\s+$", re.IGNORECASE)
_LEVEL_OF_OTHER_RE = re.compile(r"\b(?:number|figure|total|strength|presence)\s+of\s+$",
                                re.IGNORECASE)


def _level_changed(text: str, s_start: int, q_start: int) -> bool:
    """"The contingent was cut to about 5,000 in 2020", "orders that could raise the number
    to nearly 4,000", "bringing the number of troops sent since May to some 1,300": the new
    level of a force (rules 32, 48) in a sentence about troops or right after a troop count
    (the caller checks). "the number of refugees to 5,000" does not match: a level noun with
    "of" must name troops. No digit between the level noun and the number."""
    m = _LEVEL_CHANGED_RE.search(text, max(s_start, q_start - 110), q_start)
    return m is not None and _GAP_DIGIT_RE.search(text, m.start(), q_start) is None and \
        _NOT_ONLY_TROOPS_RE.search(text, m.start(), q_start) is None


# "the number of foreign troops and police in the mission to about 1,000" (rule 34).
_NOT_ONLY_TROOPS_RE = re.compile(r"\b(?:police\w*|gendarme\w*|militia\w*|civilians?|"
                                 r"fighters|contractors|rebels)\b", re.IGNORECASE)


# "The marines, who train at Camp Viking, currently number around 500", "the U.N. force in
# southern Lebanon, which numbers some 340": a troop noun (or force) as the subject of
# "number" with a relative clause or adverb between.
_FORCE_NUMBERS_RE = re.compile(
    rf"[\s\"']*(?:The|Its|Their|Our|His|Her|(?-i:[A-Z][a-z]+))\s+(?:(?-i:[A-Z][\w.'-]*)\s+)?"
    rf"(?:{alt(TROOP_NOUNS)}),\s[^;:]{{0,140}}?,\s+(?:(?:currently|now|still|together|"
    r"collectively|at present)\s+)?number\s+$", re.IGNORECASE)
_WHICH_NUMBERS_RE = re.compile(
    # (not "force"/"mission": "its battalion with the U.N. force in Lebanon, which numbers
    # some 340" may mean the battalion or the force, and so whose count it is)
    rf"\b(?:{alt(TROOP_NOUNS)}|contingent|battalion|garrison)"
    r"(?:\s+(?:in|on|at)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,2}?[\w.'-]+)?"
    r",\s+which\s+(?:(?:currently|now|still)\s+)?numbers\s+$", re.IGNORECASE)


def _force_numbers(text: str, s_start: int, q_start: int) -> bool:
    """A troop noun opening the sentence, then a relative clause, then "(currently) number
    N" (the size of the force, rule 48; the count after its noun, rule 32); or "<force>,
    which numbers N". (The bare "troops in Iraq number about 2,500" is ``_APPOS_NUM_RE``.)"""
    return _FORCE_NUMBERS_RE.match(text, s_start, q_start) is not None or \
        _WHICH_NUMBERS_RE.search(text, max(s_start, q_start - 120), q_start) is not None


_ADDED_HEDGE_RE = re.compile(r"(?:an?\s+)?(?:extra|additional|further|another|more)$",
                             re.IGNORECASE)
_SENT_START_RE = re.compile(r"^[\s\"'(]*(?:[A-Z][A-Za-z.]*\s+){0,2}$")
_WORD_AFTER_RE = re.compile(r"\s+['\"]?([a-z]+)")
_FUNCTION_WORDS = frozenset({"under", "in", "was", "were", "is", "are", "and", "to", "from",
                             "at", "with", "by", "on", "of", "had", "has", "which", "that"})
_PEOPLE_RE = re.compile(
    r"\s+(?:of\s+)?(?:[A-Z][a-z]+\s+)?[A-Z][a-z]{2,}(?:ans|ians|eans|ese|is|ks|abs|ts)\b"
)
_SERVED_RE = re.compile(r"\s+(?:were\s+|had\s+|have\s+)?serv(?:e|ed|ing)\s+(?:in\s+)?"
                        r"(?:\w+\s+){0,3}(?:army|armies|units|forces|Wehrmacht|Waffen-SS|navy|"
                        r"military)\b", re.IGNORECASE)
# "men under arms", "men in uniform": men as soldiers.
# Politics and sport, where "troops" is a metaphor unless something military is in sight.
_NON_MILITARY_RE = re.compile(
    r"\b(?:House|Senate|Congress|caucus|parliament|party|vote|voters|campaign|election|"
    r"coach|manager|players|fans|match|league|season|game|squad|team)\b", re.IGNORECASE)
_ARMED_RE = re.compile(
    r"\b(?:army|armies|military|soldiers|defen[cs]e|deploy\w*|war|base|bases|combat|"
    r"missions?|border|ministry|Pentagon|NATO|peacekeep\w*)\b", re.IGNORECASE)
# "650 men from the Queen's Lancashire Regiment": men of a named army unit (rule 31).
_MEN_OF_UNIT_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
                             r"(?:[A-Z][\w'.-]*\s+){0,4}(?:Regiment|Battalion|Brigade|Division|"
                             r"Corps|Guards|Rifles|Fusiliers|Commando|Infantry)\b")
_UNDER_ARMS_RE = re.compile(r"\s+(?:under arms|in uniform|at arms|on active duty)\b")
# "troops, numbering about 2,000": the count stated after its troop noun.
_APPOS_NUM_RE = re.compile(
    rf"\b(?:{alt(TROOP_NOUNS)}),?\s+(?:numbering|totall?ing|said to number|estimated at|"
    r"put at)\s+$"
    # "U.S. forces in Iraq number about 2,500": a verb of size after a short place phrase.
    rf"|\b(?:{alt(TROOP_NOUNS)})\s+(?:(?:in|on|at)\s+(?:the\s+)?(?-i:[A-Z][\w.'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.'-]*))?\s+)?"
    # "Egyptian forces taking part number about 3,000": or a short participle phrase.
    r"(?:(?:taking part|involved|participating|deployed|stationed|serving|based)"
    r"(?:\s+(?:there|here|abroad|in\s+(?:it|them|the\s+\w+)))?\s+)?"
    r"(?:number|numbered|now number|total|totalled|totaled|"
    r"stand at|stands at|stood at)\s+$", re.IGNORECASE)
# "from 9,000 to 5,200", "from 250 to 100 soldiers": both are levels (rule 48).
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+)?"
                             r"\d[\d,.]*(?:\s+(?:thousand|million))?\s+to\s+$")
_TO_AFTER_RE = re.compile(r"\s+to\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?"
                          r"\d[\d,.]*(?:\s+(?:thousand|million))?")
_FROM_END_RE = re.compile(r"\bfrom\s+$")
_LEVEL_PREP_RE = re.compile(
    r"\b(?:from|to|at|of|by|around|about|nearer to|under|below|above)\s+$", re.IGNORECASE)


def _guard_members(mods: list[str]) -> bool:
    """"2,000 Guard members", "National Guard members": a military guard's members count
    (rule 31); a police guard's do not ("Civil Guard members", rule 34)."""
    return "guard" in mods and not any(w in mods for w in ("civil", "border", "coast",
                                                           "presidential", "palace"))


def _armed_before(doc: DocContext, s_no: int) -> bool:
    """"... some 500 soldiers serving with the ECOWAS Mission ... . ECOMIG entered the
    nation in 2017 with some 7,000 troops to force Jammeh to accept his election defeat":
    "troops" right after a sentence about armies or soldiers is no political metaphor even
    if this sentence speaks of an election (only run when the metaphor test fires)."""
    if s_no == 0:
        return False
    prev = doc.sentences[s_no - 1]
    return _ARMED.found_in(doc.text, prev.start, prev.end)


def _is_level(text: str, s_start: int, s_end: int, n: Number, military: bool) -> bool:
    """A bare number that is a troop level: one end of "from N to M troops", or a number
    right after "troop levels ... to/at/from/by" (rules 47-48); "its presence" and "their
    force" only count in a sentence about the military."""
    pre = text[max(s_start, n.num_start - 140) : n.num_start]
    if not _LEVEL_PREP_RE.search(text[max(s_start, n.start - 16) : n.start]):
        return False
    to = _TO_AFTER_RE.match(text, n.end, s_end)
    if to and _FROM_END_RE.search(text[max(s_start, n.start - 8) : n.start]) and \
            noun_tail(text, to.end(), s_end) is not None:
        return True  # "from 250 to 100 soldiers"
    lv = None
    for m in _TROOP_LEVEL_RE.finditer(pre):
        if military or m.group("pronoun") is None:
            lv = m
    if lv is None or _MIXED_RE.match(pre, lv.end()):
        return False  # "the number of troops and police" (rule 34)
    gap = pre[lv.end() :]
    # The level phrase governs this number: close by, or one end of "from N to M".
    # ("bringing the total deployed for rescue and relief work to about 12,000": "the
    # total" reaches further, to the "to" right before the number.)
    return len(gap) <= 40 or bool(_FROM_END_RE.search(gap) or _FROM_BEFORE_RE.search(gap)) or (
        len(gap) <= 70 and lv.group(0).lower() == "the total") or _hedged_from_end(
        text, s_start, n)


def _hedged_from_end(text: str, s_start: int, n: Number) -> bool:
    """"The number of British troops ... is to be cut from about 10,500 to 5,000": a hedge
    stands between "from" and the number, so the level phrase's "from" is before the hedge,
    not right before the digits (rule 48: both ends are levels)."""
    return bool(n.hedge) and _FROM_END_RE.search(text, max(s_start, n.start - 8),
                                                 n.start) is not None


_KILLED_INCLUDING_RE = re.compile(
    r"\b(?:kill(?:ed|s|ing)?|wound(?:ed|s|ing)?|injur(?:ed|es|ing)|dead|died|casualties)\b"
    r"[^.;:]{0,140},\s+including\s+$", re.IGNORECASE)
_SOLDIERS_INCLUDING_RE = re.compile(r"\b(?:soldiers|troops|veterans),?\s+including\s+$",
                                    re.IGNORECASE)


def _unit_tail(text: str, pos: int, end: int, loose: bool = False) -> int | None:
    """End of the unit noun after "N-strong"/"N-man", or None.

    A few modifiers may stand between ("rapid deployment force"); with ``loose`` a quoted
    name too ("10,000-man "Peninsula Shield" force"), but the unit itself must be outside
    the quotes ("a 500-man "Charge of the Light Brigade"" is a metaphor, not a unit).
    """
    p = pos
    in_quote = False
    for _ in range(7 if loose else 3):
        q = p
        while q < end and text[q] in " \n":
            q += 1
        if not in_quote:
            m = _UNIT_RE.match(text, q, end)
            if m:
                return m.end()
        t = TOKEN_RE.match(text, p, end)
        if not t:
            return None
        w = t.group(1)
        low = w.lower()
        if w in ('"', "'"):
            if not loose:
                return None
            in_quote = not in_quote
        elif low in NON_STATE or not (low in MODIFIERS or w[0].isupper() or in_quote or
                  (loose and low in _LOOSE_UNIT_MODS)):
            return None
        p = t.end()
    return None


_LOOSE_UNIT_MODS = frozenset({"rapid", "deployment", "reaction", "quick", "standing",
                              "peacekeeping", "intervention", "border", "elite", "strike"})


_COORD_COUNT_RE = re.compile(
    r"\s+(?:and|or)\s+(?:(?:at least|some|about|around|nearly|more than|over|another|up to)\s+)?"
    r"(?:\d[\d,]*|[a-z]+(?:[- ][a-z]+)?)\s+(?:(?:more|other|[A-Z][\w.'-]*)\s+){0,2}"
    rf"(?:{alt(TROOP_NOUNS)})\b")
_CIVIL_WAR_RE = re.compile(r"\b(?:rais(?:ed|ing)|form(?:ed|ing)|organi[sz](?:ed|ing))\s+an?\s+"
                           r"(?:\w+\s+){0,2}(?:army|force|militia)\b[^.;]{0,80}\bcivil war\b",
                           re.IGNORECASE)


# "from the Paderborn garrison", "of the 3rd Battalion": a short phrase naming the unit the
# counted men come from, between a count and its verb.
_UNIT_PHRASE_AFTER_RE = re.compile(
    r"\s+(?:from|of)\s+(?:the|an?|its|their)\s+(?:[\w.'-]+\s+){0,4}?"
    r"(?:garrison|base|regiment|battalion|brigade|division|unit|company|platoon|squadron|"
    r"corps|contingent|camp|barracks)\b", re.IGNORECASE)


def _casualty_after_unit_phrase(text: str, end: int, s_end: int) -> bool:
    """A casualty or court verb after a short unit phrase ("Three soldiers from the Paderborn
    garrison were jailed", "12 soldiers of the 3rd Battalion were killed"): not a count
    (rule 33); the plain check only looks right after the count."""
    if not text.startswith((" from ", " of "), end):
        return False
    um = _UNIT_PHRASE_AFTER_RE.match(text, end, min(s_end, end + 60))
    return um is not None and _CASUALTY_AFTER_OR_MIXED.match(
        text[um.end() : min(s_end, um.end() + 60)]) is not None


def excluded(text: str, c: Cand, s_start: int, s_end: int) -> bool:
    before = text[max(s_start, c.start - 50) : c.start]
    if _CASUALTY_BEFORE_COUNT.search(before):
        return True
    # "violence killed more than 10,000 people ..., including hundreds of soldiers": a part
    # of a casualty count (rule 33).
    if text.find("including", max(s_start, c.start - 11), c.start) >= 0 and \
            _KILLED_INCLUDING_RE.search(text, max(s_start, c.start - 160), c.start):
        return True
    end = c.end
    if c.kind == "partitive":  # "three of its 1,000 soldiers were wounded"
        pm = _PARTITIVE_RE.match(text, c.end, s_end)
        end = pm.end() if pm else end
    after = text[end : min(s_end, end + 60)]
    if _CASUALTY_AFTER_OR_MIXED.match(after):
        return True
    # "20 Indian soldiers and at least four Chinese soldiers were killed": a casualty
    # verb after a second count joined to this one (rule 33).
    co = _COORD_COUNT_RE.match(text, end, min(s_end, end + 80)) if text.startswith(
        (" and ", " or "), end) else None
    if co and _CASUALTY_AFTER_OR_MIXED.match(text[co.end() : min(s_end, co.end() + 60)]):
        return True
    if _casualty_after_unit_phrase(text, end, s_end):
        return True
    if _NON_STATE_BEFORE.found_in(text, max(s_start, c.num_start - 30), c.num_start):
        # "rebel force of 300 men", "militia of 2,000"
        return True
    # An army raised for a civil war is a non-state force (rule 34).
    if _CIVIL_WAR.found_in(text, max(s_start, c.start - 60), min(s_end, c.end + 60)):
        return True
    # An elided number next to a casualty word anywhere in its clause.
    return c.kind in ("elided", "level") and _CASUALTY_NEAR_RE.search(
        text, max(s_start, c.start - 40), min(s_end, c.end + 40)) is not None
_ARMED = AsciiTwin(_ARMED_RE)
_CASUALTY_BEFORE_COUNT = AsciiTwin(_CASUALTY_BEFORE_RE)
# Either exclusion right after a count (for a test, which of the two matches is moot).
_CASUALTY_AFTER_OR_MIXED = AsciiTwin(
    re.compile(rf"(?:{_CASUALTY_AFTER_RE.pattern})|(?:{_MIXED_RE.pattern})", re.IGNORECASE)
)
_CIVIL_WAR = AsciiTwin(_CIVIL_WAR_RE)
_FORCE_OF = AsciiTwin(_FORCE_OF_RE)
_MILITARY = AsciiTwin(_MILITARY_RE)
_NON_MILITARY = AsciiTwin(_NON_MILITARY_RE)
_NON_STATE_BEFORE = AsciiTwin(_NON_STATE_BEFORE_RE)
