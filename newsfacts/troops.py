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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from newsfacts.gazetteer import (
    Mention,
    demonym_surfaces,
    find_mentions,
    is_place,
    island_surfaces,
    region_surfaces,
)
from newsfacts.model import CountryMention, DocContext, Sentence, SentenceLocator, TroopFact
from newsfacts.numbers import NUMBER_WORDS, Number, find_numbers
from newsfacts.patterns import emit_atoms, folded_pattern, match_starts, word_alternation

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
    # An army's engineers and labour units (rule 31); "deminers" only in a military sentence.
    "military engineers", "combat engineers", "military construction workers",
    "military builders", "deminers", "military instructors", "army instructors",
    # "a contingent of about 950 officers and soldiers", "500 officers and men": the pair
    # is one head ("officers" alone is too often police).
    "officers and soldiers", "officers and men", "officers and troops", "officers and sailors",
)
# Nouns that are personnel only when the sentence is clearly military ("a force of 3,000
# men", "(50-60 men)" of an army) - "men" and "members" are far too common otherwise.
GATED_NOUNS: tuple[str, ...] = ("men", "members", "strong")
# Units that follow "N-strong" / "N-man" ("a 5,000-strong force", "a 100,000-man army").
UNIT_NOUNS: tuple[str, ...] = (
    "force", "forces", "army", "armies", "contingent", "unit", "units", "brigade", "battalion",
    "regiment", "division", "garrison", "corps", "task force", "detachment",
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
    "security", "defence", "defense", "partner", "local", "remaining", "serving",
    "fellow", "young", "female", "male", "combat-ready", "well-trained", "highly",
    "standby", "rapid", "reaction", "quick", "deployable", "ready", "strong",
    "operations", "special-operations", "commando", "engineering", "logistics", "medical",
    "intelligence", "signals", "artillery", "assault", "amphibious", "rotational", "light",
    "mountain", "own", "permanent", "joint", "combined",
    # "150 air force personnel", "60 task force troops": the service before the noun.
    "force",
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
    "dead", "injured", "killed", "captured", "missing", "fallen", "sick", "wagner", "pmc",
    "contractor", "contractors",
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
    r"down(?:ed|ing)?|shot|claimed the lives of|lives of|at least \d[\d,]* dead|"
    r"corpses of|graves of|funerals? of|names of|names,[\w ,]{0,40} of|identities of|"
    r"prosecution of|trial of|case of|sentence on|convicted|condemned|accused|charged|"
    r"(?:casualties|losses|fatalities|death toll)\s+(?:\w+\s+){0,3}?(?:reached|hit|topped|"
    r"exceeded|surpassed|rose to|climbed to|stood at|totall?ed|numbered|at|of)|"
    r"(?:infected|killed|dead|wounded|injured|casualties|victims|prisoners|detainees|"
    r"hostages|captives|POWs),?\s+(?:\w+\s+){0,1}(?:included|including|among them|of whom)"
)
_CASUALTY_AFTER = (
    r"(?:(?:were|was|have been|had been|are|being|been|reportedly|reported|were reported|"
    r"are feared|feared|believed|who were|who had been|who have been|who died|found|"
    r"to be|said to be|reported to be|believed to be|feared to be|named|listed|"
    r"who|that|had|have|all|in all|were all|were also|also)\s+){0,3}"
    r"(?:killed|dead|died|die|wounded|injured|hurt|captured|missing|lost|slain|"
    r"taken prisoner|taken hostage|imprisoned|executed|massacred|arrested|"
    # "held" in captivity, not "held exercises / talks / the town" (an active verb)
    r"held(?!\s+(?:an?|the|its|their|joint|talks|exercises?|drills?|war games|"
    r"manoeuvres|maneuvers|positions?|parades?|ceremon(?:y|ies))\b)|"
    r"sentenced|jailed|detained|court-martialled|court-martialed|infected|"
    r"deserted|defected|surrendered|perished|drowned|murdered|buried|"
    r"casualties|fatalities|killed in action|kia|mia|pows?|prisoners|hostages|"
    r"named|listed|identified|accused|condemned|convicted|charged|on trial|freed|released|"
    r"exchanged|swapped|held captive|held hostage|diagnosed with|treated for|"
    r"suffer(?:ed|ing)|sustain(?:ed|ing)|hospitali[sz]ed|"
    r"aboard the (?:helicopter|aircraft|plane|jet)|who were aboard|"
    # "1,000 air force reservists signed a letter": signatories, not a force (cf. rule 33)
    r"signed (?:an?|the) (?:open )?(?:letter|petition)|"
    r"among (?:the )?(?:dead|killed|wounded|injured|casualties|victims|missing|fatalities))\b"
)
# A count of soldiers *and* police or militias together is not counted (rule 34).
_MIXED_AFTER = (
    # A number in between starts a count of its own ("120 soldiers and 50 police officers").
    r"\s*(?:,|and|or|&)\s+(?:(?!\d)\w+\s+){0,2}(?:police(?:men)?|militia(?:men|s)?|gendarmes?|"
    r"civilians|rebels|volunteers|policemen|fighters|officers)\b"
)
# Non-country places a sentence can name as where troops are ("from Europe and Asia"):
# when one is named the location is null rather than borrowed from context (rule 44).
REGIONS: tuple[str, ...] = (
    "Europe", "Western Europe", "Eastern Europe", "Asia", "Africa", "Middle East",
    "the Gulf", "the Persian Gulf", "Balkans", "Latin America", "South America",
    "the Pacific", "Central Asia", "Southeast Asia", "East Asia", "the region",
    "the Caribbean", "Scandinavia", "overseas", "abroad", "around the world",
    "conflict zones", "war zones", "the Horn of Africa", "the Sahel", "Himalayas",
    # Seas: troops or crews afloat there are in no country (rule 44).
    "Red Sea", "Mediterranean", "Black Sea", "Baltic Sea", "Baltic", "South China Sea",
    "East China Sea", "Arabian Sea", "Gulf of Aden", "Indian Ocean", "Atlantic",
    "Taiwan Strait", "Strait of Hormuz",
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
    "Marine Expeditionary Unit": "USA", "Marine Expeditionary Force": "USA",
    "Africa Corps": "RUS", "AU": "AU", "AUSSOM": "AU", "ATMIS": "AU", "UNMISS": "UN",
    "MINUSCA": "UN", "MINUSMA": "UN", "UNDOF": "UN", "UNFICYP": "UN", "UNISFA": "UN",
    "MINURSO": "UN", "UNMOGIP": "UN",
    # Southern African Development Community missions (Mozambique, Congo): multinational.
    "SAMIM": "COALITION", "SAMIDRC": "COALITION",
    # The bloc itself as the force's owner ("SADC began withdrawing its 1,300-strong force").
    "Southern African Development Community": "COALITION", "SADC": "COALITION",
    # Named alliances and joint forces of several states, counted as a whole (rule 41).
    "Alliance of Sahel States": "COALITION", "G5 Sahel": "COALITION",
    "Multinational Joint Task Force": "COALITION", "Joint Expeditionary Force": "COALITION",
    "Multinational Security Support": "COALITION", "ECOMOG": "COALITION",
    # The West African bloc's forces (its standby force, ECOMOG's successor): rule 41.
    "ECOWAS": "COALITION",
    # The Sinai treaty monitors (Egypt-Israel, 1979): a force of a dozen states, not the UN's.
    "Multinational Force and Observers": "COALITION",
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
    "Abadi": "IRQ", "Noboa": "ECU",
    # (not bare "Petro": Ukraine's Petro Poroshenko)
    "Gustavo Petro": "COL",
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
     r"hosts?|hosting|host to|"
     # "France also contributes about 700 soldiers to UNIFIL": its current share (rule 48);
     # "will contribute", "offered to contribute" stay deploy (below).
     # (the look-behinds after the word: tried only where "contribute" matched)
     r"contributes|contribute(?<!will contribute)(?<!would contribute)(?<!could contribute)"
     r"(?<!to contribute)(?<!may contribute)(?<!might contribute)(?<!can contribute)"
     r"(?<!must contribute)|"
     r"compared with|routing|rout(?:ed)?|attack(?:ed|ing)?|engag(?:ed|ing)|expand|"
     r"existing|remain(?:s|ing)?|currently|still|peak(?:s|ed)? at|at (?:its|their) peak|"
     # "Canada leads a battlegroup of 2,000": commanding a formation, not sending it.
     r"lead(?:s|ing)? (?:a|the) (?:[\w-]+ ){0,4}?(?:battle ?group|mission|force|contingent)",
     "present"),
    (r"send(?:s|ing)?|sent|deploy(?:s|ed|ing|ment of)?|dispatch(?:es|ed|ing)?|despatch(?:ed)?|"
     r"order(?:s|ed|ing)?|amass(?:es|ed|ing)?|land(?:s|ed|ing)|"
     r"airlift(?:s|ed|ing)?|fl(?:y|ew|own|ying)|rush(?:es|ed|ing)?|mov(?:e|es|ed|ing)|"
     r"push(?:es|ed|ing)?|"
     r"add(?:s|ed|ing)?|surge|boost(?:s|ed|ing)?|reinforc(?:e|es|ed|ing)(?: with)?|"
     # "will be reinforced with 500 troops", "to get 500 more troops": troops added.
     r"get(?:s|ting)?|receiv(?:e|es|ed|ing)|"
     r"the use of|commit(?:s|ted|ting)?|contribut(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
     r"offer(?:s|ed|ing)?|provid(?:e|es|ed|ing)|assistance of|bring(?:s|ing)?(?! home| back)|"
     r"brought(?! home| back)|incursion|invasion|ask(?:s|ed|ing)? for|"
     r"request(?:s|ed|ing)?|call(?:s|ed|ing)? for|demand(?:s|ed|ing)?|"
     r"redeploy(?:s|ed|ing)?|lead(?:s|ing)?|led|increase(?:d)? by|additional|extra|"
     r"arrival of|take part|involv(?:e|es|ed|ing)|matched up with|with an army of|"
     r"(?:put|placed|puts) (?:in|into)", "deploy"),
    (r"withdraw(?:s|n|al of|ing|als)?|withdrew|pull(?:s|ed|ing)? out|pull-?out of|"
     r"pull(?:s|ed|ing)? back|pull(?:s|ed|ing)?|bring(?:s|ing)? home|brought home|"
     r"call(?:s|ed|ing)? home|"
     r"evacuat(?:e|es|ed|ing|ion of)|cut(?:s|ting)?(?: by)?|reduc(?:e|es|ing|tion)(?: of| by)?|"
     r"(?<!a )(?<!the )(?<!its )(?<!their )reduced(?: by)?|"
     r"draw(?:s|ing)? down|drawdown of|repatriat(?:e|es|ed|ing|ion of)|remov(?:e|es|ed|ing|al of)|"
     r"demobili[sz](?:e|ed|ing|ation of)|disband(?:s|ed|ing)?|return(?:s|ed|ing)? home|"
     r"abandon(?:s|ed|ing)?|decreas(?:e|ed|ing)(?: by)?", "withdraw"),
    (r"shift(?:s|ed|ing)?|realign(?:s|ed|ing|ment of)?|relocat(?:e|es|ed|ing)|train(?:s|ed|ing)?|"
     r"exercis(?:e|es|ing)|drills?|create|creating|form(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
     r"recruit(?:s|ed|ing)?|need(?:s|ed)?|grown into|grew (?:in)?to|"
     r"mobili[sz](?:e|es|ed|ing)|requir(?:e|es|ed|ing)|swap|put on standby|"
     r"build(?:s|ing)? up|establish(?:es|ed|ing)?|call(?:s|ed|ing)? up|"
     # The future size of a force (rule 51): "could number", "will grow to", "build an army of".
     r"(?:could|would|will|may|might|(?<!believed )(?<!thought )(?<!said )(?<!estimated )"
     r"(?<!reported )(?<!known )to) (?:eventually )?(?:number|total)|"
     r"(?:could|would|will|to) (?:eventually )?(?:grow|expand|swell|rise|increase|boost|raise)"
     r"(?: (?:them|it|(?:its|their|the) (?:[\w-]+ ){0,2}?(?:army|armed forces|military|forces?|"
     r"ranks|presence|contingent|deployment|strength)(?: in (?:the )?[A-Z][\w.-]*)?))?"
     r" (?:in)?to|"
     r"build(?:s|ing)? (?:an?|its|the) (?:[\w-]+ ){0,2}?(?:army|force|military) of|"
     r"build(?:s|ing)? (?:an?|its|the) (?:[\w-]+ ){0,2}?(?:force|rotation|contingent|presence)\b",
     "other"),
)
_AFTER_CUES: tuple[tuple[str, str], ...] = (
    (r"(?:will|would|to|could|must) be (?:brought |sent )?home|(?:come|comes|coming|came|"
     r"go|going|went|return(?:s|ed|ing)?|be|are|were|sent|brought|flown) (?:back )?home|"
     r"withdr(?:aw|ew|awn|awing)|pull(?:s|ed|ing)? out|pulled back|leav(?:e|es|ing)\b"
     r"(?!\s+for)|left (?!for)|depart(?:s|ed|ing)?|evacuat(?:e|ed|ing)|abandon(?:s|ed|ing)?|"
     r"(?:being|be|were|are|was) (?:cut|withdrawn|removed|repatriated|demobili[sz]ed)|"
     r"redeploy(?:s|ed|ing)? (?:home|back)|return(?:s|ed|ing)? (?:to|from)|"
     r"rotat(?:e|ed|ing) (?:home|out)|are due to leave|out of", "withdraw"),
    (r"(?:fl(?:y|ew|own)|march(?:ed|ing)?|mov(?:e|ed|ing)|pour(?:ed|ing)?|roll(?:ed)?|"
     r"swept|sweep|cross(?:ed|ing)?|head(?:ed|ing)?|rush(?:ed)?|push(?:ed)?|advanc(?:e|ed|ing)|"
     r"went|go|going|sail(?:ed|ing)?) (?:in)?to|into|arriv(?:e|ed|es|ing)|land(?:ed|ing)? "
     r"(?:in|at|on)|(?:have|has|had|were|was|are|is|be|been|being) (?:being )?(?:sent|"
     r"dispatched|ordered|flown|airlifted|rushed|moved|redeployed|posted|mobili[sz]ed)|"
     r"(?:have|has|had|were|was|be|been|being|are being|is being) deployed|"
     r"(?:are|is) deployed(?=\s+(?:to|into)\b)|"
     r"(?:will|would|to|could) (?:be )?(?:deploy|sent|join|go|head|travel|arrive|reach)|"
     r"reach(?:ed|es|ing)?|take part in|join(?:ed|ing|s)?\b|redeploy|penetrat(?:e|ed|ing)|"
     r"violat(?:e|ed|ing) the (?:frontier|border)|invad(?:e|ed|ing)|occup(?:y|ied|ying)|"
     r"enter(?:ed|ing|s)?|begin arriving|began arriving|crossed|"
     # "1,500 service members flew in from bases in Kuwait": flown into the place (46).
     r"fl(?:y|ies|ew|own|ying) in from|"
     r"deployed(?!\s+(?:in|on|at|along|across|inside|near|throughout)\b)|"
     # "are to move from Okinawa to Guam": a move with a destination (rule 46).
     r"(?:mov(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|shift(?:s|ed|ing)?|transferr?(?:s|ed|ing)?|"
     r"fl(?:y|ies|ew|own|ying)|sail(?:s|ed|ing)?|march(?:es|ed|ing)?)"
     r" from [^.;,]{1,40}? to\b", "deploy"),
    (r"(?:would|will|could|might|may|are|is|be|been) (?:be )?(?:needed|required|necessary)|"
     r"needed|required|(?:being |be |been |were |are )?trained|"
     # (not "based at the Novo Selo training area": a place)
     r"training(?!\s+(?:areas?|grounds?|ranges?|camps?|cent(?:re|er)s?|bases?|facilit(?:y|ies)|"
     r"sites?)\b)|passed through|exercis(?:e|es|ing)|drills?|swap|calling themselves|"
     r"will sail|staged an assault|realign|on standby at home|fought side by side", "other"),
    (r"station(?:ed)?|based|garrison(?:ed)?|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|"
     r"serv(?:e|es|ed|ing)|fight(?:s|ing)?|fought|engaged|patrol(?:s|led|ling)?|on foot patrol|"
     r"on alert|on standby|guard(?:s|ed|ing)?|massed|now in|in theatre|in theater|"
     r"are in|were in|is in|was in|are inside|were inside|attended|deployed (?:in|on|at|along)|"
     r"(?:are|is) deployed|"
     r"currently|still|there|on the ground|were attacked|came under", "present"),
)

