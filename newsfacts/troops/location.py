"""Location: where the troops are, go or leave (rules 43-47): the places of the count's
clause, with origins, borders, distances and sites run by another state set aside, and
the region, island, headline or dateline when the sentence names none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfacts.gazetteer import (
    Mention,
    find_mentions,
    is_place,
    island_surfaces,
    region_surfaces,
    territory_surfaces,
)
from newsfacts.model import CountryMention, DocContext, TroopFact
from newsfacts.troops.actor import attributive_place, first_state
from newsfacts.troops.common import (
    ALERT_RE,
    ARMY_AFTER_RE,
    BORDER_AFTER_RE,
    CLAUSE_BREAK_RE,
    DATELINE,
    DOWN_FROM_RE,
    EXERCISE_RE,
    FORCE_NAME_RE,
    FORCE_NAMES,
    LEADER_RE,
    LEADERS,
    LED_RE,
    LEVEL_NOUNS,
    LOC_PREP,
    OF_THEM,
    REGIONS,
    STATE_LIST_RE,
    TROOP_NOUNS,
    AsciiTwin,
    Cand,
    alt,
    clause_bounds,
    with_heads,
)

_LEVEL_NOUN_BEFORE_RE = re.compile(rf"\b(?:the|that|this|its|their)\s+{LEVEL_NOUNS}\b",
                                   re.IGNORECASE)
_OF_THEM_AFTER_RE = re.compile(OF_THEM)


def _place_after(doc: DocContext, s_no: int, c: Cand) -> bool:
    """A country named after the count and before the attribution (", the ministry said
    in The Hague"): "About 150 of them have been redeployed to neighboring Niger"."""
    end = doc.sentences[s_no].end
    said = doc.text.find(" said", c.end, end)
    limit = said if said >= 0 else end
    comma = doc.text.rfind(",", c.end, limit)  # (", the Dutch defence ministry said")
    limit = comma if comma >= 0 and said >= 0 else limit
    return any(c.end <= m.char_start < limit for m in doc.mentions[s_no])

# "..., ministry spokeswoman Hana Dvorakova said in Prague": where the speaker is.
_SAID_IN_RE = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|parliament|lawmakers|"
                         r"a\s+news\s+conference)|announced)(?:\s+on\s+\w+day|\s+\w+day)?"
                         r"\s+(?:in|from)\s+(?:the\s+)?$")


def _not_speaker_places(text: str, s_start: int, places: list[tuple[int, str, bool]],
                        ) -> list[tuple[int, str, bool]]:
    """The places of a sentence without the speaker's ("the ministry said in Prague", "told
    reporters in Brussels"): where a statement was made is not where troops are (rule 43);
    with it gone the context decides."""
    return [p for p in places if not _SAID_IN_RE.search(text, max(s_start, p[0] - 50), p[0])]

_HOME_TO_RE = re.compile(r",?\s+(?:which\s+)?(?:is\s+)?(?:home to|hosts|host to|hosting|"
                         r"has hosted)\s+$", re.IGNORECASE)
# "a French-run air base in Jordan": the state that runs or built a site is not its place.
_RUN_BY_RE = re.compile(r"-(?:run|operated|owned|built|funded|backed)\b")
_REGION_RE = with_heads(re.compile(
    rf"\b(?:in|into|to|from|across|throughout|around|out of)\s+(?:the\s+)?"
    # ("the three Baltic states": several countries, rule 44)
    rf"(?:(?:two|three|four|five|six|seven|eight|nine|\d+)\s+)?"
    rf"(?:(?:eastern|western|northern|southern|central)\s+)?(?:{alt(REGIONS)})\b"
    r"|\b(?:and|or) other (?:countries|nations|conflict zones|places|regions)\b"
))
_THERE_RE = re.compile(r"\b(?:in|into|inside|to|from|out of) (?:the|that|this) country\b|"
                       r"\bthere\b|\bin theatre\b|\bin theater\b|\bhome\b|\bthe war zone\b",
                       re.IGNORECASE)
_FROM_LIST_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                           r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?"
                           + "(?:" + STATE_LIST_RE.pattern + ")?")


