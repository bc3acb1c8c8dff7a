"""The app's remembered preferences: a small JSON file read at start and rewritten atomically on change."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.errors import JourneyError

EXPORT_FOLDER = "export_folder"


def load_settings(path: Path) -> dict[str, str]:
    """The saved preferences; a missing or damaged file means defaults, never an error at start-up."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, str)}


def save_setting(path: Path, name: str, value: str) -> bool:
    """Remember one preference; False when the config directory cannot be written (the app keeps running)."""
    settings = load_settings(path)
    if settings.get(name) == value:
        return True
    settings[name] = value
    from assistant.files import write_atomically  # only a change of theme writes; reading needs none of it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(settings, ensure_ascii=False, indent=2, sort_keys=True) + "\n", force=True)
    except (OSError, JourneyError):
        return False
    return True


def export_folder(path: Path | None) -> Path:
    """Where the export dialog suggests saving: the folder used last, while it still exists; the first time, the
    user's Documents folder, or their home folder when there is none."""
    from assistant.locations import documents_dir

    remembered = load_settings(path).get(EXPORT_FOLDER) if path is not None else None
    if remembered:
        folder = Path(remembered)
        if folder.is_absolute() and folder.is_dir():
            return folder
    return documents_dir()


def remember_export_folder(path: Path, folder: Path) -> bool:
    return save_setting(path, EXPORT_FOLDER, str(folder))
