"""Staff tools: audit log, moderation decisions and what staff tools need.

Revision ID: 0003_staff_tools
Revises: 0002_respondent_journey
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_staff_tools"
down_revision = "0002_respondent_journey"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_token", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("invite_token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("invite_expires_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_staff_user_invite_token_hash"), ["invite_token_hash"]
        )
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.alter_column("session_token", server_default=None)

    with op.batch_alter_table("local_authority", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("minimum_response_rate", sa.Integer(), nullable=False, server_default="30")
        )
    with op.batch_alter_table("local_authority", schema=None) as batch_op:
        batch_op.alter_column("minimum_response_rate", server_default=None)

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_email", sa.String(length=320), nullable=False),
        sa.Column("local_authority_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["staff_user.id"],
            name=op.f("fk_audit_event_actor_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["local_authority_id"],
            ["local_authority.id"],
            name=op.f("fk_audit_event_local_authority_id_local_authority"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_local_authority_id"), ["local_authority_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_event_occurred_at"), ["occurred_at"], unique=False
        )

    op.create_table(
        "moderation_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("is_redacted", sa.Boolean(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answer.id"],
            name=op.f("fk_moderation_decision_answer_id_answer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["staff_user.id"],
            name=op.f("fk_moderation_decision_decided_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_moderation_decision_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_decision")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_moderation_decision_answer_id")),
    )
    with op.batch_alter_table("moderation_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_decision_round_id"), ["round_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("moderation_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderation_decision_round_id"))
    op.drop_table("moderation_decision")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_audit_event_local_authority_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_actor_id"))
    op.drop_table("audit_event")
    with op.batch_alter_table("local_authority", schema=None) as batch_op:
        batch_op.drop_column("minimum_response_rate")
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_staff_user_invite_token_hash"), type_="unique")
        batch_op.drop_column("last_login_at")
        batch_op.drop_column("invite_expires_at")
        batch_op.drop_column("invite_token_hash")
        batch_op.drop_column("session_token")