def _place_mentions(doc: DocContext, s_no: int, skip: tuple[int, int] = (0, 0),
                    caps: bool = False,
                    cache: dict[tuple[int, bool], list[tuple[int, str, bool]]] | None = None,
                    ) -> list[tuple[int, str, bool]]:
    """(position, code, followed by "and <another place>") for each mention in a sentence
    that names where something is: after a place preposition ("in Iraq", "into Sudan's
    Darfur"), as a possessive place ("Sudan's Darfur region"), or a place adjective
    ("Brazilian ports"). Demonyms naming an army ("the German Wehrmacht") are not places.
    With ``cache`` (one per document pass) each sentence is scanned once, however many
    counts it holds."""
    if cache is not None:
        key = (s_no, caps)
        if key not in cache:
            cache[key] = _place_mentions(doc, s_no, caps=caps)
        return [p for p in cache[key] if not skip[0] <= p[0] < skip[1]]
    text = doc.text
    sent = doc.sentences[s_no]
    ms: Sequence[CountryMention | Mention] = (
        list(find_mentions(text, sent.start, sent.end, caps=True)) if caps else doc.mentions[s_no]
    )
    out: list[tuple[int, str, bool]] = []
    for m in ms:
        start, end = (m.char_start, m.char_end) if isinstance(m, CountryMention) else (
            m.start, m.end)
        code = m.country if isinstance(m, CountryMention) else m.code
        if skip[0] <= start < skip[1] or len(code) != 3 or code == "COALITION":
            continue
        pre = text[max(sent.start, start - 40) : start]
        post = text[end : end + 40]
        if BORDER_AFTER_RE.match(post) or LED_RE.match(post) or _RUN_BY_RE.match(post):
            continue
        if ARMY_AFTER_RE.match(post):
            continue
        if text.find("from", start - 10, start) >= 0 and _SOURCE_FROM.found_in(
                text, max(sent.start, start - 30), start):
            continue  # "bowing to pressure from the United States": a source, not a place
        if text.find("from", max(sent.start, start - 70), start) >= 0 and \
                _ORIGIN_FROM_RE.search(text, max(sent.start, start - 70), start):
            continue  # "flew in from bases in Kuwait, Qatar and Bahrain", "drawn mainly from
            # Rwanda, Bangladesh ...": where the troops come from, not where they are (43)
        if ("separat" in pre or "divid" in pre or "between" in pre) and \
                _BOUNDARY_RE.search(pre):
            continue  # "the Blue Line separating Lebanon from Israel": a line, not a place
        if ("km" in pre or "mile" in pre or "kilomet" in pre) and _DISTANCE_OF_RE.search(
                text, max(sent.start, start - 70), start):
            continue  # "within 70 km of the Eritrean port of Assab": a reference point
        if ("near" in pre or "off" in pre) and _WATERS_NEAR_RE.search(pre):
            continue  # "waters near Venezuela", "the seas off Taiwan": afloat, in no country
        if " to " in pre[-12:] and _TURNED_TO_RE.search(pre):
            continue  # "turned to Russia for help", "appealed to France": a party, not a place
        if (" war " in pre or " invasion " in pre or " conflict " in pre) and \
                _TIME_PHRASE_RE.search(pre):
            continue  # "up from 30,000 before the war in Gaza": a time, not a place
        surface = m.surface
        if "sa" in post[:8] and _SPEAKER_AFTER_RE.match(post) and not LOC_PREP.search(pre):
            continue  # "the Pentagon said", "Washington says": a speaker, not a place
        if pre.endswith(" in ") and ("rs in" in pre or "ts in" in pre or "ce in" in pre
                                    or "ng in" in pre) \
                and _SPEAKER_IN_RE.search(pre):
            continue  # "told reporters in Canberra": where it was said, not a troop place
        placed = bool(is_place(surface) or LOC_PREP.search(pre) or _POSS_PLACE_RE.match(post)
                      or attributive_place(text, end, surface, code)
                      or _ADJ_PLACE_RE.match(post) or (
                          _APPOS_PLACE_RE.search(pre) and not _LIST_NEXT_RE.match(post)))
        if placed:
            multi = _AND_PLACE_RE.match(post) is not None
            if multi and post[:1] == ",":
                # "Kenya, Uganda and Burundi": the name after the comma must be a place too,
                # not "in Armenia, Eagle Partner, last year".
                nxt = end + 1 + len(post[1:]) - len(post[1:].lstrip())
                multi = any((o.char_start if isinstance(o, CountryMention) else o.start) == nxt
                            for o in ms)
            if multi:
                multi = _list_spans_states(text, ms, end, code)
            out.append((start, code, multi))
    return out


def _list_spans_states(text: str, ms: Sequence[CountryMention | Mention], end: int,
                       code: str) -> bool:
    """Does the list of places that starts after a mention ending at ``end`` name another
    state? "in Surin, Sisaket and Ubon Ratchathani provinces" is one state (rule 44 asks for
    null only for several countries); a list running on to a name the gazetteer does not know
    ("Kyiv and Bakhmut") still counts as several, as before."""
    pos = end
    for o in ms:
        o_start, o_end, o_code = (o.char_start, o.char_end, o.country) if isinstance(
            o, CountryMention) else (o.start, o.end, o.code)
        if o_start < pos:
            continue
        if not _LIST_GAP_RE.fullmatch(text, pos, o_start):
            return True  # the next listed name is not a known place
        if o_code != code:
            return True
        pos = o_end
        if not _AND_PLACE_RE.match(text, pos, pos + 40):
            return False  # the list ends: every name in it is the same state
    return True


_LIST_GAP_RE = re.compile(r"(?:'s)?,?\s+(?:(?:and|or)\s+)?(?:the\s+)?")
_SPEAKER_AFTER_RE = re.compile(r"\s+(?:said|says)\b")
_SPEAKER_IN_RE = re.compile(r"\b(?:reporters|journalists|(?:a|the) (?:news|press) conference|"
                            r"(?:a|the) (?:news|press) briefing|told (?:a|the) briefing)\s+in\s+$")
# "deployed around Bure, within 70 km (45 miles) of the port of Assab": the place a distance
# is measured from is not where the troops are.
_DISTANCE_OF_RE = re.compile(r"\b(?:km|kilomet(?:re|er)s?|miles?)\)?\s*(?:\([^()]{0,25}\)\s*)?"
                             r"(?:of|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$")
