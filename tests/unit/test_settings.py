"""The app's remembered preferences: the export folder used last, else the Documents folder, else home."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.locations import documents_dir
from assistant.settings import export_folder, load_settings, remember_export_folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


def test_documents_when_there_is_such_a_folder_else_home(home: Path) -> None:
    assert documents_dir() == home
    (home / "Documents").mkdir()
    assert documents_dir() == home / "Documents"


def test_the_last_folder_is_remembered_while_it_exists(home: Path, tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.json"
    assert export_folder(settings) == home
    assert export_folder(None) == home
    maps = tmp_path / "maps"
    maps.mkdir()
    assert remember_export_folder(settings, maps)
    assert export_folder(settings) == maps
    assert load_settings(settings) == {"export_folder": str(maps)}
    maps.rmdir()
    assert export_folder(settings) == home