# --- compiled patterns ---------------------------------------------------------------------


def _alt(words: Sequence[str]) -> str:
    return word_alternation(words)


class _AsciiTwin:
    """An ``IGNORECASE`` pattern for short strings: on an ASCII string it runs as its
    case-sensitive twin (``patterns.folded_pattern``) on the lower-cased string, which
    finds the same matches at the same offsets three to four times faster; on any other
    string it runs as it is. For tests of a match, not its text (that is lower-cased).

    When every match of the twin begins with one of a few words (``_needles``), a string
    without any of them is passed over without running the pattern: a substring test is
    several times cheaper than a scan that fails."""

    __slots__ = ("needles", "pattern", "twin")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = _with_heads(folded_pattern(pattern))
        self.needles = _needles(self.twin)

    def search(self, string: str) -> re.Match[str] | None:
        if string.isascii():
            low = string.lower()
            if self.needles and not any(needle in low for needle in self.needles):
                return None
            return self.twin.search(low)
        return self.pattern.search(string)

    def match(self, string: str) -> re.Match[str] | None:
        if string.isascii():
            return self.twin.match(string.lower())
        return self.pattern.match(string)

    def found_in(self, text: str, start: int, end: int) -> bool:
        """Whether ``pattern.search(text, start, end)`` finds a match, for a pattern that
        looks back at most one character (``\\b``): the one before ``start`` is kept."""
        lo = start - 1 if start > 0 else 0
        part = text[lo:end]
        if part.isascii():
            low = part.lower()
            if self.needles and not any(needle in low for needle in self.needles):
                return False
            return self.twin.search(low, start - lo) is not None
        return self.pattern.search(text, start, end) is not None


def _with_heads(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, when it starts at a word boundary, with a look-ahead for the first
    four characters its matches begin with (``patterns.match_starts``) right after that
    boundary: the same matches, but a word no match begins with fails one prefix tree
    rather than each alternative of the pattern in turn."""
    source = pattern.pattern
    starts = match_starts(source, pattern.flags)
    if not source.startswith(r"\b") or not starts:
        return pattern
    return re.compile(rf"\b(?={emit_atoms({start[:4] for start in starts})})(?:{source})",
                      pattern.flags)


def _needles(pattern: re.Pattern[str], most: int = 8, shortest: int = 4) -> tuple[str, ...]:
    """Literal words one of which every match of ``pattern`` contains: the plain beginnings
    of its matches (``patterns.match_starts``), without those that contain another. Empty
    (no pre-test) when there are more than ``most`` or one is shorter than ``shortest``,
    where the test would cost more than it saves."""
    starts = match_starts(pattern.pattern, pattern.flags)
    if starts is None:
        return ()
    words = set()
    for start in starts:
        word = ""
        for atom in start:
            if atom.startswith(r"\s"):
                break
            word += atom[1:] if atom.startswith("\\") else atom
        words.add(word)
    kept = tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))
    if len(kept) > most or min(len(w) for w in kept) < shortest:
        return ()
    return kept


# Pre-filter: a sentence without any of these words cannot hold a troop count.
_DIGIT_RE = re.compile(r"\d")
# Further regex parts of the pre-filter, after the lexicons' words.
_HINT_PARTS: tuple[str, ...] = (
    "units", "levels?", "wehrmacht", "waffen-ss", "strong", "-man", "gurkha",
)
_HINT_WORDS = (
    rf"(?:{_alt(TROOP_NOUNS)}|{_alt(GATED_NOUNS)}|{_alt(UNIT_NOUNS)}|{'|'.join(_HINT_PARTS)})"
)
_HINT_RE = re.compile(rf"\b(?=[a-z]){_HINT_WORDS}", re.IGNORECASE)
_NOUN_RE = re.compile(rf"(?:{_alt(TROOP_NOUNS)})\b", re.IGNORECASE)
# After "N-strong" a state's whole military is a unit too ("South Korea's 500,000-strong
# military"); not in UNIT_NOUNS, whose words also pass the pre-filter.
_UNIT_RE = re.compile(rf"(?:{_alt((*UNIT_NOUNS, 'military'))})\b", re.IGNORECASE)
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
    r"regiment|detachment|unit|legion|column|company|navy|militia|group)\s+of\s+$"
    # "Japan's Ground Self-Defense Force has some 150,000 members": a state force's size.
    r"|\b(?:force|forces|army|navy|military|corps),?\s+(?:which\s+)?"
    r"(?:has|had|have|now has|numbers?|"
    r"numbered|totals?|totall?ed)\s+$",
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
_MILITARY_PARTS: tuple[str, ...] = (
    "army", "armies", "armed forces", "military", "troops", "soldiers", "force", "forces",
    "battalions?", "brigades?", "regiments?", "divisions?", "wehrmacht", "navy", "marines",
    "defen[cs]e ministry", "commander", "general",
)
_MILITARY_WORDS = "(?:" + "|".join(_MILITARY_PARTS) + r")\b"
_MILITARY_RE = re.compile(rf"\b{_MILITARY_WORDS}", re.IGNORECASE)


def _head_words(words: Sequence[str], parts: Sequence[str]) -> list[str]:
    """The first four characters of each word and each regex part: a pattern of them
    (``_alt``) is a cheap test that must pass wherever one of them matches."""
    heads = {w[:4] for w in words}
    for part in parts:
        if set(part[:4]) & set("[](){}?*+|\\.^$"):
            raise ValueError(f"part does not start with four plain characters: {part!r}")
        heads.add(part[:4])
    return sorted(heads)


# Letters by how often English words start with them, most often first.
_FIRST_LETTER_ORDER = "taoiswcbpmfdhrlnegyuvjkqxz"


def _heads_by_first_letter(heads: Sequence[str]) -> str:
    """A pattern of the ``heads`` that start with a letter, its first letters tried in
    ``_FIRST_LETTER_ORDER``."""
    letters = sorted({h[0] for h in heads if "a" <= h[0] <= "z"}, key=_FIRST_LETTER_ORDER.index)
    return "(?:" + "|".join(
        letter + "(?:" + _alt([h[1:] for h in heads if h[0] == letter]) + ")" for letter in letters
    ) + ")"


# Both as per-sentence flags in one scan of the case-folded text (``patterns.fold_case``;
# see ``_sentence_flags``): the military words all start with a letter, so both patterns
# only match at a word start; there the group "hint" is where ``_HINT_RE`` matches and
# "mil" (or "mil2", when the hint pattern does not match) where ``_MILITARY_RE`` does. The
# look-ahead for the first letters of all their words rejects most word starts at once.
_FLAG_HEAD_WORDS = _head_words(TROOP_NOUNS + GATED_NOUNS + UNIT_NOUNS,
                               _HINT_PARTS + _MILITARY_PARTS)
_FLAG_HEADS = _alt(_FLAG_HEAD_WORDS)
_FLAG_GROUPS = (
    rf"(?:(?=(?P<hint>{_HINT_WORDS}))(?=(?P<mil>{_MILITARY_WORDS}))?"
    rf"|(?=(?P<mil2>{_MILITARY_WORDS})))"
)
_FLAGS_FOLDED_RE = folded_pattern(re.compile(
    rf"\b(?=[a-z])(?={_FLAG_HEADS}){_FLAG_GROUPS}", re.IGNORECASE
))
# The same, matched from the character before the word start. A pattern that matches the
# empty string gets no help from the engine, which then tries every position in turn; one
# that begins with a literal space (before most words) is scanned for that space in C,
# several times faster. Word starts after any other non-word character ("\n", quotes,
# hyphens) are found by the second pattern, whose first character is a class the engine
# also skips to; ``(?<=\W)`` keeps only the non-word characters among those it accepts.
# Their test of the first four letters tries the first letters in the order words start
# with them in English ("the", "a", "of" ...), so most words are rejected after a few
# comparisons rather than after trying the letters up to theirs: the order of the
# alternatives of a look-ahead does not change whether it matches. (The "-man" part never
# passes ``(?=[a-z])``, which these letters imply.)
_FLAG_WORD = folded_pattern(re.compile(
    rf"(?={_heads_by_first_letter(_FLAG_HEAD_WORDS)}){_FLAG_GROUPS}", re.IGNORECASE
)).pattern
_FLAGS_AFTER_SPACE_RE = re.compile(rf" {_FLAG_WORD}")
_FLAGS_AFTER_OTHER_RE = re.compile(rf"[^ a-z0-9](?<=\W){_FLAG_WORD}")
_TROOP_LEVEL_RE = re.compile(
    r"\b(?:troop|force|troops'?|forces'?)\s+(?:levels?|numbers?|strength|presence|ceiling|cap)\b"
    # "cut the Marine presence on the island from about 19,000 to 10,000"
    r"|\b(?:[Mm]ilitary|Marine|naval|army)\s+(?:presence|strength)\b"
    r"|\bnumber of (?:(?:U\.S\.|[A-Z][a-z]+)\s+){0,2}(?:troops|soldiers|forces|personnel)\b"
    r"|(?P<pronoun>\b(?:(?:its|their)\s+(?:military\s+)?|(?:the\s+)?(?:mission|force|contingent)'s\s+"
    r"(?=strength\b))(?:presence|force|forces|contingent|strength|"
    r"garrison|deployment)\b|\bthe total(?= there\b| in\b| to\b| deployed\b| sent\b| stationed\b))",
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
_EXTRA_HEDGE_RE = re.compile(r"\b(?:well|just|only|slightly|considerably|far)\s+$",
                             re.IGNORECASE)
_THE_RE = re.compile(r"\b(?:[Tt]he|[Tt]hose|[Tt]hese|[Aa]ll)\s+$")
_ELIDED_NEXT_RE = re.compile(
    r"\s*(?:[.,;:)\"']|$|(?:are|were|will|would|have|had|who|that|which|by|in|on|at|after|"
    r"before|within|now|still|currently|could|should|can|must|is|was|to|"
    r"remain|stay|serving|leaving|coming|going|returning|next|from)\b)",
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


def _at_word_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a test for a word start: for a folded cue pattern, every one of
    whose words starts with a lower-case letter, the same matches, found about twice as
    fast (the engine rejects the other positions before trying the words). Then a
    look-ahead for the first four letters of every cue (``patterns.match_starts``), which
    every match begins with: most words fail it at once, where the cues' alternatives
    would each be tried in turn."""
    starts = match_starts(pattern.pattern, pattern.flags)
    heads = f"(?={emit_atoms({start[:4] for start in starts})})" if starts else ""
    return re.compile(rf"\b(?=[a-z]){heads}(?:{pattern.pattern})", pattern.flags)


_AFTER_CUE_FOLDED_RE = _at_word_start(folded_pattern(_AFTER_CUE_RE))
_BEFORE_CUE_FOLDED_RE = _at_word_start(folded_pattern(_BEFORE_CUE_RE))
# (The look-ahead for the first characters of its branches rejects most positions at once.)
_CLAUSE_BREAK_RE = re.compile(r"(?=[;:,bwas])(?:[;:]|,\s+(?:said|says|but|while|and|according)\b|"
                              r"\b(?:but|while|whereas|although|said|says)\b)")
_LOC_PREP_RE = re.compile(
    r"\b(?:in|into|to|inside|from|out of|across|at|on|near|throughout|within|towards?|"
    r"invade|invaded|invading|entered|enter|occupy|occupied|around|along|over|leave|left|"
    r"leaving|reach|reached|(?:frontier|territory|soil|airspace) of|outside|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west) of|"
    r"(?:parts|areas|swathes) of)\s+"
    r"(?:(?:the|southern|northern|eastern|western|central|neighbou?ring|"
    r"north|south|east|west|an|a|air|base|bases|in|of)\s+){0,4}$",
    re.IGNORECASE,
)
_BORDER_AFTER_RE = re.compile(r"(?:'s)?\s+(?:border|borders|frontier)\b", re.IGNORECASE)
_HOME_TO_RE = re.compile(r",?\s+(?:which\s+)?(?:is\s+)?(?:home to|hosts|host to|hosting|"
                         r"has hosted)\s+$", re.IGNORECASE)
_LED_RE = re.compile(r"-led\b")
# "a French-run air base in Jordan": the state that runs or built a site is not its place.
_RUN_BY_RE = re.compile(r"-(?:run|operated|owned|built|funded|backed)\b")
_REGION_RE = _with_heads(re.compile(
    rf"\b(?:in|into|to|from|across|throughout|around|out of)\s+(?:the\s+)?"
    # ("the three Baltic states": several countries, rule 44)
    rf"(?:(?:two|three|four|five|six|seven|eight|nine|\d+)\s+)?"
    rf"(?:(?:eastern|western|northern|southern|central)\s+)?(?:{_alt(REGIONS)})\b"
    r"|\b(?:and|or) other (?:countries|nations|conflict zones|places|regions)\b"
))
_FORCE_NAME_RE = re.compile(rf"\b(?:{_alt(list(FORCE_NAMES))})\b")
_LEADER_RE = re.compile(rf"\b(?:{_alt(list(LEADERS))})\b")
_EXERCISE_RE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war games|"
                          r"combat alert|readiness)\b", re.IGNORECASE)
_THERE_RE = re.compile(r"\b(?:in|into|inside|to|from|out of) (?:the|that|this) country\b|"
                       r"\bthere\b|\bin theatre\b|\bin theater\b|\bhome\b|\bthe war zone\b",
                       re.IGNORECASE)

MAX_COUNT = 50_000_000  # no state has ever fielded more; anything bigger is not a head count


