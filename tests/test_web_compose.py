"""The docker-compose `web` service: the dashboard behind a token, published on the loopback."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]


def test_the_web_service_serves_the_dashboard_behind_a_token_on_the_hosts_loopback() -> None:
    web = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["web"]
    assert web["command"][:2] == ["newswatch", "serve"]
    host = web["command"][web["command"].index("--host") + 1]
    assert host == "0.0.0.0"  # so newswatch serve demands NEWSWATCH_WEB__TOKEN
    assert all(port.startswith("127.0.0.1:") for port in web["ports"])
    assert web["env_file"] == ".env"
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "NEWSWATCH_WEB__TOKEN=" in (ROOT / ".env.example").read_text(encoding="utf-8")
