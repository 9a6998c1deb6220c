"""Flow: which cue governs an amount (a trade cue such as exports, imports, surplus, a deal or
arms; or a non-trade head such as profit, loan or budget), and the constructions that move
an amount from one flow to another (takers, suppliers, "spent $N on goods from X").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsfacts.model import TradeFact
from newsfacts.numbers import Money
from newsfacts.patterns import FoldedScan
from newsfacts.trade.common import (
    AFTER_STOP,
    ARMS_LOOKBACK,
    BETWEEN_BALANCE,
    CHAIN_GAP_RE,
    CLAUSE_BREAK_RE,
    COMPANY_WORDS,
    CONTRAST_RE,
    DEAL_VERBS,
    EPITHET_RE,
    FLOW_CUES,
    FLOW_KEEPS_HEAD,
    GOODS_FLOWS,
    IMPORT_BILL,
    LIST_JOIN_RE,
    NEG,
    NEGATIVE_CUES,
    NON_TRADE_TOPICS,
    OF_TOTAL_RE,
    PHRASE_NEGATIVES,
    POSSESSIVE_RE,
    TRADE_TOPICS,
    Cue,
    DocState,
    dedupe,
    name_end,
)

# One word-start check up front, not one per branch: the scan rejects most positions at once.
_CUE_RE = re.compile(
    r"\b(?=[a-z])(?:"
    + "|".join(rf"(?P<{flow}>(?:{pat})\b)" for flow, pat in FLOW_CUES)
    + rf"|(?P<neg>(?:{NEGATIVE_CUES})\b))",
    re.IGNORECASE,
)
_CUE_SCAN = FoldedScan(_CUE_RE)
_SAID_TAIL_RE = re.compile(
    r",\s+[^,]{0,80}?\b(?:said|says|reported|showed|shows|estimated)(?:\s+on\s+\w+)?\s*$")
_ACCORDING_TAIL_RE = re.compile(r",\s+according\s+to\s+[^,]{0,80}$")
_BRACKETS_RE = re.compile(r"\s*\([^()]{0,60}\)")
# A non-trade head with its own percentage closing an aside ("shipments, now facing duties of
# more than 35%, slid to C$1.1 billion") is taken by that rate and heads no money amount;
# "a tax of 10% on imports raised $2 billion" keeps its head.
_RATE_OF_RE = re.compile(
    r"\s+of\s+(?:(?:more|less)\s+than\s+|up\s+to\s+|about\s+|around\s+|nearly\s+|"
    r"over\s+|some\s+)?\d[\d.,]*\s*(?:%|per\s*cent\b|pct\b|percentage\s+points?\b)"
    r"(?:\s+\w+){0,3}\s*,",  # ... and closes an aside
    re.IGNORECASE,
)
_ARMS_CUE_RE = re.compile(rf"\b(?:{dict(FLOW_CUES)['arms']})\b", re.IGNORECASE)
_TOPIC_AFTER_RE = re.compile(
    rf"\s+(?:on|in|of)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?P<neg>{NON_TRADE_TOPICS})\b"
    rf"(?!\s+basis)"
    rf"|\s+(?:on|in)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?P<pos>{TRADE_TOPICS})\b",
    re.IGNORECASE,
)
# Between an amount and its conversion: "$60bn (", "200bn euros a year (", "(£140bn; ".
_OPEN_BRACKET_RE = re.compile(r"^[^()\d]{0,20}[(\[]\s*$|^\s*;\s*$")
_MORE_THAN_SOLD_RE = re.compile(
    r"\s+more\s+(?:[a-z][\w-]*\s+){0,3}?than\s+(?:what\s+)?(?:it|they|\w+)\s+"
    r"(?P<w>sold|exported|bought|imported)",
    re.IGNORECASE,
)
_ROLE_NOUN_RE = re.compile(r"\s+(?:as\s+|among\s+)?(?:the\s+)?(?:main|biggest|largest|top|leading|"
                           r"chief|major)\s+(?:buyers?|markets?|destinations?|customers?|suppliers?|"
                           r"sources?)(?:\s+of\s+)?|"
                           # "with India and the UAE taking most of the metal": the takers.
                           r"\s+(?:taking|buying|absorbing)\s+(?:most|much|the\s+bulk|"
                           r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:half|"
                           r"a\s+third|two-thirds|three-quarters))\s+of\b")
# "with Gulf states among the main buyers": the group noun of a name the gazetteer reads
# as one economy is part of it.
_GROUP_NOUN_RE = re.compile(r"\s+(?:states|countries|nations|economies)\b")
_ROLE_AMOUNT_RE = re.compile(r"[^,;()]{0,30}?\b(?:at|with)\s+(?:about\s+|around\s+|some\s+|"
                             r"nearly\s+|almost\s+)?[$£€¥\d]")
_LIST_ITEM_RE = re.compile(r"(?:followed\s+by|ahead\s+of|,|\band)\s+(?:the\s+)?$")

_BETWEEN_RE = re.compile(rf"\b{BETWEEN_BALANCE}\b", re.IGNORECASE)
_COMPANY_AFTER_RE = re.compile(rf"\s+{COMPANY_WORDS}")
_NON_TRADE_TOPIC_RE = re.compile(rf"\b(?:{NON_TRADE_TOPICS})\b", re.IGNORECASE)
_TRADE_TOPIC_RE = re.compile(rf"\b(?:{TRADE_TOPICS})\b", re.IGNORECASE)
_DEAL_VERB_RE = re.compile(rf"(?:{DEAL_VERBS})$", re.IGNORECASE)
# What follows an amount bought or sold when goods, not money, change hands ("buys about
# $30 billion a year of Australian iron ore", "purchased 150 mln dlrs worth of grain",
# "buy $2 billion more of U.S. gas": an added amount of the same goods).
_GOODS_AFTER_RE = re.compile(
    r"['’]?s?(?:\s+(?:more|extra))?(?:\s+(?:a|per|each|every)\s+(?:year|month|quarter)|"
    r"\s+annually)?\s+(?:worth|of|in\s+goods)(?!\s+(?:its\s+|their\s+|the\s+)?(?:foreign\s+|local\s+|domestic\s+)?(?:currenc(?:y|ies)|"
    r"exchange|forex|reserves|dollars|dlrs|euros|yen|yuan|bonds|treasur(?:y|ies)|securities|"
    r"debt|shares|stock))", re.IGNORECASE)
# A contract awarded by a government to a firm is procurement, not trade, unless a second
# economy is named (rule 8: not domestic procurement).
_FOR_RE = re.compile(r"\s+for\s")
_AGREED_TO_RE = re.compile(r"\b(?:agree(?:d|s|ing)?|sign(?:ed|s|ing)?\s+an?\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:deal|agreement|contract|accord))"
                           # "signed a deal last year to supply", "agreed in September to buy"
                           r"(?:\s+(?:last|this|next)\s+(?:year|month|week)|"
                           r"\s+(?:in|on)\s+(?-i:[A-Z])[a-z]+(?:\s+\d{4})?)?\s+to\s+$",
                           re.IGNORECASE)
# "pledged to buy ..." is framed as a deal only when the sentence names the deal ("under
# the trade deal, the EU committed to purchasing ...", rule 5); alone it is a target.
_PLEDGED_TO_RE = re.compile(r"\b(?:pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?|"
                            r"promis(?:e|es|ed|ing))\s+to\s+$", re.IGNORECASE)
_SALE_VERB_RE = re.compile(r"(?:sell|sells|sold|selling|buy|buys|bought|buying|supply|supplies|"
                           r"supplied)\b", re.IGNORECASE)
_UNDER_SIGNED_DEAL_RE = re.compile(r"\bunder\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|deal|"
                                   r"contract|accord|pact)\s+(?:signed|reached|agreed)\b")
_ITS_APPOSITIVE_RE = re.compile(r",\s+(?:its|their)\s+(?!own\b)|"
                                r",\s+(?:(?:some|most|much|part|all|half|many)\s+of\s+)?which\s")
# The opening of an aside about a flow's goods (``_flow_before_aside``).
_ASIDE_OPENING_RE = re.compile(r",\s+(?:which|(?:(?:almost|nearly)\s+)?(?:all|most|much|mostly|"
                               r"mainly|largely|chiefly)\b)")
_SHARE_RE = re.compile(r",\s+with\s+[^,;()]{1,60}?\s(?:accounting|accounted)\s+for\s+")
_STATE_PARTY_RE = re.compile(
    r"\b(?:state|national)\s+(?:carrier|airline|oil\s+company)\b|\bstate-(?:run|owned)\b|"
    r"\b[Tt]he\s+government\s+(?:has|had|have|will|would|agreed|signed|plans?|is|was)\b")
# A deal said not to exist: "imports from countries without trade agreements".
_NO_DEAL_RE = re.compile(r"\b(?:without|no|lacking|lack\s+of|absence\s+of)\s+(?:an?\s+|any\s+)?"
                         r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_DEAL_NOUN_RE = re.compile(r"\b(?:deals?|agreements?|accords?|pacts?|treat(?:y|ies))\b",
                           re.IGNORECASE)
# What may stand between the words of a compound cue ("trade deficit", "export credit",
# "deficit on trade", "barter trade pact"); a verb or conjunction ends it ("fighters will
# cost").
_COMPOUND_GAP_RE = re.compile(
    r"[\s-]*(?:(?:on|in|of)\s+)?(?:(?!(?:will|would|could|can|may|might|should|must|was|"
    r"were|is|are|has|have|had|and|or|but|to)\b)[\w-]+[\s-]+)?", re.IGNORECASE)
_BASIS_RE = re.compile(r"\s+basis\b")  # "on a balance of payments basis" is a method
# Small patterns of the helpers below, compiled once (a call of ``re.search`` with a string
# pays a cache lookup every time).
_PREP_IN_GAP_RE = re.compile(r"\b(?:on|in|of)\s")
_PUNCT_IN_GAP_RE = re.compile(r"[,;:()]")
_COST_GAP_RE = re.compile(r"(?:\s+(?:of|from|to|with|by|the|an?|[\w.'’-]+))*\s+")
_PHRASE_GAP_RE = re.compile(r"\s+(?:from|of|by|to|in)\s")
_TOKEN_RE = re.compile(r"\S+")
_ON_CAUSE_RE = re.compile(r"\s+(?:higher|lower|stronger|weaker|strong|weak|rising|falling|robust|"
                          r"brisk|solid|firm|soft|increased|reduced|booming|sluggish|surging|"
                          r"record|soaring|slumping|sliding)\b")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.": no full stop
_BUY_SELL_RE = re.compile(r"(?:bought|buys?|purchased|sold|sells?)$", re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(
    r"\s+(?:a|per|an|each)\s+(?:barrel|tonne|ton|ounce|share|head|kilo|pound|"
    r"unit|bushel|lb|kg|copy)\b|\s+against\s+the\s+\w+", re.IGNORECASE)
_AT_BEFORE_RE = re.compile(r"\bat\s+$")
_RATE_STARTS = (" a year", " a month", " a quarter", " per ", " each ", " every ", " annually",
                " yearly")
_SPEND_WORDS = frozenset(["spending"])
_ON_AFTER_RE = re.compile(r"\s+on\s+(?:the\s+)?(?!\S+\s+(?:\S+\s+)?(?:bonds|treasur\w*|securities|"
                          r"debt|shares|stocks|assets|equities)\b)", re.IGNORECASE)
_RATE_AFTER_RE = re.compile(r"\s+(?:(?:a|per|each|every)\s+(?:year|month|quarter)|annually|"
                            r"yearly)\b(?=\s+\w)", re.IGNORECASE)
_EACH_AFTER_RE = re.compile(r"\s+each\b")
_MODEL = r"(?-i:[A-Z][A-Za-z]{0,3}-?\d{1,3}[A-Z]?)"
_MODEL_TOKEN_RE = re.compile(rf"\b(?P<m>{_MODEL})s?\b")
_WEAPON_MODEL_RE = re.compile(
    rf"\b(?P<m>{_MODEL})\s+(?:[a-z-]+\s+)?(?:tanks?|fighters?|fighter\s+jets|warplanes?|"
    r"howitzers?|attack\s+helicopters|missiles?|frigates?|submarines?|warships?|launchers?)\b"
)
_TOOK_GAP_RE = re.compile(r"(?P<aside>,\s+[^,;()]{1,80}?,)?\s+(?:(?:alone|also|itself)\s+)?"
                          r"(?P<verb>took|bought|absorbed|received)\s+(?:another\s+|a\s+further\s+|an\s+additional\s+|an\s+extra\s+|"
                          # "took a combined $N", "took a total of $N".
                          r"(?P<combined>a\s+combined\s+|a\s+total\s+of\s+))?"
                          # "Germany alone bought clothes worth $4.1 billion": goods with no
                          # origin named (lower case only: not "Chinese machinery").
                          r"(?P<goods>(?-i:[a-z][\w-]*\s+){1,3}worth\s+)?")
# "China bought $15.8 billion of that": a part of the figure before.
_OF_THAT_RE = re.compile(r"\s+(?:worth\s+)?of\s+(?:that|this|it|them|those|the\s+total)\b")
# The cause of a change named by an economy's demand or prices, a trade deal with it, or
# the flow to it (rule 25); "the" is left to the list scan (an epithet starts with it).
_DEMAND_FROM_RE = re.compile(r",\s+(?:(?:as|after|because(?:\s+of)?|amid)\s+(?:[\w'’-]+\s+){0,6}?"
                             # "as demand for rough stones from cutters in India collapsed":
                             # the goods demanded and the buyers in the economy between.
                             r"(?:(?:demand|prices|consumption)(?:\s+for(?:\s+[a-z][\w-]*){1,3}?)?"
                             r"\s+(?:from|in|by)(?:\s+(?:[a-z]+\s+)?(?:buyers|importers|consumers|"
                             r"customers|cutters|refiners|mills|makers|manufacturers|factories)\s+in)?|"
                             r"(?:agreement|deal|pact|accord)\s+with|"
                             r"(?P<flow>(?:shipments|exports|sales)"
                             r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+to))|"
                             # "as buyers in Kazakhstan snapped up ...": the clause's subject
                             # (not "as demand recovered and buyers in China returned").
                             r"(?:as|amid)\s+(?:[a-z]+\s+)?(?:buyers|importers|consumers|"
                             r"customers)\s+in)\s+")
_BUYING_RE = re.compile(r"buying|bought|buys|purchasing|purchased", re.IGNORECASE)
_SUBJECT_GAP_RE = re.compile(r"\s+(?:(?:together|jointly|also|alone|[a-z]+ly)\s+)?")
_ASIDE_RE = re.compile(r",\s+[a-z]{3,}ing(?:\s+[\w-]+){0,3},")
_ITS_ROLE_RE = re.compile(r",\s+(?:its|their|the\s+[a-z][\w-]*['’]s)\s+[^,;()]{1,40},")
# The change of the cause's own flow: "as shipments to Singapore jumped".
_CHANGE_VERB_RE = re.compile(r"\s+(?:rose|jumped|surged|soared|climbed|increased|grew|rebounded|"
                             r"recovered|fell|dropped|slumped|declined|plunged|slid|decreased)\b")
_SALES_TO_RE = re.compile(r"\bsales\s+to\b", re.IGNORECASE)
_WORD_RUN_RE = re.compile(r"[\w.'-]+")
_IN_BEFORE_RE = re.compile(r"\bin\s+(?:the\s+)?$")
_AIR_BEFORE_RE = re.compile(r"\bAir\s+$")
_SHIPMENTS_RE = re.compile(r"shipments?|deliveries", re.IGNORECASE)
_TO_AFTER_CUE_RE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?(?-i:[A-Z])")
_SUPPLIER_ROLE_RE = re.compile(r"\b(?:was|is|remained|remains|became|as)\s+(?:the\s+|its\s+|"
                               r"their\s+)(?:[\w-]+\s+){0,2}?suppliers?,\s+with\s+$")
_SPENT_BEFORE_RE = re.compile(r"\b(?:spent|spends|spend|paid|pays|pay)\s+$")
_ON_FROM_AFTER_RE = re.compile(r"(?:\s+(?:a|per)\s+(?:year|month))?\s+(?:on|for)\s+"
                               r"(?:(?:[\w-]+\s+){1,4}?(?:from|imported\s+from)\s+)?")
_GOODS_WORD_RE = re.compile(r"\s+[a-z]")
_THOSE_RE = re.compile(r"\s*(?:those|that|the\s+ones?)\s+(?:to|from|with|for|in)\s")
_THOSE_SCREEN_RE = re.compile(r"\b(?:those|that|ones?)\s+(?:to|from|with|for|in)\s")
_FLOW_PRIORITY = {"surplus": 0, "deficit": 0, "agreement": 1, "arms": 2, "exports": 3,
                  "imports": 3, "sale": 3, "trade": 4}


def find_cues(text: str, s: int, e: int, folded: str) -> list[Cue]:
    """The flow and non-trade cues of a sentence, compounds merged: in "trade deficit",
    "barter trade pact", "export credit" the head (last word) decides, except a flow before
    earnings/sales ("export earnings", "arms sales"); flows inside "the difference between
    exports and imports" belong to the balance."""
    raw = [Cue(m.start(), m.end(), m.lastgroup if m.lastgroup != "neg" else NEG)
           for m in _CUE_SCAN.finditer(text, folded, s, e)
           if not (m.lastgroup == "neg" and (_BASIS_RE.match(text, m.end(), e)
                                             or _RATE_OF_RE.match(text, m.end(), e)))]
    merged: list[Cue] = []
    for cue in raw:
        gap = text[merged[-1].end : cue.start] if merged else ""
        if merged and len(gap) <= 80 and _COMPOUND_GAP_RE.fullmatch(gap):
            prev = merged[-1]
            word = text[cue.start : cue.end].lower()
            if cue.flow == NEG and prev.flow != NEG and _PREP_IN_GAP_RE.search(gap):
                merged.append(cue)  # "deficit on a balance of payments basis": no compound
                continue
            if cue.flow == NEG and prev.flow != NEG and (
                word in FLOW_KEEPS_HEAD or (prev.flow == "imports" and word in IMPORT_BILL)
            ):
                flow = prev.flow  # "export earnings", "arms sales", "oil import bill"
            elif cue.flow != NEG and prev.flow != NEG:
                flow = min((prev.flow, cue.flow), key=lambda f: _FLOW_PRIORITY[f])
                if prev.flow == "arms" or cue.flow == "arms":
                    flow = "arms" if flow not in ("surplus", "deficit") else flow
            else:
                flow = cue.flow
            merged[-1] = Cue(prev.start, cue.end, flow)
            continue
        merged.append(cue)
    out: list[Cue] = []
    between_end = -1
    for cue in merged:
        to_before = cue.flow in ("exports", "imports") and "to" in text[
            max(s, cue.start - 6) : cue.start
        ]  # both framings end in "... to buy": a cheap screen first
        if to_before and _AGREED_TO_RE.search(text, max(s, cue.start - 45), cue.start):
            # "agreed to buy 1.5 billion dlrs of grain": framed as a deal (rule 5).
            cue = Cue(cue.start, cue.end, "agreement")
        elif cue.flow in ("exports", "imports") and text.find(" under ", cue.end, e) >= 0 and (
                _SALE_VERB_RE.match(text, cue.start, cue.end)) and (
                _UNDER_SIGNED_DEAL_RE.search(text, cue.end, e)):
            # "will sell 20,000 tonnes of tea worth about 45 mln dlrs to Egypt under a
            # government-to-government agreement signed here today": framed as a signed
            # deal (rule 5).
            cue = Cue(cue.start, cue.end, "agreement")
        elif to_before and _PLEDGED_TO_RE.search(
            text, max(s, cue.start - 25), cue.start
        ) and _DEAL_NOUN_RE.search(text, s, e):
            cue = Cue(cue.start, cue.end, "agreement")
        if cue.flow in ("exports", "imports") and cue.start < between_end:
            continue
        if cue.flow == "agreement" and _NO_DEAL_RE.search(text, max(s, cue.start - 40),
                                                           cue.start):
            continue  # "countries without trade agreements": no deal, no cue (rule 5)
        if cue.flow == "sale" and _ARMS_CUE_RE.search(text, cue.start + 4, cue.end):
            cue = Cue(cue.start, cue.end, "arms")  # "the sale of 40 F-16 fighter jets to"
        if cue.flow == NEG and text.startswith("economy", cue.start) and any(
            m.end() == cue.end
            for m in EPITHET_RE.finditer(text, max(s, cue.start - 40), cue.end)
        ):
            continue  # "exports to the world's largest economy": a name, no head
        if folded.find("between", cue.start, cue.end) >= 0 and _BETWEEN_RE.search(
            text, cue.start, cue.end
        ):
            between_end = cue.end + 60
        out.append(cue)
    return out


