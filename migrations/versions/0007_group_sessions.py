"""Group sessions: a time-boxed window with higher per-address rate limits for one round.

Revision ID: 0007_group_sessions
Revises: 0006_safeguarding_alerts
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_group_sessions"
down_revision = "0006_safeguarding_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["opened_by_id"],
            ["staff_user.id"],
            name=op.f("fk_group_session_opened_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_group_session_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_session")),
    )
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_session_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_session_round_id"))
    op.drop_table("group_session")
