"""Reading: find input files and decode their bytes, deciding what must be quarantined.

Decoding is strict and explicit so a file's encoding is recorded, never guessed silently:
UTF-8 (a BOM allowed), UTF-16 with a BOM, then cp1252. Empty, binary (NUL bytes) and
undecodable files get a reason instead of text; they never stop a run.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

NUL = b"\x00"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None  # set when the file must be quarantined
    detail: str | None = None


def decode(raw: bytes) -> Decoded:
    """Decode one file's bytes, or say why it cannot be a document."""
    if not raw.strip():
        return Decoded(None, None, "empty", f"{len(raw)} bytes, no text")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            return Decoded(None, None, "undecodable", f"utf-16 with BOM: {exc.reason}")
    if b"\x00" in raw:
        return Decoded(None, None, "binary", f"NUL byte at offset {raw.index(NUL)}")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return _checked(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            return Decoded(None, None, "undecodable", f"utf-8 BOM but invalid: {exc.reason}")
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _checked(raw.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as exc:
        return Decoded(None, None, "undecodable", f"neither utf-8 nor cp1252: {exc.reason}")


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        return Decoded(None, None, "empty", "only whitespace")
    return Decoded(text, encoding)


@dataclass(frozen=True, slots=True)
class Listing:
    files: list[tuple[str, int, int]]  # (path relative to root, '/'-separated; size; mtime_ns)
    rejected: list[tuple[str, str, str]]  # (path, reason, detail): quarantined unread


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A '/'-aware glob: ``**/`` spans folders (or none), ``*`` and ``?`` stay in one."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def list_files(root: Path, pattern: str) -> Listing:
    """Every regular file under ``root`` matching ``pattern``, sorted, without following
    symlinked folders (no loops). A symlinked file that resolves outside the root is
    rejected, not read: the input root is a boundary."""
    matcher = glob_regex(pattern)
    real_root = root.resolve()
    files: list[tuple[str, int, int]] = []
    rejected: list[tuple[str, str, str]] = []
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=errors.append):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            rel = rel.replace(os.sep, "/")
            if not matcher.match(rel):
                continue
            full = Path(dirpath) / name
            try:
                if full.is_symlink():
                    target = full.resolve(strict=True)
                    if not target.is_relative_to(real_root):
                        rejected.append((rel, "outside_root", f"symlink to {target}"))
                        continue
                st = full.stat()
            except (OSError, RuntimeError) as exc:
                rejected.append((rel, "unreadable", f"{type(exc).__name__}: {exc}"))
                continue
            if not stat.S_ISREG(st.st_mode):
                rejected.append((rel, "unreadable", "not a regular file"))
                continue
            files.append((rel, st.st_size, st.st_mtime_ns))
    for exc in errors:
        rel = os.path.relpath(exc.filename or str(root), root).replace(os.sep, "/")
        rejected.append((rel, "unreadable", f"folder: {exc.strerror}"))
    files.sort()
    return Listing(files, rejected)


def plan_batches(files: list[tuple[str, int]], max_files: int, max_bytes: int) -> list[list[str]]:
    """Split the listing into batches bounded by file count and bytes, so a task's memory
    depends on the batch size, not on the corpus."""
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for rel, n in files:
        if current and (len(current) >= max_files or size + n > max_bytes):
            batches.append(current)
            current, size = [], 0
        current.append(rel)
        size += n
    if current:
        batches.append(current)
    return batches
