"""Action: deploy, withdraw, present or other (rules 48-52), from the nearest cue before
or after the count, with the constructions that override the nearest one.
"""

from __future__ import annotations

import re

from newsfacts.model import DocContext
from newsfacts.patterns import folded_pattern
from newsfacts.troops.common import (
    AFTER_CUE_RE,
    AFTER_CUES,
    ALERT_RE,
    ALREADY_THERE_RE,
    BEFORE_CUES,
    EXERCISE_RE,
    AsciiTwin,
    Cand,
    at_word_start,
    clause_bounds,
)

_AFTER_ACTIONS = tuple(act for _, act in AFTER_CUES)
_BEFORE_CUE_RE = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{pat})\b)" for i, (pat, _) in enumerate(BEFORE_CUES)),
    re.IGNORECASE,
)
_BEFORE_ACTIONS = tuple(act for _, act in BEFORE_CUES)


_AFTER_CUE_FOLDED_RE = at_word_start(folded_pattern(AFTER_CUE_RE))
_BEFORE_CUE_FOLDED_RE = at_word_start(folded_pattern(_BEFORE_CUE_RE))
# "on alert along its own frontier": on alert at a place (rule 48), not standby at home.
_ALERT_AT_BORDER_RE = re.compile(r"\s+on\s+(?:full\s+|high\s+)?(?:combat\s+)?alert\s+"
                                 r"(?:along|at|on|near)\s+(?:the|its|their)\s+(?:own\s+)?"
                                 r"(?:[\w-]+\s+){0,2}?(?:border|borders|frontier)\b",
                                 re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"\bby\s+$")
_ORDER_BEFORE_RE = re.compile(r"\b(?:order(?:s|ed)?|ask(?:s|ed)?|told|tell(?:s)?|demand(?:s|ed)?)"
                              r"\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_LEAVE_RE = re.compile(r"\bto\s+(?:leave|withdraw|pull\s+out|go\s+home|depart|quit)\b",
                          re.IGNORECASE)