# Sea areas named by the coast they lie off: a reference point, not a place (rules 43-44,
# as for the seas in REGIONS).
_WATERS_NEAR_RE = re.compile(r"\b(?:waters|seas)\s+(?:near|off)\s+(?:the\s+)?$")
_TURNED_TO_RE = re.compile(r"\b(?:turn(?:s|ed|ing)?|appeal(?:s|ed|ing)?|look(?:s|ed|ing)?|"
                           r"talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?|wrote|write|writes|"
                           r"complain(?:s|ed|ing)?)\s+to\s+(?:the\s+)?$")
# A war, invasion or conflict after a time word dates something; its place is not where
# the troops are ("before the war in Gaza", "since Russia's 2022 invasion of Ukraine").
_TIME_PHRASE_RE = re.compile(
    r"\b(?:before|after|since|during|until|till|once|when|by the end of|ahead of|"
    r"at the start of|at the height of)\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:war|invasion|conflict)\s+(?:in|of|on|with)\s+"
    r"(?:the\s+)?$")
_BOUNDARY_RE = re.compile(
    r"\b(?:separat(?:e|es|ed|ing)|divid(?:e|es|ed|ing)|between)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s+(?:from|and)\s+(?:the\s+)?)?$")
# An origin after a verb of coming or recruiting, and the rest of its list: the states a
# force is drawn from or flew in from (a withdrawal's "pull out from" is not one of them).
_FROM_ORIGIN_RE = re.compile(
    rf"(?:\b(?:{alt(TROOP_NOUNS)})\s+from\s+(?:the\s+)?|\bfrom\s+(?:its|their)\s+(?:[\w-]+\s+)?"
    r"(?:bases?|garrisons?|posts?|headquarters)\s+(?:in|at|on)\s+(?:the\s+)?)$")
_ORIGIN_FROM_RE = re.compile(
    r"\b(?:drawn|recruited|hail(?:s|ed|ing)?|comes?|came|coming|arriv(?:e|es|ed|ing)|"
    r"(?:fl(?:y|ies|ew|own|ying)|shipped|brought)\s+in)\s+"
    r"(?:(?:mainly|mostly|largely|chiefly|primarily|directly|straight)\s+)?from\s+"
    r"(?:(?:its|their|the)\s+)?(?:(?:[\w.-]+\s+)?(?:bases?|garrisons?|posts?)\s+in\s+)?"
    r"(?:the\s+)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2},?\s+(?:(?:and|or)\s+)?"
    r"(?:the\s+)?){0,5}$")
_SOURCE_FROM_RE = re.compile(
    r"\b(?:pressure|calls?|demands?|criticism|requests?|objections?|opposition|protests?|"
    r"threats?|warnings?|appeals?|approval)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_POSS_PLACE_RE = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,2}(?:region|province|city|capital|ports?|border area|territory|"
    r"north|south|east|west|oasis|soil|airspace|waters|coast)\b")
_ADJ_PLACE_RE = re.compile(
    r"\s+(?:ports?|bases?|soil|territory|border area|city|capital|province|region|coast|"
    r"waters|airspace|towns?|villages?|oil fields)\b")
_APPOS_PLACE_RE = re.compile(r"[A-Z][\w'-]+,\s+the\s+$")
# "trained by Turkey, the United States or the European Union": a list, not an apposition.
_LIST_NEXT_RE = re.compile(r",?\s+(?:or|and)\s+(?:the\s+)?[A-Z]")
_AND_PLACE_RE = re.compile(r"(?:'s)?\s+(?:and|or)\s+(?:the\s+)?(?:(?!(?:[A-Z][\w-]*\s+){1,3}"
                           r"(?:region|province|district|state|area|valley)\b)[A-Z]|other\b)|"
                           r",\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:,|\s+and\b)")


def _dateline(doc: DocContext) -> str | None:
    """The country of a dateline ("BERLIN (Reuters) -", "MANILA, March 20 -")."""
    for s_no in range(min(3, len(doc.sentences))):
        sent = doc.sentences[s_no]
        m = _DATELINE_RE.match(doc.text, sent.start, sent.end)
        if m is None:
            continue
        for mm in find_mentions(doc.text, sent.start, m.end(), caps=True):
            if len(mm.code) == 3 and mm.code != "COALITION":
                return mm.code
    return None


_DATELINE_RE = re.compile(DATELINE)


def _headline_place(doc: DocContext, actor: str | None) -> str | None:
    """A single state named in the headline other than the actor's (rule 43)."""
    if not doc.has_title or not doc.sentences:
        return None
    sent = doc.sentences[0]
    codes = {m.code for m in find_mentions(doc.text, sent.start, sent.end, caps=True)
             if len(m.code) == 3 and m.code != "COALITION"}
    others = codes - {actor}
    if len(others) == 1:
        return others.pop()
    return actor if not others and actor in codes else None