def flow_of(text: str, s: int, e: int, money: Money, cues: list[Cue],
             amounts: list[Money], state: DocState) -> str | None:
    """The flow of the cue that governs ``money``: NEG when that is a non-trade head,
    None when no cue governs it."""
    more = _MORE_THAN_SOLD_RE.match(text, money.end, e)
    if more:
        return "deficit" if more.group("w") in ("sold", "exported") else "surplus"
    after = after_window(text, skip_conversion(text, money, amounts), e)
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    if window:
        if window[0].flow == NEG:
            return NEG
        if _FOR_RE.match(text, money.end):
            # "the budget includes $30 billion for new warships": the purpose of a
            # non-trade sum, not a flow.
            gov = [c for c in cues if c.end <= money.num_start]
            if gov and gov[-1].flow == NEG:
                return NEG
        best = min(window, key=lambda c: _FLOW_PRIORITY.get(c.flow, 9))
        return _checked(text, e, best, state)
    before = [c for c in cues if c.end <= money.num_start]
    if before:
        cue = before[-1]
        if cue.flow == NEG and len(before) > 1 and before[-2].flow != NEG and (
            _modifies_flow(text, before[-2], cue)
        ):
            # "exports from the world's second-largest economy rose to ...", "imports of
            # wheat from Russia cost ...": the non-trade word belongs to the flow's phrase.
            cue = before[-2]
        elif len(before) > 1 and _in_appositive(text, s, before[-2], cue, money):
            # "Kenya's trade deficit with China, its largest source of imports, widened to
            # ...": the appositive describes the economy; the flow is the phrase's before it.
            cue = before[-2]
        elif cue.flow == NEG and len(before) > 1:
            cue = _flow_before_aside(text, before, cue, money) or cue
        if cue.flow in ("exports", "imports") and _buys_currency(text, cue, money):
            return NEG
        return _checked(text, e, cue, state)
    # Past its own bracketed conversion: "earned 215 billion shillings ($1.66 billion) from
    # tea exports" (the conversion shares the flow, rule 18).
    nxt = [a for a in amounts if a.start >= money.end]
    if nxt and is_conversion(text, money, nxt[0]):
        pos = skip_conversion(text, money, amounts)
        nxt = [a for a in nxt if a.start >= pos]
    limit = nxt[0].start if nxt else e
    contrast = CONTRAST_RE.search(text, money.end, limit)
    if contrast is not None:
        limit = contrast.start()  # "..., while China was the largest source of imports"
    later = [c for c in cues if money.end <= c.start < limit]
    if later:
        return _checked(text, e, later[0], state)
    return None


