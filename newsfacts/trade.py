"""Trade figures: money amounts that measure cross-border trade (annotation guidelines 1-30).

Per sentence: the money grammar (``numbers.find_money``) finds the amounts; each amount is
kept when the cue that governs it is a trade cue (exports, imports, surplus, deficit, trade,
a trade deal, arms bought or sold) and not a non-trade head (profit, loan, budget, current
account, unit price ...). The governing cue is, in order: one written right after the
amount ("a 16 mln dlr deficit", "800 mln dlrs in crude exports"), else the nearest one before
it in the sentence, else the nearest one after it. Partners are the economies of the
sentence in order of mention: the subject ("Britain exported", "China's exports"), then the
counterpart of the amount's clause ("to Japan", "with the EC"); a sentence that names no
subject continues the previous one (rules 20-21). Currencies a country decides (dollars,
francs, crowns, rupees: rule 19) are resolved from the dateline's economy and the partners.

Everything is data-driven: the cue lexicons below are tables, not rules about documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from newsfacts.gazetteer import code_for, find_mentions, surface_table
from newsfacts.model import DocContext, TradeFact
from newsfacts.numbers import (
    CURRENCIES,
    NOT_APPROX_HEDGES,
    Money,
    default_currency,
    find_money,
    is_family,
    may_yield_money,
    national_currency,
)
from newsfacts.patterns import FoldedScan, word_alternation

# --- lexicons --------------------------------------------------------------------------------

# Flow cues: a regex per flow. A word that names a balance (surplus, deficit) wins over
# "trade" next to it ("trade deficit"); a deal word wins over "trade" ("trade agreement").
FLOW_CUES: tuple[tuple[str, str], ...] = (
    ("surplus", r"surplus(?:es)?|excess\s+of\s+exports\s+over\s+imports"),
    ("deficit", r"deficits?|shortfalls?|(?<=trade\s)gap|trade\s+gap|in\s+deficit|"
                r"(?:gap|difference)\s+between(?=\s(?:[^.;]{0,40}?\s)?(?:what\s+)?"
                r"(?:[\w.]+\s+){0,3}?(?:exports?|imports?|exported|imported|sold|bought|sells?|buys?)\b)"),
    ("agreement", r"agreements?|accords?|deals?|pacts?|contracts?|protocols?|barter"),
    ("arms", r"arms|weapons?|weaponry|military\s+(?:equipment|trucks|vehicles|hardware|"
             r"aircraft|supplies|technology|sales?|purchases|goods)|defen[cs]e\s+(?:equipment|"
             r"systems|contracts?|exports?|imports?|sales|deals?|purchases?|orders?)|warplanes?|fighter\s+(?:jets?|planes?|aircraft)|fighters|"
             r"missiles?|missile\s+systems?|tanks|helicopters|warships?|frigates|submarines|"
             r"munitions|ammunition|(?:military|armed|attack|combat)\s+drones|drones|"
             r"howitzers|artillery|rocket\s+launchers|air[- ]defen[cs]e\s+systems?|"
             r"combat\s+(?:aircraft|jets|vehicles)|(?-i:(?:F|Su|MiG|J)-\d{1,2}[A-Z]?s?|"
             r"Typhoons?|Eurofighters?|Rafales?|Gripens?|Tornados?|Mirages?|S-[34]00|Patriots?|"
             r"Abrams|Leopard|HIMARS|Apaches?|Black\s+Hawks?)(?:\s+(?:jets|fighters|planes|"
             r"aircraft|tanks|helicopters|systems))?"),
    ("exports", r"exports?|exported|exporting|re-exports?|shipments?|shipped|sold|sells?|"
                r"sales\s+(?:of\s+[\w-]+(?:\s+[\w-]+){0,4}\s+)?to(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
                r"supplied|supply|"
                # "earned $280 million from coffee sales abroad": an economy's goods sold
                # abroad are its exports (a firm's are revenue: ``_firm_sales_abroad``).
                r"(?:overseas|foreign)\s+sales|sales\s+(?:abroad|overseas)|"
                # "the United States remained the top destination, taking $1.05 billion of
                # Philippine goods": where the reporting economy's exports go.
                # "Germany remained the top market for Turkish goods, taking $1.9 billion
                # worth", "the biggest buyer, taking farm goods worth $5.1 billion".
                r"(?:top|main|biggest|largest|leading|major|(?:second|third)[- ]largest)\s+"
                r"(?:export\s+)?(?:destination|market|buyer)s?"
                # "..., buying goods worth $N": the role's participle buys those exports.
                r"(?:,\s+(?:buying|purchasing)(?=\s))?"),
    ("imports", r"imports?|imported|importing|bought|buys?|buying|purchases?|purchased|"
                r"purchasing|ordered|orders?"),
    # "the possible sale to Taiwan of aircraft parts": a sale to a named party, which is a
    # trade figure only as an arms sale (weapons named nearby, rule 8); else not trade.
    ("sale", r"sale\s+(?:of\s+[\w-]+(?:\s+[\w-]+){0,4}\s+)?to(?=\s+(?:the\s+)?(?-i:[A-Z]))"),
    ("trade", r"trade|two-way|(?-i:commerce)|commercial\s+links"),
)
# Heads that make an amount something else than trade (guidelines: "What is a trade
# figure", rules 1, 7, 8, 11).
NEGATIVE_CUES = (
    r"profits?|loss(?:es)?|revenues?|earnings|income|net|sales|budgets?|spending|"
    r"loans?|credits?|aid|debts?|investments?|invest(?:s|ed|ing)?|reserves|prices?|costs?|cost|"
    r"fines?|fined|capital|tariffs?|duty|duties|subsid(?:y|ies)|tax(?:es)?|rebates?|"
    r"remittances|bonds?|shares|stakes?|assets|capitali[sz]ation|stock\s+market|"
    r"market\s+(?:value|size|worth|share)|dividends?|GDP|"
    r"gross\s+domestic\s+product|output|deposits|financing|finance|grants?|compensation|"
    r"reconstruction|upkeep|maintenance|stationing|interest|commissions?|premiums?|cash|funds?|project|projects|"
    r"building|construction|bases|lending|borrow|borrows|borrowed|borrowing|payments|"
    r"salar(?:y|ies)|wages|"
    r"valuation|worth\s+of\s+(?:shares|stock)|bail-?out|guarantees?|turnover|"
    r"current\s+account|invisibles?|transfers?|capital\s+account|overall\s+balance|"
    r"balance\s+of\s+payments|money\s+supply|shortage|shortages|bills?|"
    r"tourism|tourists|per\s+capita|per\s+head|per\s+person|"
    r"(?:each|per|every|an?\s+average)\s+(?:farmer|producer|worker|household|person|citizen)|"
    r"a\s+barrel|per\s+barrel|a\s+tonne|"
    r"per\s+tonne|a\s+ton|per\s+ton|an\s+ounce|a\s+share|per\s+share|a\s+head|"
    r"exchange\s+rates?|acquisitions?|acquire|takeover|merger|economy|economies|"
    r"listing|flotation|offering|IPO|rebates?|depreciation|pre-tax|penalty|damages|"
    r"settlement|ransom|bribes?|smuggl\w+|illegal|sanctions|embargo|award|awarded|"
    r"arbitration|court|lawsuit|sued|contributions?|savings|outlays?|promotion|"
    r"backlogs?|order\s+books?"
)
# Non-trade heads that a restatement of a trade figure can still carry ("800 mln dlrs in
# lost petroleum revenues" after "800 mln dlrs in crude exports": rule 9).
WEAK_NEGATIVES = frozenset(["revenue", "revenues", "earnings", "income", "receipts"])
# Non-trade words that describe the economy a flow comes from rather than head the amount
# ("exports from the world's second-largest economy rose to ...").
PHRASE_NEGATIVES = frozenset(["economy", "economies"])
# Cues that buy or sell: a deal only between firms is not trade (rule 6).
DEAL_VERBS = r"bought|buys?|buying|purchased|purchases?|ordered|orders?|sold|sells?|supplied|supply"
# Sentence openings that continue the previous sentence's figures (rule 20).
CONTINUATION = r"(?:this|that|these|they|it|the\s+figures?|the\s+total)\b"

# Topics that turn a balance cue into a non-trade balance ("current account deficit",
# "surplus on invisibles", "deficit in transfer payments"): rule 1.
NON_TRADE_TOPICS = (
    r"current\s+account|invisibles?|invisible\s+transactions|transfers?|transfer\s+payments|"
    r"capital\s+account|overall\s+balance|balance\s+of\s+payments|budget|fiscal|federal\s+(?:budget|deficits?|government|spending|debt)|"
    r"public\s+sector|payments|basic\s+balance|trading\s+(?:profits?|loss(?:es)?|results?|"
    r"surplus(?:es)?|deficits?)|depreciation|pre-tax|profits?"
)
TRADE_TOPICS = r"trade|visible|merchandise|goods|oil|non-oil|exports?|imports?|services"

# Rate wording (rule 15).
PER_AFTER = (
    ("year", r"(?:a|per|each|every)\s+year(?!\s+(?:ago|earlier|before|later|after))|"
             r"annually|per\s+annum|yearly|annuali[sz]ed"),
    ("month", r"(?:a|per|each|every)\s+month(?!\s+(?:ago|earlier|before|later))|monthly"),
    ("quarter", r"(?:a|per|each|every)\s+quarter|quarterly"),
)
PER_ADJECTIVE = (
    ("year", r"annual(?:i[sz]ed)?|yearly"),
    ("month", r"monthly"),
    ("quarter", r"quarterly"),
)
PER_NOUNS = (
    r"(?:two-way\s+)?(?:trade|exports?|imports?|total|surplus|deficit|turnover|volume|rate|"
    r"basis|sales)"
)

# Words before an amount that make it approximate though not in the quote (rule 16).
APPROX_BEFORE = (
    r"exceed(?:s|ed|ing)?|top(?:s|ped|ping)?|cross(?:es|ed|ing)?|surpass(?:es|ed|ing)?|"
    r"estimated(?:\s+at)?|put\s+at|reach(?:es|ed)?\s+nearly"
)

# Words that stop the short window read right after an amount.
_AFTER_STOP_WORDS = """from to against versus vs or and than compared while but after before at
    by was were
    is are be been had has have will would said says as which that this last since with up
    down rose fell because due reflecting amid despite following thanks owing during
    including until it they he she its their includes include included covers covering
    toward towards under"""
AFTER_STOP = frozenset(_AFTER_STOP_WORDS.split())
# A flow cue followed by one of these heads is that head ("export credit", "trade bill").
# "export earnings" stay exports (rule 9), "arms sales" stay arms.
IMPORT_BILL = frozenset(["bill", "bills"])
FLOW_KEEPS_HEAD = frozenset(["earnings", "revenue", "revenues", "sales", "receipts"])
# Balance cues whose "between X and Y" words are not flows of their own.
BETWEEN_BALANCE = r"(?:difference|gap)\s+between"
# Words before a flow that make it global: partners empty (rule 10).
GLOBAL_BEFORE = r"(?:global|world|worldwide|international|world's)\s+(?:\w+\s+)?$"
# A country name followed by one of these names a firm, not a state party (rule 6).
COMPANY_WORDS = (
    r"(?:[a-z]+\s+)?(?:giant|firm|company|group|carrier|airline|maker|manufacturer|"
    r"conglomerate|concern|producer|Airlines|Airways|Aerospace|Telecom|Petroleum|Steel|"
    r"Motors|Corp|Corporation|Group|Industries|Bank|Electric|Shipping|International|"
    r"Holdings|Ltd|Inc|Plc)\b"
)

# Unions and groupings without a bloc code are their members (rules 23-24).
_NAFTA = ("USA", "CAN", "MEX")
_MERCOSUR = ("ARG", "BRA", "PRY", "URY")
_ASEAN = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")
UNIONS: dict[str, tuple[str, ...]] = {
    "Belgo-Luxembourg": ("BEL", "LUX"),
    "BLEU": ("BEL", "LUX"),
    "Benelux": ("BEL", "NLD", "LUX"),
    "NAFTA": _NAFTA,
    "USMCA": _NAFTA,
    "Mercosur": _MERCOSUR,
    "MERCOSUR": _MERCOSUR,
    "ASEAN": _ASEAN,
}
# Dateline cities the gazetteer does not know as names of an economy. A dateline names the
# reporting economy, which decides "dlrs" and "francs" (rule 19); it is never a partner.
DATELINE_CITIES: dict[str, str] = {
    "WELLINGTON": "NZL", "AUCKLAND": "NZL", "BERNE": "CHE", "BERN": "CHE", "ZURICH": "CHE",
    "GENEVA": "CHE", "STOCKHOLM": "SWE", "OSLO": "NOR", "COPENHAGEN": "DNK",
    "HELSINKI": "FIN", "KARACHI": "PAK", "BOMBAY": "IND", "CALCUTTA": "IND",
    "QUITO": "ECU", "LIMA": "PER", "CARACAS": "VEN", "BOGOTA": "COL", "SANTIAGO": "CHL",
    "BUENOS AIRES": "ARG", "SAO PAULO": "BRA", "RIO DE JANEIRO": "BRA", "BRASILIA": "BRA",
    "MEXICO CITY": "MEX", "AMMAN": "JOR", "KUALA LUMPUR": "MYS", "JAKARTA": "IDN",
    "FRANKFURT": "DEU", "HAMBURG": "DEU", "MUNICH": "DEU", "DUESSELDORF": "DEU",
    "MILAN": "ITA", "OSAKA": "JPN", "VIENNA": "AUT", "ATHENS": "GRC", "LISBON": "PRT",
    "DUBLIN": "IRL", "ISTANBUL": "TUR", "NAIROBI": "KEN", "LAGOS": "NGA",
    "ABU DHABI": "ARE", "DUBAI": "ARE", "MANAMA": "BHR", "DOHA": "QAT", "MUSCAT": "OMN",
    "KUWAIT": "KWT", "SYDNEY": "AUS", "MELBOURNE": "AUS", "TORONTO": "CAN",
    "MONTREAL": "CAN", "VANCOUVER": "CAN", "NEW YORK": "USA", "CHICAGO": "USA",
    "WASHINGTON": "USA", "PEKING": "CHN", "SHANGHAI": "CHN", "HAVANA": "CUB",
    "MONTEVIDEO": "URY", "LA PAZ": "BOL", "ASUNCION": "PRY", "COLOMBO": "LKA",
    "DHAKA": "BGD", "KATHMANDU": "NPL", "RANGOON": "MMR", "HANOI": "VNM", "ABIDJAN": "CIV",
    "DAKAR": "SEN", "ACCRA": "GHA", "HARARE": "ZWE", "LUSAKA": "ZMB",
    "JOHANNESBURG": "ZAF", "PRETORIA": "ZAF", "ALGIERS": "DZA", "RABAT": "MAR",
    "TUNIS": "TUN", "LUXEMBOURG": "LUX", "BRUSSELS": "BEL", "AMSTERDAM": "NLD",
    "REYKJAVIK": "ISL", "BUDAPEST": "HUN", "WARSAW": "POL", "PRAGUE": "CSK",
    "BELGRADE": "YUG", "BUCHAREST": "ROU", "SOFIA": "BGR", "NICOSIA": "CYP",
    "VALLETTA": "MLT", "SINGAPORE": "SGP", "HONG KONG": "HKG", "TAIPEI": "TWN",
}  # fmt: skip
# A firm's "sales to" a state are arms sales when weapons were named in the sentence or
# the few lines before it (rule 8), not anywhere in the document.
ARMS_LOOKBACK = 400
# Longest span read as one sentence; longer ones are read in pieces.
MAX_SPAN = 2000
# Prepositions that make the next economy the counterpart of a flow ("exports to Japan").
COUNTERPART_BEFORE = r"(?:to|with|from|into|including|in|against|on)"

# --- compiled patterns -------------------------------------------------------------------------

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
# An amount that prices a facility it modifies ("the $20 billion Dangote refinery", "a $1.3
# billion port") is a cost or an investment, whatever flow word the sentence has (rule 11).
_FACILITY_AFTER_RE = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'-]*){0,3}\s+(?:refiner(?:y|ies)|smelters?|plants?|factor(?:y|ies)|"
    r"(?:mega)?ports?|terminals?|pipelines?|mines?|dams?|bridges?|railways?|airports?|"
    r"complex|facilit(?:y|ies)|stadiums?)\b",
    re.IGNORECASE,
)
_ARMS_CUE_RE = re.compile(rf"\b(?:{dict(FLOW_CUES)['arms']})\b", re.IGNORECASE)
_UNION_RE = re.compile(rf"\b(?:{word_alternation(UNIONS)})\b")
_UNION_NAME_RE = re.compile(word_alternation(UNIONS))  # no \b: a fast first-letter scan
_TOPIC_AFTER_RE = re.compile(
    rf"\s+(?:on|in|of)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?P<neg>{NON_TRADE_TOPICS})\b"
    rf"(?!\s+basis)"
    rf"|\s+(?:on|in)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?P<pos>{TRADE_TOPICS})\b",
    re.IGNORECASE,
)
_PER_AFTER_RE = re.compile(
    "|".join(rf"(?P<{k}>\b(?:{p})\b)" for k, p in PER_AFTER), re.IGNORECASE
)
# Words every match of ``_PER_AFTER_RE`` / ``_PER_ADJ_RE`` holds, for ``_holds_any``.
_RATE_STEMS = ("year", "annu", "month", "quarter")
_RATE_ADJECTIVES = ("annual", "yearly", "monthly", "quarterly")
_PER_ADJ_RE = re.compile(
    "|".join(rf"(?P<{k}>\b(?:{p})\s+(?:\w+\s+){{0,2}}?{PER_NOUNS}\b)" for k, p in PER_ADJECTIVE),
    re.IGNORECASE,
)
# "On an annualised basis, exports were running at ...": rate wording opening the sentence.
_PER_OPENING_RE = re.compile(
    "|".join(rf"(?P<{k}>\s*(?:On|At)\s+an?\s+(?:{p})\s+(?:basis|rate)\b)" for k, p in PER_ADJECTIVE)
)
_PER_BEFORE_RE = re.compile(
    "(?:" + "|".join(rf"(?P<{k}>\b(?:{p})\s+)" for k, p in PER_ADJECTIVE) + ")$", re.IGNORECASE
)
# A part of each word of APPROX_BEFORE without "i", "s" or "k" (see ``_holds_any``).
_APPROX_STEMS = ("xceed", "top", "cro", "urpa", "mated", "put", "reach")
_APPROX_BEFORE_RE = re.compile(rf"\b(?:{APPROX_BEFORE})\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_DATELINE_RE = re.compile(r"(?P<city>[A-Z][A-Z .'-]{1,30}?)(?:,\s+[A-Z][a-z]{1,5}\.?)?(?:,\s+"
                          r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+-|(?:,\s+[A-Z][a-z]{2,8}\.?\s+"
                          r"\d{1,2})?\s+\((?:Reuters|AP|AFP|Bloomberg|Xinhua|dpa|UPI|Kyodo|"
                          r"Yonhap|AA|Anadolu|PTI|Bernama)\)\s+[-\u2013\u2014])|"
                          # An AFP-style city in title case: "Kuala Lumpur (AFP) –".
                          r"(?P<tcity>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+\((?:AFP|AP|"
                          r"Reuters|Xinhua|Kyodo|AA|Anadolu|Bernama)\)\s+[-\u2013\u2014]")
_COUNTERPART_RE = re.compile(
    # "to the 27-nation European Union", "with the six-member GCC": a bloc's size is no
    # break between the preposition and the name.
    rf"\b{COUNTERPART_BEFORE}\s+(?:the\s+|its\s+)?(?:other\s+|fellow\s+|neighbou?ring\s+)?"
    r"(?:(?:\d+|[a-z]+)-(?:nation|member|country|state)\s+)?$",
    re.IGNORECASE,
)
# "imports of Russian LNG": the economy whose goods are bought is the other side.
_IMPORTS_OF_RE = re.compile(r"\b(?:imports|purchases)\s+of\s+$", re.IGNORECASE)
_LIST_JOIN_RE = re.compile(r"^\s*(?:,|and|,\s+and|or|-|/|&)?\s*(?:the\s+)?$")
# An uncoded place after a counterpart preposition ends the previous counterpart
# ("... with Japan ... and with Western Europe rose 200 mln").
_UNCODED_COUNTERPART_RE = re.compile(
    r"\b(?:with|to|from)\s+(?:the\s+)?(?:(?:[A-Z][a-z]+|newly|other|non-\w+)\s+){1,3}"
    r"(?:countries|nations|states|[A-Z][a-z]+)\b"
)
_CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:and|while|but|whereas|with|even\s+as|as|although|though|despite|amid|when|where|"
    r"followed\s+by|ahead\s+of|"
    r"after|because|(?!(?:in|ex)cluding\b)[a-z]{3,}ing)\b|;|\bwhile\b|\bbut\b"
)
# Between an amount and its conversion: "$60bn (", "200bn euros a year (", "(£140bn; ".
_OPEN_BRACKET_RE = re.compile(r"^[^()\d]{0,20}[(\[]\s*$|^\s*;\s*$")
_MORE_THAN_SOLD_RE = re.compile(
    r"\s+more\s+than\s+(?:what\s+)?(?:it|they|\w+)\s+(?P<w>sold|exported|bought|imported)",
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
_NON_PREFIX_RE = re.compile(r"non-\s?$", re.IGNORECASE)
_CLAUSE_COUNTERPART_RE = re.compile(
    r"\b(?:to|from|with)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z]|world|neighbou?r)")
# The roles an economy can hold towards a figure's owner ("its biggest supplier").
_ROLE_WORDS = r"suppliers?|markets?|buyers?|customers?|destinations?|partners?|sources?"
_ROLE_OF_RE = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:trading\s+partners?|"
                         rf"{_ROLE_WORDS})\b")
_POLICY_WORD_RE = re.compile(r"tariff|dut(?:y|ies)|levies|sanctions|curbs|quotas")
_POLICY_AFTER_RE = re.compile(r"\s+(?:tariffs?|duties|duty|levies|sanctions|curbs|quotas)\b")
# Between a figure and the one it is compared with: "to $1.1 billion in May from $4.3 billion".
_COMPARED_GAP_RE = re.compile(r"(?:\s+[\w-]+){0,3}?,?\s+(?:(?:up|down)\s+)?(?:from|against|"
                              r"compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?")
_REGION_BEFORE_RE = re.compile(r"\b(?:South|North|Latin|Central|Pan)[ -]$")
_ROLE_NOUN_RE = re.compile(r"\s+(?:as\s+)?(?:the\s+)?(?:main|biggest|largest|top|leading|chief|"
                           r"major)\s+(?:buyers?|markets?|destinations?|customers?|suppliers?|"
                           r"sources?)(?:\s+of\s+)?")
_ROLE_AMOUNT_RE = re.compile(r"[^,;()]{0,30}?\b(?:at|with)\s+(?:about\s+|around\s+|some\s+|"
                             r"nearly\s+|almost\s+)?[$£€¥\d]")
_LIST_ITEM_RE = re.compile(r"(?:followed\s+by|ahead\s+of|,|\band)\s+(?:the\s+)?$")
_TRANSIT_BEFORE_RE = re.compile(r"\b(?:through|via|across)\s+(?:the\s+)?$")
_TRANSIT_TAIL_RE = re.compile(r"(?:['’]s)?(?:\s+(?:and|or)|,)?\s+(?:[a-z]+\s+){0,2}(?:of\s+)?")
_POSSESSIVE_RE = re.compile(r"['’]s?\b")

_BETWEEN_RE = re.compile(rf"\b{BETWEEN_BALANCE}\b", re.IGNORECASE)
_GLOBAL_BEFORE_RE = re.compile(rf"\b{GLOBAL_BEFORE}", re.IGNORECASE)
_OPENS_POSSESSIVE_RE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+,\s+\w+\s+\d+\s+-\s+)?(?:Its|Their)\b")
_COMPANY_AFTER_RE = re.compile(rf"\s+{COMPANY_WORDS}")
_NON_TRADE_TOPIC_RE = re.compile(rf"\b(?:{NON_TRADE_TOPICS})\b", re.IGNORECASE)
_TRADE_TOPIC_RE = re.compile(rf"\b(?:{TRADE_TOPICS})\b", re.IGNORECASE)
_DEAL_VERB_RE = re.compile(rf"(?:{DEAL_VERBS})$", re.IGNORECASE)
_DEAL_OPENING_RE = re.compile(r"\s*(?:The|This|That)\s+(?:arms\s+|weapons\s+|proposed\s+)?"
                              r"(?:package|deal|sale|contract|agreement|order)\s+"
                              r"(?:includes|included|covers|covered|comprises|would\s+include)\b")
_CONTINUATION_RE = re.compile(rf"\s*(?:[A-Z]+,\s+\w+\s+\d+\s+-\s+)?{CONTINUATION}",
                              re.IGNORECASE)
_ITS_PARTNER_RE = re.compile(r"\bwith\s+(?:its|their)\s+(?:neighbou?rs?|partners?|allies|ally)\b",
                             re.IGNORECASE)
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
_AWARD_RE = re.compile(r"\b(?:award(?:s|ed|ing)?)\b", re.IGNORECASE)
_AGREED_TO_RE = re.compile(r"\b(?:agree(?:d|s|ing)?|sign(?:ed|s)?\s+a\s+deal)\s+to\s+$",
                           re.IGNORECASE)
# "pledged to buy ..." is framed as a deal only when the sentence names the deal ("under
# the trade deal, the EU committed to purchasing ...", rule 5); alone it is a target.
_PLEDGED_TO_RE = re.compile(r"\b(?:pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?|"
                            r"promis(?:e|es|ed|ing))\s+to\s+$", re.IGNORECASE)
# "in Turkish history", "in Chinese hands": a one-word demonym qualifying a noun after
# "in" is no place, so no counterpart ("in the Czech Republic", "in Mali last year" are).
_IN_ADJECTIVE_RE = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|can|ic|ch|ani|eli|aqi|udi)"
                              r"\s+(?!and\b|or\b|alone\b)[a-z]")
_CONTRAST_RE = re.compile(r"\bbut\b|;|\bwhereas\b|\bwhile\b")
_ITS_APPOSITIVE_RE = re.compile(r",\s+(?:its|their)\s+(?!own\b)|"
                                r",\s+(?:(?:some|most|much|part|all|half|many)\s+of\s+)?which\s")
_SHARE_RE = re.compile(r",\s+with\s+[^,;()]{1,60}?\s(?:accounting|accounted)\s+for\s+")
_STATE_PARTY_RE = re.compile(
    r"\b(?:state|national)\s+(?:carrier|airline|oil\s+company)\b|\bstate-(?:run|owned)\b|"
    r"\b[Tt]he\s+government\s+(?:has|had|have|will|would|agreed|signed|plans?|is|was)\b")
# A deal said not to exist: "imports from countries without trade agreements".
_NO_DEAL_RE = re.compile(r"\b(?:without|no|lacking|lack\s+of|absence\s+of)\s+(?:an?\s+|any\s+)?"
                         r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_DEAL_NOUN_RE = re.compile(r"\b(?:deals?|agreements?|accords?|pacts?|treat(?:y|ies))\b",
                           re.IGNORECASE)
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
_EPITHET_RE = re.compile(r"\b[Tt]he\s+world['’]s\s+(?:(?P<second>second|No\.\s?2|2nd)[- ]"
                         r")?(?:largest|biggest)\s+economy\b")
_BLOC_ANAPHOR_RE = re.compile(r"\b[Tt]he\s+(?:bloc|Community|Union)\b(?!\s+(?:of|for)\b)")
BLOCS = frozenset(["EU", "EEC", "GCC", "OECD", "OPEC"])
_LOWER_BYTES = b"abcdefghijklmnopqrstuvwxyz"
_UPPER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
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
_VERB_UP_RE = re.compile(r"\b(?:edged|edges|inched|inches|crept|creeps|ticked|ticks|moved|"
                         r"moves|went|goes|shot|picked|ratcheted|stepped|bumped|pushed|"
                         r"revised|rounded|climbed|jumped|rose|rises|crawled)\s+$", re.IGNORECASE)
_UP_TO_RE = re.compile(r"up\s+to\s+", re.IGNORECASE)
_EXTRA_RE = re.compile(r"(?:an\s+additional|an\s+extra|additional)\s+", re.IGNORECASE)
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
    r",\s+(?:its|their|the\s+[a-z][\w-]*['’]s|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}['’]s?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:trad(?:e|ing)\s+partner|suppliers?|customer|buyer|"
    r"(?:export\s+)?(?:market|destination))\b")
# "The Netherlands, home to the largest grinding hub, remained the top destination": a
# lower-case appositive between the economy and its role verb.
_APPOSITIVE_GAP_RE = re.compile(r",\s+[a-z][^,;()]{0,80}?,")
_OF_ECONOMY_GAP_RE = re.compile(r"\s+(?:worth\s+)?of\s+(?:the\s+)?")
_CHAIN_GAP_RE = re.compile(r",?\s+(?:(?:up|down)\s+)?(?:from|against|versus|vs\.?|"
                           r"compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?")
# What a sum adds to an economy is output, not trade (rule 11): "would add 1.6 billion
# pounds a year to the British economy".
_TO_ECONOMY_RE = re.compile(r"(?:\s+(?:a|per|each|every)\s+(?:year|month|quarter)|\s+annually)?"
                            r"\s+to\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:economy|economies|GDP|gross\s+domestic\s+product|output)\b")
_TOOK_GAP_RE = re.compile(r"(?P<aside>,\s+[^,;()]{1,80}?,)?\s+(?:(?:alone|also|itself)\s+)?"
                          r"(?P<verb>took|bought|absorbed|received)\s+(?:another\s+|a\s+further\s+|an\s+additional\s+|an\s+extra\s+)?"
                          # "Germany alone bought clothes worth $4.1 billion": goods with no
                          # origin named (lower case only: not "Chinese machinery").
                          r"(?P<goods>(?-i:[a-z][\w-]*\s+){1,3}worth\s+)?")
# "China bought $15.8 billion of that": a part of the figure before.
_OF_THAT_RE = re.compile(r"\s+(?:worth\s+)?of\s+(?:that|this|it|them|those|the\s+total)\b")
_OF_TOTAL_RE = re.compile(r"\s+of\s+(?:the|that|this)\s+(?:total|figure|sum)\b")
_DEMAND_FROM_RE = re.compile(r",\s+(?:as|after|because(?:\s+of)?|amid)\s+(?:[\w'’-]+\s+){0,6}?"
                             r"(?:demand\s+(?:from|in|by)|(?P<flow>(?:shipments|exports|sales)"
                             r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+to))\s+(?:the\s+)?")
_GOODS_LIST_RATE_RE = re.compile(
    r"(?:\s+more)?\s+(?:worth\s+)?of\s+(?:[A-Z][\w.]*\s+)?[a-z][\w -]{0,30}?"
    r"(?:,\s+[a-z][\w -]{0,30}?){0,4},?\s+and\s+[a-z][\w -]{0,30}?\s+(?:a|per|each|every)\s+"
    r"(?P<unit>year|month|quarter)\b(?!\s+(?:earlier|ago|before|later))")
# An economy another one overtook or surpassed is a rival in a ranking, not a side of the
# figure (rule 20: the economies the figure is about).
_OVERTOOK_RE = re.compile(
    r"\b(?:overt(?:ook|aken|aking|akes?)|surpass(?:ed|es|ing)?)\s+(?:the\s+)?$|"
    # "Peru's second-biggest supplier after China": the economy ranked first.
    rf"(?:largest|biggest|top|leading|main)\s+(?:trading\s+)?(?:{_ROLE_WORDS})\s+after\s+"
    r"(?:the\s+)?$")
_BUYING_RE = re.compile(r"buying|bought|buys|purchasing|purchased", re.IGNORECASE)
_SUBJECT_GAP_RE = re.compile(r"\s+(?:(?:together|jointly|also|alone|[a-z]+ly)\s+)?")
_DESCRIBED_RE = re.compile(r"\b(?:to|from|with)\s+(?P<the>the)\s+(?:[A-Z][a-z]+\s+){1,2}"
                           r"(?:country|nation)\b")
_NEIGHBOUR_RE = re.compile(r"\b(?:to|from|with|into)\s+(?P<the>the)\s+neighbou?ring\s+"
                           r"(?:country|nation|state|economy)\b")
_ASIDE_RE = re.compile(r",\s+[a-z]{3,}ing(?:\s+[\w-]+){0,3},")
_ITS_ROLE_RE = re.compile(r",\s+(?:its|their|the\s+[a-z][\w-]*['’]s)\s+[^,;()]{1,40},")
# The change of the cause's own flow: "as shipments to Singapore jumped".
_CHANGE_VERB_RE = re.compile(r"\s+(?:rose|jumped|surged|soared|climbed|increased|grew|rebounded|"
                             r"recovered|fell|dropped|slumped|declined|plunged|slid|decreased)\b")
_SALES_TO_RE = re.compile(r"\bsales\s+to\b", re.IGNORECASE)
_WORD_RUN_RE = re.compile(r"[\w.'-]+")
_IN_BEFORE_RE = re.compile(r"\bin\s+(?:the\s+)?$")
_CONTRAST_ASIDE_RE = re.compile(r"\b(?:[Bb]y|[Ii]n)\s+contrast\b")
_RIVAL_OPENING_RE = re.compile(r"\s*(?:In\s+)?(?:[Nn]eighbou?ring|[Rr]ival)\s+(?-i:[A-Z])")
_IN_OPENING_RE = re.compile(r"(?:^|[\n.!?\"”]\s*|\s-\s|—\s)In\s+(?:neighbou?ring\s+)?$")
_AIR_BEFORE_RE = re.compile(r"\bAir\s+$")
_COMMA_RE = re.compile(r"[,;]")
_CAPS_WORD_RE = re.compile(r"[A-Z][A-Z]+")
_NAME_RE = re.compile(r"[\w.'-]+(?:\s[A-Z][\w.'-]*)*")
_OWNER_RE = re.compile(r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}['’]s?\s+")
_NON_NAME_RE = re.compile(r"\bnon-[A-Z]")
_AND_VERB_RE = re.compile(r"\sand\s+(?:also\s+)?(?!(?:exceed|need|us|shipp|export|import|"
                          r"report|expect)ed\b)[a-z]{2,}ed\s")
_SALES_ABROAD_RE = re.compile(r"(?:overseas|foreign)\s+sales|sales\s+(?:abroad|overseas)",
                              re.IGNORECASE)
_OWNER_BEFORE_RE = re.compile(r"(?-i:[A-Z])[\w.&-]*(?:\s(?-i:[A-Z])[\w.&-]*){0,3}['’]s\s+"
                              r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_TARGET_BEFORE_RE = re.compile(r"\b(?:set|agreed|adopted|announced|have|has|with)\s+(?:a|an|the|"
                               r"their|its|a\s+new)\s+(?:[\w-]+\s+)?target\s+of\s+"
                               r"(?:about\s+|around\s+|some\s+)?$")
_SHIPMENTS_RE = re.compile(r"shipments?|deliveries", re.IGNORECASE)
_TO_AFTER_CUE_RE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?(?-i:[A-Z])")
_SUPPLIER_ROLE_RE = re.compile(r"\b(?:was|is|remained|remains|became|as)\s+(?:the\s+|its\s+|"
                               r"their\s+)(?:[\w-]+\s+){0,2}?suppliers?,\s+with\s+$")
_SPENT_BEFORE_RE = re.compile(r"\b(?:spent|spends|spend|paid|pays|pay)\s+$")
_ON_FROM_AFTER_RE = re.compile(r"(?:\s+(?:a|per)\s+(?:year|month))?\s+(?:on|for)\s+"
                               r"(?:[\w-]+\s+){1,4}?(?:from|imported\s+from)\s+")
_AMOUNT_JOIN_RE = re.compile(r"\s*(?:,|,?\s+and)\s+")
_RESPECTIVELY_RE = re.compile(r",?\s+respectively\b")
_KIND_ANAPHOR_RE = re.compile(r"\b[Tt]he\s+(?P<kind>[Kk]ingdom|city-state|"
                              r"island\s+(?:nation|state)|Gulf\s+state|emirate|sultanate|"
                              r"region)\b(?!\s+of\b|-|['’]s\b)")
_EPITHETS: dict[str, frozenset[str]] | None = None
_REGION_PREP_RE = re.compile(r"\b(?:to|from|with|into)\s+$")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$")
_THOSE_RE = re.compile(r"\s*(?:those|that|the\s+ones?)\s+(?:to|from|with|for|in)\s")
_THOSE_SCREEN_RE = re.compile(r"\b(?:those|that|ones?)\s+(?:to|from|with|for|in)\s")
_BILATERAL_RE = re.compile(r"\b(?:bilateral|two-way)\s+(?:\w+\s+)?trade\b", re.IGNORECASE)
_THE_COUNTRY_RE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}(?:country|nation)(?:['’]s)?\b")
_TOTAL_BEFORE_RE = re.compile(r"\b(?:[Tt]otal|[Oo]verall|[Aa]ggregate)\s+(?:[\w-]+\s+){0,2}$")
_GOODS_OF_RE = re.compile(r"\s+of\s+(?!the\b|its\b|their\b|that\b|this\b|which\b)[a-z]")
_OWNED_FLOWS = frozenset(["exports", "imports", "surplus", "deficit"])
_GOODS_FLOWS = frozenset(["exports", "imports"])
_NEG = "-"  # the flow of an amount governed by a non-trade head
_START = itemgetter(1)  # the start of a (code, start) mention
_FLOW_PRIORITY = {"surplus": 0, "deficit": 0, "agreement": 1, "arms": 2, "exports": 3,
                  "imports": 3, "sale": 3, "trade": 4}


class Cue(NamedTuple):
    start: int
    end: int
    flow: str  # a flow, or _NEG for a non-trade head


@dataclass
class _Doc:
    """What the scan carries from sentence to sentence."""

    text: str
    reporting: str | None = None  # the dateline's economy
    reporting_at: int = -1  # where the dateline starts
    dateline_end: int = -1  # where it ends
    subject: tuple[str, ...] = ()  # the economy the figures are about
    partners: tuple[str, ...] = ()  # partners of the last figure
    currency: str | None = None  # the last currency written
    topics: list[tuple[int, bool]] | None = None  # (start, is_trade), computed when needed
    facts: list[TradeFact] = field(default_factory=list)
    # The owner (first partner before the order of mention was applied) of a fact whose
    # partners were reordered, by the fact's start: the economy later figures continue.
    owners: dict[int, str] = field(default_factory=dict)
    # Sentences setting a rival's figures against the story's (``_is_aside``).
    asides: set[int] = field(default_factory=set)
    rejected: list[tuple[int, Money, str]] = field(default_factory=list)
    unions: bool = True  # whether the text may name a union of economies (``UNIONS``)
    kinds: bool = True  # whether it may say "the kingdom", "the city-state", ... (epithets)
    own_dollar: dict[str, bool] = field(default_factory=dict)  # ``_spells_own_dollar``


# --- public API ---------------------------------------------------------------------------------


def extract_trade(doc: DocContext) -> list[TradeFact]:
    """Every trade figure of a document, in text order.

    The body is read first so that a headline figure restated in the body can take the
    body's flow and currency (rule 28: both are recorded, each as written)."""
    text = doc.text
    if not doc.sentences or not _may_hold_amount(doc, 0, len(text)):
        return []
    may_hold = _AmountScreen(doc.folded)
    # A union name is read per sentence only in a document that writes one at all.
    state = _Doc(text=text, unions=_UNION_NAME_RE.search(text) is not None,
                 kinds=_may_name_kind(text))
    state.reporting, state.reporting_at, state.dateline_end = _reporting_economy(doc)
    title = 0 if doc.has_title else None
    body_start = 0
    if title is not None:
        title_mentions = _sentence_mentions(doc, 0, state.unions, state.kinds)
        state.subject = state.partners = tuple(_dedupe(c for c, _ in title_mentions))
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
        whole = _sentence_mentions(doc, no, state.unions, state.kinds)
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
        head = _Doc(text=text, reporting=state.reporting, topics=state.topics,
                    unions=state.unions, kinds=state.kinds)
        if not title_mentions:
            head.subject = head.partners = facts[0].partners if facts else ()
        _scan_sentence(doc, 0, head, body=facts, mentions=title_mentions)
        facts = head.facts + facts
    return [f for f in facts if 0 < f.amount < float("inf")]


