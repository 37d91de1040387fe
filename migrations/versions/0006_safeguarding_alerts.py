"""Safeguarding alerts: each authority's contacts and outcomes, alerts, and their email outbox.

A flagged free-text answer raises an alert; its emails (the alert and, if nobody handles it in
time, one escalation) wait in ``safeguarding_email`` until a sender delivers them.

Revision ID: 0006_safeguarding_alerts
Revises: 0005_staff_sign_in_hardening
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_safeguarding_alerts"
down_revision = "0005_staff_sign_in_hardening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safeguarding_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("local_authority_id", sa.Integer(), nullable=False),
        sa.Column("contacts", sa.Text(), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=False),
        sa.Column("escalation_hours", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["local_authority_id"],
            ["local_authority.id"],
            name=op.f("fk_safeguarding_settings_local_authority_id_local_authority"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_settings")),
        sa.UniqueConstraint(
            "local_authority_id", name=op.f("uq_safeguarding_settings_local_authority_id")
        ),
    )
    op.create_table(
        "safeguarding_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.Column("batch_label", sa.String(length=100), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.Column("handled_by_email", sa.String(length=320), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answer.id"],
            name=op.f("fk_safeguarding_alert_answer_id_answer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["handled_by_id"],
            ["staff_user.id"],
            name=op.f("fk_safeguarding_alert_handled_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_safeguarding_alert_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_alert")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_safeguarding_alert_answer_id")),
    )
    with op.batch_alter_table("safeguarding_alert", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safeguarding_alert_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "safeguarding_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=32), nullable=True),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("message_id", sa.String(length=250), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["safeguarding_alert.id"],
            name=op.f("fk_safeguarding_email_alert_id_safeguarding_alert"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_email")),
        sa.UniqueConstraint("alert_id", "kind", name=op.f("uq_safeguarding_email_alert_id")),
    )
    with op.batch_alter_table("safeguarding_email", schema=None) as batch_op:
        batch_op.create_index(
            "ix_safeguarding_email_status_not_before", ["status", "not_before"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("safeguarding_email", schema=None) as batch_op:
        batch_op.drop_index("ix_safeguarding_email_status_not_before")

    op.drop_table("safeguarding_email")
    with op.batch_alter_table("safeguarding_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_alert_round_id"))

    op.drop_table("safeguarding_alert")
    op.drop_table("safeguarding_settings")
