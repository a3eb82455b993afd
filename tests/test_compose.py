"""docker-compose.yml: valid against the Compose Specification, and wired as documented.

Docker cannot run here; the schema is the one check-jsonschema ships (no network).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"


def compose() -> dict[str, Any]:
    return YAML(typ="safe").load(COMPOSE.read_text(encoding="utf-8"))


def test_compose_file_is_valid_against_the_compose_spec() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
         str(COMPOSE)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_postgres_is_checked_over_tcp_and_the_daemon_waits_for_the_migration() -> None:
    services = compose()["services"]
    db = services["db"]
    assert db["image"].startswith("postgres:16")
    check = " ".join(db["healthcheck"]["test"])
    assert "pg_isready" in check and "-h 127.0.0.1" in check
    assert services["migrate"]["command"] == ["newswatch", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    daemon = services["daemon"]
    assert daemon["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert daemon["restart"] == "unless-stopped"
    assert "/healthz" in " ".join(daemon["healthcheck"]["test"])


def test_secrets_come_from_an_env_file_and_data_from_named_volumes() -> None:
    document = compose()
    for name in ("migrate", "daemon"):
        assert document["services"][name]["env_file"] == ".env"
    assert {"pgdata", "newswatch-data"} <= set(document["volumes"])
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for variable in ("POSTGRES_PASSWORD", "NEWSWATCH_SMTP_HOST", "NEWSWATCH_EMAIL_TO",
                     "NEWSWATCH_SLACK_WEBHOOK_URL", "NEWSWATCH_ADMIN_EMAIL_TO"):
        assert f"{variable}=" in example
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_image_runs_the_daemon() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert 'CMD ["newswatch", "daemon"]' in dockerfile
    assert "USER newswatch" in dockerfile
