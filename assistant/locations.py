"""Where journey keeps its data: the user data directory (platformdirs), unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "journey"


def data_dir() -> Path:
    from platformdirs import user_data_path  # imported when needed: `JOURNEY_DB=… journey list` skips it

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """`JOURNEY_DB` when set, else journey.db in the user data directory."""
    override = os.environ.get("JOURNEY_DB")
    return Path(override).expanduser() if override else data_dir() / "journey.db"


def user_banks_dir() -> Path:
    """Question banks the user adds themselves, next to the bundled ones."""
    return data_dir() / "banks"


def documents_dir() -> Path:
    """The user's Documents folder (platformdirs: the XDG documents folder on Linux), or their home folder when
    there is none."""
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


def settings_path() -> Path:
    """The app's preferences (the theme), in the user config directory: settings are not data to back up."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"
