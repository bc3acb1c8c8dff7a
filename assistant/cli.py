"""The `journey` command. Commands import what they need when they run, so `journey --version` stays instant."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from click.core import ParameterSource

from assistant import __version__
from assistant.errors import JourneyError
from assistant.i18n import detect_locale, parse_locale, t
from assistant.launch import interrupted, report_internal_error
from assistant.terminal import echo, echo_data, for_terminal

if TYPE_CHECKING:
    from assistant.store import Store
    from assistant.tui.app import StartAt

LOCALE = detect_locale()


def _help(key: str) -> str:
    return t(key, LOCALE)


class JourneyGroup(click.Group):
    """Turns every error a user can cause into a sentence in their language and a non-zero exit."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        from assistant.logs import log_to_file

        log_to_file()
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.NoArgsIsHelpError as bare:
            echo(bare.format_message())
            sys.exit(0)
        except click.Abort:
            interrupted(LOCALE)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code, usage=isinstance(error, click.UsageError))
        except JourneyError as error:
            _fail(error.message(_locale()), error.exit_code, located=error.located)
        except KeyboardInterrupt:
            interrupted(LOCALE)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            report_internal_error(error, _locale())
            sys.exit(70)


def _fail(message: str, code: int, *, usage: bool = False, located: bool = False) -> NoReturn:
    from assistant.launch import fail

    fail(message, code, _locale(), usage=usage, located=located)


# Kept outside click's context: errors are reported after click has already popped it.
_chosen_locale: dict[str, str] = {}


def _locale() -> str:
    return _chosen_locale.get("locale", LOCALE)


