"""The JSON API on SQLite and PostgreSQL: filters, full-text search, cursor pages, details."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import quote

import pytest

from storage.db import connect, session_scope
from web import WebOptions, create_app
from web.options import MAX_PAGE_SIZE
from web.server import running
from web_data import T0, add_alert, add_report, add_story, fetch


@pytest.fixture
def served(database_url: str) -> Iterator[tuple[str, dict[str, int]]]:
    engine = connect(database_url)
    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        ids["tanger"] = add_story(
            session, "Orvanta ouvre un centre de relation client à Tanger", jobs=700,
            companies=("Orvanta Services",), cities=("Tanger",), kinds=("new_site", "jobs"),
            text="Le prestataire Orvanta recrutera des téléconseillers bilingues.",
            evidence="Orvanta Services créera 700 emplois à Tanger.").id
        ids["rabat"] = add_story(
            session, "Bluecape investit 90 millions de dirhams à Rabat", jobs=150, amount=90e6,
            companies=("Bluecape",), cities=("Rabat",), kinds=("investment",),
            created=T0 + timedelta(days=3), text="Un nouveau plateau nearshore.").id
        arabic = add_story(
            session, "شركة سيرانو تفتتح مركزا للاتصال بوجدة", jobs=300, companies=("سيرانو",),
            cities=("Oujda",), language="ar", created=T0 + timedelta(days=5),
            text="مركز الاتصال الجديد سيوفر فرص شغل للشباب")
        ids["oujda"] = arabic.id
        add_report(session, arabic, "Serano : 320 postes à Oujda", jobs=320, source="autre-fr",
                   fetched=T0 + timedelta(days=6))
        add_alert(session, arabic)
        ids["seed"] = add_story(session, "Known seed event at Tanger", jobs=50, known=True,
                                cities=("Tanger",)).id
        ids["offtopic"] = add_story(session, "Not an announcement", announcement=False).id
    with running(create_app(engine, WebOptions(page_size=2))) as server:
        yield server.url, ids
    engine.dispose()


def _ids(reply) -> list[int]:  # noqa: ANN001
    assert reply.status == 200, reply.text
    return [s["id"] for s in reply.json()["stories"]]


def test_stories_are_announcements_newest_first_in_capped_pages(served) -> None:  # noqa: ANN001
    url, ids = served
    first = fetch(url + "api/stories")
    assert _ids(first) == [ids["oujda"], ids["rabat"]]  # page_size 2; no seed, no off-topic
    cursor = first.json()["next_cursor"]
    assert cursor and str(ids["rabat"]) not in cursor.split("-")  # opaque, not a bare id
    second = fetch(url + f"api/stories?cursor={cursor}")
    assert _ids(second) == [ids["tanger"]]
    assert second.json()["next_cursor"] is None
    capped = fetch(url + "api/stories?limit=100000")
    assert capped.json()["limit"] == MAX_PAGE_SIZE
    assert len(_ids(capped)) == 3


@pytest.mark.parametrize("query, wanted", [
    ("city=tanger", ["tanger"]),
    ("city=Oujda", ["oujda"]),
    ("company=bluec", ["rabat"]),
    ("company=سيرانو", ["oujda"]),
    ("kind=investment", ["rabat"]),
    ("language=ar", ["oujda"]),
    ("min_jobs=200", ["oujda", "tanger"]),
    ("since=2026-11-04", ["oujda", "rabat"]),
    ("since=2026-11-06T00:00:00Z", ["oujda"]),
    ("q=téléconseillers", ["tanger"]),
    ("q=recrut", ["tanger"]),  # a word's beginning (SQLite: prefix; PostgreSQL: a lexeme)
    ("q=nearshore plateau", ["rabat"]),
    ("q=الاتصال", ["oujda"]),
    ("q=Serano", ["oujda"]),  # a later report's words find the story
    ("q=orvanta&city=rabat", []),
    ('q=NEAR(" ) AND', []),  # search syntax in a query is only words, never an error
])
def test_filters_select_the_stories(served, query: str, wanted: list[str]) -> None:  # noqa: ANN001
    url, ids = served
    reply = fetch(url + "api/stories?limit=50&" + quote(query, safe="=&"))
    assert _ids(reply) == [ids[name] for name in wanted]


@pytest.mark.parametrize("query", ["cursor=notacursor", "min_jobs=many", "since=yesterday",
                                   "limit=0", "limit=-3", "city=" + "x" * 201])
def test_a_bad_parameter_is_a_400_naming_it(served, query: str) -> None:  # noqa: ANN001
    url, _ids = served
    reply = fetch(url + "api/stories?" + query)
    assert reply.status == 400
    assert query.split("=")[0] in reply.json()["error"]


def test_a_story_has_every_report_with_its_own_figures_and_verdict(served) -> None:  # noqa: ANN001
    url, ids = served
    story = fetch(url + f"api/stories/{ids['oujda']}").json()["story"]
    assert story["jobs"] == 300 and story["outlets"] == 2
    reports = {a["source"]: a for a in story["articles"]}
    assert reports["exemple-fr"]["jobs"] == 300 and reports["autre-fr"]["jobs"] == 320
    assert reports["exemple-fr"]["verdict"] == "alerted"
    assert "also reported by" in reports["autre-fr"]["verdict"]
    assert story["alerts"][0]["status"] == "sent"
    assert fetch(url + f"api/stories/{ids['seed']}").status == 404
    assert fetch(url + "api/stories/999999").status == 404


def test_sqlite_search_ignores_accents(tmp_path) -> None:  # noqa: ANN001
    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with session_scope(engine) as session:
        wanted = add_story(session, "Un centre à Fès", text="Des téléconseillers recrutés.").id
    with running(create_app(engine)) as server:
        assert _ids(fetch(server.url + "api/stories?q=teleconseillers")) == [wanted]
        assert _ids(fetch(server.url + "api/stories?q=fes")) == [wanted]


def test_sqlite_search_pages_are_the_same_from_the_newest_matches(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """The shortcut through the newest matching articles gives the full query's pages, also
    when an old story matches only through a later report."""
    import web.stories

    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with session_scope(engine) as session:
        stories = [add_story(session, f"Plateau {n}", text="recrutement de conseillers" if n % 3 else "autre")
                   for n in range(12)]
        add_report(session, stories[0], "Rappel", text="recrutement confirmé", source="tardif")
    matching = [s.id for s in reversed(stories) if (stories.index(s) % 3) or s is stories[0]]

    def pages() -> list[int]:
        seen, cursor = [], ""
        with running(create_app(engine, WebOptions(page_size=2))) as server:
            while True:
                body = fetch(server.url + f"api/stories?q=recrutement{cursor}").json()
                seen += [s["id"] for s in body["stories"]]
                if not body["next_cursor"]:
                    return seen
                cursor = f"&cursor={body['next_cursor']}"

    full = pages()
    assert full == matching
    for newest in (1, 3, 5, 100):
        monkeypatch.setattr(web.stories, "NEWEST_MATCHES", newest)
        assert pages() == full, newest


def test_search_pages_walk_every_match_once(database_url: str) -> None:
    engine = connect(database_url)
    with session_scope(engine) as session:
        stories = [add_story(session, f"Plateau {n}", text="plateau offshore" if n % 2 else "autre")
                   for n in range(7)]
    wanted = [s.id for s in reversed(stories) if stories.index(s) % 2]
    seen, cursor = [], ""
    with running(create_app(engine, WebOptions(page_size=1))) as server:
        while True:
            body = fetch(server.url + f"api/stories?q=offshore{cursor}").json()
            seen += [s["id"] for s in body["stories"]]
            if not body["next_cursor"]:
                break
            cursor = f"&cursor={body['next_cursor']}"
    engine.dispose()
    assert seen == wanted
