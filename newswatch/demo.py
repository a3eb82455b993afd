"""`newswatch demo`: the whole flow against example sites served on 127.0.0.1.

The demo is isolated whatever the environment says: its own throwaway database in a temp
dir, and no alert channel. NEWSWATCH_DATABASE_URL and the SMTP, Slack and Apprise settings
are ignored, so invented example companies never reach a real database or a real recipient.
It queues the alerts as a real crawl would, then prints them as "would send", never sends.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from sqlmodel import Session, col, select

from alerts.email_body import subject
from alerts.render import AlertMessage
from crawler.runner import crawl
from crawler.sources import load_sources
from newswatch import output
from newswatch.dashboard import serve_while
from newswatch.demo_web import DemoWeb
from newswatch.settings import Settings
from newswatch.usecases import open_database
from storage.models import Alert, Story
from storage.queries import list_articles

EXAMPLE_NOTICE = "EXAMPLE DATA: invented companies and figures, served on 127.0.0.1; nothing is sent"
# The alerts are queued for this one channel name so each story counts once; no notifier of
# that name is ever built, and the demo never runs the relay.
PREVIEW_CHANNEL = "email"
# Every setting that could reach a recipient: reset to its default for the demo.
_CHANNEL_PREFIXES = ("smtp_", "email_", "slack_", "apprise_", "admin_", "alerting")


def demo_settings(settings: Settings, workdir: Path) -> Settings:
    """The user's settings without their database or channels, and no politeness delay."""
    crawl_settings = settings.crawl.model_copy(update={"download_delay": 0.0, "autothrottle": False})
    update: dict[str, object] = {
        "crawl": crawl_settings,
        "database_url": f"sqlite:///{workdir / 'demo.db'}",
        "data_dir": workdir / "data",
    }
    for name, field in type(settings).model_fields.items():
        if name.startswith(_CHANNEL_PREFIXES):
            update[name] = field.get_default(call_default_factory=True)
    return settings.model_copy(update=update)


def run_demo(settings: Settings, *, serve: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="newswatch-demo-") as tmp, DemoWeb() as web:
        workdir = Path(tmp)
        demo = demo_settings(settings, workdir)
        err = output.stderr()
        err.print(EXAMPLE_NOTICE, highlight=False)
        for site in web.sites.values():
            err.print(f"serving example site {site.name!r} at {site.base_url}", highlight=False)
        sources = load_sources(web.write_sources(workdir / "sources.toml"))
        open_database(demo)  # migrated, seeds loaded, before the crawl child opens it
        summary = crawl(demo.crawl_config(), sources, channels=[PREVIEW_CHANNEL], trigger="demo")
        output.run_summary(summary, as_json=False)
        print_findings(demo)
        print_would_send(demo)
        if serve:
            err.print("example sites stay up; Ctrl-C to stop", highlight=False)
            serve_while(demo, _wait_forever, on_ready=_print_dashboard_url)


def print_findings(settings: Settings) -> None:
    engine = open_database(settings)
    with Session(engine) as session:
        output.articles(list_articles(session, limit=100), as_json=False)
        stories = session.exec(
            select(Story).where(Story.announcement == True, Story.known == False)  # noqa: E712
        ).all()
        output.table(
            "announcements (one per story) - example data",
            ["story", "title", "jobs", "investment", "companies", "cities", "articles"],
            ([s.id, s.title, s.jobs, _money(s), ", ".join(s.companies), ", ".join(s.cities), s.article_count] for s in stories),
        )


def print_would_send(settings: Settings) -> None:
    """The alerts a configured channel would receive: subject line and figures of each."""
    engine = open_database(settings)
    with Session(engine) as session:
        queued = session.exec(select(Alert).where(Alert.status == "pending").order_by(col(Alert.id))).all()
        messages = [AlertMessage.from_payload(alert.payload["message"]) for alert in queued]
    noun = "alert" if len(messages) == 1 else "alerts"
    print(f"would send {len(messages)} {noun} (example data, demo mode: nothing was sent)")
    for message in messages:
        print(f"  {subject(message)}")
        print(f"    {figures_line(message)}")


def figures_line(message: AlertMessage) -> str:
    parts = [
        f"jobs {message.jobs:,}" if message.jobs is not None else "",
        message.investment or "",
        ", ".join(message.companies),
        ", ".join(message.cities),
    ]
    return " · ".join(part for part in parts if part) or "no figures"


def _money(story: Story) -> str:
    if story.investment_amount is None:
        return ""
    return f"{story.investment_amount:,.0f} {story.investment_currency}"


def _print_dashboard_url(url: str) -> None:
    print(f"dashboard on the demo's data: {url}", flush=True)


def _wait_forever() -> None:
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
