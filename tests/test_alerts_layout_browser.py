"""The French and the Arabic alert email as a person sees them, in a real headless Chromium.

The HTML part of the real email is opened twice: once as it is, for a screenshot saved in the
test's tmp dir, and once with a measuring script appended, whose findings (element boxes and
directions) Chromium prints with ``--dump-dom``. Chromium is Debian's ``chromium``, found on
PATH; ``.ci/run`` installs it, and under ``CI=true`` a missing browser fails the test.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from alerts.render import AlertMessage, SourceLink
from alerts_servers import rendered_email

WIDTH, HEIGHT = 900, 1100
EDGE = 30  # px: "near the edge" allows the body margin and some padding
TIMEOUT = 180  # s: a busy CI machine can be slow to start a browser

MEASURE = """
<script>
(() => {
  // Falls back to plain tags, so that an older layout is measured too (and fails clearly).
  const pick = (selector, fallback) =>
    document.querySelector(selector) || document.querySelector(fallback);
  const rect = (range) => {
    const r = range.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top};
  };
  const box = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return rect(range);
  };
  const textNode = (needle) => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) if (walk.currentNode.data.includes(needle)) return walk.currentNode;
    return null;
  };
  const wordLeft = (text, word) => {
    const at = text.data.indexOf(word), range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    return rect(range).left;
  };
  const dir = (node) => getComputedStyle(node).direction;
  const amount = textNode('375 M MAD');
  const figures = document.querySelector('.figures') || amount.parentElement;
  const title = pick('.title', 'h2'), evidence = pick('.evidence', 'blockquote');
  const out = {
    width: document.documentElement.clientWidth,
    frame: dir(document.querySelector('.frame') || document.body),
    title: {...box(title), dir: dir(title)},
    evidence: {...box(evidence), dir: dir(evidence)},
    figures: box(figures),
    parts: [...figures.querySelectorAll('bdi')].map((b) => ({text: b.textContent,
                                                             left: box(b).left})),
    amount: {number: wordLeft(amount, '375'), currency: wordLeft(amount, 'MAD')},
    labels: [...document.querySelectorAll('th')].map((th) => box(th).left),
  };
  const pre = document.createElement('pre');
  pre.id = 'layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
FIGURES = dict(jobs=1200, investment_amount=375e6, investment_currency="MAD",
               kinds=["new_site", "expansion", "mou"], published_at=WHEN)
MESSAGES = {
    "fr": AlertMessage(
        key="story:8:email:announcement", language="fr", source="hespress-fr",
        title="Nearvox ouvre à Tanger un centre de relation client de 1 200 positions",
        url="https://fr.hespress.com/8-nearvox", companies=["Nearvox"], cities=["Tanger"],
        evidence=["Le groupe investira 375 millions de dirhams dans ce site d'ici 2027."],
        also_reported=[SourceLink(source="medias24", url="https://medias24.com/8")], **FIGURES,
    ),
    "ar": AlertMessage(
        key="story:9:email:announcement", language="ar", source="hespress-ar",
        title="نيرفوكس تفتتح بطنجة مركزا جديدا لخدمة الزبناء يوفر 1200 منصب شغل",
        url="https://www.hespress.com/economie/9", companies=["نيرفوكس"], cities=["طنجة"],
        evidence=["وسيستثمر الفرع 375 مليون درهم في هذا المركز في أفق سنة 2027."],
        also_reported=[SourceLink(source="le360-ar", url="https://ar.le360.ma/9")], **FIGURES,
    ),
}


def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        reason = "chromium is not on PATH (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def email_html(message: AlertMessage) -> str:
    parsed = email.message_from_string(rendered_email(message), policy=email.policy.default)
    return parsed.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]


def run_chromium(browser: str, tmp: Path, name: str, *args: str) -> str:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={tmp / ('profile-' + name)}", *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def measure(browser: str, tmp: Path, lang: str, html: str) -> dict[str, Any]:
    page = tmp / f"{lang}-measured.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = run_chromium(browser, tmp, f"{lang}-dom", "--dump-dom", page.as_uri())
    found = re.search(r'<pre id="layout">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    return json.loads(found.group(1).replace("&amp;", "&").replace("&quot;", '"'))


def screenshot(browser: str, tmp: Path, lang: str, html: str) -> Path:
    page, shot = tmp / f"{lang}.html", tmp / f"{lang}.png"
    page.write_text(html, encoding="utf-8")
    run_chromium(browser, tmp, f"{lang}-shot", f"--screenshot={shot}", page.as_uri())
    return shot


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    browser = chromium()
    tmp = tmp_path_factory.mktemp("alert-layout")
    found = {}
    pages = {lang: email_html(message) for lang, message in MESSAGES.items()}
    # Webmail drops <body> attributes and shows the mail inside its own page, which is
    # right to left for a reader whose interface is in Arabic.
    pages["ar-webmail"] = pages["ar"].replace('<body dir="ltr">', '<body dir="rtl">')
    assert pages["ar-webmail"] != pages["ar"]
    for lang, html in pages.items():
        shot = screenshot(browser, tmp, lang, html)
        found[lang] = {**measure(browser, tmp, lang, html), "screenshot": shot}
    print(f"alert screenshots: {tmp}")
    return found


@pytest.mark.parametrize("lang", ["fr", "ar", "ar-webmail"])
def test_frame_and_figures_are_left_to_right(layouts: dict[str, Any], lang: str) -> None:
    layout = layouts[lang]
    assert layout["frame"] == "ltr"
    assert layout["figures"]["left"] < EDGE, layout["figures"]
    assert layout["labels"] and all(left < EDGE for left in layout["labels"]), layout["labels"]


@pytest.mark.parametrize("lang", ["fr", "ar", "ar-webmail"])
def test_figures_read_jobs_amount_companies_cities(layouts: dict[str, Any], lang: str) -> None:
    layout = layouts[lang]
    parts = layout["parts"]
    assert [p["text"] for p in parts][:2] == ["1,200 jobs", "375 M MAD"]
    lefts = [p["left"] for p in parts]
    assert lefts == sorted(lefts), parts  # shown left to right in that order
    assert layout["amount"]["number"] < layout["amount"]["currency"]  # "375 M MAD", not "M MAD 375"
    assert layout["figures"]["top"] < layout["evidence"]["top"]


@pytest.mark.parametrize("lang", ["ar", "ar-webmail"])
def test_arabic_title_and_evidence_are_right_to_left(layouts: dict[str, Any], lang: str) -> None:
    layout = layouts[lang]
    width = layout["width"]
    for part in ("title", "evidence"):
        assert layout[part]["dir"] == "rtl"
        assert layout[part]["right"] > width - EDGE - 45, (part, layout[part], width)
        assert layout[part]["left"] > EDGE, (part, layout[part])  # right-aligned, not stretched


def test_french_title_and_evidence_are_left_to_right(layouts: dict[str, Any]) -> None:
    layout = layouts["fr"]
    for part in ("title", "evidence"):
        assert layout[part]["dir"] == "ltr"
        assert layout[part]["left"] < EDGE + 45, (part, layout[part])


@pytest.mark.parametrize("lang", ["fr", "ar", "ar-webmail"])
def test_screenshots_are_saved(layouts: dict[str, Any], lang: str) -> None:
    shot: Path = layouts[lang]["screenshot"]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (WIDTH, HEIGHT)
