"""The trade classifier on synthetic sentences, the seeds acceptance (exact), a dev-set
floor (ratchet) and its guarantees: never raises, quotes are spans, finite amounts."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.analyze import analyze_text
from newsfacts.clean import clean_text
from newsfacts.extract import extract
from newsfacts.model import TradeFact
from newsfacts.segment import segment
from newsfacts.trade import attributes, common, scan

SHARED = Path(__file__).resolve().parents[2] / "shared"


def facts(raw: str, *, title: bool = False) -> list[tuple[str, TradeFact]]:
    text = clean_text(raw)
    out = extract(text, segment(text), title)
    return [(text[f.char_start : f.char_end], f) for f in out.trade]


def brief(raw: str, **kw: bool) -> list[tuple]:
    return [(q, f.amount, f.currency, f.is_approximate, f.per, f.flow, f.partners)
            for q, f in facts(raw, **kw)]


def test_balance_and_flows_with_borrowed_currency() -> None:
    got = brief("Norway's trade surplus rose to 12.5 billion crowns in May from 9.1 billion "
                "in April. Exports fell to 60.2 billion crowns.")
    assert got == [
        ("12.5 billion crowns", 12.5e9, "NOK", False, None, "surplus", ("NOR",)),
        ("9.1 billion", 9.1e9, "NOK", False, None, "surplus", ("NOR",)),
        ("60.2 billion crowns", 60.2e9, "NOK", False, None, "exports", ("NOR",)),
    ]


def test_bilateral_flow_carries_reporting_economy() -> None:
    got = brief("Chile's copper exports rose to 3.1 billion dlrs. Exports to Japan fell to "
                "410 mln dlrs.")
    assert got[-1][-1] == ("CHL", "JPN")
    assert got[-1][-2] == "exports"


def test_rate_and_threshold_and_deal() -> None:
    got = brief("Kenya and Uganda signed a trade agreement worth $2 billion a year. "
                "Their two-way trade exceeds $4 billion.")
    assert got[0][2:] == ("USD", False, "year", "agreement", ("KEN", "UGA"))
    assert got[1][3] is True and got[1][5] == "trade"


def test_conversion_in_brackets_shares_the_hedge() -> None:
    got = brief("The gap between Britain's exports and imports widened to more than "
                "£20bn ($25bn).")
    assert [g[0] for g in got] == ["more than £20bn", "$25bn"]
    assert got[1][3] is True and got[1][5] == "deficit"


@pytest.mark.parametrize(
    "raw",
    [
        "The company reported a net profit of $3.2 billion, up from $2.9 billion.",
        "Japan's cabinet approved a 100 trillion yen budget for next year.",
        "The IMF approved a $3 billion loan to Pakistan.",
        "Brent crude rose to $85 a barrel.",
        "Spain's current account deficit widened to 5.1 billion euros.",
        "The dollar was trading at $1.29 against the euro.",
        "Japan Airlines ordered 30 planes from Boeing for $3bn.",
    ],
)
def test_not_trade(raw: str) -> None:
    assert facts(raw) == []


def test_arms_purchase() -> None:
    got = brief("Egypt agreed to buy $2 billion of French warplanes.")
    assert got == [("$2 billion", 2e9, "USD", False, None, "arms", ("EGY", "FRA"))]


def test_dollars_of_canadian_statistics() -> None:
    got = brief("OTTAWA, April 9 - Canada had a trade surplus of 1.25 billion dlrs in "
                "February, Statistics Canada said.")
    assert got[0][2] == "CAD"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a non-trade word inside the flow's own phrase does not head the amount
        ("Exports from the world's largest economy rose to $300 billion.", "exports"),
        ("Egypt's imports of wheat from Russia cost $2.1 billion.", "imports"),
        ("Argentina's soybean exports were valued at around $12 billion.", "exports"),
        # framed as an agreed deal (rule 5); weapons stay arms
        ("The Soviet Union agreed to buy 1.5 billion dlrs of Argentine grain.", "agreement"),
        ("Washington agreed to sell $4 billion worth of drones to India.", "arms"),
        ("Israel's defence exports reached $13 billion.", "arms"),
        # buying goods at a rate, not buying currency
        ("China buys about $30 billion a year of Australian iron ore.", "imports"),
    ],
)
def test_flow_generalisations(raw: str, expected: str) -> None:
    assert [g[5] for g in brief(raw)] == [expected]


@pytest.mark.parametrize(
    "raw",
    [
        "The Pentagon awarded Lockheed Martin a $1.2 billion contract for F-35 parts.",
        "Rolls-Royce won a £2bn order from Emirates airline for engines.",
        "The firm's annual turnover of £2bn makes it Britain's biggest carmaker.",
        "Germany's economy, worth about €4 trillion, is the largest in Europe.",
        "Japan will pay about $1.9 billion a year toward the upkeep of U.S. forces under a "
        "new agreement.",
        "Its 1987 defence budget of 4.2 billion dlrs includes the purchase of fighters.",
    ],
)
def test_not_trade_generalisations(raw: str) -> None:
    assert facts(raw) == []


def test_partners_generalisations() -> None:
    # a currency's country is not a partner; a possessive owner survives "worldwide"
    assert brief("Chile's copper exports rose to US$4.2bn.")[0][-1] == ("CHL",)
    assert brief("Korea's worldwide trade surplus stood at 2.1 billion dlrs.")[0][-1] == ("KOR",)
    # "the bloc" is the bloc named before; a meeting place is not a partner
    got = brief("The EU's exports to Japan rose to €70bn. Trade between the bloc and Japan "
                "is worth about €130bn a year.")
    assert got[1][-1] == ("EU", "JPN")
    got = brief("The EU and China, with two-way trade of $35 billion, met in Brussels.")
    assert got[0][-1] == ("EU", "CHN")


# --- guarantees ---------------------------------------------------------------------------


_PIECES = [*"0123456789 .,$£-\n()", "exports ", "deficit ", "trade ", "billion ", "dlrs ",
           "Japan ", "from ", "to ", "mln "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_never_raises_and_quotes_are_spans(parts: list[str]) -> None:
    text = clean_text("".join(parts))
    for f in extract(text, segment(text), False).trade:
        assert 0 <= f.char_start < f.char_end <= len(text)
        assert 0 < f.amount < float("inf")


def test_linear_time_on_a_long_report() -> None:
    raw = "Exports rose to 5.2 billion dlrs from 4.1 billion in January. " * 3000
    t0 = time.perf_counter()
    got = facts(raw)
    assert len(got) == 6000
    assert time.perf_counter() - t0 < 10.0


def test_linear_time_on_one_run_on_sentence() -> None:
    # No full stop anywhere: one "sentence" of 2,000 amounts is read in bounded pieces.
    raw = ("Exports " + "x" * 300 + " $5bn, ") * 2000
    t0 = time.perf_counter()
    got = facts(raw)
    assert len(got) == 2000
    assert time.perf_counter() - t0 < 10.0


# --- acceptance on shared data --------------------------------------------------------------


def _seed(prefix: str) -> Path:
    found = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared seeds are absent")
    return found[0]


def test_seed_000_has_no_trade_figure() -> None:
    path = _seed("000")
    assert analyze_text(path.read_text("utf-8")).extraction.trade == []


def test_seed_004_trade_facts_exact() -> None:
    path = _seed("004")
    a = analyze_text(path.read_text("utf-8"))
    got = [(a.text[f.char_start : f.char_end], f.amount, f.currency, f.is_approximate, f.per,
            f.flow, f.partners) for f in a.extraction.trade]
    assert got == [
        ("hundreds of billions of dollars", 2e11, "USD", True, None, "arms", ("USA", "GCC")),
        ("Billions of dollars", 2e9, "USD", True, None, "arms", ("SAU", "USA")),
        ("$20 billion", 2e10, "USD", False, "year", "trade", ("IRQ", "IRN")),
        ("$30 billion", 3e10, "USD", True, "year", "trade", ("CHN", "IRQ")),
        ("$600 billion", 6e11, "USD", False, None, "agreement", ("CHN", "IRN")),
    ]


# Ratchet: the dev-set levels reached (docs/accuracy-trade.md); raise them, never lower.
DEV_FLOORS = {"f1": 0.99, "value_accuracy": 0.995, "currency": 0.99, "approx": 0.99,
              "per": 0.99, "flow": 0.99, "partners": 0.98}


def test_dev_set_floor() -> None:
    gold = SHARED / "eval" / "dev.facts.jsonl"
    docs = SHARED / "eval" / "dev.docs.jsonl"
    if not gold.is_file() or not docs.is_file():
        pytest.skip("shared dev set is absent")
    from newsfacts.evaluate import evaluate

    report = evaluate(gold, docs, SHARED / "corpus")["kinds"]["trade"]
    assert report["f1"] >= DEV_FLOORS["f1"]
    assert report["value_accuracy"] >= DEV_FLOORS["value_accuracy"]
    for attr in ("currency", "approx", "per", "flow", "partners"):
        assert report["attributes"][attr] >= DEV_FLOORS[attr], attr


# --- held-out-style challenge set -----------------------------------------------------------
# tests/data/trade_challenge.jsonl: sentences written for this test in modern wire, BBC and
# 1980s newswire styles, labelled by the annotation guidelines (not by what the code does):
# positives of every flow, currency style, range, list, conversion and rate, and hard
# negatives (company money, budgets, aid, loans, investment, fines, GDP, unit prices).

CHALLENGE = Path(__file__).resolve().parent / "data" / "trade_challenge.jsonl"
FIELDS = ("value", "high", "approx", "currency", "per", "flow", "partners")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def challenge_report(select: Callable[[str], bool] | None = None) -> dict:
    """Precision/recall over the challenge facts (a prediction matches the expected fact
    with the same quote), per-field accuracy over matched facts, and the share of negative
    items left clean. ``select``: which item ids to score (default all)."""
    items = [json.loads(x) for x in CHALLENGE.read_text("utf-8").splitlines() if x.strip()]
    items = [item for item in items if select is None or select(item["id"])]
    tp = fp = fn = 0
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    negatives = clean = 0
    for item in items:
        a = analyze_text(item["text"])
        got = [{"quote": a.text[f.char_start : f.char_end], "value": f.amount,
                "high": f.amount_high, "approx": f.is_approximate, "currency": f.currency,
                "per": f.per, "flow": f.flow, "partners": list(f.partners)}
               for f in a.extraction.trade]
        if not item["facts"]:
            negatives += 1
            clean += not got
        free = list(got)
        for exp in item["facts"]:
            hit = next((g for g in free if g["quote"] == exp["quote"]), None)
            if hit is None:
                fn += 1
                misses.append(f"{item['id']} FN {exp['quote']!r}")
                continue
            free.remove(hit)
            tp += 1
            for k in FIELDS:
                ok = (_close(hit[k], exp[k]) if k in ("value", "high") else hit[k] == exp[k])
                right[k] += ok
                if not ok:
                    misses.append(f"{item['id']} {k} {exp['quote']!r}: {hit[k]} != {exp[k]}")
        fp += len(free)
        misses.extend(f"{item['id']} FP {g['quote']!r}" for g in free)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"items": len(items), "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "fields": {k: right[k] / tp if tp else 0.0 for k in FIELDS},
            "negatives_clean": clean / negatives if negatives else 1.0, "misses": misses}


# Floors at the level reached (docs/accuracy-trade.md); raise them, never lower.
CHALLENGE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0, "value": 1.0,
                    "high": 1.0, "approx": 1.0, "currency": 1.0, "per": 1.0, "flow": 1.0,
                    "partners": 1.0}
# The eight articles of the ninth pass ("a-t50".."a-t57", 62 facts) after its fixes
# (blind: P 0.852, R 0.839, partners 0.692). Its open misses (one trade target, nine
# partners) are listed in docs/accuracy-trade.md; they are scored here, not hidden, and
# the items before the pass keep the floors above.
NINTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                        "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0, "per": 1.0,
                        "flow": 1.0, "partners": 0.90}
# The eight articles of the tenth pass ("a-t58".."a-t65", 71 facts) after its fixes (blind:
# P 1.0, R 0.944, flow 0.925, partners 0.746; after: R 0.972, flow 0.957, partners 0.841);
# open misses in docs/accuracy-trade.md. Both raised after the open misses fixed after the
# tenth pass (ninth: R 1.0, partners 0.903; tenth: R 1.0, flow 0.986, partners 0.887).
TENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                        "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0, "per": 1.0,
                        "flow": 0.98, "partners": 0.94}
# The six articles of the eleventh pass ("a-t66".."a-t71", 42 facts) after its fixes (blind:
# P 0.951, R 0.929, currency 0.949, flow 0.897, partners 0.615; after: P/R 1.0, flow 1.0,
# partners 0.810); open misses in docs/accuracy-trade.md.
ELEVENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                           "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                           "per": 1.0, "flow": 1.0, "partners": 0.90}

# The eight articles of the twelfth pass ("a-t72".."a-t79", 64 facts) after its fixes (blind:
# P 1.0, R 0.953, currency 0.951, flow 0.918, partners 0.426; after: P 1.0, R 0.984,
# currency 1.0, flow 0.921, partners 0.762; after the thirteenth pass: flow 0.968, partners
# 0.937); open misses in docs/accuracy-trade.md.
TWELFTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 0.98, "negatives_clean": 1.0,
                          "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                          "per": 1.0, "flow": 0.96, "partners": 0.93}

# The six articles of the thirteenth pass ("a-t80".."a-t85", 42 facts) after its fixes (blind:
# P 1.0, R 0.976, flow 0.878, partners 0.659; after: P 1.0, R 0.976, flow 0.976, partners
# 0.878); open misses in docs/accuracy-trade.md.
THIRTEENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 0.97, "negatives_clean": 1.0,
                             "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                             "per": 1.0, "flow": 0.97, "partners": 0.90}
# The six articles of the fourteenth pass ("a-t86".."a-t91", 42 facts) after its fixes
# (blind: P 0.865, R 0.762, currency 0.875, flow 0.906, partners 0.594; after: P 1.0,
# R 0.905, flow 0.974, partners 0.789). Open misses in docs/accuracy-trade.md.
FOURTEENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 0.92, "negatives_clean": 1.0,
                             "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                             "per": 1.0, "flow": 0.97, "partners": 0.89}
# The eight articles of the fifteenth pass ("a-t94".."a-t101", 67 facts) after its fixes
# (blind: P 0.855, R 0.791, currency 0.981, flow 0.925, partners 0.660; after: P 0.985,
# R 0.985, currency 1.0, flow 1.0, partners 0.955). Open misses in docs/accuracy-trade.md.
# Raised when the number grammar read a hedge after a bracket ("(about 1.25 trillion
# pesos)": P/R 1.0).
FIFTEENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                            "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                            "per": 1.0, "flow": 1.0, "partners": 0.97}
# The eight items of the sixteenth pass ("a-t102".."a-t109", 44 facts) in the development
# sources' own styles: BBC business, CNN and Daily Mail, Wikinews, a Usenet post, AG News
# (blind: P 0.969, R 0.705, per 0.968, flow 0.935, partners 0.935; after: P 0.971, R 0.773,
# per and flow 1.0, partners 0.941). Six of the ten open misses are glued scale words
# ("£812million"), a numbers.py change; open misses in docs/accuracy-trade.md. Raised after
# the merge: glued scale words read and a tax's takings ("£1billion a year in duty on whisky")
# no trade (P 0.974, R 0.864, partners 0.947).
SIXTEENTH_ARTICLE_FLOORS = {"precision": 0.97, "recall": 0.86, "negatives_clean": 1.0,
                            "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                            "per": 1.0, "flow": 1.0, "partners": 0.94}

# Five 1980s Reuters-style articles ("a-h01".."a-h05", 30 facts, hard-wrapped like the
# Reuters-21578 sources), labelled blind in the eighth session (blind: P 1.0, R 1.0, flow
# 0.967, partners 0.967). "air defence radars" (read as a deal) are arms since; open in
# docs/accuracy-trade.md: "two-way trade with all countries" keeps the earlier partner.
OLD_STYLE_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                            "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                            "per": 1.0, "flow": 1.0, "partners": 1.0}

# The eight items of the seventeenth pass ("a-t110".."a-t117", 54 facts): six 1987
# Reuters-21578-style stories (Finland, the BLEU, Denmark, Yugoslavia, a U.S.-Brazil
# retaliation, a Sri Lankan tea deal) and two BBC business items of 2005 (Ghana, Morocco)
# (blind: P 0.947, R 1.0, flow 0.944, partners 0.815, with the wrapped quotes in the file's
# form; after: P 1.0, R 1.0, flow 0.963, partners 0.870). Open misses in
# docs/accuracy-trade.md. Floors raised after the partner fix pass of 2026-11-25 (tenth
# partners 0.944, eleventh 0.905, thirteenth 0.902, fourteenth 0.897, fifteenth 0.970,
# old-style 1.0, seventeenth flow 0.981 and partners 1.0).
SEVENTEENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 1.0, "negatives_clean": 1.0,
                              "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                              "per": 1.0, "flow": 0.98, "partners": 1.0}
# The eight wire articles of the eighteenth pass ("a-t118".."a-t125", 62 facts): EU
# counter-tariffs on U.S. goods, the Indonesia-EU pact, Uzbek customs data by partner, Congo's
# cobalt quotas, German arms-export approvals, Vietnamese rice after the Philippine import
# halt, Iran-Russia trade in rubles, Hungary's U.S. LNG deal (blind: P 0.980, R 0.790,
# flow 0.918, partners 0.612; after its fixes: P 1.0, R 0.952, flow 0.932, partners 0.763).
# Open misses in docs/accuracy-trade.md. Partners floor raised after the fix pass on open
# misses (tenth session): 0.847.
EIGHTEENTH_ARTICLE_FLOORS = {"precision": 1.0, "recall": 0.95, "negatives_clean": 1.0,
                             "value": 1.0, "high": 1.0, "approx": 1.0, "currency": 1.0,
                             "per": 1.0, "flow": 0.93, "partners": 0.84}


def article_pass(item_id: str) -> int | None:
    """The blind pass that wrote a wire article ("a-t50".."a-t57": 9, "a-t58".."a-t65": 10,
    "a-t66".."a-t71": 11, "a-t72".."a-t79": 12, "a-t80".."a-t85": 13,
    "a-t86".."a-t93": 14, "a-t94".."a-t101": 15; "a-t102".."a-t109": 16 and
    "a-t110".."a-t117": 17, the development sources' styles; "a-t118".."a-t125": 18, modern
    wire copy again); None for the items from before the ninth pass."""
    if not item_id.startswith("a-t") or not item_id[3:].isdigit():
        return None
    n = int(item_id[3:])
    if 50 <= n <= 57:
        return 9
    if 72 <= n <= 79:
        return 12
    if 80 <= n <= 85:
        return 13
    if 86 <= n <= 93:
        return 14
    if 94 <= n <= 101:
        return 15
    if 102 <= n <= 109:
        return 16
    if 110 <= n <= 117:
        return 17
    if 118 <= n <= 125:
        return 18
    return 10 if 58 <= n <= 65 else 11 if 66 <= n <= 71 else None


@pytest.mark.parametrize(("select", "floors"), [
    (lambda item_id: article_pass(item_id) is None and not item_id.startswith("a-h"),
     CHALLENGE_FLOORS),
    (lambda item_id: item_id.startswith("a-h"), OLD_STYLE_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 9, NINTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 10, TENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 11, ELEVENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 12, TWELFTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 13, THIRTEENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 14, FOURTEENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 15, FIFTEENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 16, SIXTEENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 17, SEVENTEENTH_ARTICLE_FLOORS),
    (lambda item_id: article_pass(item_id) == 18, EIGHTEENTH_ARTICLE_FLOORS),
], ids=["before-ninth-pass", "old-style", "ninth-pass", "tenth-pass", "eleventh-pass",
        "twelfth-pass", "thirteenth-pass", "fourteenth-pass", "fifteenth-pass",
        "sixteenth-pass", "seventeenth-pass", "eighteenth-pass"])
def test_challenge_set(select: Callable[[str], bool], floors: dict[str, float]) -> None:
    report = challenge_report(select)
    print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=1))
    print("\n".join(report["misses"]))
    for key in ("precision", "recall", "negatives_clean"):
        assert report[key] >= floors[key], key
    for key in FIELDS:
        assert report["fields"][key] >= floors[key], key


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("India and the United Arab Emirates aim to raise bilateral trade to $100 billion "
         "within five years.", ("IND", "ARE")),
        ("Chile and the EU want two-way trade of $30 billion a year.", ("CHL", "EU")),
        ("The State Department approved a possible $3.5 billion sale of missiles to Saudi "
         "Arabia, the Pentagon said.", ("USA", "SAU")),
    ],
)
def test_partners_joined_by_and_the_and_us_departments(text: str, partners: tuple) -> None:
    facts = analyze_text(text).extraction.trade
    assert [f.partners for f in facts] == [partners]


def test_groupings_without_a_bloc_code_are_their_members() -> None:
    """Rule 24: ASEAN, NAFTA, Mercosur get their members' codes; the EU keeps its own."""
    text = "The EU and Mercosur trade about 88 billion euros ($95 billion) in goods a year."
    facts = analyze_text(text).extraction.trade
    assert [(text[f.char_start : f.char_end], f.partners, f.per) for f in facts] == [
        ("about 88 billion euros", ("EU", "ARG", "BRA", "PRY", "URY"), "year"),
        ("$95 billion", ("EU", "ARG", "BRA", "PRY", "URY"), "year"),
    ]
    nafta = analyze_text("Trade among NAFTA members reached $1.2 trillion.").extraction.trade
    assert [f.partners for f in nafta] == [("USA", "CAN", "MEX")]


