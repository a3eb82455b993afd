"""Issue 18, findings 6, 7 and 8: every configuration and input error is one line on stderr,
naming the variable, file, line or key and what is expected; exit 1 for errors, 2 for usage.

The CLI process is the point here (exit codes, no traceback), so most tests run it for real.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

from crawler.sources import load_sources
from newswatch.cli import app
from newswatch.errors import ConfigError
from newswatch.settings import bundled_catalogue, load_settings

# Written for these tests, in the style of a French business brief (invented firm and figures).
FRENCH = ("Le groupe Orvalis Contact a inauguré à Fès un centre d'appels qui créera 640 emplois "
          "d'ici la fin de l'année, pour un investissement de 85 millions de dirhams. Les équipes "
          "seront formées dès l'été à la relation client en français et en espagnol.")


def run(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newswatch", *args], env=env, input=stdin, capture_output=True,
        text=True, timeout=240,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    clean.update({
        "NEWSWATCH_DATA_DIR": str(tmp_path / "data"),
        "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "COLUMNS": "40",  # a narrow terminal: error lines must still be one line each
    })
    return clean


def assert_one_error_line(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# -- finding 6: tracebacks instead of one line --------------------------------------------------

@pytest.mark.parametrize("url", ["garbage", "mysql://reader:hunter2@db.example/news"])
def test_an_unusable_database_url_is_one_line_saying_what_is_supported(env: dict[str, str], url: str) -> None:
    env["NEWSWATCH_DATABASE_URL"] = url
    line = assert_one_error_line(run(["status"], env))
    assert line.startswith("error: NEWSWATCH_DATABASE_URL: ")
    assert "sqlite:///" in line and "postgresql+psycopg://" in line
    assert "hunter2" not in line  # the password of a refused URL is never echoed


def test_a_config_file_with_a_toml_error_names_file_line_and_problem(env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "newswatch.toml"
    config.write_text('smtp_host = "mail.example"\nsmtp_port = \n', encoding="utf-8")
    env["NEWSWATCH_CONFIG"] = str(config)
    line = assert_one_error_line(run(["status"], env))
    assert line == f"error: {config}: line 2, column 13: not valid TOML: invalid value"


@pytest.mark.parametrize("kind", ["missing", "directory", "binary"])
def test_analyze_refuses_an_unreadable_file_in_one_line(env: dict[str, str], tmp_path: Path, kind: str) -> None:
    target = {"missing": tmp_path / "absent.txt", "directory": tmp_path, "binary": tmp_path / "logo.png"}[kind]
    if kind == "binary":
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    line = assert_one_error_line(run(["analyze", str(target)], env))
    assert line.startswith(f"error: {target}: ")
    assert {"missing": "no such file", "directory": "is a directory", "binary": "binary"}[kind] in line


def test_analyze_jsonl_on_a_missing_file_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    line = assert_one_error_line(run(["analyze", "--jsonl", str(tmp_path / "absent.jsonl")], env))
    assert line == f"error: {tmp_path / 'absent.jsonl'}: no such file"


def test_a_database_folder_that_cannot_be_made_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    env.pop("NEWSWATCH_DATABASE_URL")
    env["NEWSWATCH_DATA_DIR"] = str(tmp_path / "a-file" / "data")
    line = assert_one_error_line(run(["db", "upgrade"], env))
    assert "cannot create the database folder" in line and "NEWSWATCH_DATA_DIR" in line


def test_a_sources_path_that_is_a_folder_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    line = assert_one_error_line(run(["sources", "list", "--sources", str(tmp_path)], env))
    assert line == f"error: {tmp_path}: is a directory, expected a sources TOML file"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_analyze_decodes_french_in_the_encodings_newsrooms_save(env: dict[str, str], tmp_path: Path, encoding: str) -> None:
    article = tmp_path / f"brief-{encoding}.txt"
    article.write_bytes(("Orvalis Contact ouvre un centre d'appels à Fès\n" + FRENCH).encode(encoding))
    result = run(["analyze", str(article)], env)
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["cities"] == ["Fès"] and verdict["jobs"] == 640
    assert any("Fès" in sentence for sentence in verdict["evidence"])  # accents decoded, not mangled


# -- finding 7: silent misconfiguration ---------------------------------------------------------

def test_a_missing_config_file_is_an_error(env: dict[str, str], tmp_path: Path) -> None:
    env["NEWSWATCH_CONFIG"] = str(tmp_path / "newswach.toml")  # mistyped
    line = assert_one_error_line(run(["status"], env))
    assert line == f"error: NEWSWATCH_CONFIG: no such file {str(tmp_path / 'newswach.toml')!r}"


@pytest.mark.parametrize("command", [["status"], ["articles", "list"], ["alerts", "list"], ["explain", "12"]])
def test_a_read_only_command_never_creates_a_database(env: dict[str, str], tmp_path: Path, command: list[str]) -> None:
    mistyped = tmp_path / "newswatch-prod.db"
    env["NEWSWATCH_DATABASE_URL"] = f"sqlite:///{mistyped}"
    line = assert_one_error_line(run(command, env))
    assert "does not exist" in line and "newswatch db upgrade" in line
    assert not mistyped.exists()


@pytest.mark.parametrize(("args", "valid"), [
    (["alerts", "list", "--status", "bogus"], ["pending", "sent", "suppressed", "dead"]),
    (["alerts", "list", "--channel", "sms"], ["email", "slack"]),
    (["articles", "list", "--source", "nope"], ["hespress-fr", "le360-fr"]),
    (["alerts", "test", "--channel", "sms"], ["email", "slack"]),
])
def test_a_value_that_cannot_match_is_a_usage_error_listing_the_valid_ones(
    env: dict[str, str], args: list[str], valid: list[str]
) -> None:
    assert run(["db", "upgrade"], env).returncode == 0
    result = run(args, env)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert all(value in result.stderr for value in valid), result.stderr


def test_a_source_without_a_discovery_rung_is_rejected_on_load(env: dict[str, str], tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "sans-rung"\nhomepage = "https://eco.example.ma/"\n', encoding="utf-8")
    line = assert_one_error_line(run(["sources", "list", "--sources", str(sources)], env))
    assert line.startswith(f"error: {sources}: source 'sans-rung': no discovery rung")
    assert all(key in line for key in ("sitemaps", "feeds", "wp_api", "sections"))


def _help_texts() -> list[str]:
    def walk(group):  # noqa: ANN001, ANN202
        for command in group.commands.values():
            yield from walk(command) if hasattr(command, "commands") else [command.help or ""]

    return list(walk(get_command(app)))


def test_every_help_example_names_sources_of_the_bundled_catalogue() -> None:
    names = {source.name for source in load_sources(bundled_catalogue())}
    mentioned = [name for text in _help_texts()
                 for name in re.findall(r"(?:--source|-s|sources check)\s+([a-z0-9][a-z0-9-]*)", text)]
    assert mentioned, "no help example names a source: the test would prove nothing"
    assert [name for name in mentioned if name not in names] == []


# -- finding 8: messages that say what to fix ---------------------------------------------------

@pytest.mark.parametrize(("variable", "value", "message"), [
    ("NEWSWATCH_ALERT_WINDOW", "x",
     "NEWSWATCH_ALERT_WINDOW: expected an ISO 8601 duration such as P7D or PT30M, got 'x'"),
    ("NEWSWATCH_CRAWL__DOWNLOAD_DELAY", "fast", "NEWSWATCH_CRAWL__DOWNLOAD_DELAY: expected a number, got 'fast'"),
    ("NEWSWATCH_SMTP_SECURITY", "tls",
     "NEWSWATCH_SMTP_SECURITY: expected one of 'none', 'starttls' or 'ssl', got 'tls'"),
    ("NEWSWATCH_SMTP_PORT", "smtp", "NEWSWATCH_SMTP_PORT: expected a whole number, got 'smtp'"),
    ("NEWSWATCH_ALERT_MAX_ATTEMPTS", "0",
     "NEWSWATCH_ALERT_MAX_ATTEMPTS: expected a number greater than or equal to 1, got '0'"),
])
def test_a_bad_variable_is_named_with_the_expected_format(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value) == message


def test_a_bad_value_in_the_config_file_names_file_and_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "newswatch.toml"
    config.write_text('[crawl]\ndownload_delay = "fast"\n', encoding="utf-8")
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(config))
    with pytest.raises(ConfigError, match=re.escape(f"{config}: key crawl.download_delay: expected a number")):
        load_settings()


def test_the_variable_error_reaches_the_terminal_as_one_line(env: dict[str, str]) -> None:
    env["NEWSWATCH_ALERT_WINDOW"] = "one week"
    line = assert_one_error_line(run(["status"], env))
    assert line == ("error: NEWSWATCH_ALERT_WINDOW: expected an ISO 8601 duration such as P7D or PT30M, "
                    "got 'one week'")


def test_square_brackets_in_a_message_are_shown_as_typed(env: dict[str, str], tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[source]\nname = "single-bracket"\n', encoding="utf-8")  # [source], not [[source]]
    line = assert_one_error_line(run(["sources", "list", "--sources", str(sources)], env))
    assert "[[source]]" in line


def test_tables_are_plain_lines_in_a_pipe(env: dict[str, str]) -> None:
    result = run(["sources", "list"], env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not set("│┃┏━┡─") & set(result.stdout)  # no box drawing
    assert lines[1].split("\t") == ["name", "language", "every", "enabled", "rungs", "homepage"]
    medias24 = next(line.split("\t") for line in lines if line.startswith("medias24\t"))
    assert medias24[-1] == "https://medias24.com/"  # whole, although COLUMNS=40