def _set_locale(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    locale = parse_locale(value)
    if locale is None:
        raise click.BadParameter(t("bank.unknown_locale", LOCALE, locale=value, known="vi, en"))
    _chosen_locale["locale"] = locale
    return locale


_chosen_db: dict[str, Path] = {}
_db_given_by: dict[str, str] = {}
LIST_LIMIT = 100


def _set_db(context: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:
        _chosen_db["path"] = value
        from_environment = (
            param.name is not None and context.get_parameter_source(param.name) is ParameterSource.ENVIRONMENT
        )
        _db_given_by["by"] = "JOURNEY_DB" if from_environment else "--db"
    return value


def _given_by() -> str:
    return _db_given_by.get("by", "--db")


@click.group(
    cls=JourneyGroup,
    help=_help("cli.help.root"),
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", "-V", prog_name="journey", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    metavar="vi|en",
    callback=_set_locale,
    expose_value=False,
    is_eager=True,
    help=_help("cli.help.lang"),
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    callback=_set_db,
    expose_value=False,
    is_eager=True,
    envvar="JOURNEY_DB",
    help=_help("cli.help.db"),
)
@click.pass_context
def main(context: click.Context) -> None:
    if context.invoked_subcommand is None:
        _run_app("home")


def _run_app(start: StartAt, interview_id: str | None = None) -> None:
    from assistant.launch import run_app

    run_app(start, interview_id, db=_chosen_db.get("path"), given_by=_given_by(), locale=_locale())


@main.command(name="new", help=_help("cli.help.new"))
def new() -> None:
    _run_app("new")


@main.command(name="resume", help=_help("cli.help.resume"))
@click.argument("interview_id", required=False)
def resume(interview_id: str | None) -> None:
    _run_app("resume", interview_id)


@main.group(name="banks", invoke_without_command=True, help=_help("cli.help.banks"))
@click.pass_context
def banks(context: click.Context) -> None:
    if context.invoked_subcommand is not None:
        return
    from assistant.bank.loader import bank_files, load_bank_file
    from assistant.bank.model import localize
    from assistant.bank.problems import BankError

    locale = _locale()
    rows = [t("cli.banks.header", locale).split("\t")]
    broken: list[str] = []
    for file in bank_files():
        try:
            loaded = load_bank_file(file)
        except BankError as error:
            broken.append(error.message(locale))
            continue
        bank = loaded.bank
        rows.append([bank.id, bank.version, ", ".join(bank.locales), localize(bank.title, locale, bank.default_locale)])
    _print_table(rows)
    for problem in broken:
        echo(problem, err=True)
    if broken:
        sys.exit(1)


@banks.command(name="check", help=_help("cli.help.banks_check"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def banks_check(file: Path) -> None:
    from assistant.bank.index import ANSWERABLE_TYPES, walk
    from assistant.bank.loader import load_bank_file
    from assistant.bank.model import localize

    locale = _locale()
    bank = load_bank_file(file).bank
    questions = sum(1 for placement in walk(bank) if placement.item.type in ANSWERABLE_TYPES)
    title = localize(bank.title, locale, bank.default_locale)
    echo(t("bank.ok", locale, file=file, title=title, version=bank.version, steps=len(bank.steps), items=questions))


@banks.command(name="show", help=_help("cli.help.banks_show"))
@click.argument("bank_id")
@click.option("--json", "as_json", is_flag=True, help=_help("cli.help.json"))
def banks_show(bank_id: str, as_json: bool) -> None:
    from assistant.bank.loader import find_bank

    loaded = find_bank(bank_id)
    if as_json:
        import json

        echo_data(json.dumps(loaded.bank.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from assistant.bank.outline import outline

    echo(outline(loaded.bank, _locale()))


@banks.command(name="schema", help=_help("cli.help.banks_schema"))
def banks_schema() -> None:
    from assistant.bank.model import Bank

    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    import json

    echo_data(json.dumps(schema, ensure_ascii=False, indent=2))


# ----- interviews --------------------------------------------------------------------------------------


def _open_store(*, writable: bool = True, starts: bool = False) -> Store:
    """The database; a command that only reads opens it so, and works on a file it may not write. Only a command
    that `starts` an interview makes a database the user named and that is not there yet (and says where)."""
    from assistant.launch import announce_new_database
    from assistant.locations import chosen_database
    from assistant.store import Store

    path, new = chosen_database(_chosen_db.get("path"), _given_by(), starts=starts)
    store = Store.open(path, writable=writable)
    if new:
        announce_new_database(path, _locale())
    return store


@main.command(name="list", help=_help("cli.help.list"))
@click.option("--json", "as_json", is_flag=True, help=_help("cli.help.json"))
@click.option("--status", type=click.Choice(["in_progress", "completed"]), help=_help("cli.help.status"))
@click.option("--search", metavar="TEXT", help=_help("cli.help.search"))
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help=_help("cli.help.limit"))
@click.option("--all", "show_all", is_flag=True, help=_help("cli.help.all"))
def list_interviews(as_json: bool, status: str | None, search: str | None, limit: int | None, show_all: bool) -> None:
    locale = _locale()
    # A terminal shows the newest screenfuls; scripts asking for JSON get everything unless they set a limit.
    shown = None if show_all or (as_json and limit is None) else (limit or LIST_LIMIT)
    with _open_store(writable=False) as store:
        rows = store.listing(status=status, search=search, limit=None if shown is None else shown + 1)
        total = store.count(status=status, search=search) if shown is not None and len(rows) > shown else len(rows)
    rows = rows[:shown]
    if as_json:
        fields = (
            "id",
            "title",
            "bank",
            "preset",
            "locale",
            "done",
            "total",
            "status",
            "created",
            "updated",
            "completed",
        )
        items = [dict(zip(fields, row[: len(fields)], strict=True)) for row in rows]
        import json

        echo_data(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not rows:
        echo(t("cli.list.empty", locale))
        return
    from assistant.interviews import percent_done

    statuses = {name: t(f"cli.status.{name}", locale) for name in ("in_progress", "completed")}
    table = [t("cli.list.header", locale).split("\t")]
    table.extend(
        [
            row.id,
            row.title,
            row.preset or "-",
            row.locale,
            f"{row.done}/{row.total} {percent_done(row.done, row.total)}%"
            + (t("cli.list.skipped", locale, count=row.skipped) if row.skipped else ""),
            statuses.get(row.status, row.status),
            row.updated_local,
        ]
        for row in rows
    )
    _print_table(table)
    if total > len(rows):
        echo(t("cli.list.more", locale, shown=len(rows), total=f"{total:,}"))


@main.command(name="chat", help=_help("cli.help.chat"))
@click.argument("interview_id", required=False)
@click.option("--locale", "interview_locale", metavar="vi|en", help=_help("cli.help.locale"))
@click.option("--preset", default="general", metavar="PRESET", help=_help("cli.help.preset"))
@click.option("--title", metavar="TITLE", help=_help("cli.help.title"))
@click.option("--bank", "bank_id", default="customer-journey", metavar="BANK", help=_help("cli.help.bank"))
def chat(
    interview_id: str | None,
    interview_locale: str | None,
    preset: str | None,
    title: str | None,
    bank_id: str,
) -> None:
    from assistant.chat import PlainChat
    from assistant.interviews import optional_title
    from assistant.session import Session

    chosen_title = optional_title(title)
    with _open_store(starts=interview_id is None) as store:
        if interview_id is not None:
            session = Session.resume(store, interview_id)
            if interview_locale is not None:
                session.set_locale(_interview_locale(interview_locale), f"--locale {interview_locale}")
        else:
            from assistant.bank.loader import find_bank

            bank = find_bank(bank_id).bank
            locale = _interview_locale(interview_locale) if interview_locale else _locale()
            session = Session.start(
                store, bank, locale if locale in bank.locales else bank.default_locale, preset, chosen_title
            )
        sys.exit(PlainChat(session).run(resumed=interview_id is not None))


def _interview_locale(value: str) -> str:
    locale = parse_locale(value)
    if locale is None:
        raise JourneyError("bank.unknown_locale", locale=value, known="vi, en")
    return locale


@main.command(name="rename", help=_help("cli.help.rename"))
@click.argument("interview_id")
@click.argument("title")
def rename(interview_id: str, title: str) -> None:
    from assistant import interviews

    cleaned = interviews.clean_title(title)  # before the database is opened: a refusal changes nothing
    with _open_store() as store:
        row = interviews.rename(store, interview_id, cleaned)
    echo(t("cli.renamed", _locale(), id=row.id, title=row.title))


@main.command(name="delete", help=_help("cli.help.delete"))
@click.argument("interview_id")
@click.option("--yes", "-y", "confirmed", is_flag=True, help=_help("cli.help.yes"))
def delete(interview_id: str, confirmed: bool) -> None:
    from assistant import interviews

    locale = _locale()
    with _open_store() as store:
        row = store.get(interview_id)
        if not confirmed:
            question = t("cli.confirm_delete", locale, id=row.id, title=row.title, done=row.done)
            if not sys.stdin.isatty():
                raise JourneyError("cli.delete_needs_yes", id=row.id)
            if not click.confirm(for_terminal(question), default=False):
                echo(t("cli.delete_cancelled", locale))
                sys.exit(1)
        interviews.delete(store, row.id)
    echo(t("cli.deleted", locale, id=row.id, title=row.title))


@main.command(name="duplicate", help=_help("cli.help.duplicate"))
@click.argument("interview_id")
@click.option("--title", metavar="TITLE", help=_help("cli.help.title"))
def duplicate(interview_id: str, title: str | None) -> None:
    from assistant import interviews

    locale = _locale()
    if title is not None:
        interviews.clean_title(title)
    with _open_store() as store:
        row = interviews.duplicate(store, interview_id, locale, title)
    echo(t("cli.duplicated", locale, id=row.id, title=row.title))


@main.command(name="export", help=_help("cli.help.export"))
@click.argument("interview_id", required=False)
@click.option("--format", "file_format", metavar="md|html|json", help=_help("cli.help.format"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_help("cli.help.output"))
@click.option("--locale", "map_locale", metavar="vi|en", help=_help("cli.help.map_locale"))
@click.option("--force", is_flag=True, help=_help("cli.help.force"))
@click.option("--schema", is_flag=True, help=_help("cli.help.export_schema"))
def export(
    interview_id: str | None,
    file_format: str | None,
    output: Path | None,
    map_locale: str | None,
    force: bool,
    schema: bool,
) -> None:
    from assistant.exports import export_text, format_for

    if schema:
        from assistant.portable import export_schema

        echo_data(export_schema(), nl=False)
        return
    if interview_id is None:
        raise JourneyError("cli.export_needs_id")
    chosen = format_for(output, file_format)
    locale = _interview_locale(map_locale) if map_locale is not None else None
    if output is not None and output.exists() and not force:
        raise JourneyError("file.exists", path=str(output))
    with _open_store(writable=False) as store:
        text = export_text(store, interview_id, chosen, locale)
    if output is None:
        echo_data(text, nl=False)
        return
    from assistant.files import write_atomically

    write_atomically(output, text, force=force)
    echo(t("cli.exported", _locale(), path=output), err=True)


@main.command(name="import", help=_help("cli.help.import"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--title", metavar="TITLE", help=_help("cli.help.title"))
def import_interview(file: Path, title: str | None) -> None:
    from assistant.portable import checked_import

    save = checked_import(file, title=title)
    with _open_store(starts=True) as store:
        row = save(store)
    echo(t("cli.imported", _locale(), id=row.id, title=row.title, done=row.done, total=row.total))


# ----- the customer survey ----------------------------------------------------------------------------


@main.command(name="survey", help=_help("survey.cli.help.survey"))
@click.argument("interview_id")
@click.option("--locale", "survey_locale", metavar="vi|en", help=_help("survey.cli.help.locale"))
@click.option("--format", "file_format", metavar="md|html|csv", help=_help("survey.cli.help.format"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_help("cli.help.output"))
@click.option("--force", is_flag=True, help=_help("cli.help.force"))
def survey(
    interview_id: str, survey_locale: str | None, file_format: str | None, output: Path | None, force: bool
) -> None:
    from assistant.survey.render import render_survey, survey_format_for
    from assistant.survey.service import interview_survey

    chosen = survey_format_for(output, file_format)
    locale = _interview_locale(survey_locale) if survey_locale is not None else None
    if output is not None and output.exists() and not force:
        raise JourneyError("file.exists", path=str(output))
    with _open_store() as store:
        text = render_survey(interview_survey(store, interview_id, locale), chosen)
    if output is None:
        click.echo(text, nl=False)
        return
    from assistant.files import write_atomically

    write_atomically(output, text, force=force)
    click.echo(t("cli.exported", _locale(), path=output), err=True)


@main.group(name="respondents", help=_help("survey.cli.help.respondents"))
def respondents() -> None:
    pass


@respondents.command(name="import", help=_help("survey.cli.help.import"))
@click.argument("interview_id")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), help=_help("survey.cli.help.mapping"))
@click.option("--strict", is_flag=True, help=_help("survey.cli.help.strict"))
@click.option("--keep-personal", is_flag=True, help=_help("survey.cli.help.keep_personal"))
def respondents_import(interview_id: str, file: Path, mapping: Path | None, strict: bool, keep_personal: bool) -> None:
    from assistant.survey.importer import ImportOptions, import_responses
    from assistant.survey.progress import TerminalProgress
    from assistant.survey.report import import_summary
    from assistant.survey.service import interview_survey

    locale = _locale()
    options = ImportOptions(strict=strict, keep_personal=keep_personal, mapping=mapping)
    progress = TerminalProgress(sys.stderr, locale)
    with _open_store() as store:
        row = store.get(interview_id)
        try:
            report = import_responses(store, row.id, file, interview_survey(store, row.id), options, progress)
        finally:
            progress.finish()
    click.echo("\n".join(import_summary(report, locale)))


@respondents.command(name="list", help=_help("survey.cli.help.list"))
@click.argument("interview_id")
@click.option("--json", "as_json", is_flag=True, help=_help("cli.help.json"))
def respondents_list(interview_id: str, as_json: bool) -> None:
    from assistant.survey.report import batches_table, respondents_total

    locale = _locale()
    with _open_store() as store:
        row = store.get(interview_id)
        batches = store.survey_batches(row.id)
    if as_json:
        import dataclasses
        import json

        click.echo(json.dumps([dataclasses.asdict(batch) for batch in batches], ensure_ascii=False, indent=2))
        return
    if not batches:
        click.echo(t("survey.list.none", locale, id=row.id))
        return
    _print_table(batches_table(batches, locale))
    click.echo(respondents_total(batches, locale))


@respondents.command(name="remove", help=_help("survey.cli.help.remove"))
@click.argument("interview_id")
@click.argument("batch", type=int)
@click.option("--yes", "-y", "confirmed", is_flag=True, help=_help("cli.help.yes"))
def respondents_remove(interview_id: str, batch: int, confirmed: bool) -> None:
    locale = _locale()
    with _open_store() as store:
        row = store.get(interview_id)
        found = next((b for b in store.survey_batches(row.id) if b.number == batch), None)
        if found is None:
            raise JourneyError("survey.no_batch", id=row.id, batch=batch)
        if not confirmed:
            if not sys.stdin.isatty():
                raise JourneyError("survey.remove_needs_yes", id=row.id, batch=batch)
            question = t("survey.confirm_remove", locale, batch=batch, file=found.file_name, count=found.respondents)
            if not click.confirm(question, default=False):
                click.echo(t("cli.delete_cancelled", locale))
                sys.exit(1)
        removed = store.remove_batch(row.id, batch)
    click.echo(t("survey.removed", locale, batch=removed.number, file=removed.file_name, count=removed.respondents))


@respondents.command(name="export", help=_help("survey.cli.help.export"))
@click.argument("interview_id")
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_help("cli.help.output"))
@click.option("--locale", "survey_locale", metavar="vi|en", help=_help("survey.cli.help.locale"))
@click.option("--force", is_flag=True, help=_help("cli.help.force"))
def respondents_export(interview_id: str, output: Path | None, survey_locale: str | None, force: bool) -> None:
    from assistant.survey.report import respondents_csv
    from assistant.survey.service import interview_survey

    locale = _interview_locale(survey_locale) if survey_locale is not None else None
    if output is not None and output.suffix.lower() != ".csv":
        raise JourneyError("cli.respondents_csv_only", path=str(output))
    if output is not None and output.exists() and not force:
        raise JourneyError("file.exists", path=str(output))
    with _open_store() as store:
        row = store.get(interview_id)
        people = store.respondents(row.id)
        if people is None:
            raise JourneyError("survey.list.none", id=row.id)
        survey = interview_survey(store, row.id, locale)
    text = respondents_csv(survey, people, survey.locale)
    if output is None:
        click.echo(text, nl=False)
        return
    from assistant.files import write_atomically

    write_atomically(output, text, force=force)
    click.echo(t("cli.exported", _locale(), path=output), err=True)


def _print_table(rows: list[list[str]]) -> None:
    """Columns padded to their widest cell, written in one go (a listing may have thousands of rows)."""
    widths = [max(map(len, column)) for column in zip(*rows, strict=True)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    echo("\n".join(lines))
