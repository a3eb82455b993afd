"""`newswatch demo`: the whole flow against example sites served on 127.0.0.1.

It uses a throwaway database unless NEWSWATCH_DATABASE_URL is set, and sends alerts only on
the channels that are configured.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from sqlmodel import Session, select

from newswatch import output
from newswatch.app import crawl_once, open_database
from devkit.replica import ReplicaWeb
from newswatch.settings import Settings
from storage.models import Alert, Story
from storage.queries import list_articles


def demo_settings(settings: Settings, workdir: Path) -> Settings:
    """The user's settings, with a local database and no politeness delay for 127.0.0.1."""
    crawl = settings.crawl.model_copy(update={"download_delay": 0.0, "autothrottle": False})
    update: dict[str, object] = {"crawl": crawl}
    if not settings.database_url:
        update["database_url"] = f"sqlite:///{workdir / 'demo.db'}"
    return settings.model_copy(update=update)


def run_demo(settings: Settings, *, serve: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="newswatch-demo-") as tmp, ReplicaWeb() as web:
        workdir = Path(tmp)
        sources_file = web.write_sources(workdir / "sources.toml")
        demo = demo_settings(settings, workdir)
        err = output.stderr()
        for site in web.sites:
            err.print(f"serving example site {site!r} at {web.base_url(site)}", highlight=False)
        summary = crawl_once(demo, sources_file=sources_file, trigger="demo")
        output.run_summary(summary, as_json=False)
        print_findings(demo)
        if serve:
            err.print("example sites stay up; Ctrl-C to stop", highlight=False)
            _wait_forever()


def print_findings(settings: Settings) -> None:
    engine = open_database(settings)
    with Session(engine) as session:
        output.articles(list_articles(session, limit=100), as_json=False)
        stories = session.exec(
            select(Story).where(Story.announcement == True, Story.known == False)  # noqa: E712
        ).all()
        output.table(
            "announcements (one per story)",
            ["story", "title", "jobs", "investment", "companies", "cities", "articles"],
            ([s.id, s.title, s.jobs, _money(s), ", ".join(s.companies), ", ".join(s.cities), s.article_count] for s in stories),
        )
        alerts = session.exec(select(Alert)).all()
        if alerts:
            output.alerts(list(alerts), as_json=False)
        else:
            output.stderr().print(
                "no alert channel configured: set NEWSWATCH_SMTP_HOST/NEWSWATCH_EMAIL_TO or "
                "NEWSWATCH_SLACK_WEBHOOK_URL to send these announcements", highlight=False,
            )


def _money(story: Story) -> str:
    if story.investment_amount is None:
        return ""
    return f"{story.investment_amount:,.0f} {story.investment_currency}"


def _wait_forever() -> None:
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
