"""Trade figures: money amounts of cross-border trade (placeholder, being written)."""

from __future__ import annotations

from newsfacts.model import DocContext, TradeFact


def extract_trade(doc: DocContext) -> list[TradeFact]:
    return []
