"""Dev tool: rewrite the initial migration from the models (before the first release only).

Run from the repository root: python -m devkit.regenerate_migrations --yes
"""

import argparse
import tempfile
from pathlib import Path

from alembic import command

from storage.db import alembic_config, make_engine

VERSIONS = Path(__file__).resolve().parents[1] / "storage" / "migrations" / "versions"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--yes", action="store_true", help="really delete and rewrite 0001")
    if not parser.parse_args().yes:
        parser.error("this deletes versions/0001_initial.py and writes it anew: pass --yes")
    for old in VERSIONS.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/empty.db"
        engine = make_engine(url)
        config = alembic_config(url)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
    for new in VERSIONS.glob("0001_*.py"):
        new.rename(VERSIONS / "0001_initial.py")


if __name__ == "__main__":
    main()
