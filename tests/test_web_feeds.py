"""Atom feeds read by a feed library: one entry per story, ids stable, `updated` moved only by
a new figure, hostile text escaped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
from sqlalchemy.engine import Engine

from storage.clock import utcnow
from storage.db import connect, session_scope
from storage.models import Story
from web import WebOptions, create_app
from web.server import running
from web_data import add_report, add_story, fetch

RLO = "\u202e"
HOSTILE = f'<script>alert("x")</script> & {RLO}evil{RLO} \x01 ' + "long " * 20000


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    yield engine
    engine.dispose()


def _feed(url: str) -> feedparser.FeedParserDict:
    reply = fetch(url)
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/atom+xml")
    ET.fromstring(reply.body)  # well-formed XML, whatever the titles held
    parsed = feedparser.parse(reply.body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_one_entry_per_story_with_a_stable_id_and_figure_driven_updated(engine: Engine) -> None:
    start = utcnow() - timedelta(days=2)
    with session_scope(engine) as session:
        story = add_story(session, "Kelvora ouvre un plateau à Meknès", jobs=250,
                          companies=("Kelvora",), cities=("Meknès",), created=start)
        add_report(session, story, "Kelvora à Meknès : 250 postes", jobs=250, source="autre",
                   fetched=start + timedelta(hours=2))  # the same figure: nothing new
        other = add_story(session, "Dunevo s'installe à Agadir", jobs=90, created=start + timedelta(hours=1))
        add_story(session, "A seed event", known=True)
        story_id, other_id = story.id, other.id
    with running(create_app(engine)) as server:
        url = server.url + "feeds/announcements.atom"
        first, again = _feed(url), _feed(url)
        assert [e.id for e in first.entries] == [e.id for e in again.entries]
        assert len(first.entries) == 2 and all(e.id.startswith("tag:") for e in first.entries)
        entry = next(e for e in first.entries if e.id.endswith(f"story/{story_id}"))
        assert entry.updated == again.entries[[e.id for e in again.entries].index(entry.id)].updated
        assert entry.updated_parsed[:5] == start.timetuple()[:5]
        assert entry.link.endswith(f"/stories/{story_id}")

        with session_scope(engine) as session:  # a later outlet gives the amount the story lacked
            row = session.get(Story, story_id)
            assert row is not None
            add_report(session, row, "Kelvora investit 30 MDH", jobs=250, amount=30e6,
                       source="troisieme", fetched=start + timedelta(days=1))
            row.investment_amount, row.investment_currency = 30e6, "MAD"
        after = _feed(url)
        moved = next(e for e in after.entries if e.id == entry.id)
        assert moved.updated != entry.updated
        assert moved.updated_parsed[:4] == (start + timedelta(days=1)).timetuple()[:4]
        assert "30,000,000 MAD" in moved.content[0].value
        untouched = [e for e in after.entries if e.id.endswith(f"story/{other_id}")]
        assert untouched[0].updated == next(e for e in first.entries if e.id == untouched[0].id).updated


def test_hostile_titles_are_escaped_and_kept_well_formed(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_story(session, HOSTILE, jobs=10, companies=("<b>Acme</b>",), cities=("Fès",))
    with running(create_app(engine)) as server:
        reply = fetch(server.url + "feeds/announcements.atom")
        parsed = _feed(server.url + "feeds/announcements.atom")
    assert b"<script>" not in reply.body and b"<b>Acme" not in reply.body
    entry = parsed.entries[0]
    assert len(entry.title) <= 500 and entry.title.startswith('<script>alert("x")</script>')
    # The HTML content, unescaped once by the reader, shows the markup as text.
    assert "&lt;b&gt;Acme&lt;/b&gt;" in entry.content[0].value
    assert "<script>" not in entry.content[0].value


def test_a_watch_feed_lists_only_its_matches(engine: Engine, tmp_path: Path) -> None:
    watches = tmp_path / "watches.toml"
    watches.write_text('[[watch]]\nname = "tanger-parks"\ncities = ["Tanger"]\n', encoding="utf-8")
    now = utcnow()
    with session_scope(engine) as session:
        wanted = add_story(session, "Zentiva CX à Tanger", jobs=400, cities=("Tanger",),
                           created=now - timedelta(days=1)).id
        add_story(session, "Zentiva CX à Rabat", jobs=400, cities=("Rabat",), created=now - timedelta(days=1))
    with running(create_app(engine, WebOptions(watches_file=watches))) as server:
        parsed = _feed(server.url + "feeds/watches/tanger-parks.atom")
        assert [e.id.rsplit("/", 1)[1] for e in parsed.entries] == [str(wanted)]
        assert "tanger-parks" in parsed.feed.id
        assert fetch(server.url + "feeds/watches/nobody.atom").status == 404
        every = _feed(server.url + "feeds/watches/every-announcement.atom")
        assert len(every.entries) == 2
