"""Read a YAML list of records strictly, so that no broken file passes silently or crashes.

PyYAML's ``safe_load`` keeps the last of two duplicate keys without a word, expands aliases
(a few lines can unfold into gigabytes), raises ``RecursionError`` on deep nesting, and returns
None for an empty file. Here each of those is a :class:`YamlError` with the line it is on.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.constructor import ConstructorError

MAX_BYTES = 5_000_000
# Records are flat mappings with a few lists; nothing real nests deeper than this.
MAX_DEPTH = 20


class YamlError(ValueError):
    """What is wrong with a YAML file as a whole (the caller adds the file name)."""


class _StrictLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise YamlError(f"line {mark.line + 1}: anchors and aliases (*name) are not allowed in data files")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlError(f"line {mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            try:
                key = self.construct_object(key_node, deep=True)
                hash(key)
            except (TypeError, ConstructorError):
                raise YamlError(f"line {key_node.start_mark.line + 1}: a key must be plain text") from None
            if key in seen:
                raise YamlError(
                    f"line {key_node.start_mark.line + 1}: duplicate key {key!r} (first at line {seen[key]})"
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


def read_records(path: Path, allow_empty: bool = False) -> list:
    """The list of records in ``path``; :class:`YamlError` (or ``OSError``) says why not.

    An empty file, or one holding an empty list, is an error unless ``allow_empty``: every
    curated data file must hold records, while an export may have no new events or places.
    """
    if path.stat().st_size > MAX_BYTES:
        raise YamlError(f"file is larger than {MAX_BYTES:,} bytes")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise YamlError(f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise YamlError(f"not valid YAML{at}: {getattr(e, 'problem', e)}") from None
    except RecursionError:  # a sibling of deep nesting the depth check did not see (flow style)
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep") from None
    if raw is None or raw == []:
        if allow_empty:
            return []
        raise YamlError("the file holds no records (it is empty)")
    if not isinstance(raw, list):
        raise YamlError(f"expected a list of records, got {type(raw).__name__}")
    return raw
