"""Reading bank files: YAML or JSON in, a validated `Bank` out, or a `BankError` naming every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from assistant.bank.checks import check_bank, check_raw_item_ids
from assistant.bank.model import Bank
from assistant.bank.problems import BankError, BankProblem
from assistant.bank.problems import Path as DocPath
from assistant.documents import DocumentError, parse_document, read_text
from assistant.errors import JourneyError
from assistant.locations import user_banks_dir

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BANK_SUFFIXES = (".yaml", ".yml", ".json")
_UNION_MEMBERS = frozenset({"bool", "int", "float", "str"})


@dataclass(frozen=True, slots=True)
class LoadedBank:
    bank: Bank
    source: Path


def bundled_banks_dir() -> Path:
    """Inside an installed wheel the banks sit in the package; in a checkout, at the repository's top."""
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "questionnaires"
    return packaged if packaged.is_dir() else package_dir.parent / "questionnaires"


def bank_files() -> list[Path]:
    files: list[Path] = []
    for folder in (bundled_banks_dir(), user_banks_dir()):
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix in BANK_SUFFIXES))
    return files


def load_bank_file(path: Path) -> LoadedBank:
    name = str(path)
    try:
        text = read_text(path)
    except DocumentError as error:
        raise BankError([_document_problem(error, name)]) from None
    bank = load_bank_text(text, name, as_json=path.suffix.lower() == ".json")
    return LoadedBank(bank=bank, source=path)


def load_bank_text(text: str, file: str, *, as_json: bool = False) -> Bank:
    try:
        data = parse_document(text, file, as_json=as_json).data
    except DocumentError as error:
        raise BankError([_document_problem(error, file)]) from None
    if not isinstance(data, dict):
        raise BankError([BankProblem(file=file, path=(), key="bank.not_mapping", line=1)])
    return validate_bank_data(data, file, text)


def _document_problem(error: DocumentError, file: str) -> BankProblem:
    return BankProblem(file=file, path=(), key=error.key, params=error.params, line=error.line)


def validate_bank_data(data: dict[str, Any], file: str, text: str | None = None) -> Bank:
    """Schema first, then the semantic checks; problems carry YAML lines when the text is known."""
    try:
        bank = Bank.model_validate(data)
    except ValidationError as error:
        unique: dict[tuple[DocPath, str], BankProblem] = {}
        for detail in error.errors():
            problem = _schema_problem(detail, file)
            unique.setdefault((problem.path, problem.key), problem)
        for problem in check_raw_item_ids(data, file):
            unique.setdefault((problem.path, problem.key), problem)
        raise BankError(_with_lines(list(unique.values()), text)) from None
    problems = check_bank(bank, file)
    if problems:
        raise BankError(_with_lines(problems, text))
    return bank


def _schema_problem(detail: ErrorDetails, file: str) -> BankProblem:
    # A union (a condition's value) reports once per member type; the member names are not document paths.
    loc: DocPath = tuple(part for part in detail["loc"] if part not in _UNION_MEMBERS)
    kind = detail["type"]
    if kind == "missing":
        return BankProblem(file=file, path=loc, key="bank.missing_field")
    if kind == "extra_forbidden":
        return BankProblem(file=file, path=loc, key="bank.unknown_field")
    if loc and loc[-1] == "[key]":
        return BankProblem(file=file, path=loc[:-1], key="bank.bad_locale", params={"value": loc[-2]})
    if len(loc) > 1 and loc[-1] == "value" and loc[-3] == "enable_when":
        return BankProblem(file=file, path=loc, key="bank.condition_value_type")
    if kind == "string_pattern_mismatch":
        return BankProblem(file=file, path=loc, key="bank.bad_identifier", params={"value": detail["input"]})
    if kind == "literal_error" and (loc[-1:] == ("default_locale",) or loc[-2:-1] == ("locales",)):
        return BankProblem(file=file, path=loc, key="bank.bad_locale", params={"value": detail["input"]})
    return BankProblem(file=file, path=loc, key="bank.bad_value", params={"detail": detail["msg"]})


def _with_lines(problems: list[BankProblem], text: str | None) -> list[BankProblem]:
    if text is None:
        return problems
    lines = _line_map(text)
    located = []
    for problem in problems:
        path = problem.path
        while path and path not in lines:
            path = path[:-1]
        located.append(problem.model_copy(update={"line": lines.get(path)}))
    return located


def _line_map(text: str) -> dict[DocPath, int]:
    """Each mapping key and sequence entry of the document, by path, with its 1-based line."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    lines: dict[DocPath, int] = {}

    def visit(node: yaml.Node, path: DocPath) -> None:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key_path = (*path, str(key_node.value))
                lines[key_path] = key_node.start_mark.line + 1
                visit(value_node, key_path)
        elif isinstance(node, yaml.SequenceNode):
            for position, child in enumerate(node.value):
                visit(child, (*path, position))

    if root is not None:
        visit(root, ())
    return lines


def find_bank(bank_id: str) -> LoadedBank:
    """The installed bank with this id; a BankError listing the known ids when there is none."""
    known: list[str] = []
    for file in bank_files():
        loaded = load_bank_file(file)
        if loaded.bank.id == bank_id:
            return loaded
        known.append(loaded.bank.id)
    raise JourneyError("bank.unknown_bank", id=bank_id, known=", ".join(known))