def location_of(doc: DocContext, s_no: int, c: Cand, actor: str | None, action: str,
              prev: TroopFact | None, prev_s_no: int,
              cache: dict[tuple[int, bool], list[tuple[int, str, bool]]] | None = None,
              ) -> str | None:
    """Where they are, go or leave (rules 43-44)."""
    text = doc.text
    sent = doc.sentences[s_no]
    if c.kind == "level" and prev is not None and prev_s_no == s_no and \
            prev.char_end <= c.start and DOWN_FROM_RE.search(text[prev.char_end : c.start]):
        # "About 100,000 U.S. service members are now in Europe, down from a peak of
        # 105,000": the earlier level of the same force, in the same place (rules 48, 50).
        return prev.location
    if c.kind == "level" and prev is not None and 0 <= s_no - prev_s_no <= 1 and \
            not doc.mentions[s_no] and prev.char_end <= c.start and _LEVEL_NOUN_BEFORE_RE.search(
                text, max(sent.start, c.start - 110), c.start):
        # "Sudan had as many as 15,000 troops in Yemen. The contingent was cut to about
        # 5,000 in 2020": the new level of the force just counted, where it is (rule 43).
        return prev.location
    if c.kind == "elided" and prev is not None and prev.location is not None and \
            0 <= s_no - prev_s_no <= 1 and prev.char_end <= c.start and \
            _OF_THEM_AFTER_RE.match(text, c.end, sent.end) and not _place_after(doc, s_no, c):
        # "Britain's marines currently number around 500 in Norway. Dutch marines ... will
        # add about 150 of their own, the ministry said in The Hague": part of the force
        # just counted or added to it, where it is (rule 43).
        return prev.location
    # "Germany, home to 70,000 U.S. soldiers"
    ht = _HOME_TO_RE.search(text, max(sent.start, c.start - 30), c.start)
    if ht:
        for m in reversed(doc.mentions[s_no]):
            if m.char_end <= ht.start() + 1:
                return m.country
    # "Bahrain hosts the U.S. Fifth Fleet, with some 9,000 American personnel, while ...":
    # the host the count's clause opens with, whatever the next clause names.
    if text.find("host", sent.start, c.start) >= 0:
        hs = _HOSTS_SUBJ_RE.match(text, sent.start, c.start)
        if hs and not CLAUSE_BREAK_RE.search(text, hs.end(), c.start):
            for m in doc.mentions[s_no]:
                if m.char_start < hs.end():
                    if m.country != actor and len(m.country) == 3 and m.country != "COALITION":
                        return m.country
                    break
    # "Senegal, where it had about 350 soldiers": the place the clause is about.
    lo70 = max(sent.start, c.start - 70)
    wh = _WHERE_RE.search(text, lo70, c.start) if text.find(", where", lo70, c.start) >= 0 \
        else None
    if wh:
        for m in reversed(doc.mentions[s_no]):
            if m.char_end <= wh.start():
                if wh.start() - m.char_end <= 1 and len(m.country) == 3 and \
                        m.country != "COALITION":
                    return m.country
                break
    own = actor if actor and len(actor) == 3 and actor != "COALITION" else None
    if text.find("territory", c.end, sent.end) >= 0:
        where = _one_territory(doc, s_no, c)
        if where is not None:
            return where  # "relocate 4,000 Marines from Okinawa to the U.S. territory" (Guam)
    if own and text.find("the country", c.end, c.end + 50) >= 0 and \
            _IN_THE_COUNTRY_RE.match(text, c.end, sent.end):
        # "leaving about 1,000 American soldiers in the country": the one other state named
        # (not one in a later clause: "..., and Norway is expected to contribute ...").
        right = clause_bounds(text, sent.start, sent.end, c.start, c.end)[1]
        others = {m.country for m in doc.mentions[s_no]
                  if len(m.country) == 3 and m.country not in (own, "COALITION")
                  and m.char_start < right}
        if len(others) == 1:
            return others.pop()
    if own and action == "other" and _CALL_UP_BEFORE.found_in(
            text, max(sent.start, c.start - 30), c.start):
        return own  # "call up 60,000 reservists for an offensive in Gaza": at home (rule 44)
    # Massed on a border, exercising, or the size of a home army: their own state.
    stext = text[sent.start : sent.end]
    if _MASSED.search(stext) and _BORDER_WORD.search(stext):
        return own
    if own and c.kind in ("noun", "gated") and (
            text.find("which", max(sent.start, c.start - 30), c.start) >= 0
            or text.find(" with", max(sent.start, c.start - 6), c.start) >= 0) and \
            _ARMY_WHICH_RE.search(text, max(sent.start, c.start - 60), c.start) and \
            _ASIDE_END_RE.match(text, c.end, sent.end) and (
                own in {m.country for m in doc.mentions[s_no]}
                or any(FORCE_NAMES[f.group(0)] == own
                       for f in FORCE_NAME_RE.finditer(text, sent.start, c.start))):
        # "Japan's Self-Defense Forces, which have about 247,000 personnel, are building up
        # units near Taiwan": the home army's size (rule 44); the places after the aside
        # belong to the main clause.
        return own
    places = _place_mentions(doc, s_no, skip=(c.start, c.end), cache=cache)
    if places and ("said" in stext or "told" in stext or "announced" in stext):
        places = _not_speaker_places(text, sent.start, places)
    if action != "withdraw":
        # "troops from Kenya, Uganda and Burundi are in Somalia": the states the troops
        # come from are their owners, not where they are or go.
        origin = _FROM_LIST_RE.match(text, c.end, sent.end)
        if origin is not None:
            places = [p for p in places if not origin.start() <= p[0] < origin.end()]
        if places and "from" in stext:
            # "80 Danish personnel from Greenland", "70 troops from its garrison in New
            # Caledonia": where troops come from, not where they are or go (rule 43).
            places = [p for p in places if text.find("from", max(sent.start, p[0] - 60),
                                                     p[0]) < 0
                      or not _FROM_ORIGIN_RE.search(text, max(sent.start, p[0] - 60), p[0])]
    if action == "withdraw" and own and any(code == own for _, code, _ in places):
        # "will complete their return to the United States": home, not where they leave.
        places = [p for p in places if p[1] != own or not _RETURN_TO_RE.search(
            text, max(sent.start, p[0] - 20), p[0])]
    if action == "deploy" and len(places) > 1:
        # Troops flown "from Okinawa to the Philippines" go to the second place.
        dest = [p for p in places if not _ORIGIN_RE.search(text, max(sent.start, p[0] - 30),
                                                            p[0])]
        places = dest or places
    elif action == "deploy" and places and _TO_EXERCISE_RE.search(stext) and \
            _ORIGIN_RE.search(text, max(sent.start, places[0][0] - 30), places[0][0]):
        places = []  # "fly 3,500 marines to the exercise from bases in Okinawa"
    ob = _OWN_BORDER_RE.search(text, c.end, sent.end) if own else None
    if own and ob is None and "order" in text[c.end : sent.end]:
        # "sends 5,000 more soldiers to Belarus border": their side of it (rule 44)
        ob = _NAMED_BORDER_RE.match(text, c.end, min(sent.end, c.end + 60))
    if own and ob is None and " its " in text[c.end : sent.end]:
        ob = _OWN_REGION_RE.match(text, c.end, min(sent.end, c.end + 70))
    if ob is not None and not any(c.end <= pos < ob.start() for pos, _, _ in places):
        return own  # "deployed 10,000 soldiers along its border with China" (rule 44)
    after = [(pos, code, multi) for pos, code, multi in places if pos >= c.end]
    if after and action == "withdraw" and text.find("with the", c.end, after[0][0]) >= 0:
        rest = _WITH_THE_REST_RE.search(text, c.end, after[0][0])
        if rest is not None:
            # "500 troops will be sent home, with the rest moving to Iraq": the others'
            # destination, not where these leave from.
            after = [p for p in after if p[0] < rest.start()]
    before = [(pos, code, multi) for pos, code, multi in places if pos < c.start]
    if after:
        pos, code, multi = after[0]
        if multi:
            return None  # several places (rule 44)
        region = _region(text, sent.start, sent.end)
        if region is not None and c.end <= region.start() < pos + 60 and \
                "," not in text[pos : region.start()] and (
                    region.start() < pos or not region.group(0).endswith("the region")):
            # (after a named place, "the region" points back to it: "moved 600 soldiers
            # to Roraima and will send vehicles to the region")
            return None
        return code
    if before:
        pos, code, multi = before[-1]
        return None if multi else code
    in_country = _IN_THE_COUNTRY_RE.match(text, c.end, sent.end) is not None
    if in_country and s_no > 0:
        # "AUSSOM has around 11,000 troops in the country": the one state the previous
        # sentence names (rule 43), when this sentence names none but the actor.
        others = {m.country for m in doc.mentions[s_no - 1]
                  if len(m.country) == 3 and m.country not in (own, "COALITION")}
        right = clause_bounds(text, sent.start, sent.end, c.start, c.end)[1]
        if not any(m.country not in (own, "COALITION") and len(m.country) == 3
                   and m.char_start < right for m in doc.mentions[s_no]):
            if len(others) == 1:
                return others.pop()
            # "Finland, which ... shares a border with Russia, has ... The United States has
            # about 500 troops in the country": the previous sentence's subject (rule 43),
            # when that sentence places nothing ("opened a base in Djibouti" would win).
            prev_sent = doc.sentences[s_no - 1]
            subj = first_state(doc, s_no - 1)
            if subj in others and not _place_mentions(doc, s_no - 1, cache=cache) and any(
                    m.country == subj and m.char_start - prev_sent.start <= 4
                    for m in doc.mentions[s_no - 1]):
                return subj
    if own and "the capital" in stext:
        cap = _capital_of_dateline(doc, s_no, c, own, cache)
        if cap is not None:
            return cap
    rg = None if in_country else _region(text, sent.start, sent.end)
    if rg is not None:
        back = _region_named_before(doc, s_no) if _BARE_REGION_RE.fullmatch(rg.group(0)) \
            else None
        if back is not None:
            return back  # "... region of Papua. ... 20,000 personnel in the region" (rule 43)
        return None  # (but "keeps 1,500 troops in the country, ... in Africa": context)
    if action == "deploy":
        for m in doc.mentions[s_no]:
            if m.char_start >= c.end and len(m.country) == 3 and m.country != own and \
                    _TO_HELP_RE.search(text, max(c.end, m.char_start - 30), m.char_start):
                return m.country  # "sent to fight for Russia", "to help Nigeria" (rule 43)
    if own and _THE_BORDER.found_in(text, c.end, sent.end):
        return own  # "sent to the southern border", no other state named (rule 44)
    if action == "deploy" and _TO_EXERCISE_RE.search(stext):
        head = _headline_place(doc, actor) or _cached_dateline(doc, cache)
        if head is not None:
            return head
    if own and action != "deploy" and (EXERCISE_RE.search(stext) or ALERT_RE.search(stext)
                                        or _CALL_UP_RE.search(stext)):
        # Exercising, on alert or called up at home (rule 44); not when sent away. Foreign
        # troops in drills with the host named by the dateline ("MANILA - 1,800 Filipino
        # soldiers and 600 US Marines are taking part") are at the host's exercise.
        isle = _one_island(doc, s_no, stext)
        if isle is not None:
            return isle  # "a Danish-led exercise on the island" (Greenland, named before)
        host = _cached_dateline(doc, cache) or _headline_place(doc, actor)
        if host is not None and host != own and any(m.country == host
                                                    for m in doc.mentions[s_no]):
            return host
        return own
    if own and c.kind in ("noun", "strong", "gated") and not in_country and \
            not _AT_POST_RE.match(text, c.end, sent.end) and _HOME_ARMY_RE.search(stext) and \
            _HOME_ARMY_RE.search(text, *clause_bounds(text, sent.start, sent.end, c.start,
                                                       c.end)) and \
            own in {m.country for m in doc.mentions[max(0, s_no - 1)]} | {
                m.country for m in doc.mentions[s_no]} | {
                LEADERS[lm.group(0)] for lm in LEADER_RE.finditer(stext)}:
        return own  # "The Lebanese Army is over 30,000 troops", "750,000 men under arms"
    if own and _THE_COUNTRY_RE.search(stext):
        # "ordered France to withdraw its soldiers from the country": the other state named
        # (in the count's clause, if "the country" is there too).
        left, right = clause_bounds(text, sent.start, sent.end, c.start, c.end)
        if _THE_COUNTRY_RE.search(text, left, right):
            others = {m.country for m in doc.mentions[s_no]
                      if len(m.country) == 3 and left <= m.char_start < right} - {own}
            if len(others) == 1:
                return others.pop()
            if not others:
                # "Chad ... ended a pact with France, and the last of 1,000 French troops
                # left the country": the one other state of the sentence (rule 43).
                others = {m.country for m in doc.mentions[s_no]
                          if len(m.country) == 3 and m.country != "COALITION"} - {own}
                if len(others) == 1:
                    return others.pop()
    isle = _one_island(doc, s_no, stext)
    if isle is not None:
        return isle
    # Context (rule 43): a place in the previous sentences, the previous fact's place,
    # the headline, the dateline.
    if prev is not None and prev_s_no == s_no and prev.location is None and \
            prev.char_end <= c.start:
        return None  # "sent 4,000 Marines, while Britain has deployed 1,500 commandos"
    for back in range(s_no - 1, max(-1, s_no - 4), -1):
        pm = _place_mentions(doc, back, caps=back == 0, cache=cache)
        found = {code for _, code, _ in pm}
        if prev is not None and prev_s_no == back and prev.location is None and (
                len(found) > 1 or any(multi for _, _, multi in pm)):
            # "... exercise in Norway, Sweden and Finland. The United States has sent 4,000
            # Marines": the same several countries as the count before them (rule 44).
            return None
        if len(found) > 1 or any(multi for _, _, multi in pm):
            # (one known place opening a list of several states - "with troops from Nigeria,
            # Sierra Leone, Ivory Coast and Ghana" - names several places too: rule 44)
            break
        if found:
            return found.pop()
    if prev is not None and prev.location is not None and (
            s_no - prev_s_no <= 3 or _THERE_RE.search(stext)):
        return prev.location
    head = _headline_place(doc, actor)
    if head is not None:
        return head
    if s_no == 0 and doc.has_title:
        return None  # the body's dateline does not point back to the headline (rule 43)
    return _cached_dateline(doc, cache)


