"""What every screen of the app shares: the app typed as `JourneyApp`, and its chrome in the app's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

from assistant.i18n import t

if TYPE_CHECKING:
    from assistant.tui.app import JourneyApp


class JourneyScreen(DOMNode):
    """A mixin for screens and dialogs, listed after Textual's screen class: Textual takes a class's CSS from its
    first base."""

    @property
    def journey(self) -> JourneyApp:
        return cast("JourneyApp", self.app)

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.journey.locale, **params)
