"""Printing command results: tables or JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

JSON_SCHEMA_VERSION = 1


def stdout() -> Console:
    return Console(soft_wrap=True)


def stderr() -> Console:
    # soft_wrap: a message is one line however narrow the terminal (grep and logs need that).
    return Console(stderr=True, soft_wrap=True)


def error(message: str) -> None:
    """``error: message`` on one line; the message is never read as rich markup
    (``[[source]]`` must show as typed)."""
    line = Text("error:", style="bold red")
    line.append(f" {message}")
    stderr().print(line, highlight=False)


def note(message: str) -> None:
    """A progress or summary line on stderr, printed as is."""
    stderr().print(Text(message), highlight=False)


def is_terminal() -> bool:
    return sys.stdout.isatty()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def emit_json(kind: str, items: Any) -> None:
    document = {"schema": JSON_SCHEMA_VERSION, "kind": kind, "items": items}
    print(json.dumps(document, ensure_ascii=False, default=_plain, indent=1))


def _cell(value: Any) -> str:
    return "" if value is None else str(_plain(value))


def plain_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """For a pipe or a file: the title, then tab-separated lines (header first), never wrapped."""
    lines = [title, "\t".join(columns)]
    lines += ["\t".join(" ".join(_cell(v).split()) for v in row) for row in rows]
    sys.stdout.write("\n".join(lines) + "\n\n")
    sys.stdout.flush()


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    if not is_terminal():
        plain_table(title, columns, rows)
        return
    grid = Table(title=Text(title), title_justify="left")
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*[Text(_cell(v)) for v in row])  # Text: a cell is never rich markup
    stdout().print(grid)


def run_summary(summary: Any, as_json: bool) -> None:
    if as_json:
        emit_json("crawl", summary.__dict__)
        return
    table(
        f"crawl run {summary.run_id}: {summary.status}", ["source", "status"],
        sorted(summary.sources.items()),
    )
    note(
        f"{summary.pages_fetched} pages, {summary.new_articles} new articles, "
        f"{summary.alerts_created} alerts, {summary.errors} errors"
    )


def articles(rows: list[Any], as_json: bool) -> None:
    fields = ["id", "source", "published_at", "status", "relevant", "announcement", "title", "url"]
    if as_json:
        emit_json("articles", [{f: getattr(r, f) for f in fields} | {"analysis": r.analysis, "story_id": r.story_id,
                                                                     "headline_only": r.headline_only} for r in rows])
        return
    table("articles", fields, ([getattr(r, f) for f in fields] for r in rows))


def _field(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _alert_title(row: Any) -> str:
    """The story's title (a dict row from `newswatch.records`), else the message's own."""
    title = _field(row, "title")
    if title:
        return str(title)
    payload = _field(row, "payload") or {}
    return str((payload.get("message") or {}).get("title", ""))


def alerts(rows: list[Any], as_json: bool) -> None:
    fields = ["id", "story_id", "channel", "kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    if as_json:
        emit_json("alerts", [{f: _field(r, f) for f in fields} | {"title": _alert_title(r)} for r in rows])
        return
    columns = ["id", "story_id", "title", *fields[2:]]
    table("alerts", columns, ([_alert_title(r) if c == "title" else _field(r, c) for c in columns] for r in rows))


def article_detail(detail: dict[str, Any], as_json: bool) -> None:
    """`articles show`: one field per line, then the text."""
    if as_json:
        emit_json("article", detail)
        return
    console = stdout()
    keys = ["id", "title", "url", "source", "published_at", "fetched_at", "language", "status", "relevant",
            "relevance", "announcement", "story_id", "story_title", "duplicate_of", "decision"]
    for key in keys:
        console.print(f"{key}: {_cell(detail.get(key))}", highlight=False, markup=False)
    analysis = detail.get("analysis") or {}
    for key in ("kinds", "jobs", "investment", "companies", "cities", "evidence"):
        if analysis.get(key) not in (None, [], {}):
            console.print(f"{key}: {json.dumps(analysis[key], ensure_ascii=False)}", highlight=False, markup=False)
    for alert in detail.get("alerts", []):
        console.print(f"alert {alert['id']}: {alert['channel']} {alert['kind']} {alert['status']}",
                      highlight=False, markup=False)
    console.print("", highlight=False)
    console.print(detail.get("text") or "", highlight=False, markup=False)


def sources(rows: list[Any], as_json: bool) -> None:
    if as_json:
        emit_json("sources", [r.model_dump() for r in rows])
        return
    table(
        "sources", ["name", "language", "every", "enabled", "rungs", "homepage"],
        ([r.name, r.language, r.every, r.enabled, _rungs(r), r.homepage] for r in rows),
    )


def _rungs(source: Any) -> str:
    return ", ".join(f"{name}×{len(urls)}" for name, urls in source.ladder())


def explanation(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json("explain", report)
        return
    console = stdout()
    for line in report.get("lines", []):
        console.print(line, highlight=False, markup=False)


def status(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json("status", report)
        return
    columns = ["source", "health", "rung", "coverage", "last_success", "last_error", "next_run", "articles_today"]
    table("sources", columns, ([s.get(c) for c in columns] for s in report["sources"]))
    counts = report["alerts"]
    stdout().print(f"alerts: {counts.get('pending', 0)} pending, {counts.get('dead', 0)} dead", highlight=False)
    if not report.get("daemon_scheduled", True):
        stdout().print("next runs: no daemon has scheduled this database yet", highlight=False)
    unclean = (report.get("daemon") or {}).get("unclean_stop")
    if unclean:  # what the running daemon found at its start
        stdout().print(f"daemon: {unclean}", highlight=False)
    notices = report.get("admin_notices") or []
    if notices:
        columns = ["created_at", "channel", "status", "title"]
        table("admin notices", columns, ([n.get(c) for c in columns] for n in notices))
    if "worker_mode" in report:
        workers(report["worker_mode"])


def workers(section: dict[str, Any]) -> None:
    """Worker mode's part of `status`: each worker's heartbeat, the queue, who crawls what.
    Each summary line is its table's title, so a piped status stays one block per table."""
    console = stdout()
    if not section["reachable"]:
        console.print(f"workers: Redis unreachable ({section['error']})", highlight=False, markup=False)
        return
    rows = section["workers"]
    if rows:
        silent = sum(1 for row in rows if row["silent"])
        table(f"workers: {len(rows)} ({silent} silent: no heartbeat for "
              f"{section['silent_after_seconds']:g} s)",
              ["worker", "host", "last_heartbeat", "source", "runs_done", "state"],
              ([r["name"], r["host"], f"{r['age_seconds']:.0f} s ago", r["source"] or "idle",
                r["runs_done"], "silent" if r["silent"] else "ok"] for r in rows))
    else:
        console.print("workers: none has sent a heartbeat yet", highlight=False, markup=False)
    running = section["running"]
    queue = f"queue: {section['queue_depth']} run(s) waiting, {len(running)} running"
    if running:
        table(queue, ["source", "worker"], ([r["source"], r["worker"]] for r in running))
    else:
        console.print(queue, highlight=False, markup=False)


def source_checks(rows: list[Any], as_json: bool) -> None:
    """`sources check`: one row per rung URL probed."""
    if as_json:
        emit_json("source-check", [r.as_dict() for r in rows])
        return
    columns = ["source", "rung", "url", "status", "items", "newest", "verdict"]
    table("source check", columns, ([getattr(r, c) for c in columns] for r in rows))
    for row in rows:
        if row.message and row.verdict not in ("ok",):
            note(f"{row.source} {row.rung}: {row.message}")
