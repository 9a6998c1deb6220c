"""The ``newsfacts`` command: run, serve, sql, eval.

It lives beside the flows, not in the library, because ``run`` and ``serve`` need Prefect
and the library must not. Configuration is loaded and checked *before* Prefect starts, so a
typo fails in a second instead of after the API server's ~10 s start.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from newsfacts import __version__
from newsfacts.config import Config, ConfigError, check_paths, load_config

DEFAULT_CONFIG = Path("config.yaml")


def _config_from(args: argparse.Namespace) -> tuple[Config, Path | None]:
    path = args.config
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    overrides = {"input": getattr(args, "input", None),
                 "warehouse": getattr(args, "warehouse", None)}
    return load_config(path, overrides), path


def _quiet_prefect() -> None:
    # With no network the temporary server's telemetry only logs errors.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def _flow_params(config: Config, path: Path | None) -> dict[str, str | None]:
    return {
        "config_path": str(path.resolve()) if path else None,
        "input_dir": str(config.input_dir().resolve()),
        "warehouse_dir": str(config.warehouse.resolve()),
    }


def cmd_run(args: argparse.Namespace) -> int:
    config, path = _config_from(args)
    check_paths(config)
    _quiet_prefect()
    from flows.newsfacts_flow import ensure_prefect_api, newsfacts_run

    t0 = time.monotonic()
    ensure_prefect_api()
    state = newsfacts_run(**_flow_params(config, path), full_refresh=args.full_refresh,
                          return_state=True)
    elapsed = time.monotonic() - t0
    if not state.is_completed():
        print(f"newsfacts run: {state.type.value.lower()} after {elapsed:.1f} s: {state.message}",
              file=sys.stderr)
        return 1
    print(format_summary(state.result(), elapsed))
    return 0


def format_summary(s: dict[str, Any], elapsed: float) -> str:
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(s["quarantine_reasons"].items()))
    skipped = s["docs_skipped_language"]
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in s["stage_seconds"].items())
    mb = s["bytes"] / 1e6
    lines = [
        f"newsfacts run {s['run_id']}: completed in {elapsed:.1f} s"
        + (" (full refresh)" if s["full_refresh"] else ""),
        f"  input        {s['input']}",
        f"  warehouse    {s['warehouse']}",
        f"  files        {s['files_seen']} seen: {s['files_new']} new, {s['files_changed']} "
        f"changed, {s['files_unchanged']} unchanged; {s['files_deleted']} deleted",
        f"  read         {s['files_processed']} documents, {mb:.2f} MB"
        + (f", {skipped} not extracted (language not configured)" if skipped else ""),
        f"  quarantined  {s['files_quarantined']}" + (f" ({reasons})" if reasons else ""),
        f"  warehouse    {s['documents']} documents, {s['trade_figures']} trade figures, "
        f"{s['troop_counts']} troop counts (DuckDB {s['duckdb']})",
        f"  stage time   {stages}",
        '  query it     newsfacts sql "SELECT kind, quote, value FROM facts LIMIT 10"',
    ]
    return "\n".join(lines)


def cmd_serve(args: argparse.Namespace) -> int:
    config, path = _config_from(args)
    check_paths(config)
    _quiet_prefect()
    from prefect.schedules import Cron

    from flows.newsfacts_flow import newsfacts_run

    print(f"serving deployment '{config.schedule.deployment_name}' on cron "
          f"'{config.schedule.cron}' ({config.schedule.timezone}); Ctrl-C to stop")
    newsfacts_run.serve(
        name=config.schedule.deployment_name,
        schedules=[Cron(config.schedule.cron, timezone=config.schedule.timezone)],
        parameters=_flow_params(config, path),
        pause_on_shutdown=False,
    )
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from flows.newsfacts_flow import make_warehouse

    config, _ = _config_from(args)
    wh = make_warehouse(config)
    if not wh.duckdb_path.is_file():
        print(f"no warehouse at {wh.duckdb_path}; run `newsfacts run` first", file=sys.stderr)
        return 2
    sql = Path(args.file).read_text("utf-8") if args.file else args.query
    if not sql:
        print("give a query or -f FILE", file=sys.stderr)
        return 2
    con = wh.connect(read_only=True)
    try:
        rel = con.sql(sql)
        if rel is not None:
            rel.show(max_width=args.max_width, max_rows=args.max_rows)
    except duckdb.Error as exc:
        print(f"query failed: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsfacts", description="Trade figures and troop counts "
                                 "from news text, to Parquet and DuckDB.")
    ap.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", type=Path,
                       help="YAML config (default: ./config.yaml if present)")
        p.add_argument("--warehouse", help="output folder (overrides the config)")

    run = sub.add_parser("run", help="one flow run over the input folder")
    common(run)
    run.add_argument("--input", help="input folder (default: the shipped sample corpus)")
    run.add_argument("--full-refresh", action="store_true",
                     help="read every file again and rebuild the warehouse")
    run.set_defaults(func=cmd_run)

    serve = sub.add_parser("serve", help="serve the flow as a deployment on the config's cron")
    common(serve)
    serve.add_argument("--input", help="input folder")
    serve.set_defaults(func=cmd_serve)

    sql = sub.add_parser("sql", help="query the warehouse (DuckDB SQL)")
    common(sql)
    sql.add_argument("query", nargs="?", help="SQL text")
    sql.add_argument("-f", "--file", help="read the SQL from this file")
    sql.add_argument("--max-rows", type=int, default=40)
    sql.add_argument("--max-width", type=int, default=160)
    sql.set_defaults(func=cmd_sql)

    # Listed for --help; its own parser (newsfacts.evaluate) reads the arguments.
    sub.add_parser("eval", help="score the extractors against gold labels (eval --help)",
                   add_help=False)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:
        from newsfacts.evaluate import main as eval_main

        return eval_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
