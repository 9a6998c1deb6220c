"""What every stage of the trade extractor shares: the cue vocabulary (tables, not rules
about documents), the patterns several stages read, and the state the scan carries from
sentence to sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from newsfacts.model import TradeFact
from newsfacts.numbers import Money
from newsfacts.patterns import word_alternation

# Flow cues: a regex per flow. A word that names a balance (surplus, deficit) wins over
# "trade" next to it ("trade deficit"); a deal word wins over "trade" ("trade agreement").
FLOW_CUES: tuple[tuple[str, str], ...] = (
    ("surplus", r"surplus(?:es)?|excess\s+of\s+exports\s+over\s+imports"),
    ("deficit", r"deficits?|shortfalls?|(?<=trade\s)gap|trade\s+gap|gap\s+in\s+trade\b|"
                r"(?<=leaving\sa\s)gap(?=\s+of\b)|in\s+deficit|"
                r"(?:gap|difference)\s+between(?=\s(?:[^.;]{0,40}?\s)?(?:what\s+)?"
                r"(?:[\w.]+\s+){0,3}?(?:exports?|imports?|exported|imported|sold|bought|sells?|buys?)\b)"),
    ("agreement", r"agreements?|accords?|deals?|pacts?|contracts?|protocols?|barter"),
    ("arms", r"arms|weapons?|weaponry|military\s+(?:equipment|trucks|vehicles|hardware|"
             r"aircraft|supplies|technology|sales?|purchases|goods)|defen[cs]e\s+(?:equipment|"
             r"systems|contracts?|exports?|imports?|sales|deals?|purchases?|orders?)|warplanes?|fighter\s+(?:jets?|planes?|aircraft)|fighters|"
             r"missiles?|missile\s+systems?|tanks|helicopters|warships?|frigates|submarines|"
             r"munitions|ammunition|(?:military|armed|attack|combat)\s+drones|drones|"
             r"howitzers|artillery|rocket\s+launchers|air[- ]defen[cs]e\s+(?:systems?|radars?)|"
             r"(?:military|early[- ]warning)\s+radars?|"
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
    # "China remained the largest trading partner with $11.2 billion": the partner's share
    # of the reporter's trade; "its largest trading partner" alone only describes one.
    ("trade", r"trade|two-way|(?-i:commerce)|commercial\s+links|"
              r"trading\s+partners?(?=\s+with\s+(?:about\s+|some\s+|nearly\s+)?[$€£¥\d])"),
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
    r"building|construction|bases|lend|lends|lent|lending|borrow|borrows|borrowed|borrowing|payments|"
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
    r"backlogs?|order\s+books?|"
    # What a state owes and reschedules is debt, whatever it was borrowed for (rule 11):
    # "Peru, which owes about 14 billion dlrs to foreign banks, needs a trade surplus".
    r"owes?|owed|reschedul(?:e|es|ed|ing)|repay(?:s|ing)?|repaid|repayments?|arrears"
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
             r"annually|per\s+annum|yearly|annuali[sz]ed|/\s?(?:year|yr)"),
    ("month", r"(?:a|per|each|every)\s+month(?!\s+(?:ago|earlier|before|later))|monthly|"
              r"/\s?month"),
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
# "trade turnover" (Central Asian and Russian copy: the sum of exports and imports) keeps
# its flow like "export earnings"; a firm's turnover alone stays no trade.
FLOW_KEEPS_HEAD = frozenset(["earnings", "revenue", "revenues", "sales", "receipts", "turnover"])
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
UNION_NAME_RE = re.compile(word_alternation(UNIONS))  # no \b: a fast first-letter scan
LIST_JOIN_RE = re.compile(r"^\s*(?:,|and|,\s+and|or|-|/|&)?\s*(?:the\s+)?$")
CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:and|while|but|whereas|with|even\s+as|as|although|though|despite|amid|when|where|"
    r"followed\s+by|ahead\s+of|"
    r"after|because|(?!(?:in|ex)cluding\b)[a-z]{3,}ing)\b|;|\bwhile\b|\bbut\b"
)
POSSESSIVE_RE = re.compile(r"['’]s?\b")
CONTINUATION_RE = re.compile(rf"\s*(?:[A-Z]+,\s+\w+\s+\d+\s+-\s+)?{CONTINUATION}",
                              re.IGNORECASE)
CONTRAST_RE = re.compile(r"\bbut\b|;|\bwhereas\b|\bwhile\b")
EPITHET_RE = re.compile(r"\b[Tt]he\s+world['’]s\s+(?:(?P<second>second|No\.\s?2|2nd)[- ]"
                         r")?(?:largest|biggest)\s+economy\b")
CHAIN_GAP_RE = re.compile(r",?\s+(?:(?:up|down)\s+)?(?:from|against|versus|vs\.?|"
                           r"compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?")
# "... of the total"; "Ukraine accounted for 8.1 billion euros of the approvals" (arms-export
# licences are reported as approvals, licences or permits).
OF_TOTAL_RE = re.compile(r"\s+of\s+(?:the|that|this)\s+(?:total|figure|sum|approvals|"
                         r"licen[cs]es|permits)\b")
COMMA_RE = re.compile(r"[,;]")
_NAME_RE = re.compile(r"[\w.'-]+(?:\s[A-Z][\w.'-]*)*")
GOODS_FLOWS = frozenset(["exports", "imports"])
NEG = "-"  # the flow of an amount governed by a non-trade head


class Cue(NamedTuple):
    start: int
    end: int
    flow: str  # a flow, or NEG for a non-trade head


@dataclass
class DocState:
    """What the scan carries from sentence to sentence."""

    text: str
    reporting: str | None = None  # the dateline's economy
    story: str | None = None  # the economy the story is about (``story_economy``)
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


def name_end(text: str, start: int) -> int:
    m = _NAME_RE.match(text, start, start + 60)  # in place: no slice
    return m.end() if m else start


def dedupe(codes: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for c in codes:
        if c not in seen:
            seen.append(c)
    return seen


def holds_any(text: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` hold one of ``words``? A screen before a pattern or a rule that
    cannot apply without one of them. On ``folded`` text before an ``IGNORECASE`` pattern
    it is exact when no word has an "i", "s" or "k", the letters ``re`` also matches with a
    character outside ASCII ("ı", "ſ", "K") that ``fold_case`` may not fold to them."""
    return any(text.find(w, lo, hi) >= 0 for w in words)