_BARE_REGION_RE = re.compile(r"(?:in|into|to|across|throughout|around)\s+the\s+region")


def _region_named_before(doc: DocContext, s_no: int) -> str | None:
    """The state of the one sub-national region or province ("Papua", an alias marked so)
    named in the headline or up to three sentences back: what a bare "in the region" means.
    None when none is named or several states' are (then "the region" is a wider one). The
    count's own sentence is not read: "in the region, up from 30,000 before the war in Gaza"
    is the Middle East."""
    surfaces = region_surfaces()
    codes = {m.country for k in {0, *range(max(0, s_no - 3), s_no)} if k < s_no
             for m in doc.mentions[k] if m.surface in surfaces}
    return codes.pop() if len(codes) == 1 else None


_THE_CAPITAL_RE = re.compile(r"\b(?:in|into|to|from|of|near|around|outside|at)\s+the\s+"
                             r"capital\b(?!\s+of\b|'s\b)")


def _capital_of_dateline(doc: DocContext, s_no: int, c: Cand, own: str,
                         cache: dict[tuple[int, bool], list[tuple[int, str, bool]]] | None,
                         ) -> str | None:
    """"based at a camp on the outskirts of the capital" in the count's clause, where the
    sentence names no place: the capital of the dateline's state (rule 43), when that state is
    not the troops' own (foreign troops based there); a wider region later in the sentence
    ("a task force that hunted jihadi leaders across the Sahel") is their mission's area."""
    if any(len(m.country) == 3 and m.country not in (own, "COALITION")
           for m in doc.mentions[s_no]):
        return None  # ("the last of 1,000 French troops left Chad, ... in the capital")
    sent = doc.sentences[s_no]
    left, right = clause_bounds(doc.text, sent.start, sent.end, c.start, c.end)
    if not _THE_CAPITAL_RE.search(doc.text, left, right):
        return None
    home = _cached_dateline(doc, cache)
    return home if home is not None and home != own else None


