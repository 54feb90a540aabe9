"""The ``rashomon`` application: its Typer app, the plain-words help, the one place that turns an error a user can act
on into its line and exit status, and the helpers every command uses to print and to stop."""

from __future__ import annotations

import os
import re
import sys
from typing import Annotated, NoReturn

import typer
from click import Context
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from rashomon.errors import EXIT_CODES, InputError, InternalError, RashomonError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
err = Console(stderr=True)


class Commands(TyperGroup):
    """rashomon's commands, with the one place that turns an error a user can act on into its line and exit status."""

    def invoke(self, ctx: Context):
        try:
            return super().invoke(ctx)
        except InternalError:
            raise  # a bug keeps its traceback
        except RashomonError as error:
            err.print(f"[bold red]rashomon:[/] {shown(error)}", highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None


class PlainHelp:
    """--help in plain words: on/off flags show no ``<bool>`` type, a list shows its item type as ``<str>...``, and help
    text is taken literally (Typer reads it as Rich markup, which would drop the ``[ray]`` of ``rashomon[ray]``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help = escape(self.help) if self.help else self.help
        for param in self.params:
            plain_param_help(param)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as error:
            error.message = plain_value_error(error)
            raise


def plain_value_error(error: typer.BadParameter) -> str:
    """An invalid option value said in plain words: Typer passes on Pydantic's wording ("Input should be a valid
    integer, unable to parse string as an integer", "Value error, ...")."""
    from pydantic import ValidationError

    cause = error.__cause__
    if not isinstance(cause, ValidationError) or not cause.errors():
        return error.message
    first = cause.errors()[0]
    value, kind = first.get("input"), first["type"]
    if kind.startswith("int_"):
        return f"{value!r} is not a whole number."
    if kind.startswith("float_"):
        return f"{value!r} is not a number."
    return str(first["msg"]).removeprefix("Value error, ")


def plain_param_help(param) -> None:
    """One parameter's help and type shown as :class:`PlainHelp` says."""
    if getattr(param, "help", None):
        param.help = escape(param.help)
    if param.nargs != 1 and isinstance(param, typer.core.TyperArgument):
        item = (getattr(param.type_descriptor.annotation, "__args__", None) or (str,))[0]
        param.display_type_rich = lambda ctx, label=f"<{item.__name__}>": label
    elif param.metavar is None and getattr(param, "is_flag", False):
        param.metavar = ""


class PlainHelpCommand(PlainHelp, typer.core.TyperCommand):
    pass


class PlainHelpGroup(PlainHelp, Commands):
    pass


class RashomonTyper(typer.Typer):
    """Typer whose commands show their help in plain words (see :class:`PlainHelp`)."""

    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", PlainHelpCommand)
        return super().command(*args, **kwargs)


app = RashomonTyper(
    cls=PlainHelpGroup,
    add_completion=False,
    no_args_is_help=True,
    help="Reconstruct one news event from many reports of it.",
    epilog="Exit status: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + ".",
    context_settings={"help_option_names": ["-h", "--help"]},
)


# C0 and C1 control characters, escape sequences included (ESC, CSI, OSC), as they could reach the terminal from input.
TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def show_version(asked: bool) -> None:
    """``--version``: the installed version, then stop."""
    if asked:
        from importlib.metadata import version

        sys.stdout.write(f"rashomon {version('rashomon')}\n")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Reconstruct one news event from many reports of it."""


def shown(text: object) -> str:
    """Text from input as the terminal should show it: no control or escape sequences, no Rich markup."""
    return escape(TERMINAL_CONTROLS.sub("", str(text)))


def fail(message: str) -> NoReturn:
    """Stop with a one-line error about the arguments or the input (exit status 2)."""
    raise InputError(message)