class _Cand(NamedTuple):
    start: int
    end: int
    count: int
    high: int | None
    approx: bool
    kind: str  # noun | strong | man | gated | elided | level | units | demonym | parallel
    noun_start: int  # where the part after the number starts (modifiers, noun); for
    # "troops, numbering N" where the troop noun starts
    num_start: int
    vague: bool = False  # a vague amount ("dozens", "a few hundred")


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

    Returns (end of noun, noun, modifier words) or None. At most seven tokens, so the walk
    is constant work per number.
    """
    mods: list[str] = []
    p = pos
    seen_of = False
    last_cap = False
    for _ in range(7):
        q = p
        while q < end and text[q] in " \n":
            q += 1
        m = _NOUN_RE.match(text, q, end) if q > p or p == pos else None
        if m is not None:
            noun_end = m.end()
            # "army personnel", "navy sailors": take the longer head.
            m2 = _NOUN_RE.match(text, noun_end + 1, end) if text[noun_end:noun_end + 1] == " " \
                else None
            if m2 is not None:
                noun_end = m2.end()
            fm = _FORCES_MEMBERS_RE.match(text, noun_end, end)
            if fm is not None and text[m.start() : noun_end].lower() in _SERVICE_HEADS:
                # "1,000 Canadian Armed Forces members": the service names whose members.
                return fm.end(), "service members", mods
            if not _compound_next(text, noun_end, end):
                noun = text[m.start() : noun_end].lower()
                if noun in _AMBIGUOUS_HEADS and not mods:
                    return None
                return noun_end, noun, mods
            return None
        t = _TOKEN_RE.match(text, p, end)
        if not t:
            return None
        word = t.group(1)
        low = word.lower()
        if low in ("men", "members", "men.", "members."):
            # (a token keeps a sentence's full stop: "... has some 150,000 members.")
            stop = t.end() - (low[-1] == ".")
            if _compound_next(text, stop, end):
                return None
            return stop, low.rstrip("."), mods
        if word in ('"', "'"):
            p = t.end()
            continue
        if low == "of":
            if seen_of or mods:
                return None
            seen_of = True
        elif low in ("and", "or") and last_cap and _CAP_NEXT_RE.match(text, t.end(), end):
            mods.append(low)  # "South Korean and American soldiers"
        elif low in NON_STATE or low in MODIFIERS or (seen_of and low.endswith("'s")) or (
                word[0].isupper() and low not in _STOP_CAPS) or (
            "-" in word and low.split("-")[-1] in ("led", "based", "backed", "strong",
                                                   "trained", "armed", "born", "duty")):
            mods.append(low)
        else:
            return None
        last_cap = word[0].isupper()
        p = t.end()
    return None


_CAP_NEXT_RE = re.compile(r"\s{1,3}[A-Z]")
_FORCES_MEMBERS_RE = re.compile(r" (?:members|personnel)\b")
# A service before "members": "Armed Forces members", "Defence Force members", "army members".
_SERVICE_HEADS = frozenset({"forces", "force", "army", "military", "navy", "armed forces"})

# Heads that are a troop noun only with a modifier ("200,000 Greek army", not "four Army
# National Guard members" or "15 forces").
_AMBIGUOUS_HEADS = frozenset({"army", "forces", "crew", "infantry", "rangers", "seals",
                              "regulars", "gunners", "cadets", "recruits"})


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
    return _COMPOUND_RE.match(text, pos, end) is not None


# Nouns that turn a troop noun into a modifier ("armoured personnel carriers").
_COMPOUND_RE = re.compile(
    r"\s?(?:'s?\s+)?(?:-|\s)(?:units?|officers?|commanders?|chiefs?|bases?|headquarters|"
    r"vehicles?|fighting\s+vehicles?|carriers?|trucks?|helicopters?|members|spokesm[ae]n|spokeswom[ae]n|"
    r"officials?|camps?|posts?|depots?|positions|families|wives|children|deaths|graves|"
    r"cemetery|memorial|day)\b"
)


def _value_int(v: float | None) -> int | None:
    if v is None:
        return None
    return round(v)


def _clause_bounds(
    text: str, s_start: int, s_end: int, q_start: int, q_end: int
) -> tuple[int, int]:
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


def _numbers(doc: DocContext, start: int, end: int) -> list[Number]:
    return list(find_numbers(doc.text, start, end, folded=doc.folded))


def _sentence_flags(folded: str, sentences: Sequence[Sentence],
                    straddled: list[bool] | None = None) -> tuple[list[bool], list[bool]]:
    """For each sentence: does ``_HINT_RE`` match inside it, and does ``_MILITARY_RE``?

    One scan of the folded text answers both: the two patterns only match at a word start,
    so ``_FLAGS_FOLDED_RE`` looks at each word start once and reports where each would match.
    Of those, each pattern keeps the ones its own ``finditer`` would (the first at or after
    the end of its previous match), so a match straddling two sentences hides the same
    ones as before. ``straddled`` (one entry per sentence), when given, is set for the
    sentences such a hint match ends in: there a troop word may be hidden."""
    hints = [False] * len(sentences)
    military = [False] * len(sentences)
    if not sentences:
        return hints, military
    locate = SentenceLocator(sentences)
    starts = [sent.start for sent in sentences] if straddled is not None else []
    hint_next = mil_next = 0
    for at, m in _flag_matches(folded, sentences[0].start, sentences[-1].end):
        end = m.end("hint")
        if end >= 0 and at >= hint_next:
            hint_next = end
            no = locate(at, end)
            if no >= 0:
                hints[no] = True
            elif straddled is not None:
                # (every sentence the match overlaps: it can span a short one whole)
                k = max(0, bisect_right(starts, at) - 1)
                while k < len(sentences) and sentences[k].start < end:
                    if sentences[k].end > at:
                        straddled[k] = True
                    k += 1
        end = m.end("mil")
        if end < 0:
            end = m.end("mil2")
        if end >= 0 and at >= mil_next:
            mil_next = end
            no = locate(at, end)
            if no >= 0:
                military[no] = True
    return hints, military


def _flag_matches(folded: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    """(word start, match) for each word start in ``folded[start:end]`` where
    ``_FLAGS_FOLDED_RE`` matches, in order: what its ``finditer`` gives, found by the two
    faster scans that match from the character before the word."""
    found: list[tuple[int, re.Match[str]]] = []
    if start == 0:  # no character before the first word
        m = _FLAGS_FOLDED_RE.match(folded, 0, end)
        if m is not None:
            found.append((0, m))
    lo = start - 1 if start > 0 else 0
    found += [(m.start() + 1, m) for m in _FLAGS_AFTER_SPACE_RE.finditer(folded, lo, end)]
    found += [(m.start() + 1, m) for m in _FLAGS_AFTER_OTHER_RE.finditer(folded, lo, end)]
    found.sort(key=itemgetter(0))
    return found


def _candidates(doc: DocContext, s_no: int, seen_values: set[int], military_at: list[bool],
                recent: bool = False) -> list[_Cand]:
    """Number phrases in one sentence that are shaped like a head count of troops (the
    caller skips sentences that cannot hold one)."""
    sent = doc.sentences[s_no]
    out: list[_Cand] = []
    military = military_at[s_no]
    prev_military = s_no > 0 and military_at[s_no - 1]
    last_end = -1  # end of the last count with its own troop noun in this sentence
    for n in _numbers(doc, sent.start, sent.end):
        c = _candidate(doc, s_no, n, seen_values, military, prev_military and recent,
                       last_end)
        if c is not None:
            out.append(c._replace(vague=n.vague) if n.vague else c)
            if c.kind in ("noun", "strong", "man", "gated"):
                last_end = c.end
    return out


def _candidate(doc: DocContext, s_no: int, n: Number, seen_values: set[int], military: bool,
               prev_military: bool, last_end: int = -1) -> _Cand | None:
    text = doc.text
    s_start, s_end = doc.sentences[s_no].start, doc.sentences[s_no].end
    st = _STRONG_RE.match(text, n.end, s_end)
    strong_scaled = st if st is not None and st.group("scale") is not None else None
    if (n.value < 2 and strong_scaled is None) or n.value > MAX_COUNT:
        return None
    if n.value != int(n.value) and not n.scaled and strong_scaled is None:
        return None
    if _is_year(text, n, s_start) or _DATE_BEFORE_RE.search(
            text, max(s_start, n.num_start - 12), n.num_start):
        return None
    if _MONEY_BEFORE_RE.search(text, max(s_start, n.num_start - 4), n.num_start):
        return None
    nxt = text[n.end : n.end + 1]
    if nxt and (nxt.isalnum() or nxt in "$£€%"):
        return None
    first = text[n.num_start : n.num_start + 1]
    # "The Three Presidents Crew", "'Three Presidents' crew": a spelled number inside a name.
    if first.isupper() and first.isalpha() and n.num_start > s_start and (
            _CAP_AFTER_RE.match(text, n.end, s_end) or text[n.num_start - 1] in "\"'"
    ) and not _SENT_START_RE.search(text[s_start : n.num_start]):
        return None
    count = _value_int(n.value) or 0
    high = _value_int(n.high)
    if count < 2 and strong_scaled is None:
        return None
    q_start = n.start
    if n.hedge and not n.approx and _ADDED_HEDGE_RE.match(n.hedge):
        q_start = n.num_start  # "an extra 3,500 marines": not a hedge on the count (rule 39)
    elif n.hedge:
        ex = _EXTRA_HEDGE_RE.search(text, max(s_start, q_start - 16), q_start)
        if ex:
            q_start = ex.start()
    # "N-strong [unit]" (rule 31: quoted with the unit).
    if st:
        scale = st.group("scale")
        if scale:
            mult = {"mln": 1e6, "million": 1e6, "m": 1e6, "thousand": 1e3}[scale.lower()]
            count = _value_int(n.value * mult) or 0
            high = _value_int(n.high * mult) if n.high else None
        unit = _unit_tail(text, st.end(), s_end)
        if unit is not None:
            return _Cand(q_start, unit, count, high, n.approx, "strong", st.end(), n.num_start)
        wa = _WORD_AFTER_RE.match(text, st.end(), s_end)
        if wa and wa.group(1).lower() not in _FUNCTION_WORDS:
            return None  # "a 45-strong repair team": some other group
        ub = _UNIT_BEFORE_RE.search(text, max(s_start, q_start - 40), q_start)
        if ub is None:
            return None
        return _Cand(ub.start(), st.end(), count, high, n.approx, "strong", st.end(),
                     n.num_start)
    mm = _MAN_RE.match(text, n.end, s_end)
    if mm:
        unit = _unit_tail(text, mm.end(), s_end, loose=True)
        if unit is None:
            return None
        return _Cand(q_start, unit, count, high, n.approx, "man", mm.end(), n.num_start)
    if _UNIT_AFTER_RE.match(text, n.end, s_end):
        return None
    tail = _noun_tail(text, n.end, s_end)
    if tail is not None:
        t_end, noun, mods = tail
        if any(w in NON_STATE for w in mods):
            return None
        force_of = _FORCE_OF.found_in(text, max(s_start, q_start - 40), q_start)
        if noun == "members":
            return (None if not force_of else
                    _Cand(q_start, t_end, count, high, n.approx, "gated", n.end, n.num_start))
        if noun == "men":
            paren = text[max(s_start, q_start - 1) : q_start] == "("
            if not (force_of or (paren and military) or _UNDER_ARMS_RE.match(text, t_end, s_end)
                    or _MILITARY.found_in(text, max(s_start, q_start - 80), q_start)):
                return None
            return _Cand(q_start, t_end, count, high, n.approx, "gated", n.end, n.num_start)
        if noun in ("personnel", "deminers") and not mods and not military and \
                _FORCE_NAME_RE.search(text, s_start, s_end) is None:
            # "100 personnel" of an embassy, "50 deminers" of a charity; a named force
            # ("Russia's Africa Corps has 2,500 personnel") makes them military.
            return None
        if noun == "troops" and not doc.mentions[s_no] and \
                _NON_MILITARY.found_in(text, s_start, s_end) and \
                not _ARMED.found_in(text, s_start, s_end):
            return None  # "rallied his 220 troops in the House before the vote"
        kind = "level" if _FROM_BEFORE_RE.search(text, max(s_start, q_start - 40),
                                                 q_start) or (
            text.endswith("to ", max(s_start, q_start - 3), q_start)
            and _TO_LEVEL_RE.search(text, max(s_start, q_start - 70), q_start)) else "noun"
        return _Cand(q_start, t_end, count, high, n.approx, kind, n.end, n.num_start)
    # "N Armenians served in the Wehrmacht": a plural people noun as the head when the
    # verb right after says they served in an army (rule 42), or "soldiers, including N Xs".
    dm = _PEOPLE_RE.match(text, n.end, s_end)
    if dm and (_SERVED_RE.match(text, dm.end(), s_end)
               or _SOLDIERS_INCLUDING_RE.search(text, max(s_start, q_start - 40), q_start)):
        return _Cand(q_start, dm.end(), count, high, n.approx, "demonym", n.end, n.num_start)
    # "14,000 in German army units, 2,000 in the Waffen-SS": a breakdown by unit, only right
    # after a sentence with a troop count that it breaks down.
    iu = _IN_UNITS_RE.match(text, n.end, s_end)
    if iu and prev_military:
        return _Cand(q_start, iu.end(), count, high, n.approx, "units", n.end, n.num_start)
    # "withdraw about 1,000 of its roughly 2,500 troops": a part of a force (rule 32).
    if text.startswith(" of ", n.end) and _PARTITIVE_RE.match(text, n.end, s_end):
        return _Cand(q_start, n.end, count, high, n.approx, "partitive", n.end, n.num_start)
    # "..., far more than the roughly 30 the Pentagon acknowledged": an earlier level.
    if last_end >= 0 and n.start - last_end <= 200 and ((text.find(
            "than", last_end, n.start + 12) >= 0 and _COMPARE_NEXT_RE.match(
            text, n.end, s_end) and _DOWN_FROM_RE.search(text[last_end : n.start])) or (
            text.startswith("the ", n.start - 4)
            and _TIMES_THE_RE.search(text, max(last_end, n.start - 30), n.start)
            and _COMPARE_NEXT_RE.match(text, n.end, s_end))):
        # (also "..., the number was about twice the roughly 900 it had acknowledged")
        return _Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    # Right after a count in the same sentence (rule 32): "900 troops in Syria and about
    # 2,500 in Iraq", "and a further 3,000 in 2024", "and several thousand more" (a parallel
    # count; before the elided test, whose value may match some other count by chance).
    if last_end >= 0 and n.start - last_end <= 100:
        nx = _PARALLEL_NEXT_RE.match(text, n.end, s_end)
        if nx and _PARALLEL_GAP_RE.search(text[last_end : n.start]):
            end = nx.end("more") if nx.group("more") else n.end  # keeps its "more"
            return _Cand(q_start, end, count, high, n.approx, "parallel", n.end, n.num_start)
        # "Papua New Guinea will send 80 soldiers and Fiji about 50": another state's count
        # in the same frame, its noun elided (rule 32).
        if text.startswith(" and ", last_end) and _PAIRED_GAP_RE.match(
                text, last_end, q_start) and _PAIRED_NEXT_RE.match(text, n.end, s_end) and any(
                last_end < m.char_start and m.char_end <= q_start and len(m.country) == 3
                for m in doc.mentions[s_no]):
            return _Cand(q_start, n.end, count, high, n.approx, "paired", n.end, n.num_start)
    # "has 60,000 personnel and plans to grow to about 80,000", "cut the rotation to about
    # 1,200": the new size of the force just counted (rules 48, 51).
    if last_end >= 0 and n.start - last_end <= 120 and text.startswith(
            "to ", n.start - 3) and _CHANGE_TO_RE.search(
            text, max(last_end, n.start - 60), n.start) and _COMPARE_NEXT_RE.match(
            text, n.end, s_end):
        return _Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    # "The troops will join about 3,000 already stationed in the area": an elided troop
    # noun (rule 32) that the sentence says are there already.
    if military and text.startswith(" already ", n.end) and \
            _ALREADY_THERE_RE.match(text, n.end, s_end):
        return _Cand(q_start, n.end, count, high, n.approx, "elided", n.end, n.num_start)
    # What follows a bare count: the end of a clause or a verb ("The 1,200 are ...").
    if not _ELIDED_NEXT_RE.match(text, n.end, s_end):
        return None
    # "Iraqi troops, numbering about 2,000, crossed ...": the count after its noun.
    ap = _APPOS_NUM_RE.search(text, max(s_start, q_start - 60), q_start)
    if ap:
        return _Cand(q_start, n.end, count, high, n.approx, "appos", ap.start(), n.num_start)
    # Elided noun (rule 32): "The 1,200 are ...", "compared with the 9,000 that we have";
    # both levels of "from 250 to 100 soldiers" / "troop levels ... down from 9,000 to 5,200".
    # ("Washington cut its contingent from about 700" right after a troop count: "its
    # contingent" is a level in a sentence that continues one about the military.)
    level = _is_level(text, s_start, s_end, n, military or prev_military)
    if count in seen_values or level:
        start = q_start
        if not n.hedge:
            the = _THE_RE.search(text, max(s_start, q_start - 7), q_start)
            if the and the.group(0).strip().lower() == "the":
                start = the.start()
        return _Cand(start, n.end, count, high, n.approx, "level" if level else "elided",
                     n.end, n.num_start)
    # "leave 8,600 troops, down from 9,800" (a level, rule 48).
    if last_end >= 0 and n.start - last_end <= 140 and (
            text.find("from", last_end, n.start) >= 0 or text.find("than", last_end, n.start)
            >= 0 or text.find("compared", last_end, n.start) >= 0) and _DOWN_FROM_RE.search(
            text[last_end : n.start]):
        return _Cand(q_start, n.end, count, high, n.approx, "level", n.end, n.num_start)
    return None


_DATE_BEFORE_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$",
)
_CAP_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")
# Verbs that cut a force; "... to N" after one gives the new level (both patterns below).
_CUT_VERBS = r"cut(?:s|ting)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|shrink(?:s|ing)?|shrank"
# "cut its contingent in Mali to 100 soldiers": the new level, not the change (rule 48).
_TO_LEVEL_RE = re.compile(
    rf"\b(?:{_CUT_VERBS}|lower(?:s|ed|ing)?|draw(?:s|ing)? down|drew down)\s+"
    r"(?:(?:its|their|the)\s+)?(?:[\w.'-]+\s+){0,5}?to\s+$", re.IGNORECASE)
# ", down from N", ", far more than the N" (a comparison: rule 50, the earlier level).
# (also "down from a peak of N": the earlier level named by its high or low point)
_DOWN_FROM_RE = re.compile(r"^[^;:]*,\s+(?:(?:down|up)\s+from(?:\s+(?:a|an|its|their|the)\s+"
                           r"(?:[\w-]+\s+)?(?:peak|high|height|record|maximum|low)\s+of)?|"
                           r"compared\s+(?:with|to)|"
                           r"(?:(?:far|well|much|many)\s+)?"
                           r"(?:more|fewer|less)\s+than(?:\s+the)?)\s+$")
_PARALLEL_GAP_RE = re.compile(r"^[^.;:]*?(?:,\s*|\s)(?:and|while|with|plus)\s+(?:that\s+)?"
                              r"(?:(?:an?\s+)?(?:further|another|additional)\s+)?$")
_CHANGE_TO_RE = re.compile(
    r"\b(?:grow|grows|grew|grown|expand(?:s|ed|ing)?|rise|rises|rose|increas(?:e|es|ed|ing)|"
    rf"boost(?:s|ed|ing)?|swell(?:s|ed|ing)?|{_CUT_VERBS})\s+(?:[\w.'-]+\s+){{0,5}}?to\s+$")
_TIMES_THE_RE = re.compile(r"\b(?:twice|double|triple|thrice|three times|half)\s+the\s+$")
_COMPARE_NEXT_RE = re.compile(r"\s*(?:[.,;:)]|$)|\s+(?:the|that|which|who|it|they|we|in|at|on|"
                              r"by|before|last|(?-i:[A-Z]))\b")
_PAIRED_GAP_RE = re.compile(r" and (?:the )?(?:[A-Z][\w.'-]*\s+){1,3}$")
_PAIRED_NEXT_RE = re.compile(r"\s*(?:[,.;)]|$)")
# ("and a further 300 were due on Samos": a passive or "due" verb may come first)
_PARALLEL_NEXT_RE = re.compile(r"\s+(?:(?:were|was|are|is|will be|would be|have been|had been)"
                               r"\s+(?:due|sent|moved|deployed|based|stationed|expected)\s+)?"
                               r"(?:in|at|on|to|into|from|out of)\s+(?:the\s+)?[A-Z]"
                               r"|\s+(?:in|by)\s+(?:19|20)\d\d\b|(?P<more>\s+more)\b")
# "N of its [hedge] M troops": N is part of the force of M.
_PARTITIVE_RE = re.compile(
    r"\s+of\s+(?:its|their|the|his|her|our)\s+(?:(?:some|about|around|roughly|nearly|almost|"
    r"approximately|estimated|an estimated|more than|over)\s+)?\d[\d,.]*"
    r"(?:\s+(?:thousand|million))?"
    rf"\s+(?:[\w.'-]+\s+){{0,3}}?(?:{_alt(TROOP_NOUNS)})\b", re.IGNORECASE)
_ADDED_HEDGE_RE = re.compile(r"(?:an?\s+)?(?:extra|additional|further|another|more)$",
                             re.IGNORECASE)
_SENT_START_RE = re.compile(r"^[\s\"'(]*(?:[A-Z][A-Za-z.]*\s+){0,2}$")
_WORD_AFTER_RE = re.compile(r"\s+['\"]?([a-z]+)")
_FUNCTION_WORDS = frozenset({"under", "in", "was", "were", "is", "are", "and", "to", "from",
                             "at", "with", "by", "on", "of", "had", "has", "which", "that"})
_PEOPLE_RE = re.compile(
    r"\s+(?:of\s+)?(?:[A-Z][a-z]+\s+)?[A-Z][a-z]{2,}(?:ans|ians|eans|ese|is|ks|abs|ts)\b"
)
_SERVED_RE = re.compile(r"\s+(?:were\s+|had\s+|have\s+)?serv(?:e|ed|ing)\s+(?:in\s+)?"
                        r"(?:\w+\s+){0,3}(?:army|armies|units|forces|Wehrmacht|Waffen-SS|navy|"
                        r"military)\b", re.IGNORECASE)
# "men under arms", "men in uniform": men as soldiers.
# Politics and sport, where "troops" is a metaphor unless something military is in sight.
_NON_MILITARY_RE = re.compile(
    r"\b(?:House|Senate|Congress|caucus|parliament|party|vote|voters|campaign|election|"
    r"coach|manager|players|fans|match|league|season|game|squad|team)\b", re.IGNORECASE)
_ARMED_RE = re.compile(
    r"\b(?:army|armies|military|soldiers|defen[cs]e|deploy\w*|war|base|bases|combat|"
    r"missions?|border|ministry|Pentagon|NATO|peacekeep\w*)\b", re.IGNORECASE)
_UNDER_ARMS_RE = re.compile(r"\s+(?:under arms|in uniform|at arms|on active duty)\b")
# "troops, numbering about 2,000": the count stated after its troop noun.
_APPOS_NUM_RE = re.compile(
    rf"\b(?:{_alt(TROOP_NOUNS)}),?\s+(?:numbering|totall?ing|said to number|estimated at|"
    r"put at)\s+$"
    # "U.S. forces in Iraq number about 2,500": a verb of size after a short place phrase.
    rf"|\b(?:{_alt(TROOP_NOUNS)})\s+(?:(?:in|on|at)\s+(?:the\s+)?(?-i:[A-Z][\w.'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.'-]*))?\s+)?(?:number|numbered|now number|total|totalled|totaled|"
    r"stand at|stands at|stood at)\s+$", re.IGNORECASE)
# "from 9,000 to 5,200", "from 250 to 100 soldiers": both are levels (rule 48).
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+)?"
                             r"\d[\d,.]*(?:\s+(?:thousand|million))?\s+to\s+$")
_TO_AFTER_RE = re.compile(r"\s+to\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?"
                          r"\d[\d,.]*(?:\s+(?:thousand|million))?")
_FROM_END_RE = re.compile(r"\bfrom\s+$")
_LEVEL_PREP_RE = re.compile(
    r"\b(?:from|to|at|of|by|around|about|nearer to|under|below|above)\s+$", re.IGNORECASE)


def _is_level(text: str, s_start: int, s_end: int, n: Number, military: bool) -> bool:
    """A bare number that is a troop level: one end of "from N to M troops", or a number
    right after "troop levels ... to/at/from/by" (rules 47-48); "its presence" and "their
    force" only count in a sentence about the military."""
    pre = text[max(s_start, n.num_start - 140) : n.num_start]
    if not _LEVEL_PREP_RE.search(text[max(s_start, n.start - 16) : n.start]):
        return False
    to = _TO_AFTER_RE.match(text, n.end, s_end)
    if to and _FROM_END_RE.search(text[max(s_start, n.start - 8) : n.start]) and \
            _noun_tail(text, to.end(), s_end) is not None:
        return True  # "from 250 to 100 soldiers"
    lv = None
    for m in _TROOP_LEVEL_RE.finditer(pre):
        if military or m.group("pronoun") is None:
            lv = m
    if lv is None or _MIXED_RE.match(pre, lv.end()):
        return False  # "the number of troops and police" (rule 34)
    gap = pre[lv.end() :]
    # The level phrase governs this number: close by, or one end of "from N to M".
    # ("bringing the total deployed for rescue and relief work to about 12,000": "the
    # total" reaches further, to the "to" right before the number.)
    return len(gap) <= 40 or bool(_FROM_END_RE.search(gap) or _FROM_BEFORE_RE.search(gap)) or (
        len(gap) <= 70 and lv.group(0).lower() == "the total")