def _one_territory(doc: DocContext, s_no: int, c: Cand) -> str | None:
    """"to the U.S. territory" after the count, in its clause: the one territory (an alias
    marked so: Guam, the Falklands) named in this sentence or up to three back (rule 43);
    the sovereign the phrase names is not where the troops are."""
    sent = doc.sentences[s_no]
    right = clause_bounds(doc.text, sent.start, sent.end, c.start, c.end)[1]
    if not _THE_TERRITORY_RE.search(doc.text, c.end, right):
        return None
    return _one_named_back(doc, s_no, territory_surfaces())


def _one_island(doc: DocContext, s_no: int, stext: str) -> str | None:
    """"cut the Marine presence on the island" after a sentence naming Okinawa and Guam: the
    one island (an alias marked so) named up to three sentences back (rule 43)."""
    if "the island" not in stext or not _THE_ISLAND_RE.search(stext):
        return None
    return _one_named_back(doc, s_no, island_surfaces())


def _one_named_back(doc: DocContext, s_no: int, surfaces: frozenset[str]) -> str | None:
    """The one state that mentions among ``surfaces`` stand for, in this sentence and up to
    three before ("the island", "the U.S. territory" pointing back); None for none or several."""
    codes = {m.country for k in range(max(0, s_no - 3), s_no + 1)
             for m in doc.mentions[k] if m.surface in surfaces}
    return codes.pop() if len(codes) == 1 else None


