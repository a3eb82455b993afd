"""article.headline_only: articles known from an aggregator's headline, page never read

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 23:05:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Existing rows were all read from their pages: false, set by the server default.
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('headline_only', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('article') as batch:
        batch.drop_column('headline_only')
