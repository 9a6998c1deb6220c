"""Incremental runs: what changed since the last run, and what the warehouse must become.

The manifest has one row per source file the warehouse knows (path, size, mtime, SHA-256,
doc_id, status). Comparing it with a fresh listing decides the work:

- unchanged (same size and mtime): nothing to do, not even a read;
- new, or size/mtime moved: process it (the batch hashes it first; the same bytes under a
  new mtime only refresh the manifest row);
- gone from the folder: its rows are removed (``on_delete: remove``) or kept (``keep``).

Everything here is plain data in, plain data out, so the rules are tested without files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

DOCUMENT = "document"
QUARANTINED = "quarantined"


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One manifest row: what the warehouse knows about one source file."""

    source_path: str
    size: int
    mtime_ns: int
    sha256: str | None
    doc_id: str | None
    status: str  # document | quarantined
    reason: str | None
    detail: str | None
    run_id: str


@dataclass
class Plan:
    to_process: list[tuple[str, int, str | None]]  # (path, size, expected sha256 or None)
    unchanged: dict[str, FileRecord]
    deleted: list[FileRecord]
    full_refresh: bool

    @property
    def is_noop(self) -> bool:
        return not self.to_process and not self.deleted and not self.full_refresh


def plan(
    listed: Iterable[tuple[str, int, int]],
    manifest: dict[str, FileRecord],
    *,
    full_refresh: bool,
    on_delete: str,
    present: Iterable[str] = (),
) -> Plan:
    """Decide which listed files (path, size, mtime_ns) need processing.

    ``present`` names files that exist but are not to be read (rejected by the listing:
    a symlink out of the root, a FIFO): they are neither work nor gone.
    """
    to_process: list[tuple[str, int, str | None]] = []
    unchanged: dict[str, FileRecord] = {}
    seen: set[str] = set(present)
    for path, size, mtime_ns in listed:
        seen.add(path)
        old = None if full_refresh else manifest.get(path)
        if old is None:
            to_process.append((path, size, None))
        elif old.size == size and old.mtime_ns == mtime_ns:
            unchanged[path] = old
        else:
            to_process.append((path, size, old.sha256))
    gone = [r for p, r in sorted(manifest.items()) if p not in seen]
    if on_delete == "keep" and not full_refresh:
        unchanged.update({r.source_path: r for r in gone})
        gone = []
    return Plan(to_process, unchanged, gone, full_refresh)


@dataclass
class Resolution:
    """The manifest after this run and the row changes that get it there."""

    manifest: dict[str, FileRecord]
    remove_doc_ids: set[str]  # delete these documents' rows from every document table
    take: dict[str, int]  # doc_id -> batch whose staged rows become the document's rows
    reprocess: list[str] = field(default_factory=list)  # read these again, then resolve again


def resolve(
    plan_: Plan,
    processed: dict[str, FileRecord],
    staged: dict[str, int],
    old_manifest: dict[str, FileRecord],
) -> Resolution:
    """Merge what the batches found with what stayed: one document per doc_id.

    ``processed`` holds the records of every file read this run (and of rejected ones);
    ``staged`` says which batch staged rows for a path (a batch stages one copy of
    identical files). Byte-identical files share a doc_id: the first path wins, whatever
    the history (so an incremental run equals a full rebuild), and the others are
    quarantined as duplicates, so rows are never doubled. If the winner has no rows yet
    (it was a duplicate of a file that went away or sorts later), it is listed in
    ``reprocess``.
    """
    new: dict[str, FileRecord] = {**plan_.unchanged, **processed}
    held: dict[str, str] = {}
    if not plan_.full_refresh:
        held = {r.doc_id: p for p, r in old_manifest.items() if r.status == DOCUMENT and r.doc_id}

    # doc_id -> its paths in sorted order: a str for the usual single path, a list only
    # for byte-identical files (a list per document costs ~10 MB per 100,000 documents)
    candidates: dict[str, str | list[str]] = {}
    for path in sorted(new):
        rec = new[path]
        if rec.doc_id and (rec.status == DOCUMENT or rec.reason == "duplicate"):
            seen = candidates.get(rec.doc_id)
            if seen is None:
                candidates[rec.doc_id] = path
            elif isinstance(seen, str):
                candidates[rec.doc_id] = [seen, path]
            else:
                seen.append(path)

    take: dict[str, int] = {}
    reprocess: list[str] = []
    owners: dict[str, str] = {}
    for doc_id, paths in candidates.items():
        owner = paths if isinstance(paths, str) else paths[0]
        owners[doc_id] = owner
        rows_exist = owner == held.get(doc_id) and owner not in staged
        if owner in staged:
            take[doc_id] = staged[owner]
        elif not rows_exist:
            reprocess.append(owner)
        for path in (paths,) if isinstance(paths, str) else paths:
            rec = new[path]
            if path == owner:
                if rec.status != DOCUMENT or rec.reason is not None or rec.detail is not None:
                    new[path] = replace(rec, status=DOCUMENT, reason=None, detail=None)
            else:
                new[path] = replace(rec, status=QUARANTINED, reason="duplicate",
                                    detail=f"same bytes as {owner}")
    remove = {d for d in held if d not in owners or d in take}
    return Resolution(new, remove, take, sorted(reprocess))
