"""What every stage of the troop extractor shares: the phrase vocabulary (troop nouns,
modifiers, cue tables), the compiled patterns several stages read, the candidate record,
and small text helpers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newsfacts.numbers import Number
from newsfacts.patterns import emit_atoms, folded_pattern, match_starts, word_alternation

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
    # "about 4,000 federalized Guard troops": a Guard called into federal service.
    "federalized", "federalised",
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
CASUALTY_BEFORE = (
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
CASUALTY_AFTER = (
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
MIXED_AFTER = (
    # A number in between starts a count of its own ("120 soldiers and 50 police officers").
    r"\s*(?:,|and|or|&)\s+(?:(?!\d)\w+\s+){0,2}(?:police(?:men)?|militia(?:men|s)?|gendarmes?|"
    r"civilians|rebels|volunteers|policemen|fighters|officers)\b"
)
# What a force's size is called as the subject of a change ("the contingent was cut to",
# "raise the number to"): ``candidates`` reads the new level, ``location`` keeps its place.
LEVEL_NOUNS = r"(?:number|figure|total|contingent|strength|presence|deployment|garrison)"
# "500 of them", "150 of their own": part of a force named before, its troop noun elided.
OF_THEM = r" of (?:them|those|these|their own|its own|our own)\b"
# Non-country places a sentence can name as where troops are ("from Europe and Asia"):
# when one is named the location is null rather than borrowed from context (rule 44).
REGIONS: tuple[str, ...] = (
    "Europe", "Western Europe", "Eastern Europe", "Asia", "Africa", "Middle East",
    "West Africa", "East Africa", "North Africa", "Central Africa",
    "the Gulf", "the Persian Gulf", "Balkans", "Latin America", "South America",
    "the Pacific", "Central Asia", "Southeast Asia", "East Asia", "the region",
    "the Caribbean", "Caribbean", "Scandinavia", "overseas", "abroad", "around the world",
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
    # Its named missions: in The Gambia (ECOMIG), Guinea-Bissau (ECOMIB).
    "ECOMIG": "COALITION", "ECOMIB": "COALITION",
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
BEFORE_CUES: tuple[tuple[str, str], ...] = (
    (r"home to|stationed|station(?:s|ing)?|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|"
     r"leav(?:e|es|ing)(?! for)|left(?! for)|there (?:are|were|is|was|will be)|"
     r"(?:is|are|was|were) (?:now )?(?:some|about|around|over|roughly)?|"
     r"number(?:s|ed|ing)?|totals?|totall?ing|strength of|comprising|consisting of|"
     # (not "sent a field hospital, along with about 90 soldiers": the verb before decides)
     r"has|have|had|(?<!along )(?<!together )with|garrison(?:ed)?|levels? (?:of|to|at)|"
     r"down (?:from|to)|"
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
     # "They will be joined by about 150 U.S. troops": allies coming to the place (46).
     r"joined by|"
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
AFTER_CUES: tuple[tuple[str, str], ...] = (
    (r"(?:will|would|to|could|must) be (?:brought |sent )?home|(?:come|comes|coming|came|"
     r"go|going|went|return(?:s|ed|ing)?|be|are|were|sent|brought|flown) (?:back )?home|"
     r"withdr(?:aw|ew|awn|awing)|pull(?:s|ed|ing)? out|pulled back|leav(?:e|es|ing)\b"
     r"(?!\s+for)|left (?!for)|depart(?:s|ed|ing)?|evacuat(?:e|ed|ing)|abandon(?:s|ed|ing)?|"
     r"(?:being|be|were|are|was) (?:cut|withdrawn|removed|repatriated|demobili[sz]ed)|"
     r"redeploy(?:s|ed|ing)? (?:home|back)|return(?:s|ed|ing)? (?:to|from)|"
     # "3,800 soldiers would return in 2013": troops returning, no place, come home.
     r"return(?:s|ed|ing)? (?:in|by|next|this|before|within|early|later) "
     r"(?=[A-Z0-9]|next|this|the end|early|later)|"
     r"rotat(?:e|ed|ing) (?:home|out)|are due to leave|out of", "withdraw"),
    (r"(?:fl(?:y|ew|own)|march(?:ed|ing)?|mov(?:e|ed|ing)|pour(?:ed|ing)?|roll(?:ed)?|"
     r"swept|sweep|cross(?:ed|ing)?|head(?:ed|ing)?|rush(?:ed)?|push(?:ed)?|advanc(?:e|ed|ing)|"
     r"went|go|going|sail(?:ed|ing)?) (?:in)?to|into|arriv(?:e|ed|es|ing)|land(?:ed|ing)? "
     r"(?:in|at|on)|(?:have|has|had|were|was|are|is|be|been|being) (?:being )?(?:sent|"
     r"dispatched|ordered|flown|airlifted|rushed|moved|redeployed|posted|mobili[sz]ed)|"
     # "were also sent to Yellowknife", "will fly out in January", "are deploying across".
     r"(?:have|has|had|were|was|are|is|be|been) (?:also|then|later|quickly|already|since) "
     r"(?:sent|dispatched|flown|airlifted|rushed|moved|redeployed|posted|deployed)|"
     r"fl(?:y|ies|ew|own|ying) out\b(?!\s+of)|(?:are|is|were|was|be) deploying\b|"
     r"(?:have|has|had|were|was|be|been|being|are being|is being) deployed|"
     r"(?:are|is) deployed(?=\s+(?:to|into)\b)|"
     r"(?:will|would|to|could) (?:be )?(?:deploy|sent|join|go|head|travel|arrive|reach)|"
     # "about 50 troops would leave for N'Djamena": a departure with a destination (46).
     r"(?:leav(?:e|es|ing)|left) for\b(?! home)|"
     # "HMS Dauntless and her 190 sailors to sail for the Falklands": a voyage to a place.
     r"(?:(?:will|would|to) )?sail(?:s|ed|ing)? for\b(?! home)|"
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
     r"sites?|units?|schools?)\b)|passed through|exercis(?:e|es|ing)|drills?|swap|"
     r"calling themselves|"
     r"will sail|staged an assault|realign|on standby at home|fought side by side|"
     # "During the 1989 invasion of Panama, some 27,000 U.S. troops took part": the
     # participants of a past operation (rule 31), as of past exercises (rule 49).
     r"took part\b|(?:had|have|has) taken part\b", "other"),
    (r"station(?:ed)?|based|garrison(?:ed)?|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|"
     r"serv(?:e|es|ed|ing)|fight(?:s|ing)?|fought|engaged|patrol(?:s|led|ling)?|on foot patrol|"
     r"on alert|on standby|guard(?:s|ed|ing)?|massed|now in|in theatre|in theater|"
     r"are in|were in|is in|was in|are inside|were inside|attended|deployed (?:in|on|at|along)|"
     r"(?:are|is) deployed|"
     r"currently|still|there|on the ground|were attacked|came under", "present"),
)


def alt(words: Sequence[str]) -> str:
    return word_alternation(words)


class AsciiTwin:
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
        self.twin = with_heads(folded_pattern(pattern))
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


def with_heads(pattern: re.Pattern[str]) -> re.Pattern[str]:
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
_NOUN_RE = re.compile(rf"(?:{alt(TROOP_NOUNS)})\b", re.IGNORECASE)
# One token after a number: a word (with inner dots/hyphens/apostrophes) or a quote mark.
TOKEN_RE = re.compile(r"\s{0,3}([A-Za-z][A-Za-z.'-]{0,40}|\"|')")


def head_words(words: Sequence[str], parts: Sequence[str]) -> list[str]:
    """The first four characters of each word and each regex part: a pattern of them
    (``alt``) is a cheap test that must pass wherever one of them matches."""
    heads = {w[:4] for w in words}
    for part in parts:
        if set(part[:4]) & set("[](){}?*+|\\.^$"):
            raise ValueError(f"part does not start with four plain characters: {part!r}")
        heads.add(part[:4])
    return sorted(heads)


# Letters by how often English words start with them, most often first.
_FIRST_LETTER_ORDER = "taoiswcbpmfdhrlnegyuvjkqxz"


def heads_by_first_letter(heads: Sequence[str]) -> str:
    """A pattern of the ``heads`` that start with a letter, its first letters tried in
    ``_FIRST_LETTER_ORDER``."""
    letters = sorted({h[0] for h in heads if "a" <= h[0] <= "z"}, key=_FIRST_LETTER_ORDER.index)
    return "(?:" + "|".join(
        letter + "(?:" + alt([h[1:] for h in heads if h[0] == letter]) + ")" for letter in letters
    ) + ")"
_YEAR_PREP_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|after|before|during|of|to|through|between|and|mid|"
    r"early|late|summer|winter|spring|autumn|fall|the|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
    r"Sept|Oct|Nov|Dec|\d{1,2})\.?,?\s+$",
    re.IGNORECASE,
)
AFTER_CUE_RE = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{pat}))" for i, (pat, _) in enumerate(AFTER_CUES)),
    re.IGNORECASE,
)


def at_word_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a test for a word start: for a folded cue pattern, every one of
    whose words starts with a lower-case letter, the same matches, found about twice as
    fast (the engine rejects the other positions before trying the words). Then a
    look-ahead for the first four letters of every cue (``patterns.match_starts``), which
    every match begins with: most words fail it at once, where the cues' alternatives
    would each be tried in turn."""
    starts = match_starts(pattern.pattern, pattern.flags)
    heads = f"(?={emit_atoms({start[:4] for start in starts})})" if starts else ""
    return re.compile(rf"\b(?=[a-z]){heads}(?:{pattern.pattern})", pattern.flags)
