"""The command line as a user runs it: the entry point's exit codes, stdout vs stderr.

The commands run in this process (`newswatch.cli.main`, as the console script calls it), so
the suite does not pay an interpreter start-up per command; one test runs a real process,
where the process itself is the point (tests/test_demo_isolation.py is another).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from typer.main import get_command

from conftest import CliRunner as Cli
from conftest import free_port
from devkit.replica import ReplicaWeb
from newswatch.cli import app


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "NEWSWATCH_DATA_DIR": str(tmp_path / "data"),
        "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "NEWSWATCH_CRAWL__DOWNLOAD_DELAY": "0",
        "NEWSWATCH_CRAWL__AUTOTHROTTLE": "false",
        "NEWSWATCH_CRAWL__EXTRACTION_WORKERS": "1",
        "NEWSWATCH_CRAWL__RETRY_TIMES": "0",
        # Generous: no case here waits for a timeout, and a loaded machine stalls for seconds.
        "NEWSWATCH_CRAWL__DOWNLOAD_TIMEOUT": "30",
        "COLUMNS": "300",  # tables are not wrapped mid-name when stdout is a pipe
    }


@pytest.fixture
def cli(cli: Cli, env: dict[str, str]) -> Cli:
    """conftest's in-process runner, with this module's environment."""
    return partial(cli, env=env)


def _commands(group, prefix=()):  # noqa: ANN001, ANN202
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


@pytest.mark.parametrize("path", [p for p, _ in _commands(get_command(app))], ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    command = dict(_commands(get_command(app)))[path]
    assert command.help and "Example:" in command.help, f"{' '.join(path)} has no example"
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"newswatch {' '.join(path)}" in readme, f"{' '.join(path)} is missing from the README"


def test_usage_errors_exit_2_from_a_real_process(env: dict[str, str]) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    result = subprocess.run(
        [sys.executable, "-m", "newswatch", "crawl", "--no-such-flag"], env={**clean, **env},
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 2
    assert result.stdout == ""


def test_failing_sources_are_recorded_and_the_run_exits_3(cli: Cli, env: dict[str, str], tmp_path: Path) -> None:
    with ReplicaWeb() as web:
        sources = web.write_sources(tmp_path / "sources.toml")
        dead_port = free_port()  # nothing listens there
        with sources.open("a", encoding="utf-8") as handle:
            handle.write(
                f'\n[[source]]\nname = "unreachable"\nhomepage = "http://127.0.0.1:{dead_port}/"\n'
                f'feeds = ["http://127.0.0.1:{dead_port}/feed"]\n'
            )
        web.override("custom", "/rssFeed/4", status=404, body=b"not found")
        broken = next(a for a in web.sites["arc"].articles() if a.expected.get("story") == "B")
        broken_path = "/" + web.article_url(broken).split("/", 3)[3]
        web.override("arc", broken_path, body=b"\x00\xff<html><body><div><p>tronqu", headers={"Content-Type": "text/html"})

        result = cli(["crawl", "--sources", str(sources), "--json"])
        assert result.returncode == 3, result.stderr
        summary = json.loads(result.stdout)["items"]
        assert summary["sources"] == {
            "replica-wp": "ok", "replica-arc": "ok", "replica-custom": "ok", "unreachable": "failed",
        }

        errors = _errors(env)
        assert errors["unreachable"] == {"SourceUnreachable"}
        assert "HttpError" in errors["replica-custom"]  # the 404 feed; the section rung took over
        assert "ExtractionFailed" in errors["replica-arc"]  # the malformed page

        listed = json.loads(cli(["articles", "list", "--json"]).stdout)["items"]
        assert any("Tellaris" in a["title"] for a in listed)  # the others finished
        assert any(a["source"] == "replica-custom" for a in listed)

        explained = cli(["explain", web.article_url(broken)])
        assert explained.returncode == 0 and "failed" in explained.stdout


def _errors(env: dict[str, str]) -> dict[str, set[str]]:
    from sqlmodel import Session, create_engine, select

    from storage.models import SourceError

    engine = create_engine(env["NEWSWATCH_DATABASE_URL"])
    with Session(engine) as session:
        found: dict[str, set[str]] = {}
        for error in session.exec(select(SourceError)).all():
            found.setdefault(error.source, set()).add(error.kind)
    return found


def test_explain_an_unknown_url_exits_1(cli: Cli) -> None:
    assert cli(["db", "upgrade"]).returncode == 0  # explain never creates a database
    result = cli(["explain", "https://example.ma/never-seen"])
    assert result.returncode == 1
    assert "never seen" in result.stdout


def test_analyze_jsonl_keeps_order_and_contract(cli: Cli) -> None:
    lines = [
        {"id": "a", "title": "Tellaris CX ouvre un centre d'appels à Oujda", "text": "Le groupe Tellaris CX a inauguré lundi à Oujda un centre de relation client qui va créer 1.200 emplois d'ici 2027, pour un investissement de 150 millions de DH."},
        {"id": "b", "title": None, "text": "Les arrivées touristiques ont progressé de 14% à fin octobre selon l'Observatoire du tourisme."},
    ]
    result = cli(["analyze", "--jsonl"], stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    keys = {"id", "language", "relevant", "relevance", "announcement", "kinds", "jobs", "investment", "companies", "cities", "evidence"}
    assert all(keys <= set(o) for o in out)
    assert out[0]["announcement"] is True and out[0]["jobs"] == 1200
    assert out[0]["investment"] == {"amount": 150_000_000, "currency": "MAD"}
    assert out[1]["relevant"] is False and out[1]["announcement"] is False


def test_sources_list_json(cli: Cli, tmp_path: Path) -> None:
    with ReplicaWeb() as web:
        sources = web.write_sources(tmp_path / "s.toml")
    result = cli(["sources", "list", "--sources", str(sources), "--json"])
    assert result.returncode == 0
    names = [s["name"] for s in json.loads(result.stdout)["items"]]
    assert names == ["replica-wp", "replica-arc", "replica-custom"]


def test_an_invalid_sources_file_names_file_source_and_key(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "ok-one"\nhomepage = "https://a.ma/"\n\n[[source]]\nname = "broken"\nhomepage = "file:///etc/passwd"\n', encoding="utf-8")
    result = cli(["sources", "list", "--sources", str(bad)])
    assert result.returncode == 1
    assert str(bad) in result.stderr and "'broken'" in result.stderr and "homepage" in result.stderr


def test_demo_runs_the_whole_flow_offline(cli: Cli) -> None:
    result = cli(["demo"])
    assert result.returncode == 0, result.stderr
    assert "Tellaris CX" in result.stdout and "Nexora" in result.stdout  # the announcements
    assert "announcements (one per story)" in result.stdout
    assert "serving example site" in result.stderr


def test_explain_names_the_error_of_a_page_that_will_be_retried(cli: Cli, tmp_path: Path) -> None:
    with ReplicaWeb(sites=["custom"]) as web:
        sources = web.write_sources(tmp_path / "sources.toml")
        car = next(a for a in web.sites["custom"].articles() if a.expected.get("story") == "C")
        path = "/" + web.article_url(car).split("/", 3)[3]
        web.override("custom", path, status=503, body=b"maintenance")
        assert cli(["crawl", "--sources", str(sources)]).returncode == 0
        result = cli(["explain", web.article_url(car)])
    assert result.returncode == 0
    assert "HttpError" in result.stdout and "tried again on the next run" in result.stdout


def test_a_channel_that_is_not_configured_is_a_one_line_error(cli: Cli) -> None:
    result = cli(["alerts", "test", "--channel", "slack"])
    assert result.returncode == 1
    assert "not configured" in result.stderr and "Traceback" not in result.stderr