_KILLED_INCLUDING_RE = re.compile(
    r"\b(?:kill(?:ed|s|ing)?|wound(?:ed|s|ing)?|injur(?:ed|es|ing)|dead|died|casualties)\b"
    r"[^.;:]{0,140},\s+including\s+$", re.IGNORECASE)
_SOLDIERS_INCLUDING_RE = re.compile(r"\b(?:soldiers|troops|veterans),?\s+including\s+$",
                                    re.IGNORECASE)


def _unit_tail(text: str, pos: int, end: int, loose: bool = False) -> int | None:
    """End of the unit noun after "N-strong"/"N-man", or None.

    A few modifiers may stand between ("rapid deployment force"); with ``loose`` a quoted
    name too ("10,000-man "Peninsula Shield" force"), but the unit itself must be outside
    the quotes ("a 500-man "Charge of the Light Brigade"" is a metaphor, not a unit).
    """
    p = pos
    in_quote = False
    for _ in range(7 if loose else 3):
        q = p
        while q < end and text[q] in " \n":
            q += 1
        if not in_quote:
            m = _UNIT_RE.match(text, q, end)
            if m:
                return m.end()
        t = _TOKEN_RE.match(text, p, end)
        if not t:
            return None
        w = t.group(1)
        low = w.lower()
        if w in ('"', "'"):
            if not loose:
                return None
            in_quote = not in_quote
        elif low in NON_STATE or not (low in MODIFIERS or w[0].isupper() or in_quote or
                  (loose and low in _LOOSE_UNIT_MODS)):
            return None
        p = t.end()
    return None


_LOOSE_UNIT_MODS = frozenset({"rapid", "deployment", "reaction", "quick", "standing",
                              "peacekeeping", "intervention", "border", "elite", "strike"})


# --- exclusions ----------------------------------------------------------------------------


_COORD_COUNT_RE = re.compile(
    r"\s+(?:and|or)\s+(?:(?:at least|some|about|around|nearly|more than|over|another|up to)\s+)?"
    r"(?:\d[\d,]*|[a-z]+(?:[- ][a-z]+)?)\s+(?:(?:more|other|[A-Z][\w.'-]*)\s+){0,2}"
    rf"(?:{_alt(TROOP_NOUNS)})\b")
_CIVIL_WAR_RE = re.compile(r"\b(?:rais(?:ed|ing)|form(?:ed|ing)|organi[sz](?:ed|ing))\s+an?\s+"
                           r"(?:\w+\s+){0,2}(?:army|force|militia)\b[^.;]{0,80}\bcivil war\b",
                           re.IGNORECASE)


def _excluded(text: str, c: _Cand, s_start: int, s_end: int) -> bool:
    before = text[max(s_start, c.start - 50) : c.start]
    if _CASUALTY_BEFORE_COUNT.search(before):
        return True
    # "violence killed more than 10,000 people ..., including hundreds of soldiers": a part
    # of a casualty count (rule 33).
    if text.find("including", max(s_start, c.start - 11), c.start) >= 0 and \
            _KILLED_INCLUDING_RE.search(text, max(s_start, c.start - 160), c.start):
        return True
    end = c.end
    if c.kind == "partitive":  # "three of its 1,000 soldiers were wounded"
        pm = _PARTITIVE_RE.match(text, c.end, s_end)
        end = pm.end() if pm else end
    after = text[end : min(s_end, end + 60)]
    if _CASUALTY_AFTER_OR_MIXED.match(after):
        return True
    # "20 Indian soldiers and at least four Chinese soldiers were killed": a casualty
    # verb after a second count joined to this one (rule 33).
    co = _COORD_COUNT_RE.match(text, end, min(s_end, end + 80)) if text.startswith(
        (" and ", " or "), end) else None
    if co and _CASUALTY_AFTER_OR_MIXED.match(text[co.end() : min(s_end, co.end() + 60)]):
        return True
    if _NON_STATE_BEFORE.found_in(text, max(s_start, c.num_start - 30), c.num_start):
        # "rebel force of 300 men", "militia of 2,000"
        return True
    # An army raised for a civil war is a non-state force (rule 34).
    if _CIVIL_WAR.found_in(text, max(s_start, c.start - 60), min(s_end, c.end + 60)):
        return True
    # An elided number next to a casualty word anywhere in its clause.
    return c.kind in ("elided", "level") and _CASUALTY_NEAR_RE.search(
        text, max(s_start, c.start - 40), min(s_end, c.end + 40)) is not None


# --- attributes ----------------------------------------------------------------------------


def _doc_country(doc: DocContext) -> str | None:  # called at most until the first fact
    """The state the document mentions most (a last resort for the actor)."""
    counts = Counter(m.country for ms in doc.mentions for m in ms
                     if len(m.country) == 3 and m.country != "COALITION")
    top = counts.most_common(1)
    return top[0][0] if top else None


def _is_state_mention(m: CountryMention) -> bool:
    return not is_place(m.surface)


_ATTR_FIRST = frozenset("fmcgdpt")
_ATTR_FORCE_RE = re.compile(r"\s(?:force|mission|contingent|garrison|deployment|drawdown|"
                            r"pullout|troop)\b")


# Demonyms are never a place modifier: most end like these ("Syrian", "French", "Iraqi",
# "Chinese", "Greek"); names that end the same way ("Iran", "Mali") are simply not tested.
_DEMONYM_END_RE = re.compile(r"(?:an|en|ese|sh|ch|ss|i|ic|ek|ik|ino|ine|ot|z)$")
_SHORT_DEMONYMS = frozenset({"Serb", "Croat", "Slovene", "Finn", "Swede", "Dane", "Pole",
                             "Briton", "Scot", "Lao", "Basque", "Kurd", "Arab"})


def _attributive_place(text: str, end: int, surface: str, code: str) -> bool:
    """A country's name used as a noun modifier of a force ("U.S. to cut Syria force"): where
    the force is, not whose it is. Not abbreviations ("U.S. force") or demonyms."""
    return text[end + 1 : end + 2] in _ATTR_FIRST and len(code) == 3 and \
        text.startswith(" ", end) and _ATTR_FORCE_RE.match(text, end, end + 14) is not None \
        and "." not in surface and not surface.isupper() and \
        _DEMONYM_END_RE.search(surface) is None and surface not in _SHORT_DEMONYMS and \
        surface not in demonym_surfaces()