def spent_on_foreign_goods(text: str, s: int, money: Money, cues: list[Cue],
                            classified: list[tuple[str, int, bool]]) -> bool:
    """"Indian refiners were spending roughly $4 billion a month on Russian oil": money
    spent on another economy's goods buys them (rule 5: imports), unlike spending at home
    or on securities."""
    before = [c for c in cues if c.end <= money.num_start]
    if not before or money.start - before[-1].end > 30 or text[
        before[-1].start : before[-1].end
    ].lower() not in _SPEND_WORDS:
        return False
    pos = money.end
    rate = _RATE_AFTER_RE.match(text, pos)
    m = _ON_AFTER_RE.match(text, rate.end() if rate else pos)
    if m is None:
        return False
    home = {c for c, st, _cp in classified if s <= st < money.start}
    return any(st == m.end() and c not in home for c, st, _cp in classified)


def supplier_shipments(text: str, s: int, money: Money, cues: list[Cue]) -> bool:
    """The amount is governed by "shipments" / "deliveries" (no "to X" after them) in a
    clause whose subject is called the biggest / main / top supplier."""
    gov = [c for c in cues if c.end <= money.num_start]
    if not gov or gov[-1].flow != "exports" or not _SHIPMENTS_RE.fullmatch(
            text, gov[-1].start, gov[-1].end):
        return False
    if _TO_AFTER_CUE_RE.match(text, gov[-1].end):
        return False
    return _SUPPLIER_ROLE_RE.search(text, s, gov[-1].start) is not None


