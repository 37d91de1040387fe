"""Strict YAML reading that remembers where every value came from.

PyYAML silently keeps the last of two duplicate keys (yaml/pyyaml#165), which would let a typo
hide a question. Here the document is composed into a node tree first, so duplicate keys become
problems and every value's line is known for ``file:line: message`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from questionnaires.problems import Problem

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class LocatedDocument:
    """Plain data from a YAML file plus the 1-based line of every value, keyed by its path."""

    file: str
    data: object
    lines: dict[JsonPath, int] = field(hash=False)

    def line(self, path: JsonPath) -> int | None:
        """The line of ``path``, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def problem(self, path: JsonPath, message: str) -> Problem:
        """A problem located at ``path``."""
        return Problem(self.file, self.line(path), message)


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, recording lines and problems."""

    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.lines: dict[JsonPath, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: JsonPath) -> object:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(self.loader.construct_object(key_node))
            if key in result:
                line = key_node.start_mark.line + 1
                self.problems.append(Problem(self.file, line, f"duplicate key {key!r}"))
                continue
            result[key] = self.build(value_node, (*path, key))
        return result


def parse_located(file: str, text: str) -> tuple[LocatedDocument | None, tuple[Problem, ...]]:
    """Parse ``text``; on malformed YAML return no document and one located problem."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, (Problem(file, line, f"malformed YAML: {error.problem or error}"),)
    finally:
        loader.dispose()
    if node is None:
        return None, (Problem(file, 1, "the file is empty"),)
    builder = _Builder(file, loader)
    document = LocatedDocument(file, builder.build(node, ()), builder.lines)
    return document, tuple(builder.problems)
