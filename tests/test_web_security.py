"""Safe by default: loopback without a token, a token beyond it (constant-time), read-only,
a strict CSP, every field escaped, right-to-left overrides contained, page sizes capped."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from storage.db import connect, session_scope
from web import WebOptions, create_app
from web.errors import InsecureBind
from web.security import token_matches
from web.server import check_bind, running
from web_data import add_alert, add_source, add_story, fetch

RLO = "\u202e"
SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'
LONG = "x" * 200_000
TOKEN = "s3cret-token-for-tests-only"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with session_scope(engine) as session:
        story = add_story(session, f"{SCRIPT} {RLO}lanigiro{RLO} {LONG}", jobs=5,
                          companies=(SCRIPT, f"{RLO}Acme"), cities=(SCRIPT,),
                          evidence=f"{SCRIPT} evidence {RLO}", source=SCRIPT[:20])
        add_alert(session, story, status="dead", attempts=8, error=f"{SCRIPT}\nsecond line")
        add_source(session, "hostile", health="failing", last_rung="feed", last_error=SCRIPT + LONG)
    yield engine
    engine.dispose()


PAGES = ["", "stories/1", "sources", "outbox", "?q=" + "<script>", "?city=%3Cscript%3E"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_escapes_hostile_fields_and_sends_a_strict_csp(engine: Engine, path: str) -> None:
    with running(create_app(engine)) as server:
        reply = fetch(server.url + path)
    assert reply.status == 200, reply.text[:500]
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp and "script-src" not in csp
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in reply.text and "<img" not in reply.text
    assert "onerror=alert" not in reply.text or "&lt;img src=x onerror=alert(2)&gt;" in reply.text
    assert len(reply.body) < 100_000  # the 200,000-character title and error are clipped


class _Directions(HTMLParser):
    """For each text holding an RLO, whether its innermost element has dir="auto"."""

    VOID = {"meta", "link", "input", "br", "img"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.found: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(("dir", "auto") in attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if RLO in data:
            self.found.append(bool(self.stack) and self.stack[-1])


def test_right_to_left_text_sits_in_elements_that_isolate_it(engine: Engine) -> None:
    with running(create_app(engine)) as server:
        for path in ("", "stories/1"):
            parser = _Directions()
            parser.feed(fetch(server.url + path).text)
            assert parser.found and all(parser.found), (path, parser.found)


def test_read_only_every_other_method_is_refused(engine: Engine) -> None:
    with running(create_app(engine)) as server:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            reply = fetch(server.url + "api/stories", method=method)
            assert reply.status == 405 and reply.headers["allow"] == "GET, HEAD"
            assert "default-src 'none'" in reply.headers["content-security-policy"]


def test_without_a_token_only_loopback_host_names_are_served(engine: Engine) -> None:
    with running(create_app(engine)) as server:
        assert fetch(server.url).status == 200
        assert fetch(server.url, headers={"Host": "evil.example:8080"}).status == 403
        assert fetch(server.url + "healthz", headers={"Host": "evil.example"}).status == 200


def test_with_a_token_every_request_but_healthz_needs_it(engine: Engine) -> None:
    with running(create_app(engine, WebOptions(token=TOKEN))) as server:
        url = server.url
        assert fetch(url).status == 401
        assert fetch(url + "api/stories", headers={"Authorization": "Bearer wrong"}).status == 401
        assert fetch(url + "api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status == 200
        assert fetch(url + f"feeds/announcements.atom?token={TOKEN}").status == 200
        assert fetch(url + "healthz").status == 200
        login = fetch(url + f"sources?token={TOKEN}&x=1")
        assert login.status == 303 and login.headers["location"] == "/sources?x=1"
        cookie = login.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        value = cookie.split(";", 1)[0]
        assert fetch(url + "sources", headers={"Cookie": value}).status == 200
        assert fetch(url + "sources", headers={"Cookie": "newswatch_token=nope"}).status == 401


def test_the_token_comparison_is_exact() -> None:
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN, TOKEN[:-1]) and not token_matches(TOKEN, TOKEN + "x")
    assert not token_matches(TOKEN, "") and not token_matches(TOKEN, None)
    assert not token_matches("é", "e")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_binding_beyond_the_loopback_needs_a_token(host: str) -> None:
    with pytest.raises(InsecureBind, match="NEWSWATCH_WEB__TOKEN"):
        check_bind(host, None)
    check_bind(host, TOKEN)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_token(host: str) -> None:
    check_bind(host, None)


def test_page_sizes_are_capped(engine: Engine) -> None:
    with session_scope(engine) as session:
        for n in range(230):
            add_story(session, f"Story {n}", jobs=n + 1)
    with running(create_app(engine)) as server:
        html = fetch(server.url + "?limit=1000000").text
        api = fetch(server.url + "api/stories?limit=1000000").json()
    assert html.count("<tr data-story=") == 200
    assert len(api["stories"]) == 200 and api["next_cursor"]
