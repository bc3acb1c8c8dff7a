"""Small banks for tests, written the way an author writes them (YAML), so the loader runs on them too."""

from __future__ import annotations

import textwrap

from assistant.bank.loader import load_bank_text
from assistant.bank.model import Bank


def bank_from_yaml(steps_yaml: str, *, extra: str = "") -> Bank:
    """A valid bank header around the given `steps:` body (indented YAML list of steps)."""
    header = textwrap.dedent(
        """
        id: test-bank
        version: "1"
        default_locale: vi
        locales: [vi, en]
        title: {vi: Thử, en: Test}
        description: {vi: Ngân hàng thử, en: A test bank}
        vague_answers: {vi: [không biết], en: [idk]}
        """
    )
    return load_bank_text(
        header + textwrap.dedent(extra) + "steps:\n" + textwrap.indent(textwrap.dedent(steps_yaml), "  "), "test.yaml"
    )


def step(step_id: str, items_yaml: str) -> str:
    return (
        f"- id: {step_id}\n  title: {{vi: Bước {step_id}, en: Step {step_id}}}\n"
        f"  intro: {{vi: Giới thiệu {step_id}, en: Intro {step_id}}}\n  items:\n"
        + textwrap.indent(textwrap.dedent(items_yaml), "    ")
    )
