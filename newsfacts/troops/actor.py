"""Actor: whose troops a count is (rules 36-42): the state or force named with the count,
the sentence's subject, a force named before, or the story's state; asides and joint
subjects are read so a rival or a host is not taken for the owner.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from newsfacts.gazetteer import demonym_surfaces, is_place, sovereigns
from newsfacts.model import CountryMention, DocContext, TroopFact
from newsfacts.troops.common import (
    ARMY_AFTER_RE,
    BORDER_AFTER_RE,
    CLAUSE_BREAK_RE,
    DATELINE,
    DOWN_FROM_RE,
    FORCE_NAME_RE,
    FORCE_NAMES,
    LEADER_RE,
    LEADERS,
    LED_RE,
    LOC_PREP,
    STATE_LIST_RE,
    Cand,
    alt,
)


def _doc_country(doc: DocContext) -> str | None:
    """The state the document mentions most (a last resort for the actor); a territory
    counts for its sovereign (the Falklands for Britain). Counted once per document: it is
    asked for every count before the first fact."""
    if "doc country" not in doc.memo:
        sovereign = sovereigns()
        counts = Counter(sovereign.get(m.country, m.country) for ms in doc.mentions for m in ms
                         if len(m.country) == 3 and m.country != "COALITION")
        top = counts.most_common(1)
        doc.memo["doc country"] = top[0][0] if top else None
    return doc.memo["doc country"]


def _is_state_mention(m: CountryMention) -> bool:
    return not is_place(m.surface)


_ATTR_FIRST = frozenset("fmcgdpt")
_ATTR_FORCE_RE = re.compile(r"\s(?:force|mission|contingent|garrison|deployment|drawdown|"
                            r"pullout|troop)\b")


# Demonyms are never a place modifier: most end like these ("Syrian", "French", "Iraqi",
# "Chinese", "Greek"); names that end the same way ("Iran", "Mali") are simply not tested.
_DEMONYM_END_RE = re.compile(r"(?:an|en|ese|sh|ch|ss|i|ic|ek|ik|ino|ine|ot|z)$")
_SHORT_DEMONYMS = frozenset({"Serb", "Croat", "Slovene", "Finn", "Swede", "Dane", "Pole",
                             "Briton", "Scot", "Lao", "Basque", "Kurd", "Arab"})


def attributive_place(text: str, end: int, surface: str, code: str) -> bool:
    """A country's name used as a noun modifier of a force ("U.S. to cut Syria force"): where
    the force is, not whose it is. Not abbreviations ("U.S. force") or demonyms."""
    return text[end + 1 : end + 2] in _ATTR_FIRST and len(code) == 3 and \
        text.startswith(" ", end) and _ATTR_FORCE_RE.match(text, end, end + 14) is not None \
        and "." not in surface and not surface.isupper() and \
        _DEMONYM_END_RE.search(surface) is None and surface not in _SHORT_DEMONYMS and \
        surface not in demonym_surfaces()


_JOINT_RE = re.compile(r",?\s+and\s+(?:the\s+)?$")
# The pair is the subject: a verb (or "each", "jointly") follows it directly.
_JOINT_AFTER_RE = re.compile(
    r"\s+(?:\w+ly\s+)?(?:each|jointly|together|both|will|would|could|shall|have|had|plan|"
    r"plans|planned|agreed|are|were|sent|send|deployed|deploy|keep|kept|maintain|station|"
    r"stationed|pledged|committed|contributed|withdrew|massed|mobili[sz]ed|held|hold|holds|"
    r"conducted|launched|began|started)\b")


def _joint_subject(text: str, mentions: list[CountryMention], m: CountryMention) -> bool:
    """Is ``m`` the last of "X and Y" whose troops the sentence counts together ("India and
    China each have", "The Netherlands and Belgium will jointly send")?"""
    before = [o for o in mentions if o.char_end <= m.char_start]
    if not before or before[-1].country == m.country or is_place(before[-1].surface):
        return False
    if not _JOINT_RE.match(text[before[-1].char_end : m.char_start]):
        return False
    return _JOINT_AFTER_RE.match(text, m.char_end, m.char_end + 40) is not None


def actor_of(doc: DocContext, s_no: int, c: Cand, prev: TroopFact | None,
           prev_s_no: int, action: str) -> str | None:
    """Whose troops (rules 40-42, 52)."""
    text = doc.text
    sent = doc.sentences[s_no]
    mentions = [m for m in doc.mentions[s_no] if _is_state_mention(m) and
                not attributive_place(doc.text, m.char_end, m.surface, m.country)]
    prev_actor = prev.actor if prev is not None else None
    near_prev = prev is not None and s_no - prev_s_no <= 1
    quote = text[c.start : c.end]
    # Inside the quote: "Some 850 British troops", "troops of the Saudi-led coalition".
    if LED_RE.search(quote) or _COALITION_RE.search(quote):
        return "COALITION"
    if c.kind == "level" and prev is not None and prev_s_no == s_no and prev_actor and \
            prev.char_end <= c.start and (
                DOWN_FROM_RE.search(text[prev.char_end : c.start])
                or text.endswith(", leaving ", prev.char_end, c.start)):
        # "keeps around 200 personnel at Pituffik in Greenland's far northwest, ..., down
        # from some 10,000": the earlier level of the same force (rules 48, 50); "will bring
        # home some 500 soldiers serving with the ECOWAS mission ..., leaving around 200 in
        # the country": the level the same state leaves there.
        return prev_actor
    fm = FORCE_NAME_RE.search(text, c.start, c.end)
    if c.kind == "demonym":
        # "N Armenians served in the German army": the army's state, else unknown.
        return _army_owner(doc, s_no)
    if c.kind == "units":
        # A breakdown continuing the previous sentence's count keeps its state.
        if near_prev and prev_actor is not None:
            return prev_actor
        owner = _army_owner(doc, s_no)
        if owner:
            return owner
    if fm and c.kind in ("man", "strong"):
        return FORCE_NAMES[fm.group(0)]
    inside = [m for m in mentions if c.start <= m.char_start < c.end]
    if len({m.country for m in inside}) > 1:
        return None  # "South Korean and American soldiers": several states (rule 42)
    if inside:
        return inside[0].country
    if fm:
        return FORCE_NAMES[fm.group(0)]
    lo40 = max(sent.start, c.start - 50)
    win = text[lo40 : c.start]
    if ("side" in win or "two" in win or "both" in win) and _BOTH_SIDES_RE.search(win):
        return None  # "the two sides each still keep 50,000 soldiers" (rule 42)
    if "attle" in win and _BATTLEGROUP_OF_RE.search(win) and _names(doc, "NATO"):
        # "Canada leads a battlegroup of 2,000 soldiers from 14 countries": NATO's
        # multinational formation counted as a whole (rule 41).
        return "NATO"
    sf = _SUBJECT_FORCE_RE.match(text, sent.start, c.start) or (
        _SUBJECT_FORCE_DL_RE.match(text, sent.start, c.start) if s_no < 2 else None)
    if sf and (_POSS_PRON_RE.search(text, max(sent.start, c.start - 30), c.start)
               or _SIZE_VERB_RE.search(win) or _FORCE_WITH_RE.search(win)
               # "ECOMIG entered the tiny riverside nation in January 2017 with some 7,000
               # troops": the named force moving in with its own troops (rule 41).
               or _ENTERED_WITH_RE.match(text, sf.end(), c.start)
               # "The Multinational Force and Observers, which monitors the treaty, has
               # about 1,100 personnel from 13 countries": the force's own size, counted
               # whole (rule 41), when no state stands between the force and the count.
               or (_HAS_BEFORE_RE.search(win) and not any(
                   sf.end() <= m.char_start < c.start
                   and not _inside_aside(text, sent.start, m, c.start) for m in mentions))):
        # The sentence's subject is a named force whose size this is: "UNIFIL was set up
        # ..., when its strength peaked at N"; "A multinational force ... could number N".
        return FORCE_NAMES[sf.group("name")]
    if _GENERIC_FORCE_SUBJ_RE.match(text, sent.start, c.start) and _SIZE_VERB_RE.search(win):
        # "The standby force, agreed by ECOWAS leaders in 2023, is meant to number 5,000
        # troops": the force a sentence about an unnamed force names (rule 41).
        gf = FORCE_NAME_RE.search(text, sent.start, c.start)
        if gf is not None and not LOC_PREP.search(text[max(sent.start, gf.start() - 30)
                                                         : gf.start()]):
            return FORCE_NAMES[gf.group(0)]
    if text.find("ultinational", sent.start, c.start) >= 0 and _SIZE_VERB_RE.search(win) and \
            _MULTI_UNIT_RE.match(text, sent.start, c.start) and \
            _NATO_UNIT_RE.search(text) is not None:
        # "The multinational brigade is expected to number about 5,000 troops" in a story
        # about the NATO brigade or battlegroup: NATO's formation counted whole (rule 41).
        return "NATO"
    after = text[c.end : min(sent.end, c.end + 40)]
    several = _SEVERAL_STATES_RE.match(after)
    s_end = c.end + several.end() if several else 0
    if several and "'s" in text[s_end : min(sent.end, s_end + 60)]:
        # "20,000 troops from 13 countries began NATO's Nordic Response exercise": the
        # bloc's exercise or force takes them as a whole (rule 41).
        bn = _SEVERAL_BLOC_RE.match(text, s_end, min(sent.end, s_end + 60))
        if bn and (bn.group(1) != "the alliance" or _names(doc, "NATO")):
            return "NATO"
    if several and sf is None and s_no > 0 and _FORCE_PRONOUN_START_RE.match(text, sent.start,
                                                                           c.start):
        # "KFOR was set up in 1999. It now numbers 4,500 soldiers from 28 countries": the
        # force the previous sentence named (rule 41).
        pf = FORCE_NAME_RE.search(text, doc.sentences[s_no - 1].start,
                                  doc.sentences[s_no - 1].end)
        if pf is not None:
            return FORCE_NAMES[pf.group(0)]
    if several and sf is not None and not any(
            sf.end() <= m.char_start < c.start for m in mentions):
        # "KFOR was reinforced by some 1,000 troops from several NATO countries": the
        # named force the sentence opens with takes them as a whole (rule 41).
        return FORCE_NAMES[sf.group("name")]
    if several and sf is None:
        bs = _BLOC_SUBJECT_RE.match(text, sent.start, c.start)
        if bs is not None and not any(
                bs.end() <= m.char_start < c.start and not LOC_PREP.search(
                    text[max(sent.start, m.char_start - 30) : m.char_start]) for m in mentions):
            # "The U.N. peacekeeping force in Lebanon, UNIFIL, has about 10,500 peacekeepers
            # from 48 countries": the bloc's force the sentence opens with (rule 41).
            return bs.lastgroup
    if several or _UNSTATED_RE.search(quote):
        return None  # "troops from both countries", "2,500 foreign troops" (rule 42)
    if action == "other" and _NEEDED_RE.match(text, c.end, min(sent.end, c.end + 40)):
        return None  # "35,000 soldiers would be needed" (rule 52)
    # Just after: "troops from the Saudi-led coalition", "troops of the U.N. force".
    if _LED_COALITION_AFTER_RE.match(after):
        return "COALITION"
    fa = FORCE_NAME_RE.search(text, c.end, min(sent.end, c.end + 40))
    if fa and _FROM_OF_WITH_RE.match(after) and not any(
            c.end <= m.char_start < fa.start() for m in mentions):
        # (not "troops from Rwanda, the United Nations says": the state comes first)
        return FORCE_NAMES[fa.group(0)]
    if action != "withdraw":
        for m in doc.mentions[s_no]:
            if c.end <= m.char_start <= c.end + 40 and not is_place(m.surface) and \
                    _FROM_OF_RE.match(text[c.end : m.char_start]):
                if _MOVE_TO_RE.match(text, m.char_end, sent.end):
                    break  # "move 1,000 troops from Germany to Poland": where they leave
                listed = STATE_LIST_RE.match(text, m.char_end, sent.end)
                if listed and any(o.char_start >= m.char_end and o.country != m.country
                                  for o in mentions if o.char_start <= listed.end()):
                    # "troops from Kenya, Uganda and Burundi": several states; a named
                    # force later in the sentence takes them as a whole (rule 41).
                    later = FORCE_NAME_RE.search(text, listed.end(), sent.end) or \
                        _BLOC_FORCE_RE.search(text, listed.end(), sent.end)
                    return _force_code(later) if later else None
                return m.country
    if text.find("'s", max(sent.start, c.start - 80), c.start) >= 0:
        ha = _HOST_ARMY_RE.search(text, max(sent.start, c.start - 80), c.start)
        if ha:
            # "In Jordan, where 3,000 U.S. troops are based, the kingdom's army has sent
            # 2,000 soldiers": the state the sentence is set in ("In Jordan"), not the
            # nearest state, which is another's troops in an aside (rule 40).
            for m in reversed([m for m in mentions if m.char_end <= ha.start()]):
                if LOC_PREP.search(text[max(sent.start, m.char_start - 30) : m.char_start]):
                    return m.country
    # Before, in the sentence: the nearest state (or head of state) that is not a place.
    lead = None
    for lm in LEADER_RE.finditer(text, sent.start, c.start):
        lead = lm
    # "the alliance" in a document naming NATO; a named force ("The AU withdrew ..."):
    # nearer than any state mention before the count, it is the owner.
    named, named_code = -1, ""
    lo45 = max(sent.start, c.start - 45)
    for am in FORCE_NAME_RE.finditer(text, lo45, c.start):
        if not LOC_PREP.search(text[max(sent.start, am.start() - 30) : am.start()]):
            named, named_code = am.start(), FORCE_NAMES[am.group(0)]
    al = text.rfind("he alliance", max(sent.start, c.start - 120), c.start) - 1
    if al > named and text[al] in "Tt" and _names(doc, "NATO") and \
            not LOC_PREP.search(text[max(sent.start, al - 30) : al]):
        named, named_code = al, "NATO"
    k = text.rfind(", which", max(sent.start, c.start - 50), c.start)
    if k >= 0 and named < 0:
        # "their Alliance of Sahel States (AES), which is to number 5,000 soldiers": a
        # relative clause about the named force right before it.
        for am in FORCE_NAME_RE.finditer(text, max(sent.start, k - 50), k + 1):
            if _FORCE_WHICH_RE.match(text, am.end(), c.start):
                named, named_code = am.start(), FORCE_NAMES[am.group(0)]
    for m in reversed([m for m in mentions if m.char_end <= c.start]):
        if named >= m.char_end:
            break
        if lead is not None and lead.start() > m.char_end:
            break
        pre = text[max(sent.start, m.char_start - 40) : m.char_start]
        post = text[m.char_end : m.char_end + 16]
        if BORDER_AFTER_RE.match(post):
            continue
        if LED_RE.match(post):
            return "COALITION"
        if LOC_PREP.search(pre) and not _POSSESSIVE_RE.match(post):
            continue
        k = pre.rfind(",")
        if k >= 0 and _APPOS_ASIDE_RE.match(pre, k):
            continue  # "Burundi, an ally of Kinshasa, has ...", "army, known by its French ..."
        if text.find(",", m.char_end, c.start) >= 0 and _inside_aside(text, sent.start, m,
                                                                     c.start):
            continue  # "Finland, which shares a border with Russia, has 280,000 soldiers"
        if c.start - m.char_end > 90 and prev_actor is not None and not (
                m.char_start - sent.start <= 8 and ARMY_AFTER_RE.match(text, m.char_end)) and \
                not (m.char_start - sent.start <= 2 and
                     _SUBJECT_VERB_RE.match(text, m.char_end, c.start)) and \
                text.find("the country's", m.char_end, c.start) < 0 and not (
                    text.startswith(",", m.char_end) and _subject_aside(text, sent.start, m,
                                                                         c.start)):
            return prev_actor  # a far-away mention in a long sentence: keep the thread
        if _joint_subject(text, mentions, m):
            return None  # "The Netherlands and Belgium will send 400 troops" (rule 42)
        return m.country
    else:
        if named < 0 and lead is not None:
            return LEADERS[lead.group(0)]
    if named >= 0 and (lead is None or named > lead.start()):
        return named_code
    if lead is not None:
        return LEADERS[lead.group(0)]
    la = LEADER_RE.search(text, c.end, sent.end)
    if la and _BY_WORDS_RE.search(text[c.end : la.start()]):
        return LEADERS[la.group(0)]
    # "Some 90,000 troops took part in NATO's Steadfast Defender exercise" (rule 41).
    bp = _BLOC_AFTER_RE.match(text, c.end, min(sent.end, c.end + 60))
    if bp and (bp.group("NATO") is None or not bp.group("NATO").startswith("the")
               or _names(doc, "NATO")):
        return bp.lastgroup
    # "It has about 750,000 men under arms": the state the previous sentence is about.
    if s_no > 0 and _PRONOUN_START_RE.match(text, sent.start, c.start):
        subj = first_state(doc, s_no - 1)
        if subj is not None:
            return subj
    # "Uganda intervened in 2013. Those soldiers, numbering about 3,000, ...": the
    # previous sentence's subject (rule 52).
    if s_no > 0 and text.startswith("Th", sent.start + (text[sent.start] in "\"'(")) and \
            _THOSE_START_RE.match(text, sent.start, c.start):
        subj = first_state(doc, s_no - 1)
        if subj is not None:
            return subj
    # "... the Ugandan army chief said. The army later said about 2,000 troops had been
    # sent": the army the previous sentence named.
    if s_no > 0 and _THE_ARMY_START_RE.match(text, sent.start, c.start):
        for m in doc.mentions[s_no - 1]:
            if len(m.country) == 3 and _OWN_ARMY_AFTER_RE.match(text, m.char_end):
                return m.country
    # "UNIFIL has operated in Lebanon since 1978. Its 10,000 peacekeepers ...": a named
    # force in the previous sentence.
    if s_no > 0 and (prev is None or s_no - prev_s_no > 1):
        pf = FORCE_NAME_RE.search(text, doc.sentences[s_no - 1].start,
                                   doc.sentences[s_no - 1].end)
        if pf is None:
            # "... hosts a NATO battlegroup. Its 1,000 troops": a bloc's named force.
            pf = _BLOC_FORCE_RE.search(text, doc.sentences[s_no - 1].start,
                                       doc.sentences[s_no - 1].end)
        if pf and (_POSS_PRON_RE.search(text, max(sent.start, c.start - 12), c.start + 4)
                   or _IT_HAD_RE.search(text, max(sent.start, c.start - 16), c.start)
                   # "The mission's military component of some 11,600 peacekeepers"
                   or _POSS_PART_OF_RE.search(text, max(sent.start, c.start - 50), c.start)):
            return _force_code(pf)
    # "U.S. Marines ... The first rotation sent just 200 Marines": a distinctive troop noun
    # a state qualified earlier in the document keeps that state.
    head = quote.rsplit(None, 1)[-1] if quote else ""
    if head in _DISTINCT_NOUNS:
        qualified = _qualified_before(doc, s_no, head)
        if qualified is not None:
            return qualified
    # Context: the previous fact's state (rule 52), else the document's main state.
    if prev_actor is not None:
        return prev_actor
    if prev is not None:
        return None
    return _troops_named_before(doc, s_no) or _doc_country(doc)


_STATE_TROOPS_AFTER_RE = re.compile(r"\s+(?:troops|soldiers|forces|servicemen|personnel)\b")


def _troops_named_before(doc: DocContext, s_no: int) -> str | None:
    """"The last British troops will leave Germany ... Half of the 15,000 soldiers still based
    there will be home": the first count of a document, with no state of its own, belongs to
    the state whose troops the previous sentence named (rule 52), not to the state the
    document names most (the host country, often)."""
    if s_no == 0:
        return None
    codes = {m.country for m in doc.mentions[s_no - 1] if len(m.country) == 3
             and m.country != "COALITION" and _STATE_TROOPS_AFTER_RE.match(doc.text, m.char_end)}
    return codes.pop() if len(codes) == 1 else None


_DISTINCT_NOUNS = frozenset({"Marines", "marines", "sailors", "paratroopers", "airmen",
                             "commandos", "Gurkhas", "legionnaires"})


def _qualified_before(doc: DocContext, s_no: int, head: str) -> str | None:
    """The state of the last "<state> <head>" ("U.S. Marines") in a sentence before
    ``s_no``. The places a state qualifies the noun are listed once per document: a walk
    back over every mention per count made a long document quadratic."""
    key = "qualified " + head
    found: list[tuple[int, str]] | None = doc.memo.get(key)
    if found is None:
        text, tail = doc.text, " " + head
        found = doc.memo[key] = [
            (k, m.country) for k, ms in enumerate(doc.mentions) for m in ms
            if len(m.country) == 3 and m.country != "COALITION"
            and text.startswith(tail, m.char_end)]
    i = bisect_left(found, (s_no,))  # the first at or after sentence s_no
    return found[i - 1][1] if i else None


def _names(doc: DocContext, code: str) -> bool:
    """Does the document name this state or bloc anywhere?"""
    return code in doc.named()


_BOTH_SIDES_RE = re.compile(
    r"\b(?:the two sides|both sides|each side|the two (?:armies|countries|nations|neighbou?rs)|"
    r"both (?:armies|countries|nations))\b[^.;]{0,40}$", re.IGNORECASE)
_BATTLEGROUP_OF_RE = re.compile(r"\bbattle ?groups?\s+(?:\w+\s+){0,3}?of\s+$", re.IGNORECASE)
_SUBJECT_FORCE = rf"[\s\"'(]*(?:(?:A|An|The)\s+)?(?P<name>{alt(list(FORCE_NAMES))})\b"
_SUBJECT_FORCE_RE = re.compile(_SUBJECT_FORCE)
# A bloc's force as the sentence's subject, by description rather than by name.
_BLOC_SUBJECT_RE = re.compile(
    r"[\s\"'(]*The\s+(?:(?P<UN>U\.N\.|UN|United Nations)|(?P<AU>African Union)|(?P<NATO>NATO))"
    r"\s+(?:[\w-]+\s+){0,2}?(?:force|mission)\b")
# A state opening its sentence as the subject of the main verb (or with its leader's title
# and name): "Moscow has announced plans ...", "Venezuelan President Nicolas Maduro
# responded ...". It owns a count far along the sentence; the previous fact's state does
# not carry over (rule 40).
_SUBJECT_VERB_RE = re.compile(
    r"(?:\s+(?:President|Prime Minister|Defen[cs]e Minister|leader)(?:\s+[A-Z][\w'-]+){1,3})?"
    r"\s+(?:has|have|had|will|would|plans?|planned|wants?|announced|intends?|responded|"
    r"ordered|decided|agreed)\b")
# The same after a dateline: tried only on a document's first sentences (it is slow to
# fail on other sentences).
_SUBJECT_FORCE_DL_RE = re.compile(rf"{DATELINE}{_SUBJECT_FORCE}")
_GENERIC_FORCE_SUBJ_RE = re.compile(r"[\s\"'(]*(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,2}?"
                                    r"(?:force|mission|brigade|contingent)\b")
_SIZE_VERB_RE = re.compile(r"\b(?:number|numbers|numbered|total|totals|comprise|comprises)\s+$")
# "The People's Liberation Army, the world's largest military with about 2 million ...":
# the size of the force the sentence opens with.
_FORCE_WITH_RE = re.compile(r",\s+(?:the|a|an)\s+[^,;:]{0,50}\b(?:army|military|force|navy)"
                            r"\s+with\s+$")
_ENTERED_WITH_RE = re.compile(r"\s+(?:entered|arrived|deployed|landed|intervened|moved)\b"
                              r"[^,;:]{0,80}\bwith\s+$")
_HAS_BEFORE_RE = re.compile(r"\b(?:has|have|had|now has|still has|currently has)\s+$")
# "the kingdom's army", "the country's military": the state the sentence is set in.
_HOST_ARMY_RE = re.compile(r"\bthe\s+(?:kingdom|country|island|republic|emirate|island nation)"
                           r"'s\s+(?:army|military|armed forces|forces|navy|troops)\b[^,;:]{0,40}$")
_BLOC_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:in|of|for|with)\s+(?:the\s+)?"
    r"(?:(?P<NATO>NATO|Nato|the alliance)|(?P<UN>U\.N\.|UN|United Nations)|"
    r"(?P<AU>African Union|AU))'s\b")


