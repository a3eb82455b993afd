"""docker-compose.yml: valid against the Compose Specification, and wired as documented:
one machine (profile "single", the default through .env) or scale-out (profile "scale":
Redis, one scheduler, N workers), never both on one database.

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
    for name in ("migrate", "daemon", "scheduler", "worker"):
        assert document["services"][name]["env_file"] == ".env"
    assert {"pgdata", "newswatch-data", "redis-data"} <= set(document["volumes"])
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for variable in ("POSTGRES_PASSWORD", "NEWSWATCH_SMTP_HOST", "NEWSWATCH_EMAIL_TO",
                     "NEWSWATCH_SLACK_WEBHOOK_URL", "NEWSWATCH_ADMIN_EMAIL_TO"):
        assert f"{variable}=" in example
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_image_runs_the_daemon() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert 'CMD ["newswatch", "daemon"]' in dockerfile
    assert "USER newswatch" in dockerfile


def test_the_image_copies_every_package_the_wheel_ships() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    missing = [p for p in packages if f"COPY {p} ./{p}" not in dockerfile]
    assert missing == [], f"pip install . in the image needs these packages: {missing}"


def _active(profiles: set[str]) -> set[str]:
    """The services `docker compose up` starts with these profiles enabled."""
    services = compose()["services"]
    return {name for name, service in services.items()
            if not service.get("profiles") or profiles & set(service["profiles"])}


def _default_profiles() -> set[str]:
    """COMPOSE_PROFILES as .env.example sets it (compose reads it from .env)."""
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.startswith("COMPOSE_PROFILES="):
            return {p.strip() for p in line.split("=", 1)[1].split(",") if p.strip()}
    return set()


def test_one_machine_by_default_scale_out_by_profile_never_both() -> None:
    assert _active(_default_profiles()) >= {"db", "migrate", "daemon", "web"}
    assert not _active(_default_profiles()) & {"redis", "scheduler", "worker"}
    scale = _active({"scale"})  # `--profile scale` replaces COMPOSE_PROFILES
    assert scale >= {"db", "migrate", "web", "redis", "scheduler", "worker"}
    assert "daemon" not in scale
    for profiles in ({"single"}, {"scale"}, {"mail"}, set(), _default_profiles(),
                     {"scale", "mail"}, {"single", "mail"}):
        assert not {"daemon", "scheduler"} <= _active(profiles), profiles
    header = COMPOSE.read_text(encoding="utf-8").split("\nname:", 1)[0]
    assert "docker compose --profile scale up -d --scale worker=4" in header
    assert "same lock" in header


def test_redis_keeps_the_queue_across_a_restart_and_is_health_checked() -> None:
    document = compose()
    redis = document["services"]["redis"]
    assert str(redis["image"]).split(":")[1].startswith("7")
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command
    assert any(volume.endswith(":/data") and volume.split(":")[0] in document["volumes"]
               for volume in redis["volumes"])
    assert "ping" in redis["healthcheck"]["test"] and "redis-cli" in redis["healthcheck"]["test"]
    assert "ports" not in redis  # the scheduler and workers reach it on the compose network


def _scale_out_wiring(service: dict[str, Any]) -> None:
    environment = service["environment"]
    assert environment["NEWSWATCH_REDIS_URL"] == "redis://redis:6379/0"
    assert environment["NEWSWATCH_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert environment["NEWSWATCH_DATABASE_URL"].endswith("@db:5432/newswatch")
    depends = service["depends_on"]
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["db"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert service["restart"] == "unless-stopped" and service["init"] is True
    assert service["profiles"] == ["scale"]


def test_the_scheduler_queues_runs_and_the_workers_take_them() -> None:
    services = compose()["services"]
    scheduler, worker = services["scheduler"], services["worker"]
    assert scheduler["command"] == ["newswatch", "daemon", "--role", "scheduler"]
    assert worker["command"] == ["newswatch", "worker"]
    for service in (scheduler, worker):
        _scale_out_wiring(service)
        assert "/healthz" in " ".join(service["healthcheck"]["test"])
    port = worker["environment"]["NEWSWATCH_WORKER__METRICS_PORT"]
    assert f"127.0.0.1:{port}/healthz" in " ".join(worker["healthcheck"]["test"])
    assert worker["environment"]["NEWSWATCH_WORKER__METRICS_HOST"] == "0.0.0.0"


def _host_ports(service: dict[str, Any]) -> list[str]:
    """The fixed host ports a service publishes ("127.0.0.1:9108:9108" -> "9108")."""
    fixed = []
    for entry in service.get("ports", []):
        if isinstance(entry, dict):
            if entry.get("published"):
                fixed.append(str(entry["published"]))
            continue
        parts = str(entry).split(":")
        if len(parts) >= 2 and parts[-2]:
            fixed.append(parts[-2])
    return fixed


def test_workers_scale_without_a_name_or_host_port_clash() -> None:
    services = compose()["services"]
    worker = services["worker"]
    assert "container_name" not in worker
    assert _host_ports(worker) == []  # --scale worker=4 cannot fight over a host port
    assert "deploy" not in worker or "replicas" not in worker["deploy"]
    for profiles in ({"scale"}, _default_profiles()):
        published = [port for name in _active(profiles) for port in _host_ports(services[name])]
        assert len(published) == len(set(published)), (profiles, published)
