"""A radio button whose state reads without colour: ● when chosen, ○ when not.

Textual draws every radio button with the same ● and tells the chosen one by colour alone, so with NO_COLOR, on a
monochrome terminal or to anyone who cannot tell the two colours apart, the choices look the same.
"""

from __future__ import annotations

from textual.widgets import RadioButton

CHOSEN, NOT_CHOSEN = "●", "○"


class ChoiceButton(RadioButton):
    def __init__(self, label: str, *, value: bool = False, name: str | None = None) -> None:
        super().__init__(label, value, name=name)
        self.BUTTON_INNER = CHOSEN if value else NOT_CHOSEN

    def watch_value(self) -> None:
        # `BUTTON_INNER` is the documented character drawn inside the button; each button keeps its own.
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        super().watch_value()
