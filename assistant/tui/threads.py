"""Handing a worker thread's result back to the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from textual.dom import DOMNode

P = ParamSpec("P")


def hand_back(node: DOMNode, callback: Callable[P, object], *args: P.args, **kwargs: P.kwargs) -> None:
    """Run `callback` on the app's loop, from a worker thread of `node`, and wait for it to finish.

    A thread worker cannot be cancelled: it finishes its map or its drawing after the user closed the screen or
    quit the app. Its result then has nowhere to land (the screen's widgets are gone), so it is dropped, both
    when the node has already left the app and when it leaves while the call waits for its turn on the loop.
    """
    if not node.is_attached:
        return

    def if_still_there() -> None:
        if node.is_attached:
            callback(*args, **kwargs)

    node.app.call_from_thread(if_still_there)