def test_rate_wording_right_after_the_amount_wins_over_the_conversion() -> None:
    text = "Trade in pirated wares is worth 200bn euros a year (£140bn; $258bn)."
    assert [f.per for f in analyze_text(text).extraction.trade] == ["year"] * 3


@pytest.mark.parametrize(("sentence", "partners"), [
    ("Mexico has become the largest U.S. trading partner, with two-way trade of $798 billion.",
     ("MEX", "USA")),
    ("Mexico overtook China as the largest U.S. trading partner, with two-way trade of "
     "$798 billion.", ("MEX", "USA")),
    ("China remained Germany's biggest trading partner, with trade of 254 billion euros.",
     ("CHN", "DEU")),
])
def test_the_trading_partner_and_whose_partner_it_is(
    sentence: str, partners: tuple[str, ...]
) -> None:
    """Rule 21/50: the economy compared with ("overtook China") is not a partner."""
    assert [f.partners for f in analyze_text(sentence).extraction.trade] == [partners]


@pytest.mark.parametrize(("sentence", "partners"), [
    ("Brussels and Washington agreed to cut tariffs on $10 billion of goods trade a year.",
     ("EU", "USA")),
    ("The EC said in Brussels that its trade surplus with Japan reached 20 billion dlrs.",
     ("EEC", "JPN")),
    ("The bloc's exports to Canada rose to €50bn, the European Union's statistics agency said.",
     ("EU", "CAN")),
])
def test_brussels_and_the_bloc_name_the_union(sentence: str, partners: tuple[str, ...]) -> None:
    """Rule 24: "Brussels" as an actor (not a place of an event) and "The bloc" before the
    bloc is named are the union; the union of the 1980s is EEC."""
    assert [f.partners for f in analyze_text(sentence).extraction.trade] == [partners]


@pytest.mark.parametrize("sentence", [
    "The defence budget of $50 billion includes $8 billion for new fighter jets.",
    "The central bank sold $3 billion of its foreign currency reserves to support the lira.",
])
def test_purpose_of_a_budget_and_currency_sold_are_not_trade(sentence: str) -> None:
    assert not analyze_text(sentence).extraction.trade


def test_exporting_and_importing_are_flow_verbs() -> None:
    got = brief("The EU imported €90 billion of goods from Japan, while exporting €70 billion.")
    assert [(q, flow) for q, _a, _c, _x, _p, flow, _pt in got] == [
        ("€90 billion", "imports"), ("€70 billion", "exports")]


def test_import_bill_is_imports_and_investment_pledges_are_not_trade() -> None:
    got = brief("Kenya's fuel import bill rose to $5 billion last year.")
    assert [(q, flow) for q, _a, _c, _x, _p, flow, _pt in got] == [("$5 billion", "imports")]
    assert not analyze_text("Under the trade deal, Seoul will invest $350 billion in the "
                            "United States.").extraction.trade


def test_modern_dateline_reports_the_first_figure_and_market_sales_are_not_deals() -> None:
    """Rule 21: the dateline's economy ("SEOUL (Reuters) - ") reports a first figure that
    names only the other economy; not for a headline above the dateline."""
    text = "SEOUL (Reuters) - Exports to Vietnam rose 8% to $5.1 billion in May."
    assert [f.partners for f in analyze_text(text).extraction.trade] == [("KOR", "VNM")]
    assert not analyze_text("Samsung sold $20 billion worth of phones in India last year."
                            ).extraction.trade


# --- fourth pass: full modern wire articles (a-t01..a-t14) -----------------------------------


def _quotes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    a = analyze_text(text)
    return [(a.text[f.char_start : f.char_end], f.flow, f.partners) for f in a.extraction.trade]


def test_bare_amount_of_a_physical_measure_is_no_money() -> None:
    """A bare amount borrowing the sentence's currency but measuring goods is a volume."""
    got = _quotes("China's imports rose to $232.9 billion. Imports of soybeans fell to 8.1 "
                  "million metric tons, while crude oil imports rose to 48.4 million tons.")
    assert [q for q, _f, _p in got] == ["$232.9 billion"]


def test_gap_between_what_it_sells_and_buys_is_a_deficit() -> None:
    got = _quotes("The gap between what the United States sells and what it buys from other "
                  "countries dropped to $52.8 billion from $69.3 billion in August.")
    assert got == [("$52.8 billion", "deficit", ("USA",)), ("$69.3 billion", "deficit", ("USA",))]


def test_other_members_of_a_bloc_are_a_counterpart() -> None:
    got = _quotes("German exports fell in September. Exports to China dropped 4.6% to 6.5 "
                  "billion euros, while shipments to other European Union countries rose 1.2% "
                  "to 71.5 billion euros.")
    assert [p for _q, _f, p in got] == [("DEU", "CHN"), ("DEU", "EU")]


@pytest.mark.parametrize(("text", "expected"), [
    ("US approves possible arms sale to Taiwan\n\nWASHINGTON (Reuters) - The State Department "
     "approved the potential sale to Taiwan of aircraft parts for an estimated $330 million.",
     [("an estimated $330 million", "arms", ("USA", "TWN"))]),
    ("The deal, valued at $8 billion, covers the sale of 40 F-16 fighter jets to Turkey.",
     [("$8 billion", "arms", ("TUR",))]),
    ("BP agreed the sale of its stake to Shell for $2 billion.", []),
    ("The sale to Vietnam of the company's shipping unit raised $300 million.", []),
])
def test_a_sale_to_a_party_is_trade_only_as_an_arms_sale(text: str, expected: list) -> None:
    assert _quotes(text) == expected


def test_a_new_predicate_with_its_own_party_drops_the_earlier_counterpart() -> None:
    got = _quotes("Separately, the State Department approved the possible sale of P-8A aircraft "
                  "to Norway for $1.1 billion and cleared a $346 million package of Javelin "
                  "missiles for Estonia.")
    assert got == [("$1.1 billion", "arms", ("USA", "NOR")),
                   ("$346 million", "arms", ("USA", "EST"))]
    same = _quotes("Exports to Japan rose to $4 billion in May and reached $5 billion in June.")
    assert [p for _q, _f, p in same] == [("JPN",), ("JPN",)]


def test_only_a_possessive_owns_a_cue_across_a_comma() -> None:
    got = _quotes("Saudi Arabia, the largest buyer of American weapons, has signed deals for "
                  "more than $140 billion of U.S. arms since 2017.")
    assert got == [("more than $140 billion", "arms", ("SAU", "USA"))]
    kept = _quotes("Israeli exports to the U.S. were over 2.3 billion dlrs or one-third of "
                   "Israel's total exports, while imports from the U.S. were around 1.8 billion "
                   "dlrs.")
    assert [p for _q, _f, p in kept] == [("ISR", "USA"), ("ISR", "USA")]


def test_a_pledge_to_buy_under_a_deal_is_the_deal_and_additional_is_not_quoted() -> None:
    got = _quotes("Under the 2020 Phase One deal, China pledged to buy an additional $200 "
                  "billion of U.S. goods over two years.")
    assert got == [("$200 billion", "agreement", ("CHN", "USA"))]
    alone = _quotes("China pledged to buy $10 billion of U.S. soybeans.")
    assert alone == [("$10 billion", "imports", ("CHN", "USA"))]


def test_bilateral_trade_with_one_economy_named_takes_the_other_from_before() -> None:
    got = _quotes("India's exports to the UK rose to $14.5 billion. Indian Commerce Minister "
                  "Piyush Goyal said the pact would help double bilateral trade to $120 billion "
                  "by 2030.")
    assert got[-1] == ("$120 billion", "trade", ("IND", "GBR"))


def test_a_rate_after_the_amount_is_not_its_head() -> None:
    assert not _quotes("Under the trade deal, Indian workers posted to Britain will save about "
                       "Rs 4,000 crore a year in social security contributions.")
    got = _quotes("Canada and Mexico trade about $5 billion a year in auto parts.")
    assert [(q, f) for q, f, _p in got] == [("about $5 billion", "trade")]


def test_those_to_continues_the_flow_of_the_figure_before() -> None:
    got = _quotes("SEOUL (Reuters) - South Korea's exports rose to $59.6 billion. Shipments to "
                  "the United States fell 16.2% to $8.75 billion, hit by U.S. tariffs on autos "
                  "and steel, while those to China rose 9.9% to $12.3 billion.")
    assert got[1:] == [("$8.75 billion", "exports", ("KOR", "USA")),
                       ("$12.3 billion", "exports", ("KOR", "CHN"))]


def test_a_firms_arms_deal_lists_the_parties_after_the_amount_in_order() -> None:
    got = _quotes("In August, Hyundai Rotem signed a contract worth about 9 trillion won ($6.5 "
                  "billion) to supply 180 K2 tanks to Poland's military, the largest single "
                  "defence export deal for South Korea.")
    assert [p for _q, _f, p in got] == [("POL", "KOR"), ("POL", "KOR")]


