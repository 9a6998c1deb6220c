"""Hostile and broken input: quarantined with a reason, never a crash, never dropped."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.config import Config
from newsfacts.manifest import DOCUMENT, QUARANTINED
from newsfacts.pipeline import process_files
from newsfacts.read import list_files

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def run_batch(root: Path, names: list[str], **config: object):
    return process_files(root, [(n, None) for n in names], Config(**config), "t", NOW)


def test_every_kind_of_bad_file_gets_a_reason(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\n\t",
        "nul.txt": b"Troops\x00 and more",
        "utf16.txt": "Some 500 British troops left Basra.".encode("utf-16"),
        "cp1252.txt": b"Caf\xe9 owners said exports rose to \x8050 million.",
        "bom.txt": b"\xef\xbb\xbfExports rose to 5 billion dlrs.",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with (tmp_path / "huge.txt").open("wb") as fh:  # sparse: 200 MB on paper, no disk
        fh.truncate(200 * 1024 * 1024)
    names = sorted([*files, "huge.txt", "vanished.txt"])
    t0 = time.perf_counter()
    result = run_batch(tmp_path, names, max_file_bytes=50_000_000)
    assert time.perf_counter() - t0 < 5  # the 200 MB file is never read
    by_path = {r.source_path: r for r in result.records}
    assert set(by_path) == set(names)  # nothing dropped
    assert by_path["empty.txt"].reason == "empty"
    assert by_path["blank.txt"].reason == "empty"
    assert by_path["nul.txt"].reason == "binary"
    assert by_path["huge.txt"].reason == "too_large"
    assert by_path["vanished.txt"].reason == "vanished"
    for good in ("utf16.txt", "cp1252.txt", "bom.txt"):
        assert by_path[good].status == DOCUMENT, good
    docs = {d["source_path"]: d for d in result.tables["documents"].to_pylist()}
    assert docs["utf16.txt"]["encoding"] == "utf-16"
    assert docs["cp1252.txt"]["encoding"] == "cp1252"
    assert "\u20ac50 million" in docs["cp1252.txt"]["text"]
    assert all(r.reason for r in result.records if r.status == QUARANTINED)


def test_a_long_single_line_is_processed(tmp_path: Path) -> None:
    line = ("Exports to Japan rose to 5.2 billion dlrs and some 500 British troops left. " * 40_000)
    (tmp_path / "long.txt").write_text(line)  # ~3 MB, one line, no paragraph breaks
    t0 = time.perf_counter()
    result = run_batch(tmp_path, ["long.txt"])
    elapsed = time.perf_counter() - t0
    assert result.records[0].status == DOCUMENT
    assert result.tables["trade_figures"].num_rows > 0
    assert elapsed < 120, elapsed


def test_listing_survives_loops_fifos_and_escapes(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text("fine")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    (root / "self.txt").symlink_to(root / "self.txt")  # a symlink loop
    (root / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("outside the root")
    (root / "dir.txt").mkdir()  # a folder whose name matches the glob
    listing = list_files(root, "**/*.txt")
    assert [p for p, _, _ in listing.files] == ["ok.txt"]
    reasons = {p: r for p, r, _ in listing.rejected}
    assert reasons == {"pipe.txt": "unreadable", "self.txt": "unreadable",
                       "out.txt": "outside_root"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b"$", b"20 ", b"billion ", b"troops ", b"\n\n", b"U.S. ",
                              b"\xe2\x80", b"hundreds of ", b"\x00", b"Iraq", b"\xff"]),
             max_size=400).map(b"".join),
))
def test_fuzz_random_bytes_through_the_library(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "f.txt").write_bytes(data)
    result = run_batch(tmp_path, ["f.txt"])
    assert len(result.records) == 1
    rec = result.records[0]
    assert rec.status in (DOCUMENT, QUARANTINED)
    if rec.status == QUARANTINED:
        assert rec.reason and rec.reason != "error", rec.detail
        return
    doc = result.tables["documents"].to_pylist()[0]
    text = doc["text"]
    for table in ("trade_figures", "troop_counts"):
        for row in result.tables[table].to_pylist():
            assert text[row["char_start"] : row["char_end"]] == row["quote"]
    for row in result.tables["sentences"].to_pylist():
        assert text[row["char_start"] : row["char_end"]] == row["text"]


def test_a_50_mb_single_line_is_quarantined_by_the_default_limit(tmp_path: Path) -> None:
    """The default max_file_bytes keeps a giant one-line dump out, unread (bounded memory)."""
    (tmp_path / "dump.txt").write_bytes(b"Exports rose to 5 billion dlrs. " * 1_600_000)
    t0 = time.perf_counter()
    result = run_batch(tmp_path, ["dump.txt"])
    assert time.perf_counter() - t0 < 5
    assert result.records[0].reason == "too_large"
    assert result.bytes_read == 0


def test_a_file_changed_after_listing_is_read_as_it_is_now(tmp_path: Path) -> None:
    """Size and mtime come from the open file, so the manifest matches the bytes read."""
    f = tmp_path / "a.txt"
    f.write_text("Exports rose to 5 billion dlrs.")
    listed = list_files(tmp_path, "**/*.txt").files
    f.write_text("Exports rose to 7 billion dlrs, the ministry said on Monday.")
    rec = run_batch(tmp_path, ["a.txt"]).records[0]
    assert rec.size == f.stat().st_size != listed[0][1]
    assert rec.mtime_ns == f.stat().st_mtime_ns
