"""Risk-answer alerts: an authority may choose to be alerted to closed answers that signal risk.

Revision ID: 0009_risk_answer_alerts
Revises: 0008_action_plans
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_risk_answer_alerts"
down_revision = "0008_action_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("safeguarding_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "alert_on_risk_answers", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("safeguarding_settings", schema=None) as batch_op:
        batch_op.drop_column("alert_on_risk_answers")
