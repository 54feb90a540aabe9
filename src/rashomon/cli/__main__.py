"""``python -m rashomon.cli``: the ``rashomon`` command."""

from rashomon.cli import main

main()
