"""What every screen of the app shares: the app typed as `JourneyApp`, and its chrome in the app's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

from assistant.i18n import t

if TYPE_CHECKING:
    from assistant.tui.app import JourneyApp


class JourneyScreen(DOMNode):
    """A mixin for screens and dialogs; listed before Textual's screen class in the bases."""

    @property
    def journey(self) -> JourneyApp:
        return cast("JourneyApp", self.app)

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.journey.locale, **params)
