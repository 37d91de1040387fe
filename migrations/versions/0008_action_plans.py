"""Action plans: "you said, we will" actions gain an indicator, owner, due date, status,
Welsh text and "what we did".

Actions written before this revision keep their English text, are marked English-only, have no
indicator (a general action) and are planned.

Revision ID: 0008_action_plans
Revises: 0007_group_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_action_plans"
down_revision = "0007_group_sessions"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    "indicator_id",
    "text_cy",
    "english_only",
    "owner",
    "due_on",
    "status",
    "done_text",
    "done_text_cy",
)


def upgrade() -> None:
    with op.batch_alter_table("you_said_action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("indicator_id", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("text_cy", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("english_only", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("owner", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), server_default="planned", nullable=False)
        )
        batch_op.add_column(sa.Column("done_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("done_text_cy", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_you_said_action_status"), "status IN ('planned', 'in_progress', 'done')"
        )
    # Free-text actions written before plans were English only.
    op.execute(sa.text("UPDATE you_said_action SET english_only = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("you_said_action", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_you_said_action_status"), type_="check")
        for name in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