# "one of the smallest in Europe", "among the largest in the Gulf": a comparison, not where
# the troops are.
_SUPERLATIVE_RE = re.compile(r"\bthe\s+(?:most\s+[\w-]+|[a-z]{2,}est)\s+(?:[\w-]+\s+){0,2}$")


_REGION_NOUN_OF_RE = re.compile(r"\s+(?:[\w-]+\s+)?(?:island|islands|archipelago|port|city|town|"
                                r"nation|country|state|kingdom|emirate|enclave|exclave|"
                                r"coast|peninsula)\s+of\s+[A-Z]")


# "the Baltic country", "the Gulf kingdom": an epithet for one state (rule 43), unlike "the
# Baltic states" (several, rule 44).
_ONE_STATE_EPITHET_RE = re.compile(r"\s+(?:country|nation|state|kingdom|emirate|republic)\b"
                                   r"(?!\s+of\b)")


def _region(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first region named in ``text[start:end]`` that is not a superlative's scope."""
    for r in _REGION_RE.finditer(text, start, end):
        if _REGION_NOUN_OF_RE.match(text, r.end(), end):
            continue  # "to the Baltic Sea island of Gotland": the place named after "of"
        if _ONE_STATE_EPITHET_RE.match(text, r.end(), end):
            continue  # "in the Baltic country": one state named before, not the region
        if not _SUPERLATIVE_RE.search(text, max(start, r.start() - 40), r.start()):
            return r
    return None


def _cached_dateline(doc: DocContext,
                     cache: dict[tuple[int, bool], list[tuple[int, str, bool]]] | None,
                     ) -> str | None:
    """``_dateline`` once per document pass, kept in the place cache under a key no
    sentence has (-1)."""
    if cache is None:
        return _dateline(doc)
    key = (-1, True)
    if key not in cache:
        code = _dateline(doc)
        cache[key] = [] if code is None else [(0, code, False)]
    hit = cache[key]
    return hit[0][1] if hit else None


_HOSTS_SUBJ_RE = re.compile(r"[\s\"'(]*(?:[A-Z][\w.'-]*\s+){1,3}?(?:also\s+|now\s+|still\s+)?"
                            r"(?:hosts|has hosted|is home to)\s")
_WHERE_RE = re.compile(r",\s+where\s+[^,;]{0,60}$")
_IN_THE_COUNTRY_RE = re.compile(r"\s+(?:(?:now|still|currently|stationed|based|deployed)\s+)?"
                                r"(?:in|inside) the country\b")
# "have about 180 personnel at a facility next to the airport": a posting, not a home army.
_AT_POST_RE = re.compile(r"\s+(?:at|in)\s+(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:base|facility|camp|outpost|garrison)\b")
_CALL_UP_BEFORE_RE = re.compile(r"\b(?:mobili[sz](?:e|es|ed|ing)|call(?:s|ed|ing)? up|"
                                r"call-up of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_MASSED_RE = re.compile(r"\b(?:massed|massing|amassed|amassing|gathered|build-up|buildup)\b",
                        re.IGNORECASE)
_BORDER_WORD_RE = re.compile(r"\b(?:border|borders|frontier)\b", re.IGNORECASE)
# Troops sent to or kept on their own side of a border are at home (rule 44).
_TO_HELP_RE = re.compile(r"\bto\s+(?:fight\s+(?:for|alongside|with)|help|support|aid|assist|"
                         r"reinforce|back|defend|protect)\s+(?:the\s+)?$")
_THE_BORDER_RE = re.compile(r"\b(?:to|along|on|at|near)\s+the\s+(?:\w+\s+)?(?:border|frontier)\b"
                            r"(?!\s+(?:with|of|between)\b)", re.IGNORECASE)
_OWN_BORDER_RE = re.compile(r"\b(?:along|on|near|to|at|towards?)\s+(?:its|their)\s+(?:own\s+)?"
                            r"(?:side of the\s+)?(?:\w+\s+)?(?:border|borders|frontier)\b")
# "has moved about 7,000 soldiers to its Far North region, which borders Nigeria": a region
# of the troops' own state (rule 43), whatever state the aside after it names.
_OWN_REGION_RE = re.compile(r"\s+(?:(?:have|has|had|were|was|are|is|will be|would be)\s+)?"
                            r"(?:(?:sent|deployed|moved|dispatched|flown|redeployed)\s+)?"
                            r"(?:to|in|into)\s+(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:region|province|provinces|regions|state|county)\b")
_RETURN_TO_RE = re.compile(r"\b(?:return|back|home)\s+to\s+(?:the\s+)?$")
_WITH_THE_REST_RE = re.compile(r",\s+with\s+the\s+(?:rest|remainder|others|remaining)\b")
_NAMED_BORDER_RE = re.compile(r"\s+(?:(?:are|were|will be|would be|have been|has been)\s+)?"
                              r"(?:sent|deployed|moved|dispatched|sends?|deploy)?\s*"
                              r"(?:to|along|on|near|at)\s+(?:the\s+)?"
                              r"(?:(?:[A-Z][\w.'-]*\s+){1,2}(?:border|frontier)\b"
                              # "ordered 15,000 troops to the border with Colombia": its
                              # own side (rule 44)
                              r"|(?:border|frontier)\s+with\s+(?:the\s+)?[A-Z])")
_CALL_UP_RE = re.compile(r"\b(?:mobili[sz](?:e|es|ed|ing)|call(?:s|ed|ing)? up|call-up)\b",
                         re.IGNORECASE)
_HOME_ARMY_RE = re.compile(
    r"\b(?:army|armed forces|military|navy|(?:Self-)?Defen[cs]e Forces?)(?:'s)?,?\s+"
    r"(?:\w+\s+){0,2}?(?:is|has|have|numbers?|totals?|of|with|estimated at|strength|called up|"
    r"mobili[sz]ed)\b"
    # "Haiti's army, revived in 2017 after being disbanded in 1995, has ...": an aside.
    r"|\b(?:army|armed forces|military),\s+[^,;]{3,70},\s+(?:has|had|have|is|numbers?|totals?)\b"
    # "the country's armed forces, which the government puts at about 150,000 troops"
    r"|\b(?:army|armed forces|military),\s+which\s+(?:[\w-]+\s+){0,3}?(?:puts?|estimates?)"
    r"\s+at\b"
    r"|\bunder arms\b|\bstanding army\b|\bhas\s+(?:[\w.,]+\s+){1,3}active(?:[- ]duty)?\b",
    re.IGNORECASE)
_THE_TERRITORY_RE = re.compile(
    r"\b(?:on|to|from|in|leave|left)\s+the\s+(?:[A-Z][\w.]*\s+)?territory\b")
_THE_ISLAND_RE = re.compile(r"\b(?:on|off|to|from|in|across|leave|left)\s+the\s+island\b")
_ARMY_WHICH_RE = re.compile(r"\b(?:army|armed forces|military|navy|(?:Self-)?Defen[cs]e Forces?),"
                            r"\s+which\s+(?:now\s+)?(?:has|have|had|numbers?|totals?)\s+$|"
                            # "the world's largest military with about 2 million personnel,"
                            r",\s+(?:the|a|an)\s+[^,;:]{0,50}\b(?:army|military|force|navy)"
                            r"\s+with\s+$")
_ASIDE_END_RE = re.compile(r"[^,;:.]{0,30},")
_ORIGIN_RE = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?(?:(?!(?:to|into)\s)[\w.-]+\s+){0,2}"
                        r"(?:in\s+)?$",
                        re.IGNORECASE)
_TO_EXERCISE_RE = re.compile(r"\bto the (?:\w+\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|"
                             r"war games)\b", re.IGNORECASE)
_THE_COUNTRY_RE = re.compile(r"\b(?:from|in|into|out of|inside|left|leave|leaves|leaving|quit) "
                             r"the country\b|"
                             r"\bon (?:its|their) (?:own )?(?:soil|territory)\b", re.IGNORECASE)
_BORDER_WORD = AsciiTwin(_BORDER_WORD_RE)
_CALL_UP_BEFORE = AsciiTwin(_CALL_UP_BEFORE_RE)
_SOURCE_FROM = AsciiTwin(_SOURCE_FROM_RE)
_THE_BORDER = AsciiTwin(_THE_BORDER_RE)
_MASSED = AsciiTwin(_MASSED_RE)
