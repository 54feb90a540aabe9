"""An actor's other spellings as the reports show them: each with why it joined the actor."""

from __future__ import annotations

from rashomon.model import Actor


def also_written(actor: Actor) -> list[tuple[str, str | None]]:
    """Each alias of an actor but its name, with why it joined the actor in words (None where the dossier records no
    reason, as in one made before reasons were kept); the spelling it joined is named unless it is the actor's name."""
    merges = {merge.alias: merge for merge in actor.merges}
    shown = []
    for alias in actor.aliases:
        if alias == actor.name:
            continue
        merge = merges.get(alias)
        if merge is None:
            shown.append((alias, None))
        else:
            shown.append((alias, merge.reason if merge.joined_to == actor.name else f"{merge.reason} (joined to {merge.joined_to})"))
    return shown
