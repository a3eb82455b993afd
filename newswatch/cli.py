"""The `newswatch` command: a thin layer over `newswatch.app` and the packages.

Data goes to stdout, progress and logs to stderr. Exit codes: 0 ok, 1 error, 2 usage,
3 some sources failed. Heavy packages (Scrapy, trafilatura, the analysis models) are imported
inside the commands that need them, so `newswatch --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from newswatch import output
from newswatch.settings import Settings, load_settings

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(
    help="Watch Moroccan business news for offshoring job and investment announcements.",
    no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
)
articles_app = typer.Typer(help="Stored articles.", no_args_is_help=True)
alerts_app = typer.Typer(help="Alerts: list, test a channel, resend.", no_args_is_help=True)
seeds_app = typer.Typer(help="The seed corpus of already-known articles.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources file.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
for sub, name in ((articles_app, "articles"), (alerts_app, "alerts"), (seeds_app, "seeds"),
                  (sources_app, "sources"), (db_app, "db")):
    app.add_typer(sub, name=name)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SourcesOpt = Annotated[Optional[Path], typer.Option("--sources", help="A sources TOML file.")]


def settings_of(ctx: typer.Context) -> Settings:
    if ctx.obj is None:
        ctx.obj = load_settings()
    return ctx.obj


@app.callback()
def root(ctx: typer.Context) -> None:
    """Settings come from NEWSWATCH_* environment variables (see the README)."""


@app.command()
def crawl(
    ctx: typer.Context,
    source: Annotated[list[str], typer.Option("--source", "-s", help="Only this source (repeatable).")] = [],  # noqa: B006
    sources: SourcesOpt = None,
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Store, but create and send no alerts.")] = False,
    refetch: Annotated[bool, typer.Option("--refetch", help="Fetch article pages seen before.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Crawl now: discover, fetch, extract, analyze, store, then send alerts.

    Example: newswatch crawl --source hespress-fr --source le360
    """
    from newswatch.app import crawl_once

    summary = crawl_once(
        settings_of(ctx), source or None, sources_file=sources, send_alerts=not no_alerts,
        refetch=refetch,
    )
    output.run_summary(summary, as_json)
    if summary.failed_sources:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def daemon(ctx: typer.Context, sources: SourcesOpt = None) -> None:
    """Run forever: crawl every source on its schedule; stop with SIGTERM or Ctrl-C.

    Example: NEWSWATCH_DATABASE_URL=postgresql+psycopg://newswatch@db/newswatch newswatch daemon
    """
    from newswatch.logs import configure_logging
    from scheduler.daemon import run_daemon
    from scheduler.errors import SchedulerError

    settings = settings_of(ctx)
    configure_logging(settings)
    try:
        run_daemon(settings, sources_file=sources)
    except SchedulerError as exc:  # e.g. DaemonAlreadyRunning: one line, exit code 1
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


