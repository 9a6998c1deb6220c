"""Troop counts: unit tests on synthetic sentences, seeds acceptance, dev-set floor,
property and linear-time tests. Real corpus text is read from ../shared and never copied."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract import country_mentions
from newsfacts.model import DocContext, Sentence, TroopFact
from newsfacts.troops import extract_troops

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _doc(*sentences: str, title: bool = False) -> DocContext:
    """A DocContext built by hand: one sentence per argument, one paragraph."""
    text, spans, pos = "", [], 0
    for s in sentences:
        if text:
            text += " "
            pos += 1
        spans.append(Sentence(pos, pos + len(s), 0))
        text += s
        pos += len(s)
    return DocContext(text, spans, country_mentions(text, spans), title)


def _facts(*sentences: str, title: bool = False) -> list[tuple[str, TroopFact]]:
    doc = _doc(*sentences, title=title)
    return [(doc.text[f.char_start : f.char_end], f) for f in extract_troops(doc)]


def _one(*sentences: str) -> tuple[str, TroopFact]:
    got = _facts(*sentences)
    assert len(got) == 1, got
    return got[0]


# --- numbers in every shape ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote", "count", "high", "approx"),
    [
        ("The Pentagon will send five thousand troops to Poland.", "five thousand troops",
         5000, None, False),
        ("Moscow has moved half a million soldiers to the front.", "half a million soldiers",
         500000, None, False),
        ("Britain sent a dozen military advisers to Kenya.", "a dozen military advisers",
         12, None, False),
        ("The U.S. is sending some 28,500 additional troops to South Korea.",
         "some 28,500 additional troops", 28500, None, True),
        ("NATO may deploy 35,000 to 50,000 soldiers in Latvia.", "35,000 to 50,000 soldiers",
         35000, 50000, False),
        ("France will withdraw between 3,000 and 4,000 troops from Mali.",
         "between 3,000 and 4,000 troops", 3000, 4000, False),
        ("Germany will station 3,000-4,000 soldiers in Lithuania.", "3,000-4,000 soldiers",
         3000, 4000, False),
        ("The government sent thousands of troops into the refineries.", "thousands of troops",
         2000, None, True),
        ("There are more than 140,000 US troops in Iraq.", "more than 140,000 US troops",
         140000, None, True),
        ("Nigeria sent a 1,000-strong force to Liberia.", "1,000-strong force", 1000, None,
         False),
        ("Dozens of Rwandan soldiers flew into Sudan on Sunday.", "Dozens of Rwandan soldiers",
         24, None, True),
        ("A Chadian force of some 3,000 men was abandoning the town.", "some 3,000 men", 3000,
         None, True),
    ],
)
def test_number_shapes(sentence: str, quote: str, count: int, high: int | None,
                       approx: bool) -> None:
    q, f = _one(sentence)
    assert (q, f.count, f.count_high, f.is_approximate) == (quote, count, high, approx)


def test_quote_runs_from_hedge_to_noun() -> None:
    q, f = _one("Some 850 Dutch troops have started to redeploy to Kabul.")
    assert q == "Some 850 Dutch troops" and f.actor == "NLD" and f.action == "deploy"


# --- actors, locations, actions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor", "location", "action"),
    [
        ("The Iraqi army sent 2,000 Iraqi soldiers to Basra.", "IRQ", "IRQ", "deploy"),
        ("About 400 American troops are stationed in Norway.", "USA", "NOR", "present"),
        ("The U.S. will pull out 12,000 troops from Germany.", "USA", "DEU", "withdraw"),
        ("Some 900 British soldiers will remain in Estonia.", "GBR", "EST", "present"),
        ("Washington plans to withdraw 5,000 troops from Japan.", "USA", "JPN", "withdraw"),
        ("Poland, home to 10,000 U.S. soldiers, welcomed the plan.", "USA", "POL", "present"),
        ("The UN has 12,000 peacekeepers in South Sudan.", "UN", "SSD", "present"),
        ("Some 3,000 troops from the Saudi-led coalition reached Yemen.", "COALITION", "YEM",
         "deploy"),
        ("A total of 30,000 Russian troops took part in the exercises.", "RUS", "RUS", "other"),
        ("Canada said it was sending 600 troops to Latvia.", "CAN", "LVA", "deploy"),
    ],
)
def test_attributes(sentence: str, actor: str, location: str, action: str) -> None:
    _, f = _one(sentence)
    assert (f.actor, f.location, f.action) == (actor, location, action)


def test_location_from_previous_sentence() -> None:
    _, f = _one("Allied governments are reviewing their missions in Iraq.",
                "Canada said it was withdrawing some 500 troops.")
    assert (f.actor, f.location, f.action) == ("CAN", "IRQ", "withdraw")


def test_several_places_give_no_location() -> None:
    _, f = _one("The president will bring 20,000 U.S. troops home from Europe and Asia.")
    assert f.location is None and f.action == "withdraw"


def test_us_state_is_not_georgia() -> None:
    _, f = _one("The tanks will be matched with 3,000 troops from Fort Stewart, Georgia.")
    assert f.location != "GEO"


def test_elided_noun_refers_back() -> None:
    got = _facts("Some 1,200 of the carrier's crew will swap ships this year.",
                 "The 1,200 will sail from San Diego in June.")
    assert [q for q, _ in got] == ["Some 1,200 of the carrier's crew", "The 1,200"]


def test_troop_levels_down_from_to() -> None:
    got = _facts("Troop levels in Afghanistan will be cut, down from 9,000 to 5,200.")
    assert [(q, f.action) for q, f in got] == [("9,000", "present"), ("5,200", "present")]


# --- negatives -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 soldiers were killed and 1,200 wounded in the battle.",
        "At least 45 soldiers died in the attack on the base.",
        "Rebels captured 200 soldiers near the border.",
        "The bodies of 30 soldiers were found on Monday.",
        "Half a million Iraqi children died of disease.",
        "Thousands of supporters rallied in the capital.",
        "Thousands of civilians fled as 3,000 rebels advanced.",
        "Police arrested 200 protesters outside parliament.",
        "About 5,000 police officers were deployed in the city.",
        "Some 2,000 militants attacked army positions.",
        "The Taliban have 60,000 fighters in the south.",
        "Some 4,000 prisoners, including 300 soldiers, were freed.",
        "The 25-year-old soldier served for 10 years in the army.",
        "In 2003 troops entered the capital.",
        "The troops marched hundreds of miles through the desert.",
        "The navy sent three warships and two brigades to the Gulf.",
        "A 45-strong repair team worked at the plant.",
        "The embassy cut its staff from 100 personnel to 17.",
        "Officials released the names of the seven Marines who were aboard.",
        "The army bought 80 armoured personnel carriers.",
        "Around 30,000 soldiers and police were on duty in all.",
    ],
)
def test_not_troop_counts(sentence: str) -> None:
    assert _facts(sentence) == []


# --- seeds acceptance (real text read from ../shared, skipped when absent) --------------------


def _seed(prefix: str) -> str:
    files = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt")) if SHARED.is_dir() else []
    if not files:
        pytest.skip("shared seeds not available")
    return files[0].read_text("utf-8")


def test_seed_000_has_no_troop_count() -> None:
    from newsfacts.analyze import analyze_text

    assert analyze_text(_seed("000")).extraction.troops == []


def test_seed_004_has_exactly_one() -> None:
    from newsfacts.analyze import analyze_text

    a = analyze_text(_seed("004"))
    got = [(a.text[f.char_start : f.char_end], f.count, f.count_high, f.is_approximate,
            f.actor, f.location, f.action) for f in a.extraction.troops]
    assert got == [("some 500 troops", 500, None, True, "CAN", "IRQ", "withdraw")]


# --- dev-set floor (ratchet: raise these when the numbers improve) ---------------------------

FLOORS = {"f1": 0.98, "value_accuracy": 0.98, "quote_exact": 0.97}
ATTR_FLOORS = {"approx": 0.98, "actor": 0.94, "location": 0.92, "action": 0.97}


def test_dev_set_floor() -> None:
    gold = SHARED / "eval" / "dev.facts.jsonl"
    docs = SHARED / "eval" / "dev.docs.jsonl"
    corpus = SHARED / "corpus"
    if not (gold.is_file() and docs.is_file() and corpus.is_dir()):
        pytest.skip("shared dev set not available")
    from newsfacts.evaluate import evaluate

    report = evaluate(gold, docs, corpus)["kinds"]["troops"]
    summary = json.dumps({k: report[k] for k in (*FLOORS, "attributes")})
    for key, floor in FLOORS.items():
        assert report[key] >= floor, summary
    for key, floor in ATTR_FLOORS.items():
        assert report["attributes"][key] >= floor, summary


# --- challenge set (our own sentences, labelled by the guidelines, not by the code) ----------

CHALLENGE = Path(__file__).resolve().parent / "data" / "troops_challenge.jsonl"
FIELDS = ("value", "high", "approx", "actor", "location", "action")


def score_challenge(select: Callable[[str], bool] | None = None) -> dict[str, object]:
    """Precision/recall over the challenge set, or the items whose id ``select`` accepts (a
    prediction matches a gold fact when their spans overlap), and per-field accuracy over
    the matched pairs."""
    from newsfacts.analyze import analyze_text

    tp = fp = fn = quote_ok = 0
    right = dict.fromkeys(FIELDS, 0)
    errors: list[str] = []
    for line in CHALLENGE.read_text("utf-8").splitlines():
        item = json.loads(line)
        if select is not None and not select(item["id"]):
            continue
        a = analyze_text(item["text"])
        preds = list(a.extraction.troops)
        for g in item["facts"]:
            # ``occurrence`` (rule 29; default 1): which substring match is the fact.
            g_start = -1
            for _ in range(g.get("occurrence", 1)):
                g_start = a.text.find(g["quote"], g_start + 1)
                if g_start < 0:
                    break
            g_end = g_start + len(g["quote"])
            hit = next((p for p in preds if g_start >= 0 and p.char_start < g_end
                        and g_start < p.char_end), None)
            if hit is None or g_start < 0:
                fn += 1
                errors.append(f"FN {item['id']}: {g['quote']!r}")
                continue
            preds.remove(hit)
            tp += 1
            got = {"value": hit.count, "high": hit.count_high, "approx": hit.is_approximate,
                   "actor": hit.actor, "location": hit.location, "action": hit.action}
            quote = a.text[hit.char_start : hit.char_end]
            quote_ok += quote == g["quote"]
            bad = {k: (g[k], got[k]) for k in FIELDS if g[k] != got[k]}
            for k in FIELDS:
                right[k] += k not in bad
            if bad or quote != g["quote"]:
                errors.append(f"ATTR {item['id']}: {quote!r} {bad}")
        for p in preds:
            fp += 1
            errors.append(f"FP {item['id']}: {a.text[p.char_start : p.char_end]!r}")
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1,
            "quote_exact": quote_ok / tp if tp else 0.0,
            **{k: right[k] / tp if tp else 0.0 for k in FIELDS}, "errors": errors}


# Ratchet: measured on the set as written (see docs/accuracy-troops.md); raise when better.
# The "blind-" items were written after the fixes and not tuned on (see the doc).
# CHALLENGE_FLOORS hold for the sentence items of the first three passes (every id but
# "a-*"); ARTICLE_FLOORS for the 14 full wire articles of the fourth pass ("a-r01".."a-r14",
# 107 facts) and BLIND_ARTICLE_FLOORS for the three written after its fixes ("a-x01".."a-x03",
# 21 facts): what the fourth pass reached on each. FIFTH_ARTICLE_FLOORS: the eight articles
# of the fifth pass ("a-y01".."a-y08", 50 facts) after its fixes (blind they scored F1 0.936,
# actor 0.841, location 0.795, action 0.932).
CHALLENGE_FLOORS = {"f1": 0.99, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                    "actor": 1.0, "location": 0.97, "action": 1.0}
ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                  "actor": 0.99, "location": 0.96, "action": 1.0}
BLIND_ARTICLE_FLOORS = {"f1": 0.95, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                        "actor": 1.0, "location": 0.89, "action": 1.0}
FIFTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                        "actor": 1.0, "location": 1.0, "action": 1.0}
# The nine articles of the sixth pass ("a-z01".."a-z09", 55 facts) after its fixes (blind:
# F1 0.953, actor 0.745, location 0.667, action 0.804), raised after the seventh pass.
SIXTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 0.98, "value": 1.0, "approx": 1.0,
                        "actor": 0.98, "location": 0.96, "action": 0.98}
# The five articles of the seventh pass ("a-w01".."a-w05", 29 facts) after its fixes (blind:
# F1 0.964, actor 1.000, location 0.815, action 1.000).
SEVENTH_ARTICLE_FLOORS = {"f1": 0.98, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                          "actor": 1.0, "location": 1.0, "action": 1.0}
# Three articles ("a-v01".."a-v03", 11 facts) written by another engineer before the sixth
# pass's code ran, as an independent check (blind: F1 0.900, action 0.889; the sixth pass
# changed nothing on them); after 13be43d. The open miss: "a deployment of "several
# thousand"" (an elided count in quotes).
INDEPENDENT_ARTICLE_FLOORS = {"f1": 0.95, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                              "actor": 1.0, "location": 1.0, "action": 1.0}
# The five articles of the eighth pass ("a-q01".."a-q05", 28 facts) after its fixes (blind:
# F1 0.923, actor 0.875, location 0.708, action 0.875).
EIGHTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                         "actor": 1.0, "location": 1.0, "action": 1.0}
# The eight articles of the ninth pass ("a-p01".."a-p08", 38 facts) after its fixes (blind:
# F1 0.914, actor 0.812, location 0.656, action 0.875); two counts stay missed (F1 0.973).
NINTH_ARTICLE_FLOORS = {"f1": 0.97, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                        "actor": 1.0, "location": 1.0, "action": 1.0}
# The six articles of the tenth pass ("a-o01".."a-o06", 26 facts) after its fixes (blind:
# F1 0.980, actor 0.880, location 0.800, action 0.920); its elided "Some 650 of them",
# missed until the twelfth pass, is read since.
TENTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                        "actor": 1.0, "location": 1.0, "action": 1.0}
# The eight articles of the eleventh pass ("a-n01".."a-n08", 40 facts) after its fixes
# (blind: F1 0.919, actor 0.971, location 0.706, action 0.853); three elided or planned
# counts stayed missed and one carrier crew's action was wrong (F1 0.961, action 0.973);
# all four are right since the twelfth pass.
ELEVENTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                           "actor": 1.0, "location": 1.0, "action": 1.0}
# The eight articles of the twelfth pass ("a-m01".."a-m08", 31 facts) after its fixes
# (blind: F1 0.949, actor 0.893, location 0.786, action 0.714); three counts stay missed
# ("2,000 or so soldiers", "cut to about 5,000", a gapped "and Rwanda about 2,600").
# Raised by the thirteenth pass (exercise departures, "joined by", "were also sent", a
# training unit, an origin after "from", a navy opening its sentence): actor 0.929,
# location 0.929, action 1.000.
# Raised again when the number grammar learnt "2,000 or so" (F1 0.967).
TWELFTH_ARTICLE_FLOORS = {"f1": 0.98, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                          "actor": 0.93, "location": 0.93, "action": 1.0}
# The eight articles of the thirteenth pass ("a-l01".."a-l08", 29 facts) after its fixes
# (blind: F1 0.966, actor 0.821, location 0.786, action 0.893); one count stays missed
# ("its battalion ..., which numbers some 340").
THIRTEENTH_ARTICLE_FLOORS = {"f1": 0.98, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                             "actor": 0.92, "location": 0.92, "action": 0.96}
# The eight articles of the fourteenth pass ("a-k01".."a-k08", 45 facts) after its fixes
# (blind: P 1.000, R 0.844, F1 0.916, actor 0.921, location 0.763, action 0.868; after:
# R 0.978, F1 0.989, actor 0.977, location 0.886, action 0.955). One count stays missed
# ("bringing the number of troops sent from the mainland ... to some 1,300").
FOURTEENTH_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                             "actor": 0.97, "location": 0.91, "action": 0.95}  # PRI: 0.909
# The eight articles of the fifteenth pass ("a-i01".."a-i08", 38 facts), written in the
# styles of the development sources (BBC politics 2004-05, CNN/Daily Mail, Wikinews, 1993
# Usenet, AG News). Blind (labels as corrected: a-i05's title count added, rule 28): P 0.964,
# R 0.711, F1 0.818, approx 0.963, actor 0.778, location 0.889, action 0.889; after its
# fixes: P 0.971, R 0.895, F1 0.932, approx 0.971, actor 0.853, location 0.912, action 0.941.
# Four counts stay missed (a planned "raise the number to nearly 4,000" a sentence after its
# count, "headquarters staff of about 700", "a small number, thought to be about 200",
# "several hundred personnel" of a NATO mission).
FIFTEENTH_ARTICLE_FLOORS = {"f1": 0.94, "quote_exact": 1.0, "value": 1.0, "approx": 0.97,
                            "actor": 0.85, "location": 0.94, "action": 0.94}  # fix pass: 0.946
# The eight articles of the sixteenth pass ("a-g01".."a-g08", 45 facts), again in the
# development sources' styles (CNN/Daily Mail, 1993 Usenet, 1987 Reuters military, AG News).
# Blind (quotes as corrected: hard-wrap line breaks written as the cleaned text reads them,
# "another"/"a further" left out): P 0.976, R 0.889, F1 0.930, approx 1.0, actor 0.850,
# location 0.750, action 0.875; after its fixes: P 1.000, R 0.933, F1 0.966, actor 0.952,
# location 0.762, action 0.905. Open: the Falklands read as GBR (FLK in the gold; six
# facts), "sent some 28,000 men and more than 100 ships", "a couple hundred thousand men",
# "they had around 600,000 men there". After the merge (ninth session): the number grammar
# reads "a couple hundred thousand" and the Falklands take FLK (R 0.956, F1 0.977, actor
# 0.953, location 0.884).
SIXTEENTH_ARTICLE_FLOORS = {"f1": 0.97, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                            "actor": 0.95, "location": 0.88, "action": 0.90}
# The eight articles of the seventeenth pass ("a-f01".."a-f08", 42 facts), modern wire copy
# (AP, Reuters, AFP; 2023-2026 battlegroups, drawdowns, junta-ordered departures, a border
# region, a marine rotation). Blind: P 1.000, R 0.833, F1 0.909, approx 1.0, actor 0.914,
# location 0.829, action 0.829; after its fixes: F1 0.909, actor 0.914, location 0.914,
# action 0.857. Open: seven elided or list counts ("bring home roughly 500 of them", "leaving
# around 200 in the country", "currently number around 500", "add about 150 of their own",
# "as many as 5,000", "some 7,000 troops" of ECOMIG, "Around 6,000 British, Dutch and
# Norwegian troops").
# After the fix pass on open misses (tenth session): F1 0.988, actor 0.927, location 0.927,
# action 0.878; open: "the figure could rise to as many as 5,000".
SEVENTEENTH_ARTICLE_FLOORS = {"f1": 0.98, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                              "actor": 0.92, "location": 0.92, "action": 0.87}

# Three 1980s Reuters-style articles ("a-j01".."a-j03", 9 facts, hard-wrapped like the
# sources), labelled blind in the eighth session (blind: F1 1.0, actor 0.889, location
# 0.889: "Moscow" read as Russia in a Soviet story, "North West Frontier Province" unknown);
# both fixed in the gazetteer.
OLD_STYLE_ARTICLE_FLOORS = {"f1": 1.0, "quote_exact": 1.0, "value": 1.0, "approx": 1.0,
                            "actor": 1.0, "location": 1.0, "action": 1.0}


@pytest.mark.parametrize(("prefix", "floors"), [("", CHALLENGE_FLOORS),
                                                ("a-j", OLD_STYLE_ARTICLE_FLOORS),
                                                ("a-r", ARTICLE_FLOORS),
                                                ("a-x", BLIND_ARTICLE_FLOORS),
                                                ("a-y", FIFTH_ARTICLE_FLOORS),
                                                ("a-z", SIXTH_ARTICLE_FLOORS),
                                                ("a-w", SEVENTH_ARTICLE_FLOORS),
                                                ("a-v", INDEPENDENT_ARTICLE_FLOORS),
                                                ("a-q", EIGHTH_ARTICLE_FLOORS),
                                                ("a-p", NINTH_ARTICLE_FLOORS),
                                                ("a-o", TENTH_ARTICLE_FLOORS),
                                                ("a-n", ELEVENTH_ARTICLE_FLOORS),
                                                ("a-m", TWELFTH_ARTICLE_FLOORS),
                                                ("a-l", THIRTEENTH_ARTICLE_FLOORS),
                                                ("a-k", FOURTEENTH_ARTICLE_FLOORS),
                                                ("a-i", FIFTEENTH_ARTICLE_FLOORS),
                                                ("a-g", SIXTEENTH_ARTICLE_FLOORS),
                                                ("a-f", SEVENTEENTH_ARTICLE_FLOORS)])
def test_challenge_set_floor(prefix: str, floors: dict[str, float]) -> None:
    report = score_challenge(lambda item_id: item_id.startswith(prefix) if prefix
                             else not item_id.startswith("a-"))
    summary = json.dumps(report, indent=1)
    for key, floor in floors.items():
        assert report[key] >= floor, summary


# --- properties ----------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "troops", "soldiers", "some", "about", "5,000", "1,200", "thousands", "of", "U.S.",
    "British", "Iraq", "the", "The", "-strong", "-man", "force", "army", "killed", "were",
    "sent", "to", "withdraw", "home", "half", "a", "million", "dozen", "between", "and",
    "3,000-4,000", "1.6-mln", "strong", "\"", "'", ",", ".", "\n", "men", "members",
    "Georgia", "Chad", "in", "from", "2003", "hundreds", "units", "levels", "9,000",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.text(max_size=60))
def test_never_raises_and_offsets_hold(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    doc = DocContext(text, [Sentence(0, len(text), 0)], country_mentions(
        text, [Sentence(0, len(text), 0)]), False)
    for f in extract_troops(doc):
        assert 0 <= f.char_start < f.char_end <= len(text)
        assert 0 < f.count < 2**63
        assert f.count_high is None or f.count < f.count_high < 2**63


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    spans = [Sentence(0, len(text), 0)] if text else []
    extract_troops(DocContext(text, spans, country_mentions(text, spans), bool(text)))


@pytest.mark.parametrize(
    "line",
    [
        "troops soldiers forces of the British " * 27000,
        "1" * 1_000_000,
        "Some 850 British troops in Iraq. " * 30000,
        "\"'\"' of of of the the -man -strong " * 29000,
    ],
)
def test_linear_time_on_one_megabyte_line(line: str) -> None:
    line = line[:1_000_000]
    spans = [Sentence(0, len(line), 0)]
    doc = DocContext(line, spans, country_mentions(line, spans), False)
    t0 = time.perf_counter()
    extract_troops(doc)
    assert time.perf_counter() - t0 < 1.0


def test_a_verb_not_an_adjective_decides_the_action() -> None:
    """"its remaining N soldiers": 'remaining' describes them; 'pull ... out' is the act."""
    from newsfacts.analyze import analyze_text

    facts = analyze_text("France will pull its remaining 1,500 soldiers out of Niger by the "
                         "end of the year.").extraction.troops
    assert [(f.count, f.actor, f.location, f.action) for f in facts] == [
        (1500, "FRA", "NER", "withdraw")]
    kept = analyze_text("The remaining 2,000 troops will stay in Kosovo.").extraction.troops
    assert [f.action for f in kept] == ["present"]


# --- troop levels written without a troop noun after the count (rules 32, 47, 48) ----------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Pentagon plans to cut the number of U.S. troops in Germany by roughly 9,500, "
         "reducing its presence there to about 25,000.",
         [("roughly 9,500", 9500, "USA", "DEU", "withdraw"),
          ("about 25,000", 25000, "USA", "DEU", "present")]),
        ("The U.S. will reduce the number of troops in Iraq to 3,000 from 5,200.",
         [("3,000", 3000, "USA", "IRQ", "present"), ("5,200", 5200, "USA", "IRQ", "present")]),
        ("The number of U.S. troops in South Korea stands at about 28,500.",
         [("about 28,500", 28500, "USA", "KOR", "present")]),
        ("Washington will increase the number of troops in Poland by 1,000 to about 5,500.",
         [("1,000", 1000, "USA", "POL", "deploy"), ("about 5,500", 5500, "USA", "POL", "present")]),
        ("Britain said it would cut its force in Estonia by 300.",
         [("300", 300, "GBR", "EST", "withdraw")]),
    ],
)
def test_levels_after_number_of_troops_and_its_presence(
    sentence: str, expected: list[tuple[str, int, str, str, str]]
) -> None:
    got = [(q, f.count, f.actor, f.location, f.action) for q, f in _facts(sentence)]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "The company plans to cut its workforce by 9,500.",
    "The party will boost its presence in parliament to 120.",
    "Japan's exports rose by 2,000 tonnes to 30,000 from 28,000.",
    "The bank will reduce the number of branches in Germany to 300 from 450.",
])
def test_levels_need_troops_in_sight(sentence: str) -> None:
    assert _facts(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("About 2,500 U.S. Marines rotate through Darwin each year.", (2500, "USA", "AUS")),
    ("The U.S. has about 10,000 troops at Al Udeid air base.", (10000, "USA", "QAT")),
])
def test_bases_and_cities_from_the_gazetteer_give_the_location(
    sentence: str, expected: tuple[int, str, str]
) -> None:
    _, fact = _one(sentence)
    assert (fact.count, fact.actor, fact.location) == expected


@pytest.mark.parametrize(("sentence", "actor"), [
    ("The Netherlands and Belgium will send 400 troops to Romania.", None),
    ("India and China each have around 50,000 troops along the border.", None),
    ("Britain and France agreed on Monday that Britain would send 1,000 troops to Estonia.",
     "GBR"),
    ("After talks with Japan and Korea, the United States will deploy 2,000 Marines to Okinawa.",
     "USA"),
    ("Relations between Germany and the U.S., which has 35,000 troops there, are strained.",
     "USA"),
])
def test_two_states_as_one_subject_leave_the_actor_open(sentence: str, actor: str | None) -> None:
    """Rule 42: troops of several named states with no named force have no single actor."""
    _, fact = _one(sentence)
    assert fact.actor == actor


@pytest.mark.parametrize(("sentence", "action"), [
    ("Chad said it had ordered about 1,000 French soldiers stationed in the country to leave.",
     "withdraw"),
    ("Niger asked the 1,500 French troops based in the country to leave by the end of the year.",
     "withdraw"),
    ("The junta told 400 U.S. troops to withdraw from the Agadez base.", "withdraw"),
    ("The general ordered 2,000 troops to advance toward the capital.", "deploy"),
])
def test_ordered_to_leave_is_a_withdrawal(sentence: str, action: str) -> None:
    """Rule 45: the verb attached to the count decides; "ordered ... to leave" withdraws."""
    _, fact = _one(sentence)
    assert fact.action == action


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A total of 5,000 troops from Kenya, Uganda and Burundi serve in the African Union force "
     "in Somalia.", ("AU", "SOM", "present")),
    ("About 5,000 troops from Kenya, Uganda and Burundi are in Somalia, the United Nations said.",
     (None, "SOM", "present")),
    ("Some 2,000 troops from Kenya arrived in Haiti.", ("KEN", "HTI", "deploy")),
    ("The U.S. will move 1,000 troops from Germany to Poland.", ("USA", "POL", "deploy")),
    ("The U.S. will withdraw 1,000 troops from Germany.", ("USA", "DEU", "withdraw")),
    ("U.S. forces in Iraq number about 2,500.", ("USA", "IRQ", "present")),
])
def test_where_troops_come_from_is_their_owner_not_their_location(
    sentence: str, expected: tuple[str | None, str, str]
) -> None:
    """Rules 41-43: "troops from X" names whose they are; where they are or go is the
    location; several states without a named force give no actor."""
    _, fact = _one(sentence)
    assert (fact.actor, fact.location, fact.action) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Israeli army said it had mobilised 300,000 reservists in 48 hours.",
     ("ISR", "ISR", "other")),
    ("The UK is sending 20,000 troops to take part in Nato's largest exercise since the Cold "
     "War.", ("GBR", None, "deploy")),
])
def test_home_is_the_location_only_for_forces_that_stay_home(
    sentence: str, expected: tuple[str, str | None, str]
) -> None:
    """Rule 44: exercising, on alert or called up at home -> their own state; troops sent
    to an exercise somewhere unnamed have no location."""
    _, fact = _one(sentence)
    assert (fact.actor, fact.location, fact.action) == expected


def test_sentence_flags_match_separate_scans() -> None:
    """``sentence_flags`` scans once for both flags; each must be what the pattern's own
    ``finditer`` gives, including a match that straddles two sentences ("combat | troops")
    and hides the one inside the second."""
    import itertools
    import re

    from newsfacts.patterns import fold_case, folded_pattern
    from newsfacts.troops.candidates import _HINT_RE, _MILITARY_RE, sentence_flags

    def by_scan(pattern: re.Pattern[str], folded: str, sents: list[Sentence]) -> list[bool]:
        flags = [False] * len(sents)
        for m in pattern.finditer(folded, sents[0].start, sents[-1].end):
            for no, s in enumerate(sents):
                if s.start <= m.start() and m.end() <= s.end:
                    flags[no] = True
        return flags

    text = ("The general said combat troops and 5,000 Armed Forces staff left. Air force "
            "units, the navy's marines. Nothing here. Levels of 2,000-strong brigades.")
    folded = fold_case(text)
    cuts = [0, 17, 24, 31, 66, 96, 110, len(text)]  # one cut inside "combat troops"
    sents = [Sentence(a, b, 0) for a, b in itertools.pairwise(cuts)]
    hints, military = sentence_flags(folded, sents)
    assert hints == by_scan(folded_pattern(_HINT_RE), folded, sents)
    assert military == by_scan(folded_pattern(_MILITARY_RE), folded, sents)
    assert text[24:31] == "troops " and hints[2] is False  # hidden by "combat troops"


def test_ascii_twin_matches_its_pattern() -> None:
    """``_AsciiTwin`` gives the pattern's answers: as the lower-cased twin on ASCII, as the
    pattern itself otherwise (where "ſ", "K" or "ı" can match an ASCII letter)."""
    from newsfacts.troops.action import _EXERCISE
    from newsfacts.troops.candidates import _NON_STATE_BEFORE
    from newsfacts.troops.common import LOC_PREP

    for s in ("troops sent INTO the ", "Troops in Northern ", "into ſouthern ", "drills",
              "war GAMES", "KILLED in ", "ıN the "):
        for twin in (_EXERCISE, LOC_PREP):
            want = twin.pattern.search(s)
            got = twin.search(s)
            assert (want and want.span()) == (got and got.span())
    text = "Xrebel force of 300 and the Rebel 400, the ſeparatist 500"
    for start in range(len(text)):
        for end in (start + 10, start + 25, len(text)):
            want = _NON_STATE_BEFORE.pattern.search(text, start, end) is not None
            assert _NON_STATE_BEFORE.found_in(text, start, min(end, len(text))) == want


def test_cue_patterns_behind_a_word_start_test_find_the_same_cues() -> None:
    """The folded cue patterns start with a word-start test (``_at_word_start``), which is
    only right while every cue starts with a letter: they must find what the bare folded
    patterns find."""
    from newsfacts.patterns import fold_case, folded_pattern
    from newsfacts.troops.action import (
        _AFTER_CUE_FOLDED_RE,
        _BEFORE_CUE_FOLDED_RE,
        _BEFORE_CUE_RE,
    )
    from newsfacts.troops.common import AFTER_CUE_RE

    path = Path(__file__).resolve().parent / "data" / "troops_challenge.jsonl"
    texts = [fold_case(json.loads(line)["text"]) for line in path.read_text().splitlines()]
    for fast, plain in ((_AFTER_CUE_FOLDED_RE, folded_pattern(AFTER_CUE_RE)),
                        (_BEFORE_CUE_FOLDED_RE, folded_pattern(_BEFORE_CUE_RE))):
        for text in texts:
            got = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
            assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


# --- modern wire copy, third pass (docs/accuracy-troops.md) --------------------------------


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The United States will send 500 troops to Poland and 300 to Lithuania.",
     [("500 troops", "USA", "POL", "deploy"), ("300", "USA", "LTU", "deploy")]),
    ("The U.S. will cut its force in Iraq to 2,500 troops, down from 3,000.",
     [("2,500 troops", "USA", "IRQ", "present"), ("3,000", "USA", "IRQ", "present")]),
    ("Washington will send 2,000 more troops to the Gulf, bringing the total there to "
     "about 30,000.",
     [("2,000 more troops", "USA", None, "deploy"), ("about 30,000", "USA", None, "present")]),
])
def test_counts_after_a_count_without_their_noun(
    sentence: str, expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    """Rule 32/48: a parallel count ("and 300 to Lithuania"), "down from N" and "the total
    ... to N" after a count in the same sentence."""
    assert [(q, f.actor, f.location, f.action) for q, f in _facts(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Some 200 soldiers suffered heat stroke during the march.",
    "Ukraine said Russian losses stood at 1,100 soldiers in the past day.",
    "Eleven service members were treated for concussions after the attack.",
])
def test_more_casualty_phrasings(sentence: str) -> None:
    assert _facts(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia has deployed 20,000 troops along its border with Finland.", ("RUS", "deploy")),
    ("The Israel Defense Forces has about 170,000 active-duty soldiers.", ("ISR", "present")),
    ("Poland has about 10,000 U.S. troops on its soil.", ("POL", "present")),
])
def test_own_border_home_army_and_its_soil(sentence: str, expected: tuple[str, str]) -> None:
    _, fact = _one(sentence)
    assert (fact.location, fact.action) == expected


