"""One verdict per stored state, the same in `newswatch explain` and on the dashboard
(alerts.verdicts)."""

from __future__ import annotations

import pytest

from alerts.verdicts import report_verdict
from storage.models import Alert, Article


def article(**fields: object) -> Article:
    values: dict[str, object] = {"id": 1, "url": "https://x.example.ma/1", "source": "x",
                                 "status": "new", "relevant": True, "announcement": True,
                                 "story_id": 9}
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def alert(article_id: int | None) -> Alert:
    return Alert(key=f"k{article_id}", channel="email", article_id=article_id, story_id=9)


@pytest.mark.parametrize("fields, alerts, expected", [
    ({"is_seed": True}, [alert(1)], "seed article (known corpus)"),
    ({"status": "known", "decision": "same event as seed 3"}, [], "reports an event of the seed"),
    ({"status": "known"}, [], "copy of a known (seed) article"),
    ({"status": "duplicate"}, [alert(2)], "duplicate of an earlier article"),
    ({"relevant": False}, [], "off-topic"),
    ({"announcement": False}, [], "on-topic, but not an announcement"),
    ({}, [alert(1)], "alerted"),
    ({}, [alert(2)], "another report of an event already alerted"),
    ({}, [alert(None)], "announcement, no alert"),  # a digest is nobody's report
    ({}, [], "announcement, no alert"),
])
def test_each_stored_state_has_its_verdict(
    fields: dict[str, object], alerts: list[Alert], expected: str
) -> None:
    assert report_verdict(article(**fields), alerts).startswith(expected)