def paid_for_goods_from(text: str, s: int, money: Money,
                         classified: list[tuple[str, int, bool]], story: tuple[str, ...] = ()
                         ) -> str | None:
    """"India, the third-largest buyer of Saudi oil, spent $25.6 billion on crude from the
    kingdom", "Egypt paid $600 million for Kenyan tea": money spent or paid on goods from
    another economy buys them (imports, rule 5), whatever role an appositive gave the
    spender; the flow, or None. Goods named by the adjective of the economy the story is
    about (``story``: "Taiwan paid $310 million for Paraguayan beef" in a story on
    Paraguay's beef exports) are that economy's exports (rule 13: the reporter's side)."""
    lo = max(s, money.start - 12)
    if text.find("sp", lo, money.start) < 0 and text.find("pa", lo, money.start) < 0:
        return None
    if not _SPENT_BEFORE_RE.search(text, lo, money.start):
        return None
    m = _ON_FROM_AFTER_RE.match(text, money.end)
    seller = next((c for c, st, _cp in classified if st == m.end()), None) if m else None
    if m is None or seller is None:
        return None
    if text.endswith(("from ", "from\n"), money.end, m.end()):
        return "imports"
    # Right after "on / for" only an economy's adjective qualifying goods, not "paid $2
    # billion for Iraq's debt".
    end = name_end(text, m.end())
    if text.endswith(("'s", "’s"), m.end(), end) or _GOODS_WORD_RE.match(text, end) is None:
        return None
    return "exports" if story[:1] == (seller,) else "imports"