# A comma aside between a subject and its verb: ", a nation of 1.9 million that borders
# Russia and Belarus, has", ", which shares a border with Russia, has".
_ASIDE_RE = re.compile(r",\s+(?:which|who|whose|that|an?|the|"
                       # "The United States, Taiwan's main arms supplier, has ..."
                       r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?'s)\s+(?:[^,;:]|,(?=\d)){0,120}?"
                       r",\s+(?:now\s+|also\s+|"
                       r"still\s+)?(?:has|have|had|keeps|kept|maintains|fields|numbers|is|are|"
                       r"was|were|will|would|plans|wants|said|says|sent|sends|deployed|deploys|"
                       r"moved|moves|ordered|orders|dispatched|withdrew|pulled|agreed)\b")


def _inside_aside(text: str, lo: int, m: CountryMention, hi: int) -> bool:
    """True when mention ``m`` stands inside a comma aside that closes before ``hi``: the
    aside describes the subject, it does not own the troops."""
    for a in _ASIDE_RE.finditer(text, max(lo, m.char_start - 125), hi):
        if a.start() < m.char_start and m.char_end <= a.end():
            return True
    return False


def _subject_aside(text: str, lo: int, m: CountryMention, hi: int) -> bool:
    """Is ``m`` the sentence's subject, followed by a comma aside and its verb before ``hi``
    ("Finland, which joined NATO in 2023 and shares a 1,340-km border with Russia, has a
    peacetime army of about 23,000 soldiers")? Then it owns the count however long the aside
    is."""
    if text[lo : m.char_start].strip(" \"'(").lower() not in ("", "the"):
        return False
    a = _ASIDE_RE.match(text, m.char_end, hi)
    return a is not None and not CLAUSE_BREAK_RE.search(text, a.end(), hi)


