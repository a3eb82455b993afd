"""The README's table of supported sources is generated from the catalogue and kept fresh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "sources_table.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_readme_sources_table_is_not_stale() -> None:
    result = run("--check")
    assert result.returncode == 0, f"{result.stderr.strip()} (python scripts/sources_table.py --write)"


def test_table_lists_every_catalogue_source() -> None:
    from crawler.sources import load_sources
    from newswatch.settings import bundled_catalogue

    printed = run().stdout
    assert printed.startswith("<!-- sources:start -->") and printed.rstrip().endswith("<!-- sources:end -->")
    for source in load_sources(bundled_catalogue()):
        assert f"| `{source.name}` |" in printed


def test_write_touches_only_the_text_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nbefore\n<!-- sources:start -->\nold table\n<!-- sources:end -->\nafter\n", encoding="utf-8")
    assert run("--readme", str(readme), "--check").returncode == 1
    assert run("--readme", str(readme), "--write").returncode == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nbefore\n<!-- sources:start -->\n")
    assert text.endswith("<!-- sources:end -->\nafter\n") and "old table" not in text
    assert run("--readme", str(readme), "--check").returncode == 0


def test_a_readme_without_markers_is_a_clear_error(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n", encoding="utf-8")
    result = run("--readme", str(readme), "--write")
    assert result.returncode == 1
    assert "<!-- sources:start -->" in result.stderr and "markers" in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Title\n"