def elliptic_clause(text: str, money: Money, amounts: list[Money], cues: list[Cue]) -> int:
    """"Shipments to the US fell to $8.75 billion, hit by tariffs, while those to China rose
    to $12.3 billion": a clause opening with "those to/from ..." and naming no cue of its
    own has the flow of the figure before it in the sentence. Where that clause starts, or
    -1."""
    lo = max((a.end for a in amounts if a.end <= money.start), default=money.start)
    if _THOSE_SCREEN_RE.search(text, lo, money.start) is None:
        return -1
    breaks = list(CLAUSE_BREAK_RE.finditer(text, lo, money.start))
    brk = breaks[-1] if breaks else None
    if brk is None or not _THOSE_RE.match(text, brk.end(), money.start):
        return -1
    after = after_window(text, money.end, len(text))
    if any(brk.end() <= c.start < after for c in cues):
        return -1
    return brk.end()


# "Germany took gas worth $N, and Britain about $M": the verb and goods of the clause before
# elided between the next economy and its amount.
_GAPPED_BEFORE_RE = re.compile(r"(?:\s+[\w-]+){0,6}?,?\s+(?:and|while|with)\s+(?:the\s+)?$")


def gapped_clause(text: str, prev: TradeFact, money: Money,
                  classified: list[tuple[str, int, bool]]) -> str | None:
    """The economy of a clause that names only an economy and an amount after a figure of
    the same sentence ("..., and Britain about 112 billion crowns"): it stands where the
    figure before had its counterpart, with the same flow. None when the clause has more."""
    for code, st, _cp in classified:
        if st <= prev.char_end or st >= money.start:
            continue
        end = name_end(text, st)
        if text[end : money.start].strip() or not _GAPPED_BEFORE_RE.fullmatch(
                text, prev.char_end, st):
            return None
        return code
    return None


def share_of_figure(text: str, prev: TradeFact, money: Money, cues: list[Cue]) -> bool:
    """"Exports rose to 19.18 trillion naira, with crude oil sales accounting for 13.36
    trillion naira": a part of the figure just before, named by a weak head (sales,
    earnings), is a figure of the same flow (rule 9: earnings tied to exports)."""
    m = _SHARE_RE.search(text, prev.char_end, money.start)
    if m is None or m.end() != money.start:
        return False
    head = [c for c in cues if m.start() <= c.start and c.end <= money.start]
    return bool(head) and all(
        c.flow != NEG or text[c.start : c.end].lower() in FLOW_KEEPS_HEAD for c in head)


def _in_appositive(text: str, s: int, prev: Cue, cue: Cue, money: Money) -> bool:
    """Does ``cue`` sit in an appositive that describes the economy named before it (", its
    biggest export market,", ", their main source of imports,"), after the cue ``prev``
    and closed before ``money``?"""
    opening = text.rfind(",", max(s, prev.end, cue.start - 60), cue.start)
    if opening < 0 or not _ITS_APPOSITIVE_RE.match(text, opening):
        return False
    closing = text.find(",", cue.end, money.num_start)
    return closing >= 0 and closing - cue.end <= 40


def _flow_before_aside(text: str, before: list[Cue], neg: Cue, money: Money) -> Cue | None:
    """The flow cue before a comma aside that holds the non-trade cue ``neg`` and closes
    before ``money`` ("exports to Cuba, almost all of them farm products sold under a law
    that exempts agriculture from the embargo, fell to ...", "the surplus on trade in
    services, which include banking and tourism, was ..."): the aside describes the flow's
    goods, and the sentence's verb and amount belong to the flow; None when there is none."""
    closing = text.find(",", neg.end, money.num_start)
    if closing < 0 or money.num_start - closing > 40 or "," in text[closing + 1 : money.num_start]:
        return None
    for prev in reversed(before[:-1]):
        if prev.flow == NEG:
            return None
        opening = text.find(",", prev.end, neg.start)
        if opening >= 0:
            if neg.start - opening > 150 or not _ASIDE_OPENING_RE.match(text, opening):
                return None
            return prev
    return None


def _modifies_flow(text: str, flow: Cue, neg: Cue) -> bool:
    """Is the non-trade cue ``neg`` part of the noun phrase headed by the flow cue before
    it ("exports from the largest economy"), or the verb "cost" stating that flow's value
    ("imports of wheat from Russia cost ...")?"""
    gap = text[flow.end : neg.start]
    if len(gap) > 60 or _PUNCT_IN_GAP_RE.search(gap):
        return False
    word = text[neg.start : neg.end].lower()
    if word in ("cost", "costs"):
        return _COST_GAP_RE.fullmatch(gap) is not None
    return word in PHRASE_NEGATIVES and _PHRASE_GAP_RE.match(gap) is not None


