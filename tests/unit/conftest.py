"""Fixtures the unit tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.store import Store
from tests.survey import fixed_clock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real database file whose clock stands still, so stored times and batch signatures repeat."""
    with Store.open(tmp_path / "journey.db", clock=fixed_clock) as opened:
        yield opened
