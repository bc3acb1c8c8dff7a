"""A bank as a readable outline: steps, questions, their types and when they are asked."""

from __future__ import annotations

from assistant.bank.model import Bank, Item, LocalizedText, localize
from assistant.i18n import t


def outline(bank: Bank, locale: str) -> str:
    def text(value: LocalizedText | None) -> str:
        return localize(value, locale, bank.default_locale)

    lines = [f"{text(bank.title)} ({bank.id} {bank.version})", text(bank.description), ""]

    def describe(item: Item, depth: int) -> None:
        notes = [item.type.value]
        if item.required:
            notes.append(t("outline.required", locale))
        if item.repeat_for:
            notes.append(t("outline.repeat_for", locale, source=item.repeat_for))
        if item.repeat:
            notes.append(t("outline.repeat", locale))
        if item.enable_when:
            joiner = " & " if item.enable_behavior == "all" else " | "
            conditions = joiner.join(
                f"{c.item} {c.op.value}" + (f" {c.value}" if c.value is not None else "") for c in item.enable_when
            )
            notes.append(t("outline.when", locale, conditions=conditions))
        lines.append(f"{'  ' * depth}- {item.id} [{', '.join(notes)}]: {text(item.text)}")
        for child in item.items:
            describe(child, depth + 1)

    for number, step in enumerate(bank.steps, start=1):
        lines.append(t("outline.step", locale, number=number, title=text(step.title)))
        for item in step.items:
            describe(item, 1)
        lines.append("")
    if bank.presets:
        lines.append(t("outline.presets", locale))
        for preset in bank.presets:
            stages = ", ".join(text(stage.label) for stage in preset.stages)
            lines.append(f"  - {preset.code}: {text(preset.label)} — {stages}")
    return "\n".join(lines).rstrip() + "\n"