def first_state(doc: DocContext, s_no: int) -> str | None:
    """The first state (not a place) a sentence names: usually its subject."""
    for m in doc.mentions[s_no]:
        if len(m.country) == 3 and m.country != "COALITION" and _is_state_mention(m):
            return m.country
    return None


_COALITION_RE = re.compile(r"\bcoalition\b", re.IGNORECASE)
_APPOS_ASIDE_RE = re.compile(r",\s+(?:(?:an?|the)\s+(?:[\w'-]+\s+){0,2}(?:of|to|with)|"
                             r"(?:also\s+)?(?:known|called)\s+(?:as|by)\s+(?:[\w'-]+\s+){0,3}?)"
                             r"\s*(?:the\s+)?$")
_LED_COALITION_AFTER_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?[\w.-]+-led coalition")
_FROM_OF_WITH_RE = re.compile(r"\s+(?:from|of|with)\s+")
_POSSESSIVE_RE = re.compile(r"'s\b")
_BY_WORDS_RE = re.compile(r"\bby\s+(?:\w+\s+){0,2}$")
_SEVERAL_STATES_RE = re.compile(
    r"\s+(?:from|of)\s+(?:both|the two|two|three|several|many|various|\d+|all \d+)\s+"
    r"(?:\w+\s+)?(?:countries|nations|states|allies|armies|sides)\b", re.IGNORECASE)
