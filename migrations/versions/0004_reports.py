"""Reports: "you said, we will" actions per round and age group.

Revision ID: 0004_reports
Revises: 0003_staff_tools
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_reports"
down_revision = "0003_staff_tools"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "you_said_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("age_band", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=True),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_you_said_action_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["written_by_id"],
            ["staff_user.id"],
            name=op.f("fk_you_said_action_written_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_you_said_action")),
        sa.UniqueConstraint(
            "round_id", "age_band", "position", name=op.f("uq_you_said_action_round_id")
        ),
    )
    with op.batch_alter_table("you_said_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_you_said_action_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("you_said_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_you_said_action_round_id"))
    op.drop_table("you_said_action")
