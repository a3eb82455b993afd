"""Printing command results: tables or JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table

JSON_SCHEMA_VERSION = 1


def stdout() -> Console:
    return Console(soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True)


def error(message: str) -> None:
    stderr().print(f"[bold red]error:[/] {message}", highlight=False, markup=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def emit_json(kind: str, items: Any) -> None:
    document = {"schema": JSON_SCHEMA_VERSION, "kind": kind, "items": items}
    print(json.dumps(document, ensure_ascii=False, default=_plain, indent=1))


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    grid = Table(title=title, title_justify="left")
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*["" if v is None else str(_plain(v)) for v in row])
    stdout().print(grid)


def run_summary(summary: Any, as_json: bool) -> None:
    if as_json:
        emit_json("crawl", summary.__dict__)
        return
    table(
        f"crawl run {summary.run_id}: {summary.status}", ["source", "status"],
        sorted(summary.sources.items()),
    )
    stderr().print(
        f"{summary.pages_fetched} pages, {summary.new_articles} new articles, "
        f"{summary.alerts_created} alerts, {summary.errors} errors"
    )


def articles(rows: list[Any], as_json: bool) -> None:
    fields = ["id", "source", "published_at", "status", "relevant", "announcement", "title", "url"]
    if as_json:
        emit_json("articles", [{f: getattr(r, f) for f in fields} | {"analysis": r.analysis, "story_id": r.story_id} for r in rows])
        return
    table("articles", fields, ([getattr(r, f) for f in fields] for r in rows))


def alerts(rows: list[Any], as_json: bool) -> None:
    fields = ["id", "story_id", "channel", "kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    if as_json:
        emit_json("alerts", [{f: getattr(r, f) for f in fields} for r in rows])
        return
    table("alerts", fields, ([getattr(r, f) for f in fields] for r in rows))


def sources(rows: list[Any], as_json: bool) -> None:
    if as_json:
        emit_json("sources", [r.model_dump() for r in rows])
        return
    table(
        "sources", ["name", "language", "every", "enabled", "rungs", "homepage"],
        ([r.name, r.language, r.every, r.enabled, _rungs(r), r.homepage] for r in rows),
    )


def _rungs(source: Any) -> str:
    parts = [("sitemap", source.sitemaps), ("feed", source.feeds), ("wp-api", source.wp_api), ("section", source.sections)]
    return ", ".join(f"{name}×{len(urls)}" for name, urls in parts if urls)


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
    columns = ["source", "health", "last_success", "last_error", "next_run", "articles_today"]
    table("sources", columns, ([s.get(c) for c in columns] for s in report["sources"]))
    counts = report["alerts"]
    stdout().print(f"alerts: {counts.get('pending', 0)} pending, {counts.get('dead', 0)} dead", highlight=False)
    if not report.get("daemon_scheduled", True):
        stdout().print("next runs: no daemon has scheduled this database yet", highlight=False)
    notices = report.get("admin_notices") or []
    if notices:
        columns = ["created_at", "channel", "status", "title"]
        table("admin notices", columns, ([n.get(c) for c in columns] for n in notices))


def source_checks(rows: list[Any], as_json: bool) -> None:
    """`sources check`: one row per rung URL probed."""
    if as_json:
        emit_json("source-check", [r.as_dict() for r in rows])
        return
    columns = ["source", "rung", "url", "status", "items", "newest", "verdict"]
    table("source check", columns, ([getattr(r, c) for c in columns] for r in rows))
    for row in rows:
        if row.message and row.verdict not in ("ok",):
            stderr().print(f"{row.source} {row.rung}: {row.message}", highlight=False, markup=False)