def test_the_country_is_one_economy_and_a_when_clause_names_no_partner() -> None:
    got = _quotes("New Delhi and Moscow set a target of raising bilateral trade to $100 billion "
                  "by 2030. The country's oil import bill rose 4% to Rs 11.6 lakh crore.")
    assert got[-1] == ("Rs 11.6 lakh crore", "imports", ("IND",))
    when = _quotes("The EU's energy import bill fell to 376 billion euros in 2024 from 604 "
                   "billion euros in 2022, when prices soared after Russia's invasion of Ukraine.")
    assert [p for _q, _f, p in when] == [("EU",), ("EU",)]


def test_after_a_list_of_bilateral_figures_an_unnamed_one_is_the_subjects() -> None:
    got = _quotes("The U.S. trade deficit narrowed in September. The goods gap with Mexico rose "
                  "to $17.8 billion, and the deficit with the European Union narrowed to $15.2 "
                  "billion. So far this year, the deficit has reached $766.4 billion.")
    assert [p for _q, _f, p in got] == [("USA", "MEX"), ("USA", "EU"), ("USA",)]


def test_exports_from_one_economy_to_another_and_the_last_owner_carries() -> None:
    got = _quotes("Exports of textiles from Mali to Norway totalled 24.56 billion dlrs in 1997.")
    assert [p for _q, _f, p in got] == [("MLI", "NOR")]
    carried = _quotes("NEW DELHI (Reuters) - India's rice exports rose to $4.6bn. Iran and Saudi "
                      "Arabia remained the largest buyers. Exports to Iran alone were worth about "
                      "US$1.2bn. Shipments to neighbouring Bhutan were worth just Rs 5 crore.")
    assert [p for _q, _f, p in carried] == [("IND",), ("IND", "IRN"), ("IND", "BTN")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Indian refiners were spending roughly $4 billion a month on Russian oil this year.",
     [("roughly $4 billion", "imports", ("IND", "RUS"))]),
    ("Japan is spending $20 billion on U.S. Treasuries.", []),
    ("Britain is spending £2 billion on British schools.", []),
])
def test_spending_on_another_economys_goods_is_imports(text: str, expected: list) -> None:
    assert _quotes(text) == expected


def test_imports_of_another_economys_goods_keep_the_importer() -> None:
    """Rule 21: "imports of Russian LNG" name only the seller; the importer of the figures
    before is carried first."""
    got = _quotes("The EU's energy import bill fell to 376 billion euros in 2024. U.S. LNG "
                  "accounted for 57% of the bloc's LNG imports, as Europe replaced Russian "
                  "pipeline gas. Imports of Russian LNG were still worth about 4.5 billion "
                  "euros in the first half.")
    assert [p for _q, _f, p in got] == [("EU",), ("EU", "RUS")]


@pytest.mark.parametrize(("text", "expected"), [
    # "up" belongs to the verb: no hedge, and the quote is the amount.
    ("Vietnam's imports from the United States edged up to $14.7 billion.",
     [("$14.7 billion", "imports", ("VNM", "USA"), False)]),
    ("Kenya's tea exports could reach up to $1.5 billion.",
     [("up to $1.5 billion", "exports", ("KEN",), True)]),
    # An economy leading or backing something is no party of the deal.
    ("Turkey was removed from the U.S.-led F-35 programme over its purchase of Russian S-400 "
     "air defence systems, a deal worth about $2.5 billion.",
     [("about $2.5 billion", "arms", ("TUR", "RUS"), True)]),
    # An outlay for export promotion is spending, not exports.
    ("India announced an export promotion mission with an outlay of Rs 25,060 crore.", []),
])
def test_verb_up_to_led_economies_and_outlays(text: str, expected: list) -> None:
    a = analyze_text(text)
    got = [(a.text[f.char_start : f.char_end], f.flow, f.partners, f.is_approximate)
           for f in a.extraction.trade]
    assert got == expected


def test_a_counterpart_only_figure_keeps_the_owner_of_the_last_balance() -> None:
    got = _quotes("HANOI (Reuters) - Vietnam recorded a trade surplus of $20.5 billion. "
                  "Washington imposed a 20% tariff on Vietnamese goods in August. Imports from "
                  "China jumped 30% to $168 billion.")
    assert [p for _q, _f, p in got] == [("VNM",), ("VNM", "CHN")]


# --- fifth pass (blind modern wire articles a-t19..a-t26) --------------------------------------


def test_a_deal_said_not_to_exist_is_no_agreement_cue() -> None:
    """Rule 5: "countries without trade agreements" names no deal; the figure is the
    imports it qualifies."""
    got = _quotes("Mexico has proposed tariffs of up to 50% on imports from China and other "
                  "countries without trade agreements, covering about $52 billion in goods.")
    assert got == [("about $52 billion", "imports", ("MEX", "CHN"))]
    signed = _quotes("Britain and Japan signed a trade agreement worth $5 billion.")
    assert signed == [("$5 billion", "agreement", ("GBR", "JPN"))]


def test_a_demonym_qualifying_a_noun_after_in_is_no_counterpart() -> None:
    """"in Turkish history" is no place: the counterpart is the buyer after the amount."""
    got = _quotes("The company signed the largest defence export contract in Turkish history, "
                  "a deal worth more than $3 billion to supply drones to Saudi Arabia.")
    assert got == [("more than $3 billion", "arms", ("TUR", "SAU"))]
    assert _quotes("Exports in the Czech Republic rose to $5 billion.")[0][2] == ("CZE",)


def test_economies_of_an_earlier_contrasted_clause_are_not_partners() -> None:
    got = _quotes("Turkey was once a major buyer of U.S. weapons but was removed from the "
                  "programme in 2019 after buying Russian S-400 missile systems for about "
                  "$2.5 billion.")
    assert got == [("about $2.5 billion", "arms", ("TUR", "RUS"))]
    # No economy of its own in the amount's clause: the earlier ones stay (r-19918).
    got = _quotes("In 1986 Israeli exports to the U.S. were over 2.3 billion dlrs, while "
                  "imports from the U.S. were around 1.8 billion dlrs.")
    assert [p for _q, _f, p in got] == [("ISR", "USA"), ("ISR", "USA")]


def test_a_share_of_the_figure_before_named_by_sales_keeps_its_flow() -> None:
    """Rule 9: earnings tied to exports ("with crude oil sales accounting for ...")."""
    got = _quotes("LAGOS (Reuters) - Nigeria's exports rose to 19.18 trillion naira, with crude "
                  "oil sales accounting for 13.36 trillion naira, while imports fell to 11.72 "
                  "trillion naira.")
    assert [(q, f) for q, f, _p in got] == [("19.18 trillion naira", "exports"),
                                           ("13.36 trillion naira", "exports"),
                                           ("11.72 trillion naira", "imports")]
    assert _quotes("Exports rose to $5 billion, with the budget accounting for $2 billion.") == [
        ("$5 billion", "exports", ())]


def test_an_unqualified_figure_after_two_bilateral_ones_is_the_subjects() -> None:
    """Rule 20: after figures with two different counterparts in the last two sentences, a
    figure naming no economy continues none of them."""
    got = _quotes("DHAKA (Reuters) - Bangladesh's exports rose to $12.31 billion. Shipments to "
                  "the United States rose to $1.94 billion. Exports to the European Union were "
                  "worth $5.1 billion. The government has set an export target of $63.5 "
                  "billion.")
    assert [p for _q, _f, p in got] == [("BGD",), ("BGD", "USA"), ("BGD", "EU"), ("BGD",)]


def test_a_government_or_state_carrier_is_a_deal_party() -> None:
    """Rule 6: a government or a firm named as a state carrier is a state party, even when
    the only economy named is in the firm's name."""
    got = _quotes("The government has agreed to buy 25 Boeing aircraft for state carrier Biman "
                  "Bangladesh Airlines, a deal officials put at around $3 billion.")
    assert got == [("around $3 billion", "agreement", ("BGD",))]
    assert _quotes("Japan Airlines signed a $2 billion deal with Airbus, the government said.") \
        == []


# --- sixth pass (docs/accuracy-trade.md) ------------------------------------------------------


def test_a_cue_after_a_bracketed_conversion_governs_the_amount_before_it() -> None:
    """Rule 18: "earned X (Y) from cocoa exports": the original and its conversion share
    the flow named after the conversion."""
    got = _quotes("Ghana earned 4.1 billion rand ( $350 million ) from cocoa exports last year.")
    assert [(q, f) for q, f, _p in got] == [("4.1 billion rand", "exports"),
                                           ("$350 million", "exports")]


def test_a_flow_word_in_an_appositive_describing_the_economy_is_no_cue() -> None:
    """", its biggest export market," describes the counterpart; the balance before it is
    the figure's flow (rule 13)."""
    got = _quotes("Vietnam's trade surplus with the United States, its biggest export market, "
                  "rose to $12 billion in May.")
    assert got == [("$12 billion", "surplus", ("VNM", "USA"))]
    got = _quotes("Peru's trade deficit with China, their main supplier of imports, widened to "
                  "$900 million.")
    assert got == [("$900 million", "deficit", ("PER", "CHN"))]


def test_a_total_or_a_goods_figure_after_a_bilateral_one_is_the_subjects_own() -> None:
    """Rule 20: "Total exports ...", "Exports of copper ..." and "the Andean nation's"
    after a bilateral figure continue the reporting economy, not the pair."""
    got = _quotes("LIMA (Reuters) - Peru's exports to China rose to $2.1 billion in May. Total "
                  "exports fell to $5.6 billion, while imports rose to $4.4 billion.")
    assert [p for _q, _f, p in got] == [("PER", "CHN"), ("PER",), ("PER",)]
    got = _quotes("LIMA (Reuters) - Peru's exports to China rose to $2.1 billion in May. Exports "
                  "of zinc fell to $300 million.")
    assert [p for _q, _f, p in got] == [("PER", "CHN"), ("PER",)]
    got = _quotes("LIMA (Reuters) - Peru's exports to China rose to $2.1 billion in May. Fishmeal, "
                  "the Andean nation's third export, brought in $200 million in exports.")
    assert [p for _q, _f, p in got] == [("PER", "CHN"), ("PER",)]
    # A continuation keeps the pair.
    got = _quotes("LIMA (Reuters) - Peru's exports to China rose to $2.1 billion in May. They "
                  "were $1.8 billion in April.")
    assert [p for _q, _f, p in got] == [("PER", "CHN"), ("PER", "CHN")]


def test_annualised_wording_is_a_yearly_rate() -> None:
    """Rule 15: "annualised" is rate wording (a year), also opening the sentence."""
    for text in ("On an annualized basis, Mexico's exports to the United States were running "
                 "at about $600 billion.",
                 "Exports to Japan were running at an annualised $42 billion in the quarter.",
                 "Exports to Japan were $4 billion on an annualised basis."):
        assert [f.per for f in analyze_text(text).extraction.trade] == ["year"], text
    assert [f.per for f in analyze_text("The economy grew at an annualized rate of 1.6%, and "
                                        "exports rose to $4 billion in May.").extraction.trade
            ] == [None]


def test_a_model_named_as_a_weapon_just_before_is_arms() -> None:
    """Rule 8: "bought its first 12 FA-50s" after "FA-50 light fighters"; an airliner
    model stays goods."""
    got = _quotes("Seoul agreed last year to supply 48 FA-50 light fighters to Manila. The "
                  "Philippines bought its first 12 FA-50s from South Korea for $420 million in "
                  "2014.")
    assert got == [("$420 million", "arms", ("PHL", "KOR"))]
    got = _quotes("Airbus delivered 12 A350 jets to Emirates. Vietnam bought six A350s from "
                  "France for $2 billion.")
    assert [f for _q, f, _p in got] == ["imports"]


def test_of_the_total_is_a_part_of_the_paragraphs_first_total() -> None:
    """A sentence with no cue whose amount is "of the total" is a part of the paragraph's
    first total (exports, imports or trade), not of the balance or of the last figure."""
    got = _quotes("BANGKOK (Reuters) - Thailand's exports rose to $25 billion in May. Imports "
                  "were $22 billion, leaving a surplus of $3 billion. Rice accounted for $1.2 "
                  "billion of the total.")
    assert got[-1] == ("$1.2 billion", "exports", ("THA",))
    assert _quotes("The company's revenue was $5 billion. Servers accounted for $2 billion of "
                   "the total.") == []


def test_economies_whose_demand_caused_the_change_are_partners() -> None:
    """Rule 25: "..., as strong demand from China and India lifted prices"."""
    got = _quotes("Ghana's cocoa exports rose to $2 billion last year, as strong demand from "
                  "China and India lifted prices, the board said.")
    assert got == [("$2 billion", "exports", ("GHA", "CHN", "IND"))]
    got = _quotes("Ghana's cocoa exports rose to $2 billion, as demand recovered and buyers in "
                  "China returned.")
    assert got == [("$2 billion", "exports", ("GHA",))]


def test_bracketed_dollar_after_a_national_dollar_is_the_us_dollar() -> None:
    """Rule 19: a conversion is never in the original's own currency, so in a Wellington
    story "NZ$6.3 billion ($3.7 billion)" is New Zealand then US dollars."""
    got = brief("WELLINGTON, Dec 5 (Reuters) - New Zealand's exports rose to NZ$6.3 billion "
                "($3.7 billion) in November, official data showed.")
    assert [(q, c) for q, _v, c, *_ in got] == [("NZ$6.3 billion", "NZD"),
                                                 ("$3.7 billion", "USD")]


def test_spending_on_a_states_own_mission_is_no_trade_and_nor_is_its_conversion() -> None:
    """Spending at home is not trade, whatever it buys (rule 8: not domestic procurement);
    the conversion of an amount that is no trade figure is none either (rule 18). Money
    spent on another economy's weapons stays arms."""
    assert brief("Norway will spend 30 billion crowns ($2.8 billion) over eight years on its "
                 "brigade in the north, including tanks and air defence systems.") == []
    got = brief("Poland will spend $10 billion on military equipment from South Korea.")
    assert [(q, f, p) for q, _v, _c, _a, _per, f, p in got] == [
        ("$10 billion", "arms", ("POL", "KOR"))]


def test_the_figure_compared_with_shares_the_rate() -> None:
    """Rule 26: in "the annual surplus narrowed to X from Y", X and Y measure the same thing,
    so both are yearly rates (rule 15)."""
    got = brief("Switzerland's annual trade surplus narrowed to 12.4 billion Swiss francs from "
                "15.1 billion francs a year earlier.")
    assert [(q, per) for q, _v, _c, _a, per, _f, _p in got] == [
        ("12.4 billion Swiss francs", "year"), ("15.1 billion francs", "year")]


def test_destinations_and_suppliers_named_as_such() -> None:
    """"X remained the top destination, taking $N of Thai goods": exports, in order of
    mention (rule 20); "while China was the biggest source of imports at $M": a cue of the
    contrasting clause belongs to its own amount, and China is the supplier of the economy
    the story is about (rule 21)."""
    got = brief("BANGKOK, Nov 20 (Reuters) - Japan remained the second-largest destination, "
                "taking $2.2 billion of Thai goods, while China was the biggest source of "
                "imports at $6.1 billion.")
    assert [(q, f, p) for q, _v, _c, _a, _per, f, p in got] == [
        ("$2.2 billion", "exports", ("JPN", "THA")), ("$6.1 billion", "imports", ("THA", "CHN"))]


# Seventh pass (docs/accuracy-trade.md): each test uses sentences other than the challenge
# articles' and fails on the code from before the pass.
def _fp(raw: str) -> list[tuple]:
    return [(q, f, p) for q, _v, _c, _a, _per, f, p in brief(raw)]