_LEVEL_CHANGE_RE = re.compile(
    r"\b(?:(?P<down>cut(?:s|ting)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|"
    r"low(?:er|ers|ered|ering)|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|"
    r"draw(?:s|ing)? down|drew down|withdraw(?:s|ing)?|withdrew)"
    r"|(?P<up>increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
    r"expand(?:s|ed|ing)?|bolster(?:s|ed|ing)?|add(?:s|ed|ing)?))\b",
    re.IGNORECASE,
)
_PART_BEFORE_RE = re.compile(r"\d\s+of\s+(?:its|their|the|his|her|our)\s+$")
_RELOCATE_BEFORE_RE = re.compile(r"\b(?:relocat(?:e|es|ed|ing)|redeploy(?:s|ed|ing)?)\s+"
                                 r"(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_STAY_RE = re.compile(r"\s+to\s+(?:stay|remain)\b")
_ROTATE_BEFORE_RE = re.compile(r"\brotat(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_PLACE_AFTER_RE = re.compile(r"[^.;]{0,60}?\s(?:to|into)\s+(?:the\s+)?[A-Z]")
_INVASION_RE = re.compile(r"\b(?:incursion|invasion|offensive)\b", re.IGNORECASE)
_HOME_AFTER_RE = re.compile(r"\s+home\b")
_TOOK_PART_RE = re.compile(r"\s+(?:(?:had|have|has)\s+)?(?:took|taken)\s+part\b")


def action_of(doc: DocContext, s_no: int, c: Cand) -> str:
    """deploy / withdraw / present / other from the cue words around the count (45-51)."""
    text = doc.text
    sent = doc.sentences[s_no]
    anchor = c.noun_start if c.kind == "appos" else c.start  # "troops, numbering N"
    left, right = clause_bounds(text, sent.start, sent.end, anchor, c.end)
    stext = text[sent.start : sent.end]
    found = _cue_action(text, doc.folded, left, right, anchor, c)
    cued = found or "present"
    # Exercises and readiness checks are "other" (rule 49) unless troops are sent to one
    # (or stay on after it).
    exercise = _EXERCISE.search(stext) is not None
    elsewhere = _exercise_elsewhere(text, sent.start, sent.end, anchor, c.end) \
        if exercise else None
    if elsewhere == "aside" and found == "other":
        return "present"  # the size in the aside, not the drills after it (rule 48)
    if exercise and elsewhere is None:
        if cued == "deploy" and _MOTION_RE.search(text, max(left, anchor - 60),
                                                   min(right, c.end + 90)):
            # (as far as the cue after the count is looked for: "about 1,200 troops from
            # the 2nd Battalion of ..., will fly out in January for an exercise")
            return "deploy"
        if _STAY_RE.match(text, c.end, min(right, c.end + 40)):
            return "present"  # "30,000 troops would stay in Belarus after the exercises"
        if text.find("whose", max(left, anchor - 50), anchor) >= 0 and _WHOSE_SIZE_RE.search(
                text, max(left, anchor - 50), anchor):
            return "present"  # "Belarus, whose army numbers 48,000 troops, held exercises"
        return "other"
    if _ALERT.search(stext) and s_no > 0 and EXERCISE_RE.search(
            text, doc.sentences[s_no - 1].start, doc.sentences[s_no - 1].end):
        return "other"
    if _STANDBY_OTHER.found_in(text, max(left, anchor - 80), min(right, c.end + 90)):
        # (as far after the count as the cue words: "some 200 paratroopers of the 82nd
        # Airborne Division had been placed on prepare-to-deploy orders")
        if text.find("alert", c.end, min(right, c.end + 30)) >= 0 and _ALERT_AT_BORDER_RE.match(
                text, c.end, right):
            return "present"  # "put 350 soldiers on alert along its frontier" (rule 48)
        return "other"
    if text.find("part", c.end, min(right, c.end + 24)) >= 0 and _TOOK_PART_RE.match(
            text, c.end, right):
        return "other"  # "During the 1989 invasion of Panama, some 27,000 U.S. troops took
        # part": the participants of a past operation (rule 31), not the invasion's move
    if _INVASION_RE.search(text, sent.start, anchor) and (
            found is None or found == "deploy"
            or _INVASION_RE.search(text, max(sent.start, anchor - 40), anchor)):
        return "deploy"  # an incursion or invasion with no other verb for the count
    if _ORDER_BEFORE.found_in(text, max(left, anchor - 40), anchor) and _TO_LEAVE.found_in(
            text, c.end, min(right, c.end + 80)):
        return "withdraw"  # "ordered/asked the 1,000 French soldiers ... to leave"
    if text.find(" of ", c.start - 12, c.start) >= 0 and _PART_BEFORE_RE.search(
            text, max(sent.start, c.start - 20), c.start):
        return "present"  # "withdraw 1,000 of its 2,500 troops": the whole stays (rule 48)
    if _ORDER_BEFORE.found_in(text, max(left, anchor - 40), anchor) and \
            _TO_STAY_RE.match(text, c.end, min(right, c.end + 40)):
        return "present"  # "ordered about 2,000 soldiers to stay in ...": staying (rule 48)
    if found == "present" and _MORE_RE.match(text, c.noun_start, c.end) and \
            _STATION_BEFORE_RE.search(text, max(left, anchor - 40), anchor):
        return "deploy"  # "will station 150 more soldiers in Greenland": troops added (46)
    if ALREADY_THERE_RE.match(text, c.end, right):
        return "present"  # "adding to the 1,600 soldiers already based in the kingdom" (48)
    if _AT_PEAK_RE.match(text, c.end, right):
        return "present"  # "Those soldiers, numbering about 3,000 at their peak, left"
    if _BRING_LEVEL_RE.search(text, max(left, anchor - 110), anchor):
        # "will bring the army's presence in Pacaraima to about 1,000 troops": the new
        # level, not the troops sent (rule 48).
        return "present"
    if found in (None, "present") and text.find("with", anchor - 6, anchor) >= 0 and \
            _ENTERED_WITH_RE.search(text, max(left, anchor - 110), anchor):
        return "deploy"  # "ECOMIG entered the nation in 2017 with some 7,000 troops" (46)
    if c.kind == "level":
        if found == "other" or _PLANNED_CHANGE_RE.search(text, max(left, anchor - 60), anchor):
            # "plans to grow to about 80,000", "wants to double it to 8,000" (rule 51)
            return "other"
        if _BY_BEFORE_RE.search(text, max(sent.start, c.start - 6), c.start):
            # "cut the number of troops by 9,500": the change itself (rule 47), told by the
            # last change verb before it.
            change = None
            for m in _LEVEL_CHANGE_RE.finditer(text, max(left, anchor - 120), anchor):
                change = "withdraw" if m.group("down") else "deploy"
            if change is not None:
                return change
        return "present"
    if cued == "present" and _ABOARD_RE.match(text, c.end, min(sent.end, c.end + 12)) and \
            _SHIP_SENT_RE.search(text, max(sent.start, anchor - 120), anchor):
        return "deploy"  # "is sending the carrier ..., with about 3,000 personnel on board,
        # to the eastern Mediterranean": the crew goes with the ship (rules 31, 46)
    if _HOME_AFTER_RE.match(text[c.end : c.end + 8]):
        return "withdraw"  # "call tens of thousands of U.S. troops home"
    if cued == "present" and _ROTATE_BEFORE_RE.search(text, max(left, anchor - 40), anchor) \
            and _TO_PLACE_AFTER_RE.match(text, c.end, right):
        return "deploy"  # "rotate 4,000 soldiers ... to Romania" (rule 46)
    if found == "other" and _RELOCATE_BEFORE_RE.search(text, max(left, anchor - 40), anchor) \
            and _TO_PLACE_AFTER_RE.match(text, c.end, right):
        return "deploy"  # "relocate 4,000 Marines from Okinawa to Guam": a named new area

    return cued


_ABOARD_RE = re.compile(r"\s+(?:on\s+board|aboard)\b")
# A ship sent somewhere, then "with N ... on board".
_SHIP_SENT_RE = re.compile(
    r"\b(?:send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?)\b"
    r"[^.;:]{0,100}\bwith\s+(?:[\w.'-]+\s+){0,2}$", re.IGNORECASE)
# A size a state wants its force to reach: planned (rule 51).
_PLANNED_CHANGE_RE = re.compile(
    r"\b(?:(?:wants?|wanted|plans?|planned|aims?|aimed|seeks?|sought|hopes?|hoped|intends?|"
    # "signed orders that could raise the number to nearly 4,000": a possible future size
    r"intended)\s+to|could|would|might)\s+(?:double|triple|grow|expand|enlarge|increase|"
    r"boost|raise)\s+"
    r"(?:[\w.'-]+\s+){0,4}?to\s+$", re.IGNORECASE)
_ENTERED_WITH_RE = re.compile(r"\b(?:entered|(?:marched|moved|swept|poured|rolled)\s+into)\s+"
                              r"[^,;:]{0,80}?\bwith\s+$")
_MORE_RE = re.compile(r"\s*(?:more|additional|extra)\b")
_STATION_BEFORE_RE = re.compile(r"\b(?:station(?:s|ed|ing)?|base|post)\s+(?:(?:up to|some|about|"
                                r"around|roughly|nearly|another|an|a)\s+)?$")
# Another troop count: "... and called up 3,000 reservists for a readiness check".
_OTHER_COUNT_RE = re.compile(
    r"\b\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:more\s+|additional\s+|extra\s+)?"
    r"(?:[\w-]+\s+)?(?:troops|soldiers|reservists|conscripts|personnel|marines|sailors|"
    r"paratroopers|commandos|servicemen|service members)\b", re.IGNORECASE)
# A comma aside opening before the count ("The People's Liberation Army, the world's
# largest military with about 2 million active-duty personnel, has held drills").
_SIZE_ASIDE_OPEN_RE = re.compile(r",\s+(?:the|a|an|which|whose|with)\b[^,;:]{0,60}$")


def _other_clause_count(text: str, lo: int, hi: int) -> bool:
    """A troop count in ``text[lo:hi]`` with a verb of its own before it ("and called up
    3,000 reservists"), not a second subject ("5,000 soldiers and 2,000 marines took part")."""
    oc = _OTHER_COUNT_RE.search(text, lo, hi)
    return oc is not None and _OWN_VERB_RE.search(text, lo, oc.start()) is not None


_OWN_VERB_RE = re.compile(r"(?:\band|\bbut|\bwhile|,)\s+(?:it\s+|also\s+|then\s+|has\s+|have\s+|"
                          r"had\s+|will\s+)?(?:[a-z]+ed|sent|sends|send|put|puts|call|calls|"
                          r"order|orders|keep|keeps|kept|moved?|moves)\b")


def _exercise_elsewhere(text: str, lo: int, hi: int, anchor: int, end: int) -> str | None:
    """Do the sentence's exercise or readiness words belong to another part of it, so that
    this count is not at the exercise (rule 49 is about the troops the drill takes)? Either
    another troop count stands between the count and every exercise word ("deployed 10,000
    troops to the coast and called up 3,000 reservists for a readiness check"), or the count
    is a size in a comma aside that closes before every exercise word ("The army, with about
    200,000 soldiers, held drills"). Returns "clause", "aside" or None."""
    hits = [m.start() for m in EXERCISE_RE.finditer(text, lo, hi)]
    if not hits:
        return None
    if (hits[0] >= end and _other_clause_count(text, end, hits[0])) or (
            hits[-1] < anchor and _other_clause_count(text, hits[-1], anchor)):
        return "clause"  # (every hit lies past the other count if the nearest one does)
    close = text.find(",", end, min(hi, end + 40))
    if close >= 0 and hits[0] > close and \
            _SIZE_ASIDE_OPEN_RE.search(text, max(lo, anchor - 80), anchor) is not None:
        return "aside"
    return None


_OUT_OF_RE = re.compile(r"\s*out of\s+(?:the\s+)?[^,;.]{1,40}?(?:[,;.]|$)")


def _moved_out_of(after_text: str) -> bool:
    """The count is followed straight by "out of <place>" with no destination after it
    ("ordered 11,900 troops out of Germany, accusing ..."): the verb before it ("ordered",
    "moved") sends them away from the place, a withdrawal (rule 47); "flew 300 troops out
    of Fort Bragg to Poland" names where they go and stays a deployment."""
    m = _OUT_OF_RE.match(after_text)
    return m is not None and " to " not in m.group(0) and " for " not in m.group(0)


def _cue_action(text: str, folded: str, left: int, right: int, anchor: int, c: Cand
                ) -> str | None:
    """The action of the nearest cue words before and after the count; a negated
    withdrawal ("no plans to cut the 40,000 troops it keeps") leaves them present."""
    lo = max(left, anchor - 90)
    before = text[lo:anchor]
    best: tuple[int, str] | None = None
    verb: tuple[int, str, int] | None = None  # the nearest cue that is not an adjective
    neg_end = 0
    with_cue = False
    for m in _BEFORE_CUE_FOLDED_RE.finditer(folded[lo:anchor]):
        act = _BEFORE_ACTIONS[int(m.lastgroup[1:])]  # type: ignore[index]
        best = (len(before) - m.end(), act)
        with_cue = m.group(0) == "with"
        neg_end = m.start()
        if m.group(0) not in _ADJECTIVE_CUES:
            verb = (best[0], act, m.start())
    if best is not None and verb is not None and verb[:2] != best \
            and before[len(before) - best[0] - 12 :].lower().rstrip().endswith(
                tuple(_ADJECTIVE_CUES)):
        # "pull its remaining 1,500 soldiers out": the verb decides, not the adjective.
        best, neg_end = verb[:2], verb[2]
    if best is not None and best[1] == "withdraw" and _NEGATED_RE.search(
            before[max(0, neg_end - 40) : neg_end]):
        best = (best[0], "present")
    after_text = text[c.end : min(right, c.end + 90)]
    if "where " in after_text:
        wc = _WHERE_NEW_SUBJECT_RE.search(after_text)
        if wc is not None:
            # "keeps ... 60 air force personnel at Djibouti's airport, from where the
            # detachment has flown 400 missions": a clause about the place, with its own
            # subject, says nothing of the count's action.
            after_text = after_text[: wc.start()]
    after: tuple[int, str] | None = None
    for m in _AFTER_CUE_FOLDED_RE.finditer(folded[c.end : c.end + len(after_text)]):
        act = _AFTER_ACTIONS[int(m.lastgroup[1:])]  # type: ignore[index]
        if after is None or (after[1] == "present" and act != "present"):
            after = (m.start(), act)
        if after is not None and after[1] != "present":
            break
    if best is not None and after is not None:
        b_dist, b_act = best
        a_dist, a_act = after
        if b_act == "present" and b_dist > 12:
            return a_act if a_act != "present" else b_act
        if b_act == "deploy" and a_act == "present" and \
                after_text[max(0, a_dist - 3) : a_dist] == "to ":
            return b_act  # "had flown in ..., about 1,500 paratroopers, to guard airports":
            # what they were sent to do, not a posting
        if b_act == "deploy" and a_act == "withdraw" and a_dist <= 1 and \
                _moved_out_of(after_text):
            return a_act  # "ordered 11,900 troops out of Germany": a removal (rule 47)
        if with_cue and a_act != "present" and a_dist <= 30:
            return a_act  # "with the first 100 Marines arriving", "with 6,000 sailors aboard,
            # will join": the verb after, not the preposition, tells the action
        if (a_dist <= 12 and b_dist > 20) or (a_dist <= 3 and b_dist > 3 and
                                              _PASSIVE_RE.match(after_text)):
            return a_act
        return b_act
    if best is not None:
        return best[1]
    if after is not None:
        return after[1]
    return None


# (also a clause whose subject is a count: "guards the border with Sudan, where more than
# 700,000 refugees have arrived": the refugees arrive, not the army)
_WHERE_NEW_SUBJECT_RE = re.compile(r",\s+(?:from\s+)?where\s+(?:the|a|an|its|his|her|their|"
                                   r"(?:more than|over|about|around|some|nearly|almost|"
                                   r"roughly|at least)\s+\d|\d)")
# Cue words that are adjectives when right before the count ("its remaining 1,500
# soldiers"): a verb further back decides the action.
_ADJECTIVE_CUES = frozenset({"remaining", "existing"})

# Verbs that move troops: an exercise they are sent to makes them deployed.
_MOTION_RE = re.compile(
    r"\b(?:send(?:s|ing)?|sent|fl(?:y|ew|own|ying)|dispatch(?:es|ed|ing)?|airlift(?:s|ed|ing)?|"
    r"ship(?:s|ped|ping)?|ordered\b[^.;]{0,30}\b(?:into|to)|deploy(?:s|ed|ing)?\s+(?:\w+\s+){0,4}"
    r"(?:to|into|across)|mov(?:e|es|ed|ing)\b[^.;]{0,30}\b(?:into|to)|"
    # "arrived in the Philippines to join the exercises", "Britain has deployed 1,500".
    r"arriv(?:e|es|ed|ing)\s+(?:in|at|on)|(?:has|have|had)\s+deployed)\b", re.IGNORECASE)
_WHOSE_SIZE_RE = re.compile(r",\s+whose\s+(?:[\w-]+\s+){1,3}?(?:numbers?|numbered|totals?|"
                            r"totall?ed|has|had|is estimated at|stands at)\s+$")
_STAY_RE = re.compile(r"\s+(?:\w+\s+){0,3}(?:stay|remain|be stationed|be based)", re.IGNORECASE)
# A negation governing a withdrawal verb.
_NEGATED_RE = re.compile(r"\b(?:no plans?|no intention|no\s+[a-z]+\s+(?:of|on|about)|not|n't|"
                         r"never|refus(?:e|es|ed|ing)|"
                         r"rul(?:e|es|ed|ing) out|reject(?:s|ed|ing)?)\b[^.;]{0,30}$",
                         re.IGNORECASE)
_PASSIVE_RE = re.compile(r"\s*(?:were|was|have been|had been|are being|will be|would be)\s+"
                         r"(?:sent|deployed|dispatched|flown|withdrawn|pulled out|brought home|"
                         r"airlifted|moved|ordered)\b", re.IGNORECASE)
_STANDBY_OTHER_RE = re.compile(
    r"\b(?:put|puts|putting|placed|placing|place)\b(?:[^;]{0,60}?)\bon\s+(?:\w+\s+)?"
    r"(?:standby|stand-by|alert|readiness|notice to (?:move|deploy))\b"
    r"|\bto\s+(?:prepare|be\s+ready|get\s+ready|stand\s+ready)\s+(?:to\s+deploy|for\s+"
    r"(?:a\s+)?(?:possible\s+)?deployment)\b|\bprepare-to-deploy\b", re.IGNORECASE)


# The case-insensitive tests above as run on short spans (see ``AsciiTwin``).
_ALERT = AsciiTwin(ALERT_RE)
_EXERCISE = AsciiTwin(EXERCISE_RE)
_ORDER_BEFORE = AsciiTwin(_ORDER_BEFORE_RE)
_STANDBY_OTHER = AsciiTwin(_STANDBY_OTHER_RE)
_TO_LEAVE = AsciiTwin(_TO_LEAVE_RE)
_AT_PEAK_RE = re.compile(r",?\s+at (?:its|their|the) peak\b")
_BRING_LEVEL_RE = re.compile(
    # (not "raise the army's strength to N": a decreed future size, rule 51)
    r"\b(?:bring|brings|bringing|brought|tak(?:e|es|ing)|took)"
    r"\s+(?:[\w'.-]+\s+){0,3}?(?:presence|strength|total|number|size)\b"
    r"[^.;:]{0,60}?\bto\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|"
    r"more than\s+|over\s+|up to\s+)?$", re.IGNORECASE)
