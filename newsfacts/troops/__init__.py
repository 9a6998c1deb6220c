"""Troop counts: how many soldiers of which state are sent, pulled out or stationed where.

The annotation guidelines (rules 31-52) define a troop count as a head count of a state's
(or a multinational force's) military personnel that a sentence says are deployed,
withdrawn, stationed or present, added or cut. This package finds them on top of the shared
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

from newsfacts.troops.common import FORCE_NAMES, LEADERS, MODIFIERS, NON_STATE, TROOP_NOUNS
from newsfacts.troops.scan import extract_troops

__all__ = ["FORCE_NAMES", "LEADERS", "MODIFIERS", "NON_STATE", "TROOP_NOUNS", "extract_troops"]
