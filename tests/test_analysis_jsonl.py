"""The --jsonl contract and the public API surface."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from analysis import Analysis, Investment, analyze, is_relevant_fast
from analysis.jsonl import analyze_document, run_jsonl

CONTRACT = ["id", "language", "relevant", "relevance", "announcement", "kinds", "jobs", "investment",
            "companies", "cities", "evidence"]
ANNOUNCEMENT = ("Le groupe Webhelp a inauguré un nouveau centre d'appels à Fès. Ce site va créer "
                "800 emplois pour un investissement de 40 millions de dirhams.")


def _run(lines: list[str]) -> tuple[list[dict], int]:
    out = io.StringIO()
    errors = run_jsonl(lines, out)
    return [json.loads(line) for line in out.getvalue().splitlines()], errors


def test_one_output_per_line_in_order_with_contract_fields() -> None:
    lines = [json.dumps({"id": "a", "title": "Webhelp ouvre à Fès", "text": ANNOUNCEMENT}),
             json.dumps({"id": 2, "title": None, "text": "Le Raja a gagné hier soir.", "language": "fr"})]
    rows, errors = _run(lines)
    assert errors == 0 and [r["id"] for r in rows] == ["a", 2]
    assert all(list(r)[: len(CONTRACT)] == CONTRACT for r in rows)
    first = rows[0]
    assert first["announcement"] is True and first["jobs"] == 800
    assert first["investment"] == {"amount": 40000000, "currency": "MAD"}
    assert first["cities"] == ["Fès"] and first["companies"] == ["Webhelp"]
    assert rows[1]["relevant"] is False and rows[1]["investment"] is None


def test_malformed_lines_yield_errors_and_never_stop_the_stream() -> None:
    lines = ["{not json", json.dumps({"id": "x"}), json.dumps(["list"]),
             json.dumps({"id": "y", "text": ANNOUNCEMENT, "published": "yesterday"}), "",
             json.dumps({"id": "z", "text": ANNOUNCEMENT})]
    rows, errors = _run(lines)
    assert errors == 5 and len(rows) == 6  # the blank line is answered too
    assert "error" in rows[0] and "id" not in rows[0]
    assert rows[1]["id"] == "x" and "error" in rows[1]
    assert rows[3]["id"] == "y" and "error" in rows[3]
    assert rows[4] == {"line": 5, "error": "blank line"}
    assert rows[5]["id"] == "z" and rows[5]["announcement"] is True


def test_analyze_document_takes_a_short_first_line_as_title() -> None:
    result = analyze_document("Webhelp ouvre un site à Fès\n" + ANNOUNCEMENT)
    assert result["announcement"] is True and result["jobs"] == 800


def test_public_types() -> None:
    result = analyze(title=None, text=ANNOUNCEMENT)
    assert isinstance(result, Analysis) and isinstance(result.investment, Investment)
    assert result.to_dict()["kinds"] == result.kinds and "reasons" in result.to_dict()
    assert 0.0 <= is_relevant_fast("Le Raja gagne", "Le club a gagné le derby.") < 0.5
    assert is_relevant_fast("Centres d'appels", ANNOUNCEMENT) >= 0.5


def test_import_is_cheap_and_side_effect_free() -> None:
    code = ("import sys, analysis; "
            "assert 'analysis.pipeline' not in sys.modules; "
            "from analysis import analyze; "
            "from analysis import resources; "
            "assert resources.data_file.cache_info().currsize == 0; "
            "assert resources.load_lexicon.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_custom_lexicon_defines_another_topic(tmp_path) -> None:
    lexicon = tmp_path / "ev.toml"
    lexicon.write_text('[topic]\nname = "ev"\n[topic.strong]\nterms = ["batteries", "gigafactory"]\n', "utf-8")
    text = "Le chinois Gotion va créer 17.000 emplois dans une gigafactory de batteries à Kénitra."
    assert is_relevant_fast("Gigafactory à Kénitra", text, lexicon=lexicon) >= 0.5
    assert is_relevant_fast("Gigafactory à Kénitra", text) < 0.5