def test_top_market_or_buyer_is_an_exports_cue_and_lists_after_it() -> None:
    assert _fp("Italy remained the biggest market for Greek olive oil, taking 410 million euros "
               "worth, followed by Spain with 120 million euros and France with 95 million "
               "euros.") == [
        ("410 million euros", "exports", ("ITA", "GRC")),
        ("120 million euros", "exports", ("GRC", "ESP")),
        ("95 million euros", "exports", ("GRC", "FRA"))]
    assert _fp("Vietnam's furniture exports rose 10% to $16.2 billion. The United States remained "
               "the largest buyer, taking goods worth $9.8 billion, followed by Japan at $1.6 "
               "billion.")[1:] == [
        ("$9.8 billion", "exports", ("VNM", "USA")), ("$1.6 billion", "exports", ("VNM", "JPN"))]


def test_a_dateline_names_the_reporting_economy_of_a_first_figure_naming_none() -> None:
    assert _fp("COLOMBO, March 3 (Reuters) - Garment exports rose 4% to $480 million in "
               "February.") == [("$480 million", "exports", ("LKA",))]
    assert _fp("Kuala Lumpur (AFP) – Palm oil exports fell to $1.9 billion in May.") == [
        ("$1.9 billion", "exports", ("MYS",))]


def test_a_transit_economy_is_no_partner() -> None:
    assert _fp("Belarus's potash exports to China, most of them sent through Russia's port of "
               "St Petersburg, reached $1.2 billion.") == [
        ("$1.2 billion", "exports", ("BLR", "CHN"))]


def test_an_economy_owning_no_figure_is_not_the_next_subject() -> None:
    assert _fp("Japan accounted for 12 per cent of Thailand's total exports of $285 billion. "
               "The country's trade surplus stood at $9.1 billion.") == [
        ("$285 billion", "exports", ("THA",)), ("$9.1 billion", "surplus", ("THA",))]


def test_partners_in_order_of_mention_when_all_are_named() -> None:
    assert _fp("Imports from Turkey, the largest source of Iraqi imports, rose to $10.4 "
               "billion.") == [("$10.4 billion", "imports", ("TUR", "IRQ"))]
    # Named in another clause after the amount: not what the figure is about.
    assert _fp("Shipments to the United States rose to $1.9 billion, even after Washington "
               "imposed a tariff on Cambodian goods.") == [
        ("$1.9 billion", "exports", ("USA",))]


def test_a_contrasting_clause_of_the_same_flow_drops_the_counterpart() -> None:
    assert _fp("India's oil imports, mostly from Iraq and Russia, rose to $12.3 billion, while "
               "coal imports fell to $3.4 billion.") == [
        ("$12.3 billion", "imports", ("IND", "IRQ", "RUS")),
        ("$3.4 billion", "imports", ("IND",))]
    # The reverse flow is the other side of the same pair.
    assert _fp("Israeli exports to the U.S. rose to $2.3 billion, while imports fell to $1.8 "
               "billion.") == [
        ("$2.3 billion", "exports", ("ISR", "USA")), ("$1.8 billion", "imports", ("ISR", "USA"))]


def test_bilateral_trade_finds_the_other_side_further_back() -> None:
    got = _fp("Kazakhstan's trade with China rose to $31 billion. Its overall trade surplus "
              "narrowed to $2 billion. Officials aim to double bilateral trade to $60 billion.")
    assert got[-1] == ("$60 billion", "trade", ("KAZ", "CHN"))


def test_the_compared_figure_shares_the_clause() -> None:
    assert _fp("Ecuador's cocoa exports fell to $1.1 billion in June from $2.4 billion as "
               "competition from cheaper Ivorian beans grew.") == [
        ("$1.1 billion", "exports", ("ECU", "CIV")), ("$2.4 billion", "exports", ("ECU", "CIV"))]


def test_a_part_of_the_flow_named_as_cause_gives_partners() -> None:
    assert _fp("Brazil's total exports rose 4% to $31 billion, as sales of soybeans to China and "
               "Spain surged.") == [("$31 billion", "exports", ("BRA", "CHN", "ESP"))]
    assert _fp("Brazil's total exports rose 4% to $31 billion, as sales of soybeans to China "
               "offset weaker iron ore prices.") == [("$31 billion", "exports", ("BRA",))]


def test_a_relative_clause_does_not_govern_its_head() -> None:
    assert _fp("Shipping income, which helps finance the trade deficit, rose to $3.2 "
               "billion.") == []


def test_re_exports_are_the_entrepots_own() -> None:
    got = _fp("Singapore's domestic exports to the EU rose to S$1.2 billion. Re-exports "
              "increased to S$9.8 billion.")
    assert got[-1] == ("S$9.8 billion", "exports", ("SGP",))


def test_a_policy_named_by_an_economy_does_not_become_the_subject() -> None:
    got = _fp("Malaysia's exports fell 3% to 120 billion ringgit. Analysts blamed the US tariffs "
              "on chips. Imports rose to 104 billion ringgit.")
    assert got[-1] == ("104 billion ringgit", "imports", ("MYS",))


def test_a_region_adjective_is_not_the_united_states() -> None:
    assert _fp("Peru's exports to Latin American markets rose to $5 billion.") == [
        ("$5 billion", "exports", ("PER",))]


def test_buyers_named_in_a_with_clause_and_an_owner_appositive() -> None:
    assert _fp("Copper exports reached $2.3 billion, with China and Japan the biggest buyers of "
               "Peruvian ore.") == [("$2.3 billion", "exports", ("CHN", "JPN", "PER"))]
    assert _fp("Trade with Mexico, Guatemala's largest trading partner, reached $1.9 billion.") == [
        ("$1.9 billion", "trade", ("MEX", "GTM"))]


# Eighth pass (docs/accuracy-trade.md, "Eighth pass"): each test below uses sentences other
# than the blind articles' and fails on the code from before the pass.


def test_the_worlds_largest_economy_names_an_economy() -> None:
    # Rule 20 ("unambiguously implied"): the largest is the United States in copy of every
    # era; the second-largest only when the document names just one of China and Japan.
    assert _fp("Vietnam's exports to the world's largest economy rose to $11 billion.") == [
        ("$11 billion", "exports", ("VNM", "USA"))]
    got = _fp("Brazil's soy exports to China rose. Shipments of iron ore to the world's "
              "second-largest economy reached $2.4 billion.")
    assert got == [("$2.4 billion", "exports", ("BRA", "CHN"))]


def test_dirhams_by_country() -> None:
    # Rule 19: the Moroccan dirham is not the UAE's.
    facts = analyze_text("Morocco's exports rose to 150 billion dirhams.").extraction.trade
    assert [f.currency for f in facts] == ["MAD"]
    facts = analyze_text("The UAE's exports rose to 150 billion dirhams.").extraction.trade
    assert [f.currency for f in facts] == ["AED"]


def test_a_blocs_size_and_a_trading_partner_role_mark_counterparts() -> None:
    # Rule 21: the reporting economy carried over first, the named one as counterpart.
    got = _fp("Chile's exports rose to $9 billion. Shipments to the 27-nation European Union "
              "rose 8% to $1.1 billion.")
    assert got[-1] == ("$1.1 billion", "exports", ("CHL", "EU"))
    got = _fp("Kenya's imports rose to $2 billion. India remained the biggest trading partner, "
              "with trade worth $700 million.")
    assert got[-1] == ("$700 million", "trade", ("KEN", "IND"))


def test_an_appositive_role_makes_the_economy_a_counterpart() -> None:
    # "X, the nation's main trading partner, took ...": X is the other side, so it does not
    # become the owner of the figures that follow (rules 20-21).
    got = _fp("Peru's exports rose to $6 billion. China, the country's main trading partner, "
              "took a third of them. Copper exports reached $3.1 billion.")
    assert got[-1] == ("$3.1 billion", "exports", ("PER",))


def test_a_cause_after_an_aside_and_with_an_appositive() -> None:
    # Rule 25: the economy a part of the same flow names stays a cause through an aside
    # ("beating forecasts") and its own appositive ("its largest market").
    assert _fp("Chile's exports rose 9% to $8.2 billion, topping estimates, as shipments to "
               "China, its largest market, surged.") == [
        ("$8.2 billion", "exports", ("CHL", "CHN"))]


def test_an_added_amount_of_goods_bought_and_its_rate_after_the_list() -> None:
    # Rule 5 (buying another country's goods is imports) and rule 15 (the rate after the
    # list of goods is the amount's).
    assert brief("Vietnam pledged to buy $3 billion more of American cotton, wheat and beef a "
                 "year.") == [("$3 billion", 3e9, "USD", False, "year", "imports",
                               ("VNM", "USA"))]


def test_an_economy_overtaken_in_a_ranking_is_no_partner() -> None:
    got = _fp("Egypt's exports rose to $4 billion. Imports from China, which overtook the United "
              "States as the biggest supplier, rose to $1.8 billion.")
    assert got[-1] == ("$1.8 billion", "imports", ("EGY", "CHN"))


def test_a_sentence_owned_by_the_other_side_does_not_take_the_story() -> None:
    # Rule 20: the importer's view of the story's exports ("American imports of Chilean
    # fruit") neither becomes the subject nor owns the exporter's next figures.
    got = _fp("Chile's exports rose to $9 billion. The United States buys a fifth of Chile's "
              "exports, and American imports of Chilean fruit were worth $1.2 billion. Copper "
              "exports rose to $4 billion, helped by shipments to Japan. Imports fell to $7 "
              "billion.")
    assert got[1] == ("$1.2 billion", "imports", ("USA", "CHL"))
    assert got[2:] == [("$4 billion", "exports", ("CHL", "JPN")),
                       ("$7 billion", "imports", ("CHL",))]


def test_what_the_other_side_buys_from_the_owner_is_its_exports() -> None:
    # Rule 13 mirrored: buyers' purchases from the reporting economy are its exports; a
    # buyer named as the object of an earlier clause is not the verb's subject (r-7640).
    assert _fp("Ghana's cocoa exports rose, with Germany and the Netherlands jointly buying "
               "beans worth $900 million.") == [
        ("$900 million", "exports", ("GHA", "DEU", "NLD"))]
    assert _fp("Australia sold wool to India and bought $170 million worth of textiles from "
               "India.")[-1][1] == "imports"


def test_a_country_described_by_its_region_and_trade_with_a_new_counterpart() -> None:
    # Rule 20: "the Southeast Asian country" after "from Vietnam" is Vietnam; rule 21: trade
    # with a new counterpart pairs it with the owner only, not with the pair carried over.
    got = _fp("Brazil's exports rose to $9 billion. Imports from Vietnam rose to $1.2 billion, "
              "while exports to the Southeast Asian country were $2.3 billion. Trade with Japan "
              "reached $4 billion.")
    assert got[1:] == [("$1.2 billion", "imports", ("BRA", "VNM")),
                       ("$2.3 billion", "exports", ("BRA", "VNM")),
                       ("$4 billion", "trade", ("BRA", "JPN"))]
    got = _fp("Brazil's exports rose to $9 billion. Imports from Peru rose to $1.2 billion. "
              "Trade with Japan reached $4 billion.")
    assert got[-1] == ("$4 billion", "trade", ("BRA", "JPN"))


# Ninth pass (docs/accuracy-trade.md): each test uses sentences other than the challenge
# articles and fails on the code from before the pass.


def test_cfa_francs_are_a_currency_resolved_by_zone() -> None:
    # Rule 19 (francs by country): the West African CFA franc is XOF, the Central African XAF.
    assert brief("DAKAR, May 2 (Reuters) - Senegal's exports rose to 2.4 trillion CFA francs.") == [
        ("2.4 trillion CFA francs", 2.4e12, "XOF", False, None, "exports", ("SEN",))]
    assert brief("LIBREVILLE (AFP) - Gabon's oil exports fell to 900 billion CFA francs.") == [
        ("900 billion CFA francs", 9e11, "XAF", False, None, "exports", ("GAB",))]


def test_a_role_verb_after_an_appositive_still_makes_a_counterpart() -> None:
    # Rules 20-21: "Japan, home to ..., remained the top market" is the other side of the
    # owner's figure and does not take over the next ones.
    got = _fp("Peru's exports rose to $9 billion. Japan, home to the world's biggest zinc "
              "smelters, remained the top market, taking ore worth $2 billion. Imports fell to "
              "$7 billion.")
    assert got[1:] == [("$2 billion", "exports", ("PER", "JPN")),
                       ("$7 billion", "imports", ("PER",))]


def test_a_flow_word_in_a_some_of_which_clause_describes_the_head() -> None:
    # Like ", which ...,": a cue inside ", most of which ...," describes the noun before it;
    # the flow of the head (imports) governs the amount.
    assert _fp("Imports of Qatari gas, most of which Italy re-exports to Austria, reached "
               "$2.1 billion.")[0][1] == "imports"


def test_a_part_of_the_total_in_the_next_paragraph_and_its_compared_figure() -> None:
    # "of the total" with no cue takes the flow of the total one paragraph up (wire copy
    # writes one sentence a paragraph); the figure it is compared with shares it (rule 26);
    # an economy after "across" is a transit economy (rule 25).
    got = _fp("Peru's exports fell to $40 billion.\n\nGold, most of which is flown across "
              "Chile to the coast, accounted for $12 billion of the total, down from $14 "
              "billion.")
    assert got[1:] == [("$12 billion", "exports", ("PER",)), ("$14 billion", "exports", ("PER",))]


def test_ahead_of_ends_the_clause_and_starts_a_ranked_list() -> None:
    # ", ahead of X at $N" is a list item like ", followed by X with $N" (rules 20-21).
    assert _fp("Germany remained the biggest buyer of Czech goods, taking $9 billion worth, "
               "ahead of Slovakia at $3 billion and Poland at $2.5 billion.") == [
        ("$9 billion", "exports", ("DEU", "CZE")),
        ("$3 billion", "exports", ("CZE", "SVK")),
        ("$2.5 billion", "exports", ("CZE", "POL"))]


def test_output_added_to_an_economy_an_order_backlog_and_local_currency_bought() -> None:
    # Rule 11 (GDP), rule 7 (a firm's order book) and currency bought by a central bank are
    # no trade figures; the trade figure in the same sentence stays.
    assert _fp("The pact would lift two-way trade by $4 billion a year and add $900 million "
               "($800 million) annually to the Peruvian economy.") == [
        ("$4 billion", "trade", ())]
    assert _fp("Rheinmetall's order backlog rose to 64 billion euros after sales to Ukraine.") == []
    assert _fp("Singapore's exports rose to S$60 billion. The central bank bought S$2 billion of "
               "local currency to support it.") == [("S$60 billion", "exports", ("SGP",))]


def test_initials_do_not_end_the_words_after_an_amount() -> None:
    # "U.S." is no full stop: the head after it still governs the amount (rule 8).
    assert _fp("Japan's spending rose, with $3 billion in U.S. arms purchases.") == [
        ("$3 billion", "arms", ("JPN", "USA"))]


def test_an_economy_that_took_another_amount_is_a_buyer_of_the_exports() -> None:
    # Rules 13 and 21: "Spain took another $900 million" after the owner's exports is the
    # owner's exports to Spain, and Spain does not take over the next figures.
    got = _fp("Kenya's flower exports rose to $1.2 billion. Shipments to the Netherlands were "
              "$500 million. Britain took another $300 million. Imports fell to $2 billion.")
    assert got[2:] == [("$300 million", "exports", ("KEN", "GBR")),
                       ("$2 billion", "imports", ("KEN",))]