def test_prepare_to_deploy_is_standby_and_are_deployed_is_present() -> None:
    _, ready = _one("The Pentagon ordered 3,000 troops to prepare to deploy to Poland.")
    assert (ready.actor, ready.location, ready.action) == ("USA", "POL", "other")
    _, there = _one("Chad, where some 1,000 French soldiers are deployed, asked them to stay.")
    assert there.action == "present"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Pentagon will rotate 3,000 soldiers from Fort Hood to Poland.",
     ("3,000 soldiers", "deploy")),
    ("The Pentagon will rotate 3,000 soldiers out of Iraq.", ("3,000 soldiers", "withdraw")),
    ("Paris will keep a reduced force of 1,000 soldiers in Chad.",
     ("1,000 soldiers", "present")),
    ("About 300 U.S. special operations forces are in Syria.",
     ("About 300 U.S. special operations forces", "present")),
])
def test_rotations_reduced_forces_and_special_operations(
    sentence: str, expected: tuple[str, str]
) -> None:
    q, fact = _one(sentence)
    assert (q, fact.action) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Egypt has offered a force of 3,000 men.", ("3,000 men", "EGY", None)),
    ("The Lithuanian army has some 15,000 members.", ("some 15,000 members", "LTU", "LTU")),
    ("Chad sent 1,000 soldiers to help Nigeria fight Boko Haram.",
     ("1,000 soldiers", "TCD", "NGA")),
    ("The Pentagon said 1,500 active-duty troops would be sent to the southern border.",
     ("1,500 active-duty troops", "USA", "USA")),
])
def test_men_at_a_full_stop_helping_a_state_and_the_border(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    q, fact = _one(sentence)
    assert (q, fact.actor, fact.location) == expected


# --- fourth pass: full modern wire articles (docs/accuracy-troops.md) ----------------------


def _got(*sentences: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q, f.actor, f.location, f.action) for q, f in _facts(*sentences)]


