"""The field-level three-way merge: what the app had, what the server has, what both had at the last sync."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Merge:
    merged: dict  # the agreed value of each field (the base value where they conflict)
    to_local: set = field(default_factory=set)  # fields the server changed: into the app
    to_remote: set = field(default_factory=set)  # fields the app changed: to the server
    conflicts: set = field(default_factory=set)  # both changed, differently: for the user


def same(a, b) -> bool:
    return a == b or _norm(a) == _norm(b)  # equal as they are: most fields of a sync that finds no change


def _norm(value):
    if value is None:
        return ""
    return " ".join(str(value).replace("\r\n", "\n").split(" ")).strip().casefold()


def merge(base: dict | None, local: dict, remote: dict, fields: tuple[str, ...], *,
          held: set | None = None) -> Merge:
    """Without a base (a first sync that matched a person to a card) an empty side takes the other's value.

    ``held``: fields with a conflict under review; they keep their base until the user picks.
    """
    out = Merge({})
    for name in fields:
        l, r = local.get(name), remote.get(name)
        b = base.get(name) if base is not None else None
        if held and name in held:
            out.merged[name] = b
        elif same(l, r):
            out.merged[name] = l if l is not None else r
        elif base is not None and same(l, b):
            out.merged[name] = r
            out.to_local.add(name)
        elif base is not None and same(r, b):
            out.merged[name] = l
            out.to_remote.add(name)
        elif base is None and not _norm(l):
            out.merged[name] = r
            out.to_local.add(name)
        elif base is None and not _norm(r):
            out.merged[name] = l
            out.to_remote.add(name)
        else:
            out.merged[name] = b
            out.conflicts.add(name)
    return out