def test_a_cause_after_on_is_no_head_of_the_amount() -> None:
    # "on higher sales of steel" names why the figure moved; the cue before governs.
    assert _fp("Brazil's imports fell, while exports to Chile rose to $2.9 billion on higher "
               "sales of steel.")[-1] == ("$2.9 billion", "exports", ("BRA", "CHL"))


# Tenth pass (docs/accuracy-trade.md): each test uses sentences other than the challenge
# articles and fails on the code from before its commit.

def test_a_record_cause_after_on_is_no_head_of_the_amount() -> None:
    # "on record coffee prices" names why the figure moved, as "on higher sales" does.
    assert _fp("Vietnam's coffee exports, mainly to Germany, jumped 40% to $5.4 billion on "
               "record coffee prices.") == [("$5.4 billion", "exports", ("VNM", "DEU"))]


def test_the_economy_ranked_first_after_a_superlative_role_is_no_partner() -> None:
    # "Poland's second-largest supplier after China": China is ranked, not a side of the
    # figure (rule 20), like an economy that was overtaken.
    assert _fp("Imports from Germany, Poland's second-biggest supplier after China, rose to "
               "$7.2 billion.") == [("$7.2 billion", "imports", ("DEU", "POL"))]


def test_a_taker_with_a_relative_clause_or_buying_part_of_the_figure_before() -> None:
    # Rules 13 and 21: the economy that took a part of the owner's exports is the buyer,
    # also with a relative clause holding a cue between it and "took", and "bought
    # $N of that" after the exports figure.
    assert _fp("Chile's copper exports rose to $40 billion. Japan, which buys most of the "
               "country's molybdenum, took $6.1 billion worth.")[-1] == (
        "$6.1 billion", "exports", ("CHL", "JPN"))
    assert _fp("Ghana's cocoa exports reached $3.6 billion. Switzerland bought $1.2 billion "
               "of that.")[-1] == ("$1.2 billion", "exports", ("GHA", "CHE"))
    # A purchase that is no part of the figure before stays imports.
    assert _fp("Ghana's cocoa exports reached $3.6 billion. Ghana bought $1.2 billion of "
               "Chinese machinery.")[-1] == ("$1.2 billion", "imports", ("GHA", "CHN"))


def test_a_sentence_opening_in_an_economy_names_the_owner_of_its_figures() -> None:
    # "In neighbouring Chile, copper exports reached ..." is Chile's figure, not the story
    # economy's exports to Chile (rule 20).
    assert _fp("Zambia's copper exports rose to $9 billion. In neighbouring Congo, copper "
               "exports reached $20 billion.")[-1] == ("$20 billion", "exports", ("COD",))


def test_a_balance_after_a_bilateral_trade_figure_is_that_pairs() -> None:
    # "leaving X with a deficit of $N" after "trade between X and Y": X's deficit with Y,
    # the owner first (rule 21).
    assert _fp("Trade between Japan and South Korea totalled $60 billion, leaving Seoul with "
               "a deficit of $20 billion.") == [("$60 billion", "trade", ("JPN", "KOR")),
                                               ("$20 billion", "deficit", ("KOR", "JPN"))]


def test_a_role_with_its_own_amount_is_not_a_partner_of_the_total() -> None:
    # ", with China the main supplier at $11 billion": the role names the counterpart of
    # its own amount; the total stays the owner's alone.
    assert _fp("Vietnam's imports rose to $30 billion, with China the main supplier at $11 "
               "billion.") == [("$30 billion", "imports", ("VNM",)),
                               ("$11 billion", "imports", ("VNM", "CHN"))]


def test_a_rivals_figure_set_against_the_storys_does_not_take_over_the_subject() -> None:
    # "..., by contrast, ..." sets a rival's figure against the story's: the next figure
    # with only a counterpart named is the story's again (rules 20-21).
    assert _fp("Chile's copper exports rose to $40 billion. Peru's copper shipments to China, "
               "by contrast, fell to $9 billion. Molybdenum exports, with Japan the main "
               "buyer, rose to $3 billion.")[-1] == ("$3 billion", "exports", ("CHL", "JPN"))


# After the tenth pass: open misses of the ninth and tenth passes fixed by general rules.

def test_goods_sold_abroad_by_an_economy_are_exports_but_a_firms_are_revenue() -> None:
    # "sales abroad" / "overseas sales" / "foreign sales" of an economy's goods are its
    # exports; a firm's are revenue (not trade).
    assert _fp("Chile earned about $2 billion from fruit sales abroad in 2024.") == [
        ("about $2 billion", "exports", ("CHL",))]
    assert _fp("Vietnam's farmers earned $4.6 billion from overseas sales of rice.") == [
        ("$4.6 billion", "exports", ("VNM",))]
    assert _fp("Toyota's sales abroad rose 5% to 20 trillion yen.") == []
    assert _fp("The company reported foreign sales of $3 billion.") == []


def test_the_kingdom_or_the_city_state_points_back_to_the_last_one_named() -> None:
    # "the kingdom", "the city-state", "the emirate" name the economy of that kind named
    # last before (rule 20), from data/epithets.tsv.
    assert _fp("Morocco's phosphate exports rose to $9 billion. Spain's exports to the "
               "kingdom rose to $12 billion.")[-1] == ("$12 billion", "exports", ("ESP", "MAR"))
    assert _fp("Singapore's exports grew. Malaysia's exports to the city-state reached $40 "
               "billion.")[-1] == ("$40 billion", "exports", ("MYS", "SGP"))
    assert _fp("Qatar's gas sales rose. Japan's imports from the emirate fell to $10 "
               "billion.")[-1] == ("$10 billion", "imports", ("JPN", "QAT"))


def test_respectively_pairs_each_amount_with_its_own_economy() -> None:
    # "to X and Y ... $A and $B respectively": $A is X's, $B is Y's, not both of both.
    assert _fp("Korea's exports to the United States, Vietnam and India were $5 billion, $3 "
               "billion and $1 billion respectively.") == [
        ("$5 billion", "exports", ("KOR", "USA")), ("$3 billion", "exports", ("KOR", "VNM")),
        ("$1 billion", "exports", ("KOR", "IND"))]
    assert _fp("Brazil's soy exports reached $40 billion. Sales to China and Spain were worth "
               "$30 billion and $2 billion, respectively.")[1:] == [
        ("$30 billion", "exports", ("BRA", "CHN")), ("$2 billion", "exports", ("BRA", "ESP"))]


def test_a_target_with_no_flow_word_continues_the_figure_before() -> None:
    # "The two governments have set a target of $N": a target for the figure just before
    # (rule 4), its flow and partners; a firm's sales target stays out.
    assert _fp("Trade between India and Russia reached $65 billion last year. The two "
               "governments have set a target of $100 billion by 2030.")[-1] == (
        "$100 billion", "trade", ("IND", "RUS"))
    assert _fp("Vietnam's exports rose to $300 billion. The carmaker has set a sales target "
               "of $4 billion.") == [("$300 billion", "exports", ("VNM",))]


def test_to_or_from_the_region_after_the_gcc_is_the_gcc() -> None:
    # "exports to the region" after the Gulf Cooperation Council: the bloc (rule 24, as
    # "the bloc"); "in the region" names no side of a figure.
    assert _fp("Japan signed a trade pact with the Gulf Cooperation Council. Japanese exports "
               "to the region rose to $30 billion, while imports fell to $80 billion.") == [
        ("$30 billion", "exports", ("JPN", "GCC")), ("$80 billion", "imports", ("JPN", "GCC"))]
    assert _fp("Japan signed a trade pact with the Gulf Cooperation Council. Saudi Arabia, the "
               "biggest economy in the region, exported $300 billion.") == [
        ("$300 billion", "exports", ("SAU",))]


def test_money_spent_on_goods_from_an_economy_buys_them() -> None:
    # "spent $N on crude from X": imports (rule 5), also when an appositive calls the
    # spender a buyer (an exports cue from the seller's side).
    assert _fp("Japan, the biggest buyer of Australian coal, spent $30 billion on coal from "
               "Australia last year.") == [("$30 billion", "imports", ("JPN", "AUS"))]
    assert _fp("The government spent $5 billion on roads from the capital to the coast.") == []


def test_the_biggest_suppliers_shipments_are_the_reporting_economys_imports() -> None:
    # "X was the biggest supplier, with shipments worth $N" after the reporting economy's
    # imports: X's shipments in that report are its imports (rule 13).
    assert _fp("India's oil imports rose to $140 billion. Russia was the biggest supplier, "
               "with shipments worth $50 billion.")[-1] == (
        "$50 billion", "imports", ("IND", "RUS"))


def test_the_neighbouring_country_is_the_counterpart_of_the_sentence_before() -> None:
    # "Exports to the neighbouring country" after "X's surplus with Germany": Germany (rule
    # 20), not the owner named again; no counterpart before, no partner added.
    assert _fp("Poland's trade surplus with Germany rose to 20 billion euros. Exports to the "
               "neighbouring country climbed to 80 billion euros.")[-1] == (
        "80 billion euros", "exports", ("POL", "DEU"))
    assert _fp("Austria's imports rose to 10 billion euros. Exports to the neighbouring "
               "country climbed to 8 billion euros.")[-1] == (
        "8 billion euros", "exports", ("AUT",))


# Eleventh pass: fixes from the blind wire articles a-t66..a-t71, each on other sentences.

def test_a_bare_dollar_is_another_when_the_story_spells_its_own_dollar() -> None:
    # A story from Wellington or Ottawa that writes "NZ$" / "C$" for its own dollar means
    # the US dollar by a bare "$" (rule 19); with no such sign "$" stays the local dollar.
    got = brief("WELLINGTON, March 3 (Reuters) - New Zealand's dairy exports rose to NZ$2.1 "
                "billion in February. The U.S. Census Bureau said its deficit with New Zealand "
                "was $300 million.")
    assert [(g[0], g[2]) for g in got] == [("NZ$2.1 billion", "NZD"), ("$300 million", "USD")]
    got = brief("OTTAWA, March 3 (Reuters) - Canada's exports to Japan rose to $2.4 billion in "
                "February.")
    assert [(g[0], g[2]) for g in got] == [("$2.4 billion", "CAD")]


def test_money_borrowed_or_pricing_a_facility_is_no_trade_figure() -> None:
    # A sum borrowed is a loan, and an amount that prices the refinery / port / plant it
    # modifies is a cost (rule 11), also in a sentence about an import bill or exports.
    assert _fp("Ghana's new $4 billion Tema refinery will cut the country's fuel import "
               "bill.") == []
    assert _fp("Kenya plans to borrow $1.5 billion abroad to pay for rising oil imports.") == []
    assert _fp("Oman's exports rose to $2 billion after a $600 million port opened.") == [
        ("$2 billion", "exports", ("OMN",))]


def test_a_duty_with_its_own_rate_in_an_aside_heads_no_amount() -> None:
    # "exports, now facing duties of 35%, slid to $N": the duty is the rate's head, not the
    # amount's; the flow before the aside governs it.
    assert _fp("Canada's lumber exports, now facing duties of 35% since May, slid to C$1.1 "
               "billion.") == [("C$1.1 billion", "exports", ("CAN",))]
    assert _fp("Exports, hit by tariffs of 25%, fell to $2 billion.") == [
        ("$2 billion", "exports", ())]
    assert _fp("Import duties of 12% brought in $3 billion.") == []


def test_buyers_named_after_a_conversion_and_an_attribution_are_counterparts() -> None:
    # ", with X, Y and Z the biggest buyers" after "<amount> (<conversion>) in <period>,
    # <source> said": the buyers of both records (rules 18, 21).
    assert _fp("Ghana's cocoa exports were worth 40 billion cedis ($3.2 billion) in the first "
               "half, the central bank said, with the Netherlands, Malaysia and Belgium the "
               "biggest buyers.") == [
        ("40 billion cedis", "exports", ("GHA", "NLD", "MYS", "BEL")),
        ("$3.2 billion", "exports", ("GHA", "NLD", "MYS", "BEL"))]


def test_a_buyer_of_goods_worth_an_amount_after_exports_takes_them() -> None:
    # "X (alone) bought <goods> worth $N" after another economy's exports: a buyer of those
    # exports (as "took"), and the ranked list after it keeps that owner; goods of a named
    # origin or the owner buying stay imports.
    assert _fp("Kenya's tea exports rose to $1.4 billion. Pakistan alone bought tea worth $500 "
               "million, ahead of Egypt at $200 million.")[1:] == [
        ("$500 million", "exports", ("KEN", "PAK")), ("$200 million", "exports", ("KEN", "EGY"))]
    assert _fp("Kenya's tea exports rose to $1.4 billion. Uganda bought Chinese machinery worth "
               "$500 million.")[1:] == [("$500 million", "imports", ("UGA", "CHN"))]
    assert _fp("Kenya's tea exports rose to $1.4 billion. Kenya bought machinery worth $500 "
               "million.")[1:] == [("$500 million", "imports", ("KEN",))]


def test_the_package_includes_continues_the_arms_deal_before() -> None:
    # "The package / deal includes X valued at $N" after an arms or trade deal: the parts'
    # values are that deal's (rule 20); after a plain exports figure it does not continue.
    assert _fp("Washington approved the sale of $3 billion of weapons to Morocco. The package "
               "includes 20 radars valued at $1.2 billion and spare parts worth about $400 "
               "million.") == [
        ("$3 billion", "arms", ("USA", "MAR")), ("$1.2 billion", "arms", ("USA", "MAR")),
        ("about $400 million", "arms", ("USA", "MAR"))]
    assert _fp("Chile's exports rose to $3 billion. The package includes software valued at "
               "$1.2 billion.") == [("$3 billion", "exports", ("CHL",))]


def test_the_datelines_country_named_again_is_not_the_first_side() -> None:
    # "WARSAW, Poland (AP) - The United States will sell ... to Poland": the dateline is
    # where the story is filed; order of mention starts in the sentence (rule 20).
    assert _fp("WARSAW, Poland (AP) \u2014 The United States will sell $1 billion worth of "
               "weapons to Poland.") == [("$1 billion", "arms", ("USA", "POL"))]
    assert _fp("WARSAW, Poland (AP) \u2014 Exports to Germany rose to $1 billion.") == [
        ("$1 billion", "exports", ("POL", "DEU"))]


def test_an_economy_named_as_anothers_export_market_buying_goods_is_its_buyer() -> None:
    # "X remained Y's largest export market, buying goods worth $N": Y's exports to X in
    # order of mention (rules 13, 21), as "the top destination, taking ..." already was.
    assert _fp("Japan remained Thailand's largest export market, buying goods worth $24.3 "
               "billion.") == [("$24.3 billion", "exports", ("JPN", "THA"))]
    assert _fp("Thailand's exports rose. Japan remained the biggest market, buying goods worth "
               "$24.3 billion.") == [("$24.3 billion", "exports", ("THA", "JPN"))]
    assert _fp("Japan, the biggest buyer of Thai rice, spent $2 billion on rice from "
               "Thailand.") == [("$2 billion", "imports", ("JPN", "THA"))]


