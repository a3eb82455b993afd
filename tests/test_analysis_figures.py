"""Figure parsing: job counts and money amounts in every format the press uses."""

from __future__ import annotations

import pytest

from analysis.figures import find_jobs, find_money
from analysis.numbers import find_quantities, parse_digits
from analysis.text import fold


def _jobs(text: str) -> list[int]:
    return [j.value for j in find_jobs(fold(text))]


def _money(text: str) -> list[tuple[float, str]]:
    return [(m.amount, m.currency) for m in find_money(fold(text))]


@pytest.mark.parametrize("text, value", [
    ("5.050 emplois directs", 5050),
    ("5 050 emplois", 5050),
    ("5\u202f050 emplois", 5050),
    ("1.000 postes", 1000),
    ("deux mille emplois", 2000),
    ("deux cent cinquante postes", 250),
    ("plus de 500 positions", 500),
    ("500 nouveaux postes d'emploi", 500),
    ("un millier de téléconseillers", 1000),
    ("3000 منصب شغل", 3000),
    ("٣٠٠٠ منصب شغل", 3000),
    ("ألفي منصب شغل", 2000),
    ("ثلاثة آلاف منصب شغل", 3000),
    ("خمسمائة منصب شغل", 500),
    ("2,500 new jobs", 2500),
])
def test_job_counts(text: str, value: int) -> None:
    assert _jobs(text) == [value]


@pytest.mark.parametrize("text, flag", [
    ("le secteur emploie actuellement plus de 120.000 personnes", "headcount"),
    ("DELL, qui emploie près de 2.000 personnes", "headcount"),
    ("de l'ordre de 250 postes par semaine", "rate"),
    ("la suppression de 300 postes", "loss"),
])
def test_job_counts_that_are_not_new_jobs_are_flagged(text: str, flag: str) -> None:
    (mention,) = find_jobs(fold(text))
    assert flag in mention.flags


def test_plural_vague_quantities_are_no_figure() -> None:
    assert _jobs("des milliers d'emplois") == []


@pytest.mark.parametrize("text, amount, currency", [
    ("65 millions de DH", 65e6, "MAD"),
    ("350 MDH", 350e6, "MAD"),
    ("1,2 milliard de dirhams", 1.2e9, "MAD"),
    ("2 MMDH", 2e9, "MAD"),
    ("4 milliards d'euros", 4e9, "EUR"),
    ("10 millions de dollars", 10e6, "USD"),
    ("375 مليون درهم", 375e6, "MAD"),
    ("باستثمار يقدر بـ25 مليون درهم", 25e6, "MAD"),
    ("$10 million", 10e6, "USD"),
    ("MAD 150 million", 150e6, "MAD"),
    ("€4 million", 4e6, "EUR"),
    ("1,5 Md€", 1.5e9, "EUR"),
    ("20 millions DH", 20e6, "MAD"),
    ("500.000 DH", 5e5, "MAD"),
])
def test_money(text: str, amount: float, currency: str) -> None:
    assert _money(text) == [(amount, currency)]


def test_turnover_and_salary_are_flagged() -> None:
    (turnover,) = find_money(fold("un chiffre d'affaires de 2 milliards de DH"))
    (salary,) = find_money(fold("un salaire de 4.000 dirhams par mois"))
    assert "turnover" in turnover.flags and "salary" in salary.flags


@pytest.mark.parametrize("text, value", [
    ("5.050", 5050.0), ("5 050", 5050.0), ("1,2", 1.2), ("12.5", 12.5), ("1.000.000", 1e6),
])
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


def test_years_are_quantities_but_not_jobs() -> None:
    assert [q.value for q in find_quantities(fold("en 2026, 300 emplois"))] == [2026, 300]
    assert _jobs("en 2026, 300 emplois") == [300]


@pytest.mark.parametrize("text, values", [
    ("Ce centre accueillera 300 consultants d'ici la fin de l'année et 1.000 à l'horizon 2027.", [300, 1000]),
    ("Le projet devrait générer 1.200 emplois directs et 3.000 indirects.", [1200]),
])
def test_elliptical_second_figure(text: str, values: list[int]) -> None:
    assert _jobs(text) == values


def test_indirect_jobs_are_flagged() -> None:
    direct, indirect = find_jobs(fold("800 emplois directs et 400 emplois indirects"))
    assert "indirect" not in direct.flags and "indirect" in indirect.flags


def test_opening_headcount_then_target() -> None:
    first, target = find_jobs(fold("il démarre avec 120 téléconseillers, un effectif qui devrait passer à 300 d'ici l'été"))
    assert "initial" in first.flags and target.value == 300 and "headcount" not in target.flags


def test_total_after_expansion_is_a_headcount() -> None:
    new, total = find_jobs(fold("qui accueillera 1.000 collaborateurs supplémentaires, portant ses effectifs à 3.500 personnes"))
    assert new.value == 1000 and "headcount" in total.flags


def test_training_counts_are_not_jobs() -> None:
    (mention,) = find_jobs(fold("une convention pour former 10.000 jeunes aux métiers des centres d'appels"))
    assert "training" in mention.flags
