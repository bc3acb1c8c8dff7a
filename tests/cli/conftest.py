"""Running the real `journey` command, isolated from the user's own data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

JOURNEY = Path(sys.executable).with_name("journey")

RunJourney = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def journey_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOURNEY_", "LC_", "LANG")) and key not in ("LINES", "COLUMNS")  # xdist sets them
    }
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), LANG="en_US.UTF-8", PYTHONIOENCODING="utf-8")
    return env


@pytest.fixture
def run_journey(journey_env: dict[str, str], tmp_path: Path) -> RunJourney:
    def run(
        *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(JOURNEY), *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**journey_env, **(env or {})},
            cwd=tmp_path,
            timeout=60,
        )

    return run