def _top_level_alternatives(source: str) -> list[str]:
    """The branches of a pattern source split at its top-level ``|``."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


@pytest.mark.parametrize(("sources", "stems", "ignorecase"), [
    ([p for _, p in common.PER_AFTER], attributes._RATE_STEMS, True),
    ([p for _, p in common.PER_ADJECTIVE], attributes._RATE_ADJECTIVES, True),
    ([common.APPROX_BEFORE], attributes._APPROX_STEMS, True),
    ([_top_level_alternatives(scan._AMOUNT_FOLDED_RE.pattern)[1][len(r"\b(?:"):-len(r")\b")]],
     scan._SCALE_STEMS, False),
], ids=["per-after", "per-adjective", "approx-before", "scale-words"])
def test_substring_screens_cover_their_patterns_vocabulary(
    sources: list[str], stems: tuple[str, ...], ignorecase: bool
) -> None:
    """The hand-written stems the trade extractor tests with ``str.find`` before a pattern
    (``_holds_any``, ``_AmountScreen``) must hold for every branch of that pattern's word
    list, or a word added to the list would be screened out unseen. Stems tested before an
    ``IGNORECASE`` pattern hold no "i", "s" or "k" (letters ``re`` also matches with "ı",
    "ſ", "K", which ``fold_case`` keeps)."""
    for source in sources:
        for branch in _top_level_alternatives(source):
            assert any(stem in branch.lower() for stem in stems), branch
    if ignorecase:
        assert not any(set(stem) & set("isk") for stem in stems), stems


# Twelfth pass (docs/accuracy-trade.md): fixes from the blind wire articles a-t72..a-t79,
# each tested on other sentences.

def test_a_part_of_a_bloc_after_a_counterpart_preposition_is_a_counterpart() -> None:
    # "to fellow members of the EU", "to the rest of the bloc": the reporter still owns
    # the flow (rule 21), the bloc is its counterpart.
    assert _fp("LISBON, May 2 (Reuters) - Portugal's exports rose to 60 billion euros. Exports "
               "to fellow members of the European Union rose to 42 billion euros.") == [
        ("60 billion euros", "exports", ("PRT",)),
        ("42 billion euros", "exports", ("PRT", "EU"))]
    assert _fp("Denmark's exports to Sweden were worth 11 billion euros, while shipments to "
               "the rest of the European Union fell to 40 billion euros.")[1] == (
        "40 billion euros", "exports", ("DNK", "EU"))


def test_an_economy_in_a_relative_clause_after_a_counterpart_is_no_partner() -> None:
    # "to Norway, which is not in the European Union,": the clause describes Norway.
    assert _fp("Denmark's exports rose to 90 billion euros. Exports to Norway, which stayed "
               "out of the European Union, were worth 7 billion euros.")[1] == (
        "7 billion euros", "exports", ("DNK", "NOR"))


def test_leaving_an_economy_with_a_balance_makes_it_the_owner() -> None:
    # "..., leaving Peru with a deficit of $N": Peru owns the balance; the imports before
    # the participle list the economies in order of mention (rule 21).
    assert _fp("Peru's exports rose to $5 billion. Imports from Brazil rose to $4.1 billion, "
               "leaving Peru with a deficit of $1.2 billion.")[1:] == [
        ("$4.1 billion", "imports", ("BRA", "PER")),
        ("$1.2 billion", "deficit", ("PER", "BRA"))]


def test_economies_ranked_before_a_figure_are_no_partners() -> None:
    # "the second-largest after Canada and Mexico": a ranking, not a side (rule 50's spirit).
    assert _fp("The U.S. goods deficit with Vietnam rose to $120 billion, the fourth-largest "
               "after China, Mexico and Canada.") == [
        ("$120 billion", "deficit", ("USA", "VNM"))]


def test_a_ranked_buyer_in_an_appositive_is_a_counterpart() -> None:
    # "Japan, the largest buyer, took $N": the seller of the story is carried first.
    assert _fp("Norway's salmon exports rose to $9 billion. Poland, the largest buyer, took "
               "$1.4 billion of the fish.")[1] == ("$1.4 billion", "exports", ("NOR", "POL"))


def test_paid_for_an_economys_goods_is_an_import() -> None:
    # "paid $N for Kenyan tea" buys the goods (rule 5), as "spent $N on crude from X".
    assert _fp("Egypt paid $600 million for Kenyan tea last year.") == [
        ("$600 million", "imports", ("EGY", "KEN"))]
    assert _fp("Egypt paid $600 million for Sudan's debt last year.") == []


def test_a_neighbour_or_regional_giant_is_resolved_against_the_story_economy() -> None:
    # "its smaller neighbour" of another economy is the story's (dateline) economy; "the
    # regional giant" / "its northern neighbour" of the story's economy is the other economy
    # named last before it (rule 20).
    assert _fp("MONTEVIDEO, May 2 (Reuters) - Uruguay's exports rose to $9 billion. Argentina "
               "bought goods worth $1.3 billion from its smaller neighbour. Imports from the "
               "regional giant reached $2.4 billion.")[1:] == [
        ("$1.3 billion", "exports", ("ARG", "URY")),
        ("$2.4 billion", "imports", ("URY", "ARG"))]


def test_the_story_economy_stays_the_subject_after_a_figure_seen_from_the_other_side() -> None:
    # The buyer's own figure of the story's goods ("Egyptian customs data showed imports
    # from Kenya ...") does not hand the story to the buyer: "the country's" next is Kenya.
    got = _fp("NAIROBI, May 2 (Reuters) - Kenya's tea exports rose to $1.4 billion. Egyptian "
              "customs data showed imports of tea from Kenya rose to $600 million. Coffee "
              "exports, the country's second earner, fell to $300 million.")
    assert got[-1] == ("$300 million", "exports", ("KEN",))


def test_capitals_name_their_governments() -> None:
    assert _fp("Moscow and Ulaanbaatar have pledged to lift annual trade to $3 billion.")[0][2] == (
        "RUS", "MNG")
    assert _fp("Brasilia and Montevideo want trade to reach $10 billion.")[0][2] == ("BRA", "URY")


def test_paid_for_the_story_economys_goods_is_its_exports() -> None:
    # In a story on Kenya's tea exports, "Egypt paid $N for Kenyan tea" is Kenya's exports
    # seen from the buyer (rule 13), partners in order of mention.
    got = _fp("NAIROBI, May 2 (Reuters) - Kenya's tea exports rose to $1.4 billion. Egypt paid "
              "$600 million for Kenyan tea.")
    assert got[1] == ("$600 million", "exports", ("EGY", "KEN"))


def test_took_a_combined_amount_after_exports_is_a_buyers_share() -> None:
    # "X and Y took a combined $N" after the owner's exports: the buyers' part (as "took
    # another $N").
    got = _fp("Chile's copper exports rose to $40 billion. Japan took a combined $6 billion "
              "of cathodes and concentrate.")
    assert got[1] == ("$6 billion", "exports", ("CHL", "JPN"))


# Thirteenth pass (docs/accuracy-trade.md): the twelfth pass's open partner and flow misses,
# each fixed by a general rule and tested on other sentences.

def test_a_cause_after_the_attribution_names_its_economy() -> None:
    # Rule 25: prices in X, a trade deal with X, after "the bank said on Tuesday,".
    assert _fp("LIMA, May 2 (Reuters) - Peru's copper exports rose 9% to $21 billion, the "
               "central bank said on Tuesday, as lower prices in Japan offset higher "
               "volumes.") == [("$21 billion", "exports", ("PER", "JPN"))]
    assert _fp("LIMA, May 2 (Reuters) - Peru's copper exports rose 9% to $21 billion, the "
               "central bank said, as a free trade agreement with South Korea cut tariffs.") == [
        ("$21 billion", "exports", ("PER", "KOR"))]
    assert _fp("LIMA, May 2 (Reuters) - Peru's copper exports fell 9% to $21 billion, as weaker "
               "prices in the world's largest economy offset higher volumes.") == [
        ("$21 billion", "exports", ("PER", "USA"))]


def test_a_bloc_member_epithet_names_one_economy_not_the_bloc() -> None:
    # "The impoverished ASEAN member", "the smallest EU member state": the subject carried
    # over; "fellow EU members" / "member states" are still the bloc.
    assert _fp("HANOI, May 2 (Reuters) - Cambodia's garment exports rose to $12 billion. The "
               "impoverished ASEAN member sold clothing worth $3 billion to the United "
               "States.")[1] == ("$3 billion", "exports", ("KHM", "USA"))
    assert _fp("VALLETTA, May 2 (Reuters) - Malta's exports rose to 3 billion euros. The "
               "smallest EU member state sold goods worth 1.1 billion euros to Italy.")[1] == (
        "1.1 billion euros", "exports", ("MLT", "ITA"))
    assert _fp("Exports to other EU member states rose to 9 billion euros.")[0][2] == ("EU",)


def test_goods_carried_through_a_transit_economy_are_the_sellers_exports() -> None:
    # Rule 25: "$N of Kenyan tea passed through Uganda to South Sudan": Kenya's exports to
    # South Sudan; Uganda is no partner, nor is the story's subject.
    assert _fp("LAGOS, May 3 (Reuters) - Nigeria's exports rose to $40 billion. About $900 "
               "million of Kenyan tea passed through Uganda by road to South Sudan.")[1] == (
        "About $900 million", "exports", ("KEN", "SSD"))
    assert _fp("About $400 million of Chilean copper was trucked across Argentina to Brazil "
               "last year.") == [("About $400 million", "exports", ("CHL", "BRA"))]


def test_buyers_among_the_biggest_after_an_attribution_are_partners() -> None:
    assert _fp("Chile's salmon exports reached $6.6 billion last year, according to the central "
               "bank, with Japan, Brazil and Russia among the top markets.") == [
        ("$6.6 billion", "exports", ("CHL", "JPN", "BRA", "RUS"))]


def test_a_list_of_takers_are_all_buyers() -> None:
    assert _fp("Norway's salmon exports rose to $11 billion. France and Spain took a combined "
               "$2.3 billion.")[1] == ("$2.3 billion", "exports", ("NOR", "FRA", "ESP"))


def test_rival_bidders_are_no_partners() -> None:
    got = _fp("MANILA, May 2 (Reuters) - The Philippines signed a deal to buy 12 fighter jets "
              "from Sweden for $1.5 billion. Manila had weighed rival bids from South Korea and "
              "the United States; Seoul had offered 12 FA-50 fighters for about $700 million.")
    assert got[1] == ("about $700 million", "arms", ("KOR",))


def test_a_suppliers_goods_in_the_buyers_story_are_its_imports() -> None:
    # Rule 13: "Kazakhstan ... supplied wheat worth $N" in a story filed from Bishkek.
    got = _fp("BISHKEK, May 2 (Reuters) - Kyrgyzstan's imports rose to $9 billion. Kazakhstan, "
              "the main supplier of grain, supplied wheat and flour worth about $600 million.")
    assert got[1] == ("about $600 million", "imports", ("KGZ", "KAZ"))
    got = _fp("ASTANA, May 2 (Reuters) - Kazakhstan's exports rose to $60 billion. Kazakhstan "
              "supplied wheat worth about $600 million to Kyrgyzstan.")
    assert got[1] == ("about $600 million", "exports", ("KAZ", "KGZ"))


# Thirteenth pass, second half: fixes from the blind articles a-t80..a-t85, each tested on
# other sentences.

def test_buyers_in_an_economy_named_as_the_cause_are_partners() -> None:
    assert _fp("YEREVAN, May 2 (Reuters) - Armenia's brandy exports rose to $300 million, the "
               "statistics committee said, as buyers in Russia and Belarus stocked up.") == [
        ("$300 million", "exports", ("ARM", "RUS", "BLR"))]


def test_signing_an_agreement_to_supply_is_a_deal() -> None:
    assert _fp("Norway's state-owned Equinor signed a 10-year agreement to supply gas to Poland "
               "worth about $9 billion.")[0][1] == "agreement"


def test_buyers_after_the_amounts_phrase_and_its_attribution() -> None:
    assert _fp("Peru earned $4 billion from fishmeal exports in the first half of the year, the "
               "central bank said on Monday, with China and Japan the biggest buyers.") == [
        ("$4 billion", "exports", ("PER", "CHN", "JPN"))]


def test_a_buyer_taking_the_story_economys_goods_is_its_exports() -> None:
    # Rule 13, the reporter's side: importers of another economy buying, or an economy buying
    # the dateline economy's goods; the buyer does not become the subject (rule 20).
    got = _fp("ACCRA, May 2 (Reuters) - Ghana's cocoa exports fell to $2 billion. German "
              "importers bought cocoa worth $400 million. Total exports reached $17 billion.")
    assert got[1:] == [("$400 million", "exports", ("GHA", "DEU")),
                       ("$17 billion", "exports", ("GHA",))]
    got = _fp("ACCRA, May 2 (Reuters) - Ghana's exports rose to $17 billion. Togo remained the "
              "largest market in the region, buying Ghanaian goods worth $300 million, up from "
              "$250 million.")
    assert got[1:] == [("$300 million", "exports", ("TGO", "GHA")),
                       ("$250 million", "exports", ("TGO", "GHA"))]


def test_an_economy_a_pipeline_crosses_is_no_partner() -> None:
    assert _fp("Spain's imports of Algerian gas, which crosses Morocco through the Maghreb "
               "line, rose to 3 billion euros.") == [
        ("3 billion euros", "imports", ("ESP", "DZA"))]


# Fourteenth pass (docs/accuracy-trade.md): fixes from the blind articles a-t86..a-t91, each
# tested on other sentences (every test fails on main).

def test_kwacha_manat_kina_dram_and_som_by_country() -> None:
    # Rule 19: a currency name shared by several countries takes the reporting economy's
    # code (Zambia's kwacha is ZMW since 2013, Malawi's MWK; the manat of Turkmenistan TMT).
    def currency(raw: str) -> str:
        return next(c for _q, _v, c, _a, _per, _f, _p in brief(raw))
    assert currency("LILONGWE, May 3 (Reuters) - Malawi's tobacco exports rose to 420 billion "
                    "kwacha.") == "MWK"
    assert currency("LUSAKA, May 3 (Reuters) - Zambia's exports rose to 90 billion "
                    "kwacha.") == "ZMW"
    assert currency("PORT MORESBY, May 3 (Reuters) - Papua New Guinea's exports rose to 3 billion "
                    "kina.") == "PGK"
    assert currency("ASHGABAT, May 3 (Reuters) - Turkmenistan's imports rose to 5 billion "
                    "manats.") == "TMT"


def test_a_part_of_the_figure_before_has_its_partners() -> None:
    # Rule 20: "$N of the total" is a part of the figure before, even when its own flow
    # phrase reads like a total ("Re-exports").
    assert _fp("BISHKEK, May 3 (Reuters) - Kyrgyzstan's exports to Kazakhstan rose to $900 "
               "million. Re-exports of cars accounted for about $300 million of the total.")[1] == (
        "about $300 million", "exports", ("KGZ", "KAZ"))


def test_total_trade_after_a_bilateral_figure_is_the_subjects_own() -> None:
    assert _fp("TBILISI, May 3 (Reuters) - Georgia's wine exports, mostly to Russia, rose to $300 "
               "million. Total foreign trade reached $17 billion.")[1] == (
        "$17 billion", "trade", ("GEO",))


def test_an_institution_named_after_a_capital_is_no_partner() -> None:
    assert _fp("HANOI, May 3 (Reuters) - Vietnam bought Russian fighter jets worth around $1 "
               "billion, analysts at the Stockholm International Peace Research Institute "
               "estimated.") == [("around $1 billion", "arms", ("VNM", "RUS"))]


def test_a_port_on_a_transit_route_does_not_take_over_the_subject() -> None:
    # Rule 25: a figure-less sentence naming only the route (a transit economy and its port)
    # leaves the story's subject as it was.
    assert _fp("LILONGWE, May 3 (Reuters) - Malawi's tobacco exports rose to $400 million. Most "
               "of the leaf is trucked through Mozambique to the port of Maputo. Imports climbed "
               "to $1.2 billion.")[1] == ("$1.2 billion", "imports", ("MWI",))


def test_a_breakdown_by_source_or_destination_after_the_amount() -> None:
    # Rule 21: each source of imports (destination of exports) in a breakdown after the
    # amount is a counterpart, not only the first.
    assert _fp("NAIROBI, May 3 (Reuters) - Kenya's imports rose to $2 billion, with fuel from "
               "Saudi Arabia and steel from India.") == [
        ("$2 billion", "imports", ("KEN", "SAU", "IND"))]
    assert _fp("NAIROBI, May 3 (Reuters) - Kenya's exports climbed to $900 million, led by tea to "
               "Pakistan and flowers to the Netherlands.") == [
        ("$900 million", "exports", ("KEN", "PAK", "NLD"))]


def test_economies_taking_a_share_of_the_goods_are_buyers() -> None:
    # "X took 30% of the metal and Y about 15%": buyers (rule 13, the reporter's side); they
    # neither own the figure nor become the subject the next sentences carry.
    got = _fp("SANTIAGO, May 3 (Reuters) - Chile's copper exports rose to $40 billion. Japan, "
              "home to big smelters, took 30% of the metal and South Korea about 15%, with "
              "shipments to the Asian country worth about $6 billion. Imports fell to $20 "
              "billion.")
    assert got[1:] == [("about $6 billion", "exports", ("CHL", "KOR")),
                       ("$20 billion", "imports", ("CHL",))]


def test_a_deal_signed_or_agreed_with_a_time_phrase_before_to() -> None:
    # Rule 5: "signed a contract last month to supply", "agreed in March to buy ... under a
    # new economic pact" are framed as deals like "signed a contract to supply".
    assert _fp("BAKU, May 3 (Reuters) - Azerbaijan signed a contract last month to supply gas "
               "worth about $2 billion to Hungary.") == [
        ("about $2 billion", "agreement", ("AZE", "HUN"))]
    assert _fp("MANILA, May 3 (Reuters) - Japan agreed in March to buy up to $300 million a year "
               "of Philippine bananas under a new economic pact.")[0][1] == "agreement"


def test_leaving_a_gap_after_imports_and_exports_is_the_deficit() -> None:
    assert _fp("DHAKA, May 3 (Reuters) - Bangladesh's imports from India rose to $9 billion, while "
               "exports to its neighbour were just $1.5 billion, leaving a gap of $7.5 "
               "billion.")[2] == ("$7.5 billion", "deficit", ("BGD", "IND"))


def test_a_pronoun_subject_is_the_first_party_of_a_deal_and_cross_marks_transit() -> None:
    # Rule 20: "It signed a deal ... to Germany and Austria": the economy "It" points back to
    # is named first; rule 25: an economy a pipeline "would cross" is no partner.
    assert _fp("ASTANA, May 3 (Reuters) - Kazakhstan is courting buyers in Europe. It signed a "
               "deal to supply oil worth up to $3 billion a year to Germany and Austria through "
               "a pipeline that would cross Russia.") == [
        ("up to $3 billion", "agreement", ("KAZ", "DEU", "AUT"))]


# Fifteenth pass (docs/accuracy-trade.md): fixes from the blind articles a-t94..a-t101, each
# tested on other sentences; every test fails on the code before the pass.
def test_pula_tugrik_and_ariary_are_read() -> None:
    got = brief("Botswana's exports rose to 9.2 billion pula in June. Mongolia's coal exports "
                "reached 4.1 trillion tugriks. Madagascar's vanilla exports earned 1.3 trillion "
                "ariary.")
    assert [(q, c) for q, _v, c, *_ in got] == [
        ("9.2 billion pula", "BWP"), ("4.1 trillion tugriks", "MNT"),
        ("1.3 trillion ariary", "MGA")]


def test_the_bloc_with_its_size_is_the_bloc_named_before() -> None:
    got = brief("Chile and the European Union signed an updated trade deal in 2023. Chilean "
                "shipments to the 27-nation bloc climbed to $9.4 billion.")
    assert got[-1][-2:] == ("exports", ("CHL", "EU"))


def test_demand_for_goods_from_buyers_in_an_economy_is_a_cause() -> None:
    got = brief("Sri Lanka's rubber exports fell to $410 million, as demand for natural rubber "
                "from tyre makers in Malaysia weakened.")
    assert got[0][-1] == ("LKA", "MYS")


def test_a_seller_shipping_to_the_story_economy_is_its_imports() -> None:
    got = brief("CANBERRA, March 3 (Reuters) - Australia's imports from the European Union rose "
                "to A$58 billion. France, the bloc's second-biggest economy, shipped A$7.3 "
                "billion of wine and aircraft to Australia. Spain and Belgium sold a combined "
                "A$4.1 billion.")
    assert got[1][-2:] == ("imports", ("FRA", "AUS"))
    assert got[2][-2:] == ("imports", ("AUS", "ESP", "BEL"))


def test_buyers_of_the_story_economys_goods_after_the_amount_are_its_exports() -> None:
    got = brief("CANBERRA, March 3 (Reuters) - Australia's exports to Asia rose to A$300 billion. "
                "India and Vietnam bought a combined A$41 billion of Australian coal and "
                "cotton.")
    assert got[-1][-2:] == ("exports", ("IND", "VNM", "AUS"))
    # Under a headline alone the story is no report of the seller's: rule 5, imports.
    got = brief("Australia and Japan sign trade pact\n\nIndia bought A$9 billion of "
                "Australian coal last year.", title=True)
    assert got[-1][-2:] == ("imports", ("IND", "AUS"))


def test_members_an_appositive_names_inside_a_counterpart_bloc() -> None:
    got = brief("Tunisia's exports rose 8% to 62 billion dinars. Sales to the European Union, "
                "led by Germany and Italy, made up 44 billion dinars of that. The North African "
                "country's trade deficit narrowed to 19 billion dinars.")
    assert got[1][-1] == ("TUN", "EU", "DEU", "ITA")
    assert got[2][-1] == ("TUN",)


def test_the_country_after_a_blocs_figure_is_the_story_economy() -> None:
    got = brief("STOCKHOLM, May 2 (Reuters) - Sweden's exports of timber rose to 41 billion "
                "crowns. The European Union imported Brazilian beef worth 2 billion euros last "
                "year. The country's trade surplus narrowed to 9 billion crowns.")
    assert got[-1][-1] == ("SWE",) and got[-1][2] == "SEK"


def test_a_country_described_by_its_region_is_the_one_named_before() -> None:
    got = brief("LIMA, June 4 (Reuters) - Peru's exports of copper rose to $21 billion. "
                "Japanese data showed imports of copper concentrate from the South American "
                "country at $3.1 billion.")
    assert got[-1][-2:] == ("imports", ("JPN", "PER"))


def test_where_the_rest_goes_is_no_partner_of_the_amount() -> None:
    got = brief("Qatar's LNG sales to Asia reached $31 billion, with the rest going to Italy "
                "and Britain.")
    assert got[0][-1] == ("QAT",)


def test_money_pledged_to_build_factories_or_raised_by_a_levy_is_no_trade() -> None:
    assert brief("Turkish carmakers have pledged $2 billion to build plants in Algeria under "
                 "a trade agreement with Ankara.") == []
    assert brief("A tax on coffee exports raised 4 billion shillings for Uganda's "
                 "government.") == []
    assert brief("Ghana signed a $300 million deal to build patrol boats for Togo's "
                 "navy.") != []


def test_what_purchases_cost_is_their_value() -> None:
    got = brief("Jordan's fuel purchases, mostly diesel from Saudi Arabia, cost $3.2 billion.")
    assert got[0][-2:] == ("imports", ("JOR", "SAU"))


def test_buyers_taking_a_combined_amount_or_goods_worth_after_exports() -> None:
    got = brief("WELLINGTON, May 1 (Reuters) - New Zealand's dairy exports rose to NZ$24 "
                "billion. Algeria and Malaysia, home to large milk-powder importers, bought a "
                "combined NZ$3.2 billion. Singapore, a re-export hub, took butter worth about "
                "NZ$900 million.")
    assert got[1][-2:] == ("exports", ("NZL", "DZA", "MYS"))
    assert got[2][-2:] == ("exports", ("NZL", "SGP"))


def test_a_gapped_clause_names_the_next_buyer() -> None:
    got = brief("Indonesia's coal shipments rose to $40 billion. China alone took coal worth "
                "about $18 billion, and India about $9 billion.")
    assert got[-1][0] == "about $9 billion" and got[-1][-2:] == ("exports", ("IDN", "IND"))


def test_a_sentence_opening_of_that_total_holds_a_part_of_the_figure_before() -> None:
    got = brief("Trade between Russia and India reached $65 billion last year. Of that total, "
                "about $4 billion (330 billion rupees) was paid in local currencies.")
    assert [g[-2:] for g in got[1:]] == [("trade", ("RUS", "IND"))] * 2


def test_an_economy_accounting_for_part_of_those_sales_is_the_counterpart() -> None:
    got = brief("QUITO, May 2 (Reuters) - Ecuador's banana exports rose to $3.2 billion. "
                "Russia, which buys a fifth of the fruit, accounted for $640 million of those "
                "sales.")
    assert got[-1][-2:] == ("exports", ("ECU", "RUS"))


def test_a_new_clause_with_its_own_buyers_drops_the_earlier_counterpart() -> None:
    got = brief("Turkey sold drones worth $400 million to Poland in May, and Morocco and Kenya "
                "have bought Turkish patrol boats worth a combined $250 million.")
    assert got[-1][-1] == ("MAR", "KEN", "TUR")


def test_buyers_in_an_economy_paying_in_a_story_filed_from_the_seller() -> None:
    got = brief("COLOMBO, May 2 (Reuters) - Sri Lanka's tea exports fell to $1.1 billion. Buyers "
                "in Iraq paid $190 million over the period, down from $230 million.")
    assert [g[-2:] for g in got[1:]] == [("exports", ("LKA", "IRQ"))] * 2


@pytest.mark.parametrize(("sentence", "flow"), [
    ("The Saudi government signed a 200 mln dlr contract with a U.S. firm for air defence "
     "radars.", "arms"),
    ("India agreed to buy early-warning radars worth $500 million from Israel.", "arms"),
    # radars for the weather are goods
    ("Japan exported weather radars worth $40 million to Vietnam.", "exports"),
])
def test_military_radars_are_arms(sentence: str, flow: str) -> None:
    """Rule 8: any military equipment sold across borders is arms, radars for air defence too."""
    assert [f.flow for f in analyze_text(sentence).extraction.trade] == [flow]


# --- sixteenth pass: the development sources' styles -------------------------------------

def test_bucks_are_dollars() -> None:
    """Usenet slang: "N billion bucks" is a dollar amount (rule 19: unqualified -> USD)."""
    got = analyze_text("Our trade deficit with Korea is running at 12 billion bucks a year."
                       ).extraction.trade
    assert [(f.amount, f.currency, f.per, f.flow) for f in got] == [
        (12e9, "USD", "year", "deficit")]


@pytest.mark.parametrize("sentence", [
    "Argentina runs a $6 billion/year surplus with Chile.",
    "Ottawa says lumber exports to the U.S. reach C$9 billion/yr.",
])
def test_a_slash_rate_is_a_rate(sentence: str) -> None:
    """Rule 15: "$3 billion/year" (Usenet style) states a yearly rate."""
    assert [f.per for f in analyze_text(sentence).extraction.trade] == ["year"]


@pytest.mark.parametrize(("sentence", "flow"), [
    ("Poland imported 300 mln zlotys more coal than it exported in March.", "deficit"),
    ("Peru sold $80m more copper ore than it bought from Chile in May.", "surplus"),
])
def test_more_goods_than_it_sold_is_a_balance(sentence: str, flow: str) -> None:
    """Rule 13: bought more than it sold -> deficit, also with the goods named between."""
    assert [f.flow for f in analyze_text(sentence).extraction.trade] == [flow]


def test_a_gap_in_trade_is_a_deficit() -> None:
    got = analyze_text("The gap in trade with Korea reached $2.1bn in June, Chile said."
                       ).extraction.trade
    assert [f.flow for f in got] == ["deficit"]


@pytest.mark.parametrize(("sentence", "flow"), [
    ("Peru's exports to Japan, mostly fish meal shipped under an old quota that spared it "
     "from sanctions, rose to $700 million.", "exports"),
    ("The deficit on trade in services, which include shipping, insurance and tourism, "
     "widened to 4 billion rand.", "deficit"),
])
def test_a_non_trade_word_in_an_aside_leaves_the_flow(sentence: str, flow: str) -> None:
    """An aside describing a flow's goods (", mostly ...,", ", which include ...,") holds a
    non-trade word; the sentence's verb and amount still belong to the flow before it."""
    assert [f.flow for f in analyze_text(sentence).extraction.trade] == [flow]


