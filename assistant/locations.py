"""Where journey keeps its data: the user data directory (platformdirs), unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.errors import JourneyError

APP_NAME = "journey"


def data_dir() -> Path:
    from platformdirs import user_data_path  # imported when needed: `JOURNEY_DB=… journey list` skips it

    return user_data_path(APP_NAME, appauthor=False)


def chosen_database(given: Path | None, given_by: str, *, starts: bool) -> tuple[Path, bool]:
    """The database a command works on, and whether it is still to be made.

    A path the user named (`given` from --db, else `JOURNEY_DB`) that holds no file is most likely a typo, and an
    empty new database there would look as though their interviews were gone: a command that reads or changes
    saved interviews refuses it, and one that `starts` an interview makes it only in a folder that exists (a
    missing folder is a typo too). The default file in the user data directory is made quietly on first use.
    Nothing is created here."""
    if given is None:
        override = os.environ.get("JOURNEY_DB")
        if not override:
            return data_dir() / "journey.db", False
        given, given_by = Path(override), "JOURNEY_DB"
    path = given.expanduser()
    if path.exists():
        return path, False
    shown = str(path.absolute())
    if not starts:
        raise JourneyError("store.missing", path=shown, given_by=given_by)
    if not path.parent.is_dir():
        raise JourneyError("store.missing_folder", path=shown, folder=str(path.parent.absolute()), given_by=given_by)
    return path, True


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
