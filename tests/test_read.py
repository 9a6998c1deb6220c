"""read: decoding decisions, file listing (globs, symlinks, odd names), batching."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfacts.read import decode, glob_regex, list_files, plan_batches


@pytest.mark.parametrize(
    ("raw", "encoding", "reason"),
    [
        (b"Plain text.", "utf-8", None),
        ("Caf\u00e9 \u00a320".encode(), "utf-8", None),
        (b"\xef\xbb\xbfWith a BOM", "utf-8-sig", None),
        ("UTF-16 text \u00e9".encode("utf-16"), "utf-16", None),
        (b"caf\xe9 costs \xa35", "cp1252", None),
        (b"", None, "empty"),
        (b"  \n\t ", None, "empty"),
        (b"\xef\xbb\xbf   ", None, "empty"),
        (b"PK\x03\x04\x00\x00binary", None, "binary"),
        (b"abc\x81\x8d\x8f\x90\x9d", None, "undecodable"),
    ],
)
def test_decode(raw: bytes, encoding: str | None, reason: str | None) -> None:
    d = decode(raw)
    assert d.encoding == encoding
    assert d.reason == reason
    assert (d.text is None) == (reason is not None)
    if reason:
        assert d.detail


def test_cp1252_fallback_keeps_characters() -> None:
    assert decode(b"caf\xe9 \x93quoted\x94").text == "caf\u00e9 \u201cquoted\u201d"


@pytest.mark.parametrize(
    ("pattern", "path", "ok"),
    [
        ("**/*.txt", "a.txt", True),
        ("**/*.txt", "x/y/a.txt", True),
        ("**/*.txt", "a.txt.bak", False),
        ("*.txt", "x/a.txt", False),
        ("news/*.txt", "news/a.txt", True),
        ("news/*.txt", "news/b/a.txt", False),
        ("a?.txt", "ab.txt", True),
    ],
)
def test_glob(pattern: str, path: str, ok: bool) -> None:
    assert bool(glob_regex(pattern).match(path)) is ok


def test_list_files_sorted_relative_and_safe(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b dir").mkdir(parents=True)
    (root / "b dir" / "x; DROP TABLE documents;.txt").write_text("x")
    (root / "a'quote\nnewline.txt").write_text("y")
    (root / "ünïcode.txt").write_text("z")
    (root / "skip.md").write_text("no")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside")
    (root / "escape.txt").symlink_to(outside)
    (root / "loop").symlink_to(root, target_is_directory=True)
    listing = list_files(root, "**/*.txt")
    names = [p for p, _, _ in listing.files]
    assert names == sorted(names)
    assert "b dir/x; DROP TABLE documents;.txt" in names
    assert "a'quote\nnewline.txt" in names
    assert "ünïcode.txt" in names
    assert not any(n.startswith("loop/") for n in names)
    assert [(p, r) for p, r, _ in listing.rejected] == [("escape.txt", "outside_root")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("a")
    locked.chmod(0)
    try:
        listing = list_files(tmp_path, "**/*.txt")
    finally:
        locked.chmod(0o755)
    assert any(r == "unreadable" for _, r, _ in listing.rejected)


def test_plan_batches_bounds_files_and_bytes() -> None:
    files = [(f"f{i}", 10) for i in range(10)]
    assert [len(b) for b in plan_batches(files, 4, 10_000)] == [4, 4, 2]
    assert [len(b) for b in plan_batches(files, 100, 25)] == [2, 2, 2, 2, 2]
    # A file larger than the byte budget still gets a batch of its own.
    assert plan_batches([("big", 100), ("s", 1)], 10, 50) == [["big"], ["s"]]
    assert plan_batches([], 3, 3) == []