_UNSTATED_RE = re.compile(r"\b(?:foreign|international|European|African|Western|Arab|Asian)\b")
_NEEDED_RE = re.compile(r"[\s,]+(?:\w+\s+){0,3}(?:needed|required|necessary)\b", re.IGNORECASE)
_FORCE_PRONOUN_START_RE = re.compile(r"[\s\"'(]*(?:It|The (?:force|mission))\s+(?:now\s+|still\s+)?"
                                     r"(?:has|had|numbers|numbered|comprises|includes)\s")
_PRONOUN_START_RE = re.compile(r"[\s\"'(]*(?:It|They)\s+(?:has|have|had|now has|keeps|kept|"
                               r"maintains|fields|numbers)\b")
_MULTI_UNIT_RE = re.compile(r"[\s\"'(]*(?:The|A|This|That|Its)\s+(?:new\s+)?multinational\s+"
                            r"(?:brigade|battle ?group|division|corps)\b", re.IGNORECASE)
_NATO_UNIT_RE = re.compile(r"\bNATO(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:[Bb]rigade|[Bb]attle ?group|"
                           r"[Dd]ivision|[Cc]orps)\b")
_SEVERAL_BLOC_RE = re.compile(r"[^.;]{0,30}?\b(?:began|begin|begins|joined|join|joins|launched|"
                              r"in|for|with|of|under)\s+(NATO|Nato|the alliance)'s\s")