def _checked(text: str, e: int, cue: Cue, state: DocState) -> str:
    """A balance about a non-trade account is not trade (rule 1): the account named right
    after the balance ("surplus on invisibles"), else the one last named before it, back
    into earlier sentences ("The deficit ..." in a story about the budget)."""
    if cue.flow not in ("surplus", "deficit"):
        return cue.flow
    after = _TOPIC_AFTER_RE.match(text, cue.end, e)
    if after is not None:
        return NEG if after.group("neg") else cue.flow
    word = text[cue.start : cue.end]
    if _TRADE_TOPIC_RE.search(word):
        return cue.flow
    if _NON_TRADE_TOPIC_RE.search(word):
        return NEG
    if state.topics is None:
        state.topics = _topics(state.text)
    k = bisect_left(state.topics, (cue.start, False)) - 1
    lo = cue.start - 2000
    while k >= 0 and state.topics[k][0] >= lo:
        return cue.flow if state.topics[k][1] else NEG
    return cue.flow


def _topics(text: str) -> list[tuple[int, bool]]:
    """Every account named in the document: (start, is trade), in text order."""
    found = [(m.start(), True) for m in _TRADE_TOPIC_RE.finditer(text)]
    found += [(m.start(), False) for m in _NON_TRADE_TOPIC_RE.finditer(text)]
    return sorted(found)


def after_window(text: str, pos: int, e: int) -> int:
    """End of the few words right after an amount that can still be its head
    ("a 16 mln dlr trade deficit", "800 mln dlrs in crude exports")."""
    # Tokens are read in place (no slice: ``e`` is often the end of the document). A rate
    # ("$5 billion a year in ...") is an attribute of the amount, not its head: skipped.
    if text.startswith(_RATE_STARTS, pos):
        rate = _RATE_AFTER_RE.match(text, pos, e)
        if rate is not None:
            pos = rate.end()
    for words, m in enumerate(_TOKEN_RE.finditer(text, pos, e)):
        token = m.group(0)
        if words >= 4 or token.strip(".,;:()'\"").lower() in AFTER_STOP:
            return m.start()
        if token == "on" and _ON_CAUSE_RE.match(text, m.end()):
            return m.start()  # "rose to $22.9 billion on higher sales of steel": a cause
        if token[-1] in ".;:)(," and not (token[-1] == "." and _INITIALS_RE.fullmatch(token)):
            return m.start() + len(token.rstrip(".,;:()"))
    return e


def skip_conversion(text: str, money: Money, amounts: list[Money]) -> int:
    """Where the words after an amount start, past a bracketed conversion
    ("1.47m yuan ($177,600) in compensation")."""
    pos = money.end
    for other in amounts:
        if other.start >= pos and is_conversion(text, money, other):
            close = text.find(")", other.end, other.end + 40)
            pos = close + 1 if close >= 0 else other.end
            money = other
    return pos


def is_conversion(text: str, prev: Money, money: Money) -> bool:
    return _OPEN_BRACKET_RE.match(text[prev.end : money.start]) is not None


def _buys_currency(text: str, cue: Cue, money: Money) -> bool:
    """"purchased 150 mln dlrs in the half-hour": a verb buying money, not goods."""
    if money.start - cue.end > 3 or not _BUY_SELL_RE.match(text[cue.start : cue.end]):
        return False
    return _GOODS_AFTER_RE.match(text, money.end, money.end + 40) is None


def is_unit_price(text: str, money: Money, e: int) -> bool:
    """Prices of one unit, exchange rates and small sums are not trade figures."""
    if not money.scaled and not money.vague and money.value < 1e5:
        return True
    return _UNIT_AFTER_RE.match(text, money.end, e) is not None or (
        _AT_BEFORE_RE.search(text[max(0, money.start - 4) : money.start]) is not None
        and _EACH_AFTER_RE.match(text, money.end, e) is not None
    )


def deal_verb(text: str, money: Money, cues: list[Cue]) -> bool:
    """Is the amount governed by a verb or noun of buying and selling ("ordered ... worth",
    "a $2bn order")? Such a deal is trade only with a state as a party (rule 6)."""
    after = after_window(text, money.end, len(text))
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    before = [c for c in cues if c.end <= money.num_start]
    gov = window[0] if window else (before[-1] if before else None)
    if gov is None:
        return False
    return _DEAL_VERB_RE.search(text[gov.start : gov.end]) is not None


def bought_by_counterparts(text: str, money: Money, cues: list[Cue],
                            classified: list[tuple[str, int, bool]], owner: str) -> bool:
    """"... of Moroccan exports, with Spain and France buying goods worth 168 billion
    dirhams": what the other side buys from the owner is the owner's exports (rule 13,
    the mirror of suppliers' exports being the reporting economy's imports)."""
    gov = [c for c in cues if c.end <= money.num_start]
    if not gov or gov[-1].flow != "imports":
        return False
    cue = gov[-1]
    if not _BUYING_RE.fullmatch(text, cue.start, cue.end):
        return False
    buyers = [(c, st, cp) for c, st, cp in classified if cue.start - 40 <= st < cue.start]
    # The buyers are the verb's subject: named right before it, at most an adverb between
    # ("Spain and France together buying"), not the object of a clause before ("sold ...
    # to India and bought 170.5 mln worth ... from India", r-7640, stays imports).
    return bool(buyers) and all(cp and c != owner for c, _st, cp in buyers) and (
        _SUBJECT_GAP_RE.fullmatch(text, name_end(text, buyers[-1][1]), cue.start) is not None)


_TOTAL_FLOWS = ("exports", "imports", "trade", "arms")  # an arms-export total has parts too


def paragraph_total(state: DocState, s: int) -> str | None:
    """The flow of the first total (exports, imports, trade) of the paragraph holding ``s``:
    what "of the total" in a sentence without any cue is a part of."""
    para = state.text.rfind("\n\n", 0, s)
    flow = next((f.flow for f in state.facts[-20:] if f.char_start > para
                 and f.flow in _TOTAL_FLOWS), None)
    if flow is None and para > 0:
        # Wire copy puts one sentence in a paragraph: the total is in the paragraph before.
        before = state.text.rfind("\n\n", 0, para)
        flow = next((f.flow for f in state.facts[-20:] if before < f.char_start < para
                     and f.flow in _TOTAL_FLOWS), None)
    return flow