@articles_app.command("list")
def articles_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    source: Annotated[Optional[str], typer.Option(help="Only this source.")] = None,
    announcements: Annotated[bool, typer.Option("--announcements", help="Only announcements.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles.

    Example: newswatch articles list --announcements --json
    """
    from newswatch.app import open_database
    from storage.db import session_scope
    from storage.queries import list_articles

    with session_scope(open_database(settings_of(ctx))) as session:
        rows = list_articles(session, limit=limit, source=source, announcements=announcements)
        output.articles(rows, as_json)


@alerts_app.command("list")
def alerts_list(
    ctx: typer.Context,
    status: Annotated[Optional[str], typer.Option(help="pending, sent, suppressed or dead.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List alerts, newest first.

    Example: newswatch alerts list --status dead
    """
    from newswatch.app import open_database
    from storage.db import session_scope
    from storage.queries import list_alerts

    with session_scope(open_database(settings_of(ctx))) as session:
        output.alerts(list_alerts(session, status=status), as_json)


@alerts_app.command("test")
def alerts_test(
    ctx: typer.Context,
    channel: Annotated[str, typer.Option(help="email or slack.")],
) -> None:
    """Send a test message on one channel and print the server's answer.

    Example: newswatch alerts test --channel slack
    """
    from alerts import test_channel

    typer.echo(test_channel(settings_of(ctx), channel))


@alerts_app.command("resend")
def alerts_resend(ctx: typer.Context, alert_id: int) -> None:
    """Put a dead (or sent) alert back in the outbox and deliver it.

    Example: newswatch alerts resend 42
    """
    from alerts.relay import resend
    from newswatch.app import deliver_pending, open_database
    from storage.db import session_scope

    settings = settings_of(ctx)
    engine = open_database(settings)
    with session_scope(engine) as session:
        resend(session, alert_id)
    deliver_pending(settings, engine)
    typer.echo(f"alert {alert_id} queued again")


@app.command()
def analyze(
    file: Annotated[Optional[Path], typer.Argument(help="A text file; stdin if omitted.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Input is JSON lines: id, title, text, ...")] = False,
    title: Annotated[Optional[str], typer.Option(help="The article's title (plain text input).")] = None,
) -> None:
    """Analyze an article (or a stream of them): relevance, announcement, figures.

    Example: newswatch analyze --jsonl < articles.jsonl > verdicts.jsonl
    """
    from analysis.jsonl import analyze_document, run_jsonl

    stream = file.open(encoding="utf-8") if file else sys.stdin
    with stream:
        if jsonl:
            run_jsonl(stream, sys.stdout)
        else:
            typer.echo(json.dumps(analyze_document(stream.read(), title), ensure_ascii=False))


@app.command()
def explain(ctx: typer.Context, ref: str, as_json: JsonOpt = False) -> None:
    """Say why an article (URL or id) did or did not alert, and show its story.

    Example: newswatch explain https://fr.hespress.com/485171-exemple.html
    """
    from newswatch.app import open_database
    from newswatch.explain import explain as explain_ref
    from storage.db import session_scope

    with session_scope(open_database(settings_of(ctx))) as session:
        report = explain_ref(session, ref)
    output.explanation(report, as_json)
    if report.get("found") is False:
        raise typer.Exit(EXIT_ERROR)


@seeds_app.command("import")
def seeds_import(ctx: typer.Context, directory: Path) -> None:
    """Add the *.txt articles of DIRECTORY to the known corpus (never alerted).

    Example: newswatch seeds import ./my-known-articles/
    """
    from newswatch.app import open_database
    from newswatch.seeding import import_seeds

    added = import_seeds(open_database(settings_of(ctx)), directory)
    typer.echo(f"{added} seed article(s) added")


@sources_app.command("list")
def sources_list(ctx: typer.Context, sources: SourcesOpt = None, as_json: JsonOpt = False) -> None:
    """List the sources of the catalogue (or of --sources FILE).

    Example: newswatch sources list --json
    """
    from newswatch.app import load_catalogue

    output.sources(load_catalogue(settings_of(ctx), sources), as_json)


@sources_app.command("check")
def sources_check(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Argument(help="Only this source (enabled or not).")] = None,
    sources: SourcesOpt = None,
    timeout: Annotated[Optional[float], typer.Option(help="Seconds per request (default: crawl timeout).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Probe each discovery rung live: HTTP status, article links, newest date, verdict.

    Needs network access; obeys robots.txt and never works around bot protection.
    Exit code 3 when a checked source has no working rung.

    Example: newswatch sources check medias24 --json
    """
    from crawler.check import check_sources, working_sources
    from crawler.sources import select_sources
    from newswatch.app import load_catalogue

    settings = settings_of(ctx)
    chosen = select_sources(load_catalogue(settings, sources), [name] if name else None)
    rows = check_sources(chosen, settings, timeout=timeout)
    output.source_checks(rows, as_json)
    if {s.name for s in chosen} - working_sources(rows):
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def status(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Per source: last success, last error, health; pending and dead alerts.

    Example: newswatch status --json
    """
    from newswatch.app import open_database
    from newswatch.status import collect_status

    settings = settings_of(ctx)
    output.status(collect_status(settings, open_database(settings)), as_json)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Create or upgrade the database schema to the current version.

    Example: NEWSWATCH_DATABASE_URL=postgresql+psycopg://localhost/newswatch newswatch db upgrade
    """
    from storage.db import connect, current_revision

    engine = connect(settings_of(ctx).effective_database_url)
    typer.echo(f"database at revision {current_revision(engine)}")


@app.command()
def demo(
    ctx: typer.Context,
    serve: Annotated[bool, typer.Option("--serve", help="Keep the example sites up afterwards.")] = False,
) -> None:
    """Serve example news sites on 127.0.0.1 and run one full cycle against them.

    Example: newswatch demo
    """
    from newswatch.demo import run_demo

    run_demo(settings_of(ctx), serve=serve)


def _known_errors() -> tuple[type[Exception], ...]:
    from pydantic import ValidationError

    from alerts.errors import AlertsError
    from analysis.errors import AnalysisError
    from crawler.errors import CrawlerError
    from dedup.errors import DedupError
    from newswatch.errors import NewswatchError
    from scheduler.errors import SchedulerError
    from storage.errors import StorageError

    return (
        NewswatchError, CrawlerError, StorageError, AlertsError, AnalysisError, DedupError,
        SchedulerError, ValidationError,
    )


def main() -> None:
    from newswatch.errors import UsageError

    try:
        app()
    except UsageError as exc:
        output.error(str(exc))
        sys.exit(EXIT_USAGE)
    except _known_errors() as exc:
        output.error(str(exc))
        sys.exit(EXIT_ERROR)
