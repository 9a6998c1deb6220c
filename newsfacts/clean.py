"""Normalise raw news text into the one canonical form every later stage works on.

Sources disagree about encodings, quotes, dashes, spaces and line layout (Reuters wraps at ~70
columns and indents paragraphs, web articles use blank lines, some feeds put one paragraph per
line, Usenet quotes with ``>``/``|``). Extractors and the segmenter should not each have to cope
with that, so ``clean_text`` settles it once: afterwards a paragraph is a run of text with single
spaces inside, paragraphs are separated by exactly ``"\\n\\n"``, and quotes and dashes are ASCII.
All character offsets in the pipeline refer to this cleaned text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

# --------------------------------------------------------------------------- characters

# Bytes 0x80-0xBF as a cp1252 (or, for its five undefined bytes, latin-1) decoder shows them:
# the characters UTF-8 continuation bytes turn into when UTF-8 is misread as cp1252.
_CONT_BYTES: dict[str, int] = {}
for _b in range(0x80, 0xC0):
    try:
        _CONT_BYTES[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        _CONT_BYTES[chr(_b)] = _b
    _CONT_BYTES.setdefault(chr(_b), _b)  # latin-1 misreading: U+0080-U+009F as raw bytes
_MOJI_BYTES: dict[str, int] = {chr(b): b for b in range(0xC2, 0xF5)}
_MOJI_BYTES.update(_CONT_BYTES)

_CONT = "[" + re.escape("".join(sorted(_CONT_BYTES))) + "]"
# A misread UTF-8 sequence: a lead byte shown as a Latin-1 letter, then its continuations.
# One leading character class lets the regex engine skip ahead fast; _fix_one checks how many
# continuations the lead byte really takes.
_MOJI_RE = re.compile(f"[\u00c2-\u00f4]{_CONT}{{1,3}}")

# Two-byte sequences decode to U+0080-U+07FF; only these blocks are plausible in news text,
# which keeps e.g. "JOSÉ’S" (É + ’ reads as U+0252) from being "repaired".
_PLAUSIBLE_2BYTE = re.compile("[\u0080-\u024f\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea\u0600-\u06ff]")

_QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u2039": "'", "\u203a": "'", "\u02bc": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u2036": '"',
    "\u00ab": '"', "\u00bb": '"', "\uff02": '"',
}  # fmt: skip
_DASH_MAP = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u2015": "\u2014",
}  # fmt: skip
_SPACE_CHARS = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"

_TABLE: dict[int, str | None] = {}
for _c in range(0x20):
    if chr(_c) not in "\t\n":
        _TABLE[_c] = None
for _c in range(0x7F, 0xA0):
    _TABLE[_c] = None
for _ch in _INVISIBLE:
    _TABLE[ord(_ch)] = None
for _ch in _SPACE_CHARS:
    _TABLE[ord(_ch)] = " "
# Vertical separators are line breaks, not noise: dropping them would glue words together.
for _ch in "\x0b\x0c\x85\u2028":
    _TABLE[ord(_ch)] = "\n"
_TABLE[0x2029] = "\n\n"
for _src, _dst in {**_QUOTE_MAP, **_DASH_MAP}.items():
    _TABLE[ord(_src)] = _dst

# str.translate looks every character up in a dict; a regex finds the few that need it.
# Written "[...][...]*", not "[...]+": a pattern that starts with a character class lets the
# engine skip to the next candidate in C, three times faster on text with none.
_MAPPED_CLASS = "[" + re.escape("".join(map(chr, sorted(_TABLE)))) + "]"
_MAPPED_RE = re.compile(_MAPPED_CLASS + _MAPPED_CLASS + "*")
_ASCII_CTRL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_TABLE = {k: v for k, v in _TABLE.items() if k < 0x80}


def _fix_one(m: re.Match[str]) -> str:
    found = m.group()
    lead = ord(found[0])
    size = 2 if lead <= 0xDF else 3 if lead <= 0xEF else 4
    if len(found) < size:
        return found
    run, rest = found[:size], found[size:]  # a continuation left over cannot start a sequence
    try:
        fixed = bytes(_MOJI_BYTES[c] for c in run).decode("utf-8")
    except UnicodeDecodeError:
        return found
    if size == 2 and not _PLAUSIBLE_2BYTE.match(fixed):
        return found
    return fixed + rest


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


def _repair_mojibake(text: str) -> str:
    # Double-encoded text needs more than one round ("ÃƒÂ©" -> "Ã©" -> "é").
    for _ in range(3):
        fixed = _MOJI_RE.sub(_fix_one, text)
        if fixed == text:
            break
        text = fixed
    return text


def _normalise_chars(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        if _ASCII_CTRL.search(text):
            text = text.translate(_ASCII_TABLE)
        return text
    for _ in range(3):
        before = text
        if _MOJI_RE.search(text):
            text = _repair_mojibake(text)
        text = _MAPPED_RE.sub(_translate_run, text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # Removing invisibles or composing accents can bring a misread sequence together.
        if text == before or not _MOJI_RE.search(text):
            break
    return text


# --------------------------------------------------------------------------- layout

_HSPACE = re.compile(r"[ \t]+")
# Usenet quote markers, nested ("> > ", ">>") or with the quoted author's initials (">AS> ").
_QUOTE_PREFIX = re.compile(r"[ \t]*((?:(?:[A-Za-z]{1,4})?>[ \t]?|\|[ \t]?)+)")
_SENT_END = ('.', '?', '!', ':', '"', "'", ')')


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A document wrapped at a fixed width: nearly all lines short, many of them near the width,
    and most lines followed by another line not ending a sentence."""
    n = short = mid = joins = join_ends = 0
    prev = ""
    for line in lines:
        s = line.rstrip()
        if not s:
            prev = ""
            continue
        n += 1
        ln = len(s)
        if ln <= 85:
            short += 1
            if ln >= 40:
                mid += 1
        if prev and not line.startswith(("  ", "\t")):
            joins += 1
            if prev.endswith(_SENT_END):
                join_ends += 1
        prev = s
    if n < 2 or joins == 0:
        return False
    return short >= 0.9 * n and mid >= 0.4 * n and join_ends < 0.6 * joins


