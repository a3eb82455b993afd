"""The `newswatch` command: a thin layer over `newswatch.usecases` and the packages.

Data goes to stdout, progress and logs to stderr. Exit codes: 0 ok, 1 error, 2 usage,
3 some sources failed. Heavy packages (Scrapy, trafilatura, the analysis models) are imported
inside the commands that need them, so `newswatch --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newswatch import output
from newswatch.records import ALERT_CHANNELS, ALERT_STATUSES
from newswatch.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # the shell's 128 + SIGINT

app = typer.Typer(
    help="Watch Moroccan business news for offshoring job and investment announcements.",
    no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
)
articles_app = typer.Typer(help="Stored articles.", no_args_is_help=True)
alerts_app = typer.Typer(help="Alerts: list, test a channel, resend.", no_args_is_help=True)
seeds_app = typer.Typer(help="The seed corpus of already-known articles.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources file.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
watches_app = typer.Typer(help="Watches: named filters and where their matches go.", no_args_is_help=True)
app.add_typer(watches_app, name="watches")
for sub, name in ((articles_app, "articles"), (alerts_app, "alerts"), (seeds_app, "seeds"),
                  (sources_app, "sources"), (db_app, "db")):
    app.add_typer(sub, name=name)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SourcesOpt = Annotated[Path | None, typer.Option("--sources", help="A sources TOML file.")]
TEST_CHANNELS = ("email", "slack", "apprise")
RESEND_STATUSES = ("dead", "suppressed", "sent")


def one_of(values: tuple[str, ...]) -> Callable[[str | None], str | None]:
    """An option callback: any other value is a usage error (exit 2) listing the valid ones,
    never an empty result."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(values)}")
        return value

    return check


def _watch_channel_or(values: tuple[str, ...]) -> Callable[[str | None], str | None]:
    """One of ``values``, or a watch's channel ("webhook:crm", see `alerts.watches`)."""
    fixed = one_of(values)

    def check(value: str | None) -> str | None:
        kind, _, watch = (value or "").partition(":")
        return value if watch and kind in ("email", "slack", "webhook") else fixed(value)

    return check


_alert_channel = _watch_channel_or(ALERT_CHANNELS)
_test_channel = _watch_channel_or(TEST_CHANNELS)


def settings_of(ctx: typer.Context) -> Settings:
    if ctx.obj is None:
        ctx.obj = load_settings()
    settings: Settings = ctx.obj
    return settings


