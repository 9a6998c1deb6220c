"""The scan: reads a document sentence by sentence, finds the amounts, and asks the flow,
partner and attribute stages about each; it alone decides which amounts become facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from newsfacts.model import DocContext, TradeFact
from newsfacts.numbers import NOT_APPROX_HEDGES, Money, find_money, may_yield_money
from newsfacts.trade.attributes import (
    approx_before,
    chained_per,
    converted_currency,
    per_of,
    resolve,
    same_in_body,
    sentence_currencies,
)
from newsfacts.trade.common import (
    ARMS_LOOKBACK,
    CHAIN_GAP_RE,
    CLAUSE_BREAK_RE,
    CONTINUATION_RE,
    GOODS_FLOWS,
    LIST_JOIN_RE,
    MAX_SPAN,
    NEG,
    OF_TOTAL_RE,
    UNION_NAME_RE,
    UNIONS,
    WEAK_NEGATIVES,
    Cue,
    DocState,
    dedupe,
    holds_any,
    name_end,
)
from newsfacts.trade.flow import (
    after_window,
    bought_by_counterparts,
    compared_with_part,
    deal_verb,
    elliptic_clause,
    find_cues,
    flow_of,
    gapped_clause,
    has_state_party,
    is_conversion,
    is_sales_to,
    is_unit_price,
    list_item,
    names_weapon_model,
    paid_for_goods_from,
    paragraph_total,
    part_holder,
    sellers_of,
    share_of_figure,
    skip_conversion,
    spent_on_foreign_goods,
    supplier_shipments,
    taker_of,
    with_buyers_cited,
    with_roles_named,
)
from newsfacts.trade.partners import (
    bilateral_pair,
    by_mention,
    classify_mentions,
    headline_economy,
    leaving_with_balance,
    may_name_kind,
    outside_relative_clauses,
    owner_of,
    partners_of,
    reporting_economy,
    sentence_mentions,
)

# An amount that prices a facility it modifies ("the $20 billion Dangote refinery", "a $1.3
# billion port") is a cost or an investment, whatever flow word the sentence has (rule 11).
_FACILITY_AFTER_RE = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'-]*){0,3}\s+(?:refiner(?:y|ies)|smelters?|plants?|factor(?:y|ies)|"
    r"(?:mega)?ports?|terminals?|pipelines?|mines?|dams?|bridges?|railways?|airports?|"
    r"complex|facilit(?:y|ies)|stadiums?)\b",
    re.IGNORECASE,
)
# What any amount needs: a digit, a currency sign or a plural scale word ("billions of
# dollars"), in one scan of the folded text (folding leaves digits and signs as they are).
_AMOUNT_FOLDED_RE = re.compile(
    r"[\d$£€¥]|\b(?:billions?|millions?|trillions?|hundreds|thousands)\b"
)
# Its two halves for ``_AmountScreen``: the class alone, and a substring of each word.
_AMOUNT_SIGN_RE = re.compile(r"[\d$£€¥]")
_SCALE_STEMS = ("illion", "hundreds", "thousands")
_POLICY_WORD_RE = re.compile(r"tariff|dut(?:y|ies)|levies|sanctions|curbs|quotas")
_CAUSE_BREAK_RE = re.compile(r",\s+(?:with|as|after|amid|because|due\s+to)\s")
_POLICY_AFTER_RE = re.compile(r"\s+(?:tariffs?|duties|duty|levies|sanctions|curbs|quotas)\b")
_DEAL_OPENING_RE = re.compile(r"\s*(?:The|This|That)\s+(?:arms\s+|weapons\s+|proposed\s+)?"
                              r"(?:package|deal|sale|contract|agreement|order)\s+"
                              r"(?:includes|included|covers|covered|comprises|would\s+include)\b")
_AWARD_RE = re.compile(r"\b(?:award(?:s|ed|ing)?)\b", re.IGNORECASE)
_VERB_UP_RE = re.compile(r"\b(?:edged|edges|inched|inches|crept|creeps|ticked|ticks|moved|"
                         r"moves|went|goes|shot|picked|ratcheted|stepped|bumped|pushed|"
                         r"revised|rounded|climbed|jumped|rose|rises|crawled)\s+$", re.IGNORECASE)
# An amount spent to build a facility is an investment, not trade (rule 7); a deal "to build
# submarines for Brazil" names no facility.
_TO_BUILD_AFTER_RE = re.compile(
    r"\s+to\s+(?:build|construct|set\s+up|open|expand)\s+(?:an?\s+|the\s+|its\s+|their\s+|new\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:refiner|smelter|plant|factor|gigafactor|terminal|mine\b|mines|"
    r"complex|facilit|assembly\s+line|production\s+line)")
# What a tax on trade raises is revenue (rule 11: taxes, not trade): before the amount ("a
# levy on tea exports raised"), or after it ("collects £1billion a year in duty on whisky",
# "$2 billion in tariffs on Chinese goods").
_TAX_WORDS = r"levy|levies|tax|taxes|duty|duties|tariffs?"
_LEVY_RAISED_RE = re.compile(rf"\b(?:{_TAX_WORDS}|cess)\s+on\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:exports?|imports?|shipments|sales)\s+"
                             r"(?:has\s+|have\s+|had\s+)?(?:raised|collected)\s+$")
_IN_TAX_AFTER_RE = re.compile(r"\s+(?:(?:a|per|each)\s+year\s+|annually\s+)?in\s+(?:excise\s+|"
                              rf"import\s+|export\s+|customs\s+)?(?:{_TAX_WORDS})\b")
# "Energy purchases, much of it diesel from Spain, cost 122 billion dirhams", "oil imports
# cost the country $N": what imports cost is their value.
_IMPORTS_COST_RE = re.compile(r"\b(?:imports|purchases)(?:,[^.;,]{1,80},|\s+of\s+[\w\s-]{1,40}?)?"
                              r"\s+(?:cost|have\s+cost|had\s+cost)\s+(?:the\s+(?:country|nation|"
                              r"kingdom)\s+|it\s+)?$")
_OF_THAT_OPENING_RE = re.compile(r"Of\s+(?:that|this|the|which)(?:\s+(?:total|figure|amount|sum))?,"
                                 r"\s+(?:[\w-]+\s+){0,2}$")
_PART_OF_AFTER_RE = re.compile(r"\s+of\s+(?:(?:those|these|the|its|their)\s+(?:total|sales|"
                               r"shipments|exports|imports|purchases|earnings)|that|this|it|them)\b")
_PERIOD_AFTER_RE = re.compile(r"\s+(?:over|in|during|for)\s+the\s+(?:period|year|quarter|month|"
                              r"(?:first|last)\s+(?:half|quarter|[\w-]+\s+months))\b")
_UP_TO_RE = re.compile(r"up\s+to\s+", re.IGNORECASE)
_EXTRA_RE = re.compile(r"(?:an\s+additional|an\s+extra|additional)\s+", re.IGNORECASE)
# Money spent on a state's own mission, forces or programme is spending at home, whatever
# it buys (guidelines: budgets and spending at home are not trade; rule 8: not domestic
# procurement). Read after the verb "spend" right before the amount.
_SPENT_AT_HOME_RE = re.compile(
    r"(?:\s+(?:over|in|during|across)\s+(?:the\s+)?(?:next\s+)?[\w-]+\s+(?:years?|months?))?"
    r"\s+on\s+(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,3}?(?:mission|deployment|"
    r"operations?|military|army|armed\s+forces|forces|troops|defen[cs]e|bases?|brigade|"
    r"programme|program|project|modernization|modernisation)\b"
    r"(?!\s+(?:imports?|exports?|purchases?|equipment|hardware|systems|goods|deals?|"
    r"contracts?|sales|orders?)\b)", re.IGNORECASE)
# What a sum adds to an economy is output, not trade (rule 11): "would add 1.6 billion
# pounds a year to the British economy".
_TO_ECONOMY_RE = re.compile(r"(?:\s+(?:a|per|each|every)\s+(?:year|month|quarter)|\s+annually)?"
                            r"\s+to\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:economy|economies|GDP|gross\s+domestic\s+product|output)\b")
_CONTRAST_ASIDE_RE = re.compile(r"\b(?:[Bb]y|[Ii]n)\s+contrast\b")
_RIVAL_OPENING_RE = re.compile(r"\s*(?:In\s+)?(?:[Nn]eighbou?ring|[Rr]ival)\s+(?-i:[A-Z])")
_SALES_ABROAD_RE = re.compile(r"(?:overseas|foreign)\s+sales|sales\s+(?:abroad|overseas)",
                              re.IGNORECASE)
_OWNER_BEFORE_RE = re.compile(r"(?-i:[A-Z])[\w.&-]*(?:\s(?-i:[A-Z])[\w.&-]*){0,3}['’]s\s+"
                              r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_TARGET_BEFORE_RE = re.compile(r"\b(?:set|agreed|adopted|announced|have|has|with)\s+(?:a|an|the|"
                               r"their|its|a\s+new)\s+(?:[\w-]+\s+)?target\s+of\s+"
                               r"(?:about\s+|around\s+|some\s+)?$")
_AMOUNT_JOIN_RE = re.compile(r"\s*(?:,|,?\s+and)\s+")
# "$1.3 billion of Thai fruit crossed Laos by rail to China": an economy's goods carried
# through another one are its exports (rule 25: the transit economy is no partner).
_TRANSIT_GOODS_RE = re.compile(
    r"\s+(?:worth\s+)?of\s+(?P<owner>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?)\s+(?:[a-z][\w-]*,?\s+){1,4}?"
    r"(?:(?:was|were)\s+)?(?:crossed|passed\s+through|transited|moved\s+through|travell?ed\s+through|"
    r"went\s+through|(?:shipped|trucked|railed|routed|carried)\s+(?:through|via|across))\s+"
    r"[^.;]{1,60}?\bto\s+(?:the\s+)?(?P<dest>(?-i:[A-Z]))")
_BUYERS_BOUGHT_RE = re.compile(
    # "Chinese and Taiwanese importers bought a combined ...", "Japanese utilities, the
    # biggest buyers, took cargoes worth ...": a list of buyers and a role aside.
    r"(?:(?P<buyer0>(?-i:[A-Z])[\w.'’-]*)\s+and\s+)?"
    r"(?P<buyer>(?-i:[A-Z])[\w.'’-]*)\s+(?:importers|buyers|consumers|customers|refiners|"
    r"utilities)(?:,\s+the\s+(?:[\w-]+\s+)?(?:buyers|customers),)?\s+"
    r"(?:bought|purchased|took|snapped\s+up)\s+(?:[a-z][\w-]*\s+){0,4}?(?:worth\s+)?$")
# "Buyers in Pakistan, which takes a third of Kenyan tea, paid 51.8 billion shillings" from
# Nairobi: what buyers in another economy paid is the story economy's exports.
_BUYERS_IN_PAID_RE = re.compile(
    r"\b(?:[Bb]uyers|[Ii]mporters|[Cc]ustomers|[Cc]onsumers)\s+in\s+(?:the\s+)?"
    r"(?P<buyer>(?-i:[A-Z])[\w.'’-]*)(?:\s+(?-i:[A-Z])[\w.'’-]*)*(?:,[^,;()]{1,90},)?\s+paid\s+$")
_BUYING_STORY_GOODS_RE = re.compile(
    r"\b(?:buying|bought|buys|purchased|purchasing|took|taking)\s+(?P<seller>(?-i:[A-Z])[\w'’-]*)"
    r"\s+(?:[a-z][\w-]*\s+){1,3}worth\s+$")
_OF_STORY_GOODS_RE = re.compile(r"\s+(?:worth\s+)?of\s+(?P<seller>(?-i:[A-Z])[\w'’-]*)\s+"
                                r"(?-i:[a-z])")
_SUPPLIED_WORTH_RE = re.compile(r"\bsupplied\s+(?:[\w-]+,?\s+){1,6}?worth\s+$")
_TO_ECONOMY_AFTER_RE = re.compile(r"(?:\s+\([^()]{0,40}\))?\s+to\s+(?:the\s+)?(?-i:[A-Z])")
_RESPECTIVELY_RE = re.compile(r",?\s+respectively\b")


def extract_trade(doc: DocContext) -> list[TradeFact]:
    """Every trade figure of a document, in text order.

    The body is read first so that a headline figure restated in the body can take the
    body's flow and currency (rule 28: both are recorded, each as written)."""
    text = doc.text
    if not doc.sentences or not _may_hold_amount(doc, 0, len(text)):
        return []
    may_hold = _AmountScreen(doc.folded)
    # A union name is read per sentence only in a document that writes one at all.
    state = DocState(text=text, unions=UNION_NAME_RE.search(text) is not None,
                 kinds=may_name_kind(text))
    state.reporting, state.reporting_at, state.dateline_end = reporting_economy(doc)
    state.story = state.reporting or headline_economy(doc)  # partners.story_economy, once
    title = 0 if doc.has_title else None
    body_start = 0
    if title is not None:
        title_mentions = sentence_mentions(doc, 0, state.unions, state.kinds)
        state.subject = state.partners = tuple(dedupe(c for c, _ in title_mentions))
        body_start = 1
    # Sentences without amounts only pass their economies on to the next figures (rule
    # 20); most sentences hold none, so their mentions are read only when a later
    # sentence has figures, and only back to the last one that names a subject.
    pending: list[int] = []
    for no in range(body_start, len(doc.sentences)):
        sent = doc.sentences[no]
        if sent.end - sent.start <= MAX_SPAN:
            amounts = _amounts(doc, sent.start, sent.end, screened=True) if may_hold(
                sent.start, sent.end) else []
            if not amounts:
                pending.append(no)
                continue
            _carry_pending(doc, pending, state)
            _scan_sentence(doc, no, state, amounts=amounts)
            continue
        _carry_pending(doc, pending, state)
        # A "sentence" longer than any real one (a table, a run-on flood) is read in
        # pieces cut at whitespace, so the work per amount stays bounded (linear time).
        lo = sent.start
        whole = sentence_mentions(doc, no, state.unions, state.kinds)
        while lo < sent.end:
            hi = min(sent.end, lo + MAX_SPAN)
            if hi < sent.end:
                cut = text.rfind(" ", lo + MAX_SPAN // 2, hi)
                hi = cut if cut > lo else hi
            _scan_sentence(doc, no, state, span=(lo, hi),
                           mentions=[m for m in whole if lo <= m[1] < hi])
            lo = hi
    if state.rejected:
        _carry_pending(doc, pending, state)  # a rescued figure's currency reads the subject
    facts = _rescued(state)
    if title is not None:
        head = DocState(text=text, reporting=state.reporting, story=state.story,
                        topics=state.topics, unions=state.unions, kinds=state.kinds)
        if not title_mentions:
            head.subject = head.partners = facts[0].partners if facts else ()
        _scan_sentence(doc, 0, head, body=facts, mentions=title_mentions)
        facts = head.facts + facts
    return [f for f in facts if 0 < f.amount < float("inf")]


def _scan_sentence(doc: DocContext, no: int, state: DocState,
                   body: Sequence[TradeFact] | None = None,
                   span: tuple[int, int] | None = None,
                   mentions: list[tuple[str, int]] | None = None,
                   amounts: list[Money] | None = None) -> None:
    text = doc.text
    sent = doc.sentences[no]
    s, e = span if span is not None else (sent.start, sent.end)
    if mentions is None:
        mentions = sentence_mentions(doc, no, state.unions, state.kinds)
    if state.reporting_at == sent.start and mentions and mentions[0][1] < state.dateline_end:
        # "TAIPEI, Taiwan (AP) - The U.S. ... approved the sale of $2 billion of weapons to
        # Taiwan": the dateline's country is where the story is filed, not the first side
        # named; kept only when the sentence does not name it again.
        first = mentions[0][0]
        if any(c == first and st >= state.dateline_end for c, st in mentions):
            mentions = [(c, st) for c, st in mentions if st >= state.dateline_end]
    if amounts is None:
        amounts = _amounts(doc, s, e)
    if not amounts:
        _carry_mentions(text, s, mentions, state)
        return
    # Which economies are counterparts depends on the sentence only: read once, not per
    # amount.
    classified = classify_mentions(text, s, mentions)
    if text.find(", wh", s, e) >= 0:
        classified = outside_relative_clauses(text, classified, amounts)
    if classified and text.find("sanctions", s, e) >= 0:
        classified = _outside_sanctions_clause(text, s, e, classified, amounts)
    cues = find_cues(text, s, e, doc.folded)
    folded = doc.folded
    if folded.find("sales", s, e) >= 0 and (folded.find("abroad", s, e) >= 0 or folded.find(
            "overseas", s, e) >= 0 or folded.find("foreign", s, e) >= 0):
        cues = _firm_sales_abroad(text, s, cues, mentions)
    arms_here = any(c.flow == "arms" for c in cues)
    currencies = sentence_currencies(amounts, state)
    emitted: list[TradeFact] = []
    prev_money: Money | None = None
    prev_fact: TradeFact | None = None
    model_arms: bool | None = None  # names_weapon_model, read once when needed
    sold_at = -1  # the amount the story economy's goods were bought for (_story_goods_bought)
    for i, money in enumerate(amounts):
        if money.hedge is not None:
            money = _unhedged(text, s, money)
        currency = currencies[i]
        conversion = prev_money is not None and is_conversion(text, prev_money, money)
        prev_money = money
        if currency is None:
            prev_fact = None
            continue
        if conversion and prev_fact is not None:
            fact = TradeFact(no, money.start, money.end, money.value, money.high,
                             converted_currency(currency, prev_fact, state),
                             money.approx or prev_fact.is_approximate, prev_fact.per,
                             prev_fact.flow, prev_fact.partners)
            emitted.append(fact)
            prev_fact = fact
            continue
        if conversion and currencies[i - 1] is not None:
            # The amount before had a currency but gave no fact (``prev_fact`` is None):
            # the conversion of an amount that is no trade figure is none (rule 18).
            continue
        prev_fact = None
        if is_unit_price(text, money, e):
            continue
        flow = flow_of(text, s, e, money, cues, amounts, state)
        if flow in (None, NEG) and text.find(" of ", money.end, money.end + 40) >= 0 and \
                _tariffed_goods(text, s, money, skip_conversion(text, money, amounts)):
            flow = "imports"
        if emitted and flow in ("exports", "imports", "surplus", "deficit", "trade") and \
                text.find("respectively", money.end, e) >= 0:
            flow = _respective_flow(text, i, amounts, emitted, flow)
        if body is not None:
            same = same_in_body(money, currency, body, state)
            if same is not None:
                partners = partners_of(text, s, e, money, classified, amounts, state,
                                        same.flow, cues) or same.partners
                if same.flow == "trade" and len(partners) == 1:
                    partners = bilateral_pair(text, s, money, partners, state)
                approx = money.approx or approx_before(text, s, money, doc.folded)
                fact = TradeFact(no, money.start, money.end, money.value, money.high,
                                 same.currency, approx,
                                 per_of(text, s, e, money, amounts, doc.folded), same.flow,
                                 partners)
                emitted.append(fact)
                prev_fact = fact
                continue
        part_of = None
        if i == 0 and flow in (None, NEG) and state.facts and \
                state.facts[-1].sentence_no >= no - 1 and text.startswith("Of ", s) and \
                _OF_THAT_OPENING_RE.match(text, s, money.start):
            # "Of that total, about 1.1 trillion rupees was invoiced in ...": a part of the
            # figure before, with its flow and (naming no economy) its partners (rule 20).
            part_of = state.facts[-1]
            flow = part_of.flow
        if flow is None and not cues and _continues(state, no, text, s, money):
            flow = state.facts[-1].flow
        elif flow is None and not cues and text.find("target", max(s, money.start - 60),
                                                      money.start) >= 0 and (
                _TARGET_BEFORE_RE.search(text, max(s, money.start - 60), money.start)
                and _continues(state, no)):
            # "Trade with China reached $24.9 billion. The two governments have set a target
            # of $35 billion a year by 2030.": a target with no flow word of its own is one
            # for the figure just before (rule 4).
            flow = state.facts[-1].flow
        elif flow is None and not cues and state.facts and OF_TOTAL_RE.match(text, money.end):
            flow = paragraph_total(state, s)  # "Servers accounted for $32.3 billion of the total"
        elif flow is None and not cues and emitted and compared_with_part(text, emitted[-1],
                                                                            money):
            flow = emitted[-1].flow  # "... of the total, down from $35.9 billion" (rule 26)
        taker = None
        if state.facts and state.facts[-1].flow == "exports" and (
                flow in (None, "imports", NEG) or (flow == "exports" and holds_any(
                    text, (" took ", " bought "), s, money.start))):
            # "Britain took another $1.2 billion." after the owner's exports to other buyers;
            # "China, which buys most of Brazil's soy, took $40.1 billion worth" (the verb
            # right before the amount, not a cue in the clause between, governs it).
            taker = taker_of(text, money, classified, strict=bool(cues))
            if taker is not None and next(iter(state.facts[-1].partners), None) in taker:
                taker = None  # "Kenya bought machinery worth $N" after Kenya's own exports
            if taker is not None:
                flow = "exports"  # the takers are the buyers: counterparts, not the subject
                classified = _as_counterparts(classified, taker)
        if taker is None and flow in (None, NEG, "imports", "exports") and state.facts and \
                state.facts[-1].flow in GOODS_FLOWS and text.find(
                    "accounted for", max(s, money.start - 20), money.start) >= 0 and \
                _PART_OF_AFTER_RE.match(text, money.end) is not None:
            # "China, which buys most of its lithium, accounted for $3.3 billion of those
            # sales": the economy holding a part of the figure before is its counterpart.
            taker = part_holder(text, money, classified)
            if taker is not None:
                flow = state.facts[-1].flow
                classified = _as_counterparts(classified, taker)
        if flow == "exports" and text.find("suppl", s, money.start) >= 0 and supplier_shipments(
                text, s, money, cues):
            # "Russia remained the biggest supplier, with shipments worth $52.6 billion" in a
            # story about China's imports: the supplier's shipments are the buyer's imports
            # (rule 13); the supplier stays a counterpart.
            flow = "imports"
        transit = None
        if flow in (None, "trade", NEG) and text.find(" of ", money.end, money.end + 12) >= 0 \
                and (transit := _TRANSIT_GOODS_RE.match(text, money.end, e)) is not None:
            flow = "exports"
        supplier = None
        if flow == "exports" and text.find("supplied", s, money.start) >= 0 and (
                m_sup := _SUPPLIED_WORTH_RE.search(text, max(s, money.start - 80), money.start)):
            # "Russia, the main source of fuel, supplied petrol and diesel worth $1.4 billion"
            # in a story filed from the buyer: the supplier's sales are the story economy's
            # imports (rule 13).
            story = state.story
            sellers = [c for c, st, _cp in classified if st < m_sup.start()]
            if story is not None and sellers and story not in sellers and not \
                    _TO_ECONOMY_AFTER_RE.match(text, money.end):
                flow, supplier = "imports", (sellers[-1], story)
        if flow == "exports" and supplier is None and state.reporting is not None and \
                holds_any(text, _SELLING_WORDS, s, money.start):
            to_story = _sold_to_story(text, no, money, classified, state)
            if to_story is not None:
                flow, supplier = "imports", to_story
                classified = _as_counterparts(classified, to_story[0])
        if (flow in (None, "imports", "exports") or (
                flow == NEG and text.find("paid", s, money.start) >= 0)) and \
                holds_any(text, _BUYING_WORDS, s, money.start):
            sold = _story_goods_bought(text, s, money, classified, state.story,
                                       state.reporting)
            if sold is None and emitted and emitted[-1].char_start == sold_at and \
                    CHAIN_GAP_RE.fullmatch(text, _after_period(text, emitted[-1].char_end),
                                           money.start):
                prev = emitted[-1].partners  # "up from $N": the same buyer and seller
                sold = (next((c for c in prev if c != state.story), prev[0]), state.story) \
                    if state.story in prev else (prev[0], prev[-1])
            if sold is not None:
                flow, supplier, sold_at = "exports", sold, money.start
                # The buyer is a counterpart: it does not become the subject (rule 20).
                buyers = sold[0] if isinstance(sold[0], tuple) else (sold[0],)
                classified = _as_counterparts(classified, buyers)
        if flow in (None, "exports", NEG) and (paid := paid_for_goods_from(
                text, s, money, classified, state.subject)) is not None:
            flow = paid  # "India spent $25.6 billion on crude from the kingdom"
        if flow == NEG and text.find("cost", max(s, money.start - 40), money.start) >= 0 and \
                _IMPORTS_COST_RE.search(text, s, money.start):
            flow = "imports"  # "Energy purchases, mostly diesel from Spain, cost $N" (rule 5)
        if flow == NEG and text.find("spending", max(s, money.start - 40), money.start) >= 0 \
                and spent_on_foreign_goods(text, s, money, cues, classified):
            flow = "imports"
        elliptic = -1
        gapped = None
        if emitted and flow is None and not cues and len(emitted[-1].partners) == 2 and (
                gapped := gapped_clause(text, emitted[-1], money, classified)) is not None:
            flow = emitted[-1].flow
        if emitted and (flow is None or flow == NEG):
            elliptic = elliptic_clause(text, money, amounts, cues)
            if elliptic >= 0 or (
                flow == NEG and share_of_figure(text, emitted[-1], money, cues)
            ):
                flow = emitted[-1].flow
        if flow == NEG and _weak_negative(text, money, cues):
            state.rejected.append((no, money, currency))
        if flow == "sale":
            flow = "arms" if arms_here or _ARMS_DOC_RE.search(
                text, max(0, s - ARMS_LOOKBACK), e) else None
        if flow is None or flow == NEG:
            continue
        if text.find(" to ", money.end, min(e, money.end + 60)) >= 0 and _TO_ECONOMY_RE.match(
                text, skip_conversion(text, money, amounts), e):
            continue  # "add 1.6 billion pounds a year to the British economy" (GDP, rule 11)
        if text.find("spen", max(s, money.start - 16), money.start) >= 0 and \
                _SPENT_AT_HOME_RE.match(text, skip_conversion(text, money, amounts), e):
            continue  # "will spend C$2.6 billion over 10 years on the mission, including tanks"
        if _FACILITY_AFTER_RE.match(text, money.end, e):
            continue  # "The $20 billion Dangote refinery ... cut the fuel import bill": a cost
        if text.startswith(" to ", money.end) and _TO_BUILD_AFTER_RE.match(text, money.end, e):
            continue  # "pledged $6 billion to build factories near Tangier": investment (rule 7)
        if (text.find("raised", max(s, money.start - 12), money.start) >= 0 or text.find(
                "collected", max(s, money.start - 14), money.start) >= 0) and \
                _LEVY_RAISED_RE.search(text, max(s, money.start - 90), money.start):
            continue  # "a levy on tea exports raised 1.9 billion shillings": a tax (rule 11)
        if text.find(" in ", money.end, money.end + 24) >= 0 and _IN_TAX_AFTER_RE.match(
                text, money.end, e):
            continue  # "collects around £1billion a year in duty on whisky": a tax (rule 11)
        if flow != "trade" and (
            arms_here or (flow == "exports" and is_sales_to(text, s, money)
                          and _ARMS_DOC_RE.search(text, max(0, s - ARMS_LOOKBACK), e))
        ):
            flow = "arms"
        elif flow in GOODS_FLOWS and (
            model_arms if model_arms is not None else
            (model_arms := names_weapon_model(text, s, e))
        ):
            flow = "arms"  # "Warsaw bought its first 180 K2s" after "K2 battle tanks"
        partners = partners_of(text, s, e, money, classified, amounts, state, flow, cues)
        if flow == "trade" and len(partners) == 1:
            partners = bilateral_pair(text, s, money, partners, state)
        if emitted and text.endswith((" with ", " at "), s, money.start):
            partners = list_item(text, money, classified, emitted[-1]) or partners
        rest = text[money.end : e]
        if ", with " in rest and (flow in GOODS_FLOWS or flow == "arms"):
            partners = with_roles_named(text, e, money, classified, partners)
        if "demand" in rest or (flow in GOODS_FLOWS and (", as " in rest or ", after " in rest)):
            partners = with_buyers_cited(text, e, money, classified, partners, flow)
        if elliptic >= 0 and emitted[-1].partners:
            # The owner of the figure the clause continues, then the clause's economies.
            own = [c for c, st, _cp in classified if elliptic <= st < money.start]
            partners = tuple(dedupe([owner_of(state, emitted[-1]), *own]))
        if part_of is not None and not classified:
            partners = part_of.partners
        if gapped is not None:
            # The owner of the figure before, then the clause's own economy.
            own = owner_of(state, emitted[-1])
            partners = (own, gapped) if own is not None and own != gapped else (gapped,)
        if flow == "imports" and partners and bought_by_counterparts(
            text, money, cues, classified, partners[0]
        ):
            flow = "exports"
        if taker is not None:
            owner = owner_of(state, state.facts[-1])
            partners = (owner, *taker) if owner is not None and owner not in taker else taker
        if supplier is not None:
            # The story's economy counts where it is named in the sentence, else first
            # (rule 21: the reporter carried over).
            first = supplier[0] if isinstance(supplier[0], tuple) else (supplier[0],)
            # "Buyers in Pakistan, which takes a third of Kenyan tea, paid ...": named after
            # the buyer, in the relative clause, it is second by order of mention too.
            at = next((st for c, st, _cp in classified if c in first), money.start)
            later = any(c == supplier[1] and st > min(at, money.start)
                        for c, st, _cp in classified)
            partners = (*first, supplier[1]) if later else (supplier[1], *first)
        if transit is not None:
            # The goods' economy sells them to the destination; no carried subject is a side.
            sides = [c for c, st, _cp in classified
                     if st in (transit.start("owner"), transit.start("dest"))]
            partners = tuple(dedupe(sides)) if sides else partners
            state.asides.add(no)  # a third economy's goods: not the story's figures
        named = by_mention(partners, classified, money.start, money.end, text, s)
        if named != partners:
            state.owners[money.start] = partners[0]
            partners = named
        if len(partners) > 1 and text.find("leaving", s, e) >= 0:
            partners = leaving_with_balance(text, s, e, money, classified, partners)
        if len(partners) > 1 and text.find("respectively", money.end, e) >= 0:
            partners = _respectively(text, i, amounts, classified, partners)
        if len(partners) > 1 and text.startswith(" with ", money.end):
            partners = _with_after(text, money, classified, partners)
        if flow in ("surplus", "deficit") and len(partners) == 1 and emitted and (
            emitted[-1].flow == "trade" and len(emitted[-1].partners) == 2
            and partners[0] in emitted[-1].partners
        ):
            # "Trade between China and Saudi Arabia totalled $107.5 billion, leaving Beijing
            # with a deficit of $34.5 billion": the balance of that pair, its owner first.
            partners = (partners[0], *(c for c in emitted[-1].partners if c != partners[0]))
        if (flow in ("agreement", "arms") or deal_verb(text, money, cues)) and not (
            has_state_party(text, s, e, mentions, state)
        ):
            continue
        if flow in ("agreement", "arms") and _AWARD_RE.search(text, s, money.start) and len(
            {c for c, _ in mentions}
        ) < 2:
            continue
        fact = TradeFact(
            sentence_no=no,
            char_start=money.start,
            char_end=money.end,
            amount=money.value,
            amount_high=money.high,
            currency=resolve(currency, partners, state),
            is_approximate=money.approx or approx_before(text, s, money, doc.folded),
            per=(per_of(text, s, e, money, amounts, doc.folded)
                 or chained_per(text, money, emitted)),
            flow=flow,
            partners=partners,
        )
        emitted.append(fact)
        prev_fact = fact
    state.facts.extend(emitted)
    if emitted:
        state.partners = emitted[-1].partners
        first = emitted[0].char_start
        subj = tuple(dedupe(c for c, st, cp in classified if not cp and st < first))
        # "China accounted for 15 per cent of India's total imports of $915 billion": an
        # economy that is a partner of none of the sentence's figures is not the subject
        # the next sentence ("The country's deficit ...") continues (rule 20).
        owned = {c for f in emitted for c in f.partners}
        if any(c in owned for c in subj):
            subj = tuple(c for c in subj if c in owned)
        if len(subj) > 1 and len(state.subject) == 1 and state.subject[0] in subj and not (
                _union_subject(text, s, first, subj)):
            # "The EU buys 80% of Norway's exports, and the bloc's imports of Norwegian gas
            # were ...": a sentence naming the story's economy with another one does not
            # hand the story to the other; "Mainland exports ..." next are still Norway's.
            # A union named once ("The Belgium-Luxembourg Economic Union (BLEU) had a
            # deficit" under "BELGIAN TRADE ...") is one subject: its members go on together.
            subj = state.subject
        elif len(state.subject) == 1 and subj and state.subject[0] not in subj and all(
                state.subject[0] in f.partners for f in emitted) and (
                state.subject[0] == state.story):
            # "Taiwan paid $310 million for Paraguayan beef", "Chinese customs data showed
            # imports ... from its northern neighbour rose to ...": the story's economy seen
            # from the other side of every figure is still what the next figures are about
            # ("Soybean exports, still the country's main earner, ..."): when it is the
            # economy of the dateline or headline (not a buyer that named the story before).
            subj = state.subject
        if subj and state.subject and subj != state.subject and _is_aside(text, s, e):
            # "U.S. soybean sales to China, by contrast, fell to $2.9 billion", "In
            # neighbouring Chile, ...": a rival's figures set against the story's do not
            # make the rival the subject the next sentence continues (rule 20).
            state.asides.add(no)
        elif subj:
            state.subject = subj
    else:
        _carry_mentions(text, s, mentions, state, classified)
    for i, money in enumerate(amounts):
        if currencies[i] is not None and not money.bare:
            state.currency = currencies[i]


# Verbs of selling and of buying before an amount: screens for the seller and buyer rules.
_SELLING_WORDS = ("sold", "shipped", "supplied", "exported")
_BUYING_WORDS = ("paid", "bought", "took", "buying", "purchased")


def _as_counterparts(classified: list[tuple[str, int, bool]], codes: Sequence[str]
                     ) -> list[tuple[str, int, bool]]:
    """``classified`` with ``codes`` marked as counterparts: the buyers, takers or holders a
    rule found are the other side of the figure and do not become its subject (rule 20)."""
    return [(c, st, cp or c in codes) for c, st, cp in classified]


def _story_goods_bought(text: str, s: int, money: Money, classified: list[tuple[str, int, bool]],
                        story: str | None, reporting: str | None = None
                        ) -> tuple[str | tuple[str, ...], str] | None:
    """(buyer, story economy) when a buyer takes the goods of the economy the story is filed
    from: "U.S. importers bought shrimp worth $1.4 billion" from Quito, "Kenya ..., buying
    Tanzanian goods worth $520 million" from Dar es Salaam: the story's exports (rule 13,
    the reporter's side); no other economy may be named as the seller."""
    lo = max(s, money.start - 90)
    m = _BUYERS_BOUGHT_RE.search(text, lo, money.start)
    if m is None and text.find("paid", lo, money.start) >= 0:
        m = _BUYERS_IN_PAID_RE.search(text, max(s, money.start - 140), money.start)
    m2 = _BUYING_STORY_GOODS_RE.search(text, lo, money.start) if m is None else None
    if m is None and m2 is None and reporting is not None and story == reporting and \
            text.startswith(" ", money.end) and (
                m3 := _OF_STORY_GOODS_RE.match(text, money.end)) is not None:
        # "the Netherlands, Germany and Belgium bought a combined $N of Canadian goods"
        # filed from Ottawa: the story's goods, named after the amount (a dateline only:
        # "Greece bought $N of German cotton" under a headline on Germany is Greece's
        # imports, rule 5).
        if next((c for c, st, _cp in classified if st == m3.start("seller")), None) != story:
            return None
        takers = taker_of(text, money, classified)
        return (takers, story) if takers and story not in takers else None
    if (m is None and m2 is None) or story is None:
        return None
    if m is not None:
        buyer = next((c for c, st, _cp in classified if st == m.start("buyer")), None)
        first_at = m.start("buyer0") if "buyer0" in m.re.groupindex else -1
        first = next((c for c, st, _cp in classified if st == first_at), None) \
            if first_at >= 0 else None
        # Up to 40 characters on, not into a contrasting clause ("..., while Chinese and
        # Taiwanese importers bought ...": other buyers, no seller).
        stop = CLAUSE_BREAK_RE.search(text, money.end, money.end + 40)
        stop_at = stop.start() if stop is not None else money.end + 40
        others = {c for c, st, _cp in classified
                  if m.start() <= st < stop_at} - {buyer, first, story}
        if buyer is not None and buyer != story and first != story and not others:
            return ((first, buyer), story) if first is not None else (buyer, story)
        return None
    m = m2
    if m is None:
        return None
    if next((c for c, st, _cp in classified if st == m.start("seller")), None) != story:
        return None
    buyer = next((c for c, st, _cp in reversed(classified) if st < m.start() and c != story),
                 None)
    return (buyer, story) if buyer is not None else None


def _after_period(text: str, end: int) -> int:
    """Past a period phrase right after an amount ("over the period", "in the quarter"), so
    that "paid $N over the period, down from $M" chains like "paid $N, down from $M"."""
    m = _PERIOD_AFTER_RE.match(text, end)
    return m.end() if m is not None else end


def _sold_to_story(text: str, no: int, money: Money, classified: list[tuple[str, int, bool]],
                   state: DocState) -> tuple[tuple[str, ...], str] | None:
    """(sellers, story economy) when economies other than the one the story is filed from
    are the subject of "shipped / sold / supplied / exported <amount>" and sell to it: rule
    13, in a country's trade report suppliers' exports to it are its imports. "Germany
    shipped $N of cars to Canada" from Ottawa names it after the amount; "Italy and France
    sold a combined $N" names no destination, and is the story's imports only right after
    an imports figure of the story economy (a further supplier of the same goods). Both
    only after a figure of the story economy's imports, balance or trade (its report)."""
    story = state.reporting
    last = state.facts[-1] if state.facts else None
    # Only in the story economy's own trade report: right after a figure of its imports (or
    # its balance or trade) with others. "NEW DELHI - ... Australia sold 428 mln dlrs' worth
    # of goods to India" opening a story on a business accord stays Australia's exports.
    if story is None or last is None or last.sentence_no < no - 2 or \
            story not in last.partners or last.flow not in ("imports", "deficit", "trade"):
        return None
    sellers = sellers_of(text, money, classified)
    if not sellers or story in sellers:
        return None
    after = [(c, st) for c, st, cp in classified if money.end <= st < money.end + 120 and cp]
    if after:
        return (sellers, story) if all(c == story for c, _st in after) else None
    if last.flow == "imports" and last.sentence_no >= no - 1 and not \
            _TO_ECONOMY_AFTER_RE.match(text, money.end):
        return sellers, story
    return None


_WITH_AFTER_RE = re.compile(r" with (?:the )?(?=[A-Z])")


def _with_after(text: str, money: Money, classified: list[tuple[str, int, bool]],
                partners: tuple[str, ...]) -> tuple[str, ...]:
    """"a surplus of 98.2 billion francs with France and 41.5 billion with Britain": an
    amount followed at once by "with <economy>" is the balance or trade with that economy;
    the counterpart named before it (the previous list item's) gives way. Only when the
    last partner was named before the amount and the one after is not among the partners."""
    m = _WITH_AFTER_RE.match(text, money.end)
    if m is None:
        return partners
    after = next((c for c, st, _cp in classified if st == m.end()), None)
    last_at = max((st for c, st, _cp in classified if c == partners[-1]), default=None)
    if after is None or after in partners or last_at is None or last_at > money.start:
        return partners
    return (*partners[:-1], after)


_COMPARED_RUN_RE = re.compile(r"(?:against|versus|vs\.?|compared\s+with|from)\s+$")


def _joined_run(text: str, amounts: list[Money], i: int) -> tuple[int, int]:
    """First and last index of the run of amounts joined by "and" / commas around
    ``amounts[i]`` ("$2.1 billion and $1.4 billion"). By index: the amount being read may
    have been unhedged into a new value that is not in ``amounts``."""
    lo = i
    while lo > 0 and _AMOUNT_JOIN_RE.fullmatch(text, amounts[lo - 1].end, amounts[lo].start):
        lo -= 1
    hi = i
    while hi + 1 < len(amounts) and _AMOUNT_JOIN_RE.fullmatch(text, amounts[hi].end,
                                                              amounts[hi + 1].start):
        hi += 1
    return lo, hi


def _respective_flow(text: str, i: int, amounts: list[Money], emitted: list[TradeFact],
                     flow: str) -> str:
    """"exports were 13.84 billion crowns and imports 13.43 billion, against 13.12 billion
    and 13.36 billion respectively": a run of amounts closed by "respectively" after
    "against" (or "from", "compared with") restates the figures just before it, the i-th
    amount taking the i-th flow of the run of the same length emitted before (rule 26);
    the nearest cue would give every amount of the run the last flow."""
    lo, hi = _joined_run(text, amounts, i)
    n = hi - lo + 1
    if n < 2 or not _RESPECTIVELY_RE.match(text, amounts[hi].end) or \
            not _COMPARED_RUN_RE.search(text, max(0, amounts[lo].start - 16), amounts[lo].start):
        return flow
    earlier = [f for f in emitted if f.char_end <= amounts[lo].start]
    flows = [f.flow for f in earlier[-n:]]
    if len(flows) < n or len(set(flows)) < 2:
        return flow
    return flows[i - lo]


def _respectively(text: str, i: int, amounts: list[Money],
                  classified: list[tuple[str, int, bool]], partners: tuple[str, ...]
                  ) -> tuple[str, ...]:
    """"Shipments to Taiwan and India were worth $2.1 billion and $1.4 billion
    respectively": the i-th amount of a list closed by "respectively" takes the i-th
    economy of the list of the same length before it, not the others."""
    lo, hi = _joined_run(text, amounts, i)
    if not (closing := _RESPECTIVELY_RE.match(text, amounts[hi].end)):
        return partners
    partners = _respective_destination(text, closing.end(), classified, partners)
    n = hi - lo + 1
    # The list of economies: the last run of n names joined by "and" / commas before the
    # first amount.
    before = [(c, st) for c, st, _cp in classified if st < amounts[lo].start]
    for k in range(len(before) - n, -1, -1):
        group = before[k : k + n]
        if len({c for c, _ in group}) == n and all(
            LIST_JOIN_RE.match(text[name_end(text, x[1]) : y[1]])
            for x, y in pairwise(group)
        ) and (n < 2 or not _bare_comma(text, group[-2][1], group[-1][1])):
            mine = group[i - lo][0]
            others = {c for c, _ in group if c != mine}
            return tuple(c for c in partners if c not in others)
    return partners


_DESTINATION_AFTER_RE = re.compile(r"\s+(?:to|from)\s+(?:the\s+)?")


def _respective_destination(text: str, after: int, classified: list[tuple[str, int, bool]],
                            partners: tuple[str, ...]) -> tuple[str, ...]:
    """"Germany and France exported 5 billion euros and 4 billion euros respectively to
    China": the economy "to / from" right after "respectively" is the other side of
    every amount of the run, not only of the last one (the clause of an earlier amount
    ends at the next amount)."""
    m = _DESTINATION_AFTER_RE.match(text, after)
    if m is None:
        return partners
    dest = next((c for c, st, _cp in classified if st == m.end()), None)
    return partners if dest is None or dest in partners else (*partners, dest)


# "despite U.S. sanctions", "under Western sanctions on Russia", "an exemption from U.S.
# sanctions for using Russian oil": a concession or a status, no cause of the figure.
_SANCTIONS_CLAUSE_RE = re.compile(
    r"\b(?:despite|defying|in\s+defiance\s+of|(?:an?\s+)?(?:[\w-]+\s+)?(?:exemptions?|"
    r"waivers?)\s+from|under|evad(?:e|ing)|skirt(?:ing)?|circumvent(?:ing)?)\s+"
    r"(?:[^,;]{0,40}?\s)?sanctions\b[^,;]*")


def _outside_sanctions_clause(text: str, s: int, e: int,
                              classified: list[tuple[str, int, bool]], amounts: list[Money]
                              ) -> list[tuple[str, int, bool]]:
    """Rule 25 makes an economy named as the cause of a change a partner; one named only in
    a concessive or status phrase on sanctions ("earned $43 billion despite US sanctions",
    "bought LNG ... after an exemption from U.S. sanctions for using Russian gas") is
    neither cause nor side. Its mentions up to the next comma are dropped, unless the
    phrase holds an amount (then it is the figure's own clause)."""
    spans = [(m.start(), min(m.end(), e)) for m in _SANCTIONS_CLAUSE_RE.finditer(text, s, e)
             if not any(m.start() <= a.start < m.end() for a in amounts)]
    if not spans:
        return classified
    return [x for x in classified if not any(lo <= x[1] < hi for lo, hi in spans)]


def _bare_comma(text: str, prev: int, last: int) -> bool:
    """"Germany and Ireland, the bloc's two biggest exporters": a list's last two items are
    joined by "and" / "or" / "&" / "/" / "-"; a bare comma before the last name opens an
    appositive (an epithet of the name before), not a list item."""
    return text[name_end(text, prev) : last].strip().removesuffix("the").strip() == ","


# "counter-tariffs on 93 billion euros of U.S. goods", "duties on $300 billion of Chinese
# imports": the value of the goods a tariff hits is what the tariff's state buys of them.
_TARIFF_ON_RE = re.compile(r"\b(?:tariffs?|duties|levies)\s+(?:on|against)\s+$")
_OF_FOREIGN_GOODS_RE = re.compile(r" of (?:(?-i:[A-Z])[\w.'’-]*\s+){1,3}(?:goods|products|"
                                  r"imports|merchandise)\b")


def _tariffed_goods(text: str, s: int, money: Money, after: int) -> bool:
    """Rules 3 and 5: an amount of another economy's goods that a tariff is laid on is a
    value of the imposer's imports from it (the tariff's own takings stay no trade, rule
    11: "$2 billion in tariffs on Chinese goods" has the amount before the tariff)."""
    return _OF_FOREIGN_GOODS_RE.match(text, after) is not None and \
        _TARIFF_ON_RE.search(text, max(s, money.start - 30), money.start) is not None


_THE_COUNTRY_RE = re.compile(r"\bthe\s+(?:country|nation)['’]s\s")


def _firm_sales_abroad(text: str, s: int, cues: list[Cue], mentions: list[tuple[str, int]]
                       ) -> list[Cue]:
    """"Kenya earned $280 million from coffee sales abroad" is exports; "Toyota's overseas
    sales", "the company reported foreign sales of ..." are a firm's revenue: the cue is
    an economy's only when the sentence names one before it and no other owner (a
    possessive that is no economy) is attached to it."""
    out: list[Cue] = []
    for cue in cues:
        if cue.flow == "exports" and _SALES_ABROAD_RE.fullmatch(text, cue.start, cue.end):
            owner = _OWNER_BEFORE_RE.search(text, max(s, cue.start - 40), cue.start)
            named = [st for _c, st in mentions if st < cue.start]
            if not named and text.endswith(" of ", s, cue.start) and \
                    _THE_COUNTRY_RE.search(text, s, cue.start):
                # "Gold, the country's biggest export, accounted for $N of sales abroad": a
                # part of the story economy's sales (rule 20 carries it); "The company ...
                # reported overseas sales of $N" stays a firm's.
                named = [s]
            if not named or (owner is not None and not any(
                    owner.start() <= st < owner.end() for st in named)):
                cue = Cue(cue.start, cue.end, NEG)
        out.append(cue)
    return out


def _is_aside(text: str, s: int, e: int) -> bool:
    """Does the sentence set another economy's figures against the story's ("by contrast",
    or opening on "(In) neighbouring / rival X")?"""
    return ("contrast" in text[s:e] and _CONTRAST_ASIDE_RE.search(text, s, e) is not None) or (
        _RIVAL_OPENING_RE.match(text, s, e) is not None)


def _amounts(doc: DocContext, s: int, e: int, screened: bool = False) -> list[Money]:
    """The money amounts of ``text[s:e]``; two cheap screens first, as most sentences
    hold no amount (no digit, or only dates, counts and percentages). ``screened``: the
    caller has passed the first screen (``_AmountScreen``)."""
    if not (screened or _may_hold_amount(doc, s, e)) or not may_yield_money(
        doc.text, s, e, doc.folded
    ):
        return []
    return list(find_money(doc.text, s, e, folded=doc.folded))


def _unhedged(text: str, s: int, m: Money) -> Money:
    """``m`` without a "hedge" that is none: "imports edged up to $14.7 billion" ("up"
    belongs to the verb), "an additional $200 billion" (rule 17: the quote is the amount)."""
    if m.hedge is not None and m.hedge.lower() == "up to" and _VERB_UP_RE.search(
        text, max(s, m.start - 12), m.start
    ):
        k = _UP_TO_RE.match(text, m.start, m.num_start)
        if k is not None:
            return m._replace(start=k.end(), approx=m.vague, hedge=None)
    if m.hedge in NOT_APPROX_HEDGES:
        k = _EXTRA_RE.match(text, m.start, m.num_start)
        if k is not None:
            return m._replace(start=k.end())
    return m


def _carry_pending(doc: DocContext, pending: list[int], state: DocState) -> None:
    """Apply ``_carry_mentions`` of the sentences in ``pending`` (in order, none with
    figures) and empty it. Each one that names a subject overwrites what the ones before
    it set, so only the last such sentence is read."""
    for no in reversed(pending):
        if _carry_mentions(doc.text, doc.sentences[no].start,
                           sentence_mentions(doc, no, state.unions, state.kinds), state):
            break
    pending.clear()


def _may_hold_amount(doc: DocContext, s: int, e: int) -> bool:
    return _AMOUNT_FOLDED_RE.search(doc.folded, s, e) is not None


class _AmountScreen:
    """``_may_hold_amount`` for the sentences of one document, asked in text order.

    ``_AMOUNT_FOLDED_RE`` tries its alternation at every position of a sentence, and most
    sentences hold no amount, so a search per sentence reads nearly the whole text that
    slowly. Here the next digit or sign is found by a fast scan of the rest of the text
    (a class alone), and the scale words by ``str.find`` of stems every one of them holds
    ("illion", "hundreds", "thousands"); only a sentence with a stem and no digit pays the
    pattern itself. Same answers: a digit or sign is a match, and a scale word lies
    within the sentence only if its stem does."""

    __slots__ = ("_folded", "_sign", "_stems")

    def __init__(self, folded: str) -> None:
        self._folded = folded
        m = _AMOUNT_SIGN_RE.search(folded)
        self._sign = m.start() if m is not None else -1  # next digit or sign; -1: none
        self._stems = [folded.find(stem) for stem in _SCALE_STEMS]  # next of each; -1: none

    def __call__(self, s: int, e: int) -> bool:
        folded = self._folded
        sign = self._sign
        if 0 <= sign < s:
            m = _AMOUNT_SIGN_RE.search(folded, s)
            sign = self._sign = m.start() if m is not None else -1
        if 0 <= sign < e:
            return True
        stems = self._stems
        for k, at in enumerate(stems):
            if 0 <= at < s:
                at = stems[k] = folded.find(_SCALE_STEMS[k], s)
            if 0 <= at < e:
                return _AMOUNT_FOLDED_RE.search(folded, s, e) is not None
        return False


def _weak_negative(text: str, money: Money, cues: list[Cue]) -> bool:
    """Is the head that rejected ``money`` only a weak one (revenues, earnings) written
    right after it?"""
    after = after_window(text, money.end, len(text))
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    return bool(window) and text[window[0].start : window[0].end].lower() in WEAK_NEGATIVES


def _rescued(state: DocState) -> list[TradeFact]:
    """Amounts rejected only by a weak head that restate a trade figure of the same
    document (same value and currency) are that figure again (rule 28)."""
    facts = list(state.facts)
    for no, money, currency in state.rejected:
        for fact in state.facts:
            if abs(fact.amount - money.value) <= 1e-6 * fact.amount and (
                resolve(currency, fact.partners, state) == fact.currency
            ):
                facts.append(TradeFact(no, money.start, money.end, money.value, money.high,
                                       fact.currency, money.approx, None, fact.flow,
                                       fact.partners))
                break
    return sorted(facts, key=lambda f: f.char_start)


def _union_subject(text: str, s: int, first: int, subj: tuple[str, ...]) -> bool:
    """Are the economies ``subj`` the members of a union the sentence names before its
    first figure ("The Belgium-Luxembourg Economic Union (BLEU) had a deficit ...")?"""
    return any(set(subj) <= set(UNIONS[m.group(0)])
               for m in UNION_NAME_RE.finditer(text, s, first))


def _carry_mentions(text: str, s: int, mentions: list[tuple[str, int]], state: DocState,
                    classified: list[tuple[str, int, bool]] | None = None) -> bool:
    """A sentence without figures that names economies becomes the context (rule 20); one
    that names only counterparts ("a summit in Chile") leaves the subject as it was.
    True when the context changed. ``classified``: ``classify_mentions`` of the mentions."""
    if not mentions:
        return False
    if classified is None:
        classified = classify_mentions(text, s, mentions)
    if not classified:
        return False  # every economy named stood in a clause the figures' sides skip
    # "... to avoid the US duties": an economy naming a policy aimed at trade is not what
    # the next figures are about.
    # One search for a policy word first: most sentences name none.
    policy = _POLICY_WORD_RE.search(text, s, classified[-1][1] + 60) is not None
    subj = tuple(dedupe(c for c, st, cp in classified if not cp and not (
        policy and _POLICY_AFTER_RE.match(text, name_end(text, st)))))
    if len(subj) > 1 and ", " in text[classified[0][1] : classified[-1][1]]:
        # "Morocco's textile exports to Europe fell sharply, with factories blaming cheap
        # Chinese clothing": an economy named only in a causal or absolute clause after
        # the subject's is a cause, not what the next figures are about (rule 20).
        brk = _CAUSE_BREAK_RE.search(text, classified[0][1], classified[-1][1])
        if brk is not None and not classified[0][2]:
            main = {c for c, st, cp in classified if not cp and st < brk.start()}
            subj = tuple(c for c in subj if c in main) or subj
    if subj:
        state.subject = subj
        state.partners = tuple(dedupe(c for c, _ in mentions))
    return bool(subj)


def _continues(state: DocState, no: int, text: str = "", s: int = 0, money: Money | None = None
               ) -> bool:
    """A sentence with no cue at all continues the figures of the sentence just before
    when it opens like a continuation or its amount borrows the currency ("They were 20.2
    billion in February 1986.", "This compared with ...")."""
    if not state.facts or state.facts[-1].sentence_no < no - 2:
        return False
    if money is None:
        return True
    if money.bare or CONTINUATION_RE.match(text, s) is not None:
        return True
    # "... approved the sale of $2 billion worth of weapons to Taiwan. The package includes
    # three NASAMS units valued at $1.16 billion": the deal named again, its parts' values.
    return state.facts[-1].flow in ("arms", "agreement") and \
        _DEAL_OPENING_RE.match(text, s) is not None


_ARMS_DOC_RE = re.compile(
    r"\b(?:arms|weapons|military|fighter|warplanes?|missiles?|defen[cs]e\s+contract)\b",
    re.IGNORECASE,
)

__all__ = ["extract_trade"]