_OWN_ARMY_AFTER_RE = re.compile(r"(?:'s)?\s+(?:army|armed forces|military)\b")
_FORCE_WHICH_RE = re.compile(r"(?:\s*\([^()]{1,12}\))?,\s+which\s+(?:[\w-]+\s+){0,4}$")
_THOSE_START_RE = re.compile(r"[\s\"'(]*(?:Those|These)\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|"
                             r"forces|personnel|contingents?|peacekeepers|units)\b")
_THE_ARMY_START_RE = re.compile(r"[\s\"'(]*The\s+(?:army|military|armed forces|"
                                r"(?:defen[cs]e\s+)?ministry)\b")
_IT_HAD_RE = re.compile(r"\b[Ii]t\s+(?:had|has|now has|numbered|numbers)\s+$")
_POSS_PRON_RE = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Tt]he (?:mission|force)'s)\s+")
_POSS_PART_OF_RE = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Tt]he (?:mission|force)'s)\s+"
                              r"(?:[\w-]+\s+){1,3}?of\s+$")
_MOVE_TO_RE = re.compile(r"\s+(?:to|into)\s+(?:the\s+)?[A-Z]")
# A bloc named as the force the listed states serve in ("... serve in the African Union
# force"), not merely as a source ("..., the United Nations said").
_BLOC_FORCE_RE = re.compile(
    r"\b(?:(?P<AU>African Union)|(?P<UN>United Nations|U\.N\.|UN)|(?P<NATO>NATO))(?!\w)"
    r"(?=[^.;]{0,20}\b(?:force|forces|mission|peacekeep\w*|contingent|operation|"
    r"battle ?groups?)\b)")


def _force_code(m: re.Match[str]) -> str:
    """The code of a named force or bloc matched by ``FORCE_NAME_RE``/``_BLOC_FORCE_RE``."""
    return m.lastgroup if m.re is _BLOC_FORCE_RE else FORCE_NAMES[m.group(0)]  # type: ignore[return-value]


# ("troops from neighbouring Rwanda": the adjective before the state is allowed)
_FROM_OF_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                         r"(?:[A-Z][\w.'-]*\s+){0,3}(?:[\w.'-]+,\s)?$")


def _army_owner(doc: DocContext, s_no: int) -> str | None:
    """The state of an army named in a sentence ("the German army", "the Wehrmacht")."""
    if s_no < 0:
        return None
    sent = doc.sentences[s_no]
    for m in doc.mentions[s_no]:
        if ARMY_AFTER_RE.match(doc.text, m.char_end, m.char_end + 24):
            return m.country
    fm = FORCE_NAME_RE.search(doc.text, sent.start, sent.end)
    if fm:
        return FORCE_NAMES[fm.group(0)]
    return None
