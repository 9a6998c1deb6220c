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

from newsfacts.trade.scan import extract_trade

__all__ = ["extract_trade"]