# (The look-ahead for the first characters of its branches rejects most positions at once.)
CLAUSE_BREAK_RE = re.compile(r"(?=[;:,bwas])(?:[;:]|,\s+(?:said|says|but|while|and|according)\b|"
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
BORDER_AFTER_RE = re.compile(r"(?:'s)?\s+(?:border|borders|frontier)\b", re.IGNORECASE)
LED_RE = re.compile(r"-led\b")
FORCE_NAME_RE = re.compile(rf"\b(?:{alt(list(FORCE_NAMES))})\b")
LEADER_RE = re.compile(rf"\b(?:{alt(list(LEADERS))})\b")
EXERCISE_RE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war games|"
                          r"combat alert|readiness)\b", re.IGNORECASE)

MAX_COUNT = 50_000_000  # no state has ever fielded more; anything bigger is not a head count


class Cand(NamedTuple):
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


def is_year(text: str, n: Number, s_start: int) -> bool:
    """A bare 4-digit 1800-2100 with no hedge and a date-like word before it is a year."""
    raw = text[n.num_start : n.end]
    if n.hedge or n.high is not None:
        return False
    if not (len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100):
        return False
    before = text[max(s_start, n.num_start - 12) : n.num_start]
    return bool(_YEAR_PREP_RE.search(before)) or n.num_start == s_start


