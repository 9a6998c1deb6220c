"""Troop counts: how many soldiers of which state are sent, pulled out or stationed where.

The annotation guidelines (rules 31-52) define a troop count as a head count of a state's
(or a multinational force's) military personnel that a sentence says are deployed,
withdrawn, stationed or present, added or cut. This module finds them on top of the shared
number grammar (``numbers.find_numbers``) with a small, data-driven phrase grammar:

    [hedge] NUMBER [of] [modifiers ...] TROOP-NOUN        "some 28,500 additional troops"
    NUMBER-strong [unit]  /  NUMBER-man [...] force       "a 5,000-strong force"
    a force / army of NUMBER men|members                  "a Libyan force of some 3,000 men"
    the NUMBER  (elided noun, referring back)             "The 1,200 are calling themselves"

and then filters what the guidelines exclude (casualties, police, non-state fighters,
prisoners, years, units without a head count) and fills in actor, location and action from
the sentence, its neighbours, the headline and the document.

Everything here is a pure function of the ``DocContext``; all patterns are compiled once,
use bounded repetition, and run only on sentences that pass a cheap pre-filter, so the cost
stays linear in the text length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from newsfacts.model import CountryMention, DocContext, TroopFact
from newsfacts.numbers import Number, find_numbers

# --- lexicons ------------------------------------------------------------------------------
# Kept as data so that a reviewer can see (and extend) the vocabulary without reading logic.

# Plural head nouns that name military personnel (rule "What is a troop count").
TROOP_NOUNS: tuple[str, ...] = (
    "troops", "soldiers", "marines", "sailors", "airmen", "servicemen", "servicewomen",
    "service members", "service personnel", "servicemembers", "military personnel",
    "personnel", "peacekeepers", "paratroopers", "paratroops", "commandos", "reservists",
    "guardsmen", "infantrymen", "infantry", "gurkhas", "legionnaires", "conscripts",
    "recruits", "crew", "crewmen", "crew members", "naval personnel", "special forces",
    "forces", "military advisers", "military advisors", "military trainers", "army",
    "rangers", "gis", "g.i.s", "navy seals", "seals", "sappers", "gunners", "cadets",
    "draftees", "regulars", "ground forces", "combat troops",
)
# Nouns that are personnel only when the sentence is clearly military ("a force of 3,000
# men", "(50-60 men)" of an army) - "men" and "members" are far too common otherwise.
GATED_NOUNS: tuple[str, ...] = ("men", "members", "strong")
# Units that follow "N-strong" / "N-man" ("a 5,000-strong force", "a 100,000-man army").
UNIT_NOUNS: tuple[str, ...] = (
    "force", "forces", "army", "armies", "contingent", "unit", "units", "brigade", "battalion",
    "regiment", "division", "garrison", "corps", "task force", "detachment", "deployment",
    "mission", "team", "column", "legion", "militia", "guard", "battle group", "battlegroup",
    "expeditionary force", "regular army", "standing army", "navy", "air force",
)
# Words allowed between a number and its troop noun ("1,000 regular Russian troops",
# "28,500 additional troops", "150,000 ground troops"). Capitalised words (demonyms,
# acronyms such as MARSOC, "U.S.") are allowed on top of these.
MODIFIERS: frozenset[str] = frozenset({
    "additional", "extra", "more", "new", "fresh", "other", "regular", "crack", "ground",
    "combat", "military", "active-duty", "active", "duty", "elite", "foreign", "allied",
    "armed", "heavily", "lightly", "well-armed", "special", "government", "federal",
    "national", "army", "navy", "naval", "air", "reserve", "coalition", "peacekeeping",
    "international", "front-line", "frontline", "paratroop", "infantry", "airborne",
    "support", "the", "his", "her", "their", "its", "our", "your", "these", "those", "of",
    "american", "u.s.", "uniformed", "trained", "battle-hardened", "seasoned", "backup",
    "marine", "navy's", "army's", "troops'", "loyal", "mechanized", "mechanised",
    "armoured", "armored", "expeditionary", "nato", "un", "u.n.", "multinational",
    "peace-keeping", "western", "arab", "african", "european", "gulf", "full-time",
    "part-time", "professional", "volunteer", "career", "state", "territorial", "royal",
    "security", "defence", "defense", "allied", "partner", "local", "remaining", "serving",
    "fellow", "young", "female", "male", "combat-ready", "well-trained", "highly", "trained",
    "standby", "rapid", "reaction", "quick", "deployable", "ready", "strong",
})
# Modifiers that make the count a non-state or non-military group (rule 34).
NON_STATE: frozenset[str] = frozenset({
    "rebel", "rebels", "guerrilla", "guerrillas", "guerilla", "militia", "militias",
    "militiamen", "militant", "militants", "insurgent", "insurgents", "separatist",
    "separatists", "taliban", "hezbollah", "hizbollah", "houthi", "houthis", "opposition",
    "mutinous", "mutineers", "mutineer", "private", "mercenary", "mercenaries", "jihadist",
    "jihadi", "islamist", "isis", "isil", "al-qaeda", "qaeda", "pro-russian", "terrorist",
    "police", "paramilitary", "irregular", "irregulars", "tribal", "vigilante", "contra",
    "contras", "unita", "plo", "anti-government", "anti-gadhafi", "resistance",
    "insurgency", "enemy", "peshmerga", "kla", "fsa", "partisan", "partisans",
    "deserters", "deserting", "former", "ex-", "retired", "veteran", "veterans", "wounded",
    "dead", "injured", "killed", "captured", "missing", "fallen", "sick",
})
# Casualty, captivity and punishment words: a count next to them is not a troop count
# (rules 33, 36). Checked just before the number and just after the noun phrase.
_CASUALTY_BEFORE = (
    r"kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|captur(?:ed|ing|es?)|"
    r"los(?:t|ing|es?)|death(?:s)? of|bodies of|remains of|deaths among|slaughter(?:ed)?|"
    r"massacr(?:ed|ing|e of)|execut(?:ed|ing)|arrest(?:ed|ing)?|detain(?:ed|ing)?|"
    r"sentenc(?:ed|ing)|free(?:d|ing)?|releas(?:ed|ing|e)|exchange(?:d)?|abduct(?:ed|ing)|"
    r"kidnapp?(?:ed|ing)|hold(?:ing)? hostage|taken prisoner|infect(?:ed|ing)|"
    r"mourn(?:ed|ing)?|honou?r(?:ed|ing)? the|bur(?:y|ied|ying)|ambush(?:ed)?|toll of|"
    r"down(?:ed|ing)?|shot|claimed the lives of|lives of|at least \d[\d,]* dead"
)
_CASUALTY_AFTER = (
    r"(?:(?:were|was|have been|had been|are|being|been|reportedly|reported|were reported|"
    r"are feared|feared|believed|who were|who had been|who have been|who died|"
    r"who|that|had|have|all|in all|were all|were also|also)\s+){0,3}"
    r"(?:killed|dead|died|die|wounded|injured|hurt|captured|missing|lost|slain|"
    r"taken prisoner|taken hostage|held|imprisoned|executed|massacred|arrested|"
    r"sentenced|jailed|detained|court-martialled|court-martialed|infected|"
    r"deserted|defected|surrendered|perished|drowned|murdered|buried|"
    r"casualties|fatalities|killed in action|kia|mia|pows?|prisoners|hostages)\b"
)
# A count of soldiers *and* police or militias together is not counted (rule 34).
_MIXED_AFTER = (
    r"\s*(?:,|and|or|&)\s+(?:\w+\s+){0,2}(?:police(?:men)?|militia(?:men|s)?|gendarmes?|"
    r"civilians|rebels|volunteers|policemen|fighters|officers)\b"
)
# Non-country places a sentence can name as where troops are ("from Europe and Asia"):
# when one is named the location is null rather than borrowed from context (rule 44).
REGIONS: tuple[str, ...] = (
    "Europe", "Western Europe", "Eastern Europe", "Asia", "Africa", "Middle East",
    "the Gulf", "the Persian Gulf", "Balkans", "Latin America", "South America",
    "the Pacific", "Central Asia", "Southeast Asia", "East Asia", "the region",
    "the Caribbean", "Scandinavia", "overseas", "abroad", "around the world",
    "the world", "conflict zones", "war zones", "the Horn of Africa", "the Sahel",
)
# Named armed forces whose owner the gazetteer cannot see (rule 41: multinational forces
# keep their bloc code). Historical forces map to the state that fielded them.
FORCE_NAMES: dict[str, str] = {
    "Wehrmacht": "DEU", "Waffen-SS": "DEU", "Bundeswehr": "DEU", "Red Army": "SUN",
    "Peninsula Shield": "GCC", "IDF": "ISR", "Israel Defense Forces": "ISR", "PLA": "CHN",
    "People's Liberation Army": "CHN", "Royal Navy": "GBR", "Royal Marines": "GBR",
    "British Army": "GBR", "RAF": "GBR", "Royal Air Force": "GBR", "Gurkhas": "GBR",
    "Gurkha": "GBR", "Marine Corps": "USA", "U.S. Army": "USA", "National Guard": "USA",
    "Pentagon": "USA", "Foreign Legion": "FRA", "ISAF": "NATO", "KFOR": "NATO",
    "SFOR": "NATO", "IFOR": "NATO", "UNIFIL": "UN", "UNPROFOR": "UN", "MONUSCO": "UN",
    "AMISOM": "AU", "Blue Helmets": "UN", "blue helmets": "UN",
    "Saudi-led coalition": "COALITION", "U.S.-led coalition": "COALITION",
    "US-led coalition": "COALITION", "American-led coalition": "COALITION",
    "multinational force": "COALITION", "allied forces": "COALITION",
}
# Heads of state and government (and defence ministers) whose troops are their state's
# (rule 40). Surnames that are unambiguous in international news.
LEADERS: dict[str, str] = {
    "Bush": "USA", "Obama": "USA", "Trump": "USA", "Biden": "USA", "Clinton": "USA",
    "Reagan": "USA", "Carter": "USA", "Rumsfeld": "USA", "Hagel": "USA", "Panetta": "USA",
    "Gates": "USA", "Mattis": "USA", "Esper": "USA", "Austin": "USA", "Cheney": "USA",
    "Putin": "RUS", "Yeltsin": "RUS", "Medvedev": "RUS", "Shoigu": "RUS", "Gorbachev": "SUN",
    "Brezhnev": "SUN", "Cameron": "GBR", "Blair": "GBR", "Thatcher": "GBR", "Heseltine": "GBR",
    "Hesseltine": "GBR", "Hoon": "GBR", "Sunak": "GBR", "Starmer": "GBR", "Macron": "FRA",
    "Hollande": "FRA", "Sarkozy": "FRA", "Chirac": "FRA", "Mitterrand": "FRA",
    "Merkel": "DEU", "Scholz": "DEU", "Schroeder": "DEU", "Kohl": "DEU", "Erdogan": "TUR",
    "Netanyahu": "ISR", "Sharon": "ISR", "Assad": "SYR", "Saddam": "IRQ", "Gadhafi": "LBY",
    "Gaddafi": "LBY", "Qaddafi": "LBY", "Khamenei": "IRN", "Rouhani": "IRN",
    "Ahmadinejad": "IRN", "Zelensky": "UKR", "Zelenskyy": "UKR", "Modi": "IND",
    "Xi Jinping": "CHN", "Trudeau": "CAN", "Harper": "CAN", "Howard": "AUS", "Rudd": "AUS",
    "Albanese": "AUS", "Berlusconi": "ITA", "Meloni": "ITA", "Zapatero": "ESP",
    "Sarney": "BRA", "Lula": "BRA", "Bolsonaro": "BRA", "Musharraf": "PAK",
    "Karzai": "AFG", "Ghani": "AFG", "Mubarak": "EGY", "Sisi": "EGY", "Kagame": "RWA",
    "Museveni": "UGA", "Habre": "TCD", "Deby": "TCD", "Marcos": "PHL", "Aquino": "PHL",
    "Duterte": "PHL", "Kim Jong": "PRK", "Kim Jong-un": "PRK", "Kim Jong-il": "PRK",
    "Abe": "JPN", "Kishida": "JPN", "Hadi": "YEM", "Saleh": "YEM", "Maliki": "IRQ",
    "Abadi": "IRQ",
}

# Action cues (rules 45-49). Each entry: pattern -> action. BEFORE cues are looked for in
# the words leading up to the count ("plans to withdraw 70,000 troops"), AFTER cues in the
# words following it ("850 British troops have started preparations to redeploy").
_BEFORE_CUES: tuple[tuple[str, str], ...] = (
    (r"home to|stationed|station(?:s|ing)?|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|"
     r"leav(?:e|es|ing)(?! for)|left(?! for)|there (?:are|were|is|was|will be)|"
     r"(?:is|are|was|were) (?:now )?(?:some|about|around|over|roughly)?|"
     r"number(?:s|ed|ing)?|totals?|totall?ing|strength of|comprising|consisting of|"
     r"has|have|had|with|garrison(?:ed)?|levels? (?:of|to|at)|down (?:from|to)|"
     r"compared with|routing|rout(?:ed)?|attack(?:ed|ing)?|engag(?:ed|ing)|expand|"
     r"existing|remain(?:s|ing)?|currently|still", "present"),
    (r"send(?:s|ing)?|sent|deploy(?:s|ed|ing|ment of)?|dispatch(?:es|ed|ing)?|despatch(?:ed)?|"
     r"order(?:s|ed|ing)?|mobili[sz](?:e|es|ed|ing)|amass(?:es|ed|ing)?|land(?:s|ed|ing)|"
     r"airlift(?:s|ed|ing)?|fl(?:y|ew|own|ying)|rush(?:es|ed|ing)?|mov(?:e|es|ed|ing)|"
     r"add(?:s|ed|ing)?|surge|boost(?:s|ed|ing)?|reinforc(?:e|es|ed|ing)|"
     r"the use of|commit(?:s|ted|ting)?|contribut(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
     r"offer(?:s|ed|ing)?|assistance of|bring(?:s|ing)?|brought|incursion|invasion|"
     r"redeploy(?:s|ed|ing)?|lead(?:s|ing)?|led|increase(?:d)? by|additional|extra|"
     r"arrival of|take part|involv(?:e|es|ed|ing)|matched up with|with an army of|"
     r"(?:put|placed|puts) (?:in|into)", "deploy"),
    (r"withdraw(?:s|n|al of|ing|als)?|withdrew|pull(?:s|ed|ing)? out|pull-?out of|"
     r"pull(?:s|ed|ing)? back|bring(?:s|ing)? home|call(?:s|ed|ing)? home|"
     r"evacuat(?:e|es|ed|ing|ion of)|cut(?:s|ting)?(?: by)?|reduc(?:e|es|ed|ing|tion)(?: of| by)?|"
     r"draw(?:s|ing)? down|drawdown of|repatriat(?:e|es|ed|ing|ion of)|remov(?:e|es|ed|ing|al of)|"
     r"demobili[sz](?:e|ed|ing|ation of)|disband(?:s|ed|ing)?|return(?:s|ed|ing)? home|"
     r"abandon(?:s|ed|ing)?|decreas(?:e|ed|ing)(?: by)?", "withdraw"),
    (r"shift(?:s|ed|ing)?|realign(?:s|ed|ing|ment of)?|relocat(?:e|es|ed|ing)|train(?:s|ed|ing)?|"
     r"exercis(?:e|es|ing)|drills?|create|creating|form(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
     r"recruit(?:s|ed|ing)?|need(?:s|ed)?|requir(?:e|es|ed|ing)|swap|put on standby|"
     r"build(?:s|ing)? up|establish(?:es|ed|ing)?", "other"),
)
_AFTER_CUES: tuple[tuple[str, str], ...] = (
    (r"(?:will|would|to|could|must) be (?:brought |sent )?home|(?:come|comes|coming|came|"
     r"go|going|went|return(?:s|ed|ing)?|be|are|were|sent|brought|flown) (?:back )?home|"
     r"withdr(?:aw|ew|awn|awing)|pull(?:s|ed|ing)? out|pulled back|leav(?:e|es|ing) "
     r"(?!for)|left (?!for)|depart(?:s|ed|ing)?|evacuat(?:e|ed|ing)|abandon(?:s|ed|ing)?|"
     r"(?:being|be|were|are|was) (?:cut|withdrawn|removed|repatriated|demobili[sz]ed)|"
     r"redeploy(?:s|ed|ing)? (?:home|back)|return(?:s|ed|ing)? (?:to|from)|"
     r"rotat(?:e|ed|ing) (?:home|out)|are due to leave|out of", "withdraw"),
    (r"(?:fl(?:y|ew|own)|march(?:ed|ing)?|mov(?:e|ed|ing)|pour(?:ed|ing)?|roll(?:ed)?|"
     r"swept|sweep|cross(?:ed|ing)?|head(?:ed|ing)?|rush(?:ed)?|push(?:ed)?|advanc(?:e|ed|ing)|"
     r"went|go|going|sail(?:ed|ing)?) (?:in)?to|into|arriv(?:e|ed|es|ing)|land(?:ed|ing)? "
     r"(?:in|at|on)|(?:have|has|had|were|was|are|is|be|been|being) (?:being )?(?:sent|deployed|"
     r"dispatched|ordered|flown|airlifted|rushed|moved|redeployed|posted|mobili[sz]ed)|"
     r"(?:will|would|to|could) (?:be )?(?:deploy|sent|join|go|head|travel|arrive|reach)|"
     r"reach(?:ed|es|ing)?|take part in|join(?:ed|ing|s)?|redeploy|penetrat(?:e|ed|ing)|"
     r"violat(?:e|ed|ing) the (?:frontier|border)|invad(?:e|ed|ing)|occup(?:y|ied|ying)|"
     r"enter(?:ed|ing|s)?|begin arriving|began arriving|crossed|deployed", "deploy"),
    (r"training|passed through|exercis(?:e|es|ing)|drills?|swap|calling themselves|"
     r"will sail|staged an assault|realign|on standby at home|fought side by side", "other"),
    (r"station(?:ed)?|based|garrison(?:ed)?|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|"
     r"serv(?:e|es|ed|ing)|fight(?:s|ing)?|fought|engaged|patrol(?:s|led|ling)?|on foot patrol|"
     r"on alert|on standby|guard(?:s|ed|ing)?|massed|now in|in theatre|in theater|"
     r"are in|were in|is in|was in|are inside|were inside|attended|deployed (?:in|on|at|along)|"
     r"currently|still|there|on the ground|were attacked|came under", "present"),
)

# --- compiled patterns ---------------------------------------------------------------------


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Pre-filter: a sentence without any of these words cannot hold a troop count.
_HINT_RE = re.compile(
    rf"\b(?:{_alt(TROOP_NOUNS)}|{_alt(GATED_NOUNS)}|{_alt(UNIT_NOUNS)}|units|levels?|"
    r"wehrmacht|waffen-ss|strong|-man|gurkha)",
    re.IGNORECASE,
)
_NOUN_RE = re.compile(rf"(?:{_alt(TROOP_NOUNS)})\b", re.IGNORECASE)
_UNIT_RE = re.compile(rf"(?:{_alt(UNIT_NOUNS)})\b", re.IGNORECASE)
# One token after a number: a word (with inner dots/hyphens/apostrophes) or a quote mark.
_TOKEN_RE = re.compile(r"\s{0,3}([A-Za-z][A-Za-z.'-]{0,40}|\"|')")
# "-strong" / " strong" glued to a number, with an optional scale ("1.6-mln strong").
_STRONG_RE = re.compile(
    r"(?:-(?P<scale>mln|million|thousand|m)\b)?[- ]strong\b", re.IGNORECASE
)
_MAN_RE = re.compile(r"-(?:man|member|men)\b", re.IGNORECASE)
# "a force / an army of N": the count is the force's strength.
_FORCE_OF_RE = re.compile(
    r"\b(?:force|forces|army|armies|contingent|garrison|corps|brigade|battalion|division|"
    r"regiment|detachment|unit|legion|column|company|navy|militia|group)\s+of\s+$",
    re.IGNORECASE,
)
# Before "N-strong" with no noun after: the unit it describes ("eight battalions of").
_UNIT_BEFORE_RE = re.compile(
    r"(?:\b[\w-]{1,20}\s+){0,1}\b(?:battalions?|brigades?|divisions?|regiments?|units?|"
    r"forces?|armies|army|contingents?|companies|company|columns?)\s+of\s+$",
    re.IGNORECASE,
)
# Sentences about military service: licenses "N Armenians served in the Wehrmacht" and
# "N in German army units".
_SERVICE_RE = re.compile(
    r"\b(?:serv(?:e|ed|ing)|enlist(?:ed)?|conscripted|drafted|fought|soldiers|troops|"
    r"army|wehrmacht|waffen-ss|armed forces|military units)\b",
    re.IGNORECASE,
)
_MILITARY_RE = re.compile(
    r"\b(?:army|armies|armed forces|military|troops|soldiers|force|forces|battalions?|"
    r"brigades?|regiments?|divisions?|wehrmacht|navy|marines|defen[cs]e ministry|"
    r"commander|general)\b",
    re.IGNORECASE,
)
_TROOP_LEVEL_RE = re.compile(
    r"\b(?:troop|force|troops'?|forces'?)\s+(?:levels?|numbers?|strength|presence|ceiling|cap)\b"
    r"|\b(?:number of (?:troops|soldiers|forces))\b",
    re.IGNORECASE,
)
_IN_UNITS_RE = re.compile(
    r"\s+in\s+(?:(?:the|various|predominantly|mostly|mainly|other|its|their|[A-Z][\w-]*)\s+){0,3}"
    r"(?:(?:army|military|working|labou?r|combat|support|construction)\s+)?"
    r"(?P<unit>units|Waffen-SS|Wehrmacht|army|navy|air force|battalions|formations)\b",
)
_CASUALTY_BEFORE_RE = re.compile(
    rf"\b(?:{_CASUALTY_BEFORE})\s+(?:(?:an?|the|some|about|at least|nearly|almost|"
    r"more than|over|around|roughly|up to|as many as|another|all|only)\s+){0,2}$",
    re.IGNORECASE,
)
_CASUALTY_AFTER_RE = re.compile(r"[\s,]{0,3}" + _CASUALTY_AFTER, re.IGNORECASE)
_CASUALTY_NEAR_RE = re.compile(
    r"\b(?:casualt(?:y|ies)|death toll|killed|dead|died|wounded|injured|captured|"
    r"prisoners?|hostages?|missing)\b",
    re.IGNORECASE,
)
_MIXED_RE = re.compile(_MIXED_AFTER, re.IGNORECASE)
_NON_STATE_BEFORE_RE = re.compile(
    rf"\b(?:{_alt(sorted(NON_STATE))})\s+(?:\w+\s+){{0,1}}$", re.IGNORECASE
)
_YEAR_PREP_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|after|before|during|of|to|through|between|and|mid|"
    r"early|late|summer|winter|spring|autumn|fall|the|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
    r"Sept|Oct|Nov|Dec|\d{1,2})\.?,?\s+$",
    re.IGNORECASE,
)
_MONEY_BEFORE_RE = re.compile(r"(?:[$£€¥]|\bUS\$|\bRs\.?)\s?$")
_UNIT_AFTER_RE = re.compile(
    r"\s?(?:%|percent\b|per cent\b|pct\b|years?\b|-year|months?\b|days?\b|hours?\b|"
    r"miles?\b|km\b|kilomet(?:er|re)s?\b|metres?\b|meters?\b|feet\b|dollars?\b|dlrs\b|"
    r"tonnes?\b|tons?\b|a\.m\.|p\.m\.|am\b|pm\b|GMT\b|mm\b|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
# Misspelled scale words seen in informal text ("a hundered thousand troops").
_MISSPELT_RE = re.compile(
    r"\b(?P<head>an?|one|two|three|four|five|six|seven|eight|nine)\s+hundered"
    r"(?:\s+(?P<k>thousand))?\b",
    re.IGNORECASE,
)
_HEAD_VALUES = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EXTRA_HEDGE_RE = re.compile(r"\b(?:well|just|only|slightly|considerably|far)\s+$",
                             re.IGNORECASE)
_THE_RE = re.compile(r"\b(?:[Tt]he|[Tt]hose|[Tt]hese|[Aa]ll)\s+$")
_ELIDED_NEXT_RE = re.compile(
    r"\s*(?:[.,;:)\"']|$|(?:are|were|will|would|have|had|who|that|which|by|in|on|at|after|"
    r"before|within|now|still|currently|and|or|could|should|can|must|is|was|to|from|"
    r"remain|stay|serving|leaving|coming|going|returning|more|next|this|last)\b)",
)
_BEFORE_CUE_RES = tuple(
    (re.compile(rf"\b(?:{pat})\s+(?:(?:\S+\s+){{0,5}})$", re.IGNORECASE), act)
    for pat, act in _BEFORE_CUES
)
_AFTER_CUE_RE = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{pat}))" for i, (pat, _) in enumerate(_AFTER_CUES)),
    re.IGNORECASE,
)
_AFTER_ACTIONS = tuple(act for _, act in _AFTER_CUES)
_BEFORE_CUE_RE = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{pat})\b)" for i, (pat, _) in enumerate(_BEFORE_CUES)),
    re.IGNORECASE,
)
_BEFORE_ACTIONS = tuple(act for _, act in _BEFORE_CUES)
_CLAUSE_BREAK_RE = re.compile(r"[;:]|,\s+(?:said|says|but|while|and|who|which|according)\b|"
                              r"\b(?:but|while|whereas|although|said|says)\b")
_LOC_PREP_RE = re.compile(
    r"\b(?:in|into|to|inside|from|out of|across|at|on|near|throughout|within|towards?|"
    r"invade|invaded|invading|entered|enter|occupy|occupied|around|along|over|leave|left|"
    r"leaving|reach|reached)\s+(?:(?:the|southern|northern|eastern|western|central|"
    r"north|south|east|west|an|a|air|base|bases|in|of)\s+){0,4}$",
    re.IGNORECASE,
)
_BORDER_AFTER_RE = re.compile(r"(?:'s)?\s+(?:border|borders|frontier)\b", re.IGNORECASE)
_HOME_TO_RE = re.compile(r",?\s+(?:which is\s+)?home to\s+$", re.IGNORECASE)
_LED_RE = re.compile(r"-led\b")
_REGION_RE = re.compile(
    rf"\b(?:in|into|to|from|across|throughout|around|out of)\s+(?:the\s+)?(?:{_alt(REGIONS)})\b"
    r"|\b(?:and|or) other (?:countries|nations|conflict zones|places|regions)\b"
)
_FORCE_NAME_RE = re.compile(rf"\b(?:{_alt(list(FORCE_NAMES))})\b")
_LEADER_RE = re.compile(rf"\b(?:{_alt(list(LEADERS))})\b")
_COALITION_RE = re.compile(r"\b(?:coalition|allied)\s+(?:force|forces|troops)\b|"
                           r"\b[\w.-]+-led coalition\b|\bcoalition\b", re.IGNORECASE)
_EXERCISE_RE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war games|"
                          r"combat alert|readiness)\b", re.IGNORECASE)
_THERE_RE = re.compile(r"\b(?:in|into|inside|to|from|out of) (?:the|that|this) country\b|"
                       r"\bthere\b|\bin theatre\b|\bin theater\b|\bhome\b|\bthe war zone\b",
                       re.IGNORECASE)
_SENT_END_RE = re.compile(r"[\s\"')\]]*$")

MAX_COUNT = 50_000_000  # no state has ever fielded more; anything bigger is not a head count


class _Cand(NamedTuple):
    start: int
    end: int
    count: int
    high: int | None
    approx: bool
    kind: str  # noun | strong | man | gated | elided | level | units | demonym
    noun_start: int  # where the part after the number starts (modifiers, noun)
    num_start: int


# --- helpers -------------------------------------------------------------------------------


def _is_year(text: str, n: Number, s_start: int) -> bool:
    """A bare 4-digit 1800-2100 with no hedge and a date-like word before it is a year."""
    raw = text[n.num_start : n.end]
    if n.hedge or n.high is not None:
        return False
    if not (len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100):
        return False
    before = text[max(s_start, n.num_start - 12) : n.num_start]
    return bool(_YEAR_PREP_RE.search(before)) or n.num_start == s_start


def _noun_tail(text: str, pos: int, end: int) -> tuple[int, str, list[str]] | None:
    """Walk the tokens after a number: modifiers then a troop noun.

    Returns (end of noun, noun kind, modifier words) or None. At most six tokens, so the
    walk is constant work per number.
    """
    mods: list[str] = []
    p = pos
    seen_of = False
    for _ in range(7):
        m = _NOUN_RE.match(text, p + len(text[p:end]) - len(text[p:end].lstrip()), end)
        if m and (p == pos or text[p : m.start()].strip() == "" or True) and \
                text[p : m.start()].strip() == "":
            # a noun must not be the first half of a compound ("troops' families" is fine)
            if m.group(0).lower() in ("army", "forces", "crew", "infantry", "rangers",
                                      "seals", "regulars", "gunners") and _compound_next(
                    text, m.end(), end):
                pass
            else:
                return m.end(), m.group(0).lower(), mods
        t = _TOKEN_RE.match(text, p, end)
        if not t:
            return None
        word = t.group(1)
        low = word.lower()
        if low in ("men", "members") and mods is not None:
            return t.end(), low, mods
        if word in ('"', "'"):
            p = t.end()
            continue
        if low == "of":
            if seen_of:
                return None
            seen_of = True
        elif low in NON_STATE:
            mods.append(low)
        elif low in MODIFIERS or (word[0].isupper() and low not in _STOP_CAPS) or (
            "-" in word and low.split("-")[-1] in ("led", "based", "backed", "strong",
                                                   "trained", "armed", "born")):
            mods.append(low)
        else:
            return None
        p = t.end()
    return None


# Capitalised words that are sentence glue, not names ("1,000 The", "200 In").
_STOP_CAPS = frozenset({
    "the", "in", "on", "at", "and", "or", "but", "of", "to", "for", "a", "an", "it", "he",
    "she", "they", "we", "i", "this", "that", "these", "those", "there", "from", "by",
    "with", "as", "is", "are", "was", "were", "will", "would", "said", "says", "mr", "mrs",
    "after", "before", "since", "while", "when", "if", "not", "no", "yes", "more", "less",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    "years", "year", "days", "miles", "people", "civilians",
})


def _compound_next(text: str, pos: int, end: int) -> bool:
    """True when a noun is used as a modifier of a following noun ("army units",
    "forces commander", "crew members" is handled by the lexicon)."""
    m = re.match(r"\s+(units?|officers?|commanders?|chiefs?|bases?|headquarters|vehicles|"
                 r"trucks|helicopters|members|spokesman|spokeswoman|official|officials|"
                 r"camps?|posts?|depots?|positions)\b", text[pos:end], re.IGNORECASE)
    return m is not None


def _value_int(v: float | None) -> int | None:
    if v is None:
        return None
    return int(round(v))


def _clause_bounds(text: str, s_start: int, s_end: int, q_start: int, q_end: int) -> tuple[int, int]:
    """The clause around a quote: from the last clause break before it to the next after."""
    left = s_start
    for m in _CLAUSE_BREAK_RE.finditer(text, max(s_start, q_start - 160), q_start):
        left = m.end()
    right = s_end
    m = _CLAUSE_BREAK_RE.search(text, q_end, min(s_end, q_end + 160))
    if m:
        right = m.start()
    return left, right


# --- candidate finding ---------------------------------------------------------------------


def _numbers(text: str, start: int, end: int) -> list[Number]:
    nums = list(find_numbers(text, start, end))
    # Misspelled scales ("a hundered thousand") that the shared grammar does not know.
    for m in _MISSPELT_RE.finditer(text, start, end):
        value = _HEAD_VALUES[m.group("head").lower()] * 100 * (1000 if m.group("k") else 1)
        nums = [n for n in nums if not (m.start() <= n.num_start < m.end())]
        nums.append(Number(m.start(), m.end(), float(value), None, False, False, True, None,
                           m.start()))
    nums.sort(key=lambda n: n.start)
    return nums


def _candidates(doc: DocContext, s_no: int, seen_values: set[int]) -> list[_Cand]:
    text = doc.text
    sent = doc.sentences[s_no]
    s_start, s_end = sent.start, sent.end
    stext = text[s_start:s_end]
    has_hint = _HINT_RE.search(stext) is not None
    if not has_hint and not seen_values:
        return []
    out: list[_Cand] = []
    military = _MILITARY_RE.search(stext) is not None
    prev_military = s_no > 0 and _MILITARY_RE.search(
        text[doc.sentences[s_no - 1].start : doc.sentences[s_no - 1].end]) is not None
    for n in _numbers(text, s_start, s_end):
        if n.value < 2 or n.value > MAX_COUNT:
            continue
        if n.value != int(n.value) and n.high is None and not n.scaled:
            continue
        if _is_year(text, n, s_start):
            continue
        if _MONEY_BEFORE_RE.search(text, max(s_start, n.num_start - 4), n.num_start):
            continue
        nxt = text[n.end : n.end + 1]
        if nxt and (nxt.isalnum() or nxt in "$£€%"):
            continue
        count = _value_int(n.value)
        high = _value_int(n.high)
        if count is None or count < 2:
            continue
        q_start = n.start
        ex = _EXTRA_HEDGE_RE.search(text, max(s_start, q_start - 16), q_start) if n.hedge else None
        if ex:
            q_start = ex.start()
        # "N-strong [unit]"
        st = _STRONG_RE.match(text, n.end, s_end)
        if st:
            scale = st.group("scale")
            if scale:
                mult = {"mln": 1e6, "million": 1e6, "m": 1e6, "thousand": 1e3}[scale.lower()]
                count = _value_int(n.value * mult) or 0
                high = _value_int(n.high * mult) if n.high else None
            unit = _noun_tail_unit(text, st.end(), s_end)
            if unit is not None:
                out.append(_Cand(q_start, unit, count, high, n.approx, "strong", st.end(),
                                 n.num_start))
            else:
                ub = _UNIT_BEFORE_RE.search(text, max(s_start, q_start - 40), q_start)
                start = ub.start() if ub else q_start
                out.append(_Cand(start, st.end(), count, high, n.approx, "strong", st.end(),
                                 n.num_start))
            continue
        mm = _MAN_RE.match(text, n.end, s_end)
        if mm:
            unit = _noun_tail_unit(text, mm.end(), s_end, loose=True)
            if unit is not None:
                out.append(_Cand(q_start, unit, count, high, n.approx, "man", mm.end(),
                                 n.num_start))
            continue
        if _UNIT_AFTER_RE.match(text, n.end, s_end):
            continue
        tail = _noun_tail(text, n.end, s_end)
        if tail is not None:
            t_end, noun, mods = tail
            if any(w in NON_STATE for w in mods):
                continue
            if noun in ("men", "members"):
                force_of = _FORCE_OF_RE.search(text, max(s_start, q_start - 40), q_start)
                paren = text[max(s_start, q_start - 1) : q_start] == "("
                if noun == "members":
                    if not force_of:
                        continue
                elif not (force_of or (paren and military) or
                          (military and _MILITARY_RE.search(text, s_start, q_start))):
                    continue
                kind = "gated"
            else:
                kind = "noun"
            out.append(_Cand(q_start, t_end, count, high, n.approx, kind, n.end, n.num_start))
            continue
        # "N Armenians served in the Wehrmacht": a plural demonym as the head noun.
        dm = re.match(r"\s+(?:of\s+)?(?:(?:[A-Z][a-z]+)\s+){0,1}([A-Z][a-z]{2,}(?:ans|ians|"
                      r"eans|ese|is|ks|abs|ts|ns))\b", text[n.end : s_end])
        if dm and _SERVICE_RE.search(stext) and (
                re.search(r"\bserv(?:e|ed|ing)\b", stext, re.IGNORECASE)
                or re.search(r"\bsoldiers,?\s+including\s+$", text[s_start:n.start],
                             re.IGNORECASE)):
            out.append(_Cand(q_start, n.end + dm.end(), count, high, n.approx, "demonym",
                             n.end, n.num_start))
            continue
        # "14,000 in German army units, 2,000 in the Waffen-SS": a breakdown by unit.
        iu = _IN_UNITS_RE.match(text, n.end, s_end)
        if iu and (military or prev_military):
            out.append(_Cand(q_start, iu.end(), count, high, n.approx, "units", n.end,
                             n.num_start))
            continue
        # Elided noun: "The 1,200 are ...", "compared with the 9,000 that we have now",
        # "troop levels ... down from 9,000 to 5,200".
        if not _ELIDED_NEXT_RE.match(text, n.end, s_end):
            continue
        level = _TROOP_LEVEL_RE.search(stext) is not None
        if count in seen_values or level:
            the = _THE_RE.search(text, max(s_start, q_start - 7), q_start) if not n.hedge else None
            start = the.start() if the and the.group(0).strip().lower() == "the" else q_start
            out.append(_Cand(start, n.end, count, high, n.approx,
                             "level" if level else "elided", n.end, n.num_start))
    return out


def _noun_tail_unit(text: str, pos: int, end: int, loose: bool = False) -> int | None:
    """End of the unit noun after "N-strong"/"N-man" (a few words allowed between,
    including quoted names when ``loose``), or None."""
    p = pos
    for _ in range(6 if loose else 3):
        m = _UNIT_RE.match(text, p + len(text[p:end]) - len(text[p:end].lstrip()), end)
        if m and text[p : m.start()].strip(" \n\"'") == "":
            return m.end()
        t = _TOKEN_RE.match(text, p, end)
        if not t:
            return None
        w = t.group(1)
        if not (w in ('"', "'") or w.lower() in MODIFIERS or w[0].isupper() or
                (loose and w.isalpha() and w.islower() and w not in ("and", "or", "to", "in",
                                                                      "was", "is", "were"))):
            return None
        p = t.end()
    return None


# --- exclusions ----------------------------------------------------------------------------


def _excluded(text: str, c: _Cand, s_start: int, s_end: int) -> bool:
    before = text[max(s_start, c.start - 50) : c.start]
    if _CASUALTY_BEFORE_RE.search(before):
        return True
    after = text[c.end : min(s_end, c.end + 60)]
    if _CASUALTY_AFTER_RE.match(after):
        return True
    if _MIXED_RE.match(after):
        return True
    if _NON_STATE_BEFORE_RE.search(text, max(s_start, c.num_start - 30), c.num_start):
        # "rebel force of 300 men", "militia of 2,000"
        return True
    # An elided number next to a casualty word anywhere in its clause.
    if c.kind in ("elided", "level") and _CASUALTY_NEAR_RE.search(
            text, max(s_start, c.start - 40), min(s_end, c.end + 40)):
        return True
    return False


# --- attributes ----------------------------------------------------------------------------


def _doc_country(doc: DocContext) -> str | None:
    counts = Counter(m.country for ms in doc.mentions for m in ms)
    for code, _ in counts.most_common():
        if len(code) == 3 and code.isalpha() and code != "COALITION":
            return code
    return None


def _mention_code(m: CountryMention) -> str:
    return m.country


def _actor(doc: DocContext, s_no: int, c: _Cand, prev_actor: str | None,
           action: str) -> str | None:
    text = doc.text
    sent = doc.sentences[s_no]
    mentions = doc.mentions[s_no]
    # 1. Inside the quote: "Some 850 British troops", "10,000-man Peninsula Shield force".
    quote = text[c.start : c.end]
    if _LED_RE.search(quote) or re.search(r"\bcoalition\b", quote, re.IGNORECASE):
        return "COALITION"
    fm = _FORCE_NAME_RE.search(text, c.start, c.end)
    if fm and c.kind in ("man", "strong", "units"):
        return FORCE_NAMES[fm.group(0)]
    inside = [m for m in mentions if c.start <= m.char_start < c.end]
    if c.kind == "demonym":
        army = re.search(r"\b(\w+)\s+(?:army|armed forces|military|Wehrmacht)\b",
                         text[sent.start : sent.end])
        owner = _army_owner(doc, s_no)
        return owner
    if c.kind == "units":
        owner = _army_owner(doc, s_no) or _army_owner(doc, s_no - 1) if s_no > 0 else None
        if owner:
            return owner
    if inside:
        code = _mention_code(inside[0])
        return code
    if fm:
        return FORCE_NAMES[fm.group(0)]
    # 2. Just after: "troops from the Saudi-led coalition", "of the U.N. force".
    after = text[c.end : min(sent.end, c.end + 40)]
    if re.match(r"\s+(?:from|of)\s+(?:the\s+)?[\w.-]+-led coalition", after):
        return "COALITION"
    fa = _FORCE_NAME_RE.search(text, c.end, min(sent.end, c.end + 40))
    if fa and re.match(r"\s+(?:from|of|in|with)\s+", after):
        return FORCE_NAMES[fa.group(0)]
    if action != "withdraw":
        for m in mentions:
            if c.end <= m.char_start <= c.end + 12 and re.match(
                    r"\s+(?:from|of)\s+(?:the\s+)?$", text[c.end : m.char_start]):
                return m.country
    # 3. Before, in the sentence: the nearest mention not introducing a place.
    before = [m for m in mentions if m.char_end <= c.start]
    lead = None
    for lm in _LEADER_RE.finditer(text, sent.start, c.start):
        lead = lm
    for m in reversed(before):
        if lead is not None and lead.start() > m.char_end:
            return LEADERS[lead.group(0)]
        pre = text[max(sent.start, m.char_start - 40) : m.char_start]
        post = text[m.char_end : m.char_end + 12]
        if _LOC_PREP_RE.search(pre) and not re.match(r"'s\b", post):
            continue
        if _BORDER_AFTER_RE.match(post):
            continue
        if re.match(r"-led\b", post):
            return "COALITION"
        return m.country
    if lead is not None:
        return LEADERS[lead.group(0)]
    # Leaders after the count ("were sent by Tony Blair").
    la = _LEADER_RE.search(text, c.end, sent.end)
    if la and re.search(r"\bby\s+(?:\w+\s+){0,2}$", text[c.end : la.start()]):
        return LEADERS[la.group(0)]
    # 4. Context: the previous fact's state (rule 52), else the document's main country.
    if prev_actor is not None:
        return prev_actor
    return _doc_country(doc)


def _army_owner(doc: DocContext, s_no: int) -> str | None:
    """The state of an army named in a sentence ("the German army", "the Wehrmacht")."""
    if s_no < 0:
        return None
    sent = doc.sentences[s_no]
    for m in doc.mentions[s_no]:
        if re.match(r"\s+(?:army|armed forces|military|Wehrmacht|navy)\b",
                    doc.text[m.char_end : m.char_end + 20], re.IGNORECASE):
            return m.country
    fm = _FORCE_NAME_RE.search(doc.text, sent.start, sent.end)
    if fm:
        return FORCE_NAMES[fm.group(0)]
    return None


def _location(doc: DocContext, s_no: int, c: _Cand, actor: str | None, action: str,
              prev_location: str | None) -> str | None:
    text = doc.text
    sent = doc.sentences[s_no]
    mentions = doc.mentions[s_no]
    quote = text[c.start : c.end]
    # "Germany, home to 70,000 U.S. soldiers"
    ht = _HOME_TO_RE.search(text, max(sent.start, c.start - 30), c.start)
    if ht:
        for m in reversed(mentions):
            if m.char_end <= ht.start() + 1:
                return m.country
    # Massed on a border / exercising at home: their own state (rule 44).
    if re.search(r"\bborders?\b|\bfrontier\b", text[c.end : sent.end]) and re.search(
            r"\bmass(?:ed|ing)?\b|\bamass", text[sent.start : sent.end]):
        return actor if actor and len(actor) == 3 else None
    located: list[tuple[int, str]] = []
    for m in mentions:
        if c.start <= m.char_start < c.end:
            continue
        pre = text[max(sent.start, m.char_start - 40) : m.char_start]
        post = text[m.char_end : m.char_end + 14]
        if _BORDER_AFTER_RE.match(post):
            continue
        if re.match(r"-led\b", post):
            continue
        if _LOC_PREP_RE.search(pre) or re.match(r"'s\s+(?:[\w-]+\s+){0,2}(?:region|province|"
                                                 r"city|capital|ports?|border area|territory|"
                                                 r"north|south|east|west|oasis)", post):
            located.append((m.char_start, m.country))
        elif re.match(r"\s+(?:ports?|bases?|soil|territory|border area)\b", post):
            located.append((m.char_start, m.country))
    region = _REGION_RE.search(text, sent.start, sent.end)
    # Prefer a place after the count, then the nearest before it.
    after = [code for pos, code in located if pos >= c.end]
    before = [code for pos, code in located if pos < c.start]
    chosen: str | None = None
    if after:
        chosen = after[0]
        # "to Afghanistan and other conflict zones", "Europe and Asia"
        if region and region.start() >= c.end and region.start() < c.end + 80:
            return None
    elif before:
        chosen = before[-1]
    if chosen is not None:
        if len(set(after or before)) > 1 and action == "present" and False:
            return None
        return chosen if len(chosen) == 3 and chosen != "COALITION" else None
    if region:
        return None
    if _EXERCISE_RE.search(text, sent.start, sent.end) and actor and len(actor) == 3:
        return actor
    # Context: the previous sentences of the paragraph, the headline (rule 43).
    for back in range(s_no - 1, max(-1, s_no - 4), -1):
        prev = doc.sentences[back]
        if prev.paragraph_no != sent.paragraph_no and not (back == 0 and doc.has_title):
            break
        loc = _located_in(doc, back)
        if loc:
            return loc
    if prev_location is not None:
        return prev_location
    if doc.has_title and s_no > 0:
        loc = _located_in(doc, 0)
        if loc:
            return loc
    if actor and _DOMESTIC_RE.search(text, sent.start, sent.end) is None:
        pass
    del quote
    return None


_DOMESTIC_RE = re.compile(r"\bthe government\b|\bthe country's\b", re.IGNORECASE)


def _located_in(doc: DocContext, s_no: int) -> str | None:
    text = doc.text
    sent = doc.sentences[s_no]
    found: list[str] = []
    for m in doc.mentions[s_no]:
        pre = text[max(sent.start, m.char_start - 30) : m.char_start]
        post = text[m.char_end : m.char_end + 14]
        if _BORDER_AFTER_RE.match(post):
            continue
        if (_LOC_PREP_RE.search(pre) or re.match(r"'s\s", post)) and len(m.country) == 3 \
                and m.country != "COALITION":
            found.append(m.country)
    if found and len(set(found)) == 1:
        return found[0]
    return None


def _action(doc: DocContext, s_no: int, c: _Cand) -> str:
    text = doc.text
    sent = doc.sentences[s_no]
    left, right = _clause_bounds(text, sent.start, sent.end, c.start, c.end)
    stext = text[sent.start : sent.end]
    # Exercises and readiness checks are "other" (rule 49), incursions "deploy" (rule 46).
    if re.search(r"\b(?:exercises?|drills?|war games|manoeuvres|maneuvers|combat alert|"
                 r"snap (?:check|inspection))\b", stext, re.IGNORECASE) and not re.search(
                 r"\bsent to\b", stext):
        return "other"
    if re.search(r"\bincursion|invasion\b", text[sent.start : c.start], re.IGNORECASE):
        return "deploy"
    if re.search(r"\bput on standby\b|\bbeen put on standby\b|\bplaced on standby\b", stext,
                 re.IGNORECASE):
        return "other"
    if c.kind == "level":
        return "present"
    # The verb just before the count governs it ("withdraw 70,000 troops").
    before = text[max(left, c.start - 70) : c.start]
    best: tuple[int, str] | None = None
    for m in _BEFORE_CUE_RE.finditer(before):
        for i, act in enumerate(_BEFORE_ACTIONS):
            if m.group(f"c{i}"):
                best = (m.start(), act)
                break
    after_text = text[c.end : min(right, c.end + 90)]
    am = _AFTER_CUE_RE.search(after_text)
    after_act = None
    if am:
        for i, act in enumerate(_AFTER_ACTIONS):
            if am.group(f"c{i}"):
                after_act = act
                break
    if best is not None:
        dist = len(before) - best[0]
        if best[1] in ("present",) and after_act in ("deploy", "withdraw", "other") and dist > 25:
            return after_act
        if best[1] == "present" and after_act in ("withdraw",) and am and am.start() < 40:
            return after_act
        if best[1] == "deploy" and after_act == "withdraw" and am and am.start() < 25:
            return after_act
        return best[1]
    if after_act is not None:
        return after_act
    # "Gen. X's 1,000-strong force", "The Lebanese Army is over 30,000 troops": a size.
    return "present"


# --- public API ----------------------------------------------------------------------------


def extract_troops(doc: DocContext) -> list[TroopFact]:
    """Every troop count in a document, in text order.

    Each fact's ``doc.text[char_start:char_end]`` is its quote (hedge to troop noun, rule
    39); counts are positive integers. Never raises on any input text.
    """
    facts: list[TroopFact] = []
    seen_values: set[int] = set()
    prev_actor: str | None = None
    prev_location: str | None = None
    by_value: dict[int, TroopFact] = {}
    for s_no, sent in enumerate(doc.sentences):
        if sent.end <= sent.start:
            continue
        cands = _candidates(doc, s_no, seen_values)
        taken_end = -1
        for c in cands:
            if c.start < taken_end or c.end <= c.start:
                continue
            if _excluded(doc.text, c, sent.start, sent.end):
                continue
            if c.count <= 0 or c.count > MAX_COUNT:
                continue
            antecedent = by_value.get(c.count) if c.kind == "elided" else None
            action = _action(doc, s_no, c)
            if antecedent is not None and action == "present" and c.kind == "elided":
                action = antecedent.action if not _has_own_cue(doc, s_no, c) else action
            actor = (antecedent.actor if antecedent is not None
                     else _actor(doc, s_no, c, prev_actor, action))
            location = _location(doc, s_no, c, actor, action, prev_location)
            if antecedent is not None and location is None:
                location = antecedent.location
            fact = TroopFact(
                sentence_no=s_no, char_start=c.start, char_end=c.end, count=c.count,
                count_high=c.high if c.high is not None and c.high > c.count else None,
                is_approximate=c.approx, actor=actor, location=location, action=action,
            )
            facts.append(fact)
            taken_end = c.end
            seen_values.add(c.count)
            by_value[c.count] = fact
            prev_actor = actor
            prev_location = location
    return facts


def _has_own_cue(doc: DocContext, s_no: int, c: _Cand) -> bool:
    sent = doc.sentences[s_no]
    return _AFTER_CUE_RE.search(doc.text, c.end, min(sent.end, c.end + 40)) is not None


__all__ = ["FORCE_NAMES", "LEADERS", "MODIFIERS", "NON_STATE", "TROOP_NOUNS", "extract_troops"]
