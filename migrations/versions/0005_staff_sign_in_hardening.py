"""Staff sign-in hardening: a second factor, recovery codes and per-client lockout.

The account-wide failure count and lock on ``staff_user`` give way to ``staff_sign_in_failure``
rows per account and client, so an outsider cannot lock a member of staff out.

Revision ID: 0005_staff_sign_in_hardening
Revises: 0004_reports
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_staff_sign_in_hardening"
down_revision = "0004_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_enrolled_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")

    op.create_table(
        "staff_recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=200), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_user_id"],
            ["staff_user.id"],
            name=op.f("fk_staff_recovery_code_staff_user_id_staff_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_recovery_code")),
    )
    with op.batch_alter_table("staff_recovery_code", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_recovery_code_staff_user_id"), ["staff_user_id"], unique=False
        )

    op.create_table(
        "staff_sign_in_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=False),
        sa.Column("client_key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_user_id"],
            ["staff_user.id"],
            name=op.f("fk_staff_sign_in_failure_staff_user_id_staff_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_sign_in_failure")),
        sa.UniqueConstraint(
            "staff_user_id", "client_key", name=op.f("uq_staff_sign_in_failure_staff_user_id")
        ),
    )
    with op.batch_alter_table("staff_sign_in_failure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_sign_in_failure_last_failed_at"), ["last_failed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staff_sign_in_failure_staff_user_id"), ["staff_user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("staff_sign_in_failure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sign_in_failure_staff_user_id"))
        batch_op.drop_index(batch_op.f("ix_staff_sign_in_failure_last_failed_at"))
    op.drop_table("staff_sign_in_failure")
    with op.batch_alter_table("staff_recovery_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_recovery_code_staff_user_id"))
    op.drop_table("staff_recovery_code")
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.drop_column("totp_last_step")
        batch_op.drop_column("totp_enrolled_at")
        batch_op.drop_column("totp_secret")
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.alter_column("failed_logins", server_default=None)