def taker_of(text: str, money: Money, classified: list[tuple[str, int, bool]],
           strict: bool = False) -> tuple[str, ...] | None:
    """The economies that are the subject of "took / bought / absorbed (another) <amount>",
    an appositive or relative clause allowed between ("China, which buys ..., took"), with
    the list before the last of them ("The UAE and Saudi Arabia took a combined $N").
    ``strict`` (the sentence has flow cues): "took / absorbed / received" only, or "bought"
    of the figure before ("bought $15.8 billion of that")."""
    for k, (_code, start, _cp) in enumerate(classified):
        if start >= money.start:
            break
        m = _TOOK_GAP_RE.fullmatch(text, name_end(text, start), money.start)
        if m is None:
            continue
        if strict and m.group("verb") == "bought" and not m.group("goods") and \
                not m.group("combined") and not _OF_THAT_RE.match(text, money.end):
            continue  # "South Korea and Japan bought a combined $N": a share, kept
        if m.group("aside") and not strict and text.count(",", m.start(), m.end()) != 2:
            continue
        return _with_list_before(text, classified, k)
    return None


def _with_list_before(text: str, classified: list[tuple[str, int, bool]], k: int
                      ) -> tuple[str, ...]:
    """The economy ``classified[k]`` with those listed right before it: a subject may be a
    list ("The UAE and Saudi Arabia took a combined $N", "Italy, Spain and France sold")."""
    names = [classified[k][0]]
    start = classified[k][1]
    for c, st, _cp in reversed(classified[:k]):
        if not LIST_JOIN_RE.match(text[name_end(text, st) : start]):
            break
        names.insert(0, c)
        start = st
    return tuple(dedupe(names))


# "Germany, the bloc's biggest economy, shipped $N of cars ... to Canada", "Italy and France
# sold a combined $N": a seller economy as the subject of the verb right before the amount.
_SOLD_GAP_RE = re.compile(r"(?P<aside>,\s+[^,;()]{1,80}?,)?\s+"
                          r"(?:(?:alone|also|together|jointly)\s+)?"
                          r"(?:shipped|sold|supplied|exported)\s+"
                          r"(?:a\s+combined\s+|a\s+total\s+of\s+|"
                          r"(?-i:[a-z][\w-]*\s+){1,3}worth\s+)?")


def sellers_of(text: str, money: Money, classified: list[tuple[str, int, bool]]
               ) -> tuple[str, ...] | None:
    """The economies that are the subject of "shipped / sold / supplied / exported <amount>"
    (an appositive allowed between), with the list before the last of them: what
    ``taker_of`` is for buyers. None when the verb has no economy as its subject."""
    for k, (_code, start, _cp) in enumerate(classified):
        if start >= money.start:
            break
        if _SOLD_GAP_RE.fullmatch(text, name_end(text, start), money.start) is None:
            continue
        return _with_list_before(text, classified, k)
    return None


_ACCOUNTED_GAP_RE = re.compile(r"(?:,\s+[^,;()]{1,80}?,)?\s+(?:alone\s+)?accounted\s+for\s+")


def part_holder(text: str, money: Money, classified: list[tuple[str, int, bool]]
                ) -> tuple[str, ...] | None:
    """The economies that are the subject of "accounted for <amount> of those sales" (an
    appositive or relative clause allowed between), with the list before the last of
    them: the counterparts of a part of the figure before."""
    for k, (_code, start, cp) in enumerate(classified):
        if start >= money.start:
            break
        if cp:
            continue  # "Shipments to the EU, led by France and Italy, accounted for": no subject
        if _ACCOUNTED_GAP_RE.fullmatch(text, name_end(text, start), money.start) is None:
            continue
        return _with_list_before(text, classified, k)
    return None


def compared_with_part(text: str, prev: TradeFact, money: Money) -> bool:
    """Is ``money`` the figure a part "of the total" is compared with ("accounted for $30
    billion of the total, down from $36 billion")?"""
    m = OF_TOTAL_RE.match(text, prev.char_end, money.start)
    return m is not None and CHAIN_GAP_RE.fullmatch(text, m.end(), money.start) is not None


def with_buyers_cited(text: str, e: int, money: Money, classified: list[tuple[str, int, bool]],
                       partners: tuple[str, ...], flow: str) -> tuple[str, ...]:
    """Rule 25: economies whose demand a causal clause after the amount's clause names as
    the cause of the change are partners ("rose to $2 billion, as strong demand from China
    and India lifted prices")."""
    brk = CLAUSE_BREAK_RE.search(text, money.end, e)
    cause = _DEMAND_FROM_RE.match(text, brk.start()) if brk is not None else None
    if cause is None and brk is not None:
        # "rose to $29.1 billion, beating forecasts, as shipments to ...": a short
        # participle aside comes between the amount and its causal clause.
        aside = _ASIDE_RE.match(text, brk.start())
        cause = _DEMAND_FROM_RE.match(text, aside.end() - 1) if aside is not None else None
    if cause is None:
        return _channel_cause(text, e, money, brk, classified, partners, flow)
    buyers: list[str] = []
    pos = cause.end()
    for code, st, _cp in classified:
        if st < pos:
            continue
        if not LIST_JOIN_RE.match(text[pos:st]):
            break
        buyers.append(code)
        pos = name_end(text, st)
    if text.startswith(", ", pos):
        # "as shipments to the United States, its biggest market, jumped": the appositive
        # names the same economy; the change verb follows it.
        appositive = _ITS_ROLE_RE.match(text, pos)
        pos = appositive.end() if appositive is not None else pos
    if cause.group("flow") and (flow not in GOODS_FLOWS or not _CHANGE_VERB_RE.match(text, pos)):
        # "as sales to the US offset ...": not named as what changed. A part of the same
        # flow that changed ("Total exports rose ..., as shipments to Singapore jumped")
        # is a cause; what it does to a balance is left to the balance's own clause.
        return partners
    return tuple(dedupe([*partners, *buyers]))


# "fell 31% to $5.2 billion, ..., as refiners snapped up discounted Russian barrels": a
# causal clause after the amount's clause whose trade channel (cargoes, tariffs, buyers)
# names economies.
_CAUSE_OPEN_RE = re.compile(r",\s+(?:as|amid)\s+")
# Not shipments to an economy: "as demand for chips offset weaker shipments to the United
# States" names what the change made up for, not its cause; buyers and importers are left to
# ``_DEMAND_FROM_RE`` ("as demand recovered and buyers in China returned" adds none).
_CAUSE_CHANNEL_RE = re.compile(r"\b(?:cargoes|barrels|tariffs?|duties|sanctions|refiners|"
                               r"crushers|manufacturers)\b")
