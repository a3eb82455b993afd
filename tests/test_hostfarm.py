"""The host farm the cluster tests crawl (issue 17): replica sites on distinct loopback hosts.

The farm's own promises (one host per site, counted responses, a gate that holds article
requests and notices a client that went away, a valid sources file), then one real crawl of
a three-host farm: every article page fetched once, every event alerted once per channel.
"""

from __future__ import annotations

import socket
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlmodel import Session, select

from alerts_servers import SlackServer
from crawler.sources import load_sources
from dedup import canonical_url
from devkit.replica.hostfarm import HostFarm
from newswatch.usecases import crawl_once, open_database
from storage.models import Alert, Article
from test_daemon_support import wait_until


@pytest.fixture(scope="module")
def farm() -> Iterator[HostFarm]:
    with HostFarm(sites=3, articles_per_site=4) as running:
        yield running


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def raw_request(url: str) -> socket.socket:
    """A bare HTTP/1.1 GET whose answer is not read yet: the test decides to wait or leave."""
    parts = urlsplit(url)
    client = socket.create_connection((parts.hostname, parts.port), timeout=10)
    request = f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
    client.sendall(request.encode())
    return client


def test_every_site_is_its_own_loopback_host(farm: HostFarm) -> None:
    hosts = [urlsplit(farm.base_url(i)).hostname for i in range(3)]
    assert hosts == ["127.0.0.2", "127.0.0.3", "127.0.0.4"]
    for index, host in enumerate(hosts):
        status, body = get(farm.base_url(index) + "/robots.txt")
        assert status == 200 and b"Disallow:\n" in body and b"Disallow: /" not in body
        assert farm.requests[(host, "/robots.txt")] >= 1


def test_events_are_told_by_distinct_hosts_within_the_last_day(farm: HostFarm) -> None:
    urls = set(farm.article_urls())
    assert len(urls) == 12 and farm.events and farm.off_topic
    for reports in farm.events.values():
        assert 2 <= len(reports) <= 3
        assert len({urlsplit(url).hostname for url in reports}) == len(reports)
        assert set(reports) <= urls
    announced = {url for reports in farm.events.values() for url in reports}
    assert announced.isdisjoint(farm.off_topic) and announced | set(farm.off_topic) == urls
    now = datetime.now(UTC)
    for site in farm.sites:
        assert all(now - timedelta(days=1) < a.published < now for a in site.articles())
    assert {"fr"} <= {a.language for site in farm.sites for a in site.articles()}


def test_served_counts_completed_article_responses_only(farm: HostFarm) -> None:
    url = farm.off_topic[0]
    host, path = urlsplit(url).hostname, urlsplit(url).path
    before = farm.article_fetches()[url]
    for _ in range(2):
        status, body = get(url)
        assert status == 200 and b"<title>" in body
    get(farm.base_url(0) + "/")
    assert farm.article_fetches()[url] == before + 2
    assert farm.served[(host, path)] == before + 2
    assert (host, "/") in farm.requests and (host, "/") not in farm.served


def test_gate_holds_requests_and_counts_a_client_that_left(farm: HostFarm) -> None:
    host = "127.0.0.4"
    first, waiting, leaving = [u for u in farm.article_urls() if urlsplit(u).hostname == host][:3]
    fetches = farm.article_fetches()
    farm.gate(2, after=1)
    try:
        assert get(first)[0] == 200  # within the first `after`: not held
        patient, gone = raw_request(waiting), raw_request(leaving)
        wait_until(lambda: farm.held() == 2, 10, "two requests held at the gate")
        gone.close()  # as a SIGKILLed worker's socket is closed by the kernel
    finally:
        farm.release()
    with patient:
        answer = patient.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 200")
    key = (host, urlsplit(leaving).path)
    wait_until(lambda: farm.abandoned[key] == 1, 10, "the abandoned request to be counted")
    assert farm.held() == 0
    after = farm.article_fetches()
    assert after[first] == fetches[first] + 1 and after[waiting] == fetches[waiting] + 1
    assert after[leaving] == fetches[leaving]


def test_sources_file_names_one_source_per_host(farm: HostFarm, tmp_path: Path) -> None:
    sources = load_sources(farm.write_sources(tmp_path / "farm.toml", every="2m"))
    assert [s.name for s in sources] == ["farm-01", "farm-02", "farm-03"]
    for index, source in enumerate(sources):
        urls = [source.homepage, *source.feeds, *source.sitemaps, *source.sections]
        assert {urlsplit(url).hostname for url in urls} == {f"127.0.0.{2 + index}"}


def test_a_crawl_fetches_each_article_once_and_alerts_each_event_once(
    make_settings, mail_server, tmp_path: Path  # noqa: ANN001
) -> None:
    sink, port = mail_server
    with HostFarm(sites=3, articles_per_site=4) as crawled, SlackServer() as slack:
        settings = make_settings(
            smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
            email_to=["analyst@example.ma"], slack_webhook_url=slack.url,
        )
        summary = crawl_once(settings, sources_file=crawled.write_sources(tmp_path / "s.toml"))
        assert summary.failed_sources == [], summary
        assert set(crawled.article_fetches().values()) == {1}
        event_of = {canonical_url(u): e for e, urls in crawled.events.items() for u in urls}
        with Session(open_database(settings)) as session:
            reports = session.exec(select(Article).where(Article.is_seed == False)).all()  # noqa: E712
            stored = {a.id: canonical_url(a.url) for a in reports}
            sent = session.exec(select(Alert).where(Alert.status == "sent")).all()
            per_event = Counter((event_of[stored[a.article_id]], a.channel) for a in sent)
        assert set(stored.values()) == {canonical_url(u) for u in crawled.article_urls()}
        expected = {(e, c): 1 for e in crawled.events for c in ("email", "slack")}
        assert dict(per_event) == expected
        assert len(sink.messages) == len(slack.delivered) == len(crawled.events)
