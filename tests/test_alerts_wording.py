"""Alerts a person reads at a glance: figures first, words instead of codes, a left-to-right
frame around right-to-left article text, and updates that say what they add.

In-process and fast; the real browser layout is checked in test_alerts_layout_browser.py.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime

import pytest

from alerts.bidi import FSI, LRM, PDI
from alerts.email_body import html, plain_text, subject
from alerts.labels import source_name
from alerts.render import AlertMessage, Before
from alerts.slack_blocks import payload
from alerts_servers import ANALYSIS, add_story, engine, rendered_email  # noqa: F401
from storage.db import session_scope
from storage.models.core import Story
from storage.models.outbox import Alert

WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def french(**extra: object) -> AlertMessage:
    fields: dict[str, object] = dict(
        key="story:5:email:announcement", title="Nearvox ouvre un plateau de 600 positions",
        source="hespress-fr", url="https://fr.hespress.com/5-nearvox", published_at=WHEN,
        language="fr", kinds=["new_site", "expansion", "mou"], jobs=1200,
        investment_amount=375e6, investment_currency="MAD", companies=["Nearvox", "Atlantis BPO"],
        cities=["Tanger", "Tétouan"], evidence=["Nearvox prévoit 1 200 recrutements d'ici 2027."],
    )
    fields.update(extra)
    return AlertMessage(**fields)  # type: ignore[arg-type]


def arabic(**extra: object) -> AlertMessage:
    return french(
        title="نيرفوكس تفتتح مركزا جديدا بطنجة وتوفر 1200 منصب شغل", source="hespress-ar",
        url="https://www.hespress.com/economie/5", language="ar",
        companies=["نيرفوكس"], cities=["طنجة"],
        evidence=["وتبلغ قيمة الاستثمار 375 مليون درهم حسب بلاغ الشركة."], **extra,
    )


def plain_lines(message: AlertMessage) -> list[str]:
    return [line for line in plain_text(message).splitlines() if line]


def test_figures_line_comes_first_in_every_channel() -> None:
    message = french()
    expected = "1,200 jobs · 375 M MAD · Nearvox, Atlantis BPO · Tanger, Tétouan"
    assert plain_lines(message)[1] == expected  # right under the title
    blocks = payload(message)["blocks"]
    assert blocks[1]["text"]["text"] == expected
    body = html(message)
    figures = re.search(r'<p class="figures"[^>]*>(.*?)</p>', body)
    assert figures is not None
    assert re.sub(r"</?bdi>", "", figures.group(1)) == expected
    assert body.index('class="figures"') < body.index('class="details"')


def test_missing_figures_are_left_out() -> None:
    message = french(jobs=None, investment_amount=None, companies=[], cities=["Oujda"])
    assert plain_lines(message)[1] == "Oujda"
    assert payload(message)["blocks"][1]["text"]["text"] == "Oujda"


def test_kinds_sources_and_languages_in_words() -> None:
    text = plain_text(french())
    assert "Kind: new site, expansion, agreement (MoU)" in text
    assert "Source: Hespress (FR)" in text and "Language: French" in text
    assert "new_site" not in text and "hespress-fr" not in text
    fields = [f["text"] for f in payload(french())["blocks"][2]["fields"]]
    assert fields[:2] == ["*Kind*\nnew site, expansion, agreement (MoU)",
                          "*Source*\nHespress (FR)"]


@pytest.mark.parametrize(("slug", "name"), [
    ("medias24", "Médias24"), ("hespress-ar", "Hespress (AR)"), ("le360-en", "Le360 (EN)"),
    ("mwn-gnews", "Morocco World News via Google News"), ("new-outlet", "New Outlet"),
    ("atlasinfo", "Atlasinfo"),
])
def test_source_names(slug: str, name: str) -> None:
    assert source_name(slug) == name


def test_every_catalogue_source_has_a_readable_name() -> None:
    import tomllib
    from pathlib import Path

    catalogue = Path(__file__).resolve().parents[1] / "crawler" / "catalogue.toml"
    slugs = [s["name"] for s in tomllib.loads(catalogue.read_text("utf-8"))["source"]]
    assert len(slugs) > 20
    for slug in slugs:
        name = source_name(slug)
        assert name != slug and "-" not in name and name[0].isupper(), slug


def test_html_frame_is_left_to_right_and_article_text_keeps_its_own() -> None:
    body = html(arabic())
    assert '<body dir="ltr"><div class="frame" dir="ltr">' in body
    assert '<html lang="en" dir="ltr">' in body
    assert re.search(r'<h2 class="title" dir="auto" lang="ar">نيرفوكس', body)
    assert '<blockquote class="evidence" dir="auto" lang="ar">' in body
    assert "<bdi>375 M MAD</bdi>" in body and "<bdi>نيرفوكس</bdi>" in body
    assert body.count('dir="auto"') == 2  # the title and the one evidence sentence only


def test_plain_text_isolates_arabic_values_only() -> None:
    line = plain_lines(arabic())[1]
    assert line == f"{LRM}1,200 jobs · 375 M MAD · {FSI}نيرفوكس{PDI} · {FSI}طنجة{PDI}"
    figures_block = payload(arabic())["blocks"][1]["text"]["text"]
    assert figures_block == line
    assert not BIDI_CONTROLS.search(plain_text(french()) + str(payload(french())))


def test_update_says_what_it_adds() -> None:
    update = french(key="story:5:email:update:v2", kind="update", version=2,
                    before=Before(kinds=["new_site", "expansion", "mou"],
                                  companies=["nearvox", "Atlantis BPO"],
                                  cities=["Tanger", "Tétouan"], investment_amount=375e6,
                                  investment_currency="MAD"))
    assert subject(update) == ("[newswatch] Update: now 1,200 jobs (was not given) — "
                               "Nearvox ouvre un plateau de 600 positions")
    assert plain_lines(update)[0] == "Update: now 1,200 jobs (was not given)"
    assert plain_lines(update)[1] == "Nearvox ouvre un plateau de 600 positions"
    assert "<strong>Update:</strong> now 1,200 jobs (was not given)</p>" in html(update)
    assert payload(update)["blocks"][0]["text"]["text"].startswith(
        "Update: now 1,200 jobs (was not given) — Nearvox")


def test_update_names_old_values_and_new_names() -> None:
    update = french(kind="update", version=3,
                    before=Before(jobs=800, investment_amount=2e8, investment_currency="MAD",
                                  kinds=["new_site"], companies=["Nearvox"], cities=["Tanger"]))
    lines = plain_lines(update)
    assert lines[0] == ("Update: now 1,200 jobs (was 800); now 375 M MAD (was 200 M MAD); "
                        "adds company Atlantis BPO; adds city Tétouan; "
                        "now also expansion, agreement (MoU)")
    # The subject keeps the two figure changes and room for the title.
    assert subject(update).startswith(
        "[newswatch] Update: now 1,200 jobs (was 800); now 375 M MAD (was 200 M MAD); "
        "and 3 more — Nearvox")


def test_update_isolates_an_arabic_title_in_the_headline() -> None:
    update = arabic(kind="update", version=2, before=Before())
    assert f"— {FSI}نيرفوكس" in subject(update) and subject(update).endswith(PDI)


def test_an_update_row_carries_what_the_previous_alert_said(engine) -> None:  # noqa: F811
    no_jobs = dict(ANALYSIS, jobs=None)
    story, _, [first] = add_story(engine, channels=("email",), analysis=no_jobs)
    with session_scope(engine) as session:
        session.get(Alert, first.id).status = "sent"  # a waiting one would absorb the figure
        session.get(Story, story.id).jobs = 1200  # the pipeline merged a jobs figure
    _, _, [update] = add_story(engine, channels=("email",), story_id=story.id,
                               source="le360-fr", url="https://fr.le360.ma/z",
                               analysis=dict(ANALYSIS, jobs=1200))
    message = AlertMessage.from_payload(update.payload["message"])
    assert message.before is not None and message.before.jobs is None
    parsed = email.message_from_string(rendered_email(message), policy=email.policy.default)
    assert parsed["Subject"].startswith("[newswatch] Update: now 1,200 jobs (was not given) — ")
    first_message = AlertMessage.from_payload(first.payload["message"])
    assert first_message.before is None and "Update" not in subject(first_message)
