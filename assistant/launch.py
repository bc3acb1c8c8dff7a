"""The `journey` executable. `journey` alone, the app on the saved interviews, is the command run most, and it
starts without importing the command-line parser (click costs a visible slice of the start-up a user waits
through); any argument hands over to `assistant.cli`. Both doors end the same way: an error a user can cause is
a sentence and a non-zero exit, anything else one sentence, exit 70 and the traceback in the log file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from assistant.errors import JourneyError
from assistant.i18n import t

if TYPE_CHECKING:
    from assistant.tui.app import StartAt


def main() -> None:
    if len(sys.argv) > 1:
        from assistant.cli import main as command

        command()
        return
    from assistant.i18n import detect_locale

    locale = detect_locale()
    guarded(lambda: run_app("home", None, db=None, given_by="JOURNEY_DB", locale=locale), locale)


def run_app(start: StartAt, interview_id: str | None, *, db: Path | None, given_by: str, locale: str) -> None:
    """The full-screen app, on a store opened (and checked) before the screen is taken over. Opening it starts
    interviews, so a database named but not there yet is made, except for `resume`, which needs saved ones."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise JourneyError("cli.needs_terminal")
    from assistant.locations import chosen_database, settings_path
    from assistant.store import Store
    from assistant.tui.app import JourneyApp

    path, new = chosen_database(db, given_by, starts=start != "resume")
    with Store.open(path) as store:
        if start == "resume":
            from assistant.interviews import to_resume

            interview_id = to_resume(store, interview_id).id
        app = JourneyApp(store, locale=locale, start=start, interview_id=interview_id, settings_path=settings_path())
        app.run()
    if new:  # said once the app hands the terminal back: anything written before it is drawn over
        announce_new_database(path, locale)
    if app.return_code:
        sys.exit(app.return_code)


def announce_new_database(path: Path, locale: str) -> None:
    from assistant.terminal import echo

    echo(t("store.created", locale, path=path.absolute()), err=True)


def guarded(run: Callable[[], None], locale: str) -> NoReturn:
    from assistant.logs import log_to_file

    log_to_file()
    try:
        run()
    except JourneyError as error:
        fail(error.message(locale), error.exit_code, locale, located=error.located)
    except KeyboardInterrupt:
        interrupted(locale)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # the last line of defence: a sentence, never a traceback
        report_internal_error(error, locale)
        sys.exit(70)
    sys.exit(0)


def fail(message: str, code: int, locale: str, *, usage: bool = False, located: bool = False) -> NoReturn:
    from assistant.terminal import echo

    echo(message if located else t("cli.error", locale, message=message), err=True)
    if usage:
        echo(t("cli.usage_hint", locale), err=True)
    sys.exit(code)


def interrupted(locale: str) -> NoReturn:
    from assistant.terminal import echo

    echo(t("cli.interrupted", locale), err=True)
    sys.exit(130)


def report_internal_error(error: Exception, locale: str) -> None:
    """A bug, not the user's doing: one sentence on the terminal, the traceback in the log for the report."""
    import logging

    from assistant.logs import log_path, log_to_file
    from assistant.terminal import echo

    log_to_file()
    logging.getLogger("journey.cli").error("internal error", exc_info=error)
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    echo(t("cli.internal_error", locale, kind=type(error).__name__, detail=detail, log=log_path()), err=True)