def open_existing(ctx: typer.Context) -> Engine:
    """The database for a read-only command: a SQLite file that does not exist is an error,
    never a new empty database."""
    from newswatch.usecases import open_database
    from storage.db import require_existing

    settings = settings_of(ctx)
    require_existing(settings.effective_database_url)
    return open_database(settings)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"newswatch {version('newswatch')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("newswatch (not installed)")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option(
        "--version", help="Print the version and exit.", callback=_print_version, is_eager=True,
    )] = False,
) -> None:
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

    Example: newswatch crawl --source hespress-fr --source le360-fr
    """
    from newswatch.progress import Ticker
    from newswatch.usecases import crawl_once, no_channel_warning

    settings = settings_of(ctx)
    if not no_alerts and (warning := no_channel_warning(settings)):
        typer.echo(f"warning: {warning}", err=True)
    with Ticker("crawl", detail=_stored_so_far(settings)):
        summary = crawl_once(
            settings, source or None, sources_file=sources, send_alerts=not no_alerts,
            refetch=refetch,
        )
    output.run_summary(summary, as_json)
    _source_summary(settings, summary.run_id)
    if summary.alert_errors:
        output.note(f"{summary.alerts_failed} alert(s) not delivered (`newswatch alerts list "
                    f"--status dead` lists them); first: {summary.alert_errors[0]}")
    if not summary.clean:  # a failed source, article or alert
        raise typer.Exit(EXIT_PARTIAL)


def _stored_so_far(settings: Settings) -> Callable[[], str]:
    """For the progress line: the articles this crawl has stored until now."""
    from newswatch.records import articles_stored_since
    from newswatch.usecases import open_database
    from storage.clock import utcnow
    from storage.db import session_scope

    engine, started = open_database(settings), utcnow()

    def detail() -> str:
        with session_scope(engine) as session:
            return f"{articles_stored_since(session, started)} new articles stored"

    return detail


def _source_summary(settings: Settings, run_id: int) -> None:
    """One stderr line per source: pages, new articles, alerts and the first error."""
    from newswatch.records import run_source_lines
    from newswatch.usecases import open_database
    from storage.db import session_scope

    with session_scope(open_database(settings)) as session:
        for line in run_source_lines(session, run_id):
            output.note(line)


@app.command()
def daemon(
    ctx: typer.Context,
    sources: SourcesOpt = None,
    role: Annotated[str, typer.Option(
        help="all: crawl here (one machine, SQLite or PostgreSQL); scheduler: queue due runs "
             "in Redis for `newswatch worker` processes (PostgreSQL and NEWSWATCH_REDIS_URL).",
        callback=one_of(("all", "scheduler")))] = "all",
) -> None:
    """Run forever: crawl every source on its schedule; stop with SIGTERM or Ctrl-C.

    Example: NEWSWATCH_DATABASE_URL=postgresql+psycopg://newswatch@db/newswatch newswatch daemon
    """
    from newswatch.logs import configure_logging
    from newswatch.usecases import run_daemon

    settings = settings_of(ctx)
    configure_logging(settings)
    with scheduler_errors():
        run_daemon(settings, sources_file=sources, role="scheduler" if role == "scheduler" else "all")


@app.command()
def worker(ctx: typer.Context, sources: SourcesOpt = None) -> None:
    """Take source runs from the shared queue and crawl them, until SIGTERM or Ctrl-C.

    Start any number, on any machine, beside one `newswatch daemon --role scheduler`.
    Example: NEWSWATCH_REDIS_URL=redis://redis:6379/0 newswatch worker
    """
    from newswatch.logs import configure_logging
    from newswatch.usecases import run_worker

    settings = settings_of(ctx)
    configure_logging(settings)
    with scheduler_errors():
        run_worker(settings, sources_file=sources)


@app.command()
def enqueue(
    ctx: typer.Context,
    names: Annotated[list[str] | None, typer.Argument(help="Sources (default: all enabled).")] = None,
    sources: SourcesOpt = None,
) -> None:
    """Worker mode: queue a run of these sources now, for the workers to take.

    Example: newswatch enqueue hespress-fr le360
    """
    from newswatch.usecases import enqueue_runs

    with scheduler_errors():
        queued = enqueue_runs(settings_of(ctx), names or None, sources_file=sources)
    for name, added in queued:
        typer.echo(f"{name}\t{'queued' if added else 'already queued or running'}")


@contextmanager
def scheduler_errors() -> Iterator[None]:
    """A refused start (another daemon, worker mode on SQLite, Redis unreachable): one line,
    exit code 1."""
    from redis.exceptions import RedisError

    from scheduler.errors import SchedulerError

    try:
        yield
    except SchedulerError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except RedisError as exc:
        typer.echo(f"error: Redis (NEWSWATCH_REDIS_URL) is unreachable: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


@articles_app.command("list")
def articles_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    announcements: Annotated[bool, typer.Option("--announcements", help="Only announcements.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles.

    Example: newswatch articles list --announcements --json
    """
    from storage.db import session_scope
    from storage.queries import list_articles

    engine = open_existing(ctx)
    with session_scope(engine) as session:
        if source:
            _check_source_name(ctx, session, source)
        rows = list_articles(session, limit=limit, source=source, announcements=announcements)
        output.articles(rows, as_json)


def _check_source_name(ctx: typer.Context, session: Session, name: str) -> None:
    """A source that is neither in the catalogue nor in the database is a usage error."""
    from newswatch.records import stored_source_names
    from newswatch.usecases import load_catalogue

    known = stored_source_names(session) | {s.name for s in load_catalogue(settings_of(ctx))}
    if name not in known:
        raise typer.BadParameter(
            f"no source {name!r}; known sources: {', '.join(sorted(known))}", param_hint="'--source'"
        )


