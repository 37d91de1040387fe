"""Respondent journey: resume codes, safeguarding flags and what the journey needs.

``answer.is_flagged`` marks free text that matched a safeguarding phrase, so moderators can find
it. Resume codes reuse ``response.resume_code_hash`` from 0001, so no other column is needed.

Revision ID: 0002_respondent_journey
Revises: 0001_core_tables
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_respondent_journey"
down_revision = "0001_core_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_flagged", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_column("is_flagged")
