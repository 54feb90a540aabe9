"""Resolve: mentions from all articles become actors; per-article findings become dossier records."""

from rashomon.resolve.actors import ResolvedActors, clean_name, name_key, resolve_actors
from rashomon.resolve.records import build_records

__all__ = ["ResolvedActors", "build_records", "clean_name", "name_key", "resolve_actors"]
