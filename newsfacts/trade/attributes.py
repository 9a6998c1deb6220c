"""Attributes of a figure other than flow and partners: approximation (rule 17), the period
it is per (rule 16) and its currency (rules 18-19: dollars, francs and other families
resolved from the dateline's economy and the partners).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfacts.model import TradeFact
from newsfacts.numbers import (
    CURRENCIES,
    Money,
    default_currency,
    is_family,
    national_currency,
)
from newsfacts.trade.common import (
    APPROX_BEFORE,
    CHAIN_GAP_RE,
    CLAUSE_BREAK_RE,
    COMMA_RE,
    PER_ADJECTIVE,
    PER_AFTER,
    PER_NOUNS,
    DocState,
    holds_any,
)
from newsfacts.trade.flow import skip_conversion
from newsfacts.trade.partners import end_of_clause

_PER_AFTER_RE = re.compile(
    "|".join(rf"(?P<{k}>\b(?:{p})\b)" for k, p in PER_AFTER), re.IGNORECASE
)
# Words every match of ``_PER_AFTER_RE`` / ``_PER_ADJ_RE`` holds, for ``holds_any``.
_RATE_STEMS = ("year", "annu", "month", "quarter", "/yr")
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
# A part of each word of APPROX_BEFORE without "i", "s" or "k" (see ``holds_any``).
_APPROX_STEMS = ("xceed", "top", "cro", "urpa", "mated", "put", "reach")
_APPROX_BEFORE_RE = re.compile(rf"\b(?:{APPROX_BEFORE})\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_GOODS_LIST_RATE_RE = re.compile(
    r"(?:\s+more)?\s+(?:worth\s+)?of\s+(?:[A-Z][\w.]*\s+)?[a-z][\w -]{0,30}?"
    r"(?:,\s+[a-z][\w -]{0,30}?){0,4},?\s+and\s+[a-z][\w -]{0,30}?\s+(?:a|per|each|every)\s+"
    r"(?P<unit>year|month|quarter)\b(?!\s+(?:earlier|ago|before|later))")


def approx_before(text: str, s: int, money: Money, folded: str) -> bool:
    lo = max(s, money.start - 40)
    if not holds_any(folded, _APPROX_STEMS, lo, money.start):
        return False
    return _APPROX_BEFORE_RE.search(text[lo : money.start]) is not None


def per_of(text: str, s: int, e: int, money: Money, amounts: list[Money], folded: str
            ) -> str | None:
    """Rate wording right after the amount ("a year", "annually"), or a rate adjective
    ("annual two-way trade", "monthly total") in the amount's clause (rule 15).
    ``folded``: ``patterns.fold_case(text)``, for the substring screens."""
    # Right after the amount, else past a bracketed conversion ("88bn euros ($95bn) a year").
    for pos in dict.fromkeys((money.end, skip_conversion(text, money, amounts))):
        nxt = [a.start for a in amounts if a.start >= pos]
        limit = min(nxt[0] if nxt else e, pos + 40)
        if not holds_any(folded, _RATE_STEMS, pos, limit):
            continue
        m = _PER_AFTER_RE.search(text, pos, limit)
        if m is not None and not COMMA_RE.search(text[pos : m.start()]):
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
    if holds_any(folded, _RATE_ADJECTIVES, s, e):
        prev = [a.end for a in amounts if a.end <= money.start]
        lo = prev[-1] if prev else s
        brk = list(CLAUSE_BREAK_RE.finditer(text, lo, money.start))
        lo = brk[-1].end() if brk else lo
        hi = end_of_clause(text, money.end, e, [], money)
        adj = _PER_ADJ_RE.search(text, lo, hi)
        if adj is not None:
            return adj.lastgroup
    # "On an annual basis, ...": only a sentence opening with "On" or "At".
    if not text.startswith(("O", "A"), s) and not text[s : s + 1].isspace():
        return None
    adj = _PER_OPENING_RE.match(text, s)
    return adj.lastgroup if adj is not None else None


def sentence_currencies(amounts: list[Money], state: DocState) -> list[str | None]:
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


def _spells_own_dollar(code: str, state: DocState) -> bool:
    """Whether the text writes the dollar ``code`` with a sign of its own ("C$", "NZ$")."""
    if code not in state.own_dollar:
        signs = [p for p, c in CURRENCIES.prefixes.items() if c == code]
        low = state.text.lower() if signs else ""
        state.own_dollar[code] = any(
            (k := low.find(p)) >= 0 and (k == 0 or not low[k - 1].isalpha()) for p in signs)
    return state.own_dollar[code]


def resolve(currency: str, partners: Sequence[str], state: DocState) -> str:
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


def chained_per(text: str, money: Money, emitted: list[TradeFact]) -> str | None:
    """The rate of the figure an amount is compared with ("the annual deficit narrowed to
    NZ$9.8 billion from NZ$12.1 billion"): both measure the same thing (rule 26)."""
    if not emitted or emitted[-1].per is None:
        return None
    gap = text[emitted[-1].char_end : money.start]
    return emitted[-1].per if CHAIN_GAP_RE.fullmatch(gap) else None


def converted_currency(currency: str, original: TradeFact, state: DocState) -> str:
    """The currency of a bracketed conversion: never the original's own, so a bare "$"
    after another dollar ("NZ$1.54 billion ($905 million)") is the US dollar (rule 19)."""
    code = resolve(currency, original.partners, state)
    if code == original.currency and currency == "DOLLAR" and code != "USD":
        return "USD"
    return code


def same_in_body(money: Money, currency: str, body: Sequence[TradeFact],
                  state: DocState) -> TradeFact | None:
    for fact in body:
        if abs(fact.amount - money.value) <= 1e-6 * max(fact.amount, 1.0) and (
            resolve(currency, fact.partners, state) == fact.currency
        ):
            return fact
    return None
