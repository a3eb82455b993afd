"""Migrations: an empty database, and a database at every earlier revision, reach head.

The revisions are read from `storage/migrations/versions`, so each new migration is
covered by these tests as soon as it is added.
"""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from newswatch.cli import app
from storage.db import alembic_config, current_revision, head_revision, make_engine, upgrade


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_the_revision_list_has_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert revisions()[-1] == head_revision()


def test_db_upgrade_migrates_an_empty_database(database_url: str, tmp_path) -> None:  # noqa: ANN001
    result = CliRunner().invoke(
        app, ["db", "upgrade"],
        env={"NEWSWATCH_DATABASE_URL": database_url, "NEWSWATCH_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 0, result.output
    assert head_revision() in result.stdout
    assert current_revision(make_engine(database_url)) == head_revision()


@pytest.mark.parametrize("revision", revisions())
def test_a_database_at_each_revision_upgrades_to_head(database_url: str, revision: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine, revision)
    assert current_revision(engine) == revision
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    upgrade(engine)  # at head, upgrading again is a no-op
    assert current_revision(engine) == head_revision()
    engine.dispose()
