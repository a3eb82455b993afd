"""The dashboard in a real browser (Debian's Chromium driven by Playwright) on a crawled replica:
load, filter by city, open a story, check the figures shown against the database, screenshot."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from devkit.replica import ReplicaWeb
from newswatch.usecases import crawl_once, open_database
from storage.models import Article, Story
from web import create_app
from web.server import running

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser() -> Iterator[Any]:
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if executable is None:
        _missing("chromium is not installed (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _announcements(session: Session) -> list[Story]:
    query = select(Story).where(col(Story.announcement).is_(True), col(Story.known).is_(False))
    return list(session.exec(query).all())


def test_filter_by_city_open_a_story_and_check_its_figures(
    browser: Any, make_settings: Any, replica: ReplicaWeb, tmp_path: Path,  # noqa: ANN401
) -> None:
    settings = make_settings()
    crawl_once(settings, sources_file=replica.write_sources(tmp_path / "sources.toml"), send_alerts=False)
    engine = open_database(settings)
    with Session(engine) as session:
        stories = _announcements(session)
        city = next(c for s in stories for c in s.cities
                    if sum(c in other.cities for other in stories) == 1)
        wanted = next(s for s in stories if city in s.cities)
        reports = session.exec(select(Article).where(Article.story_id == wanted.id)).all()
    assert len(stories) >= 2, "the replica has several announcement stories"

    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    with running(create_app(engine)) as server:
        page.goto(server.url)
        assert page.locator("tr[data-story]").count() == len(stories)

        page.fill("input[name=city]", city)
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**/?*city=*")
        rows = page.locator("tr[data-story]")
        assert rows.count() == 1
        assert rows.first.get_attribute("data-story") == str(wanted.id)
        page.screenshot(path=str(tmp_path / "announcements.png"), full_page=True)

        rows.first.locator("td.title a").click()
        page.wait_for_url(f"**/stories/{wanted.id}")
        figures = page.locator("#story-figures")
        assert figures.locator("dd.jobs").inner_text() == (f"{wanted.jobs:,}" if wanted.jobs else "—")
        shown_amount = figures.locator("dd.investment").inner_text()
        if wanted.investment_amount:
            assert shown_amount == f"{wanted.investment_amount:,.0f} {wanted.investment_currency}"
        for name in wanted.companies + wanted.cities:
            assert name in figures.inner_text()
        assert page.locator("article.report").count() == len(reports)
        assert page.locator("h1").get_attribute("dir") == "auto"
        page.screenshot(path=str(tmp_path / "story.png"), full_page=True)

    assert errors == []  # no CSP violation, no failed resource
    for name in ("announcements.png", "story.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
