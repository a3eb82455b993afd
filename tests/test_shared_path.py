"""Shared data is found beside the clone; a missing file skips locally and fails in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest


def test_shared_data_is_found_beside_the_repository_not_at_a_machine_path() -> None:
    root = Path(conftest.__file__).resolve().parents[1]
    assert conftest.SHARED == root.parent / "shared"


def test_a_missing_shared_file_skips_locally(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="shared data missing"):
        conftest.shared_path("seeds", "absent.txt")


def test_a_missing_shared_file_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="shared data missing"):
        conftest.shared_path("seeds", "absent.txt")


def test_a_present_shared_file_is_returned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "present.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    monkeypatch.setenv("CI", "true")
    assert conftest.shared_path("seeds", "present.txt") == tmp_path / "seeds" / "present.txt"