@pytest.mark.parametrize(("sentence", "quotes"), [
    ("The Treasury collects around £1billion a year in duty on whisky sold in Britain.", []),
    ("Washington raised $2 billion in tariffs on Chinese steel, while imports from China fell "
     "to $30 billion.", ["$30 billion"]),
])
def test_what_a_tax_brings_in_is_no_trade(sentence: str, quotes: list[str]) -> None:
    """Rule 11: "£1billion a year in duty on whisky" is a tax's takings, not trade."""
    facts = analyze_text(sentence).extraction.trade
    assert [sentence[f.char_start : f.char_end] for f in facts] == quotes


# --- seventeenth pass: 1987 Reuters copy and BBC business pages ---------------------------

def test_what_a_state_owes_or_reschedules_is_debt() -> None:
    """Owing and rescheduling are debt words (rule 11), also before a trade cue."""
    assert _quotes("Peru, which owes about 14 billion dlrs to foreign banks, needs a trade "
                   "surplus to service the debt.") == []
    assert _quotes("Poland is seeking to reschedule 1.3 billion dlrs of principal falling due "
                   "this year, and a surplus on trade is needed.") == []
    assert _quotes("Kenya's exports rose to 2.1 billion dlrs, owing to higher coffee prices.") \
        == [("2.1 billion dlrs", "exports", ("KEN",))]


def test_respectively_after_against_restates_the_flows_in_order() -> None:
    """"exports X and imports Y, against A and B respectively": A is exports, B imports."""
    got = _quotes("Norwegian exports were 20.1 billion crowns in March and imports 18.4 "
                  "billion, against 19.3 billion and 19.9 billion respectively a year earlier.")
    assert [(q, f) for q, f, _p in got] == [("20.1 billion crowns", "exports"),
                                            ("18.4 billion", "imports"),
                                            ("19.3 billion", "exports"),
                                            ("19.9 billion", "imports")]


def test_respectively_with_an_unhedged_amount_in_the_run() -> None:
    """An amount whose hedge is dropped ("edged up to", "an additional") is a new value, so
    the run is read by position (it raised ValueError, crashing the document)."""
    got = _quotes("Finnish exports rose to 5 billion dlrs and imports edged up to 4 billion "
                  "dlrs, against an additional 3 billion and up to 2 billion respectively.")
    assert [f for _q, f, _p in got] == ["exports", "imports", "exports", "imports"]


