"""Issue 18, finding 9: `analyze --jsonl` answers every input line with exactly one output line
that says which line it answers, locates errors correctly, flags cut texts and exits 3 when
any line failed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from analysis.jsonl import run_jsonl
from analysis.pipeline import MAX_CHARS

# Invented for these tests (firm, city and figures are not from any article).
BRIEF = ("Le prestataire Valdoria Services a ouvert à Tétouan un centre de relation client qui "
         "emploiera 320 personnes d'ici juin.")


def _answers(lines: list[str | bytes]) -> tuple[list[dict], int]:
    out = io.StringIO()
    failed = run_jsonl(lines, out)
    return [json.loads(line) for line in out.getvalue().splitlines()], failed


def test_every_line_blank_or_broken_gets_one_answer_with_its_number() -> None:
    lines = [json.dumps({"id": "a", "text": BRIEF}) + "\n", "\n", "   \n", "{oops\n",
             json.dumps({"id": "b", "text": BRIEF}) + "\n"]
    answers, failed = _answers(lines)
    assert [a["line"] for a in answers] == [1, 2, 3, 4, 5]
    assert [a.get("id") for a in answers] == ["a", None, None, None, "b"]
    assert answers[1] == {"line": 2, "error": "blank line"} and answers[2]["error"] == "blank line"
    assert failed == 3


def test_a_broken_line_keeps_its_id_and_the_right_column() -> None:
    cut = '{"id": "k-17", "text": "Valdoria recrute à Tétouan"'  # the writer died mid-object
    stray = '{"id": 42, "text": "Tétouan" ]}'
    answers, _ = _answers([cut + "\n", stray + "\n"])
    assert answers[0] == {"line": 1, "id": "k-17",
                          "error": f"invalid JSON at column {len(cut) + 1}: Expecting ',' delimiter"}
    assert answers[1]["id"] == 42
    assert answers[1]["error"].startswith(f"invalid JSON at column {stray.index(']') + 1}:")


def test_bytes_that_are_not_utf8_are_one_error_and_the_stream_goes_on() -> None:
    latin1 = json.dumps({"id": "l1", "text": BRIEF}, ensure_ascii=False).encode("latin-1")
    answers, failed = _answers([latin1 + b"\n", json.dumps({"id": "ok", "text": BRIEF}).encode() + b"\n"])
    assert answers[0]["line"] == 1 and answers[0]["error"].startswith("not UTF-8: byte 0x")
    assert answers[1]["id"] == "ok" and answers[1]["line"] == 2 and failed == 1


def test_a_text_cut_at_the_analysis_limit_is_flagged() -> None:
    long_text = BRIEF + " " + "Le marché reste calme." * (MAX_CHARS // 20)
    answers, failed = _answers([json.dumps({"id": "long", "text": long_text}), json.dumps({"id": "short", "text": BRIEF})])
    assert failed == 0 and len(long_text) > MAX_CHARS
    assert answers[0]["truncated"] is True and answers[1]["truncated"] is False


def _cli(stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    return subprocess.run([sys.executable, "-m", "newswatch", "analyze", "--jsonl"], input=stdin,
                          capture_output=True, text=True, timeout=240, env=env)


def test_the_command_exits_3_when_a_line_failed_and_0_when_none_did() -> None:
    good = json.dumps({"id": "g", "text": BRIEF}) + "\n"
    failed = _cli(good + "\n" + good)
    assert failed.returncode == 3, failed.stderr
    assert [json.loads(line)["line"] for line in failed.stdout.splitlines()] == [1, 2, 3]
    assert "Traceback" not in failed.stderr
    clean = _cli(good + good)
    assert clean.returncode == 0, clean.stderr
    assert len(clean.stdout.splitlines()) == 2
