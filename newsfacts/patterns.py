"""Helpers that keep the extractors' regular expressions fast.

Python's ``re`` tries the branches of an alternation one after another at every position,
and with ``IGNORECASE`` it folds every character it compares. The extractors scan every
character of every document several times, so both costs land on the hot path:

- ``word_alternation`` writes a list of words as a prefix tree (``(?:A(?:fghanistan|
  lbania)|B...)``), so a position is rejected after one comparison instead of one per word.
  At any position the words that match are prefixes of one another, and the tree tries
  the longest first, so it matches exactly what a longest-first alternation matches.
- ``fold_case`` lower-cases a document once, keeping every offset, so hot patterns can run
  case-sensitively on the folded text (three to four times faster than ``IGNORECASE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def word_alternation(words: Iterable[str]) -> str:
    """A regex (no capturing groups) matching any of ``words``, longest first."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    kids = sorted(ch for ch in node if ch)
    if not kids:
        return ""
    parts = [re.escape(ch) + _emit(node[ch]) for ch in kids]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in node:  # a word ends here and longer ones go on: try them first
        body = (body if len(parts) > 1 else "(?:" + body + ")") + "?"
    return body


def fold_case(text: str) -> str:
    """``text`` lower-cased with the same length, so a match's offsets in the folded text
    are offsets in ``text``. ``str.lower`` is used when it keeps the length (it nearly
    always does); otherwise (e.g. "İ" becomes two characters) only A-Z are folded."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text.translate(_ASCII_LOWER)


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an ``IGNORECASE`` pattern, for use on ``fold_case``
    text. The pattern's letters must already be lower case (escapes such as ``\\S`` and
    group names aside), or the twin would never match them: checked here."""
    source = pattern.pattern
    stripped = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|A-Za-z", "", source)
    if "(?-i" in source or any(ch.isupper() for ch in stripped):
        raise ValueError(f"pattern is not foldable: {source[:60]!r}")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)
