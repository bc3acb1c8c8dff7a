"""The `journey` command. Commands import what they need when they run, so `journey --version` stays instant."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from assistant import __version__
from assistant.errors import JourneyError
from assistant.i18n import detect_locale, parse_locale, t

LOCALE = detect_locale()


def _help(key: str) -> str:
    return t(key, LOCALE)


class JourneyGroup(click.Group):
    """Turns every error a user can cause into a sentence in their language and a non-zero exit."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.NoArgsIsHelpError as bare:
            click.echo(bare.format_message())
            sys.exit(0)
        except click.Abort:
            click.echo(t("cli.interrupted", LOCALE), err=True)
            sys.exit(130)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code, usage=isinstance(error, click.UsageError))
        except JourneyError as error:
            _fail(error.message(_locale()), error.exit_code, located=error.located)
        except KeyboardInterrupt:
            click.echo(t("cli.interrupted", LOCALE), err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)


def _fail(message: str, code: int, *, usage: bool = False, located: bool = False) -> NoReturn:
    locale = _locale()
    click.echo(message if located else t("cli.error", locale, message=message), err=True)
    if usage:
        click.echo(t("cli.usage_hint", locale), err=True)
    sys.exit(code)


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


@click.group(cls=JourneyGroup, help=_help("cli.help.root"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="journey", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    metavar="vi|en",
    callback=_set_locale,
    expose_value=False,
    is_eager=True,
    help=_help("cli.help.lang"),
)
def main() -> None:
    pass


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
        click.echo(problem, err=True)
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
    click.echo(
        t("bank.ok", locale, file=file, title=title, version=bank.version, steps=len(bank.steps), items=questions)
    )


@banks.command(name="show", help=_help("cli.help.banks_show"))
@click.argument("bank_id")
@click.option("--json", "as_json", is_flag=True, help=_help("cli.help.json"))
def banks_show(bank_id: str, as_json: bool) -> None:
    from assistant.bank.loader import find_bank

    loaded = find_bank(bank_id)
    if as_json:
        click.echo(json.dumps(loaded.bank.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from assistant.bank.outline import outline

    click.echo(outline(loaded.bank, _locale()))


@banks.command(name="schema", help=_help("cli.help.banks_schema"))
def banks_schema() -> None:
    from assistant.bank.model import Bank

    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))


def _print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
