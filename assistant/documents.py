"""Reading the files people hand journey: question banks, analysis rules, answers files and exports.

One reader for all of them, so each gets the same protections. `.json` files are read by the JSON parser (which
takes `"\\ud83d\\ude80"` surrogate-pair escapes that YAML refuses); anything else by PyYAML's safe loader (libyaml
when installed). Both refuse what would make a later step misbehave rather than fail: a key given twice (YAML
would keep the last silently, so which answer counts depends on the order), anchors and aliases (an alias bomb
expands a kilobyte into gigabytes; no bank or answers file needs them), text that is not a character (a lone
surrogate cannot be stored), NaN and infinities, nesting deeper than any document of ours, and files larger than
`MAX_BYTES`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import JourneyError
from assistant.i18n import t

MAX_BYTES = 20 * 1024 * 1024
"""The largest file read: an export of a very long interview is a few megabytes; a bank, a hundred kilobytes."""
MAX_DEPTH = 64

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class DocumentError(JourneyError):
    """A file that cannot be read as a document: `key` is the sentence (without the place), `path` and `line`
    say where, so a bank's problem list and a command's error each put the place their own way."""

    def __init__(self, key: str, *, path: str, line: int | None = None, **params: Any) -> None:
        self.path = path
        self.line = line
        super().__init__(key, **params)

    def reason(self, locale: str) -> str:
        return t(self.key, locale, **self.params)

    def message(self, locale: str) -> str:
        if self.line is None:
            return t("document.in_file", locale, path=self.path, message=self.reason(locale))
        return t("document.at_line", locale, path=self.path, line=self.line, message=self.reason(locale))


@dataclass(frozen=True, slots=True)
class Document:
    data: Any
    text: str
    """The decoded text, for tools that locate problems by line."""


def read_document(path: Path) -> Document:
    """The file at `path`, parsed by its suffix (`.json` as JSON, anything else as YAML)."""
    return parse_document(read_text(path), str(path), as_json=path.suffix.lower() == ".json")


def read_text(path: Path) -> str:
    where = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DocumentError("document.not_found", path=where) from None
    except IsADirectoryError:
        raise DocumentError("document.is_directory", path=where) from None
    except OSError as error:
        raise DocumentError("document.unreadable", path=where, reason=error.strerror or str(error)) from None
    if len(raw) > MAX_BYTES:
        raise DocumentError("document.too_large", path=where, limit=f"{MAX_BYTES // (1024 * 1024)} MB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DocumentError("document.not_utf8", path=where, line=line) from None


def parse_document(text: str, where: str, *, as_json: bool = False) -> Document:
    data = _parse_json(text, where) if as_json else _parse_yaml(text, where)
    _check_values(data, where)
    return Document(data=data, text=text)


# ----- JSON ----------------------------------------------------------------------------------------------------


def _parse_json(text: str, where: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in items:
            if key in mapping:
                raise DocumentError("document.duplicate_key", path=where, name=key)
            mapping[key] = value
        return mapping

    def constant(name: str) -> None:
        raise DocumentError("document.not_a_number", path=where, value=name)

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise DocumentError("document.syntax", path=where, line=error.lineno, reason=error.msg) from None
    except RecursionError:
        raise DocumentError("document.too_deep", path=where, depth=MAX_DEPTH) from None
    except ValueError as error:  # an integer of thousands of digits
        raise DocumentError("document.syntax", path=where, reason=str(error)) from None


# ----- YAML ----------------------------------------------------------------------------------------------------


def _parse_yaml(text: str, where: str) -> Any:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_nodes(root, where)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise DocumentError("document.syntax", path=where, line=line, reason=error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise DocumentError("document.syntax", path=where, reason=str(error)) from None
    except (ValueError, OverflowError) as error:  # a scalar the constructor cannot make (a 5,000-digit number)
        raise DocumentError("document.syntax", path=where, reason=str(error).splitlines()[0]) from None
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node, where: str) -> None:
    """Every node once, without recursion: a node met twice is an alias; a mapping's keys must be distinct."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise DocumentError("document.alias", path=where, line=node.start_mark.line + 1)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise DocumentError("document.too_deep", path=where, line=node.start_mark.line + 1, depth=MAX_DEPTH)
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = (key_node.tag, key_node.value)
                    if key in keys:
                        line = key_node.start_mark.line + 1
                        raise DocumentError("document.duplicate_key", path=where, line=line, name=key_node.value)
                    keys.add(key)
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


# ----- both ----------------------------------------------------------------------------------------------------


def _check_values(data: Any, where: str) -> None:
    """Strings that are text and numbers that are numbers, wherever they sit."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise DocumentError("document.too_deep", path=where, depth=MAX_DEPTH)
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise DocumentError("document.bad_character", path=where, text=_SURROGATE.sub("?", value)[:40])
        elif isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise DocumentError("document.not_a_number", path=where, value=str(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, depth + 1))
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
