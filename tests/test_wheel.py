"""The product ships the product (issue 14.3): the wheel holds no test or bench scaffolding,
and the demo runs from the wheel's own files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Path parts that belong to the dev kit, the tests or the benches, never to the product.
DEV_PARTS = {"devkit", "replica", "tests", "bench", "conftest.py"}
DEV_WORDS = ("furniture", "synthetic", "phrasebook", "offtopic", "regenerate", "evaluation")
BUILD = "import sys, hatchling.build; print(hatchling.build.build_wheel(sys.argv[1]))"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("wheel")
    # The PEP 517 hook of the build backend, run from the root: no network, no build venv.
    built = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)], cwd=ROOT, capture_output=True, text=True,
        timeout=300, check=True,
    )
    yield out / built.stdout.strip().splitlines()[-1]


def dev_files(names: list[str]) -> list[str]:
    found = []
    for name in names:
        parts = name.split("/")
        if DEV_PARTS & set(parts) or any(word in parts[-1] for word in DEV_WORDS):
            found.append(name)
    return found


def test_the_checker_recognises_dev_modules() -> None:
    names = ["devkit/replica/server.py", "newswatch/replica/sites/furniture.py",
             "storage/migrations/regenerate.py", "analysis/evaluation.py", "tests/conftest.py",
             "newswatch/cli.py", "analysis/pipeline.py", "newswatch/demo_sites/articles.toml"]
    assert dev_files(names) == names[:5]


def test_the_wheel_holds_no_dev_module(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "newswatch/cli.py" in names and "storage/migrations/env.py" in names
    assert dev_files(names) == []


def test_the_wheel_carries_the_demo_sites_as_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "newswatch/demo_sites/articles.toml" in names
    assert {"article.html", "feed.xml", "home.html"} <= {
        Path(n).name for n in names if n.startswith("newswatch/demo_sites/templates/")
    }


def test_the_demo_sites_load_from_the_unpacked_wheel_without_the_dev_kit(
    wheel: Path, tmp_path: Path,
) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    probe = (
        "import sys, newswatch.demo, newswatch.demo_web as web\n"
        "sites = web.load_sites()\n"
        "print(newswatch.demo.__file__)\n"
        "print(sum(len(s.articles) for s in sites.values()))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'devkit'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    location, count, devkit = result.stdout.splitlines()
    assert location.startswith(str(tmp_path / "site"))
    assert int(count) >= 4 and devkit == "[]"
