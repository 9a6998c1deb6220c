"""manifest: the incremental rules as plain data (no files)."""

from __future__ import annotations

from newsfacts.manifest import DOCUMENT, QUARANTINED, FileRecord, plan, resolve


def rec(path: str, sha: str, status: str = DOCUMENT, size: int = 10, mtime: int = 1,
        reason: str | None = None) -> FileRecord:
    return FileRecord(path, size, mtime, sha, sha if status == DOCUMENT or reason == "duplicate"
                      else None, status, reason, None, "r")


def test_plan_sorts_files_into_work() -> None:
    old = {"same": rec("same", "a"), "moved": rec("moved", "b"), "gone": rec("gone", "c")}
    listed = [("same", 10, 1), ("moved", 10, 2), ("new", 5, 1)]
    p = plan(listed, old, full_refresh=False, on_delete="remove")
    assert p.to_process == [("moved", 10, "b"), ("new", 5, None)]
    assert set(p.unchanged) == {"same"}
    assert [r.source_path for r in p.deleted] == ["gone"]
    kept = plan(listed, old, full_refresh=False, on_delete="keep")
    assert kept.deleted == [] and "gone" in kept.unchanged
    full = plan(listed, old, full_refresh=True, on_delete="remove")
    assert len(full.to_process) == 3 and not full.unchanged


def test_resolve_new_changed_deleted() -> None:
    old = {"a": rec("a", "A"), "b": rec("b", "B"), "c": rec("c", "C")}
    p = plan([("a", 10, 1), ("b", 10, 9), ("d", 10, 1)], old, full_refresh=False,
             on_delete="remove")
    processed = {"b": rec("b", "B2", mtime=9), "d": rec("d", "D")}
    r = resolve(p, processed, {"b": 0, "d": 1}, old)
    assert r.take == {"B2": 0, "D": 1}
    assert r.remove_doc_ids == {"B", "C"}
    assert set(r.manifest) == {"a", "b", "d"}
    assert not r.reprocess


def test_resolve_duplicates_first_path_wins_whatever_the_history() -> None:
    old = {"z": rec("z", "X")}
    p = plan([("z", 10, 1), ("a", 10, 1)], old, full_refresh=False, on_delete="remove")
    r = resolve(p, {"a": rec("a", "X")}, {"a": 0}, old)
    assert r.manifest["a"].status == DOCUMENT
    assert r.manifest["z"].status == QUARANTINED and r.manifest["z"].reason == "duplicate"
    assert r.take == {"X": 0} and r.remove_doc_ids == {"X"}
    later = plan([("z", 10, 1), ("zz", 10, 1)], old, full_refresh=False, on_delete="remove")
    r2 = resolve(later, {"zz": rec("zz", "X")}, {"zz": 0}, old)
    assert r2.manifest["z"].status == DOCUMENT and r2.manifest["zz"].reason == "duplicate"
    assert r2.take == {} and r2.remove_doc_ids == set()


def test_resolve_orphaned_duplicate_is_reprocessed() -> None:
    old = {"a": rec("a", "X"), "b": rec("b", "X", QUARANTINED, reason="duplicate")}
    p = plan([("b", 10, 1)], old, full_refresh=False, on_delete="remove")
    r = resolve(p, {}, {}, old)
    assert r.reprocess == ["b"]
    r2 = resolve(p, {"b": rec("b", "X")}, {"b": 3}, old)
    assert r2.take == {"X": 3} and "X" in r2.remove_doc_ids
    assert r2.manifest["b"].status == DOCUMENT


def test_resolve_touched_file_keeps_rows() -> None:
    old = {"a": rec("a", "A")}
    p = plan([("a", 10, 5)], old, full_refresh=False, on_delete="remove")
    r = resolve(p, {"a": rec("a", "A", mtime=5)}, {}, old)
    assert r.take == {} and r.remove_doc_ids == set() and not r.reprocess
    assert r.manifest["a"].mtime_ns == 5


def test_plan_present_but_rejected_files_are_not_gone() -> None:
    old = {"fifo.txt": rec("fifo.txt", "", QUARANTINED, size=0, mtime=0, reason="unreadable")}
    p = plan([], old, full_refresh=False, on_delete="remove", present=["fifo.txt"])
    assert p.deleted == [] and p.to_process == [] and p.is_noop
