"""Cross-source findings over a dossier's claims."""

from __future__ import annotations

from rashomon.model import Dossier


def find_findings(dossier: Dossier) -> Dossier:
    """The dossier with its findings; none until cross-source alignment is built."""
    return dossier
