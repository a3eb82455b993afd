"""The headline reading on the real corpus's titles, read in place: an announcement read from a
headline alone is right at least 95 % of the time (bench/bench_headlines.py prints the table).

A headline that is ambiguous is better stored than alerted: precision is the gate; the floor on
true positives only says the headline path still finds announcements at all.
"""

from __future__ import annotations

from analysis.headline import analyze_headline
from realtext import load_corpus

PRECISION_FLOOR = 0.95
TRUE_POSITIVES_FLOOR = 8  # 10 measured on 70 titles, 2026-12


def test_announcements_read_from_real_headlines_are_precise() -> None:
    rows = [row for row in load_corpus() if row.get("title")]
    assert len(rows) >= 50
    predicted = {row["id"]: analyze_headline(title=row["title"], language=row["language"]) for row in rows}
    announced = [row for row in rows if predicted[row["id"]].announcement]
    wrong = [row["id"] for row in announced if not row["announcement"]]
    right = len(announced) - len(wrong)
    assert right >= TRUE_POSITIVES_FLOOR, f"only {right} announcements found in headlines"
    assert right / len(announced) >= PRECISION_FLOOR, f"headline false alerts: {wrong}"
    assert not [row["id"] for row in announced if not predicted[row["id"]].companies], \
        "a headline alerts only when it names who commits"