@articles_app.command("show")
def articles_show(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(metavar="ID", help="The article's id (see articles list).")],
    as_json: JsonOpt = False,
) -> None:
    """Show one stored article: its fields, analysis, story and alerts.

    Example: newswatch articles show 42
    """
    from newswatch.records import article_detail
    from storage.db import session_scope

    with session_scope(open_existing(ctx)) as session:
        detail = article_detail(session, article_id)
    if detail is None:
        output.error(f"no article with id {article_id}")
        raise typer.Exit(EXIT_ERROR)
    output.article_detail(detail, as_json)


@alerts_app.command("list")
def alerts_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(
        callback=one_of(ALERT_STATUSES), help=f"Only alerts in this state: {', '.join(ALERT_STATUSES)}.")] = None,
    channel: Annotated[str | None, typer.Option(
        callback=_alert_channel, help=f"Only alerts of this channel: {', '.join(ALERT_CHANNELS)}, or a watch's (email:NAME, slack:NAME, webhook:NAME).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List alerts, newest first, with their story's title.

    Example: newswatch alerts list --status dead
    """
    from newswatch.records import alert_rows
    from storage.db import session_scope

    with session_scope(open_existing(ctx)) as session:
        rows = alert_rows(session, status=status, channel=channel, limit=limit)
        output.alerts(rows, as_json)


@alerts_app.command("test")
def alerts_test(
    ctx: typer.Context,
    channel: Annotated[str, typer.Option(callback=_test_channel, help=f"One of {', '.join(TEST_CHANNELS)}, or a watch's (email:NAME, slack:NAME, webhook:NAME).")],
) -> None:
    """Send a test message on one channel and print the server's answer.

    Example: newswatch alerts test --channel slack
    """
    from alerts import test_channel

    typer.echo(test_channel(settings_of(ctx), channel))


@alerts_app.command("resend")
def alerts_resend(
    ctx: typer.Context,
    alert_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="The alert's id.")] = None,
    status: Annotated[str | None, typer.Option(
        callback=one_of(RESEND_STATUSES), help="Every alert in this state (e.g. dead) instead of one ID.")] = None,
) -> None:
    """Put a dead (or sent) alert back in the outbox and deliver it; --status dead: all of them.

    Example: newswatch alerts resend 42   (or: newswatch alerts resend --status dead)
    """
    from alerts.relay import resend
    from newswatch.records import alert_ids
    from newswatch.usecases import deliver_pending
    from storage.db import session_scope

    if (alert_id is None) == (status is None):
        raise typer.BadParameter("give either an alert ID or --status (e.g. --status dead)")
    settings = settings_of(ctx)
    engine = open_existing(ctx)
    with session_scope(engine) as session:
        ids = [alert_id] if alert_id is not None else alert_ids(session, str(status))
        for one in ids:
            resend(session, one)
    deliver_pending(settings, engine)
    typer.echo(f"alert {alert_id} queued again" if alert_id is not None
               else f"{len(ids)} {status} alert(s) queued again")


def _duration(value: str) -> timedelta:
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(timedelta).validate_python(value)
    except ValidationError:
        raise typer.BadParameter(f"{value!r} is not a duration: use ISO 8601, e.g. P7D or PT12H") from None


@alerts_app.command("backfill")
def alerts_backfill(
    ctx: typer.Context,
    since: Annotated[str, typer.Option(help="The period to look back on (ISO 8601), e.g. P7D.")],
) -> None:
    """Queue and send the announcements of the period that never alerted on a configured
    channel (e.g. found before the channel was set up); never one twice.

    Example: newswatch alerts backfill --since P30D
    """
    from newswatch.usecases import backfill_alerts

    report = backfill_alerts(settings_of(ctx), _duration(since))
    sent = report.delivery.sent if report.delivery else 0
    typer.echo(f"{report.stories} announcement stories since {since}: {report.queued} alert(s) "
               f"queued, {report.already} already there; {sent} sent now")
    if report.delivery and report.delivery.dead + report.delivery.retrying:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def analyze(
    file: Annotated[Path | None, typer.Argument(help="A text file; stdin if omitted.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Input is JSON lines: id, title, text, ...")] = False,
    title: Annotated[str | None, typer.Option(help="The article's title (plain text input).")] = None,
) -> None:
    """Analyze an article (or a stream of them): relevance, announcement, figures.

    Any encoding is read (UTF-8, Latin-1, UTF-16 ...). With --jsonl every input line gets one
    output line with its "line" number; exit code 3 when any line failed.

    Example: newswatch analyze --jsonl < articles.jsonl > verdicts.jsonl
    """
    from analysis.jsonl import analyze_document, run_jsonl
    from newswatch.inputs import decode_text, open_binary, read_text_file

    if jsonl:
        stream = open_binary(file) if file else sys.stdin.buffer
        with stream:
            failed = run_jsonl(stream, sys.stdout)
        if failed:
            output.note(f"{failed} line(s) failed: see their \"error\"")
            raise typer.Exit(EXIT_PARTIAL)
        return
    text = read_text_file(file) if file else _decoded_stdin(decode_text)
    typer.echo(json.dumps(analyze_document(text, title), ensure_ascii=False))


def _decoded_stdin(decode: object) -> str:
    from newswatch.errors import InputFileError
    from newswatch.inputs import Undecodable

    try:
        text: str = decode(sys.stdin.buffer.read())[0]  # type: ignore[operator]
        return text
    except Undecodable as exc:
        raise InputFileError(f"stdin: {exc}") from None


@app.command()
def explain(ctx: typer.Context, ref: str, as_json: JsonOpt = False) -> None:
    """Say why an article (URL or id) did or did not alert, and show its story.

    Example: newswatch explain https://fr.hespress.com/485171-exemple.html
    """
    from newswatch.explain import explain as explain_ref
    from storage.db import session_scope

    with session_scope(open_existing(ctx)) as session:
        report = explain_ref(session, ref)
    output.explanation(report, as_json)
    if report.get("found") is False:
        raise typer.Exit(EXIT_ERROR)


@seeds_app.command("import")
def seeds_import(ctx: typer.Context, directory: Path) -> None:
    """Add the *.txt articles of DIRECTORY to the known corpus (never alerted).

    Example: newswatch seeds import ./my-known-articles/
    """
    from newswatch.seeding import import_seeds
    from newswatch.usecases import open_database

    added = import_seeds(open_database(settings_of(ctx)), directory)
    typer.echo(f"{added} seed article(s) added")


@sources_app.command("list")
def sources_list(ctx: typer.Context, sources: SourcesOpt = None, as_json: JsonOpt = False) -> None:
    """List the sources of the catalogue (or of --sources FILE).

    Example: newswatch sources list --json
    """
    from newswatch.usecases import load_catalogue

    output.sources(load_catalogue(settings_of(ctx), sources), as_json)


@sources_app.command("check")
def sources_check(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Only this source (enabled or not).")] = None,
    sources: SourcesOpt = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds per request (default: crawl timeout).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Probe each discovery rung live: HTTP status, article links, newest date, verdict.

    Needs network access; obeys robots.txt and never works around bot protection.
    Exit code 3 when a checked source has no working rung.

    Example: newswatch sources check medias24 --json
    """
    from crawler.check import check_sources, working_sources
    from crawler.sources import select_sources
    from newswatch.progress import Ticker
    from newswatch.usecases import load_catalogue

    settings = settings_of(ctx)
    chosen = select_sources(load_catalogue(settings, sources), [name] if name else None)
    with Ticker(f"sources check ({len(chosen)} source(s))"):
        rows = check_sources(chosen, settings.crawl, timeout=timeout)
    output.source_checks(rows, as_json)
    if {s.name for s in chosen} - working_sources(rows):
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def status(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Every source (never-run ones included): health, the rung that worked, last success and
    error; pending and dead alerts.

    Example: newswatch status --json
    """
    from newswatch.status import collect_status

    engine = open_existing(ctx)
    output.status(collect_status(settings_of(ctx), engine), as_json)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Address to listen on (default 127.0.0.1; beyond the loopback NEWSWATCH_WEB__TOKEN is required).")] = None,
    port: Annotated[int | None, typer.Option(min=0, max=65535, help="Port (default 8080).")] = None,
) -> None:
    """Serve the read-only dashboard, the Atom feeds and the JSON API until Ctrl-C.

    Example: newswatch serve --port 8080   (then open http://127.0.0.1:8080/)
    """
    from newswatch.dashboard import serve as serve_dashboard

    settings = settings_of(ctx)
    serve_dashboard(settings, host or settings.web.host, settings.web.port if port is None else port,
                    on_ready=lambda url: output.note(f"dashboard at {url} (read-only; Ctrl-C to stop)"))


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
    serve: Annotated[bool, typer.Option("--serve", help="Keep the example sites up afterwards, and the dashboard on the demo's data (its URL is printed).")] = False,
) -> None:
    """Serve example news sites on 127.0.0.1 and run one full cycle against them.

    Example: newswatch demo
    """
    from newswatch.demo import run_demo

    run_demo(settings_of(ctx), serve=serve)


@watches_app.command("list")
def watches_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the watches: their filters and channels (the default one matches everything).

    Example: newswatch watches list
    """
    from alerts import build_notifiers, configured_watches
    from alerts.watches import describe, watch_of_channel

    settings = settings_of(ctx)
    channels = sorted(build_notifiers(settings))
    rows = [describe(w, [c for c in channels if watch_of_channel(c) == w.name])
            for w in configured_watches(settings)]
    # The per-channel routing rules still filter the default watch's channels.
    rows[0]["routing"] = {channel: rule.model_dump(exclude_defaults=True)
                          for channel, rule in settings.alerting.routing.items()}
    if as_json:
        output.emit_json("watches", rows)
        return
    output.table("watches", ["name", "filters", "channels"], (
        [r["name"], _filters_text(r["filters"]) or _routing_text(r.get("routing") or {}),
         ", ".join(r["channels"]) or "none (feeds only)"] for r in rows))


def _routing_text(routing: dict[str, dict[str, object]]) -> str:
    rules = [f"{channel}: {_filters_text(rule) or 'all'}" for channel, rule in routing.items()]
    return "every announcement" + (f" (routing {'; '.join(rules)})" if rules else "")


def _filters_text(filters: dict[str, object]) -> str:
    return "; ".join(f"{k} {', '.join(map(str, v)) if isinstance(v, list) else v}"
                     for k, v in filters.items())


@watches_app.command("test")
def watches_test(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The watch's name (see `watches list`).")],
    days: Annotated[int, typer.Option(min=1, help="Stories first seen in the last N days.")] = 30,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """Show the stored announcement stories a watch would have matched in the last N days.

    Example: newswatch watches test tanger-parks --days 90
    """
    from alerts import configured_watches
    from alerts.watches import find_watch, try_watch
    from storage.clock import utcnow
    from storage.db import session_scope

    settings = settings_of(ctx)
    watch = find_watch(configured_watches(settings), name)
    with session_scope(open_existing(ctx)) as session:
        trial = try_watch(session, watch, since=utcnow() - timedelta(days=days), limit=limit)
        rows = [_story_row(story) for story in trial.matched]
    if as_json:
        output.emit_json("stories", rows)
    else:
        output.table(f"watch {name}: stories of the last {days} days", list(_STORY_COLUMNS),
                     ([row[c] for c in _STORY_COLUMNS] for row in rows))
    more = f" (stopped at --limit {limit}: there may be more)" if len(rows) >= limit else ""
    output.note(f"{len(rows)} of {trial.examined} announcement stories of the last {days} days "
                f"match watch {name!r}{more}")


_STORY_COLUMNS = ("story", "first_seen", "title", "jobs", "investment", "companies", "cities",
                  "articles")


def _story_row(story: object) -> dict[str, object]:
    from alerts.text import format_amount

    s: Any = story
    return {
        "story": s.id, "first_seen": s.created_at, "title": s.title, "jobs": s.jobs,
        "investment": format_amount(s.investment_amount, s.investment_currency),
        "companies": ", ".join(s.companies), "cities": ", ".join(s.cities),
        "articles": s.article_count,
    }


def _known_errors() -> tuple[type[Exception], ...]:
    from pydantic import ValidationError

    from alerts.errors import AlertsError
    from analysis.errors import AnalysisError
    from crawler.errors import CrawlerError
    from dedup.errors import DedupError
    from newswatch.errors import NewswatchError
    from scheduler.errors import SchedulerError
    from storage.errors import StorageError
    from web.errors import WebError

    return (
        NewswatchError, CrawlerError, StorageError, AlertsError, AnalysisError, DedupError,
        SchedulerError, ValidationError, WebError,
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
    except KeyboardInterrupt:  # Ctrl-C is a choice, not a crash: no traceback
        output.error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
