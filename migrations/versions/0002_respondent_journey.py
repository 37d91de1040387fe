"""Respondent journey: resume codes, safeguarding flags and what the journey needs.

Revision ID: 0002_respondent_journey
Revises: 0001_core_tables
"""

revision = "0002_respondent_journey"
down_revision = "0001_core_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
