"""canonical_url: one key per article whatever variant of its address was linked."""

from __future__ import annotations

import pytest

from dedup import canonical_url
from dedup.errors import InvalidURL

BASE = "https://hespress.com/economie/123-offshoring"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        BASE + "/",
        BASE + "?utm_source=facebook&utm_medium=social&utm_campaign=x",
        BASE + "?fbclid=IwAR0abc",
        BASE + "?gclid=abc&xtor=RSS-1",
        BASE + "#comments",
        BASE + "/amp",
        BASE + "/amp/",
        BASE + "?amp=1",
        "HTTPS://HESPRESS.COM/economie/123-offshoring",
        "https://www.hespress.com/economie/123-offshoring",
        "https://m.hespress.com/economie/123-offshoring",
        "https://mobile.hespress.com/economie/123-offshoring",
        "https://amp.hespress.com/economie/123-offshoring",
        "https://hespress.com:443/economie/123-offshoring",
        "https://hespress.com//economie/./123-offshoring",
        "  https://hespress.com/economie/123-offshoring  ",
    ],
)
def test_variants_share_one_key(variant):
    assert canonical_url(variant) == BASE


def test_arabic_slug_encoded_or_not():
    raw = "https://www.hespress.com/اقتصاد/مناصب-شغل-جديدة-123.html"
    upper = (
        "https://hespress.com/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/"
        "%D9%85%D9%86%D8%A7%D8%B5%D8%A8-%D8%B4%D8%BA%D9%84-%D8%AC%D8%AF%D9%8A%D8%AF%D8%A9-123.html"
    )
    lower = upper.replace("%D8", "%d8").replace("%D9", "%d9")
    assert canonical_url(raw) == canonical_url(upper) == canonical_url(lower) == upper


def test_accented_french_slug_encoded_or_not():
    assert canonical_url("https://fr.le360.ma/économie/x") == canonical_url(
        "https://fr.le360.ma/%C3%A9conomie/x"
    )


def test_meaningful_query_is_kept_and_sorted():
    assert canonical_url("https://site.ma/index.php?p=42&cat=7&utm_term=a") == (
        "https://site.ma/index.php?cat=7&p=42"
    )


def test_site_specific_params():
    url = "https://medias24.com/2025/01/02/article/?from=home&origine=une&id=5"
    expected = "https://medias24.com/2025/01/02/article?id=5"
    assert canonical_url(url, strip_params=["from", "orig*"]) == expected


def test_root_and_host_case():
    assert canonical_url("http://WWW.Example.MA") == "http://example.ma/"
    assert canonical_url("http://example.ma:8080/a/") == "http://example.ma:8080/a"


def test_encoded_slash_and_reserved_characters_survive():
    assert canonical_url("https://site.ma/a%2Fb?q=a%26b") == "https://site.ma/a%2Fb?q=a%26b"


def test_internationalised_host():
    punycode = "https://xn--mgbh0fb.xn--mgbc0a9azcg/x"
    assert canonical_url("https://مثال.المغرب/x") == canonical_url(punycode)


@pytest.mark.parametrize(
    "bad", ["", "mailto:a@b.ma", "ftp://site.ma/x", "/relative/path", "https://"]
)
def test_invalid_urls_raise_a_named_error(bad):
    with pytest.raises(InvalidURL):
        canonical_url(bad)