_JOINT_RE = re.compile(r",?\s+and\s+(?:the\s+)?$")
# The pair is the subject: a verb (or "each", "jointly") follows it directly.
_JOINT_AFTER_RE = re.compile(
    r"\s+(?:\w+ly\s+)?(?:each|jointly|together|both|will|would|could|shall|have|had|plan|"
    r"plans|planned|agreed|are|were|sent|send|deployed|deploy|keep|kept|maintain|station|"
    r"stationed|pledged|committed|contributed|withdrew|massed|mobili[sz]ed|held|hold|holds|"
    r"conducted|launched|began|started)\b")


def _joint_subject(text: str, mentions: list[CountryMention], m: CountryMention) -> bool:
    """Is ``m`` the last of "X and Y" whose troops the sentence counts together ("India and
    China each have", "The Netherlands and Belgium will jointly send")?"""
    before = [o for o in mentions if o.char_end <= m.char_start]
    if not before or before[-1].country == m.country or is_place(before[-1].surface):
        return False
    if not _JOINT_RE.match(text[before[-1].char_end : m.char_start]):
        return False
    return _JOINT_AFTER_RE.match(text, m.char_end, m.char_end + 40) is not None


def _actor(doc: DocContext, s_no: int, c: _Cand, prev: TroopFact | None,
           prev_s_no: int, action: str) -> str | None:
    """Whose troops (rules 40-42, 52)."""
    text = doc.text
    sent = doc.sentences[s_no]
    mentions = [m for m in doc.mentions[s_no] if _is_state_mention(m) and
                not _attributive_place(doc.text, m.char_end, m.surface, m.country)]
    prev_actor = prev.actor if prev is not None else None
    near_prev = prev is not None and s_no - prev_s_no <= 1
    quote = text[c.start : c.end]
    # Inside the quote: "Some 850 British troops", "troops of the Saudi-led coalition".
    if _LED_RE.search(quote) or _COALITION_RE.search(quote):
        return "COALITION"
    if c.kind == "level" and prev is not None and prev_s_no == s_no and prev_actor and \
            prev.char_end <= c.start and _DOWN_FROM_RE.search(text[prev.char_end : c.start]):
        # "keeps around 200 personnel at Pituffik in Greenland's far northwest, ..., down
        # from some 10,000": the earlier level of the same force (rules 48, 50).
        return prev_actor
    fm = _FORCE_NAME_RE.search(text, c.start, c.end)
    if c.kind == "demonym":
        # "N Armenians served in the German army": the army's state, else unknown.
        return _army_owner(doc, s_no)
    if c.kind == "units":
        # A breakdown continuing the previous sentence's count keeps its state.
        if near_prev and prev_actor is not None:
            return prev_actor
        owner = _army_owner(doc, s_no)
        if owner:
            return owner
    if fm and c.kind in ("man", "strong"):
        return FORCE_NAMES[fm.group(0)]
    inside = [m for m in mentions if c.start <= m.char_start < c.end]
    if len({m.country for m in inside}) > 1:
        return None  # "South Korean and American soldiers": several states (rule 42)
    if inside:
        return inside[0].country
    if fm:
        return FORCE_NAMES[fm.group(0)]
    lo40 = max(sent.start, c.start - 50)
    win = text[lo40 : c.start]
    if ("side" in win or "two" in win or "both" in win) and _BOTH_SIDES_RE.search(win):
        return None  # "the two sides each still keep 50,000 soldiers" (rule 42)
    if "attle" in win and _BATTLEGROUP_OF_RE.search(win) and _names(doc, "NATO"):
        # "Canada leads a battlegroup of 2,000 soldiers from 14 countries": NATO's
        # multinational formation counted as a whole (rule 41).
        return "NATO"
    sf = _SUBJECT_FORCE_RE.match(text, sent.start, c.start) or (
        _SUBJECT_FORCE_DL_RE.match(text, sent.start, c.start) if s_no < 2 else None)
    if sf and (_POSS_PRON_RE.search(text, max(sent.start, c.start - 30), c.start)
               or _SIZE_VERB_RE.search(win) or _FORCE_WITH_RE.search(win)
               # "The Multinational Force and Observers, which monitors the treaty, has
               # about 1,100 personnel from 13 countries": the force's own size, counted
               # whole (rule 41), when no state stands between the force and the count.
               or (_HAS_BEFORE_RE.search(win) and not any(
                   sf.end() <= m.char_start < c.start
                   and not _inside_aside(text, sent.start, m, c.start) for m in mentions))):
        # The sentence's subject is a named force whose size this is: "UNIFIL was set up
        # ..., when its strength peaked at N"; "A multinational force ... could number N".
        return FORCE_NAMES[sf.group("name")]
    if _GENERIC_FORCE_SUBJ_RE.match(text, sent.start, c.start) and _SIZE_VERB_RE.search(win):
        # "The standby force, agreed by ECOWAS leaders in 2023, is meant to number 5,000
        # troops": the force a sentence about an unnamed force names (rule 41).
        gf = _FORCE_NAME_RE.search(text, sent.start, c.start)
        if gf is not None and not _LOC_PREP.search(text[max(sent.start, gf.start() - 30)
                                                         : gf.start()]):
            return FORCE_NAMES[gf.group(0)]
    if text.find("ultinational", sent.start, c.start) >= 0 and _SIZE_VERB_RE.search(win) and \
            _MULTI_UNIT_RE.match(text, sent.start, c.start) and \
            _NATO_UNIT_RE.search(text) is not None:
        # "The multinational brigade is expected to number about 5,000 troops" in a story
        # about the NATO brigade or battlegroup: NATO's formation counted whole (rule 41).
        return "NATO"
    after = text[c.end : min(sent.end, c.end + 40)]
    several = _SEVERAL_STATES_RE.match(after)
    s_end = c.end + several.end() if several else 0
    if several and "'s" in text[s_end : min(sent.end, s_end + 60)]:
        # "20,000 troops from 13 countries began NATO's Nordic Response exercise": the
        # bloc's exercise or force takes them as a whole (rule 41).
        bn = _SEVERAL_BLOC_RE.match(text, s_end, min(sent.end, s_end + 60))
        if bn and (bn.group(1) != "the alliance" or _names(doc, "NATO")):
            return "NATO"
    if several or _UNSTATED_RE.search(quote):
        return None  # "troops from both countries", "2,500 foreign troops" (rule 42)
    if action == "other" and _NEEDED_RE.match(text, c.end, min(sent.end, c.end + 40)):
        return None  # "35,000 soldiers would be needed" (rule 52)
    # Just after: "troops from the Saudi-led coalition", "troops of the U.N. force".
    if _LED_COALITION_AFTER_RE.match(after):
        return "COALITION"
    fa = _FORCE_NAME_RE.search(text, c.end, min(sent.end, c.end + 40))
    if fa and _FROM_OF_WITH_RE.match(after) and not any(
            c.end <= m.char_start < fa.start() for m in mentions):
        # (not "troops from Rwanda, the United Nations says": the state comes first)
        return FORCE_NAMES[fa.group(0)]
    if action != "withdraw":
        for m in doc.mentions[s_no]:
            if c.end <= m.char_start <= c.end + 40 and not is_place(m.surface) and \
                    _FROM_OF_RE.match(text[c.end : m.char_start]):
                if _MOVE_TO_RE.match(text, m.char_end, sent.end):
                    break  # "move 1,000 troops from Germany to Poland": where they leave
                listed = _STATE_LIST_RE.match(text, m.char_end, sent.end)
                if listed and any(o.char_start >= m.char_end and o.country != m.country
                                  for o in mentions if o.char_start <= listed.end()):
                    # "troops from Kenya, Uganda and Burundi": several states; a named
                    # force later in the sentence takes them as a whole (rule 41).
                    later = _FORCE_NAME_RE.search(text, listed.end(), sent.end) or \
                        _BLOC_FORCE_RE.search(text, listed.end(), sent.end)
                    return _force_code(later) if later else None
                return m.country
    if text.find("'s", max(sent.start, c.start - 80), c.start) >= 0:
        ha = _HOST_ARMY_RE.search(text, max(sent.start, c.start - 80), c.start)
        if ha:
            # "In Jordan, where 3,000 U.S. troops are based, the kingdom's army has sent
            # 2,000 soldiers": the state the sentence is set in ("In Jordan"), not the
            # nearest state, which is another's troops in an aside (rule 40).
            for m in reversed([m for m in mentions if m.char_end <= ha.start()]):
                if _LOC_PREP.search(text[max(sent.start, m.char_start - 30) : m.char_start]):
                    return m.country
    # Before, in the sentence: the nearest state (or head of state) that is not a place.
    lead = None
    for lm in _LEADER_RE.finditer(text, sent.start, c.start):
        lead = lm
    # "the alliance" in a document naming NATO; a named force ("The AU withdrew ..."):
    # nearer than any state mention before the count, it is the owner.
    named, named_code = -1, ""
    lo45 = max(sent.start, c.start - 45)
    for am in _FORCE_NAME_RE.finditer(text, lo45, c.start):
        if not _LOC_PREP.search(text[max(sent.start, am.start() - 30) : am.start()]):
            named, named_code = am.start(), FORCE_NAMES[am.group(0)]
    al = text.rfind("he alliance", max(sent.start, c.start - 120), c.start) - 1
    if al > named and text[al] in "Tt" and _names(doc, "NATO") and \
            not _LOC_PREP.search(text[max(sent.start, al - 30) : al]):
        named, named_code = al, "NATO"
    k = text.rfind(", which", max(sent.start, c.start - 50), c.start)
    if k >= 0 and named < 0:
        # "their Alliance of Sahel States (AES), which is to number 5,000 soldiers": a
        # relative clause about the named force right before it.
        for am in _FORCE_NAME_RE.finditer(text, max(sent.start, k - 50), k + 1):
            if _FORCE_WHICH_RE.match(text, am.end(), c.start):
                named, named_code = am.start(), FORCE_NAMES[am.group(0)]
    for m in reversed([m for m in mentions if m.char_end <= c.start]):
        if named >= m.char_end:
            break
        if lead is not None and lead.start() > m.char_end:
            break
        pre = text[max(sent.start, m.char_start - 40) : m.char_start]
        post = text[m.char_end : m.char_end + 16]
        if _BORDER_AFTER_RE.match(post):
            continue
        if _LED_RE.match(post):
            return "COALITION"
        if _LOC_PREP.search(pre) and not _POSSESSIVE_RE.match(post):
            continue
        k = pre.rfind(",")
        if k >= 0 and _APPOS_ASIDE_RE.match(pre, k):
            continue  # "Burundi, an ally of Kinshasa, has ...", "army, known by its French ..."
        if text.find(",", m.char_end, c.start) >= 0 and _inside_aside(text, sent.start, m,
                                                                     c.start):
            continue  # "Finland, which shares a border with Russia, has 280,000 soldiers"
        if c.start - m.char_end > 90 and prev_actor is not None and \
                text.find("the country's", m.char_end, c.start) < 0 and not (
                    text.startswith(",", m.char_end) and _subject_aside(text, sent.start, m,
                                                                         c.start)):
            return prev_actor  # a far-away mention in a long sentence: keep the thread
        if _joint_subject(text, mentions, m):
            return None  # "The Netherlands and Belgium will send 400 troops" (rule 42)
        return m.country
    else:
        if named < 0 and lead is not None:
            return LEADERS[lead.group(0)]
    if named >= 0 and (lead is None or named > lead.start()):
        return named_code
    if lead is not None:
        return LEADERS[lead.group(0)]
    la = _LEADER_RE.search(text, c.end, sent.end)
    if la and _BY_WORDS_RE.search(text[c.end : la.start()]):
        return LEADERS[la.group(0)]
    # "Some 90,000 troops took part in NATO's Steadfast Defender exercise" (rule 41).
    bp = _BLOC_AFTER_RE.match(text, c.end, min(sent.end, c.end + 60))
    if bp and (bp.group("NATO") is None or not bp.group("NATO").startswith("the")
               or _names(doc, "NATO")):
        return bp.lastgroup
    # "It has about 750,000 men under arms": the state the previous sentence is about.
    if s_no > 0 and _PRONOUN_START_RE.match(text, sent.start, c.start):
        subj = _first_state(doc, s_no - 1)
        if subj is not None:
            return subj
    # "Uganda intervened in 2013. Those soldiers, numbering about 3,000, ...": the
    # previous sentence's subject (rule 52).
    if s_no > 0 and text.startswith("Th", sent.start + (text[sent.start] in "\"'(")) and \
            _THOSE_START_RE.match(text, sent.start, c.start):
        subj = _first_state(doc, s_no - 1)
        if subj is not None:
            return subj
    # "... the Ugandan army chief said. The army later said about 2,000 troops had been
    # sent": the army the previous sentence named.
    if s_no > 0 and _THE_ARMY_START_RE.match(text, sent.start, c.start):
        for m in doc.mentions[s_no - 1]:
            if len(m.country) == 3 and _OWN_ARMY_AFTER_RE.match(text, m.char_end):
                return m.country
    # "UNIFIL has operated in Lebanon since 1978. Its 10,000 peacekeepers ...": a named
    # force in the previous sentence.
    if s_no > 0 and (prev is None or s_no - prev_s_no > 1):
        pf = _FORCE_NAME_RE.search(text, doc.sentences[s_no - 1].start,
                                   doc.sentences[s_no - 1].end)
        if pf is None:
            # "... hosts a NATO battlegroup. Its 1,000 troops": a bloc's named force.
            pf = _BLOC_FORCE_RE.search(text, doc.sentences[s_no - 1].start,
                                       doc.sentences[s_no - 1].end)
        if pf and (_POSS_PRON_RE.search(text, max(sent.start, c.start - 12), c.start + 4)
                   or _IT_HAD_RE.search(text, max(sent.start, c.start - 16), c.start)
                   # "The mission's military component of some 11,600 peacekeepers"
                   or _POSS_PART_OF_RE.search(text, max(sent.start, c.start - 50), c.start)):
            return _force_code(pf)
    # "U.S. Marines ... The first rotation sent just 200 Marines": a distinctive troop noun
    # a state qualified earlier in the document keeps that state.
    head = quote.rsplit(None, 1)[-1] if quote else ""
    if head in _DISTINCT_NOUNS:
        for k in range(s_no - 1, -1, -1):
            for m in reversed(doc.mentions[k]):
                if len(m.country) == 3 and m.country != "COALITION" and \
                        text.startswith(" " + head, m.char_end):
                    return m.country
    # Context: the previous fact's state (rule 52), else the document's main state.
    if prev_actor is not None:
        return prev_actor
    if prev is not None:
        return None
    return _doc_country(doc)


_DISTINCT_NOUNS = frozenset({"Marines", "marines", "sailors", "paratroopers", "airmen",
                             "commandos", "Gurkhas", "legionnaires"})


def _names(doc: DocContext, code: str) -> bool:
    """Does the document name this state or bloc anywhere?"""
    return any(m.country == code for ms in doc.mentions for m in ms)


_BOTH_SIDES_RE = re.compile(
    r"\b(?:the two sides|both sides|each side|the two (?:armies|countries|nations|neighbou?rs)|"
    r"both (?:armies|countries|nations))\b[^.;]{0,40}$", re.IGNORECASE)
