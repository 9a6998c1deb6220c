"""Helpers that keep the extractors' regular expressions fast.

Python's ``re`` tries the branches of an alternation one after another at every position,
and with ``IGNORECASE`` it folds every character it compares. The extractors scan every
character of every document several times, so both costs land on the hot path:

- ``word_alternation`` writes a list of words as a prefix tree (``(?:A(?:fghanistan|
  lbania)|B...)``), so a position is rejected after one comparison instead of one per word.
  At any position the words that match are prefixes of one another, and the tree tries
  the longest first, so it matches exactly what a longest-first alternation matches.
- ``fold_case`` lower-cases a document once, keeping every offset, so hot patterns can run
  case-sensitively on the folded text (three to four times faster than ``IGNORECASE``):
  ``folded_pattern`` makes the twin of a pattern, ``FoldedScan`` does the same for a
  pattern with case-sensitive parts by confirming each candidate with the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

try:  # the parser behind ``re``, to read a pattern's literal beginnings (FoldedScan)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Python versions: FoldedScan keeps its twin
    _sre = _sre_parse = None  # type: ignore[assignment]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def word_alternation(words: Iterable[str]) -> str:
    """A regex (no capturing groups) matching any of ``words``, longest first."""
    return _emit(_trie(words))


def _trie(sequences: Iterable[Iterable[str]]) -> dict[str, dict]:
    """A prefix tree of ``sequences`` (of characters or regex atoms); "" marks an end."""
    trie: dict[str, dict] = {}
    for seq in sequences:
        node = trie
        for key in seq:
            node = node.setdefault(key, {})
        node[""] = {}
    return trie


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


def _lower_source(source: str) -> str:
    """A pattern's source with its letters lower-cased, escapes (``\\S``, ``\\D``) and
    group names left alone."""
    return _SOURCE_TOKEN_RE.sub(
        lambda m: m.group(0) if m.group(0)[0] in "\\(" else m.group(0).lower(), source
    )


_SOURCE_TOKEN_RE = re.compile(r"\\.|\(\?P[<=]\w+[>)]|[A-Z]+")


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an ``IGNORECASE`` pattern, for use on ``fold_case``
    text: it matches at the same places with the same spans."""
    if not pattern.flags & re.IGNORECASE or "(?-i" in pattern.pattern:
        raise ValueError(f"pattern is not foldable: {pattern.pattern[:60]!r}")
    return re.compile(_lower_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)


_START_ATOMS = 8  # atoms (a letter, or a run of spaces) kept of each beginning
_MAX_STARTS = 3000
_Start = tuple[str, ...]  # regex atoms: an escaped character or a spaces repeat


def match_starts(source: str, flags: int) -> set[_Start] | None:
    """Beginnings one of which starts every match of the case-sensitive pattern
    ``source``: sequences of up to ``_START_ATOMS`` atoms, each an escaped literal or
    ``\\s{n,}``. None when a match can begin otherwise (a class, an optional part) or
    there would be too many."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(source, flags)
    except Exception:  # an unreadable pattern keeps the plain twin
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None  # "(?i)" in the source: its literals are not what they read
    walked = _walk_starts(list(parsed), {()})
    if walked is None:
        return None
    found = walked[0] | walked[1]
    if not found or () in found:
        return None
    return found


def _is_space_class(av: object) -> bool:
    return av == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def _walk_starts(
    items: list[tuple[object, object]], open_: set[_Start]
) -> tuple[set[_Start], set[_Start]] | None:
    """Extend the beginnings in ``open_`` by what ``items`` (parsed ops in sequence) match
    first: (beginnings that stopped growing, beginnings still open). Zero-width ops are
    passed over; anything but a literal, ``\\s``, ``\\s+``, an optional part, a group or
    a branch stops them. None for what cannot be read this way (inline flags) or too many
    beginnings."""
    finished: set[_Start] = set()
    for op, av in items:
        if not open_:
            break
        atom = None
        if op is _sre.LITERAL:
            atom = re.escape(chr(av))  # type: ignore[call-overload]
        elif op is _sre.IN and _is_space_class(av):
            atom = r"\s"
        elif op is _sre.MAX_REPEAT and av[0] >= 1 and len(av[2]) == 1 \
                and av[2][0][0] is _sre.IN and _is_space_class(av[2][0][1]):  # type: ignore[index]
            atom = rf"\s{{{av[0]},}}"  # type: ignore[index]
        if atom is not None:
            grown = {(*s, atom) for s in open_}
            full = {s for s in grown if len(s) >= _START_ATOMS}
            finished |= full
            open_ = grown - full
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] == 1:  # type: ignore[index]
            # "x?" or "(?:es)?": the beginnings with it and, when optional, without it
            walked = _walk_starts(list(av[2]), set(open_))  # type: ignore[index]
            if walked is None:
                return None
            finished |= walked[0]
            open_ = walked[1] | (open_ if av[0] == 0 else set())  # type: ignore[index]
        elif op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av  # type: ignore[misc]
            if add_flags or del_flags:
                return None
            walked = _walk_starts(list(sub), open_)
            if walked is None:
                return None
            finished |= walked[0]
            open_ = walked[1]
        elif op is _sre.BRANCH:
            branch_open: set[_Start] = set()
            for alt in av[1]:  # type: ignore[index]
                walked = _walk_starts(list(alt), set(open_))
                if walked is None:
                    return None
                finished |= walked[0]
                branch_open |= walked[1]
            open_ = branch_open
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # consumes nothing: matches begin with the same characters
        else:
            finished |= open_
            open_ = set()
        if len(finished) + len(open_) > _MAX_STARTS:
            return None
    return finished, open_


def emit_atoms(starts: set[_Start]) -> str:
    """A regex matching any of ``starts``, as a prefix tree of atoms."""
    return "(?:" + _emit_atom_node(_trie(starts)) + ")"


def _emit_atom_node(node: dict[str, dict]) -> str:
    kids = sorted(a for a in node if a)
    if not kids or "" in node:
        return ""  # a beginning ends here: matching it is enough
    parts = [a + _emit_atom_node(node[a]) for a in kids]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


class FoldedScan:
    """``pattern.finditer`` for an ``IGNORECASE`` pattern that has case-sensitive parts
    (``(?-i:...)``, e.g. "MiG-29" but not "mig"). Its folded twin, with those parts made
    case-insensitive, matches wherever the pattern matches (and perhaps elsewhere), so the
    twin finds the candidate positions fast and the pattern itself confirms each one.
    For patterns that never match the empty string."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or "(?!" in pattern.pattern \
                or "(?<!" in pattern.pattern:
            # A negative look-around around a case-sensitive part would not widen.
            raise ValueError(f"pattern is not foldable: {pattern.pattern[:60]!r}")
        self.pattern = pattern
        source = _lower_source(pattern.pattern).replace("(?-i:", "(?:")
        flags = pattern.flags & ~re.IGNORECASE
        self.twin = re.compile(source, flags)
        # Wider and much faster still: the beginnings of the twin's matches (a few letters
        # and spaces) as one prefix tree, instead of every branch tried at every word.
        # "\b(?=[a-z])" in front means no letter comes before, which a lookbehind tests.
        starts = match_starts(source, flags)
        if starts is not None:
            guard = "(?<![a-z])" if source.startswith(r"\b(?=[a-z])") else ""
            self.twin = re.compile(guard + emit_atoms(starts))

    def finditer(self, text: str, folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
        pos = start
        while (hit := self.twin.search(folded, pos, end)) is not None:
            m = self.pattern.match(text, hit.start(), end)
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = max(m.end(), hit.start() + 1)