def noun_tail(text: str, pos: int, end: int) -> tuple[int, str, list[str]] | None:
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
        if last_cap and text.startswith(",", p) and _serial_names(text, p, end):
            p += 1  # "6,000 British, Dutch and Norwegian troops": a list of three or more
        t = TOKEN_RE.match(text, p, end)
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
        elif low in ("and", "or") and _paired_modifier(text, mods, t.end(), end):
            mods.append(low)  # "about 3,000 full-time and part-time soldiers"
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
# ", Dutch and Norwegian", ", Dutch, Danish and Norwegian": the rest of a serial list of
# capitalised names that ends in "and"/"or" and one more name.
_SERIAL_REST_RE = re.compile(r",\s{1,3}(?:[A-Z][\w.'-]*\s{1,3})?[A-Z][\w.'-]*"
                             r"(?:,\s{1,3}(?:[A-Z][\w.'-]*\s{1,3})?[A-Z][\w.'-]*){0,3}"
                             r",?\s{1,3}(?:and|or)\s{1,3}[A-Z]")


def _serial_names(text: str, pos: int, end: int) -> bool:
    """A comma after a capitalised modifier continues the modifiers only inside a serial
    list of names ("Around 6,000 British, Dutch and Norwegian troops", rule 42): a lone
    comma ends them ("1,000 Reuters, U.S. troops said" is no count of Reuters troops)."""
    return _SERIAL_REST_RE.match(text, pos, end) is not None