# --- per sentence -------------------------------------------------------------------------------


def _scan_sentence(doc: DocContext, no: int, state: _Doc,
                   body: Sequence[TradeFact] | None = None,
                   span: tuple[int, int] | None = None,
                   mentions: list[tuple[str, int]] | None = None,
                   amounts: list[Money] | None = None) -> None:
    text = doc.text
    sent = doc.sentences[no]
    s, e = span if span is not None else (sent.start, sent.end)
    if mentions is None:
        mentions = _sentence_mentions(doc, no, state.unions, state.kinds)
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
    classified = _classified(text, s, mentions)
    cues = _cues(text, s, e, doc.folded)
    folded = doc.folded
    if folded.find("sales", s, e) >= 0 and (folded.find("abroad", s, e) >= 0 or folded.find(
            "overseas", s, e) >= 0 or folded.find("foreign", s, e) >= 0):
        cues = _firm_sales_abroad(text, s, cues, mentions)
    arms_here = any(c.flow == "arms" for c in cues)
    currencies = _sentence_currencies(amounts, state)
    emitted: list[TradeFact] = []
    prev_money: Money | None = None
    prev_fact: TradeFact | None = None
    model_arms: bool | None = None  # _names_weapon_model, read once when needed
    for i, money in enumerate(amounts):
        if money.hedge is not None:
            money = _unhedged(text, s, money)
        currency = currencies[i]
        conversion = prev_money is not None and _is_conversion(text, prev_money, money)
        prev_money = money
        if currency is None:
            prev_fact = None
            continue
        if conversion and prev_fact is not None:
            fact = TradeFact(no, money.start, money.end, money.value, money.high,
                             _converted_currency(currency, prev_fact, state),
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
        if _is_unit_price(text, money, e):
            continue
        flow = _flow_of(text, s, e, money, cues, amounts, state)
        if body is not None:
            same = _same_in_body(money, currency, body, state)
            if same is not None:
                partners = _partners_of(text, s, e, money, classified, amounts, state,
                                        same.flow, cues) or same.partners
                if same.flow == "trade" and len(partners) == 1:
                    partners = _bilateral(text, s, money, partners, state)
                approx = money.approx or _approx_before(text, s, money, doc.folded)
                fact = TradeFact(no, money.start, money.end, money.value, money.high,
                                 same.currency, approx,
                                 _per_of(text, s, e, money, amounts, doc.folded), same.flow,
                                 partners)
                emitted.append(fact)
                prev_fact = fact
                continue
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
        elif flow is None and not cues and state.facts and _OF_TOTAL_RE.match(text, money.end):
            flow = _paragraph_total(state, s)  # "Servers accounted for $32.3 billion of the total"
        elif flow is None and not cues and emitted and _compared_with_part(text, emitted[-1],
                                                                            money):
            flow = emitted[-1].flow  # "... of the total, down from $35.9 billion" (rule 26)
        taker = None
        if flow in (None, "imports", _NEG) and state.facts and state.facts[-1].flow == "exports":
            # "Britain took another $1.2 billion." after the owner's exports to other buyers;
            # "China, which buys most of Brazil's soy, took $40.1 billion worth" (the verb
            # right before the amount, not a cue in the clause between, governs it).
            taker = _taker(text, money, classified, strict=bool(cues))
            if taker is not None and taker == next(iter(state.facts[-1].partners), None):
                taker = None  # "Kenya bought machinery worth $N" after Kenya's own exports
            if taker is not None:
                flow = "exports"  # the taker is the buyer: a counterpart, not the subject
                classified = [(c, st, cp or c == taker) for c, st, cp in classified]
        if flow == "exports" and text.find("suppl", s, money.start) >= 0 and _supplier_shipments(
                text, s, money, cues):
            # "Russia remained the biggest supplier, with shipments worth $52.6 billion" in a
            # story about China's imports: the supplier's shipments are the buyer's imports
            # (rule 13); the supplier stays a counterpart.
            flow = "imports"
        if flow in (None, "exports", _NEG) and _paid_for_goods_from(text, s, money, classified):
            flow = "imports"  # "India spent $25.6 billion on crude from the kingdom"
        if flow == _NEG and text.find("spending", max(s, money.start - 40), money.start) >= 0 \
                and _spent_on_foreign_goods(text, s, money, cues, classified):
            flow = "imports"
        elliptic = -1
        if emitted and (flow is None or flow == _NEG):
            elliptic = _elliptic_clause(text, money, amounts, cues)
            if elliptic >= 0 or (
                flow == _NEG and _share_of_figure(text, emitted[-1], money, cues)
            ):
                flow = emitted[-1].flow
        if flow == _NEG and _weak_negative(text, money, cues):
            state.rejected.append((no, money, currency))
        if flow == "sale":
            flow = "arms" if arms_here or _ARMS_DOC_RE.search(
                text, max(0, s - ARMS_LOOKBACK), e) else None
        if flow is None or flow == _NEG:
            continue
        if text.find(" to ", money.end, min(e, money.end + 60)) >= 0 and _TO_ECONOMY_RE.match(
                text, _skip_conversion(text, money, amounts), e):
            continue  # "add 1.6 billion pounds a year to the British economy" (GDP, rule 11)
        if text.find("spen", max(s, money.start - 16), money.start) >= 0 and \
                _SPENT_AT_HOME_RE.match(text, _skip_conversion(text, money, amounts), e):
            continue  # "will spend C$2.6 billion over 10 years on the mission, including tanks"
        if _FACILITY_AFTER_RE.match(text, money.end, e):
            continue  # "The $20 billion Dangote refinery ... cut the fuel import bill": a cost
        if flow != "trade" and (
            arms_here or (flow == "exports" and _is_sales_to(text, s, money)
                          and _ARMS_DOC_RE.search(text, max(0, s - ARMS_LOOKBACK), e))
        ):
            flow = "arms"
        elif flow in _GOODS_FLOWS and (
            model_arms if model_arms is not None else
            (model_arms := _names_weapon_model(text, s, e))
        ):
            flow = "arms"  # "Warsaw bought its first 180 K2s" after "K2 battle tanks"
        partners = _partners_of(text, s, e, money, classified, amounts, state, flow, cues)
        if flow == "trade" and len(partners) == 1:
            partners = _bilateral(text, s, money, partners, state)
        if emitted and text.endswith((" with ", " at "), s, money.start):
            partners = _list_item(text, money, classified, emitted[-1]) or partners
        rest = text[money.end : e]
        if ", with " in rest and flow in _GOODS_FLOWS:
            partners = _with_roles_named(text, e, money, classified, partners)
        if "demand" in rest or (", as " in rest and flow in _GOODS_FLOWS):
            partners = _with_buyers_cited(text, e, money, classified, partners, flow)
        if elliptic >= 0 and emitted[-1].partners:
            # The owner of the figure the clause continues, then the clause's economies.
            own = [c for c, st, _cp in classified if elliptic <= st < money.start]
            partners = tuple(_dedupe([_owner(state, emitted[-1]), *own]))
        if flow == "imports" and partners and _bought_by_counterparts(
            text, money, cues, classified, partners[0]
        ):
            flow = "exports"
        if taker is not None:
            owner = _owner(state, state.facts[-1])
            partners = (owner, taker) if owner not in (None, taker) else (taker,)
        named = _by_mention(partners, classified, money.start, money.end, text, s)
        if named != partners:
            state.owners[money.start] = partners[0]
            partners = named
        if len(partners) > 1 and text.find("respectively", money.end, e) >= 0:
            partners = _respectively(text, money, amounts, classified, partners)
        if flow in ("surplus", "deficit") and len(partners) == 1 and emitted and (
            emitted[-1].flow == "trade" and len(emitted[-1].partners) == 2
            and partners[0] in emitted[-1].partners
        ):
            # "Trade between China and Saudi Arabia totalled $107.5 billion, leaving Beijing
            # with a deficit of $34.5 billion": the balance of that pair, its owner first.
            partners = (partners[0], *(c for c in emitted[-1].partners if c != partners[0]))
        if (flow in ("agreement", "arms") or _deal_verb(text, money, cues)) and not (
            _has_state_party(text, s, e, mentions, state)
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
            currency=_resolve(currency, partners, state),
            is_approximate=money.approx or _approx_before(text, s, money, doc.folded),
            per=(_per_of(text, s, e, money, amounts, doc.folded)
                 or _chained_per(text, money, emitted)),
            flow=flow,
            partners=partners,
        )
        emitted.append(fact)
        prev_fact = fact
    state.facts.extend(emitted)
    if emitted:
        state.partners = emitted[-1].partners
        first = emitted[0].char_start
        subj = tuple(_dedupe(c for c, st, cp in classified if not cp and st < first))
        # "China accounted for 15 per cent of India's total imports of $915 billion": an
        # economy that is a partner of none of the sentence's figures is not the subject
        # the next sentence ("The country's deficit ...") continues (rule 20).
        owned = {c for f in emitted for c in f.partners}
        if any(c in owned for c in subj):
            subj = tuple(c for c in subj if c in owned)
        if len(subj) > 1 and len(state.subject) == 1 and state.subject[0] in subj:
            # "The EU buys 80% of Norway's exports, and the bloc's imports of Norwegian gas
            # were ...": a sentence naming the story's economy with another one does not
            # hand the story to the other; "Mainland exports ..." next are still Norway's.
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


def _respectively(text: str, money: Money, amounts: list[Money],
                  classified: list[tuple[str, int, bool]], partners: tuple[str, ...]
                  ) -> tuple[str, ...]:
    """"Shipments to Taiwan and India were worth $2.1 billion and $1.4 billion
    respectively": the i-th amount of a list closed by "respectively" takes the i-th
    economy of the list of the same length before it, not the others."""
    run = [money]
    for a in amounts[amounts.index(money) + 1 :]:  # the amounts after, to "respectively"
        if not _AMOUNT_JOIN_RE.fullmatch(text, run[-1].end, a.start):
            break
        run.append(a)
    if not _RESPECTIVELY_RE.match(text, run[-1].end):
        return partners
    for a in reversed(amounts[: amounts.index(money)]):
        if not _AMOUNT_JOIN_RE.fullmatch(text, a.end, run[0].start):
            break
        run.insert(0, a)
    n = len(run)
    # The list of economies: the last run of n names joined by "and" / commas before the
    # first amount.
    before = [(c, st) for c, st, _cp in classified if st < run[0].start]
    for k in range(len(before) - n, -1, -1):
        group = before[k : k + n]
        if len({c for c, _ in group}) == n and all(
            _LIST_JOIN_RE.match(text[_name_end(text, x[1]) : y[1]])
            for x, y in pairwise(group)
        ):
            mine = group[run.index(money)][0]
            others = {c for c, _ in group if c != mine}
            return tuple(c for c in partners if c not in others)
    return partners


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
            if not named or (owner is not None and not any(
                    owner.start() <= st < owner.end() for st in named)):
                cue = Cue(cue.start, cue.end, _NEG)
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


def _carry_pending(doc: DocContext, pending: list[int], state: _Doc) -> None:
    """Apply ``_carry_mentions`` of the sentences in ``pending`` (in order, none with
    figures) and empty it. Each one that names a subject overwrites what the ones before
    it set, so only the last such sentence is read."""
    for no in reversed(pending):
        if _carry_mentions(doc.text, doc.sentences[no].start,
                           _sentence_mentions(doc, no, state.unions, state.kinds), state):
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
    after = _after_window(text, money.end, len(text))
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    return bool(window) and text[window[0].start : window[0].end].lower() in WEAK_NEGATIVES


def _rescued(state: _Doc) -> list[TradeFact]:
    """Amounts rejected only by a weak head that restate a trade figure of the same
    document (same value and currency) are that figure again (rule 28)."""
    facts = list(state.facts)
    for no, money, currency in state.rejected:
        for fact in state.facts:
            if abs(fact.amount - money.value) <= 1e-6 * fact.amount and (
                _resolve(currency, fact.partners, state) == fact.currency
            ):
                facts.append(TradeFact(no, money.start, money.end, money.value, money.high,
                                       fact.currency, money.approx, None, fact.flow,
                                       fact.partners))
                break
    return sorted(facts, key=lambda f: f.char_start)


def _carry_mentions(text: str, s: int, mentions: list[tuple[str, int]], state: _Doc,
                    classified: list[tuple[str, int, bool]] | None = None) -> bool:
    """A sentence without figures that names economies becomes the context (rule 20); one
    that names only counterparts ("a summit in Chile") leaves the subject as it was.
    True when the context changed. ``classified``: ``_classified`` of the mentions."""
    if not mentions:
        return False
    if classified is None:
        classified = _classified(text, s, mentions)
    # "... to avoid the US duties": an economy naming a policy aimed at trade is not what
    # the next figures are about.
    # One search for a policy word first: most sentences name none.
    policy = _POLICY_WORD_RE.search(text, s, classified[-1][1] + 60) is not None
    subj = tuple(_dedupe(c for c, st, cp in classified if not cp and not (
        policy and _POLICY_AFTER_RE.match(text, _name_end(text, st)))))
    if subj:
        state.subject = subj
        state.partners = tuple(_dedupe(c for c, _ in mentions))
    return bool(subj)


def _continues(state: _Doc, no: int, text: str = "", s: int = 0, money: Money | None = None
               ) -> bool:
    """A sentence with no cue at all continues the figures of the sentence just before
    when it opens like a continuation or its amount borrows the currency ("They were 20.2
    billion in February 1986.", "This compared with ...")."""
    if not state.facts or state.facts[-1].sentence_no < no - 2:
        return False
    if money is None:
        return True
    if money.bare or _CONTINUATION_RE.match(text, s) is not None:
        return True
    # "... approved the sale of $2 billion worth of weapons to Taiwan. The package includes
    # three NASAMS units valued at $1.16 billion": the deal named again, its parts' values.
    return state.facts[-1].flow in ("arms", "agreement") and \
        _DEAL_OPENING_RE.match(text, s) is not None


# --- flow ----------------------------------------------------------------------------------------


def _cues(text: str, s: int, e: int, folded: str) -> list[Cue]:
    """The flow and non-trade cues of a sentence, compounds merged: in "trade deficit",
    "barter trade pact", "export credit" the head (last word) decides, except a flow before
    earnings/sales ("export earnings", "arms sales"); flows inside "the difference between
    exports and imports" belong to the balance."""
    raw = [Cue(m.start(), m.end(), m.lastgroup if m.lastgroup != "neg" else _NEG)
           for m in _CUE_SCAN.finditer(text, folded, s, e)
           if not (m.lastgroup == "neg" and (_BASIS_RE.match(text, m.end(), e)
                                             or _RATE_OF_RE.match(text, m.end(), e)))]
    merged: list[Cue] = []
    for cue in raw:
        gap = text[merged[-1].end : cue.start] if merged else ""
        if merged and len(gap) <= 80 and _COMPOUND_GAP_RE.fullmatch(gap):
            prev = merged[-1]
            word = text[cue.start : cue.end].lower()
            if cue.flow == _NEG and prev.flow != _NEG and _PREP_IN_GAP_RE.search(gap):
                merged.append(cue)  # "deficit on a balance of payments basis": no compound
                continue
            if cue.flow == _NEG and prev.flow != _NEG and (
                word in FLOW_KEEPS_HEAD or (prev.flow == "imports" and word in IMPORT_BILL)
            ):
                flow = prev.flow  # "export earnings", "arms sales", "oil import bill"
            elif cue.flow != _NEG and prev.flow != _NEG:
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
        if to_before and _AGREED_TO_RE.search(text, max(s, cue.start - 20), cue.start):
            # "agreed to buy 1.5 billion dlrs of grain": framed as a deal (rule 5).
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
        if cue.flow == _NEG and text.startswith("economy", cue.start) and any(
            m.end() == cue.end
            for m in _EPITHET_RE.finditer(text, max(s, cue.start - 40), cue.end)
        ):
            continue  # "exports to the world's largest economy": a name, no head
        if folded.find("between", cue.start, cue.end) >= 0 and _BETWEEN_RE.search(
            text, cue.start, cue.end
        ):
            between_end = cue.end + 60
        out.append(cue)
    return out


def _flow_of(text: str, s: int, e: int, money: Money, cues: list[Cue],
             amounts: list[Money], state: _Doc) -> str | None:
    """The flow of the cue that governs ``money``: _NEG when that is a non-trade head,
    None when no cue governs it."""
    more = _MORE_THAN_SOLD_RE.match(text, money.end, e)
    if more:
        return "deficit" if more.group("w") in ("sold", "exported") else "surplus"
    after = _after_window(text, _skip_conversion(text, money, amounts), e)
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    if window:
        if window[0].flow == _NEG:
            return _NEG
        if _FOR_RE.match(text, money.end):
            # "the budget includes $30 billion for new warships": the purpose of a
            # non-trade sum, not a flow.
            gov = [c for c in cues if c.end <= money.num_start]
            if gov and gov[-1].flow == _NEG:
                return _NEG
        best = min(window, key=lambda c: _FLOW_PRIORITY.get(c.flow, 9))
        return _checked(text, e, best, state)
    before = [c for c in cues if c.end <= money.num_start]
    if before:
        cue = before[-1]
        if cue.flow == _NEG and len(before) > 1 and before[-2].flow != _NEG and (
            _modifies_flow(text, before[-2], cue)
        ):
            # "exports from the world's second-largest economy rose to ...", "imports of
            # wheat from Russia cost ...": the non-trade word belongs to the flow's phrase.
            cue = before[-2]
        elif len(before) > 1 and _in_appositive(text, s, before[-2], cue, money):
            # "Kenya's trade deficit with China, its largest source of imports, widened to
            # ...": the appositive describes the economy; the flow is the phrase's before it.
            cue = before[-2]
        if cue.flow in ("exports", "imports") and _buys_currency(text, cue, money):
            return _NEG
        return _checked(text, e, cue, state)
    # Past its own bracketed conversion: "earned 215 billion shillings ($1.66 billion) from
    # tea exports" (the conversion shares the flow, rule 18).
    nxt = [a for a in amounts if a.start >= money.end]
    if nxt and _is_conversion(text, money, nxt[0]):
        pos = _skip_conversion(text, money, amounts)
        nxt = [a for a in nxt if a.start >= pos]
    limit = nxt[0].start if nxt else e
    contrast = _CONTRAST_RE.search(text, money.end, limit)
    if contrast is not None:
        limit = contrast.start()  # "..., while China was the largest source of imports"
    later = [c for c in cues if money.end <= c.start < limit]
    if later:
        return _checked(text, e, later[0], state)
    return None


def _spent_on_foreign_goods(text: str, s: int, money: Money, cues: list[Cue],
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


def _supplier_shipments(text: str, s: int, money: Money, cues: list[Cue]) -> bool:
    """The amount is governed by "shipments" / "deliveries" (no "to X" after them) in a
    clause whose subject is called the biggest / main / top supplier."""
    gov = [c for c in cues if c.end <= money.num_start]
    if not gov or gov[-1].flow != "exports" or not _SHIPMENTS_RE.fullmatch(
            text, gov[-1].start, gov[-1].end):
        return False
    if _TO_AFTER_CUE_RE.match(text, gov[-1].end):
        return False
    return _SUPPLIER_ROLE_RE.search(text, s, gov[-1].start) is not None


def _paid_for_goods_from(text: str, s: int, money: Money,
                         classified: list[tuple[str, int, bool]]) -> bool:
    """"India, the third-largest buyer of Saudi oil, spent $25.6 billion on crude from the
    kingdom": money spent or paid on goods from another economy buys them (imports, rule 5),
    whatever role an appositive gave the spender."""
    lo = max(s, money.start - 12)
    if text.find("sp", lo, money.start) < 0 and text.find("pa", lo, money.start) < 0:
        return False
    if not _SPENT_BEFORE_RE.search(text, lo, money.start):
        return False
    m = _ON_FROM_AFTER_RE.match(text, money.end)
    return m is not None and any(st == m.end() for _c, st, _cp in classified)


def _elliptic_clause(text: str, money: Money, amounts: list[Money], cues: list[Cue]) -> int:
    """"Shipments to the US fell to $8.75 billion, hit by tariffs, while those to China rose
    to $12.3 billion": a clause opening with "those to/from ..." and naming no cue of its
    own has the flow of the figure before it in the sentence. Where that clause starts, or
    -1."""
    lo = max((a.end for a in amounts if a.end <= money.start), default=money.start)
    if _THOSE_SCREEN_RE.search(text, lo, money.start) is None:
        return -1
    breaks = list(_CLAUSE_BREAK_RE.finditer(text, lo, money.start))
    brk = breaks[-1] if breaks else None
    if brk is None or not _THOSE_RE.match(text, brk.end(), money.start):
        return -1
    after = _after_window(text, money.end, len(text))
    if any(brk.end() <= c.start < after for c in cues):
        return -1
    return brk.end()


def _share_of_figure(text: str, prev: TradeFact, money: Money, cues: list[Cue]) -> bool:
    """"Exports rose to 19.18 trillion naira, with crude oil sales accounting for 13.36
    trillion naira": a part of the figure just before, named by a weak head (sales,
    earnings), is a figure of the same flow (rule 9: earnings tied to exports)."""
    m = _SHARE_RE.search(text, prev.char_end, money.start)
    if m is None or m.end() != money.start:
        return False
    head = [c for c in cues if m.start() <= c.start and c.end <= money.start]
    return bool(head) and all(
        c.flow != _NEG or text[c.start : c.end].lower() in FLOW_KEEPS_HEAD for c in head)


def _in_appositive(text: str, s: int, prev: Cue, cue: Cue, money: Money) -> bool:
    """Does ``cue`` sit in an appositive that describes the economy named before it (", its
    biggest export market,", ", their main source of imports,"), after the cue ``prev``
    and closed before ``money``?"""
    opening = text.rfind(",", max(s, prev.end, cue.start - 60), cue.start)
    if opening < 0 or not _ITS_APPOSITIVE_RE.match(text, opening):
        return False
    closing = text.find(",", cue.end, money.num_start)
    return closing >= 0 and closing - cue.end <= 40


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


def _checked(text: str, e: int, cue: Cue, state: _Doc) -> str:
    """A balance about a non-trade account is not trade (rule 1): the account named right
    after the balance ("surplus on invisibles"), else the one last named before it, back
    into earlier sentences ("The deficit ..." in a story about the budget)."""
    if cue.flow not in ("surplus", "deficit"):
        return cue.flow
    after = _TOPIC_AFTER_RE.match(text, cue.end, e)
    if after is not None:
        return _NEG if after.group("neg") else cue.flow
    word = text[cue.start : cue.end]
    if _TRADE_TOPIC_RE.search(word):
        return cue.flow
    if _NON_TRADE_TOPIC_RE.search(word):
        return _NEG
    if state.topics is None:
        state.topics = _topics(state.text)
    k = bisect_left(state.topics, (cue.start, False)) - 1
    lo = cue.start - 2000
    while k >= 0 and state.topics[k][0] >= lo:
        return cue.flow if state.topics[k][1] else _NEG
    return cue.flow


def _topics(text: str) -> list[tuple[int, bool]]:
    """Every account named in the document: (start, is trade), in text order."""
    found = [(m.start(), True) for m in _TRADE_TOPIC_RE.finditer(text)]
    found += [(m.start(), False) for m in _NON_TRADE_TOPIC_RE.finditer(text)]
    return sorted(found)


def _after_window(text: str, pos: int, e: int) -> int:
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


def _skip_conversion(text: str, money: Money, amounts: list[Money]) -> int:
    """Where the words after an amount start, past a bracketed conversion
    ("1.47m yuan ($177,600) in compensation")."""
    pos = money.end
    for other in amounts:
        if other.start >= pos and _is_conversion(text, money, other):
            close = text.find(")", other.end, other.end + 40)
            pos = close + 1 if close >= 0 else other.end
            money = other
    return pos


def _is_conversion(text: str, prev: Money, money: Money) -> bool:
    return _OPEN_BRACKET_RE.match(text[prev.end : money.start]) is not None


def _buys_currency(text: str, cue: Cue, money: Money) -> bool:
    """"purchased 150 mln dlrs in the half-hour": a verb buying money, not goods."""
    if money.start - cue.end > 3 or not _BUY_SELL_RE.match(text[cue.start : cue.end]):
        return False
    return _GOODS_AFTER_RE.match(text, money.end, money.end + 40) is None


def _is_unit_price(text: str, money: Money, e: int) -> bool:
    """Prices of one unit, exchange rates and small sums are not trade figures."""
    if not money.scaled and not money.vague and money.value < 1e5:
        return True
    return _UNIT_AFTER_RE.match(text, money.end, e) is not None or (
        _AT_BEFORE_RE.search(text[max(0, money.start - 4) : money.start]) is not None
        and _EACH_AFTER_RE.match(text, money.end, e) is not None
    )


def _deal_verb(text: str, money: Money, cues: list[Cue]) -> bool:
    """Is the amount governed by a verb or noun of buying and selling ("ordered ... worth",
    "a $2bn order")? Such a deal is trade only with a state as a party (rule 6)."""
    after = _after_window(text, money.end, len(text))
    window = [c for c in cues if money.end <= c.start and c.end <= after]
    before = [c for c in cues if c.end <= money.num_start]
    gov = window[0] if window else (before[-1] if before else None)
    if gov is None:
        return False
    return _DEAL_VERB_RE.search(text[gov.start : gov.end]) is not None


def _bought_by_counterparts(text: str, money: Money, cues: list[Cue],
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
        _SUBJECT_GAP_RE.fullmatch(text, _name_end(text, buyers[-1][1]), cue.start) is not None)


def _paragraph_total(state: _Doc, s: int) -> str | None:
    """The flow of the first total (exports, imports, trade) of the paragraph holding ``s``:
    what "of the total" in a sentence without any cue is a part of."""
    para = state.text.rfind("\n\n", 0, s)
    flow = next((f.flow for f in state.facts[-20:] if f.char_start > para
                 and f.flow in ("exports", "imports", "trade")), None)
    if flow is None and para > 0:
        # Wire copy puts one sentence in a paragraph: the total is in the paragraph before.
        before = state.text.rfind("\n\n", 0, para)
        flow = next((f.flow for f in state.facts[-20:] if before < f.char_start < para
                     and f.flow in ("exports", "imports", "trade")), None)
    return flow


def _taker(text: str, money: Money, classified: list[tuple[str, int, bool]],
           strict: bool = False) -> str | None:
    """The economy that is the subject of "took / bought / absorbed (another) <amount>",
    an appositive or relative clause allowed between ("China, which buys ..., took").
    ``strict`` (the sentence has flow cues): "took / absorbed / received" only, or "bought"
    of the figure before ("bought $15.8 billion of that")."""
    for code, start, _cp in classified:
        if start >= money.start:
            break
        m = _TOOK_GAP_RE.fullmatch(text, _name_end(text, start), money.start)
        if m is None:
            continue
        if strict and m.group("verb") == "bought" and not m.group("goods") and \
                not _OF_THAT_RE.match(text, money.end):
            continue
        if m.group("aside") and not strict and text.count(",", m.start(), m.end()) != 2:
            continue
        return code
    return None


def _compared_with_part(text: str, prev: TradeFact, money: Money) -> bool:
    """Is ``money`` the figure a part "of the total" is compared with ("accounted for $30
    billion of the total, down from $36 billion")?"""
    m = _OF_TOTAL_RE.match(text, prev.char_end, money.start)
    return m is not None and _CHAIN_GAP_RE.fullmatch(text, m.end(), money.start) is not None


def _with_buyers_cited(text: str, e: int, money: Money, classified: list[tuple[str, int, bool]],
                       partners: tuple[str, ...], flow: str) -> tuple[str, ...]:
    """Rule 25: economies whose demand a causal clause after the amount's clause names as
    the cause of the change are partners ("rose to $2 billion, as strong demand from China
    and India lifted prices")."""
    brk = _CLAUSE_BREAK_RE.search(text, money.end, e)
    cause = _DEMAND_FROM_RE.match(text, brk.start()) if brk is not None else None
    if cause is None and brk is not None:
        # "rose to $29.1 billion, beating forecasts, as shipments to ...": a short
        # participle aside comes between the amount and its causal clause.
        aside = _ASIDE_RE.match(text, brk.start())
        cause = _DEMAND_FROM_RE.match(text, aside.end() - 1) if aside is not None else None
    if cause is None:
        return partners
    buyers: list[str] = []
    pos = cause.end()
    for code, st, _cp in classified:
        if st < pos:
            continue
        if not _LIST_JOIN_RE.match(text[pos:st]):
            break
        buyers.append(code)
        pos = _name_end(text, st)
    if text.startswith(", ", pos):
        # "as shipments to the United States, its biggest market, jumped": the appositive
        # names the same economy; the change verb follows it.
        appositive = _ITS_ROLE_RE.match(text, pos)
        pos = appositive.end() if appositive is not None else pos
    if cause.group("flow") and (flow not in _GOODS_FLOWS or not _CHANGE_VERB_RE.match(text, pos)):
        # "as sales to the US offset ...": not named as what changed. A part of the same
        # flow that changed ("Total exports rose ..., as shipments to Singapore jumped")
        # is a cause; what it does to a balance is left to the balance's own clause.
        return partners
    return tuple(_dedupe([*partners, *buyers]))


def _with_roles_named(text: str, e: int, money: Money, classified: list[tuple[str, int, bool]],
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
        said = _SAID_TAIL_RE.search(gap)
        gap = _BRACKETS_RE.sub("", gap[: said.start()] if said else gap)
        if gap.count(" ") > 4:
            return partners
    names: list[tuple[str, int]] = []
    pos = k + 7
    for code, st, _cp in classified:
        if st < pos:
            continue
        if not _LIST_JOIN_RE.match(text[pos:st]):
            break
        names.append((code, st))
        pos = _name_end(text, st)
    role = _ROLE_NOUN_RE.match(text, pos) if names else None
    if role is None or _ROLE_AMOUNT_RE.match(text, role.end()):
        # "Imports climbed to $11.7 billion, with China the biggest supplier at $2.6
        # billion": the role belongs to the clause's own amount, not to the total.
        return partners
    codes = [c for c, _ in names]
    # The owner named in the role's own phrase ("buyers of Argentine gas") keeps its place.
    owner = [c for c, st, _cp in classified if st == role.end() and c not in codes]
    if owner:
        return tuple(_dedupe([*codes, *owner, *partners]))
    return tuple(_dedupe([*partners, *codes]))


def _list_item(text: str, money: Money, classified: list[tuple[str, int, bool]],
               prev: TradeFact) -> tuple[str, ...] | None:
    """"Germany remained the top market for Turkish goods, taking $1.9 billion worth,
    followed by the United Kingdom with $1.3 billion and Iraq with $1.2 billion": an
    economy labelling the amount in a list after a figure is that figure's counterpart
    again; the owner of the figure before (its partner that is no counterpart here) owns
    this one (rules 20-21)."""
    gap = money.start - (6 if text.startswith(" with ", money.start - 6) else 4)
    item = next(((c, st) for c, st, _cp in classified if _name_end(text, st) == gap), None)
    if item is None or not _LIST_ITEM_RE.search(text, max(0, item[1] - 20), item[1]):
        return None
    cps = {c for c, _st, cp in classified if cp}
    owner = next((c for c in prev.partners if c not in cps and c != item[0]), None)
    return (owner, item[0]) if owner is not None else None


def _names_weapon_model(text: str, s: int, e: int) -> bool:
    """Does the sentence name a model ("180 K2s", "the KF-21") that the text just before
    called a weapon ("K2 battle tanks", rule 8)?"""
    models = {m.group("m") for m in _MODEL_TOKEN_RE.finditer(text, s, e)}
    if not models:
        return False
    return any(m.group("m") in models for m in _WEAPON_MODEL_RE.finditer(
        text, max(0, s - ARMS_LOOKBACK), s))


def _is_sales_to(text: str, s: int, money: Money) -> bool:
    return _SALES_TO_RE.search(text[s : money.start]) is not None


def _has_state_party(text: str, s: int, e: int, mentions: list[tuple[str, int]],
                     state: _Doc) -> bool:
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
        if _COMPANY_AFTER_RE.match(text, end, e) and not _POSSESSIVE_RE.match(text, end, e):
            continue
        return True
    # Only firms' homes are named: a party the text calls a government or a state firm
    # ("The government has agreed to buy 25 Boeing aircraft for state carrier Biman
    # Bangladesh Airlines") is a state (rule 6).
    return _STATE_PARTY_RE.search(text, s, e) is not None


# --- attributes ----------------------------------------------------------------------------------


def _approx_before(text: str, s: int, money: Money, folded: str) -> bool:
    lo = max(s, money.start - 40)
    if not _holds_any(folded, _APPROX_STEMS, lo, money.start):
        return False
    return _APPROX_BEFORE_RE.search(text[lo : money.start]) is not None


def _per_of(text: str, s: int, e: int, money: Money, amounts: list[Money], folded: str
            ) -> str | None:
    """Rate wording right after the amount ("a year", "annually"), or a rate adjective
    ("annual two-way trade", "monthly total") in the amount's clause (rule 15).
    ``folded``: ``patterns.fold_case(text)``, for the substring screens."""
    # Right after the amount, else past a bracketed conversion ("88bn euros ($95bn) a year").
    for pos in dict.fromkeys((money.end, _skip_conversion(text, money, amounts))):
        nxt = [a.start for a in amounts if a.start >= pos]
        limit = min(nxt[0] if nxt else e, pos + 40)
        if not _holds_any(folded, _RATE_STEMS, pos, limit):
            continue
        m = _PER_AFTER_RE.search(text, pos, limit)
        if m is not None and not _COMMA_RE.search(text[pos : m.start()]):
            return m.lastgroup
    if text.startswith((" of ", " more of ", " worth of "), money.end):
        # "buy $2 billion more of U.S. gas, corn and aircraft a year": the rate follows the
        # list of goods bought, whose commas end no clause.
        goods = _GOODS_LIST_RATE_RE.match(text, money.end, e)
        if goods is not None:
            return goods.group("unit")
    if text.startswith(("l ", "d ", "y "), money.start - 2):  # a cheap screen first
        before = _PER_BEFORE_RE.search(text, max(s, money.start - 20), money.start)
        if before is not None:
            return before.lastgroup  # "running at an annualised $42 billion"
    # The amount's clause lies in the sentence: one without a rate adjective (most) has
    # none to look for.
    if _holds_any(folded, _RATE_ADJECTIVES, s, e):
        prev = [a.end for a in amounts if a.end <= money.start]
        lo = prev[-1] if prev else s
        brk = list(_CLAUSE_BREAK_RE.finditer(text, lo, money.start))
        lo = brk[-1].end() if brk else lo
        hi = _clause_end(text, money.end, e, [], money)
        adj = _PER_ADJ_RE.search(text, lo, hi)
        if adj is not None:
            return adj.lastgroup
    # "On an annual basis, ...": only a sentence opening with "On" or "At".
    if not text.startswith(("O", "A"), s) and not text[s : s + 1].isspace():
        return None
    adj = _PER_OPENING_RE.match(text, s)
    return adj.lastgroup if adj is not None else None


def _holds_any(folded: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """Does ``folded[lo:hi]`` hold one of ``words``? A screen before an ``IGNORECASE``
    pattern that cannot match without one of them: exact when no word has an "i", "s" or
    "k", the letters ``re`` also matches with a character outside ASCII ("ı", "ſ", "K")
    that ``fold_case`` may not fold to them."""
    return any(folded.find(w, lo, hi) >= 0 for w in words)


def _sentence_currencies(amounts: list[Money], state: _Doc) -> list[str | None]:
    """The currency of each amount; a bare one borrows the nearest written one before it
    in the sentence, else after it, else the paragraph's last (rules 12, 26)."""
    written = [a.currency for a in amounts]
    out: list[str | None] = []
    for i, cur in enumerate(written):
        if cur is not None:
            out.append(cur)
            continue
        before = next((c for c in reversed(written[:i]) if c is not None), None)
        after = next((c for c in written[i + 1 :] if c is not None), None)
        out.append(before or after or state.currency)
    return out


def _spells_own_dollar(code: str, state: _Doc) -> bool:
    """Whether the text writes the dollar ``code`` with a sign of its own ("C$", "NZ$")."""
    if code not in state.own_dollar:
        signs = [p for p, c in CURRENCIES.prefixes.items() if c == code]
        low = state.text.lower() if signs else ""
        state.own_dollar[code] = any(
            (k := low.find(p)) >= 0 and (k == 0 or not low[k - 1].isalpha()) for p in signs)
    return state.own_dollar[code]


def _resolve(currency: str, partners: Sequence[str], state: _Doc) -> str:
    """An ISO code for a written currency; a family by the reporting economy (rule 19).

    Unqualified dollars follow only the reporting economy (a Washington story's "dlrs" of
    Canada's trade are US dollars); francs, crowns, rupees follow the first economy that
    has them: dateline, then partners."""
    if not is_family(currency):
        return currency
    if currency == "DOLLAR":
        first = state.reporting or (partners[0] if partners else None)
        code = national_currency(currency, first)
        if code is not None and _spells_own_dollar(code, state):
            # "fell to C$46.2 billion ... The U.S. Commerce Department said its goods deficit
            # with Canada narrowed to $4.1 billion": a story that writes the reporting
            # economy's dollar with its own sign means another dollar by a bare one.
            return default_currency(currency)
        return code or default_currency(currency)
    for economy in (*partners, state.reporting, *state.subject):
        code = national_currency(currency, economy)
        if code is not None:
            return code
    return default_currency(currency)


def _chained_per(text: str, money: Money, emitted: list[TradeFact]) -> str | None:
    """The rate of the figure an amount is compared with ("the annual deficit narrowed to
    NZ$9.8 billion from NZ$12.1 billion"): both measure the same thing (rule 26)."""
    if not emitted or emitted[-1].per is None:
        return None
    gap = text[emitted[-1].char_end : money.start]
    return emitted[-1].per if _CHAIN_GAP_RE.fullmatch(gap) else None


def _converted_currency(currency: str, original: TradeFact, state: _Doc) -> str:
    """The currency of a bracketed conversion: never the original's own, so a bare "$"
    after another dollar ("NZ$1.54 billion ($905 million)") is the US dollar (rule 19)."""
    code = _resolve(currency, original.partners, state)
    if code == original.currency and currency == "DOLLAR" and code != "USD":
        return "USD"
    return code


def _same_in_body(money: Money, currency: str, body: Sequence[TradeFact],
                  state: _Doc) -> TradeFact | None:
    for fact in body:
        if abs(fact.amount - money.value) <= 1e-6 * max(fact.amount, 1.0) and (
            _resolve(currency, fact.partners, state) == fact.currency
        ):
            return fact
    return None


# --- partners ------------------------------------------------------------------------------------


def _sentence_mentions(doc: DocContext, no: int, unions: bool = True, kinds: bool = True
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
    transit = bool(raw) and ("through" in span or "via " in span or "across " in span)
    compared = bool(raw) and ("overt" in span or "surpass" in span or " after " in span)
    transit_end = -1
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
        if _CURRENCY_QUALIFIER_RE.match(text, _end, sent.end):
            continue  # "US$4.6bn", "2.3 billion U.S. dlrs": a currency, not a partner
        if compared and _OVERTOOK_RE.search(text, max(sent.start, start - 40), start):
            continue  # "Spain, which overtook France as its biggest supplier": a rival
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
    for m in _UNION_RE.finditer(span) if unions and _UNION_NAME_RE.search(span) else ():
        lo, hi = sent.start + m.start(), sent.start + m.end()
        out = [x for x in out if not lo <= x[1] < hi]
        out.extend((c, lo) for c in UNIONS[m.group(0)])
    anaphor = "bloc" in span or "Community" in span or "Union" in span
    for m in _BLOC_ANAPHOR_RE.finditer(span) if anaphor else ():
        bloc = _last_bloc(doc, no, sent.start + m.start())
        if bloc is not None:
            out.append((bloc, sent.start + m.start()))
    if "world" in span:
        out.extend(_economy_epithets(doc, span, sent.start))
    if kinds and ("ingdom" in span or "state" in span or "island" in span or "emirate" in span
                  or "sultanate" in span or "region" in span):
        out.extend(_kind_anaphors(doc, no, span, sent.start, out))
    if "neighbo" in span:
        out.extend(_neighbour_anaphors(doc, no, span, sent.start))
    if out and ("country" in span or "nation" in span):  # names one before it
        out.sort(key=_START)
        out.extend(_described_counterparts(text, span, sent.start, out))
    if len(out) > 1:
        out.sort(key=_START)
    return out


def _described_counterparts(text: str, span: str, offset: int, named: list[tuple[str, int]]
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
    return out


def _economy_epithets(doc: DocContext, span: str, offset: int) -> list[tuple[str, int]]:
    """(code, start) of "the world's largest economy" (the United States in copy of every
    era) and "the world's second-largest economy": China or Japan (Japan until 2010), so
    only the one of the two the document names elsewhere (rule 20: unambiguously implied)."""
    out: list[tuple[str, int]] = []
    for m in _EPITHET_RE.finditer(span):
        if m.group("second") is None:
            out.append(("USA", offset + m.start()))
            continue
        named = {x.country for ms in doc.mentions for x in ms} & {"CHN", "JPN"}
        if len(named) == 1:
            out.append((named.pop(), offset + m.start()))
    return out


def _epithets() -> dict[str, frozenset[str]]:
    """``data/epithets.tsv``: what "the kingdom", "the city-state", ... can mean."""
    global _EPITHETS
    if _EPITHETS is None:
        rows = (line.split("\t") for line in (Path(__file__).resolve().parent / "data"
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
            for c, st in _sentence_mentions(doc, k, kinds=False):  # no currency qualifiers
                first.setdefault(c, _COUNTERPART_RE.search(text, max(lo, st - 30), st)
                                 is not None)
            code = next((c for c, cp in reversed(first.items()) if cp), None)
            if code is not None:
                break
        if code is not None:
            out.append((code, offset + m.start("the")))
    return out


def _may_name_kind(text: str) -> bool:
    """Whether a document may hold an epithet of ``data/epithets.tsv``: read once a
    document, so that most sentences skip the per-sentence screens."""
    return ("ingdom" in text or "city-state" in text or "island" in text or "Gulf state" in text
            or "emirate" in text or "sultanate" in text or "region" in text)


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


def _name_end(text: str, start: int) -> int:
    m = _NAME_RE.match(text, start, start + 60)  # in place: no slice
    return m.end() if m else start


def _classified(text: str, s: int, mentions: list[tuple[str, int]]
                ) -> list[tuple[str, int, bool]]:
    """Each mention with whether it is a counterpart ("exports to Japan", "deficit with
    the EC", "from India", or the next item of such a list)."""
    out: list[tuple[str, int, bool]] = []
    prev: tuple[int, bool] | None = None
    for code, start in mentions:
        before = text[max(s, start - 30) : start]
        end = _name_end(text, start)
        cp = (bool(_COUNTERPART_RE.search(before)) and not (
            before.endswith("in ") and _IN_ADJECTIVE_RE.match(text, start)
        ) and not (
            # "In neighbouring Chile, copper exports reached ...": a sentence opening on
            # the place whose figures follow names their owner, not a counterpart.
            "In " in before and _IN_OPENING_RE.search(before) is not None
            and text.startswith(",", end)
        )) or (
            before.endswith("of ") and _IMPORTS_OF_RE.search(before) is not None
        ) or (
            prev is not None and prev[1] and _LIST_JOIN_RE.match(text[prev[0] : start]) is not None
            # "Trade with Brazil, Argentina's largest trading partner,": an appositive
            # naming the owner, not the next item of the list.
            and not (text.endswith("'s", start, end) or text.startswith("’s", end))
        ) or (text.startswith(_ROLE_VERBS, end) and _ROLE_AFTER_RE.match(text, end) is not None
              ) or (text.startswith(", ", end) and (
                  _ROLE_APPOSITIVE_RE.match(text, end) is not None or _role_after_aside(text, end)))
        out.append((code, start, cp))
        prev = (end, cp)
    return out


def _role_after_aside(text: str, end: int) -> bool:
    """"The Netherlands, home to the world's largest grinding hub, remained the top
    destination": the role verb after a lower-case appositive still makes the economy a
    counterpart."""
    m = _APPOSITIVE_GAP_RE.match(text, end)
    return (m is not None and text.startswith(_ROLE_VERBS, m.end())
            and _ROLE_AFTER_RE.match(text, m.end()) is not None)


def _bilateral(text: str, s: int, money: Money, partners: tuple[str, ...], state: _Doc
               ) -> tuple[str, ...]:
    """"Bilateral" or "two-way" trade with one economy named gets the other from the
    figures before ("Goyal said the pact would double bilateral trade to $120 billion",
    rule 21)."""
    if _BILATERAL_RE.search(text, s, money.start):
        other = next((c for c in (*state.partners, *state.subject) if c != partners[0]), None)
        if other is None:
            # "Officials aim to lift bilateral trade to $30 billion a year" after a figure of
            # one economy: the other side of the last two-sided figure of that economy.
            other = next((c for f in reversed(state.facts) if partners[0] in f.partners
                          for c in f.partners if c != partners[0]), None)
        if other is not None:
            return (*partners, other)
    return partners


def _partners_of(text: str, s: int, e: int, money: Money,
                 classified: list[tuple[str, int, bool]], amounts: list[Money], state: _Doc,
                 flow: str, cues: list[Cue]) -> tuple[str, ...]:
    """Partners in order of mention (rules 20-25): the subject (the economies named before
    the amount, or only the one owning the cue when it is attached to it: "the US's
    deficit with China"; else the one carried over), the counterpart of the amount's
    clause, then economies named after the amount in its clause. ``classified`` is
    ``_classified`` of the sentence's mentions."""
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
    if not classified:
        if len(carried) > 1 and (_THE_COUNTRY_RE.search(text, s, e) or (
            flow in _OWNED_FLOWS and gov and _own_total(text, s, gov[-1])
        )):
            # "the country's oil import bill", "Total exports fell to ...", "Exports of
            # lithium carbonate slumped to ...": one economy's own figure, not the pair of
            # the bilateral figure before (rule 20).
            return carried[:1]
        return carried
    pair = _trading_partners(text, s, money, mentions) if flow == "trade" else None
    if pair is not None:
        return pair
    clause_end = _clause_end(text, money.end, e, amounts, money)
    subjects = [(c, st) for c, st, cp in classified if not cp and st < money.start]
    seg = text[subjects[1][1] : money.start] if len(subjects) >= 2 else ""
    if "but" in seg or "wh" in seg or ";" in seg:
        brk = max(_CONTRAST_RE.finditer(text, subjects[1][1], money.start),
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
                and cue_at - (end := _name_end(text, x[1])) <= 25
                and (not _COMMA_RE.search(text, end, cue_at)
                     or text.endswith(("'s", "’s"), x[1], end))]
    if gov and attached:
        k = subjects.index(attached[-1])
        group = [attached[-1]]
        for c, st in reversed(subjects[:k]):
            if _LIST_JOIN_RE.match(text[_name_end(text, st) : group[0][1]]):
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
    if subject and _OPENS_POSSESSIVE_RE.match(text, s) and carried and carried[0] not in subject:
        # "Its purchases of U.S.-built fighters": the economy "its" points back to owns
        # the flow; the economies named are what it buys or sells.
        subject = [carried[0], *subject]
    if subject:
        return tuple(_dedupe([*subject, *counterpart, *after]))
    if flow in ("agreement", "arms", "trade") and later:
        return tuple(_dedupe([*after, *counterpart, *carried]))
    cps = {*counterpart, *(c for c, _ in cp_after)} if flow in _GOODS_FLOWS else set()
    if cps and state.facts:
        # "Shipments to neighbouring Bhutan were worth ..." after "Exports to Iran ...":
        # the economy that owns the last figure of this flow owns this one (rule 21), not
        # the buyers a sentence without figures named.
        last = state.facts[-1]
        last_owner = _owner(state, last)
        reverse = (last.flow in _GOODS_FLOWS and last.flow != flow and bool(carried)
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
                          if (o := _owner(state, f)) and o not in cps), None)
        if owner is not None:
            carried = (owner,)
    if flow == "trade" and counterpart and len(carried) > 1 and state.facts:
        # "Imports from India rose to ... Trade with the European Union reached ...": the
        # pair carried over is not a side of the new one; its owner is (rule 21).
        owner = _owner(state, state.facts[-1])
        carried = (owner,) if owner in carried and owner not in counterpart else carried
    return tuple(_dedupe([*carried, *counterpart, *after]))


def _owner(state: _Doc, fact: TradeFact) -> str | None:
    """The economy that owns ``fact``: its first partner before the order of mention."""
    return state.owners.get(fact.char_start) or (fact.partners[0] if fact.partners else None)


def _by_mention(partners: tuple[str, ...], classified: list[tuple[str, int, bool]],
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
        lo = max((m.end() for m in _CONTRAST_RE.finditer(text, s, at)), default=s)
    first: dict[str, int] = {}
    for c, st, _cp in classified:
        if st < lo:
            continue
        if st < at:
            first[c] = st
        elif c not in first and (_OF_ECONOMY_GAP_RE.fullmatch(text, at_end, st)
                                 or _ROLE_OF_RE.match(text, _name_end(text, st))):
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


def _carried(state: _Doc, flow: str, named: set[str], s: int = -1) -> tuple[str, ...]:
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
    ) > 1 and not _CONTINUATION_RE.match(state.text, max(s, 0)):
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


def _paragraph_owner(state: _Doc, s: int, exclude: set[str]) -> str | None:
    """The economy last named with a possessive ("Saudi Arabia's oil installations") in
    the 600 characters before ``s``, other than ``exclude``."""
    text = state.text
    lo = max(0, s - 600)
    para = text.rfind("\n\n", lo, s)
    lo = para if para >= 0 else lo
    best: str | None = None
    for m in find_mentions(text, lo, s):
        if _POSSESSIVE_RE.match(text, m.end) and m.code not in exclude:
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
        if groups and _LIST_JOIN_RE.match(text[last_end:st]):
            groups[-1].append((code, st))
        else:
            groups.append([(code, st)])
        last_end = _name_end(text, st)
    before = [g for g in groups if g[0][1] < money.start]
    if before:
        g = before[-1]
        tail = _name_end(text, g[-1][1])
        gap = text[tail : money.start]
        reset = _NON_NAME_RE.search(gap) is not None or (
            ("while" in gap or "but" in gap or ";" in gap or "whereas" in gap)
            and _new_flow_clause(text, g[0][1], tail, money, cues))
        for m in _UNCODED_COUNTERPART_RE.finditer(gap):
            if code_for(m.group(0).split()[-1]) is None:
                reset = True
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
    brk = max(_CONTRAST_RE.finditer(text, tail, money.start), key=lambda m: m.start(),
              default=None)
    if brk is None or _CLAUSE_COUNTERPART_RE.search(text, brk.end(), money.start):
        return False  # "while its imports from the world's second-largest economy ..."
    own = next((c.flow for c in reversed(cues) if c.end <= head and c.flow != _NEG), None)
    return own is not None and any(
        brk.end() <= c.start and c.end <= money.num_start and c.flow == own for c in cues)


def _clause_end(text: str, pos: int, e: int, amounts: list[Money], money: Money) -> int:
    # The figure compared with ("fell to $1.4 billion from $2.2 billion as ...") is the
    # same flow of the same economies: the clause runs on past it (rule 26).
    nxt = [a.start for a in amounts if a.start > money.end and not _is_conversion(text, money, a)
           and not _COMPARED_GAP_RE.fullmatch(text, money.end, a.start)]
    limit = nxt[0] if nxt else e
    brk = _CLAUSE_BREAK_RE.search(text, pos, limit)
    return brk.start() if brk else limit


def _reporting_economy(doc: DocContext) -> tuple[str | None, int, int]:
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


def _dedupe(codes: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for c in codes:
        if c not in seen:
            seen.append(c)
    return seen


_ARMS_DOC_RE = re.compile(
    r"\b(?:arms|weapons|military|fighter|warplanes?|missiles?|defen[cs]e\s+contract)\b",
    re.IGNORECASE,
)

__all__ = ["extract_trade"]
