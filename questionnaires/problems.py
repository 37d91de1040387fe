"""Problems found in questionnaire files, and the error that refuses to load them.

Every problem carries the file and (where known) the line, so authors can jump straight to it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, printed as ``file:line: message``."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class QuestionnaireError(Exception):
    """Raised when questionnaire files cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        listing = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in questionnaire files:\n{listing}")