@pytest.mark.parametrize(("sentences", "expected"), [
    # A part of a force (rule 32) and the whole it is taken from (rule 48).
    (("The United States will withdraw about 1,000 of its roughly 2,500 troops in Iraq.",),
     [("about 1,000", "USA", "IRQ", "withdraw"), ("roughly 2,500 troops", "USA", "IRQ",
                                                  "present")]),
    # A parallel count after "and a further" / "and ... more", dated by a year.
    (("The AU withdrew 2,000 troops from Somalia in 2023 and a further 3,000 in 2024.",),
     [("2,000 troops", "AU", "SOM", "withdraw"), ("3,000", "AU", "SOM", "withdraw")]),
    (("Ethiopia has about 2,500 soldiers in Somalia and several thousand more under a "
      "bilateral deal.",),
     [("about 2,500 soldiers", "ETH", "SOM", "present"),
      ("several thousand more", "ETH", "SOM", "present")]),
    # A comparison with an earlier level (rule 50).
    (("About 500 U.S. military personnel are now in Taiwan, far more than the roughly 30 the "
      "Pentagon acknowledged in 2021.",),
     [("About 500 U.S. military personnel", "USA", "TWN", "present"),
      ("roughly 30", "USA", "TWN", "present")]),
    # "X, where ..." names the place; "cut its force ... to N from M" are both levels.
    (("France has agreed to leave Senegal, where it had about 350 soldiers, and has cut its "
      "force in Ivory Coast to 80 from 600.",),
     [("about 350 soldiers", "FRA", "SEN", "present"), ("80", "FRA", "CIV", "present"),
      ("600", "FRA", "CIV", "present")]),
    # An army's labour units and engineers (rule 31).
    (("North Korea has pledged to send 1,000 deminers and 5,000 military construction "
      "workers to the Kursk region.",),
     [("1,000 deminers", "PRK", "RUS", "deploy"),
      ("5,000 military construction workers", "PRK", "RUS", "deploy")]),
])
def test_parts_parallels_comparisons_and_labour_units(
    sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize("sentence", [
    "A clash in which 20 Indian soldiers and at least four Chinese soldiers were killed.",
    "Three of its 1,000 soldiers were wounded in the attack.",
    "It will field about 100 Leopard tanks and 100 Puma infantry fighting vehicles.",
    "Their arrival brings the number of foreign troops and police in the mission to about "
    "1,000.",
    "A charity sent 50 deminers to clear the fields.",
])
def test_fourth_pass_negatives(sentence: str) -> None:
    assert _facts(sentence) == []


@pytest.mark.parametrize(("sentences", "expected"), [
    (("Seoul said there had been no discussion of reducing the roughly 28,500 U.S. troops "
      "stationed in the country.",), ("USA", "present")),
    (("Under a 2012 agreement, about 4,000 U.S. Marines are to move from Okinawa to Guam.",),
     ("USA", "deploy")),
    (("Under the plan, 1,000 U.S. Marines will move to Guam, with the first 100 Marines "
      "arriving in December.",), ("USA", "deploy")),
    (("France leads a NATO battlegroup in Romania of about 1,500 troops.",),
     ("NATO", "present")),
    (("NATO has eight battlegroups.", "Canada leads a battlegroup of some 2,000 soldiers "
      "from 14 countries."), ("NATO", "present")),
    (("Germany's brigade in Lithuania will grow to some 4,800 troops by 2027.",),
     ("DEU", "other")),
    (("UNIFIL was set up in 1978 after an Israeli invasion and was expanded after the 2006 "
      "war, when its strength peaked at nearly 13,000 troops.",), ("UN", "present")),
    (("Some 90,000 troops took part in NATO's Steadfast Defender exercise.",),
     ("NATO", "other")),
    (("KYIV, March 3 (Reuters) - A multinational force that Britain and France are "
      "assembling could number up to 30,000 troops, officials said.",),
     ("COALITION", "other")),
    (("NATO leaders met in June.", "The alliance now has eight battlegroups, with about "
      "10,000 troops in total."), ("NATO", "present")),
    (("Indian and Chinese troops have disengaged, but the two sides each still keep 50,000 "
      "to 60,000 soldiers along the frontier in the western Himalayas.",), (None, "present")),
])
def test_fourth_pass_actors_and_actions(
    sentences: tuple[str, ...], expected: tuple[str | None, str]
) -> None:
    _, fact = _facts(*sentences)[-1]
    assert (fact.actor, fact.action) == expected


@pytest.mark.parametrize(("sentences", "location"), [
    (("Britain has sent about 200 sailors to the Red Sea.",), None),
    (("Some 2,500 U.S. Marines are aboard ships in the eastern Mediterranean, ready to "
      "evacuate Americans from Lebanon.",), None),
    # Guam has its own ISO code, GUM (rule 43; it was USA until the ninth session)
    (("About 4,000 U.S. Marines are to move from Okinawa to Guam.",), "GUM"),
    (("The United States will pull a brigade out of Romania and other NATO countries, "
      "Romania's defence ministry said, leaving about 1,000 American soldiers in the "
      "country.",), "ROU"),
    (("Israel will call up 60,000 reservists ahead of its Gaza City offensive.",), "ISR"),
    (("China's People's Liberation Army, the world's largest military with about 2 million "
      "active personnel, has built new villages.",), "CHN"),
    (("Haiti's army, revived in 2017 after being disbanded in 1995, has about 2,000 "
      "soldiers.",), "HTI"),
    (("India has about 1.45 million active troops, and China has more.",), "IND"),
    (("The council voted to end the mission in southern Lebanon and to withdraw the roughly "
      "10,000-strong force, bowing to pressure from the United States and Israel.",), "LBN"),
    (("The mission operates in southern Lebanon.", "Its about 10,200 peacekeepers patrol "
      "the area between the Litani River and the Blue Line separating Lebanon from Israel."),
     "LBN"),
    (("Uganda's contingent of 4,500 soldiers is based in Mogadishu and the Lower Shabelle "
      "region.",), "SOM"),
    (("India and China each keep 50,000 soldiers along the frontier in the western "
      "Himalayas.",), None),
])
def test_fourth_pass_locations(sentences: tuple[str, ...], location: str | None) -> None:
    _, fact = _facts(*sentences)[-1]
    assert fact.location == location


@pytest.mark.parametrize(("text", "location"), [
    ("SEOUL, South Korea (AP) \u2014 Officials said about 4,000 troops would stay.\n", "KOR"),
    ("KYIV, March 3 (Reuters) - Officials said about 4,000 troops would stay.\n", "UKR"),
])
def test_modern_datelines(text: str, location: str | None) -> None:
    """AP datelines end with a dash, Reuters ones carry the date: both name the place."""
    from newsfacts.analyze import analyze_text

    facts = analyze_text(text).extraction.troops
    assert len(facts) == 1 and facts[0].location == location


def test_body_dateline_does_not_place_a_headline_count() -> None:
    from newsfacts.analyze import analyze_text

    facts = analyze_text("ALLIES TO SEND 12,000 TROOPS\n\nCAIRO, Aug 4 - Officials met "
                         "on Monday.\n").extraction.troops
    assert [f.location for f in facts] == [None]


@pytest.mark.parametrize(("sentences", "expected"), [
    # "provide" sends troops (rule 45); "the mission's strength to N" is a level (rule 48).
    (("NATO will send about 600 more troops to Kosovo, bringing the mission's strength to "
      "about 5,200.", "Britain said it would provide around 200 soldiers to the force."),
     [("about 600 more troops", "NATO", "XKX", "deploy"),
      ("about 5,200", "NATO", "XKX", "present"),
      ("around 200 soldiers", "GBR", "XKX", "deploy")]),
    # An aside between commas does not own the troops (rule 40).
    (("Burundi, an ally of Kinshasa, has deployed about 10,000 soldiers to Congo.",),
     [("about 10,000 soldiers", "BDI", "COD", "deploy")]),
    (("Congo's army, known by its French acronym FARDC, is estimated at about 130,000 "
      "soldiers.",), [("about 130,000 soldiers", "COD", "COD", "present")]),
    # "it had N" after a sentence naming the force (rule 41).
    (("NATO bombing drove out Serbian forces.", "The force, known as KFOR, has been in Kosovo "
      "since 1999.", "At its height it had about 50,000 troops."),
     [("about 50,000 troops", "NATO", "XKX", "present")]),
])
def test_blind_article_fixes(sentences: tuple[str, ...],
                             expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _got(*sentences) == expected


# --- fifth pass: modern wire articles a-y01..a-y08 (docs/accuracy-troops.md) ---------------

@pytest.mark.parametrize(("sentences", "expected"), [
    # "held exercises" is an active verb, not captivity; a "whose army numbers N" aside is
    # the army's size even in a sentence about an exercise (rules 33, 48, 49).
    (("Belarus, whose army numbers about 48,000 troops, held exercises near the border.",),
     [("about 48,000 troops", "BLR", "BLR", "present")]),
    (("About 500 soldiers, held by rebels since May, were freed.",), []),
    # "permanent personnel" (a modifier, rule 31).
    (("Canada's armed forces have about 68,000 permanent personnel.",),
     [("about 68,000 permanent personnel", "CAN", "CAN", "present")]),
    # The total a deployment brings a force to is the same state's (rule 48).
    (("Kenya will send 600 more troops to Haiti, raising the number of its soldiers there "
      "to about 1,000.",),
     [("600 more troops", "KEN", "HTI", "deploy"), ("about 1,000", "KEN", "HTI", "present")]),
    # SADC missions are multinational forces (rule 41).
    (("SAMIM withdrew about 1,900 troops from Mozambique in July.",),
     [("about 1,900 troops", "COALITION", "MOZ", "withdraw")]),
    # "in the country" points back even when a region is named later (rule 43).
    (("Britain has long had a training base in Kenya.", "It keeps about 400 troops in the "
      "country, its largest presence in Africa."),
     [("about 400 troops", "GBR", "KEN", "present")]),
    # Personnel "at a camp" are a posting, not a home army (rule 43).
    (("Turkey has a training base in Somalia.", "Turkey's military has about 200 personnel "
      "at a camp outside the capital."),
     [("about 200 personnel", "TUR", "SOM", "present")]),
    # "flew from X to Y" sends troops to Y (rule 46).
    (("About 300 French paratroopers flew from Chad to Niger on Sunday.",),
     [("About 300 French paratroopers", "FRA", "NER", "deploy")]),
])
def test_fifth_pass_counts_actors_places(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # "double the N that ..." is an earlier level (rule 50); "the Pentagon said" is a
    # speaker, not where the troops are.
    (("Some 1,000 U.S. soldiers remain in Niger, the Pentagon said, roughly double the 500 "
      "that it reported in May.",),
     [("Some 1,000 U.S. soldiers", "USA", "NER", "present"), ("500", "USA", "NER", "present")]),
    # The new size after a change, right after a count (rules 48, 51).
    (("Estonia's army has about 7,000 conscripts and plans to grow to about 10,000 by 2030.",),
     [("about 7,000 conscripts", "EST", "EST", "present"), ("about 10,000", "EST", "EST",
                                                              "other")]),
    (("Spain sent 500 soldiers to Latvia in 2022 but cut the contingent to about 300 last "
      "year.",),
     [("500 soldiers", "ESP", "LVA", "deploy"), ("about 300", "ESP", "LVA", "present")]),
    # Building a force up to N is its future size (rule 51).
    (("Britain agreed to build its force in Estonia up to 4,000 soldiers.",),
     [("up to 4,000 soldiers", "GBR", "EST", "other")]),
    # Sent to a named neighbour's border: their own side (rule 44).
    (("India moved 5,000 troops to the Pakistan border.",),
     [("5,000 troops", "IND", "IND", "deploy")]),
    # "Iraq force": a country's name as a modifier says where, not whose.
    (("Britain to cut Iraq force to 4,000 troops",),
     [("4,000 troops", "GBR", "IRQ", "present")]),
    (("The Syrian force of 2,000 troops stayed in Lebanon.",),
     [("2,000 troops", "SYR", "LBN", "present")]),
    # "with the rest moving to Qatar" is the others' destination (rule 43).
    (("Britain has 1,000 troops in Iraq.", "About 300 soldiers will return home, with the "
      "rest moving to Qatar."),
     [("1,000 troops", "GBR", "IRQ", "present"), ("About 300 soldiers", "GBR", "IRQ",
                                                   "withdraw")]),
    # "in Estonia, Hedgehog, last spring": a name after the comma that is no place.
    (("About 600 Danish soldiers took part in an exercise in Estonia, Hedgehog, last spring.",),
     [("About 600 Danish soldiers", "DNK", "EST", "other")]),
    # A distinctive troop noun qualified earlier keeps its state (rule 52).
    (("U.S. Marines began training in Norway in 2017 alongside about 1,000 Norwegian soldiers.",
      "The first rotation sent 330 Marines to the country."),
     [("about 1,000 Norwegian soldiers", "NOR", "NOR", "other"),
      ("330 Marines", "USA", "NOR", "deploy")]),
])
def test_fifth_pass_levels_and_places(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


# --- sixth pass (a-z items; blind F1 0.953, actor 0.745, location 0.667, action 0.804) -------
@pytest.mark.parametrize(("sentences", "expected"), [
    # An EU force is a multinational force outside the closed code list (rule 41).
    (("The European Union's training mission has about 300 soldiers in Mali.",),
     [("about 300 soldiers", "COALITION", "MLI", "present")]),
    # "reinforced with N" / "get N more" add troops (rule 46).
    (("The U.N. mission in Cyprus will be reinforced with some 200 soldiers.",),
     [("some 200 soldiers", "UN", "CYP", "deploy")]),
    (("Britain to get 300 more U.S. troops, Pentagon says",),
     [("300 more U.S. troops", "USA", None, "deploy")]),
    # "bring the presence/strength to N" is the new level (rule 48).
    (("The new arrivals will bring the French presence in Estonia to about 400 soldiers.",),
     [("about 400 soldiers", "FRA", "EST", "present")]),
    # A future increase of a presence, or of "them", is a planned size (rule 51).
    (("Germany will expand its presence in Lithuania to 4,800 soldiers by 2027.",),
     [("4,800 soldiers", "DEU", "LTU", "other")]),
    # "numbering N at their peak" is a level, whatever the troops did later (rule 48).
    (("Cuba sent troops to Angola in 1975. Those soldiers, numbering about 36,000 at their "
      "peak, left in 1991.",),
     [("about 36,000", "CUB", "AGO", "present")]),
    # Sent to / arrived at an exercise: deployed (rule 49).
    (("About 400 Indonesian soldiers arrived in Australia on Sunday to take part in joint "
      "drills.",),
     [("About 400 Indonesian soldiers", "IDN", "AUS", "deploy")]),
])
def test_sixth_pass_actions_and_codes(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # A comma aside between the subject and its verb does not own the troops (rule 40).
    (("Estonia, which shares a 294-kilometre border with Russia, has about 7,700 active "
      "personnel.",),
     [("about 7,700 active personnel", "EST", "EST", "present")]),
    (("Lithuania, a country of 2.8 million that borders Belarus and Poland, has an army of "
      "about 15,000 soldiers.",),
     [("about 15,000 soldiers", "LTU", "LTU", "present")]),
    # "one of the smallest in Europe" is a comparison, not where the army is (rule 44).
    (("Montenegro's army has about 2,000 soldiers, one of the smallest in Europe.",),
     [("about 2,000 soldiers", "MNE", "MNE", "present")]),
    # Gazetteer: Brazil's border state and town with Venezuela (data/aliases.tsv).
    (("Brazil said the reinforcements would stay in Pacaraima with some 300 soldiers already "
      "there.",),
     [("some 300 soldiers", "BRA", "BRA", "present")]),
    # A defence force's size in a relative clause; "joint" before the unit.
    (("Botswana's defence force, which has about 9,000 members, will send a team.",),
     [("about 9,000 members", "BWA", "BWA", "present")]),
    (("Kenya and Uganda deployed a 3,000-strong joint force to Somalia.",),
     [("3,000-strong joint force", None, "SOM", "deploy")]),
])
def test_sixth_pass_counts_actors_places(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


def test_soldiers_among_a_casualty_count_are_not_a_count() -> None:
    # "killed ..., including N soldiers": part of the casualties (rule 33).
    assert _facts("Attacks in the north killed 1,200 people last year, including about 300 "
                  "soldiers, officials said.") == []


@pytest.mark.parametrize(("sentences", "expected"), [
    # Troops already there are the current level, whatever is sent to join them (rule 48).
    (("Italy will send 200 more troops to Lebanon, adding to the 1,000 soldiers already "
      "deployed there.",),
     [("200 more troops", "ITA", "LBN", "deploy"), ("1,000 soldiers", "ITA", "LBN", "present")]),
    (("Britain will send 400 troops to Estonia, joining some 900 British soldiers who are "
      "already there.",),
     [("400 troops", "GBR", "EST", "deploy"), ("some 900 British soldiers", "GBR", "EST",
                                                "present")]),
    # "officers and soldiers" / "officers and men" is one head (rule 31); with police it is
    # a mixed count (rule 34).
    (("Nepal keeps about 870 officers and soldiers in Lebanon with the U.N. force.",),
     [("about 870 officers and soldiers", "NPL", "LBN", "present")]),
    (("About 500 police officers and soldiers patrolled the streets of Dili.",), []),
])
def test_existing_levels_and_officers(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # "<service> members" is a head count (rule 31), not a compound like "forces commander".
    (("About 500 Irish Defence Forces members serve in Lebanon.",),
     [("About 500 Irish Defence Forces members", "IRL", "LBN", "present")]),
    # "compared with fewer than N" is the earlier level (rule 50), not an elided repeat of
    # another count with the same value.
    (("NATO's new brigade will number 4,000 soldiers.",
      "NATO now has about 9,000 troops in the region, compared with fewer than 4,000 before "
      "2022.",),
     [("4,000 soldiers", "NATO", None, "other"), ("about 9,000 troops", "NATO", None,
                                                    "present"),
      ("fewer than 4,000", "NATO", None, "present")]),
    # "the three Baltic states": several countries, no location (rule 44).
    (("Britain said it had 3,000 troops in Estonia.",
      "It will keep about 2,000 soldiers across the three Baltic states next year.",),
     [("3,000 troops", "GBR", "EST", "present"), ("about 2,000 soldiers", "GBR", None,
                                                  "present")]),
    # A time phrase is not a place; "south of" / "outside" a city is.
    (("Washington has about 2,500 troops in the region, up from 1,500 before the invasion of "
      "Kuwait, the ministry said.",),
     [("about 2,500 troops", "USA", None, "present"), ("1,500", "USA", None, "present")]),
    (("France keeps about 350 soldiers at a camp east of Dakar.",),
     [("about 350 soldiers", "FRA", "SEN", "present")]),
    # "turned to X for help": a party, not where the troops go.
    (("BAMAKO (Reuters) - Mali's junta turned to Russia for help after some 2,400 French "
      "troops withdrew.",),
     [("some 2,400 French troops", "FRA", "MLI", "withdraw")]),
    # "the region" after a named place points back to it.
    (("India will move 800 soldiers to Ladakh and deploy drones to the region next week.",),
     [("800 soldiers", "IND", "IND", "deploy")]),
    # A host that opens the clause: "X hosts ..., with N ..., while ... in Y".
    (("Japan hosts the Seventh Fleet, with about 20,000 American sailors, while some 28,500 "
      "U.S. troops are stationed in South Korea.",),
     [("about 20,000 American sailors", "USA", "JPN", "present"),
      ("some 28,500 U.S. troops", "USA", "KOR", "present")]),
    # An army size in "which <someone> puts / estimates at N" is the home army (rule 44).
    (("Tehran warned Washington.",
      "Iranian officials said the country's armed forces, which analysts estimate at about "
      "600,000 troops, were ready.",),
     [("about 600,000 troops", "IRN", "IRN", "present")]),
])
def test_seventh_pass_counts_and_places(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # Foreign troops at drills hosted by the dateline's state are at the host's exercise.
    (("CANBERRA (Reuters) - About 2,000 Australian soldiers and some 1,200 Indonesian "
      "troops are taking part in the Keris Woomera exercise.",),
     [("About 2,000 Australian soldiers", "AUS", "AUS", "other"),
      ("some 1,200 Indonesian troops", "IDN", "AUS", "other")]),
    # Several places named in the sentence before: the next unplaced counts stay null.
    (("About 9,000 NATO troops began drills in Poland, Lithuania and Latvia on Monday.",
      "Germany has sent about 2,000 soldiers, while France has deployed some 800 "
      "paratroopers.",),
     [("About 9,000 NATO troops", "NATO", None, "other"), ("about 2,000 soldiers", "DEU", None,
                                                     "deploy"),
      ("some 800 paratroopers", "FRA", None, "deploy")]),
    # "troops from N countries began NATO's ... exercise": NATO (rule 41).
    (("More than 15,000 soldiers from 20 nations began NATO's Swift Response exercise on "
      "Monday.",),
     [("More than 15,000 soldiers", "NATO", None, "other")]),
    # A named alliance of states, and a relative clause about it (rule 41).
    (("Chad, Niger and Nigeria agreed to expand the Multinational Joint Task Force (MNJTF), "
      "which will number 12,000 troops.",),
     [("12,000 troops", "COALITION", None, "other")]),
    # "The multinational brigade" in a story about a NATO brigade is NATO's.
    (("Germany leads NATO's battle group in Lithuania.",
      "The multinational brigade will number 4,800 soldiers by 2027, Berlin said.",),
     [("4,800 soldiers", "NATO", "LTU", "other")]),
    # "personnel" of a named force are troops even with no other military word.
    (("Russia's Africa Corps, which replaced the Wagner group in Burkina Faso, has about 300 "
      "personnel there, diplomats said.",),
     [("about 300 personnel", "RUS", "BFA", "present")]),
    # "The army said ..." after a sentence about one state's army; "Those soldiers".
    (("Kenya's army chief met Haitian officials in Port-au-Prince on Monday.",
      "The army said 1,500 soldiers would stay in Haiti until next year.",),
     [("1,500 soldiers", "KEN", "HTI", "present")]),
    (("Nigeria sent troops to Mali in 2013 alongside France.",
      "Those troops, numbering about 2,000, left Mali in 2022.",),
     [("about 2,000", "NGA", "MLI", "withdraw")]),
])
def test_seventh_pass_actors_and_exercises(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # "trained by X, the United States or Y" is a list of states, not an apposition naming
    # a place after the count: the home army stays at home.
    (("Kenya's army has about 24,000 soldiers, many of them trained by Britain, the United "
      "States or France.",),
     [("about 24,000 soldiers", "KEN", "KEN", "present")]),
    # "in the country": the one state the previous sentence names.
    (("Islamist insurgents still hold large parts of northern Mozambique.",
      "SAMIM has about 2,000 troops in the country.",),
     [("about 2,000 troops", "COALITION", "MOZ", "present")]),
    # The total a deployment brings "there" is where it went, not a later place.
    (("India has sent about 500 more soldiers to the Maldives, bringing the total there to "
      "roughly 1,200, citing the threat of smugglers from neighbouring Sri Lanka.",),
     [("about 500 more soldiers", "IND", "MDV", "deploy"),
      ("roughly 1,200", "IND", "MDV", "present")]),
    # "military instructors" are military personnel (rule 31).
    (("China has sent about 60 military instructors to Cambodia.",),
     [("about 60 military instructors", "CHN", "KHM", "deploy")]),
])
def test_seventh_pass_blind_article_fixes(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


# Eighth pass: general rules behind the blind articles' errors ("a-q01".."a-q05"); each
# sentence here is new and fails on the code from before the pass.
@pytest.mark.parametrize(("sentences", "expected"), [
    # A named force that is the subject, with "has N ... from 48 countries": the force counted
    # whole (rule 41), not "several states".
    (("UNIFIL, which was set up in 1978, has about 10,000 troops from 48 countries in "
      "southern Lebanon.",),
     [("about 10,000 troops", "UN", "LBN", "present")]),
    # "where N troops are based" is a standing presence (rule 48); "the emirate's army" is
    # the state the sentence is set in, not the other state in the aside (rule 40).
    (("In Kuwait, where some 13,000 American troops are based, the emirate's army has sent "
      "1,000 soldiers to its northern border.",),
     [("some 13,000 American troops", "USA", "KWT", "present"),
      ("1,000 soldiers", "KWT", "KWT", "deploy")]),
    # A home army's size in a ", which has N ...," aside: at home, not the place after the
    # aside (rule 44).
    (("Kenya's army, which has about 24,000 soldiers, is also training recruits in "
      "Somalia.",),
     [("about 24,000 soldiers", "KEN", "KEN", "present")]),
    # "ordered N soldiers to remain": staying in theatre (rule 48).
    (("President Biden ordered some 900 soldiers to remain in Syria through the summer.",),
     [("some 900 soldiers", "USA", "SYR", "present")]),
    # "relocate N troops from X to Y": redeployed to a named new area (rule 46).
    (("Washington will relocate about 1,500 troops from Germany to Italy.",),
     [("about 1,500 troops", "USA", "ITA", "deploy")]),
    # "the Marine presence ... from N to M": both levels (rule 48).
    (("The United States has about 50,000 troops in Japan.",
      "Washington will cut the Marine presence on Okinawa from about 18,000 to 10,000."),
     [("about 50,000 troops", "USA", "JPN", "present"),
      ("about 18,000", "USA", "JPN", "present"), ("10,000", "USA", "JPN", "present")]),
    # "N already based there": an elided troop noun (rule 32) that is the current level.
    (("Britain sent 250 more soldiers to Estonia.",
      "The troops will reinforce some 900 already based there."),
     [("250 more soldiers", "GBR", "EST", "deploy"), ("some 900", "GBR", "EST", "present")]),
    # "cut its contingent from N" right after a troop count: the earlier level (rule 48).
    (("Italy keeps about 1,100 soldiers in Lebanon.",
      "Rome cut its contingent from about 1,500 in 2019."),
     [("about 1,100 soldiers", "ITA", "LBN", "present"),
      ("about 1,500", "ITA", "LBN", "present")]),
    # "on the island": the one island (alias note) named in the sentences before (rule 43).
    (("U.S. Marines based on Okinawa will train with units on Guam this year.",
      "About 1,500 Marines will stay on the island."),
     [("About 1,500 Marines", "USA", "JPN", "present")]),
])
def test_eighth_pass_places_actors_levels(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


# Ninth pass: general rules behind the blind articles' errors ("a-p01".."a-p08"); each
# sentence here is new and fails on the code from before the pass.
@pytest.mark.parametrize(("sentences", "expected"), [
    # A number between the soldiers and the police starts a count of its own: the soldiers
    # are not a mixed count (rule 34).
    (("Britain is sending about 300 soldiers and 40 police officers to Cyprus.",),
     [("about 300 soldiers", "GBR", "CYP", "deploy")]),
    # Several places of one state are that state (rule 44 nulls only several countries).
    (("Russia keeps about 1,500 soldiers in Kaliningrad and Chechnya.",),
     [("about 1,500 soldiers", "RUS", "RUS", "present")]),
    # A previous sentence listing several states (only the first a known place) names no
    # single place: the count keeps the previous fact's (rule 43).
    (("Nigeria has sent about 200 soldiers to Benin.",
      "The mission will include troops from Ghana, Togo, Senegal and Niger.",
      "Togo said it would contribute about 150 troops."),
     [("about 200 soldiers", "NGA", "BEN", "deploy"), ("about 150 troops", "TGO", "BEN",
                                                        "deploy")]),
    # Asides: a possessive apposition, and a ", which ...," aside before "sent" (rule 40).
    (("France, Chad's former colonial ruler, has about 1,000 soldiers in Djibouti.",),
     [("about 1,000 soldiers", "FRA", "DJI", "present")]),
    (("Kinshasa, which has accused Rwanda of backing the rebels, sent about 3,000 soldiers "
      "to Goma.",),
     [("about 3,000 soldiers", "COD", "COD", "deploy")]),
    # The subject before a long aside owns the count, however far it is (not the previous
    # fact's state); its army's size is at home (rule 44).
    (("Norway sent 300 more troops to Lithuania.",
      "Estonia, which regained its independence in 1991 and shares a 294-km border with "
      "Russia, has a standing army of about 7,000 soldiers."),
     [("300 more troops", "NOR", "LTU", "deploy"), ("about 7,000 soldiers", "EST", "EST",
                                                     "present")]),
    # A readiness check in another clause with its own count is not this count's (rule 49).
    (("Chinese warships were sighted near Taiwan on Tuesday.",
      "Taiwan deployed about 10,000 troops to coastal positions and called up 3,000 "
      "reservists for a readiness check."),
     [("about 10,000 troops", "TWN", "TWN", "deploy"), ("3,000 reservists", "TWN", "TWN",
                                                        "other")]),
    # An army's size in an aside ("a force with N soldiers,") is its present size, not the
    # drills the main clause holds (rule 48), and at home (rule 44).
    (("The Pakistani army, a force with about 560,000 active-duty soldiers, has over the "
      "past three decades staged large drills near the Indian border every winter.",),
     [("about 560,000 active-duty soldiers", "PAK", "PAK", "present")]),
    (("The Bundeswehr, a shrinking army with about 180,000 soldiers, held drills with "
      "Lithuania.",),
     [("about 180,000 soldiers", "DEU", "DEU", "present")]),
    # "station N more" adds troops (rule 46).
    (("Britain will station 200 more soldiers in Estonia.",),
     [("200 more soldiers", "GBR", "EST", "deploy")]),
    # "once the war in Ukraine ends" dates the move; it is not where the troops go.
    (("Russia plans a new army corps in Kaliningrad.",
      "Moscow could station up to 10,000 more troops there once the war in Ukraine ends."),
     [("up to 10,000 more troops", "RUS", "RUS", "deploy")]),
    # "in the country": the previous sentence's subject when it places nothing; a state in
    # a later clause ("and Sweden is expected to ...") is not "the country" (rule 43).
    (("Latvia, which borders Russia and Belarus, has a small army.",
      "Canada has about 2,000 troops in the country, and Sweden is expected to contribute "
      "a company of 150 soldiers to the brigade."),
     [("about 2,000 troops", "CAN", "LVA", "present"), ("150 soldiers", "SWE", "LVA",
                                                        "deploy")]),
])
def test_ninth_pass_places_actors_actions(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # "told reporters in Lisbon" is where it was said, not a troop place (rule 43).
    (("Portugal will send about 150 troops to Mozambique.",
      "The first soldiers will leave on Friday, the minister told reporters in Lisbon.",
      "Angola will send a contingent of 90 soldiers."),
     [("about 150 troops", "PRT", "MOZ", "deploy"), ("90 soldiers", "AGO", "MOZ", "deploy")]),
    # "bringing the total stationed ... to N": the new level, however long the phrase (48).
    (("Italy sent 200 more troops to Lebanon, bringing the total stationed with the UN force "
      "in the south to some 1,200.",),
     [("200 more troops", "ITA", "LBN", "deploy"), ("some 1,200", "ITA", "LBN", "present")]),
    # ", down from N" after a long aside: the same force's earlier level (rules 48, 50).
    (("The U.S. Army keeps about 300 soldiers at a radar site in Kyrgyzstan's mountainous "
      "north, a key post for watching missile launches, down from some 2,000 in the early "
      "2000s.",),
     [("about 300 soldiers", "USA", "KGZ", "present"), ("some 2,000", "USA", "KGZ",
                                                        "present")]),
    # "N soldiers and Ghana about 200": a second state's count, noun elided (rule 32).
    (("ECOWAS troops began arriving in Gambia on Monday.",
      "Senegal will send a battalion of 600 soldiers and Ghana about 200, officials said."),
     [("600 soldiers", "SEN", "GMB", "deploy"), ("about 200", "GHA", "GMB", "deploy")]),
    # Foreign troops at drills "on the island": the island named before (rule 43), not home.
    (("Japan plans a new missile unit on Ishigaki.",
      "About 300 U.S. Marines will take part in drills on the island next month."),
     [("About 300 U.S. Marines", "USA", "JPN", "other")]),
    # "The regional force, set up by ECOWAS ..., is expected to number N": the bloc's
    # force counted whole (rule 41).
    (("Senegal has sent 600 soldiers to Gambia.",
      "The regional force, set up by ECOWAS in 2017, is expected to number about 1,000 "
      "troops."),
     [("600 soldiers", "SEN", "GMB", "deploy"), ("about 1,000 troops", "COALITION", "GMB",
                                                  "other")]),
])
def test_ninth_pass_context_and_elided(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


def test_joint_is_not_join() -> None:
    """"joint units" after a count is no "join" cue (the after-cue wanted a word end)."""
    _, f = _one("Lithuania, with about 1,000 German soldiers in joint units, is a front-line "
                "state.")
    assert f.action == "present"


# Tenth pass: each sentence is new and fails on the code from before the pass (3f2aa8c).
@pytest.mark.parametrize(("sentences", "expected"), [
    # "towards its border with Peru": their own side of it (rule 44), like "along".
    (("Chile has moved about 3,000 soldiers towards its border with Peru, officials said.",),
     [("about 3,000 soldiers", "CHL", "CHL", "deploy")]),
    # The place a distance is measured from is not where the troops are (rule 43); the
    # previous sentence places them.
    (("Israel sent troops into southern Lebanon last year.",
      "About 2,000 Israeli soldiers are still stationed on five hilltops, within 5 km "
      "(3 miles) of the Israeli town of Metula."),
     [("About 2,000 Israeli soldiers", "ISR", "LBN", "present")]),
    # On alert along or at a border is on alert at a place (rule 48), not standby at home.
    (("Romania said it had placed 500 soldiers on alert along its border with Moldova.",),
     [("500 soldiers", "ROU", "ROU", "present")]),
    (("Hungary put 400 troops on high alert at the southern frontier.",),
     [("400 troops", "HUN", "HUN", "present")]),
    # "the East China Sea island of Ishigaki": the sea qualifies the island named after it.
    (("Japan will send 300 soldiers to the East China Sea island of Ishigaki.",),
     [("300 soldiers", "JPN", "JPN", "deploy")]),
    # A bare "in the region" after one sub-national region named just before is that region.
    (("Russia moved an air defence unit to Kaliningrad last month.",
      "Western officials say Moscow has about 12,000 troops in the region."),
     [("about 12,000 troops", "RUS", "RUS", "present")]),
    # The bloc as the force's owner (rule 41).
    (("SADC said it would send 1,200 troops to Lesotho.",),
     [("1,200 troops", "COALITION", "LSO", "deploy")]),
    (("The Southern African Development Community began withdrawing its 2,000-strong force "
      "from Mozambique on Monday.",),
     [("2,000-strong force", "COALITION", "MOZ", "withdraw")]),
    # "troops from neighbouring Uganda" are Uganda's, whoever "says" so before them (rule 40).
    (("The group, which the United Nations says is backed by about 3,000 troops from "
      "neighbouring Uganda, holds the town of Bunia.",),
     [("about 3,000 troops", "UGA", None, "present")]),
])
def test_tenth_pass_places_actors_actions(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


def test_bare_region_needs_one_named_region() -> None:
    """A bare "in the region" with no sub-national region named before stays null (rule 44:
    in a story about Kuwait it is the Gulf, several countries)."""
    got = _got("The U.S. has sent 4,000 troops to Kuwait.",
               "The Pentagon now has about 40,000 troops in the region.")
    assert got[1] == ("about 40,000 troops", "USA", None, "present")


# Eleventh pass: each sentence is new and fails on the code from before the pass (872e715).
@pytest.mark.parametrize(("sentences", "expected"), [
    # Real places any story may name (data): Greek islands, the Central African capital.
    (("Greece has moved about 800 soldiers to Chios and Samos.",),
     [("about 800 soldiers", "GRC", "GRC", "deploy")]),
    (("Rwanda said 300 more soldiers had landed in Bangui.",),
     [("300 more soldiers", "RWA", "CAF", "deploy")]),
    # Where troops flew in from or are drawn from is no place of theirs (rule 43): the
    # exercise's place before it stands, and "flew in" moves them there (rule 46).
    (("The exercise opened at a base in Jordan on Monday.",
      "Some 2,000 U.S. troops flew in from bases in Kuwait and Qatar."),
     [("Some 2,000 U.S. troops", "USA", "JOR", "deploy")]),
    # Withdrawn troops leave a place; their own state as the destination is home.
    (("About 2,500 British soldiers will return to Britain from Estonia next month.",),
     [("About 2,500 British soldiers", "GBR", "EST", "withdraw")]),
    # "down from a peak of N": the earlier level of the same force, in the same place.
    (("About 35,000 U.S. troops are in Germany, down from a peak of 250,000.",),
     [("About 35,000 U.S. troops", "USA", "DEU", "present"),
      ("250,000", "USA", "DEU", "present")]),
    # "and a further N were due on/in X": a parallel count with a verb before its place.
    (("Britain moved 600 marines to Norway, and a further 300 were due in Finland.",),
     [("600 marines", "GBR", "NOR", "deploy"), ("300", "GBR", "FIN", "deploy")]),
    # A training area is a place, not training (rule 49 is about drills).
    (("About 900 U.S. soldiers will be based at the Drawsko Pomorskie training area in "
      "Poland.",),
     [("About 900 U.S. soldiers", "USA", "POL", "present")]),
    # A purpose ("to patrol ...") does not undo the motion verb before the count.
    (("Russia had flown in most of its contingent, about 800 paratroopers, to patrol the "
      "airport in Armenia.",),
     [("about 800 paratroopers", "RUS", "ARM", "deploy")]),
    # Present-tense "contributes" is the current share (rule 48); "will contribute" adds.
    (("Ghana contributes about 870 soldiers to the U.N. force in Lebanon.",),
     [("about 870 soldiers", "GHA", "LBN", "present")]),
    # "air force personnel": the service before the noun.
    (("Spain will send around 120 air force personnel to Lithuania.",),
     [("around 120 air force personnel", "ESP", "LTU", "deploy")]),
    # The state that runs a base is not where it is.
    (("Italy will send 200 military personnel to a U.S.-run air base in Kuwait.",),
     [("200 military personnel", "ITA", "KWT", "deploy")]),
    # "The mission's troop component of N" after a named force: the force counted whole.
    (("UNMISS was set up in 2011.",
      "The mission's troop component of about 13,000 peacekeepers comes mainly from India, "
      "Rwanda and Nepal."),
     [("about 13,000 peacekeepers", "UN", None, "present")]),
])
def test_eleventh_pass_places_actors_actions(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _got(*sentences) == expected


def test_eleventh_pass_guards() -> None:
    """What the eleventh pass's rules must leave alone: a future contribution still adds
    troops, a withdrawal "from" a list still names where they leave, and signatories of a
    letter are no troop count."""
    assert _got("Ghana will contribute about 870 soldiers to the U.N. force in Lebanon.") == [
        ("about 870 soldiers", "GHA", "LBN", "deploy")]
    assert _got("France will withdraw 900 troops from Mali and Niger.") == [
        ("900 troops", "FRA", None, "withdraw")]
    assert _got("A group of 500 navy reservists signed a letter opposing the plan.") == []


def test_twelfth_pass_elided_and_planned_counts() -> None:
    """Counts the twelfth pass reads (rules 32, 31/46, 51): an elided count opening the
    sentence right after troops were counted ("N of them" one sentence further), a size
    after "forces taking part number", a planned size after "wants to double it to", and a
    ship's crew sent with it."""
    assert _got("Spain will deploy 800 soldiers to Latvia next month.",
                "Around 300 will go to the Adazi base near Riga.") == [
        ("800 soldiers", "ESP", "LVA", "deploy"), ("Around 300", "ESP", "LVA", "deploy")]
    assert _got("Kenya is sending 1,200 soldiers to Somalia this week.",
                "The soldiers will first fly to Mogadishu, officials said.",
                "About 400 of them will be stationed in Kismayo.")[1] == (
        "About 400", "KEN", "SOM", "present")
    assert _got("Pakistani troops taking part number around 1,800, the army said.") == [
        ("around 1,800", "PAK", None, "present")]
    assert _got("The Ghana Armed Forces have about 15,000 personnel, and the government "
                "wants to double it to 30,000 by 2035.")[1][0] == "30,000"
    assert _got("The Ghana Armed Forces have about 15,000 personnel, and the government "
                "wants to double it to 30,000 by 2035.")[1][3] == "other"
    assert _got("Italy is sending the amphibious ship San Giorgio, with some 400 sailors "
                "on board, to Libya.") == [
        ("some 400 sailors", "ITA", "LBY", "deploy")]


def test_twelfth_pass_exercise_arrivals() -> None:
    """Troops who arrive on an island or deploy across a region for an exercise are sent
    to it (rule 49: deploy)."""
    assert _got("About 500 French soldiers arrived on the Greek island of Crete on Monday "
                "for joint drills.") == [("About 500 French soldiers", "FRA", "GRC", "deploy")]


def test_twelfth_pass_guards() -> None:
    """What the twelfth pass's rules must leave alone: a bare count opening a sentence with
    no count before it, or after a sentence about something else; money or votes after a
    troop count; a ship at anchor with its crew; a size that is only compared."""
    assert _got("The ministry said prices would rise.", "Some 300 will go to the coast.") == []
    assert _got("Spain will deploy 800 soldiers to Latvia next month.",
                "The budget was approved by parliament on Monday.",
                "The opposition criticised the cost of the mission.",
                "Around 300 will go to the new school, the mayor said.") == [
        ("800 soldiers", "ESP", "LVA", "deploy")]
    assert _got("Spain will deploy 800 soldiers to Latvia next month.",
                "Turnout was low. 2,000 voted against the plan.") == [
        ("800 soldiers", "ESP", "LVA", "deploy")]
    assert _got("The destroyer, with about 280 sailors on board, is docked in Souda Bay in "
                "Crete.")[0][3] == "present"
    assert _got("Chile has about 2,000 personnel in the force and plans to keep it at "
                "that size.") == [("about 2,000 personnel", "CHL", None, "present")]


def test_thirteenth_pass_actions() -> None:
    """Actions the thirteenth pass reads (rules 46, 48, 49): troops that fly out or are
    deploying to an exercise are sent to it; "were also sent"; allies "joined by"; a count
    "along with" what a state sent; a training unit is a place; a "where" clause with its own
    subject says nothing of the count."""
    assert _got("The next rotation, some 900 Dutch marines from the 1st Marine Corps "
                "battalion, will fly out in March for a six-week exercise in Norway.")[0][3] \
        == "deploy"
    assert _got("Roughly 2,000 Australian soldiers are deploying across Queensland this "
                "month for Exercise Southern Jackaroo.") == [
        ("Roughly 2,000 Australian soldiers", "AUS", "AUS", "deploy")]
    assert _got("Some 40 Spanish soldiers were also sent to Valencia last week to help clear "
                "mud after the floods.")[0][3] == "deploy"
    assert _got("Germany sent 1,000 troops to Estonia.",
                "They will be joined by about 300 Lithuanian soldiers.")[1] == (
        "about 300 Lithuanian soldiers", "LTU", "EST", "deploy")
    assert _got("Italy sent a field hospital and two aircraft, along with about 90 soldiers "
                "from its engineering corps, to Turkey.") == [
        ("about 90 soldiers", "ITA", "TUR", "deploy")]
    assert _got("France keeps a frigate and 70 navy personnel at the port of Abu Dhabi, from "
                "where the squadron has flown 200 sorties.")[0][3] == "present"
    assert _got("Kenya hosts a permanent staff of about 150 soldiers at its training unit "
                "near Nairobi.")[0][3] == "present"


def test_thirteenth_pass_origins_and_forces() -> None:
    """Places the troops come from are not where they go (rule 43); a named force counted
    with troops "from several countries" is that force (rule 41); a navy opening a long
    sentence owns the count at its end (rule 40); a police unit of N men is not counted."""
    assert _got("Germany sent 1,000 troops to Estonia.",
                "They will be joined by about 150 Dutch troops and 80 Danish personnel from "
                "Greenland, along with a ship.")[1][2] == "EST"
    assert _got("Italy deployed roughly 70 troops from its garrison in Djibouti on "
                "Monday.", "The soldiers will help rebuild bridges in Somalia.")[0][2] != "DJI"
    assert _got("UNIFIL was reinforced by about 800 troops from several European countries "
                "after the clashes.")[0][1] == "UN"
    assert _got("UNIFIL was set up in 1978.",
                "It now numbers about 10,000 soldiers from 40 countries.")[0][1] == "UN"
    assert _got("About 130 Italian airmen have arrived at the Lielvarde air base in Latvia.",
                "The U.S. Navy also keeps a rotating squadron of P-8 Poseidon patrol aircraft "
                "at the base outside Riga, with about 200 sailors.")[1][1] == "USA"
    assert _got("Fiji has a small army; its police tactical wing of about 200 men guards "
                "the airport.") == []


def test_thirteenth_pass_guards() -> None:
    """What the thirteenth pass's rules must leave alone: troops withdrawn from a place
    keep it; a state after "from" is still the owner; "fly out of" is a departure; home
    troops drilling stay other; a named force with a state's troops stays the state's."""
    assert _got("Britain will withdraw 500 troops from Estonia next year.") == [
        ("500 troops", "GBR", "EST", "withdraw")]
    assert _got("UNIFIL was reinforced by 300 troops from Italy.")[0][1] == "ITA"
    assert _got("About 130 Italian airmen have arrived at the Lielvarde air base in Latvia.",
                "Britain, which sent jets last year, keeps a rotating squadron of P-8 Poseidon "
                "patrol aircraft at the base outside Riga, with about 200 sailors.")[1][1] == "GBR"
    assert _got("About 400 Polish soldiers will fly out of Iraq next week.")[0][3] == \
        "withdraw"
    assert _got("Japan will field about 1,500 of its own soldiers for the exercise.")[0][3] \
        == "other"
    assert _got("The Dutch government sent 200 troops to Lithuania, where the battlegroup "
                "is based.")[0][3] == "deploy"


def test_fourteenth_pass_counts() -> None:
    """Counts the fourteenth pass reads (rules 31-32, 48, 51): a unit's head count after
    "a battalion of" with its noun elided; the level "leaving N" after a reduction; the next
    contributor of a ranking ("followed by Spain with about 600"); a planned "raise that
    number to N"; Guard members and "federalized" Guard troops."""
    assert _got("France also contributes troops to the battlegroup, and Norway has said it "
                "will deploy a contingent of about 300 next spring.")[-1][:2] == (
        "about 300", "NOR")
    assert _got("Austria will cut its contingent in Kosovo by about 50 soldiers, leaving "
                "about 280, the ministry said.") == [
        ("about 50 soldiers", "AUT", "XKX", "withdraw"), ("about 280", "AUT", "XKX",
                                                          "present")]
    got = _got("Nepal is the largest contributor to the mission, with some 1,800 troops, "
               "followed by Ghana with about 870.")
    assert [g[0] for g in got] == ["some 1,800 troops", "about 870"]
    assert got[1][1] == "GHA"
    got = _got("The navy has about 4,000 sailors in Djibouti and plans to raise that number "
               "to 6,000 by 2028.")
    assert got[-1][0] == "6,000" and got[-1][3] == "other"
    assert _got("The governor ordered about 1,500 Guard members to the capital on "
                "Friday.")[0][0] == "about 1,500 Guard members"
    assert _got("In 2020, some 5,000 federalized Guard troops were sent to Washington."
                )[0][0] == "some 5,000 federalized Guard troops"


def test_fourteenth_pass_actions() -> None:
    """Actions the fourteenth pass reads (rules 31, 46, 49): "leave for" a place is a
    departure to it; the participants of a past operation ("took part") are other; a
    standby order as far after the count as the cue words; a "where" clause about a count
    of other people says nothing of the troops."""
    assert _got("Portugal said a first group of about 60 troops would leave for Bangui in "
                "May.")[0][3] == "deploy"
    assert _got("During the 2003 invasion of Iraq, some 45,000 British troops took part."
                )[0][3] == "other"
    assert _got("Hegseth said some 500 soldiers of the 101st Airborne Division had been placed "
                "on prepare-to-deploy orders.")[0][3] == "other"
    assert _got("Niger's army, estimated at about 33,000 troops, also guards the border with "
                "Mali, where more than 200,000 refugees have arrived.")[0][3] == "present"


def test_fourteenth_pass_places_and_owners() -> None:
    """Places and owners the fourteenth pass reads (rules 40-44): waters off a coast and the
    (southern) Caribbean are in no country; a count that "left the country" after the
    sentence named one other state is there; troops sent to "the border with" a state are
    on their own side; a state opening its sentence as the subject owns a far count; a
    U.N. force described as the subject owns troops "from N countries"."""
    assert _got("Two Dutch frigates with about 400 sailors are patrolling waters off "
                "Venezuela.")[0][2] is None
    assert _got("Two Dutch frigates carrying about 400 sailors are heading to the southern "
                "Caribbean, near Venezuela.")[0][2] is None
    assert _got("Mali ended its pact with Paris in 2022, and the last of some 2,400 French "
                "troops left the country in August.")[0][2] == "MLI"
    assert _got("Ecuador's president said he had ordered 3,000 troops to the border with "
                "Colombia.")[0][2] == "ECU"
    assert _got("The U.S. sent 2,000 troops to Poland.",
                "Moscow has announced plans for a new division in the Leningrad region, near "
                "the Estonian border, that is meant to number up to 20,000 troops.")[1][1] \
        == "RUS"
    assert _got("The U.N. peacekeeping mission in South Sudan, UNMISS, has about 13,000 "
                "troops from 40 countries.")[0][1] == "UN"


def test_fourteenth_pass_guards() -> None:
    """What the fourteenth pass's rules must leave alone: a police guard's members; a
    business "company of 300"; "leave for home"; "take part" in a planned operation;
    a subject state with a far count of another's troops named in the count."""
    assert _got("About 300 Civil Guard members were sent to the border.") == []
    assert _got("The army said it had hired a company of 300 to build the barracks, "
                "officials said.") == []
    assert _got("About 500 Dutch soldiers will leave for home next week.")[0][3] != "deploy"
    assert _got("Britain said on Monday that after a long review of its Gulf deployments it "
                "would host about 1,000 U.S. troops at its bases in Cyprus.")[0][1] == "USA"


# --- fifteenth pass: the development sources' styles (docs/accuracy-troops.md) -------------


def test_fifteenth_pass_levels() -> None:
    """Both ends of a cut stated after the level phrase, with a hedge between "from" and the
    number ("cut from about 10,500 to 5,000 over ...") and after "the Dutch force" in a
    sentence about the military (rule 48)."""
    got = _got("The number of French soldiers stationed in Germany will be reduced from "
               "roughly 3,200 to 1,000 over three years, Paris said.")
    assert [g[0] for g in got] == ["roughly 3,200", "1,000"]
    assert {g[3] for g in got} == {"present"}
    got = _got("Ministers said 1,500 soldiers would leave next year, shrinking the Dutch "
               "force in Uruzgan from 2,000 to about 500.")
    assert [g[0] for g in got] == ["1,500 soldiers", "2,000", "about 500"]


def test_fifteenth_pass_counts() -> None:
    """Paired service-status words before the noun ("full-time and part-time", "regular and
    reserve"); "men from the ... Regiment/Battalion" are soldiers (rule 31)."""
    assert _got("The regiment's two battalions have some 1,400 regular and reserve soldiers "
                "in Wales.")[0][0] == "some 1,400 regular and reserve soldiers"
    got = _got("The ministry confirmed that 400 men from the Royal Anglian Regiment would "
               "fly to Kosovo.")
    assert got and got[0][0] == "400 men" and got[0][3] == "deploy"
    assert not _got("About 400 men from the village signed the petition.")


def test_fifteenth_pass_return_and_regiment() -> None:
    """"N soldiers would return in 2013" is a withdrawal (rule 47); a regiment name with
    another state's demonym is its army's (rule 40: "Royal Irish Regiment" is British)."""
    assert _got("The minister said 1,200 Canadian soldiers would return by March.")[0][3] \
        == "withdraw"
    assert _got("The Royal Irish Regiment has about 600 soldiers in Cyprus.")[0][1] == "GBR"


def test_sixteenth_pass_unit_size_and_court() -> None:
    """A unit's size with a copula ("the garrison is about 2,500 men") is a head count (rule
    31); a court or casualty verb after a unit phrase ("from the Catterick garrison were
    jailed") still excludes the count (rule 33)."""
    got = _got("The British contingent was only 800 men when it reached Basra.")
    assert got and got[0][0] == "800 men" and got[0][3] == "present"
    assert not _got("Two soldiers from the Catterick garrison were jailed in March after a "
                    "fight that left a man in hospital.")
    assert _got("Some 600 soldiers from the Catterick garrison were sent to Estonia in "
                "March.")[0][0] == "Some 600 soldiers"


def test_sixteenth_pass_sail_for() -> None:
    """"will sail for <place>" is a deployment (rule 46, a departure with a destination);
    "will sail" with no destination stays as before."""
    assert _got("The Danish frigate and its 250 sailors will sail for Cyprus next week.")[0][3] \
        == "deploy"


def test_sixteenth_pass_rest_and_first_actor() -> None:
    """"with the remaining 1,100 to follow": the rest of a count just stated, noun elided
    (rule 32); a document's first count with no state of its own takes the state whose
    troops the previous sentence named, not the host the document names most (rule 52)."""
    got = _got("About 2,000 Italian soldiers will leave Lebanon in May, with the remaining "
               "1,100 to follow in the autumn.")
    assert [g[0] for g in got] == ["About 2,000 Italian soldiers", "1,100"]
    assert got[1][1:] == ("ITA", "LBN", "withdraw")
    assert not _got("The club sold 2,000 tickets on Friday, with the remaining 500 following "
                    "on Monday.")
    got = _got("The last Italian troops will leave Lebanon next year, the ministry said.",
               "About 1,100 soldiers are still based in Lebanon, near Tyre, and Lebanon's "
               "government wants them to stay in Lebanon.")
    assert got == [("About 1,100 soldiers", "ITA", "LBN", "present")]



def test_seventeenth_pass_places_and_out_of() -> None:
    """A region after "its" is the troops' own state's, whatever the aside names (rule 43);
    "the Baltic country" is one state named before, "the Baltic states" several (43-44);
    "the capital" with no place named is the dateline state's, for foreign troops (43);
    "ordered N troops out of <place>" is a removal (rule 47), "out of X to Y" is not."""
    assert _got("Cameroon has moved about 7,000 soldiers to its Far North region, which "
                "borders Nigeria.") == [("about 7,000 soldiers", "CMR", "CMR", "deploy")]
    assert _got("Poland sent 3,000 troops to its eastern Podlasie province, near Belarus.") \
        == [("3,000 troops", "POL", "POL", "deploy")]
    assert _got("Britain leads a battlegroup in Estonia.",
                "Some 900 British soldiers are already in the Baltic country.") == [
        ("Some 900 British soldiers", "GBR", "EST", "present")]
    assert _got("Britain leads a battlegroup in Estonia.",
                "Some 900 British soldiers are already in the Baltic states.") == [
        ("Some 900 British soldiers", "GBR", None, "present")]
    got = _got("NEW DELHI (Reuters) - About 300 French soldiers are based at a camp on the "
               "outskirts of the capital, as part of a force that operates across the "
               "Middle East.")
    assert got == [("About 300 French soldiers", "FRA", "IND", "present")]
    got = _got("In 2020, then-President Donald Trump ordered 11,900 troops out of Germany, "
               "accusing Berlin of not spending enough.")
    assert got == [("11,900 troops", "USA", "DEU", "withdraw")]
    assert _got("The Pentagon flew 300 U.S. troops out of Fort Bragg to Poland.") == [
        ("300 U.S. troops", "USA", "POL", "deploy")]


@pytest.mark.parametrize(("sentences", "expected"), [
    # a territory with its own ISO code is where the troops are (rule 43), not its sovereign
    (("Britain will send 200 more soldiers to the Falklands.",),
     [("200 more soldiers", "GBR", "FLK", "deploy")]),
    # "the U.S. territory" points back to the one territory named (Guam), not to the U.S.
    (("Marines began arriving on Guam in December.",
      "Washington plans to move about 5,000 Marines from Japan to the U.S. territory."),
     [("about 5,000 Marines", "USA", "GUM", "deploy")]),
])
def test_territories_take_their_own_codes(
        sentences: tuple[str, ...], expected: list[tuple[str, str | None, str | None, str]]
) -> None:
    got = [(q, f.actor, f.location, f.action) for q, f in _facts(*sentences)]
    assert got == expected


def test_repeated_figure_screen_agrees_with_a_plain_search_when_many_counts_are_seen() -> None:
    """With hundreds of counts seen, a digit sentence is screened by looking its figure runs
    up in the set of forms (the plain search per form made long documents quadratic); it
    must answer as the plain search does, including forms inside longer figures."""
    import random

    from newsfacts.troops.scan import _figure_forms, _repeats_a_form

    forms: set[str] = set()
    for count in (*range(1000, 1400, 7), 1_200_000, 2_500, 35_000):
        forms.update(_figure_forms(count))
    assert len(forms) > 32
    rng = random.Random(7)
    pieces = ["The budget was", "1,007", "1007", "10070", "1.2", "million", "2001,", "12",
              "1,,007", "35,000.", "2.5", "thousand", "...", "0.5", "1,200,000"]
    parts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(400)]
    for part in parts:
        assert _repeats_a_form(part, forms) == any(f in part for f in forms), part


def test_a_distinctive_noun_keeps_the_state_that_qualified_it_last() -> None:
    """"U.S. Marines ... 200 Marines": the last earlier "<state> Marines" names the actor,
    also after many sentences naming other states (looked up once per document)."""
    filler = ["France, Germany, Italy, Spain and Japan held talks."] * 40
    got = _got("British Marines trained in Norway.", "U.S. Marines arrived in Darwin.",
               *filler, "The ship carried 200 Marines.")
    assert [(q, actor) for q, actor, _loc, _act in got] == [("200 Marines", "USA")]


# --- fix pass on open misses (tenth session): elided counts after a verb, serial lists ------


@pytest.mark.parametrize(
    ("sentences", "quote", "count", "actor", "location", "action"),
    [
        # a serial list of three or four nationalities before one troop noun (rule 42)
        (("Some 4,000 French, German, Italian and Spanish soldiers will join the mission "
          "in Mali.",), "Some 4,000 French, German, Italian and Spanish soldiers", 4000, None,
         "MLI", "deploy"),
        # "N of them" after a verb that moves troops, referring back (rule 32)
        (("France has 1,200 soldiers in Chad.", "Paris will withdraw about 400 of them this "
          "year."), "about 400", 400, "FRA", "TCD", "withdraw"),
        # "N of their own": another state's part, where the force just counted is (rule 43)
        (("About 800 British soldiers train in Norway each winter.", "Dutch soldiers, who "
          "train alongside them, will contribute some 120 of their own, the Dutch ministry "
          "said in Amsterdam."), "some 120", 120, "NLD", "NOR", "deploy"),
        # ", leaving N in the country": the level left after a withdrawal (rule 48)
        (("Canada will withdraw 300 soldiers from its training mission in Latvia next "
          "spring, leaving about 150 there.",), "about 150", 150, "CAN", "LVA", "present"),
        # the new level of a force just counted (rules 32, 48)
        (("Sudan had as many as 15,000 troops in Yemen.", "The contingent was cut to about "
          "5,000 in 2020."), "about 5,000", 5000, "SDN", "YEM", "present"),
        # a troop noun opening the sentence, an aside, then "currently number N"
        (("The British soldiers, who arrived in Estonia in May, currently number around 400, "
          "the ministry said.",), "around 400", 400, "GBR", "EST", "present"),
        # "<troop noun> in <place>, which numbers N"
        (("Kenya will send 100 more soldiers to reinforce its contingent in Somalia, which "
          "numbers some 3,000.",), "some 3,000", 3000, "KEN", "SOM", "present"),
    ],
)
def test_fix_pass_elided_and_listed_counts(sentences: tuple[str, ...], quote: str, count: int,
                                           actor: str | None, location: str | None,
                                           action: str) -> None:
    got = {q: f for q, f in _facts(*sentences)}
    assert quote in got, list(got)
    f = got[quote]
    assert (f.count, f.actor, f.location, f.action) == (count, actor, location, action)


def test_fix_pass_named_force_entering_with_troops() -> None:
    """"ECOMIG entered ... with some 7,000 troops to force X to accept his election defeat":
    "troops" right after a sentence about soldiers is no political metaphor; the named
    force that moves in with them owns them (rule 41) and they deploy (rule 46)."""
    got = _facts("Senegal will bring home some 500 soldiers serving with the regional mission.",
                 "ECOMIG entered the country in January 2017 with some 7,000 troops to force "
                 "the ruler to accept his election defeat.")
    assert [(q, f.actor, f.action) for q, f in got][-1] == (
        "some 7,000 troops", "COALITION", "deploy")


def test_fix_pass_possible_future_level_is_other() -> None:
    """"signed orders that could raise the number to nearly 2,000": a possible future size
    (rule 51), in no country when the count before it went to a region (rule 44)."""
    got = _facts("Obama said up to 1,500 U.S. military personnel would be deployed to East "
                 "Africa.", "Hagel signed orders that could raise the number to nearly 2,000, "
                 "an official said.")
    assert [(q, f.location, f.action) for q, f in got] == [
        ("up to 1,500 U.S. military personnel", None, "deploy"), ("nearly 2,000", None, "other")]


def test_fix_pass_speaker_place_is_not_the_location() -> None:
    """"..., the spokeswoman said in Prague": where a statement is made is not where the
    troops are (rule 43); the context (Slovakia) decides."""
    got = _facts("The battlegroup has about 1,500 troops in central Slovakia.",
                 "The Czech soldiers will bring the Czech contingent to about 800, the "
                 "spokeswoman said in Prague.")
    assert [(q, f.location) for q, f in got] == [("about 1,500 troops", "SVK"),
                                                 ("about 800", "SVK")]


@pytest.mark.parametrize(
    "sentences",
    [
        ("Italy has 900 troops in Lebanon.", "Rebels killed 30 of them last week."),
        ("Italy has 900 troops in Lebanon.", "About 30 of them were wounded."),
        ("The party has 220 members in parliament and will send 50 of them to the "
         "conference.",),
        ("Police sent 200 of their own officers to the stadium.",),
        ("Italy has 900 troops in Lebanon.", "The number of refugees could rise to 5,000."),
        ("Italy has 900 troops in Lebanon.", "The death toll could rise to 50, officials said."),
        ("Italy has 900 troops in Lebanon.", "The vote count was raised to 5,000."),
        ("The army's budget was cut to 5,000 in 2020, officials said.",),
        ("Their arrival brings the number of foreign troops and police in the mission to about "
         "1,000.",),
        ("The storm killed 12 soldiers at the base on Tuesday, leaving 40 in hospital.",),
        ("The soldiers' families, who live near the base, number about 3,000.",),
        ("The town, which numbers some 3,400 people, hosts a base.",),
        ("He said 1,000 Reuters, U.S. troops said.",),
        ("About 500 Americans, French and British diplomats left the country.",),
        ("The speaker spent the morning on the phone.", "He rallied his 220 troops in the "
         "House before the vote."),
    ],
)
def test_fix_pass_negatives(sentences: tuple[str, ...]) -> None:
    got = [q for q, _ in _facts(*sentences)]
    assert all(q in ("900 troops",) for q in got), got