_CHANGED_RE = re.compile(r"\b(?:rose|jumped|surged|soared|climbed|increased|grew|rebounded|"
                         r"recovered|fell|dropped|slumped|declined|plunged|slid|decreased|"
                         r"shrank|narrowed|widened)\b")


def _channel_cause(text: str, e: int, money: Money, brk: re.Match[str] | None,
                   classified: list[tuple[str, int, bool]], partners: tuple[str, ...],
                   flow: str) -> tuple[str, ...]:
    """Rule 25 beyond demand: "Brazil's soybean exports climbed to $53.2 billion, as Chinese
    crushers shunned U.S. cargoes": the economies a causal clause right after the amount's
    clause names through a trade channel (cargoes, barrels, tariffs, buyers) are causes of
    the change, so partners, in order of mention after the figure's own."""
    if brk is None or flow not in GOODS_FLOWS or _CAUSE_OPEN_RE.match(text, brk.start()) is None:
        return partners
    end = CLAUSE_BREAK_RE.search(text, brk.end(), e)
    stop = end.start() if end is not None else e
    if _CAUSE_CHANNEL_RE.search(text, brk.end(), stop) is None or "offset" in text[
            brk.end() : stop] or _CHANGED_RE.search(
            text, max(0, money.start - 80), money.start) is None:
        return partners
    named = [c for c, st, _cp in classified if brk.end() <= st < stop]
    return tuple(dedupe([*partners, *named])) if named else partners


def with_roles_named(text: str, e: int, money: Money, classified: list[tuple[str, int, bool]],
                      partners: tuple[str, ...]) -> tuple[str, ...]:
    """"Energy exports reached $1.1 billion, with Chile and Brazil the main buyers of
    Argentine gas": economies an absolute clause right after the amount names as its
    buyers, markets or suppliers are its counterparts, in order of mention (rules 20-21)."""
    k = text.find(", with ", money.end, e)
    if k < 0:
        return partners
    gap = text[money.end : k]
    if gap.count(" ") > 4:
        # "... were worth 32.4 trillion naira ($21.6 billion) in the first half, the
        # statistics bureau said, with India, Spain and the Netherlands the biggest buyers":
        # a conversion and the attribution are no words between the amount and its clause.
        said = _SAID_TAIL_RE.search(gap) or _ACCORDING_TAIL_RE.search(gap)
        gap = _BRACKETS_RE.sub("", gap[: said.start()] if said else gap)
        # "earned $19 billion from gas exports in the first nine months of the year,
        # Sonatrach said, with Italy and Spain the biggest buyers": the amount's own phrase
        # (no comma, no other amount) then the attribution.
        if gap.count(" ") > (14 if said and "," not in gap and "$" not in gap else 4):
            return partners
    names: list[tuple[str, int]] = []
    pos = k + 7
    for code, st, _cp in classified:
        if st < pos:
            continue
        if not LIST_JOIN_RE.match(text[pos:st]):
            break
        names.append((code, st))
        pos = name_end(text, st)
    if names and text.startswith(" ", pos) and (group := _GROUP_NOUN_RE.match(text, pos)):
        pos = group.end()
    role = _ROLE_NOUN_RE.match(text, pos) if names else None
    if role is None or _ROLE_AMOUNT_RE.match(text, role.end()):
        # "Imports climbed to $11.7 billion, with China the biggest supplier at $2.6
        # billion": the role belongs to the clause's own amount, not to the total.
        return partners
    codes = [c for c, _ in names]
    # The owner named in the role's own phrase ("buyers of Argentine gas") keeps its place.
    owner = [c for c, st, _cp in classified if st == role.end() and c not in codes]
    if owner:
        return tuple(dedupe([*codes, *owner, *partners]))
    return tuple(dedupe([*partners, *codes]))


def list_item(text: str, money: Money, classified: list[tuple[str, int, bool]],
               prev: TradeFact) -> tuple[str, ...] | None:
    """"Germany remained the top market for Turkish goods, taking $1.9 billion worth,
    followed by the United Kingdom with $1.3 billion and Iraq with $1.2 billion": an
    economy labelling the amount in a list after a figure is that figure's counterpart
    again; the owner of the figure before (its partner that is no counterpart here) owns
    this one (rules 20-21)."""
    gap = money.start - (6 if text.startswith(" with ", money.start - 6) else 4)
    item = next(((c, st) for c, st, _cp in classified if name_end(text, st) == gap), None)
    if item is None or not _LIST_ITEM_RE.search(text, max(0, item[1] - 20), item[1]):
        return None
    cps = {c for c, _st, cp in classified if cp}
    owner = next((c for c in prev.partners if c not in cps and c != item[0]), None)
    return (owner, item[0]) if owner is not None else None


def names_weapon_model(text: str, s: int, e: int) -> bool:
    """Does the sentence name a model ("180 K2s", "the KF-21") that the text just before
    called a weapon ("K2 battle tanks", rule 8)?"""
    models = {m.group("m") for m in _MODEL_TOKEN_RE.finditer(text, s, e)}
    if not models:
        return False
    return any(m.group("m") in models for m in _WEAPON_MODEL_RE.finditer(
        text, max(0, s - ARMS_LOOKBACK), s))


def is_sales_to(text: str, s: int, money: Money) -> bool:
    return _SALES_TO_RE.search(text[s : money.start]) is not None


def has_state_party(text: str, s: int, e: int, mentions: list[tuple[str, int]],
                     state: DocState) -> bool:
    """A deal is trade only with a state as a party (rule 6): an economy named other than
    as a firm's home ("Japan Airlines", "the US giant", "Spanish carrier")."""
    if not mentions:
        return bool(state.subject or state.partners)
    for _code, start in mentions:
        m = _WORD_RUN_RE.match(text[start:e])
        end = start + (m.end() if m else 0)
        if _AIR_BEFORE_RE.search(text[max(s, start - 5) : start]):
            continue
        if _IN_BEFORE_RE.search(text, max(s, start - 8), start):
            continue  # "sold $72 billion worth of iPhones in China": a market, not a party
        if _COMPANY_AFTER_RE.match(text, end, e) and not POSSESSIVE_RE.match(text, end, e):
            continue
        return True
    # Only firms' homes are named: a party the text calls a government or a state firm
    # ("The government has agreed to buy 25 Boeing aircraft for state carrier Biman
    # Bangladesh Airlines") is a state (rule 6).
    return _STATE_PARTY_RE.search(text, s, e) is not None