_BATTLEGROUP_OF_RE = re.compile(r"\bbattle ?groups?\s+(?:\w+\s+){0,3}?of\s+$", re.IGNORECASE)
# A dateline ("BERLIN (Reuters) -", "SEOUL, South Korea (AP) —"): AP copy uses a dash.
_DATELINE = (r"[A-Z][A-Za-z.' -]{1,40}(?:,\s+[A-Za-z][A-Za-z0-9.' ]{1,30}){0,2}\s*"
             r"(?:\([A-Za-z .]{2,30}\))?\s*(?:-{1,2}|:|\u2014|\u2013)\s")
_SUBJECT_FORCE = rf"[\s\"'(]*(?:(?:A|An|The)\s+)?(?P<name>{_alt(list(FORCE_NAMES))})\b"
_SUBJECT_FORCE_RE = re.compile(_SUBJECT_FORCE)
# The same after a dateline: tried only on a document's first sentences (it is slow to
# fail on other sentences).
_SUBJECT_FORCE_DL_RE = re.compile(rf"{_DATELINE}{_SUBJECT_FORCE}")
_GENERIC_FORCE_SUBJ_RE = re.compile(r"[\s\"'(]*(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,2}?"
                                    r"(?:force|mission|brigade|contingent)\b")
_SIZE_VERB_RE = re.compile(r"\b(?:number|numbers|numbered|total|totals|comprise|comprises)\s+$")
# "The People's Liberation Army, the world's largest military with about 2 million ...":
# the size of the force the sentence opens with.
_FORCE_WITH_RE = re.compile(r",\s+(?:the|a|an)\s+[^,;:]{0,50}\b(?:army|military|force|navy)"
                            r"\s+with\s+$")
_HAS_BEFORE_RE = re.compile(r"\b(?:has|have|had|now has|still has|currently has)\s+$")
# "the kingdom's army", "the country's military": the state the sentence is set in.
_HOST_ARMY_RE = re.compile(r"\bthe\s+(?:kingdom|country|island|republic|emirate|island nation)"
                           r"'s\s+(?:army|military|armed forces|forces|navy|troops)\b[^,;:]{0,40}$")
_BLOC_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:in|of|for|with)\s+(?:the\s+)?"
    r"(?:(?P<NATO>NATO|Nato|the alliance)|(?P<UN>U\.N\.|UN|United Nations)|"
    r"(?P<AU>African Union|AU))'s\b")


# A comma aside between a subject and its verb: ", a nation of 1.9 million that borders
# Russia and Belarus, has", ", which shares a border with Russia, has".
_ASIDE_RE = re.compile(r",\s+(?:which|who|whose|that|an?|the|"
                       # "The United States, Taiwan's main arms supplier, has ..."
                       r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?'s)\s+(?:[^,;:]|,(?=\d)){0,120}?"
                       r",\s+(?:now\s+|also\s+|"
                       r"still\s+)?(?:has|have|had|keeps|kept|maintains|fields|numbers|is|are|"
                       r"was|were|will|would|plans|wants|said|says|sent|sends|deployed|deploys|"
                       r"moved|moves|ordered|orders|dispatched|withdrew|pulled|agreed)\b")


def _inside_aside(text: str, lo: int, m: CountryMention, hi: int) -> bool:
    """True when mention ``m`` stands inside a comma aside that closes before ``hi``: the
    aside describes the subject, it does not own the troops."""
    for a in _ASIDE_RE.finditer(text, max(lo, m.char_start - 125), hi):
        if a.start() < m.char_start and m.char_end <= a.end():
            return True
    return False


def _subject_aside(text: str, lo: int, m: CountryMention, hi: int) -> bool:
    """Is ``m`` the sentence's subject, followed by a comma aside and its verb before ``hi``
    ("Finland, which joined NATO in 2023 and shares a 1,340-km border with Russia, has a
    peacetime army of about 23,000 soldiers")? Then it owns the count however long the aside
    is."""
    if text[lo : m.char_start].strip(" \"'(").lower() not in ("", "the"):
        return False
    a = _ASIDE_RE.match(text, m.char_end, hi)
    return a is not None and not _CLAUSE_BREAK_RE.search(text, a.end(), hi)


def _first_state(doc: DocContext, s_no: int) -> str | None:
    """The first state (not a place) a sentence names: usually its subject."""
    for m in doc.mentions[s_no]:
        if len(m.country) == 3 and m.country != "COALITION" and _is_state_mention(m):
            return m.country
    return None


_COALITION_RE = re.compile(r"\bcoalition\b", re.IGNORECASE)
_APPOS_ASIDE_RE = re.compile(r",\s+(?:(?:an?|the)\s+(?:[\w'-]+\s+){0,2}(?:of|to|with)|"
                             r"(?:also\s+)?(?:known|called)\s+(?:as|by)\s+(?:[\w'-]+\s+){0,3}?)"
                             r"\s*(?:the\s+)?$")
_LED_COALITION_AFTER_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?[\w.-]+-led coalition")
_FROM_OF_WITH_RE = re.compile(r"\s+(?:from|of|with)\s+")
_POSSESSIVE_RE = re.compile(r"'s\b")
_BY_WORDS_RE = re.compile(r"\bby\s+(?:\w+\s+){0,2}$")
_SEVERAL_STATES_RE = re.compile(
    r"\s+(?:from|of)\s+(?:both|the two|two|three|several|many|various|\d+|all \d+)\s+"
    r"(?:\w+\s+)?(?:countries|nations|states|allies|armies|sides)\b", re.IGNORECASE)
_UNSTATED_RE = re.compile(r"\b(?:foreign|international|European|African|Western|Arab|Asian)\b")
_NEEDED_RE = re.compile(r"[\s,]+(?:\w+\s+){0,3}(?:needed|required|necessary)\b", re.IGNORECASE)
_PRONOUN_START_RE = re.compile(r"[\s\"'(]*(?:It|They)\s+(?:has|have|had|now has|keeps|kept|"
                               r"maintains|fields|numbers)\b")
_MULTI_UNIT_RE = re.compile(r"[\s\"'(]*(?:The|A|This|That|Its)\s+(?:new\s+)?multinational\s+"
                            r"(?:brigade|battle ?group|division|corps)\b", re.IGNORECASE)
_NATO_UNIT_RE = re.compile(r"\bNATO(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:[Bb]rigade|[Bb]attle ?group|"
                           r"[Dd]ivision|[Cc]orps)\b")
_SEVERAL_BLOC_RE = re.compile(r"[^.;]{0,30}?\b(?:began|begin|begins|joined|join|joins|launched|"
                              r"in|for|with|of|under)\s+(NATO|Nato|the alliance)'s\s")
_OWN_ARMY_AFTER_RE = re.compile(r"(?:'s)?\s+(?:army|armed forces|military)\b")
_FORCE_WHICH_RE = re.compile(r"(?:\s*\([^()]{1,12}\))?,\s+which\s+(?:[\w-]+\s+){0,4}$")
_THOSE_START_RE = re.compile(r"[\s\"'(]*(?:Those|These)\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|"
                             r"forces|personnel|contingents?|peacekeepers|units)\b")
_THE_ARMY_START_RE = re.compile(r"[\s\"'(]*The\s+(?:army|military|armed forces|"
                                r"(?:defen[cs]e\s+)?ministry)\b")
_IT_HAD_RE = re.compile(r"\b[Ii]t\s+(?:had|has|now has|numbered|numbers)\s+$")
_POSS_PRON_RE = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Tt]he (?:mission|force)'s)\s+")
_POSS_PART_OF_RE = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Tt]he (?:mission|force)'s)\s+"
                              r"(?:[\w-]+\s+){1,3}?of\s+$")


_STATE_LIST_RE = re.compile(r"(?:,\s+(?:and\s+)?(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?"
                            r"|\s+and\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)+")
_MOVE_TO_RE = re.compile(r"\s+(?:to|into)\s+(?:the\s+)?[A-Z]")
_FROM_LIST_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                           r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?"
                           + "(?:" + _STATE_LIST_RE.pattern + ")?")
# A bloc named as the force the listed states serve in ("... serve in the African Union
# force"), not merely as a source ("..., the United Nations said").
_BLOC_FORCE_RE = re.compile(
    r"\b(?:(?P<AU>African Union)|(?P<UN>United Nations|U\.N\.|UN)|(?P<NATO>NATO))(?!\w)"
    r"(?=[^.;]{0,20}\b(?:force|forces|mission|peacekeep\w*|contingent|operation|"
    r"battle ?groups?)\b)")


def _force_code(m: re.Match[str]) -> str:
    """The code of a named force or bloc matched by ``_FORCE_NAME_RE``/``_BLOC_FORCE_RE``."""
    return m.lastgroup if m.re is _BLOC_FORCE_RE else FORCE_NAMES[m.group(0)]  # type: ignore[return-value]


# ("troops from neighbouring Rwanda": the adjective before the state is allowed)
_FROM_OF_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                         r"(?:[A-Z][\w.'-]*\s+){0,3}(?:[\w.'-]+,\s)?$")


def _army_owner(doc: DocContext, s_no: int) -> str | None:
    """The state of an army named in a sentence ("the German army", "the Wehrmacht")."""
    if s_no < 0:
        return None
    sent = doc.sentences[s_no]
    for m in doc.mentions[s_no]:
        if _ARMY_AFTER_RE.match(doc.text, m.char_end, m.char_end + 24):
            return m.country
    fm = _FORCE_NAME_RE.search(doc.text, sent.start, sent.end)
    if fm:
        return FORCE_NAMES[fm.group(0)]
    return None