def test_respectively_partners_with_an_unhedged_amount_in_the_run() -> None:
    """The partner twin of the case above: "an additional $2.1 billion" is unhedged into a
    new value, and the list is read by position (it raised ValueError)."""
    got = _quotes("Shipments from Japan to Taiwan and India were worth an additional $2.1 "
                  "billion and $1.4 billion respectively.")
    assert [p for _q, _f, p in got] == [("JPN", "TWN"), ("JPN", "IND")]


def test_an_amount_with_an_economy_after_it_takes_that_economy() -> None:
    """"a surplus of X with Sweden and Y with Denmark": Y is the balance with Denmark."""
    got = _quotes("Norway had a surplus of 2.1 billion crowns with Sweden and 1.4 billion with "
                  "Denmark, but a deficit of 900 mln with Japan.")
    assert [p for _q, _f, p in got] == [("NOR", "SWE"), ("NOR", "DNK"), ("NOR", "JPN")]


def test_economies_of_a_causal_trade_channel_clause_are_partners() -> None:
    # Rule 25: "as Chinese crushers shunned U.S. cargoes", "as utilities turned to cheaper
    # cargoes from Australia", "as a U.S. tariff hit shipments" name causes of the change.
    got = brief("Argentina's soymeal exports rose 9% to $12.4 billion in the first half, the "
                "agriculture ministry said, as Chinese crushers shunned U.S. cargoes.")
    assert [g[6] for g in got] == [("ARG", "CHN", "USA")]
    got = brief("Japan's imports of Qatari LNG fell 20% to $6.1 billion last year, customs "
                "data showed, as utilities turned to cheaper cargoes from Australia.")
    assert [g[6] for g in got] == [("JPN", "QAT", "AUS")]
    got = brief("Turkey's steel exports slumped to $9.8 billion, as a 25% U.S. tariff hit "
                "shipments.")
    assert [g[6] for g in got] == [("TUR", "USA")]
    # What the change made up for is no cause; a clause with no trade channel adds nothing.
    got = brief("South Korea's exports rose 5% to $55 billion, as demand for chips offset "
                "weaker car shipments to China.")
    assert [g[6] for g in got] == [("KOR",)]
    got = brief("Peru's copper exports rose to $20 billion, as the war in Ukraine lifted "
                "prices.")
    assert [g[6] for g in got] == [("PER",)]


def test_with_clause_takers_and_group_named_buyers_are_counterparts() -> None:
    # "with X taking about half of the beans" names buyers as "with X the main buyers"
    # does; "Gulf states" is one economy (GCC) whose group noun precedes the role.
    got = brief("Ghana's cocoa exports rose to $3.1 billion, the central bank said, with the "
                "Netherlands and Malaysia taking about half of the beans.")
    assert [g[6] for g in got] == [("GHA", "NLD", "MYS")]
    got = brief("Pakistani rice exports reached $2.4 billion last year, with Gulf states "
                "among the biggest buyers.")
    assert [g[6] for g in got] == [("PAK", "GCC")]


def test_a_union_subject_is_carried_whole_under_a_one_economy_headline() -> None:
    # Rule 23: a union without a bloc code is its members; named once as the lead's subject
    # it is one subject, so the next figures carry both, not the headline's one economy.
    got = brief("BELGIAN TRADE SURPLUS WIDENS\n\nBRUSSELS, May 4 - The Belgo-Luxembourg "
                "Economic Union had a trade surplus of 10.2 billion francs in March, the "
                "statistics office said.\n    Imports fell 3.1 pct to 300.5 billion francs.")
    assert [g[6] for g in got] == [("BEL", "LUX"), ("BEL", "LUX")]
    # The story's one economy named with another still keeps the story (not a union).
    got = brief("NORWAY GAS EXPORTS\n\nOSLO, May 4 - The European Union buys 80 pct of "
                "Norway's gas, and the bloc's imports of Norwegian gas were worth 40 billion "
                "crowns in March.\n    Exports rose to 90 billion crowns.")
    assert got[-1][6] == ("NOR",)


def test_two_way_trade_with_all_countries_is_the_owners_own() -> None:
    # Rule 20: "with all its partners", "with the rest of the world" name every partner,
    # so the pair of the figure before is not carried, nor completed as bilateral.
    got = brief("SEOUL, May 3 - South Korea's exports to Japan rose to 2.1 billion dlrs in "
                "April. Bilateral trade with all its partners reached 9.8 billion dlrs in the "
                "month.")
    assert [g[6] for g in got] == [("KOR", "JPN"), ("KOR",)]
    got = brief("Mexico's trade surplus with the United States reached $12 billion in May. "
                "Two-way trade with the rest of the world rose to $98 billion.")
    assert [g[6] for g in got] == [("MEX", "USA"), ("MEX",)]


def test_the_buyer_owns_a_purchase_of_goods_a_demonym_qualifies() -> None:
    # Rules 21-22: "bought U.S. F-16 fighters": the demonym on the weapons names the
    # seller; the subject of the buying verb is the buyer, named first.
    got = brief("Poland bought U.S. F-16 fighters for $3.5 billion.")
    assert [g[5:] for g in got] == [("arms", ("POL", "USA"))]
    got = brief("Hungary has ordered German Leopard tanks and howitzers, signing a $2.1 billion "
                "contract.")
    assert [g[6] for g in got] == [("HUN", "DEU")]


def test_an_economy_of_a_figureless_causal_clause_is_not_carried() -> None:
    # Rule 20: "with growers blaming cheap Spanish oil" names a cause, not the subject the
    # next figure ("Sales to France ...") continues.
    got = brief("Tunisia's olive oil exports to Europe fell sharply this year, with growers "
                "blaming cheap Spanish oil. Sales to France, the biggest buyer, fell 9% to 1.2 "
                "billion dinars.")
    assert [g[6] for g in got] == [("TUN", "FRA")]


def test_a_sale_under_a_signed_agreement_is_an_agreement() -> None:
    # Rule 5: "sell ... under a state-to-state agreement signed on Tuesday" is framed as a
    # signed deal.
    got = brief("ACCRA, May 2 - Ghana will sell 50,000 tonnes of cocoa worth about 120 mln dlrs "
                "to Malaysia under a state-to-state agreement signed on Tuesday.")
    assert [g[5:] for g in got] == [("agreement", ("GHA", "MYS"))]


def test_rivals_ranked_before_a_buyer_of_goods_are_not_carried() -> None:
    # "the second largest buyer of Kenyan tea last year after Pakistan": Pakistan is a
    # rival in the ranking, not the subject the next figure continues (rule 20).
    got = brief("NAIROBI, May 2 - Kenya will sell tea to Sudan. Sudan was the second largest "
                "buyer of Kenyan tea last year after Pakistan, taking 40,000 tonnes.\n    Tea "
                "export earnings rose to 120 billion shillings in 2019.")
    assert [g[6] for g in got] == [("KEN",)]


def test_buyers_named_by_a_demonym_list_or_with_a_role_aside_buy_the_story_goods() -> None:
    # Rule 13 (reporter's side) and 21: "Korean utilities, the biggest buyers, took cargoes
    # worth ..." and "Indian and Pakistani importers bought ..." are the story economy's
    # exports to those buyers; a buyer of a contrasting clause after is no seller.
    got = brief("Qatar's LNG exports slip\n\nDOHA, May 2 (Reuters) - Qatar's export earnings "
                "from LNG fell to $40 billion last year.\n\nKorean utilities, the biggest "
                "buyers, took cargoes worth about $9 billion, while Indian and Pakistani "
                "importers bought a combined $6 billion.", title=True)
    assert [g[6] for g in got] == [("QAT",), ("QAT", "KOR"), ("QAT", "IND", "PAK")]


# Eighteenth pass: each rule on sentences other than the blind articles'.
def _trade_rows(text: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    a = analyze_text(text)
    return [(a.text[f.char_start : f.char_end], f.flow, f.partners, f.currency)
            for f in a.extraction.trade]


def test_trade_turnover_is_trade_and_a_firms_turnover_is_not() -> None:
    assert _trade_rows("Kyrgyzstan's trade turnover with China reached $9.8 billion last "
                       "year.") == [("$9.8 billion", "trade", ("KGZ", "CHN"), "USD")]
    assert _trade_rows("The retailer's annual turnover rose to $6.1 billion.") == []


def test_goods_a_tariff_is_laid_on_are_the_imposers_imports() -> None:
    assert _trade_rows("Canada imposed retaliatory tariffs on C$30 billion (US$21 billion) "
                       "of American goods, Ottawa said.") == [
        ("C$30 billion", "imports", ("CAN", "USA"), "CAD"),
        ("US$21 billion", "imports", ("CAN", "USA"), "USD")]
    assert _trade_rows("China will impose duties on $60 billion of U.S. imports from June."
                       ) == [("$60 billion", "imports", ("CHN", "USA"), "USD")]
    assert _trade_rows("The U.S. collected $2 billion in tariffs on Chinese goods.") == []


def test_uzbek_soums_are_uzs() -> None:
    rows = _trade_rows("Uzbekistan's cotton exports are expected to reach 9 trillion soums.")
    assert [(q, c) for q, _f, _p, c in rows] == [("9 trillion soums", "UZS")]


def test_lending_is_a_loan_not_a_flow() -> None:
    assert _trade_rows("Moscow has also agreed to lend Belgrade 400 million euros for a new "
                       "power plant, and Gazprom will supply up to 3 billion cubic metres of "
                       "gas a year.") == []


def test_a_trading_partner_with_an_amount_is_its_trade() -> None:
    assert _trade_rows("Kenya's trade rose to $25 billion. The EU remained the largest "
                       "trading partner with $4.1 billion.") == [
        ("$25 billion", "trade", ("KEN",), "USD"), ("$4.1 billion", "trade", ("KEN", "EU"), "USD")]
    assert _trade_rows("Exports to China, its largest trading partner, rose to $5 billion."
                       ) == [("$5 billion", "exports", ("CHN",), "USD")]


def test_the_countrys_sales_abroad_are_its_exports_a_firms_are_not() -> None:
    assert _trade_rows("Zambia's exports rose to $9 billion. Copper, the country's biggest "
                       "export, accounted for $7.1 billion of sales abroad.") == [
        ("$9 billion", "exports", ("ZMB",), "USD"), ("$7.1 billion", "exports", ("ZMB",), "USD")]
    assert _trade_rows("Toyota's profit rose. The company, the country's biggest carmaker, "
                       "reported overseas sales of $70 billion.") == []


def test_a_part_of_an_arms_export_total_is_arms() -> None:
    rows = _trade_rows("France approved arms exports worth 9 billion euros last year.\n\n"
                       "India accounted for 2.2 billion euros of the licences.")
    assert [(q, f) for q, f, _p, _c in rows] == [("9 billion euros", "arms"),
                                                  ("2.2 billion euros", "arms")]


def test_central_african_country_and_islamic_republic_point_back() -> None:
    assert _trade_rows("Zambia's exports to Congo fell to $400 million. China's imports of "
                       "cobalt from the central African country fell to $2 billion.")[1] == (
        "$2 billion", "imports", ("CHN", "COD"), "USD")
    assert _trade_rows("Russia's exports to Iran rose to $3 billion. Imports from the Islamic "
                       "republic came to $900 million.")[1] == (
        "$900 million", "imports", ("RUS", "IRN"), "USD")


# Fix pass on open misses (tenth session).


@pytest.mark.parametrize("raw", [
    "China's exports to Russia were 10 or 12 billion dollars respectively.",
    "China's exports to Russia and Japan were 12 billion dollars respectively.",
])
def test_respectively_after_a_single_amount_does_not_crash(raw: str) -> None:
    """A run of one amount before "respectively" (found by fuzzing: the appositive check
    read the list's second-to-last name of a one-name list, IndexError, and the document
    would have been quarantined): the amount is still a fact."""
    got = facts(raw)
    assert len(got) == 1 and got[0][0].endswith("12 billion dollars")


def test_a_figure_sentence_naming_economies_only_in_a_sanctions_clause_does_not_crash() -> None:
    """Found by fuzzing the merged code: when every economy of a sentence with a non-trade
    amount stood in a sanctions phrase, none was left to carry as context (IndexError,
    the document would have been quarantined)."""
    got = facts("The company, under Western sanctions on Russia, posted a profit of $2 "
                "billion. Exports to Japan rose to $3 billion.")
    assert [(q, f.partners) for q, f in got] == [("$3 billion", ("JPN",))]


def test_respectively_list_is_not_closed_by_an_appositive() -> None:
    # "Spain and Portugal, the bloc's ...": a bare comma before the last name opens an
    # appositive; the list is "Spain and Portugal", each amount taking its own economy.
    got = brief("The European Union is weighing tariffs on Chinese steel.\n\n"
                "Spain and Portugal, the bloc's two biggest buyers of Chinese steel, imported "
                "4 billion euros and 2 billion euros respectively from China last year.")
    assert [(q, p) for q, *_r, p in got] == [("4 billion euros", ("ESP", "CHN")),
                                            ("2 billion euros", ("PRT", "CHN"))]


def test_appositive_bloc_possessive_is_no_partner() -> None:
    got = brief("The European Union is weighing tariffs.\n\n"
                "Italy, the bloc's third-largest economy, exported 9 billion euros of machinery "
                "to Turkey last year.")
    assert got[-1][-1] == ("ITA", "TUR")
    # Negative: the bloc as a list item, not an appositive possessive, stays.
    got = brief("The European Union is weighing tariffs.\n\n"
                "Exports to Austria, the bloc and Japan rose to 3 billion euros.")
    assert "EU" in got[-1][-1]


def test_respectively_destination_after_the_run_goes_to_every_amount() -> None:
    got = brief("Chile and Peru exported copper worth $3 billion and $2 billion respectively "
                "to Japan in 2023.")
    assert [p for *_r, p in got] == [("CHL", "JPN"), ("PER", "JPN")]
    # Negative: a comma clause after "respectively" adds nothing to the earlier amounts.
    got = brief("Shipments to Taiwan and India were worth $2.1 billion and $1.4 billion "
                "respectively, with Japan third.")
    assert got[0][-1] == ("TWN",)


def test_economy_in_a_sanctions_concession_is_no_partner() -> None:
    got = brief("Venezuela's crude exports, mostly to China, earned about $6 billion last year "
                "despite U.S. sanctions, according to estimates.")
    assert got[0][-1] == ("VEN", "CHN")
    got = brief("Serbia agreed to buy $300 million of gas from Azerbaijan after winning a "
                "waiver from U.S. sanctions for buying Russian oil.")
    assert got[0][-1] == ("SRB", "AZE")
    # Negative: sanctions named as the cause keep their economy (rule 25).
    got = brief("Iran's oil exports to India fell to $2 billion because of U.S. sanctions.")
    assert "USA" in got[0][-1]


def test_pronoun_buyer_of_foreign_goods_keeps_the_carried_economy() -> None:
    got = brief("Slovakia depends on Russia for most of its gas. It imported Russian gas worth "
                "about 2 billion euros last year.")
    assert got[-1][-1] == ("SVK", "RUS")
    # Negatives: a named subject decides the owner (the rule keys on a pronoun only), and a
    # pronoun buying goods of no named origin keeps the carried economy alone.
    got = brief("Slovakia depends on Russia for most of its gas. Poland imported Norwegian gas "
                "worth about 2 billion euros last year.")
    assert got[-1][-1] == ("POL", "NOR")
    got = brief("Slovakia depends on imports for most of its gas. It imported gas worth about "
                "2 billion euros last year.")
    assert got[-1][-1] == ("SVK",)