def _quote_level(line: str) -> tuple[int, int]:
    """Usenet quote depth of a line and the length of its quote prefix.

    The markers are layout, like indentation: they are dropped, and a change of depth starts a
    new paragraph so that quoted and replying text never share a sentence.
    """
    if not line or line.lstrip(" \t")[:1] not in (">", "|"):
        return 0, 0
    m = _QUOTE_PREFIX.match(line)
    assert m is not None
    prefix = m.group(1)
    return prefix.count(">") + prefix.count("|"), m.end()


def _layout(text: str) -> str:
    if "\n" not in text:
        return _HSPACE.sub(" ", text).strip(" \t")
    lines = text.split("\n")
    wrapped = _is_hard_wrapped(lines)
    if not wrapped and " \n" not in text and "\t\n" not in text:
        # No soft breaks (a line ending in a space or tab): every line is a paragraph.
        out = "\n\n".join([s for s in (raw.strip(" \t") for raw in lines) if s])
        return _HSPACE.sub(" ", out) if ("  " in out or "\t" in out) else out
    # Without a quote marker in the text no line has a quote level.
    quoted = wrapped and (">" in text or "|" in text)
    paras: list[str] = []
    cur: list[str] = []
    cur_level = 0
    prev_raw = ""
    for raw in lines:
        level, plen = _quote_level(raw) if quoted else (0, 0)
        s = raw[plen:].strip(" \t")
        if not s:  # a blank line, or an empty quoted line ("> "), ends the paragraph
            if cur:
                paras.append(" ".join(cur))
                cur = []
            prev_raw = ""
            continue
        if cur:
            if wrapped:
                new_para = (
                    raw.startswith(("  ", "\t"))
                    or level != cur_level
                    or s.lower() == "reuter"
                )
            else:
                # Trailing whitespace before a newline marks a soft break (as in format=flowed
                # mail); otherwise each line of an unwrapped document is its own paragraph.
                new_para = not (prev_raw.endswith((" ", "\t")) and s[0].islower())
            if new_para:
                paras.append(" ".join(cur))
                cur = []
        if not cur:
            cur_level = level
        last = cur[-1] if cur else ""
        if last[-1:] == "-" and last[-2:-1].isalnum() and last[-2:-1].isascii() and s[0].isalnum():
            cur[-1] += s  # "British-\nSoviet": a compound split at its hyphen
        else:
            cur.append(s)
        prev_raw = raw
    if cur:
        paras.append(" ".join(cur))
    out = "\n\n".join(paras)
    return _HSPACE.sub(" ", out) if ("  " in out or "\t" in out) else out


def clean_text(text: str) -> str:
    """Return the canonical form of a raw document (see the module docstring).

    Pure and idempotent, so it can be re-run on stored text without shifting offsets.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return _layout(_normalise_chars(text))