_ARMY_AFTER_RE = re.compile(r"\s+(?:army|armed forces|military|Wehrmacht|navy|forces|units)\b",
                            re.IGNORECASE)


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
        if _BORDER_AFTER_RE.match(post) or _LED_RE.match(post) or _RUN_BY_RE.match(post):
            continue
        if _ARMY_AFTER_RE.match(post):
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
        if " to " in pre[-12:] and _TURNED_TO_RE.search(pre):
            continue  # "turned to Russia for help", "appealed to France": a party, not a place
        if (" war " in pre or " invasion " in pre or " conflict " in pre) and \
                _TIME_PHRASE_RE.search(pre):
            continue  # "up from 30,000 before the war in Gaza": a time, not a place
        surface = m.surface
        if "sa" in post[:8] and _SPEAKER_AFTER_RE.match(post) and not _LOC_PREP.search(pre):
            continue  # "the Pentagon said", "Washington says": a speaker, not a place
        if pre.endswith(" in ") and ("rs in" in pre or "ts in" in pre or "ce in" in pre
                                    or "ng in" in pre) \
                and _SPEAKER_IN_RE.search(pre):
            continue  # "told reporters in Canberra": where it was said, not a troop place
        placed = bool(is_place(surface) or _LOC_PREP.search(pre) or _POSS_PLACE_RE.match(post)
                      or _attributive_place(text, end, surface, code)
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


_DATELINE_RE = re.compile(_DATELINE)


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


def _location(doc: DocContext, s_no: int, c: _Cand, actor: str | None, action: str,
              prev: TroopFact | None, prev_s_no: int,
              cache: dict[tuple[int, bool], list[tuple[int, str, bool]]] | None = None,
              ) -> str | None:
    """Where they are, go or leave (rules 43-44)."""
    text = doc.text
    sent = doc.sentences[s_no]
    if c.kind == "level" and prev is not None and prev_s_no == s_no and \
            prev.char_end <= c.start and _DOWN_FROM_RE.search(text[prev.char_end : c.start]):
        # "About 100,000 U.S. service members are now in Europe, down from a peak of
        # 105,000": the earlier level of the same force, in the same place (rules 48, 50).
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
        if hs and not _CLAUSE_BREAK_RE.search(text, hs.end(), c.start):
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
    if own and text.find("the country", c.end, c.end + 50) >= 0 and \
            _IN_THE_COUNTRY_RE.match(text, c.end, sent.end):
        # "leaving about 1,000 American soldiers in the country": the one other state named
        # (not one in a later clause: "..., and Norway is expected to contribute ...").
        right = _clause_bounds(text, sent.start, sent.end, c.start, c.end)[1]
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
                       for f in _FORCE_NAME_RE.finditer(text, sent.start, c.start))):
        # "Japan's Self-Defense Forces, which have about 247,000 personnel, are building up
        # units near Taiwan": the home army's size (rule 44); the places after the aside
        # belong to the main clause.
        return own
    places = _place_mentions(doc, s_no, skip=(c.start, c.end), cache=cache)
    if action != "withdraw":
        # "troops from Kenya, Uganda and Burundi are in Somalia": the states the troops
        # come from are their owners, not where they are or go.
        origin = _FROM_LIST_RE.match(text, c.end, sent.end)
        if origin is not None:
            places = [p for p in places if not origin.start() <= p[0] < origin.end()]
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
        right = _clause_bounds(text, sent.start, sent.end, c.start, c.end)[1]
        if not any(m.country not in (own, "COALITION") and len(m.country) == 3
                   and m.char_start < right for m in doc.mentions[s_no]):
            if len(others) == 1:
                return others.pop()
            # "Finland, which ... shares a border with Russia, has ... The United States has
            # about 500 troops in the country": the previous sentence's subject (rule 43),
            # when that sentence places nothing ("opened a base in Djibouti" would win).
            prev_sent = doc.sentences[s_no - 1]
            subj = _first_state(doc, s_no - 1)
            if subj in others and not _place_mentions(doc, s_no - 1, cache=cache) and any(
                    m.country == subj and m.char_start - prev_sent.start <= 4
                    for m in doc.mentions[s_no - 1]):
                return subj
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
    if own and action != "deploy" and (_EXERCISE_RE.search(stext) or _ALERT_RE.search(stext)
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
            _HOME_ARMY_RE.search(text, *_clause_bounds(text, sent.start, sent.end, c.start,
                                                       c.end)) and \
            own in {m.country for m in doc.mentions[max(0, s_no - 1)]} | {
                m.country for m in doc.mentions[s_no]} | {
                LEADERS[lm.group(0)] for lm in _LEADER_RE.finditer(stext)}:
        return own  # "The Lebanese Army is over 30,000 troops", "750,000 men under arms"
    if own and _THE_COUNTRY_RE.search(stext):
        # "ordered France to withdraw its soldiers from the country": the other state named
        # (in the count's clause, if "the country" is there too).
        left, right = _clause_bounds(text, sent.start, sent.end, c.start, c.end)
        if _THE_COUNTRY_RE.search(text, left, right):
            others = {m.country for m in doc.mentions[s_no]
                      if len(m.country) == 3 and left <= m.char_start < right} - {own}
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


def _one_island(doc: DocContext, s_no: int, stext: str) -> str | None:
    """"cut the Marine presence on the island" after a sentence naming Okinawa and Guam: the
    one island (an alias marked so) named up to three sentences back (rule 43)."""
    if "the island" not in stext or not _THE_ISLAND_RE.search(stext):
        return None
    islands = {m.country for k in range(max(0, s_no - 3), s_no + 1)
               for m in doc.mentions[k] if m.surface in island_surfaces()}
    return islands.pop() if len(islands) == 1 else None


# "one of the smallest in Europe", "among the largest in the Gulf": a comparison, not where
# the troops are.
_SUPERLATIVE_RE = re.compile(r"\bthe\s+(?:most\s+[\w-]+|[a-z]{2,}est)\s+(?:[\w-]+\s+){0,2}$")


_REGION_NOUN_OF_RE = re.compile(r"\s+(?:[\w-]+\s+)?(?:island|islands|archipelago|port|city|town|"
                                r"nation|country|state|kingdom|emirate|enclave|exclave|"
                                r"coast|peninsula)\s+of\s+[A-Z]")


def _region(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first region named in ``text[start:end]`` that is not a superlative's scope."""
    for r in _REGION_RE.finditer(text, start, end):
        if _REGION_NOUN_OF_RE.match(text, r.end(), end):
            continue  # "to the Baltic Sea island of Gotland": the place named after "of"
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
_RETURN_TO_RE = re.compile(r"\b(?:return|back|home)\s+to\s+(?:the\s+)?$")
_WITH_THE_REST_RE = re.compile(r",\s+with\s+the\s+(?:rest|remainder|others|remaining)\b")
_NAMED_BORDER_RE = re.compile(r"\s+(?:(?:are|were|will be|would be|have been|has been)\s+)?"
                              r"(?:sent|deployed|moved|dispatched|sends?|deploy)?\s*"
                              r"(?:to|along|on|near|at)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w.'-]*\s+){1,2}(?:border|frontier)\b")
_CALL_UP_RE = re.compile(r"\b(?:mobili[sz](?:e|es|ed|ing)|call(?:s|ed|ing)? up|call-up)\b",
                         re.IGNORECASE)
# "on alert along its own frontier": on alert at a place (rule 48), not standby at home.
_ALERT_AT_BORDER_RE = re.compile(r"\s+on\s+(?:full\s+|high\s+)?(?:combat\s+)?alert\s+"
                                 r"(?:along|at|on|near)\s+(?:the|its|their)\s+(?:own\s+)?"
                                 r"(?:[\w-]+\s+){0,2}?(?:border|borders|frontier)\b",
                                 re.IGNORECASE)
_ALERT_RE = re.compile(r"\bon (?:full |high )?(?:combat )?alert\b", re.IGNORECASE)
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
_BY_BEFORE_RE = re.compile(r"\bby\s+$")
_ORDER_BEFORE_RE = re.compile(r"\b(?:order(?:s|ed)?|ask(?:s|ed)?|told|tell(?:s)?|demand(?:s|ed)?)"
                              r"\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_LEAVE_RE = re.compile(r"\bto\s+(?:leave|withdraw|pull\s+out|go\s+home|depart|quit)\b",
                          re.IGNORECASE)
_LEVEL_CHANGE_RE = re.compile(
    r"\b(?:(?P<down>cut(?:s|ting)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|"
    r"low(?:er|ers|ered|ering)|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|"
    r"draw(?:s|ing)? down|drew down|withdraw(?:s|ing)?|withdrew)"
    r"|(?P<up>increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
    r"expand(?:s|ed|ing)?|bolster(?:s|ed|ing)?|add(?:s|ed|ing)?))\b",
    re.IGNORECASE,
)
_PART_BEFORE_RE = re.compile(r"\d\s+of\s+(?:its|their|the|his|her|our)\s+$")
_RELOCATE_BEFORE_RE = re.compile(r"\b(?:relocat(?:e|es|ed|ing)|redeploy(?:s|ed|ing)?)\s+"
                                 r"(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_STAY_RE = re.compile(r"\s+to\s+(?:stay|remain)\b")
_ROTATE_BEFORE_RE = re.compile(r"\brotat(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO_PLACE_AFTER_RE = re.compile(r"[^.;]{0,60}?\s(?:to|into)\s+(?:the\s+)?[A-Z]")
_INVASION_RE = re.compile(r"\b(?:incursion|invasion|offensive)\b", re.IGNORECASE)
_HOME_AFTER_RE = re.compile(r"\s+home\b")
_THE_COUNTRY_RE = re.compile(r"\b(?:from|in|into|out of|inside) the country\b|"
                             r"\bon (?:its|their) (?:own )?(?:soil|territory)\b", re.IGNORECASE)


def _action(doc: DocContext, s_no: int, c: _Cand) -> str:
    """deploy / withdraw / present / other from the cue words around the count (45-51)."""
    text = doc.text
    sent = doc.sentences[s_no]
    anchor = c.noun_start if c.kind == "appos" else c.start  # "troops, numbering N"
    left, right = _clause_bounds(text, sent.start, sent.end, anchor, c.end)
    stext = text[sent.start : sent.end]
    found = _cue_action(text, doc.folded, left, right, anchor, c)
    cued = found or "present"
    # Exercises and readiness checks are "other" (rule 49) unless troops are sent to one
    # (or stay on after it).
    exercise = _EXERCISE.search(stext) is not None
    elsewhere = _exercise_elsewhere(text, sent.start, sent.end, anchor, c.end) \
        if exercise else None
    if elsewhere == "aside" and found == "other":
        return "present"  # the size in the aside, not the drills after it (rule 48)
    if exercise and elsewhere is None:
        if cued == "deploy" and _MOTION_RE.search(text, max(left, anchor - 60),
                                                   min(right, c.end + 40)):
            return "deploy"
        if _STAY_RE.match(text, c.end, min(right, c.end + 40)):
            return "present"  # "30,000 troops would stay in Belarus after the exercises"
        if text.find("whose", max(left, anchor - 50), anchor) >= 0 and _WHOSE_SIZE_RE.search(
                text, max(left, anchor - 50), anchor):
            return "present"  # "Belarus, whose army numbers 48,000 troops, held exercises"
        return "other"
    if _ALERT.search(stext) and s_no > 0 and _EXERCISE_RE.search(
            text, doc.sentences[s_no - 1].start, doc.sentences[s_no - 1].end):
        return "other"
    if _STANDBY_OTHER.found_in(text, max(left, anchor - 80), min(right, c.end + 60)):
        if text.find("alert", c.end, min(right, c.end + 30)) >= 0 and _ALERT_AT_BORDER_RE.match(
                text, c.end, right):
            return "present"  # "put 350 soldiers on alert along its frontier" (rule 48)
        return "other"
    if _INVASION_RE.search(text, sent.start, anchor) and (
            found is None or found == "deploy"
            or _INVASION_RE.search(text, max(sent.start, anchor - 40), anchor)):
        return "deploy"  # an incursion or invasion with no other verb for the count
    if _ORDER_BEFORE.found_in(text, max(left, anchor - 40), anchor) and _TO_LEAVE.found_in(
            text, c.end, min(right, c.end + 80)):
        return "withdraw"  # "ordered/asked the 1,000 French soldiers ... to leave"
    if text.find(" of ", c.start - 12, c.start) >= 0 and _PART_BEFORE_RE.search(
            text, max(sent.start, c.start - 20), c.start):
        return "present"  # "withdraw 1,000 of its 2,500 troops": the whole stays (rule 48)
    if _ORDER_BEFORE.found_in(text, max(left, anchor - 40), anchor) and \
            _TO_STAY_RE.match(text, c.end, min(right, c.end + 40)):
        return "present"  # "ordered about 2,000 soldiers to stay in ...": staying (rule 48)
    if found == "present" and _MORE_RE.match(text, c.noun_start, c.end) and \
            _STATION_BEFORE_RE.search(text, max(left, anchor - 40), anchor):
        return "deploy"  # "will station 150 more soldiers in Greenland": troops added (46)
    if _ALREADY_THERE_RE.match(text, c.end, right):
        return "present"  # "adding to the 1,600 soldiers already based in the kingdom" (48)
    if _AT_PEAK_RE.match(text, c.end, right):
        return "present"  # "Those soldiers, numbering about 3,000 at their peak, left"
    if _BRING_LEVEL_RE.search(text, max(left, anchor - 110), anchor):
        # "will bring the army's presence in Pacaraima to about 1,000 troops": the new
        # level, not the troops sent (rule 48).
        return "present"
    if c.kind == "level":
        if found == "other":
            return "other"  # "plans to grow to about 80,000" (rule 51)
        if _BY_BEFORE_RE.search(text, max(sent.start, c.start - 6), c.start):
            # "cut the number of troops by 9,500": the change itself (rule 47), told by the
            # last change verb before it.
            change = None
            for m in _LEVEL_CHANGE_RE.finditer(text, max(left, anchor - 120), anchor):
                change = "withdraw" if m.group("down") else "deploy"
            if change is not None:
                return change
        return "present"
    if _HOME_AFTER_RE.match(text[c.end : c.end + 8]):
        return "withdraw"  # "call tens of thousands of U.S. troops home"
    if cued == "present" and _ROTATE_BEFORE_RE.search(text, max(left, anchor - 40), anchor) \
            and _TO_PLACE_AFTER_RE.match(text, c.end, right):
        return "deploy"  # "rotate 4,000 soldiers ... to Romania" (rule 46)
    if found == "other" and _RELOCATE_BEFORE_RE.search(text, max(left, anchor - 40), anchor) \
            and _TO_PLACE_AFTER_RE.match(text, c.end, right):
        return "deploy"  # "relocate 4,000 Marines from Okinawa to Guam": a named new area

    return cued


_MORE_RE = re.compile(r"\s*(?:more|additional|extra)\b")
_STATION_BEFORE_RE = re.compile(r"\b(?:station(?:s|ed|ing)?|base|post)\s+(?:(?:up to|some|about|"
                                r"around|roughly|nearly|another|an|a)\s+)?$")
# Another troop count: "... and called up 3,000 reservists for a readiness check".
_OTHER_COUNT_RE = re.compile(
    r"\b\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:more\s+|additional\s+|extra\s+)?"
    r"(?:[\w-]+\s+)?(?:troops|soldiers|reservists|conscripts|personnel|marines|sailors|"
    r"paratroopers|commandos|servicemen|service members)\b", re.IGNORECASE)
# A comma aside opening before the count ("The People's Liberation Army, the world's
# largest military with about 2 million active-duty personnel, has held drills").
_SIZE_ASIDE_OPEN_RE = re.compile(r",\s+(?:the|a|an|which|whose|with)\b[^,;:]{0,60}$")


def _other_clause_count(text: str, lo: int, hi: int) -> bool:
    """A troop count in ``text[lo:hi]`` with a verb of its own before it ("and called up
    3,000 reservists"), not a second subject ("5,000 soldiers and 2,000 marines took part")."""
    oc = _OTHER_COUNT_RE.search(text, lo, hi)
    return oc is not None and _OWN_VERB_RE.search(text, lo, oc.start()) is not None


_OWN_VERB_RE = re.compile(r"(?:\band|\bbut|\bwhile|,)\s+(?:it\s+|also\s+|then\s+|has\s+|have\s+|"
                          r"had\s+|will\s+)?(?:[a-z]+ed|sent|sends|send|put|puts|call|calls|"
                          r"order|orders|keep|keeps|kept|moved?|moves)\b")


def _exercise_elsewhere(text: str, lo: int, hi: int, anchor: int, end: int) -> str | None:
    """Do the sentence's exercise or readiness words belong to another part of it, so that
    this count is not at the exercise (rule 49 is about the troops the drill takes)? Either
    another troop count stands between the count and every exercise word ("deployed 10,000
    troops to the coast and called up 3,000 reservists for a readiness check"), or the count
    is a size in a comma aside that closes before every exercise word ("The army, with about
    200,000 soldiers, held drills"). Returns "clause", "aside" or None."""
    hits = [m.start() for m in _EXERCISE_RE.finditer(text, lo, hi)]
    if not hits:
        return None
    if (hits[0] >= end and _other_clause_count(text, end, hits[0])) or (
            hits[-1] < anchor and _other_clause_count(text, hits[-1], anchor)):
        return "clause"  # (every hit lies past the other count if the nearest one does)
    close = text.find(",", end, min(hi, end + 40))
    if close >= 0 and hits[0] > close and \
            _SIZE_ASIDE_OPEN_RE.search(text, max(lo, anchor - 80), anchor) is not None:
        return "aside"
    return None


def _cue_action(text: str, folded: str, left: int, right: int, anchor: int, c: _Cand
                ) -> str | None:
    """The action of the nearest cue words before and after the count; a negated
    withdrawal ("no plans to cut the 40,000 troops it keeps") leaves them present."""
    lo = max(left, anchor - 90)
    before = text[lo:anchor]
    best: tuple[int, str] | None = None
    verb: tuple[int, str, int] | None = None  # the nearest cue that is not an adjective
    neg_end = 0
    with_cue = False
    for m in _BEFORE_CUE_FOLDED_RE.finditer(folded[lo:anchor]):
        act = _BEFORE_ACTIONS[int(m.lastgroup[1:])]  # type: ignore[index]
        best = (len(before) - m.end(), act)
        with_cue = m.group(0) == "with"
        neg_end = m.start()
        if m.group(0) not in _ADJECTIVE_CUES:
            verb = (best[0], act, m.start())
    if best is not None and verb is not None and verb[:2] != best \
            and before[len(before) - best[0] - 12 :].lower().rstrip().endswith(
                tuple(_ADJECTIVE_CUES)):
        # "pull its remaining 1,500 soldiers out": the verb decides, not the adjective.
        best, neg_end = verb[:2], verb[2]
    if best is not None and best[1] == "withdraw" and _NEGATED_RE.search(
            before[max(0, neg_end - 40) : neg_end]):
        best = (best[0], "present")
    after_text = text[c.end : min(right, c.end + 90)]
    after: tuple[int, str] | None = None
    for m in _AFTER_CUE_FOLDED_RE.finditer(folded[c.end : c.end + len(after_text)]):
        act = _AFTER_ACTIONS[int(m.lastgroup[1:])]  # type: ignore[index]
        if after is None or (after[1] == "present" and act != "present"):
            after = (m.start(), act)
        if after is not None and after[1] != "present":
            break
    if best is not None and after is not None:
        b_dist, b_act = best
        a_dist, a_act = after
        if b_act == "present" and b_dist > 12:
            return a_act if a_act != "present" else b_act
        if b_act == "deploy" and a_act == "present" and \
                after_text[max(0, a_dist - 3) : a_dist] == "to ":
            return b_act  # "had flown in ..., about 1,500 paratroopers, to guard airports":
            # what they were sent to do, not a posting
        if with_cue and a_act != "present" and a_dist <= 30:
            return a_act  # "with the first 100 Marines arriving", "with 6,000 sailors aboard,
            # will join": the verb after, not the preposition, tells the action
        if (a_dist <= 12 and b_dist > 20) or (a_dist <= 3 and b_dist > 3 and
                                              _PASSIVE_RE.match(after_text)):
            return a_act
        return b_act
    if best is not None:
        return best[1]
    if after is not None:
        return after[1]
    return None


# Cue words that are adjectives when right before the count ("its remaining 1,500
# soldiers"): a verb further back decides the action.
_ADJECTIVE_CUES = frozenset({"remaining", "existing"})

# Verbs that move troops: an exercise they are sent to makes them deployed.
_MOTION_RE = re.compile(
    r"\b(?:send(?:s|ing)?|sent|fl(?:y|ew|own|ying)|dispatch(?:es|ed|ing)?|airlift(?:s|ed|ing)?|"
    r"ship(?:s|ped|ping)?|ordered\b[^.;]{0,30}\b(?:into|to)|deploy(?:s|ed|ing)?\s+(?:\w+\s+){0,4}"
    r"(?:to|into)|mov(?:e|es|ed|ing)\b[^.;]{0,30}\b(?:into|to)|"
    # "arrived in the Philippines to join the exercises", "Britain has deployed 1,500".
    r"arriv(?:e|es|ed|ing)\s+(?:in|at)|(?:has|have|had)\s+deployed)\b", re.IGNORECASE)
_WHOSE_SIZE_RE = re.compile(r",\s+whose\s+(?:[\w-]+\s+){1,3}?(?:numbers?|numbered|totals?|"
                            r"totall?ed|has|had|is estimated at|stands at)\s+$")
_STAY_RE = re.compile(r"\s+(?:\w+\s+){0,3}(?:stay|remain|be stationed|be based)", re.IGNORECASE)
# A negation governing a withdrawal verb.
_NEGATED_RE = re.compile(r"\b(?:no plans?|no intention|no\s+[a-z]+\s+(?:of|on|about)|not|n't|"
                         r"never|refus(?:e|es|ed|ing)|"
                         r"rul(?:e|es|ed|ing) out|reject(?:s|ed|ing)?)\b[^.;]{0,30}$",
                         re.IGNORECASE)
_PASSIVE_RE = re.compile(r"\s*(?:were|was|have been|had been|are being|will be|would be)\s+"
                         r"(?:sent|deployed|dispatched|flown|withdrawn|pulled out|brought home|"
                         r"airlifted|moved|ordered)\b", re.IGNORECASE)
_STANDBY_OTHER_RE = re.compile(
    r"\b(?:put|puts|putting|placed|placing|place)\b(?:[^;]{0,60}?)\bon\s+(?:\w+\s+)?"
    r"(?:standby|stand-by|alert|readiness|notice to (?:move|deploy))\b"
    r"|\bto\s+(?:prepare|be\s+ready|get\s+ready|stand\s+ready)\s+(?:to\s+deploy|for\s+"
    r"(?:a\s+)?(?:possible\s+)?deployment)\b|\bprepare-to-deploy\b", re.IGNORECASE)


# The case-insensitive tests above as run on short spans (see ``_AsciiTwin``).
_ALERT = _AsciiTwin(_ALERT_RE)
_ARMED = _AsciiTwin(_ARMED_RE)
_BORDER_WORD = _AsciiTwin(_BORDER_WORD_RE)
_CALL_UP_BEFORE = _AsciiTwin(_CALL_UP_BEFORE_RE)
_CASUALTY_BEFORE_COUNT = _AsciiTwin(_CASUALTY_BEFORE_RE)
# Either exclusion right after a count (for a test, which of the two matches is moot).
_CASUALTY_AFTER_OR_MIXED = _AsciiTwin(
    re.compile(rf"(?:{_CASUALTY_AFTER_RE.pattern})|(?:{_MIXED_RE.pattern})", re.IGNORECASE)
)
_CIVIL_WAR = _AsciiTwin(_CIVIL_WAR_RE)
_SOURCE_FROM = _AsciiTwin(_SOURCE_FROM_RE)
_EXERCISE = _AsciiTwin(_EXERCISE_RE)
_FORCE_OF = _AsciiTwin(_FORCE_OF_RE)
_THE_BORDER = _AsciiTwin(_THE_BORDER_RE)
_LOC_PREP = _AsciiTwin(_LOC_PREP_RE)
_MASSED = _AsciiTwin(_MASSED_RE)
_MILITARY = _AsciiTwin(_MILITARY_RE)
_NON_MILITARY = _AsciiTwin(_NON_MILITARY_RE)
_NON_STATE_BEFORE = _AsciiTwin(_NON_STATE_BEFORE_RE)
_ORDER_BEFORE = _AsciiTwin(_ORDER_BEFORE_RE)
_STANDBY_OTHER = _AsciiTwin(_STANDBY_OTHER_RE)
_TO_LEAVE = _AsciiTwin(_TO_LEAVE_RE)


# --- public API ----------------------------------------------------------------------------


def extract_troops(doc: DocContext) -> list[TroopFact]:
    """Every troop count in a document, in text order.

    Each fact's ``doc.text[char_start:char_end]`` is its quote (hedge to troop noun, rule
    39); counts are positive integers that fit int64. Never raises on any input text.
    """
    doc, orig_no = _bounded(doc)
    facts: list[TroopFact] = []
    seen_values: set[int] = set()
    by_value: dict[int, TroopFact] = {}
    prev: TroopFact | None = None
    prev_s_no = -10
    places: dict[tuple[int, bool], list[tuple[int, str, bool]]] = {}
    straddled = [False] * len(doc.sentences)
    hints, military_at = _sentence_flags(doc.folded, doc.sentences, straddled)
    text = doc.text
    next_digit = -1  # where the first digit at or after the sentence is (found lazily)
    seen_forms: set[str] = set()  # the counts so far as figures: "1200", "1,200", "1.2"
    unformed: list[int] = []  # counts not in seen_forms yet (most documents never need them)
    for s_no, sent in enumerate(doc.sentences):
        if not hints[s_no]:
            # No troop word: only digits could repeat a count ("The 1,200").
            if not seen_values:
                continue
            if next_digit < sent.start:
                digit = _DIGIT_RE.search(text, sent.start)
                next_digit = len(text) if digit is None else digit.start()
            if next_digit >= sent.end:
                continue
            if _only_repeats(doc, s_no, military_at, prev_s_no >= s_no - 1, straddled):
                for count in unformed:
                    seen_forms.update(_figure_forms(count))
                unformed.clear()
                part = text[sent.start : sent.end]
                if not any(form in part for form in seen_forms):
                    continue
        if sent.end <= sent.start:
            continue
        if len(facts) >= MAX_FACTS:
            break
        taken_end = -1
        level_place: str | None = None
        for c in _candidates(doc, s_no, seen_values, military_at,
                             recent=prev_s_no >= s_no - 1)[:MAX_PER_SENTENCE]:
            if c.start < taken_end or c.end <= c.start or not 0 < c.count <= MAX_COUNT:
                continue
            if _excluded(doc.text, c, sent.start, sent.end):
                continue
            antecedent = by_value.get(c.count) if c.kind == "elided" else None
            if c.kind in ("parallel", "paired"):
                # "and about 2,500 in Iraq": the count just before in the sentence.
                if prev is None or prev_s_no != s_no or prev.char_end > c.start:
                    continue
                antecedent = prev
            action = _action(doc, s_no, c)
            if antecedent is not None and not _has_own_cue(doc, s_no, c):
                action = antecedent.action
            if c.count < SMALL_COUNT and c.kind in ("noun", "gated", "partitive") and \
                    not _is_vague(c) \
                    and action not in ("deploy", "withdraw"):
                continue  # a handful of named individuals: an incident, not a force
            if c.kind == "level" and prev is not None and prev_s_no == s_no and \
                    prev.char_end <= c.start and _BRINGING_RE.search(
                        text, prev.char_end, c.start):
                # "will send 1,500 more troops ..., bringing its force there to about
                # 4,000": the new total of the same state's force, where it was sent.
                actor = prev.actor
                if prev.location is not None:
                    level_place = prev.location
            else:
                actor = (antecedent.actor if antecedent is not None and c.kind != "paired"
                         else _actor(doc, s_no, c, prev, prev_s_no, action))
                if actor == "EU":
                    # Troops have a closed list of force codes (rule 41): an EU force such as
                    # EUFOR is a multinational force outside it.
                    actor = "COALITION"
            location = level_place or (antecedent.location if c.kind == "paired" and antecedent
                                       else _location(doc, s_no, c, actor, action, prev,
                                                      prev_s_no, places))
            level_place = None
            if antecedent is not None and location is None:
                location = antecedent.location
            fact = TroopFact(
                sentence_no=orig_no[s_no], char_start=c.start, char_end=c.end, count=c.count,
                count_high=c.high if c.high is not None and c.high > c.count else None,
                is_approximate=c.approx, actor=actor, location=location, action=action,
            )
            facts.append(fact)
            taken_end = c.end
            if c.count not in seen_values:
                seen_values.add(c.count)
                unformed.append(c.count)
            by_value[c.count] = fact
            prev, prev_s_no = fact, s_no
    return facts


def _only_repeats(doc: DocContext, s_no: int, military_at: list[bool], recent: bool,
                  straddled: list[bool]) -> bool:
    """True when the only count ``_candidates`` can find in a sentence without a troop
    word (no ``_HINT_RE`` match) is an earlier count's figure repeated ("The 1,200 are
    ..."), written in digits, perhaps with a large scale: then a sentence without any of
    ``_figure_forms`` of the counts so far has none, and is skipped before its numbers
    are parsed (most such sentences hold years, percentages and money).

    The other counts that need no troop word in the sentence need a military word in the
    sentence or the one before (a breakdown by unit, "already stationed", "its presence")
    or one of the words below. The reasoning holds where the folded scans and the patterns
    read the same letters and digits (no character that case-folds to an ASCII letter, no
    digits outside 0-9), and when no troop word is hidden by a hint match that straddles
    sentences."""
    if straddled[s_no] or military_at[s_no] or (recent and s_no > 0 and military_at[s_no - 1]):
        return False
    sent = doc.sentences[s_no]
    part = doc.folded[sent.start : sent.end]
    if not part.isascii() and any(
            ch in _LOOKALIKES or _DIGIT_RE.match(ch) for ch in _NON_ASCII_RE.findall(part)):
        return False
    # "-man"/"-member" units; "served in" and "veterans, including" (demonyms); level
    # phrases ("troop levels", "military presence", "strength"); "thousand" (a number
    # word, and what a troop noun may be glued to, as the high end of "from N to M" is
    # read: "to 5 thousandtroops").
    if "-m" in part or "serv" in part or "veterans" in part or "troop" in part or \
            "presence" in part or "strength" in part or "thousand" in part:
        return False
    if _GLUED_NOUN_RE.search(part) or _GLUED_MILLION_RE.search(part):
        return False
    # Number words, whose values the figures do not show ("five", "a dozen"), but for the
    # large scales after digits ("1.2 million", "5 bln": their values are in the forms).
    return not (_NUMBER_WORD_AT_RE.match(part) or _NUMBER_WORD_AFTER_RE.search(part))


# A scale "k" or a troop noun glued to digits ("5k", "to 100troops"), or to "million".
_GLUED_NOUN = rf"(?:{_alt(TROOP_NOUNS)}|men|members)"
_GLUED_NOUN_RE = re.compile(rf"[0-9](?:k|{_GLUED_NOUN})")  # (no other digits by now)
_GLUED_MILLION_RE = re.compile(rf"million{_GLUED_NOUN}")
_LARGE_SCALE_WORDS = frozenset({"million", "billion", "billions", "trillion", "trillions"})
_SMALL_NUMBER_WORDS = (
    rf"(?:{_alt(sorted(NUMBER_WORDS - _LARGE_SCALE_WORDS))}"
    r"|an?\s(?:million|billion|trillion))(?![a-z])"
)
# At the start of the sentence, and after a non-letter (matched from that character, so
# the engine skips the letters between in C).
_NUMBER_WORD_AT_RE = re.compile(_SMALL_NUMBER_WORDS)
_NUMBER_WORD_AFTER_RE = re.compile(rf"[^a-z]{_SMALL_NUMBER_WORDS}")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# Characters that case-insensitive patterns or ``str.lower`` read as ASCII letters.
_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")
# The scales a figure may carry without a number word the screen above finds: m, mn, mln,
# mil, million (1e6); b, bn, bln, billion(s) (1e9); trillion(s), tn, trn, trln and lakh
# crore (1e12); crore (1e7); lakh (1e5).
_LARGE_SCALES = (1, 10**5, 10**6, 10**7, 10**9, 10**12)


def _figure_forms(count: int) -> list[str]:
    """How a number that ``find_numbers`` reads as ``count`` can be written with digits
    and a scale of ``_LARGE_SCALES``: the figure before the scale, without leading or
    trailing zeros, plain and with thousands separators ("1200", "1,200", "1.2" for 1.2
    million). Every such number's text contains one of them. (A numeral has at most four
    decimals, so a scale leaves a whole number.)"""
    forms: list[str] = []
    for scale in _LARGE_SCALES:
        whole, rest = divmod(count, scale)
        if rest * 10**4 % scale:
            continue  # would need more than four decimals
        if whole == 0 and rest == 0:
            continue
        decimals = f"{rest * 10**4 // scale:04d}".rstrip("0") if rest else ""
        for head in {str(whole), f"{whole:,}"}:
            forms.append(f"{head}.{decimals}" if decimals else head)
    return forms


# Troops a sentence says are already there are the current level, whatever is sent to
# join them ("could send more troops, adding to the 1,600 soldiers already based there").
_ALREADY_THERE_RE = re.compile(
    r",?\s+(?:who|that|which)?\s*(?:are\s+|were\s+)?already\s+(?:based|stationed|deployed|"
    r"posted|serving|present|there|in|on the ground)\b"
    # "In Jordan, where about 3,000 U.S. troops are based, the army has sent ...": a
    # standing presence, whatever the main clause sends.
    r"|\s+(?:are|is|were|remain)\s+(?:still\s+|now\s+|permanently\s+)?(?:based|stationed|"
    r"garrisoned)\b", re.IGNORECASE)
_AT_PEAK_RE = re.compile(r",?\s+at (?:its|their|the) peak\b")
_BRING_LEVEL_RE = re.compile(
    # (not "raise the army's strength to N": a decreed future size, rule 51)
    r"\b(?:bring|brings|bringing|brought|tak(?:e|es|ing)|took)"
    r"\s+(?:[\w'.-]+\s+){0,3}?(?:presence|strength|total|number|size)\b"
    r"[^.;:]{0,60}?\bto\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|"
    r"more than\s+|over\s+|up to\s+)?$", re.IGNORECASE)


# The total a deployment leads to, right after that deployment in the same sentence.
_BRINGING_RE = re.compile(r",\s+(?:bringing|raising|taking|boosting|lifting|increasing|"
                          r"swelling|pushing)\s+[^.;:]{0,70}?\bto\s+(?:\w+\s+){0,2}$")


# Sentences longer than this (only in broken or adversarial text: real ones stay under a
# few hundred characters) are cut into pieces, so the per-count context scans stay bounded
# and the whole pass linear.
MAX_SENTENCE = 1000


def _bounded(doc: DocContext) -> tuple[DocContext, list[int]]:
    """The document with over-long sentences split at whitespace, and for each piece the
    number of the sentence it came from."""
    if all(sent.end - sent.start <= MAX_SENTENCE for sent in doc.sentences):
        return doc, list(range(len(doc.sentences)))
    sentences: list[Sentence] = []
    mentions: list[list[CountryMention]] = []
    orig: list[int] = []
    for no, sent in enumerate(doc.sentences):
        start = sent.start
        ms = doc.mentions[no] if no < len(doc.mentions) else []
        k = 0
        while start < sent.end:
            end = min(sent.end, start + MAX_SENTENCE)
            if end < sent.end:
                cut = doc.text.rfind(" ", start + MAX_SENTENCE // 2, end)
                end = cut + 1 if cut > start else end
            piece: list[CountryMention] = []
            while k < len(ms) and ms[k].char_start < end:
                if ms[k].char_end <= end:
                    piece.append(ms[k])
                k += 1
            sentences.append(Sentence(start, end, sent.paragraph_no))
            mentions.append(piece)
            orig.append(no)
            start = end
    return DocContext(doc.text, sentences, mentions, doc.has_title, doc.folded), orig


# Bounds on work for pathological input: no real article has more than a few dozen troop
# counts, or more than a handful in one sentence.
MAX_FACTS = 1000
MAX_PER_SENTENCE = 40

# Below this a count is usually a handful of named people in an incident (a crash, a trial,
# an ambush); it is kept only when the sentence sends or withdraws them.
SMALL_COUNT = 20


def _is_vague(c: _Cand) -> bool:
    return c.vague


def _has_own_cue(doc: DocContext, s_no: int, c: _Cand) -> bool:
    sent = doc.sentences[s_no]
    return _AFTER_CUE_RE.search(doc.text, c.end, min(sent.end, c.end + 40)) is not None


__all__ = ["FORCE_NAMES", "LEADERS", "MODIFIERS", "NON_STATE", "TROOP_NOUNS", "extract_troops"]
