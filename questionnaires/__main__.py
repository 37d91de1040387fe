"""``python -m questionnaires validate|list|show|diff|new-version|publish``."""

from questionnaires.cli import questionnaires_cli

questionnaires_cli(prog_name="python -m questionnaires")
