"""Authority branding: the logo and colour an officer sets for the authority's report cover.

One row per authority, in a table of its own so the logo's bytes are read only for a cover,
never with every page that loads the authority. The logo is stored as the PNG the app
re-encoded from the upload (so its media type is always PNG), with its size in pixels.

Revision ID: 0010_authority_branding
Revises: 0009_risk_answer_alerts
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_authority_branding"
down_revision = "0009_risk_answer_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "authority_branding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("local_authority_id", sa.Integer(), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("logo_width", sa.Integer(), nullable=True),
        sa.Column("logo_height", sa.Integer(), nullable=True),
        sa.Column("colour", sa.String(length=7), nullable=True),
        sa.ForeignKeyConstraint(
            ["local_authority_id"],
            ["local_authority.id"],
            name=op.f("fk_authority_branding_local_authority_id_local_authority"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_branding")),
        sa.UniqueConstraint(
            "local_authority_id", name=op.f("uq_authority_branding_local_authority_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("authority_branding")