# Service-status words that come in pairs before a troop noun.
_PAIRED_MODS = frozenset({"full-time", "part-time", "regular", "reserve", "active",
                          "active-duty", "professional", "conscript", "volunteer"})
_NEXT_WORD_RE = re.compile(r"\s{1,3}([a-z-]+)")


def _paired_modifier(text: str, mods: list[str], pos: int, end: int) -> bool:
    """"3,000 full-time and part-time soldiers", "regular and reserve troops": "and"/"or"
    between two service-status words is part of the modifiers (not the end of the count)."""
    if not mods or mods[-1] not in _PAIRED_MODS:
        return False
    m = _NEXT_WORD_RE.match(text, pos, end)
    return m is not None and m.group(1) in _PAIRED_MODS
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


def value_int(v: float | None) -> int | None:
    if v is None:
        return None
    return round(v)


def clause_bounds(
    text: str, s_start: int, s_end: int, q_start: int, q_end: int
) -> tuple[int, int]:
    """The clause around a quote: from the last clause break before it to the next after."""
    left = s_start
    for m in CLAUSE_BREAK_RE.finditer(text, max(s_start, q_start - 160), q_start):
        left = m.end()
    right = s_end
    m = CLAUSE_BREAK_RE.search(text, q_end, min(s_end, q_end + 160))
    if m:
        right = m.start()
    return left, right
# ", down from N", ", far more than the N" (a comparison: rule 50, the earlier level).
# (also "down from a peak of N": the earlier level named by its high or low point)
DOWN_FROM_RE = re.compile(r"^[^;:]*,\s+(?:(?:down|up)\s+from(?:\s+(?:a|an|its|their|the)\s+"
                           r"(?:[\w-]+\s+)?(?:peak|high|height|record|maximum|low)\s+of)?|"
                           r"compared\s+(?:with|to)|"
                           r"(?:(?:far|well|much|many)\s+)?"
                           r"(?:more|fewer|less)\s+than(?:\s+the)?)\s+$")
# A dateline ("BERLIN (Reuters) -", "SEOUL, South Korea (AP) —"): AP copy uses a dash.
DATELINE = (r"[A-Z][A-Za-z.' -]{1,40}(?:,\s+[A-Za-z][A-Za-z0-9.' ]{1,30}){0,2}\s*"
             r"(?:\([A-Za-z .]{2,30}\))?\s*(?:-{1,2}|:|\u2014|\u2013)\s")


STATE_LIST_RE = re.compile(r"(?:,\s+(?:and\s+)?(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?"
                            r"|\s+and\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)+")


ARMY_AFTER_RE = re.compile(r"\s+(?:army|armed forces|military|Wehrmacht|navy|forces|units)\b",
                            re.IGNORECASE)
ALERT_RE = re.compile(r"\bon (?:full |high )?(?:combat )?alert\b", re.IGNORECASE)
LOC_PREP = AsciiTwin(_LOC_PREP_RE)


# Troops a sentence says are already there are the current level, whatever is sent to
# join them ("could send more troops, adding to the 1,600 soldiers already based there").
ALREADY_THERE_RE = re.compile(
    r",?\s+(?:who|that|which)?\s*(?:are\s+|were\s+)?already\s+(?:based|stationed|deployed|"
    r"posted|serving|present|there|in|on the ground)\b"
    # "In Jordan, where about 3,000 U.S. troops are based, the army has sent ...": a
    # standing presence, whatever the main clause sends.
    r"|\s+(?:are|is|were|remain)\s+(?:still\s+|now\s+|permanently\s+)?(?:based|stationed|"
    r"garrisoned)\b", re.IGNORECASE)
