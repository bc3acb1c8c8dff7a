"""Running the real `journey` command, isolated from the user's own data directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.portable import import_file
from assistant.store import Store

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


class Seeds:
    """Databases a test starts from, made once per worker and copied for each test. What a test checks runs as the
    real `journey` process on its copy; the starting point is made in process by the store's own import (the
    import command itself is tested as a process on its own), which saves several process starts per test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[tuple[str, ...], tuple[Path, list[str]]] = {}

    def copy(self, target: Path, *files: Path) -> list[str]:
        """A database at `target` holding one interview imported from each of `files`, in turn; their ids in the
        same order."""
        key = tuple(file.read_text(encoding="utf-8") for file in files)
        if key not in self.made:
            path = self.folder / f"seed-{len(self.made)}.db"
            with Store.open(path) as store:
                ids = [import_file(store, file).id for file in files]
            self.made[key] = (path, ids)
        path, ids = self.made[key]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)  # closed, so the whole database is in the one file
        return list(ids)


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    return Seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture
def default_database(tmp_path: Path) -> Path:
    """Where `run_journey`'s commands find the database when no `--db` is given."""
    return tmp_path / "data" / "journey" / "journey.db"
