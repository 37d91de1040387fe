"""Staff tools: audit log, moderation decisions and what staff tools need.

Revision ID: 0003_staff_tools
Revises: 0002_respondent_journey
"""

revision = "0003_staff_tools"
down_revision = "0002_respondent_journey"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
