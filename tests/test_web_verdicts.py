"""The dashboard's verdicts are `newswatch explain`'s, computed from the same stored columns."""

from __future__ import annotations

import itertools

import pytest

from newswatch.explain import _verdict as explain_verdict
from storage.models import Alert, Article
from web.verdicts import report_verdict

STATES = list(itertools.product(
    (False, True),  # seed
    ("new", "duplicate", "known"),
    ("", "same event as seed 3"),
    (False, True),  # relevant
    (False, True),  # announcement
    ("none", "own", "other"),  # which article of the story alerted
))


@pytest.mark.parametrize("seed, status, decision, relevant, announcement, alerted", STATES)
def test_each_state_gets_the_explain_verdict(
    seed: bool, status: str, decision: str, relevant: bool, announcement: bool, alerted: str
) -> None:
    article = Article(id=1, url="https://x.example.ma/1", source="x", is_seed=seed, status=status,
                      decision=decision, relevant=relevant, announcement=announcement, story_id=9)
    alerts = {"none": [], "own": [Alert(key="a", channel="email", article_id=1, story_id=9)],
              "other": [Alert(key="b", channel="email", article_id=2, story_id=9)]}[alerted]
    own = [a for a in alerts if a.article_id == 1]
    expected = explain_verdict(article, own, story_alerted=alerted == "other")
    assert report_verdict(article, alerts) == expected
