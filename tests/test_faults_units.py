"""Fault suite, no crawl: the charset policy, Retry-After parsing, domains, hostile XML heads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from crawler.discovery import parse_feed, parse_sitemap
from crawler.encoding import decode_html
from crawler.errors import UnsafeXml
from crawler.middlewares import registrable_domain, retry_after_seconds


def html(text: str, meta: str | None = "utf-8") -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}</head><body><p>{text}</p></body></html>"


def test_meta_wins_when_the_header_charset_makes_mojibake() -> None:
    decoded = decode_html(html("économie et société").encode("utf-8"), "text/html; charset=iso-8859-1")
    assert (decoded.encoding, decoded.reason) == ("utf-8", "meta")
    assert "économie et société" in decoded.text


def test_header_wins_when_both_decode_cleanly() -> None:
    # A page mislabelled in its meta but right in its header, as browsers decide it.
    decoded = decode_html(html("économie", meta="iso-8859-1").encode("utf-8"), "text/html; charset=utf-8")
    assert (decoded.encoding, decoded.reason) == ("utf-8", "header")


def test_header_that_cannot_decode_loses_to_the_meta() -> None:
    body = html("الاقتصاد المغربي", meta="windows-1256").encode("cp1256")
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert decoded.reason == "meta" and "الاقتصاد المغربي" in decoded.text


def test_arabic_declared_only_in_meta() -> None:
    decoded = decode_html(html("الاقتصاد المغربي", meta="windows-1256").encode("cp1256"), "text/html")
    assert (decoded.encoding, decoded.reason) == ("cp1256", "meta")
    assert "الاقتصاد المغربي" in decoded.text


def test_byte_order_mark_beats_every_declaration() -> None:
    body = "\ufeff".encode() + html("économie", meta="windows-1252").encode("utf-8")
    decoded = decode_html(body, "text/html; charset=windows-1252")
    assert decoded.reason == "bom" and "économie" in decoded.text


@pytest.mark.parametrize(
    ("body", "reason", "expected"),
    [
        ("<p>économie</p>".encode(), "utf-8", "économie"),
        ("<p>économie et finance à Casablanca, façade</p>".encode("cp1252"), "guessed", "économie"),
    ],
)
def test_undeclared_pages(body: bytes, reason: str, expected: str) -> None:
    decoded = decode_html(body, None)
    assert decoded.reason == reason and expected in decoded.text


def test_mojibake_lines_are_repaired_and_clean_lines_kept() -> None:
    text = "l’Ã©conomie marocaine\nالاقتصاد « l’industrie »\n"
    decoded = decode_html(html(text).encode("utf-8"), "text/html; charset=utf-8")
    assert "l’économie marocaine" in decoded.text
    assert "الاقتصاد « l’industrie »" in decoded.text


@pytest.mark.parametrize("body", [b"", b"\x00\xff\xfe\x81" * 100, bytes(range(256))])
def test_garbage_never_raises(body: bytes) -> None:
    assert isinstance(decode_html(body, "text/html; charset=nonsense-8").text, str)


def test_retry_after_forms() -> None:
    assert retry_after_seconds(b"5") == 5.0
    later = datetime.now(UTC) + timedelta(seconds=120)
    assert 100 < (retry_after_seconds(format_datetime(later, usegmt=True)) or 0) <= 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("fr.hespress.com", "hespress.com"),
        ("www.medias24.co.ma", "medias24.co.ma"),
        ("lematin.ma", "lematin.ma"),
        ("127.0.0.1", "127.0.0.1"),
        ("LOCALHOST", "localhost"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


LAUGHS = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><link>&b;</link></item></channel></rss>'


def test_entities_in_utf16_are_refused_too() -> None:
    with pytest.raises(UnsafeXml):
        parse_feed(LAUGHS.replace('"1.0"?>', '"1.0" encoding="utf-16"?>').encode("utf-16"), "http://x/feed")


def test_prolog_padded_past_the_window_is_refused() -> None:
    padded = '<?xml version="1.0"?>' + "<!--" + "x" * 70_000 + "-->" + LAUGHS.split("?>", 1)[1]
    with pytest.raises(UnsafeXml):
        parse_sitemap(padded.encode(), "http://x/sitemap.xml")


def test_rss_091_doctype_without_entities_is_read() -> None:
    feed = (
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        "<item><title>t</title><link>http://x/a/1</link></item></channel></rss>"
    )
    assert [link.url for link in parse_feed(feed.encode(), "http://x/feed")] == ["http://x/a/1"]
