"""Partners: the economies a figure is between, in order of mention (rules 20-25): the
sentence's mentions (names, capitals, demonyms, blocs, epithets such as "the kingdom"),
which of them are counterparts of the amount's clause, and what carries over from the
sentences before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path

from newsfacts.gazetteer import code_for, find_mentions, surface_table
from newsfacts.model import DocContext, TradeFact
from newsfacts.numbers import Money
from newsfacts.patterns import word_alternation
from newsfacts.trade.common import (
    CLAUSE_BREAK_RE,
    COMMA_RE,
    CONTINUATION_RE,
    CONTRAST_RE,
    COUNTERPART_BEFORE,
    DATELINE_CITIES,
    EPITHET_RE,
    GLOBAL_BEFORE,
    GOODS_FLOWS,
    LIST_JOIN_RE,
    NEG,
    POSSESSIVE_RE,
    UNION_NAME_RE,
    UNIONS,
    Cue,
    DocState,
    dedupe,
    name_end,
)
from newsfacts.trade.flow import is_conversion

_UNION_RE = re.compile(rf"\b(?:{word_alternation(UNIONS)})\b")
_DATELINE_RE = re.compile(r"(?P<city>[A-Z][A-Z .'-]{1,30}?)(?:,\s+[A-Z][a-z]{1,5}\.?)?(?:,\s+"
                          r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+-|(?:,\s+[A-Z][a-z]{2,8}\.?\s+"
                          r"\d{1,2})?\s+\((?:Reuters|AP|AFP|Bloomberg|Xinhua|dpa|UPI|Kyodo|"
                          r"Yonhap|AA|Anadolu|PTI|Bernama)\)\s+[-\u2013\u2014])|"
                          # An AFP-style city in title case: "Kuala Lumpur (AFP) –".
                          r"(?P<tcity>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+\((?:AFP|AP|"
                          r"Reuters|Xinhua|Kyodo|AA|Anadolu|Bernama)\)\s+[-\u2013\u2014]")
_COUNTERPART_RE = re.compile(
    # "to the 27-nation European Union", "with the six-member GCC": a bloc's size is no
    # break between the preposition and the name; nor is a part of it ("to fellow members of
    # the GCC", "shipments to the rest of the bloc").
    rf"\b{COUNTERPART_BEFORE}\s+(?:the\s+|its\s+)?(?:other\s+|fellow\s+|neighbou?ring\s+)?"
    r"(?:(?:members?|rest|remainder)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:\d+|[a-z]+)-(?:nation|member|country|state)\s+)?$",
    re.IGNORECASE,
)
# "imports of Russian LNG": the economy whose goods are bought is the other side.
_IMPORTS_OF_RE = re.compile(r"\b(?:imports|purchases)\s+of\s+$", re.IGNORECASE)
# An uncoded place after a counterpart preposition ends the previous counterpart
# ("... with Japan ... and with Western Europe rose 200 mln").
_UNCODED_COUNTERPART_RE = re.compile(
    r"\b(?:with|to|from)\s+(?:the\s+)?(?:(?:[A-Z][a-z]+|newly|other|non-\w+)\s+){1,3}"
    r"(?:countries|nations|states|[A-Z][a-z]+)\b"
)
_NON_PREFIX_RE = re.compile(r"non-\s?$", re.IGNORECASE)
_CLAUSE_COUNTERPART_RE = re.compile(
    r"\b(?:to|from|with)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z]|world|neighbou?r)")
# The roles an economy can hold towards a figure's owner ("its biggest supplier").
_ROLE_WORDS = r"suppliers?|markets?|buyers?|customers?|destinations?|partners?|sources?"
_ROLE_OF_RE = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:trading\s+partners?|"
                         rf"{_ROLE_WORDS})\b")
# Between a figure and the one it is compared with: "to $1.1 billion in May from $4.3 billion".
_COMPARED_GAP_RE = re.compile(r"(?:\s+[\w-]+){0,3}?,?\s+(?:(?:up|down)\s+)?(?:from|against|"
                              r"compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?")
_REGION_BEFORE_RE = re.compile(r"\b(?:South|North|Latin|Central|Pan)[ -]$")
_TRANSIT_BEFORE_RE = re.compile(r"\b(?:through|via|across|cross(?:ed|es|ing)?|"
                                r"transit(?:ed|s|ing))\s+(?:the\s+)?$")
_RIVAL_FROM_RE = re.compile(r"\b(?:rival|competing)\s+(?:[a-z]+\s+)?(?:offers?|bids?|proposals?|"
                            r"tenders?|suppliers?|bidders?)\s+from\s+(?:the\s+)?$")
_TRANSIT_TAIL_RE = re.compile(r"(?:['’]s)?(?:\s+(?:and|or)|,)?\s+(?:(?!to\s|into\s)[a-z]+\s+){0,2}"
                              r"(?:of\s+)?")
_GLOBAL_BEFORE_RE = re.compile(rf"\b{GLOBAL_BEFORE}", re.IGNORECASE)
_PORT_OF_BEFORE_RE = re.compile(r"\bports?\s+(?:of|at)\s+$")
_INSTITUTION_AFTER_RE = re.compile(r"(?:\s+[A-Z][a-z]+){0,4}\s+(?:Institute|University|School|"
                                   r"Foundation|Exchange|Convention)\b")
# "Switzerland, home to trading houses, took 44% of the metal": a share taken is bought
# ("took 27.5% of Polish exports, which reached ..." names the whole, not a buyer's part).
_TOOK_SHARE_RE = re.compile(r"(?:,[^,;]{1,80},)?\s+(?:took|bought|absorbed|purchased|received)\s+"
                            r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|some\s+)?"
                            r"\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+of\s+(?:the|its|their)\b")
# "... took 44% of the metal and China about 20%": the next taker, its verb elided.
_ELLIPTIC_SHARE_RE = re.compile(r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
                                r"\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)(?=[\s,.;])")
# ", with fuel from the UAE and vehicles from South Africa": the amount broken down by source
# or destination after it.
_BREAKDOWN_OPEN_RE = re.compile(r"[^,;]{0,40}?,\s+(?:with|led\s+by|mainly|mostly|chiefly|"
                                r"largely|including)\s")
_THE_REST_RE = re.compile(r"(?:(?:most|much|all|some|part)\s+of\s+)?the\s+"
                          r"(?:rest|remainder|balance)\b")
_BREAKDOWN_PREP_RE = re.compile(r"\b(?P<prep>from|to)\s+(?:the\s+)?$")
_SHARE_OF_PREVIOUS_RE = re.compile(r"\s+of\s+(?:the|that|this)\s+total\b|\s+of\s+(?:that|this|it)"
                                   r"(?=[\s,.;])")
_OPENS_POSSESSIVE_RE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+,\s+\w+\s+\d+\s+-\s+)?(?:Its|Their)\b")
# "It signed ...", "They agreed ...": a pronoun subject (not "It is/was ...", a dummy one).
_OPENS_PRONOUN_RE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+,\s+\w+\s+\d+\s+-\s+)?(?:It|They)\s+"
                               r"(?!(?:is|was|were|are|will\s+be|would\s+be|has\s+been)\b)[a-z]")
_ITS_PARTNER_RE = re.compile(r"\bwith\s+(?:its|their)\s+(?:neighbou?rs?|partners?|allies|ally)\b",
                             re.IGNORECASE)
# "in Turkish history", "in Chinese hands": a one-word demonym qualifying a noun after
# "in" is no place, so no counterpart ("in the Czech Republic", "in Mali last year" are).
_IN_ADJECTIVE_RE = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|can|ic|ch|ani|eli|aqi|udi)"
                              r"\s+(?!and\b|or\b|alone\b)[a-z]")
# "... met in Brussels", "said in Beijing": after the amount, a place of an event, not a
# counterpart of the flow.
_PLACE_BEFORE_RE = re.compile(r"\b(?:met|meet|meeting|held|talks|summit|said|told|visit)\s+"
                              r"(?:in|at)\s+(?:the\s+)?$")
_PLACE_PREP_RE = re.compile(r"\b(?:in|at|from|to|near|of|outside|via|visit(?:ed|ing)?)\s+$")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\(|,\s*[A-Z][a-z]{2,4}\.?\s+\d|\s-\s)")
_CURRENCY_QUALIFIER_RE = re.compile(r"\$|\s?(?:dlrs?|dollars?|francs?|crowns?|kronor|kroner|"
                                    r"rupees?|pesos?|rand|riyals?|dinars?|pounds?|marks?|"
                                    r"shillings?|yuan|yen)\b", re.IGNORECASE)
_LED_RE = re.compile(r"-(?:led|backed|brokered|sponsored|funded|based|run)\b")
# "member", "member state / country / nation" (one of them, not "members").
_ONE_MEMBER_RE = re.compile(r"\s+member\b(?!\s+(?:states|countries|nations|economies)\b)")
# "the bloc", also with its size ("the 27-nation bloc", "the six-member bloc").
_LED_BY_GAP_RE = re.compile(r",\s+(?:led\s+by|including|such\s+as|notably|especially|chiefly|"
                            r"mainly|mostly|particularly)\s+(?:the\s+)?")
_NEW_DEAL_VERB_RE = re.compile(r"\b(?:bought|buys|purchased|ordered|sold|sells|signed|agreed)\b")
_BLOC_ANAPHOR_RE = re.compile(r"\b[Tt]he\s+(?:(?:\d+|[a-z]+)-(?:nation|member|country|state)\s+)?"
                              r"(?:bloc|Community|Union)\b(?!\s+(?:of|for)\b)")
BLOCS = frozenset(["EU", "EEC", "GCC", "OECD", "OPEC"])
_LOWER_BYTES = b"abcdefghijklmnopqrstuvwxyz"
_UPPER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# "China was the largest source of imports", "the United States remained the top
# destination": an economy named as the reporting economy's supplier or buyer is a
# counterpart, not the owner of the figure.
_ROLE_VERBS = (" was ", " is ", " remained ", " remains ", " became ", " has ", " had ")
_ROLE_AFTER_RE = re.compile(
    r"\s+(?:was|is|remained|remains|became|has\s+been|had\s+been)\s+(?:again\s+)?"
    r"(?:the|its|their|(?-i:[A-Z])[\w.-]*(?:\s(?-i:[A-Z])[\w.-]*){0,2}['’]s)\s+(?:[\w-]+\s+){0,2}?(?:source\s+of\s+imports|suppliers?|"
    r"(?:export\s+)?destination|(?:export\s+)?market|buyer|customer|(?:trad(?:e|ing)\s+)?"
    r"partner)\b")
# "The European Union, the kingdom's main trading partner, took ...": the appositive makes
# the economy the other side of the owner it names, as the verbs above do.
_ROLE_APPOSITIVE_RE = re.compile(
    # "Chile, the biggest buyer, took ...": a ranked role needs no possessive.
    r",\s+(?:its|their|the\s+[a-z][\w-]*['’]s|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}['’]s?|"
    r"the(?=\s+(?:[\w]+-)?(?:biggest|largest|main|top|leading|single\s+largest)\s))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:trad(?:e|ing)\s+partner|suppliers?|customer|buyer|"
    r"(?:export\s+)?(?:market|destination))\b")
# "The Netherlands, home to the largest grinding hub, remained the top destination": a
# lower-case appositive between the economy and its role verb.
_APPOSITIVE_GAP_RE = re.compile(r",\s+[a-z][^,;()]{0,80}?,")
# "$1.05 billion of Philippine goods", "goods worth $1.1 billion from its smaller neighbour".
_OF_ECONOMY_GAP_RE = re.compile(r"\s+(?:(?:worth\s+)?of|from)\s+(?:the\s+)?")
# An economy another one overtook or surpassed is a rival in a ranking, not a side of the
# figure (rule 20: the economies the figure is about).
_OVERTOOK_RE = re.compile(
    r"\b(?:overt(?:ook|aken|aking|akes?)|surpass(?:ed|es|ing)?)\s+(?:the\s+)?$|"
    # "Peru's second-biggest supplier after China": the economy ranked first; "the
    # third-largest after China and Mexico": the economies ranked before it.
    # "the third largest buyer of Sri Lankan tea last year after Iraq and Pakistan": the
    # role's goods and time between.
    rf"(?:largest|biggest|top|leading|main)\s+(?:(?:trading\s+)?(?:{_ROLE_WORDS})\s+"
    r"(?:of\s+(?:[\w'’-]+\s+){1,5}?)?)?after\s+"
    r"(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s+|,?\s+and\s+)(?:the\s+)?){0,4}$")
# "from the central African country": wire copy writes the compass word of a region
# that is no proper name in lower case.
_DESCRIBED_RE = re.compile(r"\b(?:to|from|with)\s+(?P<the>the)\s+(?:(?:central|southern|"
                           r"northern|eastern|western)\s+)?(?:[A-Z][a-z]+\s+){1,2}"
                           r"(?:country|nation)\b")
_NEIGHBOUR_RE = re.compile(r"\b(?:to|from|with|into)\s+(?P<the>the)\s+neighbou?ring\s+"
                           r"(?:country|nation|state|economy)\b")
_IN_OPENING_RE = re.compile(r"(?:^|[\n.!?\"”]\s*|\s-\s|—\s)In\s+(?:neighbou?ring\s+)?$")
_CAPS_WORD_RE = re.compile(r"[A-Z][A-Z]+")
_OWNER_RE = re.compile(r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}['’]s?\s+")
_NON_NAME_RE = re.compile(r"\bnon-[A-Z]")
_AND_VERB_RE = re.compile(r"\sand\s+(?:also\s+)?(?!(?:exceed|need|us|shipp|export|import|"
                          r"report|expect)ed\b)[a-z]{2,}ed\s")
_KIND_ANAPHOR_RE = re.compile(r"\b[Tt]he\s+(?P<kind>[Kk]ingdom|city-state|"
                              r"island\s+(?:nation|state)|Gulf\s+state|emirate|sultanate|"
                              r"Islamic\s+[Rr]epublic|"
                              r"region)\b(?!\s+of\b|-|['’]s\b)")
_EPITHETS: dict[str, frozenset[str]] | None = None
_REGION_PREP_RE = re.compile(r"\b(?:to|from|with|into)\s+$")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$")
_BILATERAL_RE = re.compile(r"\b(?:bilateral|two-way)\s+(?:\w+\s+)?trade\b", re.IGNORECASE)
_THE_COUNTRY_RE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}(?:country|nation)(?:['’]s)?\b")
_TOTAL_BEFORE_RE = re.compile(r"\b(?:[Tt]otal|[Oo]verall|[Aa]ggregate)\s+(?:[\w-]+\s+){0,2}$")
_GOODS_OF_RE = re.compile(r"\s+of\s+(?!the\b|its\b|their\b|that\b|this\b|which\b)[a-z]")
_OWNED_FLOWS = frozenset(["exports", "imports", "surplus", "deficit"])
_START = itemgetter(1)  # the start of a (code, start) mention


def sentence_mentions(doc: DocContext, no: int, unions: bool = True, kinds: bool = True
                       ) -> list[tuple[str, int]]:
    """(code, start) of each economy named in a sentence: the gazetteer's mentions, or for
    an all-capitals headline a title-cased reading of it; unions expanded to members,
    "non-EU" left out. ``unions``: False when the document names no union (``UNIONS``)."""
    text = doc.text
    sent = doc.sentences[no]
    raw: list[tuple[str, int, int]]
    span = text[sent.start : sent.end]
    # Letters counted on the UTF-8 bytes (ASCII letters are single bytes there): a bytes
    # translation is several times cheaper than a str one.
    raw_bytes = span.encode("utf-8", "surrogatepass")
    lower = len(raw_bytes) - len(raw_bytes.translate(None, _LOWER_BYTES))
    upper = (len(raw_bytes) - len(raw_bytes.translate(None, _UPPER_BYTES))
             if lower < len(span) // 4 else 0)
    if upper and upper > 0.8 * (upper + lower):
        raw = _caps_mentions(span, sent.start)
    else:
        raw = [(m.country, m.char_start, m.char_end) for m in doc.mentions[no]]
    out: list[tuple[str, int]] = []
    # Most sentences name no economy: the screens below are read only for one that does.
    dashed = bool(raw) and "-" in span
    transit = bool(raw) and ("through" in span or "via " in span or "across " in span
                             or "cross" in span or "transit" in span)
    compared = bool(raw) and ("overt" in span or "surpass" in span or " after " in span)
    rival = bool(raw) and ("rival" in span or "competing" in span)
    transit_end = rival_end = -1
    for code, start, _end in raw:
        lo = max(sent.start, start - 5)
        if text.find("-", lo, start) >= 0 and _NON_PREFIX_RE.search(text[lo:start]):
            continue
        if transit and (
            _TRANSIT_BEFORE_RE.search(text, max(sent.start, start - 14), start)
            or (transit_end >= 0 and _TRANSIT_TAIL_RE.fullmatch(text, transit_end, start))
        ):
            # "routed through Romania's port of Constanta": a transit economy is no
            # partner (rule 25), nor is a place in it named with it.
            transit_end = _end
            continue
        if transit and transit_end >= 0 and _PORT_OF_BEFORE_RE.search(
                text, max(sent.start, start - 10), start):
            # "trucked through Tanzania to the port of Dar es Salaam": a port on the route
            # is a place in a transit economy, no partner either (rule 25).
            transit_end = _end
            continue
        if rival and (_RIVAL_FROM_RE.search(text, max(sent.start, start - 40), start) or (
                rival_end >= 0 and LIST_JOIN_RE.match(text[rival_end:start]))):
            # "had weighed rival offers from France and the United States": bidders that
            # lost are no side of a deal (rule 25's spirit), nor the next items of the list.
            rival_end = _end
            continue
        rival_end = -1
        if _CURRENCY_QUALIFIER_RE.match(text, _end, sent.end):
            continue  # "US$4.6bn", "2.3 billion U.S. dlrs": a currency, not a partner
        if compared and _OVERTOOK_RE.search(text, max(sent.start, start - 90), start):
            continue  # "Spain, which overtook France as its biggest supplier": a rival
        if text[_end + 1 : _end + 2].isupper() and _institution_name(text, _end, sent.end):
            continue
        if code == "USA" and _REGION_BEFORE_RE.search(text, max(sent.start, start - 8), start):
            continue  # "the South American giant", "Latin American markets": a region
        if dashed and text.startswith("-", _end) and _LED_RE.match(text, _end, sent.end):
            continue  # "the U.S.-led F-35 programme", "a Saudi-backed plan": no party
        if code == "BEL" and text.startswith("Brussels", start) and not (
            _PLACE_PREP_RE.search(text, max(sent.start, start - 12), start)
            or _DATELINE_AFTER_RE.match(text, _end)
        ):
            # "Brussels and Tokyo trade ...": the European Union's institutions (rule 24).
            bloc = _last_bloc(doc, no, start)
            code = bloc if bloc in ("EU", "EEC") else "EU"
        out.append((code, start))
    # Substring tests first: the two scans below are rarely needed and cost more.
    for m in _UNION_RE.finditer(span) if unions and UNION_NAME_RE.search(span) else ():
        lo, hi = sent.start + m.start(), sent.start + m.end()
        out = [x for x in out if not lo <= x[1] < hi]
        if text.startswith(" member", hi) and _ONE_MEMBER_RE.match(text, hi):
            continue  # "The landlocked ASEAN member sold ...": one economy, not the group
        out.extend((c, lo) for c in UNIONS[m.group(0)])
    if " member" in span and any(c in BLOCS for c, _ in out):
        # "the smallest EU member", "a fellow OPEC member": an epithet of one economy (the
        # subject carried over, or the one it stands beside), not the bloc (rule 24).
        out = [(c, st) for c, st in out if c not in BLOCS or not _ONE_MEMBER_RE.match(
            text, name_end(text, st))]
    anaphor = "bloc" in span or "Community" in span or "Union" in span
    for m in _BLOC_ANAPHOR_RE.finditer(span) if anaphor else ():
        if span.startswith(("'s", "’s"), m.end()) and _appositive_epithet(
                text, sent.start + m.start(), out):
            continue
        bloc = _last_bloc(doc, no, sent.start + m.start())
        if bloc is not None:
            out.append((bloc, sent.start + m.start()))
    if "world" in span:
        out.extend(_economy_epithets(doc, span, sent.start))
    if kinds and ("ingdom" in span or "state" in span or "island" in span or "emirate" in span
                  or "sultanate" in span or "region" in span or "Islamic" in span):
        out.extend(_kind_anaphors(doc, no, span, sent.start, out))
    if "neighbo" in span:
        out.extend(_neighbour_anaphors(doc, no, span, sent.start))
    if ("neighbo" in span or "regional" in span) and _RELATIVE_EPITHET_RE.search(span):
        out.extend(_relative_anaphors(doc, no, span, sent.start))
    if out and ("country" in span or "nation" in span):  # names one before it
        out.sort(key=_START)
        out.extend(_described_counterparts(text, span, sent.start, out, doc, no))
    if len(out) > 1:
        out.sort(key=_START)
    return out


def _institution_name(text: str, end: int, stop: int) -> bool:
    """Does the place name ending at ``end`` begin the name of an institution ("the
    Stockholm International Peace Research Institute", "the London School of Economics"
    is not: "of" breaks the run)? Such a name cites a source or a venue, not an economy the
    figure is about (rules 22, 25)."""
    return _INSTITUTION_AFTER_RE.match(text, end, min(stop, end + 60)) is not None


def breakdown_after(text: str, money: Money, e: int, amounts: Sequence[Money],
                    classified: list[tuple[str, int, bool]], flow: str) -> list[str]:
    """Economies of a breakdown clause after the amount ("imports climbed to $N, with fuel
    from the UAE and vehicles from South Africa", "..., led by fuel from Singapore and
    machinery from Australia"): each source of imports ("from") or destination of exports
    ("to") is a counterpart (rule 21), up to a semicolon or the next amount. A comma after
    the amount ends its clause, so these are otherwise lost, as is each later item after
    the first."""
    prep = "from" if flow == "imports" else "to" if flow == "exports" else ""
    if not prep or "," not in text[money.end : money.end + 42]:
        return []
    m = _BREAKDOWN_OPEN_RE.match(text, money.end, e)
    if m is None or _THE_REST_RE.match(text, m.end()):
        # ", with most of the rest going to Britain": where the rest goes, not this amount.
        return []
    stop = next((a.start for a in amounts if a.start >= m.end()
                 and not is_conversion(text, money, a)), e)
    semi = text.find(";", m.end(), stop)
    stop = semi if semi >= 0 else stop
    out: list[str] = []
    for code, st, _cp in classified:
        if m.end() <= st < stop:
            b = _BREAKDOWN_PREP_RE.search(text, max(m.end(), st - 10), st)
            if b is not None and b.group("prep") == prep:
                out.append(code)
    return out


def share_of_previous(text: str, money: Money) -> bool:
    """Is the amount stated as a part of the figure before it ("accounted for $1.6
    billion of the total", "... $400 million of that")? A part has the partners of its
    whole (rule 20), even when its own flow phrase reads like a total ("Re-exports")."""
    return text.startswith(" of", money.end) and _SHARE_OF_PREVIOUS_RE.match(
        text, money.end) is not None


def _described_counterparts(text: str, span: str, offset: int, named: list[tuple[str, int]],
                            doc: DocContext | None = None, no: int = -1
                            ) -> list[tuple[str, int]]:
    """"Imports from India rose ..., while exports to the South Asian country were ...": a
    country described by its region after a counterpart preposition is the counterpart
    named last before it in the sentence (rule 20: unambiguously implied)."""
    out: list[tuple[str, int]] = []
    for m in _DESCRIBED_RE.finditer(span):
        at = offset + m.start("the")
        before = [(c, st) for c, st in named if st < at]
        if before and _COUNTERPART_RE.search(text, max(offset, before[-1][1] - 30),
                                             before[-1][1]):
            out.append((before[-1][0], at))
        elif doc is not None:
            code = _region_referent(doc, no, " ".join(m.group(0).split()[2:]), before)
            if code is not None:
                out.append((code, at))
    return out


def _region_referent(doc: DocContext, no: int, kind: str, before: list[tuple[str, int]]
                     ) -> str | None:
    """"Chinese customs data showed imports from the South American country ..." in a
    story on Chile: a country described by its region (``data/epithets.tsv``) with no
    counterpart before it in the sentence is the economy of that region named last in
    the sentence or the eight before (rule 20); none when the table does not list it."""
    fits = _epithets().get(kind.lower())
    if not fits:
        return None
    here = [c for c, _st in before if c in fits]
    if here:
        return here[-1]
    return next((ms[-1] for k in range(no - 1, max(-1, no - 9), -1)
                 if (ms := [x.country for x in doc.mentions[k] if x.country in fits])), None)


def _economy_epithets(doc: DocContext, span: str, offset: int) -> list[tuple[str, int]]:
    """(code, start) of "the world's largest economy" (the United States in copy of every
    era) and "the world's second-largest economy": China or Japan (Japan until 2010), so
    only the one of the two the document names elsewhere (rule 20: unambiguously implied)."""
    out: list[tuple[str, int]] = []
    for m in EPITHET_RE.finditer(span):
        if m.group("second") is None:
            out.append(("USA", offset + m.start()))
            continue
        named = doc.named() & {"CHN", "JPN"}  # once per document, not per epithet
        if len(named) == 1:
            out.append((next(iter(named)), offset + m.start()))
    return out


def _epithets() -> dict[str, frozenset[str]]:
    """``data/epithets.tsv``: what "the kingdom", "the city-state", ... can mean."""
    global _EPITHETS
    if _EPITHETS is None:
        rows = (line.split("\t") for line in (Path(__file__).resolve().parents[1] / "data"
                                              / "epithets.tsv").read_text("utf-8").splitlines()
                if line.strip() and not line.startswith("#"))
        _EPITHETS = {k.lower(): frozenset(v.split()) for k, v in rows}
    return _EPITHETS


def _neighbour_anaphors(doc: DocContext, no: int, span: str, offset: int
                        ) -> list[tuple[str, int]]:
    """"Imports from the neighbouring country fell ..." after "South Korea's trade deficit
    with Japan ...": the counterpart named last in the three sentences before (rule 20)."""
    out: list[tuple[str, int]] = []
    text = doc.text
    for m in _NEIGHBOUR_RE.finditer(span):
        code = None
        for k in range(no - 1, max(-1, no - 4), -1):
            lo = doc.sentences[k].start
            # An economy named first as a counterpart ("deficit with Japan"), not the
            # sentence's owner named again ("data from the Korea International Trade ...").
            first: dict[str, bool] = {}
            for c, st in sentence_mentions(doc, k, kinds=False):  # no currency qualifiers
                first.setdefault(c, _COUNTERPART_RE.search(text, max(lo, st - 30), st)
                                 is not None)
            code = next((c for c, cp in reversed(first.items()) if cp), None)
            if code is not None:
                break
        if code is not None:
            out.append((code, offset + m.start("the")))
    return out


# "its giant northern neighbour", "the southern neighbour", "the regional giant": an
# epithet that names an economy only relative to another one.
_RELATIVE_EPITHET_RE = re.compile(r"\b(?:[Ii]ts|[Tt]he)\s+(?:[a-z][\w-]*\s+){1,2}neighbou?r\b|"
                                  r"\b[Tt]he\s+regional\s+(?:giant|heavyweight|powerhouse)\b")


def _relative_anaphors(doc: DocContext, no: int, span: str, offset: int
                       ) -> list[tuple[str, int]]:
    """"Brazil bought goods worth $1.1 billion from its smaller neighbour", "Imports from
    the regional giant rose ...": a neighbour of an economy named before it in the sentence
    is the story's economy (the dateline's, else the headline's first); one of the story's
    economy is the other economy named last in the three sentences before (rule 20)."""
    story = story_economy(doc)
    if story is None:
        return []
    text = doc.text
    out: list[tuple[str, int]] = []
    for m in _RELATIVE_EPITHET_RE.finditer(span):
        at = offset + m.start()
        if any(x.char_start < at and x.country != story for x in doc.mentions[no]):
            out.append((story, at))
            continue
        code = next((ms[-1] for k in range(no - 1, max(-1, no - 4), -1)
                     if (ms := [c for c, _ in sentence_mentions(doc, k, kinds=False)
                                if c != story and c not in BLOCS])), None)
        if code is not None and not text.startswith("'s", offset + m.end()):
            out.append((code, at))
    return out


def story_economy(doc: DocContext) -> str | None:
    """The economy a story is about: its dateline's, else the first one its headline names."""
    return reporting_economy(doc)[0] or headline_economy(doc)


def headline_economy(doc: DocContext) -> str | None:
    """The first economy the headline names, if the document has one."""
    if doc.has_title and doc.mentions and doc.mentions[0]:
        return doc.mentions[0][0].country
    return None


def may_name_kind(text: str) -> bool:
    """Whether a document may hold an epithet of ``data/epithets.tsv``: read once a
    document, so that most sentences skip the per-sentence screens."""
    return ("ingdom" in text or "city-state" in text or "island" in text or "Gulf state" in text
            or "emirate" in text or "sultanate" in text or "region" in text
            or "Islamic" in text)


def _kind_anaphors(doc: DocContext, no: int, span: str, offset: int,
                   named: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """"China's exports to the kingdom" after a sentence on Saudi Arabia: "the kingdom",
    "the city-state", "the island nation", "the Gulf state", "the emirate" (and "to / from /
    with the region" for a regional bloc such as the GCC) name the economy
    of that kind named last before them, in the sentence or the eight before (rule 20).
    Not "the kingdom's": a possessive owner is the economy carried over already, and in a
    relative clause ("Spain, which overtook France as the kingdom's biggest supplier") it
    describes the rank, not a side of the figure."""
    kinds = _epithets()
    out: list[tuple[str, int]] = []
    for m in _KIND_ANAPHOR_RE.finditer(span):
        kind = " ".join(m.group("kind").lower().split())
        fits = kinds.get(kind)
        if not fits or (kind == "region" and not _REGION_PREP_RE.search(
                span, max(0, m.start() - 6), m.start())):
            continue  # "the biggest economy in the region" names no side of a figure
        at = offset + m.start()
        # "Spain's exports to the kingdom": not the economy whose figure it is, so one
        # named in the sentences before comes first, then one earlier in this sentence.
        here = [c for c, st in named if st < at and c in fits]
        code = next((ms[-1] for k in range(no - 1, max(-1, no - 9), -1)
                     if (ms := [x.country for x in doc.mentions[k]
                                if x.country in fits and x.country not in here])),
                    here[-1] if here else None)
        if code is not None:
            out.append((code, at))
    return out


_APPOSITIVE_COMMA_RE = re.compile(r",\s+$")


def _appositive_epithet(text: str, at: int, named: list[tuple[str, int]]) -> bool:
    """"Germany and Ireland, the bloc's two biggest exporters, shipped ...": "the bloc's"
    set off by a comma right after a named economy opens an appositive describing that
    economy by its membership; the bloc is no side of the figure (rules 20, 24)."""
    if not named or not _APPOSITIVE_COMMA_RE.search(text, max(0, at - 4), at):
        return False
    prev = max((st for _c, st in named if st < at), default=-1)
    return prev >= 0 and _APPOSITIVE_COMMA_RE.fullmatch(text, name_end(text, prev), at) \
        is not None


def _last_bloc(doc: DocContext, no: int, before: int) -> str | None:
    """The bloc "the bloc" / "the Community" points back to: the last one named before
    ``before`` in this or the five sentences before (rule 24)."""
    for k in range(no, max(-1, no - 6), -1):
        codes = [m.country for m in doc.mentions[k] if m.country in BLOCS
                 and m.char_start < before]
        if codes:
            return codes[-1]
    # "The bloc's deficit ..., the European Union's statistics agency said": named later
    # in the same sentence.
    return next((m.country for m in doc.mentions[no] if m.country in BLOCS), None)


def _caps_mentions(span: str, offset: int) -> list[tuple[str, int, int]]:
    table = surface_table()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        return word if word in table else word.title()

    titled = _CAPS_WORD_RE.sub(fix, span)
    return [(m.code, offset + m.start, offset + m.end) for m in find_mentions(titled)]


def classify_mentions(text: str, s: int, mentions: list[tuple[str, int]]
                ) -> list[tuple[str, int, bool]]:
    """Each mention with whether it is a counterpart ("exports to Japan", "deficit with
    the EC", "from India", or the next item of such a list)."""
    out: list[tuple[str, int, bool]] = []
    prev: tuple[int, bool] | None = None
    for code, start in mentions:
        before = text[max(s, start - 30) : start]
        end = name_end(text, start)
        cp = (bool(_COUNTERPART_RE.search(before)) and not (
            before.endswith("in ") and _IN_ADJECTIVE_RE.match(text, start)
        ) and not (
            # "In neighbouring Chile, copper exports reached ...": a sentence opening on
            # the place whose figures follow names their owner, not a counterpart.
            "In " in before and _IN_OPENING_RE.search(before) is not None
            and text.startswith(",", end)
        )) or (
            before.endswith("of ") and _IMPORTS_OF_RE.search(before) is not None
        ) or _bought_goods_origin(text, s, start, end) or (
            prev is not None and prev[1] and LIST_JOIN_RE.match(text[prev[0] : start]) is not None
            # "Trade with Brazil, Argentina's largest trading partner,": an appositive
            # naming the owner, not the next item of the list.
            and not (text.endswith("'s", start, end) or text.startswith("’s", end))
        ) or (
            # "Shipments to the European Union, led by France, Spain and Italy, ...": the
            # economies an appositive names inside a counterpart are counterparts too.
            prev is not None and prev[1] and text.startswith(",", prev[0])
            and _LED_BY_GAP_RE.fullmatch(text, prev[0], start) is not None
        ) or _takes_a_share(text, end, prev) or (
            text.startswith(_ROLE_VERBS, end) and _ROLE_AFTER_RE.match(text, end) is not None
              ) or (text.startswith(", ", end) and (
                  _ROLE_APPOSITIVE_RE.match(text, end) is not None or _role_after_aside(text, end)))
        out.append((code, start, cp))
        prev = (end, cp)
    return out


# "It imported Russian energy worth ...": a pronoun subject opening the sentence, a buying
# verb, then the goods' origin as an adjective on the object.
_PRONOUN_BUYS_RE = re.compile(r"\s*(?:It|They|The\s+country|The\s+nation)\s+(?:\w+\s+)?"
                              r"(?:imported|imports|bought|buys|purchased|purchases)\s+$")
_GOODS_NOUN_AFTER_RE = re.compile(r"\s+(?-i:[a-z])")


def _bought_goods_origin(text: str, s: int, start: int, end: int) -> bool:
    """A demonym qualifying the goods a pronoun subject bought ("Hungary relies on Russia
    ... It imported Russian energy worth roughly 5 billion euros"): the seller is a
    counterpart and the buyer the pronoun stands for, carried over, owns the figure (rules
    20, 21); read as the owner, it would drop the story's economy. Only with a pronoun
    subject: where the sentence names economies before the verb, they decide the owner."""
    return start - s < 40 and _GOODS_NOUN_AFTER_RE.match(text, end) is not None and \
        _PRONOUN_BUYS_RE.fullmatch(text, s, start) is not None


def _takes_a_share(text: str, end: int, prev: tuple[int, bool] | None) -> bool:
    """Is the economy named up to ``end`` a buyer taking a share of the goods ("Switzerland,
    home to trading houses, took 44% of the metal and China about 20%")? The reporting
    economy sells; the takers are counterparts, so they neither own the figure of the
    sentence nor become the subject the next sentences carry (rules 13, 20)."""
    near = text[end : end + 100]
    if "%" not in near and "cent" not in near:
        return False  # most mentions: no share named after them
    if prev is not None and prev[1] and text.startswith(" ", end) and (
            _ELLIPTIC_SHARE_RE.match(text, end) is not None):
        return True  # the next taker, its verb elided
    return (" took " in near or " bought " in near or " absorbed " in near
            or " purchased " in near or " received " in near) and (
        _TOOK_SHARE_RE.match(text, end) is not None)


# "to Britain, which left the European Union in 2020,": a relative clause describing a
# counterpart, up to the next comma or the sentence's end.
_RELATIVE_AFTER_RE = re.compile(r",\s+(?:which|who)\s+[^,;]*")


def outside_relative_clauses(text: str, classified: list[tuple[str, int, bool]],
                             amounts: Sequence[Money]) -> list[tuple[str, int, bool]]:
    """``classified`` without the economies of a relative clause after a counterpart that
    holds no amount of its own: "Exports to Britain, which left the European Union in 2020,
    were worth ...": the EU describes Britain and is no side of the figure (rule 24); the
    reporter is carried as the owner as if the clause were not there."""
    out = classified
    for _code, st, cp in classified:
        if not cp:
            continue
        m = _RELATIVE_AFTER_RE.match(text, name_end(text, st))
        if m is None or any(m.start() <= a.start < m.end() for a in amounts):
            continue
        out = [x for x in out if not (m.start() <= x[1] < m.end())]
    return out


# "..., leaving Chile with a surplus of $7.9 billion": the economy whose balance it is.
_LEAVING_WITH_RE = re.compile(r",\s+leaving\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+"
                              r"with\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:surplus|deficit|"
                              r"shortfall|gap)\b")


def leaving_with_balance(text: str, s: int, e: int, money: Money,
                         classified: list[tuple[str, int, bool]], partners: tuple[str, ...]
                         ) -> tuple[str, ...]:
    """"Imports from China rose to $16.8 billion, leaving Chile with a surplus of $7.9
    billion": the economy left with the balance owns it (named first), and the figure before
    the participle lists its economies in order of mention, the reporter last (rule 21)."""
    m = _LEAVING_WITH_RE.search(text, s, e)
    if m is None or len(partners) < 2:
        return partners
    owner = next((c for c, st, _cp in classified if st == m.start("name")), None)
    if owner is None or owner not in partners:
        return partners
    rest = tuple(c for c in partners if c != owner)
    if money.start >= m.end():
        return (owner, *rest)
    named_before = {c for c, st, _cp in classified if s <= st < money.start}
    if money.end <= m.start() and owner not in named_before and all(
            c in named_before for c in rest):
        return (*rest, owner)
    return partners


def _role_after_aside(text: str, end: int) -> bool:
    """"The Netherlands, home to the world's largest grinding hub, remained the top
    destination": the role verb after a lower-case appositive still makes the economy a
    counterpart."""
    m = _APPOSITIVE_GAP_RE.match(text, end)
    return (m is not None and text.startswith(_ROLE_VERBS, m.end())
            and _ROLE_AFTER_RE.match(text, m.end()) is not None)


def bilateral_pair(text: str, s: int, money: Money, partners: tuple[str, ...], state: DocState
               ) -> tuple[str, ...]:
    """"Bilateral" or "two-way" trade with one economy named gets the other from the
    figures before ("Goyal said the pact would double bilateral trade to $120 billion",
    rule 21)."""
    if _BILATERAL_RE.search(text, s, money.start) and not _with_the_world(text, s, money.start):
        other = next((c for c in (*state.partners, *state.subject) if c != partners[0]), None)
        if other is None:
            # "Officials aim to lift bilateral trade to $30 billion a year" after a figure of
            # one economy: the other side of the last two-sided figure of that economy.
            other = next((c for f in reversed(state.facts) if partners[0] in f.partners
                          for c in f.partners if c != partners[0]), None)
        if other is not None:
            return (*partners, other)
    return partners


def partners_of(text: str, s: int, e: int, money: Money,
                 classified: list[tuple[str, int, bool]], amounts: list[Money], state: DocState,
                 flow: str, cues: list[Cue]) -> tuple[str, ...]:
    """Partners in order of mention (rules 20-25): the subject (the economies named before
    the amount, or only the one owning the cue when it is attached to it: "the US's
    deficit with China"; else the one carried over), the counterpart of the amount's
    clause, then economies named after the amount in its clause. ``classified`` is
    ``classify_mentions`` of the sentence's mentions."""
    mentions = [(c, st) for c, st, _cp in classified]
    gov = [c for c in cues if c.end <= money.num_start]
    if flow == "exports" and gov and gov[-1].flow == "exports" and any(
        cp and gov[-1].end <= st < money.start for _c, st, cp in classified
    ):
        # "Exports of textiles from Mali to Norway totalled ...": where the exports of the
        # amount's own phrase come from is their owner, not a counterpart.
        classified = [(c, st, cp and not (gov[-1].end <= st < money.start and
                                          _FROM_BEFORE_RE.search(text, max(s, st - 10), st)))
                      for c, st, cp in classified]
    cue_at = gov[-1].start if gov else money.start
    glob = _GLOBAL_BEFORE_RE.search(text, max(s, cue_at - 30), cue_at)
    if glob:
        # "world trade": no economy; "Japan's worldwide trade surplus": Japan's own.
        owners = [c for c, st in mentions
                  if st < glob.start() and _OWNER_RE.fullmatch(text[st : glob.start()])]
        return tuple(owners[-1:])
    carried = _carried(state, flow, {c for c, _ in mentions}, s)
    if not classified and carried and carried[0] in BLOCS and state.story is not None and \
            _THE_COUNTRY_RE.search(text, s, e):
        # "The European Union still imported Russian gas worth ... Lower gas revenue cut
        # into the country's trade surplus" from Oslo: a bloc is no country, so "the
        # country" is the story's economy (rule 20).
        return (state.story,)
    if not classified:
        if state.facts and share_of_previous(text, money):
            return state.facts[-1].partners
        if len(carried) > 1 and (_THE_COUNTRY_RE.search(text, s, e) or (
            flow in _OWNED_FLOWS and gov and _own_total(text, s, gov[-1])
        ) or (flow == "trade" and gov and _total_trade(text, s, e, gov[-1])) or (
            _with_the_world(text, s, e))):
            # "the country's oil import bill", "Total exports fell to ...", "Exports of
            # lithium carbonate slumped to ...", "two-way trade with all countries": one
            # economy's own figure, not the pair of the bilateral figure before (rule 20).
            return carried[:1]
        return carried
    pair = _trading_partners(text, s, money, mentions) if flow == "trade" else None
    if pair is not None:
        return pair
    clause_end = end_of_clause(text, money.end, e, amounts, money)
    subjects = [(c, st) for c, st, cp in classified if not cp and st < money.start]
    seg = text[subjects[1][1] : money.start] if len(subjects) >= 2 else ""
    if "but" in seg or "wh" in seg or ";" in seg:
        brk = max(CONTRAST_RE.finditer(text, subjects[1][1], money.start),
                  key=lambda m: m.start(), default=None)
        if brk is not None and subjects[-1][1] >= brk.end():
            # "Turkey was a buyer of U.S. weapons but was removed ... after buying Russian
            # S-400 systems for $2.5 billion": when the amount's clause names an economy
            # of its own, those of a clause before it are not about the amount; the
            # sentence's subject may still own the second clause.
            subjects = [subjects[0], *(x for x in subjects[1:] if x[1] >= brk.end())]
    subject = [c for c, _ in subjects]
    # Across a comma only a possessive owns the cue ("Israel's total exports, while
    # imports ..."), not a word qualifying goods ("buyer of American weapons, has signed").
    attached = [x for x in subjects if x[1] < cue_at
                and cue_at - (end := name_end(text, x[1])) <= 25
                and (not COMMA_RE.search(text, end, cue_at)
                     or text.endswith(("'s", "’s"), x[1], end))]
    if gov and attached and len(gov) > 1:
        # "Poland bought U.S. F-16 fighters for $3.5 billion": a demonym owning the goods
        # noun is the seller; the subject of the buying or selling verb before it owns the
        # flow, the goods' economy comes after it (rules 21-22).
        verb = next((c for c in gov if c.start < attached[-1][1] and _DEAL_VERB_RE.match(
            text, c.start, c.end)), None)
        owner = [x for x in subjects if verb is not None and x[1] < verb.start
                 and verb.start - (end := name_end(text, x[1])) <= 25
                 and not COMMA_RE.search(text, end, verb.start)]
        if owner:
            attached, cue_at = owner, verb.start
    if gov and attached:
        k = subjects.index(attached[-1])
        group = [attached[-1]]
        for c, st in reversed(subjects[:k]):
            if LIST_JOIN_RE.match(text[name_end(text, st) : group[0][1]]):
                group.insert(0, (c, st))
            else:
                break
        # Economies between the cue and the amount qualify the flow ("imports of
        # Russian oil").
        subject = [c for c, _ in group] + [c for c, st in subjects if st > cue_at]
    counterpart, cp_after = _counterpart(text, classified, money, clause_end, amounts, cues)
    later = [(c, st) for c, st, cp in classified if not cp and money.end <= st < clause_end]
    if not counterpart and _ITS_PARTNER_RE.search(text, s, e):
        # "with its neighbour": the other economy of the figures before (rule 20).
        counterpart = [c for c in state.partners if c not in subject]
    after = [c for c, _ in sorted([*cp_after, *later], key=lambda x: x[1])]
    if flow in ("imports", "exports"):
        after.extend(breakdown_after(text, money, e, amounts, classified, flow))
    if subject and _OPENS_POSSESSIVE_RE.match(text, s) and carried and carried[0] not in subject:
        # "Its purchases of U.S.-built fighters": the economy "its" points back to owns
        # the flow; the economies named are what it buys or sells.
        subject = [carried[0], *subject]
    if subject:
        return tuple(dedupe([*subject, *counterpart, *after]))
    if flow in ("agreement", "arms", "trade") and later:
        if carried and _OPENS_PRONOUN_RE.match(text, s):
            # "It signed a deal to supply gas ... to Pakistan and India": the economy the
            # pronoun points back to is the party named first (rule 20).
            return tuple(dedupe([*carried, *after, *counterpart]))
        return tuple(dedupe([*after, *counterpart, *carried]))
    cps = {*counterpart, *(c for c, _ in cp_after)} if flow in GOODS_FLOWS else set()
    if cps and state.facts:
        # "Shipments to neighbouring Bhutan were worth ..." after "Exports to Iran ...":
        # the economy that owns the last figure of this flow owns this one (rule 21), not
        # the buyers a sentence without figures named.
        last = state.facts[-1]
        last_owner = owner_of(state, last)
        reverse = (last.flow in GOODS_FLOWS and last.flow != flow and bool(carried)
                   and carried[0] != last_owner and carried[0] in last.partners)
        # "the bloc's imports of Norwegian gas were ... Mainland exports rose ..., helped
        # by shipments to Poland": the other flow of a pair whose other side is the story's
        # subject is the subject's, not the importer's (rule 20).
        if last_owner and last_owner not in cps and not reverse and (
            last.sentence_no not in state.asides) and (
            last.flow == flow or (last.flow in _OWNED_FLOWS
                                  and last_owner in (*carried, *state.partners))
        ):
            carried = (last_owner,)
    if carried and carried[0] in {*counterpart, *(c for c, _ in cp_after)}:
        # The seller cannot be the buyer: the economy the paragraph is about is.
        cps = {*counterpart, *(c for c, _ in cp_after)}
        owner = _paragraph_owner(state, s, cps)
        if owner is None:
            owner = next((o for f in reversed(state.facts[-20:])
                          if (o := owner_of(state, f)) and o not in cps), None)
        if owner is not None:
            carried = (owner,)
    if flow == "trade" and counterpart and len(carried) > 1 and state.facts:
        # "Imports from India rose to ... Trade with the European Union reached ...": the
        # pair carried over is not a side of the new one; its owner is (rule 21).
        owner = owner_of(state, state.facts[-1])
        carried = (owner,) if owner in carried and owner not in counterpart else carried
    return tuple(dedupe([*carried, *counterpart, *after]))


_DEAL_VERB_RE = re.compile(r"(?:bought|buys?|buying|purchased|purchases|purchasing|ordered|"
                           r"orders|sold|sells|selling)\b", re.IGNORECASE)


def owner_of(state: DocState, fact: TradeFact) -> str | None:
    """The economy that owns ``fact``: its first partner before the order of mention."""
    return state.owners.get(fact.char_start) or (fact.partners[0] if fact.partners else None)


def by_mention(partners: tuple[str, ...], classified: list[tuple[str, int, bool]],
                at: int, at_end: int, text: str, s: int) -> tuple[str, ...]:
    """Partners in order of mention when the sentence names every one of them ("Exports to
    the United States, Japan's largest market, ...", "taking $1.05 billion of Philippine
    goods"); rule 21 puts the reporting economy first only when it is not named. An
    economy named more than once counts where it is named last before the amount ``at``
    (the mention the figure is about), else first after it; only mentions in the amount's
    own clause count ("Britain exported ... to Saudi Arabia while British imports from that
    country totalled 436 mln": "that country" is not named)."""
    if len(partners) < 2:
        return partners
    seg = text[s:at]
    lo = s
    if "while" in seg or "but" in seg or ";" in seg or "whereas" in seg:
        lo = max((m.end() for m in CONTRAST_RE.finditer(text, s, at)), default=s)
    first: dict[str, int] = {}
    for c, st, _cp in classified:
        if st < lo:
            continue
        if st < at:
            first[c] = st
        elif c not in first and (_OF_ECONOMY_GAP_RE.fullmatch(text, at_end, st)
                                 or _ROLE_OF_RE.match(text, name_end(text, st))):
            # After the amount only the economy of its own goods ("$1.05 billion of
            # Philippine goods") or whose role it names ("making it India's fourth-largest
            # supplier"), not one of another clause ("a tariff on Bangladeshi goods").
            first[c] = st
    if all(c in first for c in partners):
        return tuple(sorted(partners, key=first.__getitem__))
    return partners


# "Mexico has become the largest U.S. trading partner", "overtook China as Germany's
# biggest trading partner": the subject and the economy whose partner it is.
_TRADING_PARTNER_RE = re.compile(
    r"\b(?:has\s+become|have\s+become|became|becomes|is|was|remains|remained|"
    r"(?:overtook|overtaking|overtakes|replaced|replacing|surpassed|displaced)\s+"
    r"(?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*)?\s+as)\s+"
    r"(?P<phrase>(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?trading\s+partner)\b"
)


def _trading_partners(text: str, s: int, money: Money, mentions: list[tuple[str, int]]
                      ) -> tuple[str, ...] | None:
    """(X, Y) for "X ... the largest Y trading partner, with two-way trade of $N", when
    the sentence names both before the amount; else None."""
    m = _TRADING_PARTNER_RE.search(text, s, money.start)
    if m is None:
        return None
    subject = [c for c, st in mentions if st < m.start()]
    owner = [c for c, st in mentions if m.start("phrase") <= st < m.end("phrase")]
    if not subject or len(owner) != 1 or subject[0] == owner[0]:
        return None
    return (subject[0], owner[0])


def _own_total(text: str, s: int, cue: Cue) -> bool:
    """Is the flow phrase of ``cue`` a total ("Total wine exports", "the overall deficit",
    "Non-oil re-exports": a re-export total is the entrepot's own, rule 13) or named by its
    goods ("Exports of lithium carbonate")?"""
    return _TOTAL_BEFORE_RE.search(text, max(s, cue.start - 30), cue.start) is not None or (
        _GOODS_OF_RE.match(text, cue.end) is not None) or text.startswith(
        ("re-", "Re-"), cue.start) or text.endswith(("re-", "Re-"), s, cue.start)


# "trade with all countries", "its deficit with the rest of the world": every partner,
# so no counterpart of the figure before.
_WITH_THE_WORLD_RE = re.compile(r"\bwith\s+(?:all\s+(?:(?:its|their|other)\s+)?(?:countries|"
                                r"partners|nations|economies)|the\s+(?:rest\s+of\s+the\s+)?"
                                r"world)\b")


def _with_the_world(text: str, s: int, e: int) -> bool:
    return (text.find(" all ", s, e) >= 0 or text.find("world", s, e) >= 0) and (
        _WITH_THE_WORLD_RE.search(text, s, e) is not None)


def _total_trade(text: str, s: int, e: int, cue: Cue) -> bool:
    """"Total foreign trade reached $N" after a bilateral figure: the subject's whole
    trade, not the pair before (rule 20); "total two-way trade" stays the pair."""
    return _TOTAL_BEFORE_RE.search(text, max(s, cue.start - 30), cue.start) is not None and (
        _BILATERAL_RE.search(text, s, e) is None)


def _carried(state: DocState, flow: str, named: set[str], s: int = -1) -> tuple[str, ...]:
    """The economies a sentence without a subject continues (rules 20-21): the last
    figure's partners when the sentence continues it (same flow, naming nothing new) or
    the flow is two-sided (trade, deals), else the subject of the story so far."""
    last = state.facts[-1] if state.facts else None
    if last is not None and not named and last.flow == flow and state.subject and len(
        {f.partners for f in state.facts[-6:] if f.sentence_no == last.sentence_no
         and f.flow == flow}
    ) > 1:
        # After a list of bilateral figures ("the gap with Mexico rose to $17.8 billion,
        # and the deficit with the EU narrowed to $15.2 billion"), a figure naming no
        # economy cannot continue all of them: it is the subject's own ("So far this
        # year, the deficit has reached $766.4 billion").
        return state.subject
    if last is not None and not named and last.flow == flow and state.subject and len(
        {f.partners for f in state.facts[-6:] if f.sentence_no >= last.sentence_no - 1
         and f.flow == flow and len(f.partners) > 1}
    ) > 1 and not CONTINUATION_RE.match(state.text, max(s, 0)):
        # The same across two sentences ("Shipments to the United States rose to $1.94
        # billion ... Exports to the European Union were worth $5.1 billion. The government
        # has set an export target of $63.5 billion."), unless the sentence opens as a
        # continuation ("They were ...").
        return state.subject
    if flow in ("trade", "agreement") or (
        last is not None and last.flow == flow and named <= set(state.partners)
    ):
        return state.partners or state.subject
    if not (state.subject or state.partners) and state.reporting and len(named) <= 1 and \
            flow in ("exports", "imports", "surplus", "deficit") and 0 <= state.reporting_at <= s:
        # The first figure of a story with a dateline, naming only the other economy
        # ("TOKYO (Reuters) - Exports to China fell ...") or none ("SINGAPORE (Reuters) -
        # Non-oil domestic exports rose ..."): the dateline, part of the first sentence
        # (rule 30), names the economy that reports it (rules 20-21).
        return (state.reporting,)
    return state.subject or state.partners


def _paragraph_owner(state: DocState, s: int, exclude: set[str]) -> str | None:
    """The economy last named with a possessive ("Saudi Arabia's oil installations") in
    the 600 characters before ``s``, other than ``exclude``."""
    text = state.text
    lo = max(0, s - 600)
    para = text.rfind("\n\n", lo, s)
    lo = para if para >= 0 else lo
    best: str | None = None
    for m in find_mentions(text, lo, s):
        if POSSESSIVE_RE.match(text, m.end) and m.code not in exclude:
            best = m.code
    return best


def _counterpart(text: str, classified: list[tuple[str, int, bool]], money: Money,
                 clause_end: int, amounts: Sequence[Money] = (), cues: Sequence[Cue] = ()
                 ) -> tuple[list[str], list[tuple[str, int]]]:
    """The counterpart group of the amount's clause: the nearest one before it, unless an
    uncoded counterpart ("with Western Europe", "non-EU") came in between, or an earlier
    amount and a new predicate naming its own economy ("sale of aircraft to Norway for $1.1
    billion and cleared a $346 million package of missiles for Estonia"); else the first
    one after it in its clause."""
    groups: list[list[tuple[str, int]]] = []
    last_end = -1
    for code, st, cp in classified:
        if not cp:
            continue
        if groups and (LIST_JOIN_RE.match(text[last_end:st]) or (
                text.startswith(",", last_end) and _LED_BY_GAP_RE.fullmatch(text, last_end, st))):
            groups[-1].append((code, st))  # "to the EU, led by France and Spain": one group
        else:
            groups.append([(code, st)])
        last_end = name_end(text, st)
    before = [g for g in groups if g[0][1] < money.start]
    if before:
        g = before[-1]
        tail = name_end(text, g[-1][1])
        gap = text[tail : money.start]
        reset = _NON_NAME_RE.search(gap) is not None or (
            ("while" in gap or "but" in gap or ";" in gap or "whereas" in gap)
            and _new_flow_clause(text, g[0][1], tail, money, cues))
        for m in _UNCODED_COUNTERPART_RE.finditer(gap):
            if code_for(m.group(0).split()[-1]) is None:
                reset = True
        if not reset and ", and " in gap:
            # "... to sell howitzers to Romania in July, and Saudi Arabia and the UAE have
            # bought systems worth $N": a new clause with a subject of its own.
            k = tail + gap.rfind(", and ")
            reset = any(not cp and k < st < money.start for _c, st, cp in classified) and (
                _NEW_DEAL_VERB_RE.search(text, k, money.start) is not None)
        if not reset:
            for other in amounts:
                if tail <= other.start and other.end <= money.start and _AND_VERB_RE.search(
                    text, other.end, money.start
                ) and any(money.end <= c[1] < clause_end for c in classified):
                    return [], []
        return ([c for c, _ in g] if not reset else []), []
    after = [g for g in groups if money.end <= g[0][1] < clause_end
             and not _PLACE_BEFORE_RE.search(text, max(0, g[0][1] - 20), g[0][1])]
    return [], (after[0] if after else [])


def _new_flow_clause(text: str, head: int, tail: int, money: Money, cues: Sequence[Cue]
                     ) -> bool:
    """"Energy imports, mostly from Russia, fell to $4.8 billion, while gold imports jumped
    to $2.1 billion": a contrasting clause between the counterpart (named from ``head`` to
    ``tail``) and the amount that names the same flow again is another figure of the
    reporting economy; the counterpart belongs to the clause before. The other flow ("exports
    to the U.S. ..., while imports rose ...") is the reverse side of the same pair."""
    brk = max(CONTRAST_RE.finditer(text, tail, money.start), key=lambda m: m.start(),
              default=None)
    if brk is None or _CLAUSE_COUNTERPART_RE.search(text, brk.end(), money.start):
        return False  # "while its imports from the world's second-largest economy ..."
    own = next((c.flow for c in reversed(cues) if c.end <= head and c.flow != NEG), None)
    return own is not None and any(
        brk.end() <= c.start and c.end <= money.num_start and c.flow == own for c in cues)


def end_of_clause(text: str, pos: int, e: int, amounts: list[Money], money: Money) -> int:
    # The figure compared with ("fell to $1.4 billion from $2.2 billion as ...") is the
    # same flow of the same economies: the clause runs on past it (rule 26).
    nxt = [a.start for a in amounts if a.start > money.end and not is_conversion(text, money, a)
           and not _COMPARED_GAP_RE.fullmatch(text, money.end, a.start)]
    limit = nxt[0] if nxt else e
    brk = CLAUSE_BREAK_RE.search(text, pos, limit)
    return brk.start() if brk else limit


def reporting_economy(doc: DocContext) -> tuple[str | None, int, int]:
    """The economy of the dateline ("OTTAWA, April 9 - ", "TOKYO (Reuters) - "), if the
    story has one, and where the dateline starts and ends."""
    for sent in doc.sentences[:3]:
        m = _DATELINE_RE.match(doc.text, sent.start, sent.end)
        if m is None:
            continue
        city = (m.group("city") or m.group("tcity")).strip()
        code = DATELINE_CITIES.get(city) or code_for(city.title()) or code_for(city)
        return code, sent.start, m.end()
    return None, -1, -1
