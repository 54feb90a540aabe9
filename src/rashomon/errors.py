"""rashomon's errors: what went wrong, said in one line, and the exit status the command line gives it.

Every layer may raise these (this module imports nothing of rashomon's). The message of a user-facing error is
one line a user can act on and names the file, store or package concerned; the command line prints it as
``rashomon: <message>`` and exits with the class's ``exit_code``. An :class:`InternalError` is a bug: the
command line never turns it into a one-line input message, it keeps its traceback.

``EXIT_CODES`` lists the exit statuses of the ``rashomon`` command; ``rashomon --help`` and the README show it.
"""

from __future__ import annotations

OK = 0
INTERNAL = 1  # a bug: Python's own status for an exception nobody handled, with its traceback
INPUT = 2  # also what Click gives a usage error (an unknown option), which is an input problem too
PARTIAL = 3
STORE = 4
PACKAGE = 5

# What each status means, as ``rashomon --help`` shows it (the README's "Exit status" table says more).
EXIT_CODES = {
    OK: "success",
    INTERNAL: "a bug in rashomon (traceback shown, or an internal diagnostic per article; please report it)",
    INPUT: "bad arguments or input (unreadable file, nothing usable, unknown story id)",
    PARTIAL: "output written, some inputs left out (each named by a diagnostic)",
    STORE: "the corpus store cannot be opened, read or written",
    PACKAGE: "part of the installation is missing (an extra, a bundled model or example)",
}


class RashomonError(Exception):
    """Base of rashomon's errors; ``str(error)`` is the one-line message."""

    exit_code = INTERNAL


class InputError(RashomonError):
    """The arguments or the input cannot be used (a bad option value, an unreadable file, an unknown story id)."""

    exit_code = INPUT


class StoreError(RashomonError):
    """The corpus store file cannot be opened, read or written; the user can act on it (free disk, close a process)."""

    exit_code = STORE


class PackageError(RashomonError):
    """Part of the installation is missing: an optional extra, a bundled model or the bundled example."""

    exit_code = PACKAGE


class InternalError(RashomonError):
    """A bug of rashomon's (an extractor failed on a document); never reported as a problem of the input."""

    exit_code = INTERNAL
