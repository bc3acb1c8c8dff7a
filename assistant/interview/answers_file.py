"""Answers files: an interview's answers prepared ahead (YAML or JSON) and fed through the engine's validation.

```yaml
bank: customer-journey
locale: en
preset: general
title: Lotus Coffee
answers:
  business_name: Lotus Coffee
  objective: revenue            # an option code, number or label
  stages: [Awareness, Purchase]
  stage:                        # a repeating group: one object per instance, in order
    - stage_goal: Find a quiet place
      touchpoints: [Google Maps, Fanpage]
      touchpoint:
        - {tp_channel: search, tp_emotion: 4}
  persona:                      # a plain group may nest its items, or they may sit at the top level
    persona_name: Lan
  sample_size: null             # null skips a question
  journey_obstacles:            # a text or list answer may say which kind of obstacle each part is
    entries: [Slow replies at night, Deposit by bank transfer only]
    kinds: {Deposit by bank transfer only: complexity}
```

Answers are matched to the interview in interview order: the n-th object of a repeating group fills its n-th
instance (the n-th list entry, the n-th selected option, the n-th added block), and the walk starts again while an
answer switches on an earlier question (a quick interview asks a touchpoint's actions once its emotion is low). The
first answer the engine refuses, or one that names no question or a question that does not apply, stops the whole
file.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from assistant.bank.index import BankIndex
from assistant.bank.model import Bank, ItemType
from assistant.errors import JourneyError
from assistant.interview.engine import Interview
from assistant.interview.models import Question

_MAX_MOVES = 1_000_000


def fill_interview(
    bank: Bank, answers: dict[str, Any], locale: str, preset: str | None, kinds: Collection[str] = ()
) -> Interview:
    """The interview the file's answers make; `kinds` are the obstacle kinds a file may give its answers (the
    owner's own reading of their obstacles, which wins over journey's)."""
    index = BankIndex.build(bank)
    tree = _normalised(answers, index, "answers")
    interview = Interview.start(bank, locale, preset)
    used: set[str] = set()
    # A later answer can switch on an earlier question (a touchpoint's actions, asked because its emotion is low):
    # another pass in interview order fills what the last one switched on, until one fills nothing.
    while _fill_pass(interview, tree, used, kinds):
        pass
    unused = next((leaf for leaf in _leaves(tree, "answers", index) if leaf not in used), None)
    if unused is not None:
        raise JourneyError("answers_file.not_asked", path=unused)
    return interview


def _fill_pass(interview: Interview, tree: dict[str, Any], used: set[str], kinds: Collection[str]) -> bool:
    """One walk through the open questions in interview order; whether it answered any."""
    filled = False
    after: str | None = None
    for _ in range(_MAX_MOVES):
        question = interview.next_open(after)
        if question is None:
            break
        node, path = _instance_node(tree, interview, question)
        if question.kind == "more":
            wanted = len(node.get(question.item_id, [])) if node is not None else 0
            existing = len(interview.state.repeats.get(question.ref, []))
            outcome = interview.answer("yes" if wanted > existing else "no", ref=question.ref)
            _check(outcome.ok, outcome.message, f"{path}.{question.item_id}")
            filled = True
            if wanted <= existing:
                after = question.ref
            continue
        after = question.ref
        if node is None or question.item_id not in node:
            continue
        where = f"{path}.{question.item_id}"
        used.add(where)
        value = node[question.item_id]
        corrections: dict[str, str] = {}
        if isinstance(value, dict) and question.type in _KIND_TYPES:
            value, corrections = _with_kinds(value, where, kinds)
        if value is None:
            outcome = interview.skip(ref=question.ref)
        else:
            outcome = interview.answer(_raw(value, question), ref=question.ref)
        _check(outcome.ok, outcome.message, where)
        filled = True
        for clause, kind in corrections.items():
            interview.set_kind(question.ref, clause, kind)
    return filled


_KIND_TYPES = frozenset({ItemType.TEXT, ItemType.LONG_TEXT, ItemType.LIST})


def _with_kinds(value: dict[str, Any], where: str, known: Collection[str]) -> tuple[Any, dict[str, str]]:
    """`{text: …}` or `{entries: […]}` with `kinds: {part: kind}`: the answer, and the kinds the owner gave."""
    if set(value) - {"text", "entries", "kinds"}:
        raise JourneyError("answers_file.kinds_shape", path=where)
    given = value.get("kinds") or {}
    if not isinstance(given, dict):
        raise JourneyError("answers_file.kinds_shape", path=where)
    for clause, kind in given.items():
        if not isinstance(clause, str) or kind not in known:
            raise JourneyError("answers_file.unknown_kind", path=where, kind=kind, known=", ".join(known))
    return value.get("text", value.get("entries")), {str(clause): str(kind) for clause, kind in given.items()}


def _check(ok: bool, message: str | None, path: str) -> None:
    if not ok:
        raise JourneyError("answers_file.invalid", path=path, message=message or "")


def _raw(value: Any, question: Question) -> str | list[str]:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return [str(entry) for entry in value]
    if isinstance(value, dict) and question.type is ItemType.OPEN_CHOICE:
        return str(value.get("code") or value.get("other") or "")
    if isinstance(value, int | float | str):
        return str(value)
    return repr(value)


def _normalised(node: Any, index: BankIndex, path: str) -> dict[str, Any]:
    """The file's answers with plain (non-repeating) groups flattened into their parent; unknown ids refused."""
    if not isinstance(node, dict):
        raise JourneyError("answers_file.not_mapping", path=path)
    flat: dict[str, Any] = {}
    for key, value in node.items():
        where = f"{path}.{key}"
        placement = index.placements.get(str(key))
        if placement is None:
            raise JourneyError("answers_file.unknown_item", path=where, id=key)
        item = placement.item
        if item.type is ItemType.GROUP and not (item.repeat or item.repeat_for):
            flat.update(_normalised(value, index, where))
        elif item.type is ItemType.GROUP:
            if not isinstance(value, list):
                raise JourneyError("answers_file.not_list", path=where)
            flat[key] = [_normalised(entry, index, f"{where}[{n}]") for n, entry in enumerate(value)]
        else:
            flat[key] = value
    return flat


def _instance_node(tree: dict[str, Any], interview: Interview, question: Question) -> tuple[dict[str, Any] | None, str]:
    """The object of the file that holds this question's answer, and its path; None when the file has none."""
    node: dict[str, Any] = tree
    path = "answers"
    for group_id, number in interview.instance_path(question.ref):
        instances = node.get(group_id)
        if not isinstance(instances, list) or not 0 <= number < len(instances):
            return None, path
        node = instances[number]
        path = f"{path}.{group_id}[{number}]"
    return node, path


def _leaves(node: dict[str, Any], path: str, index: BankIndex) -> list[str]:
    leaves: list[str] = []
    for key, value in node.items():
        where = f"{path}.{key}"
        if index.item(key).type is ItemType.GROUP:
            for number, entry in enumerate(value):
                leaves.extend(_leaves(entry, f"{where}[{number}]", index))
        else:
            leaves.append(where)
    return leaves
