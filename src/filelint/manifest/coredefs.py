"""The core definitions a pack's schema fragment may point at, instead of copying them.

A pack fragment sits inside the full manifest schema (a section, or a property on a core object), so a
``{"$ref": "#/$defs/request_list"}`` in it resolves against the core schema's ``$defs``. Only the names in
:data:`PUBLIC_DEFS` are promised to stay: they are the manifest's shared vocabulary (a date, a request list, a
service method), and pointing at them gives a pack's field the core's own parsing and error messages (an
impossible date, "16-13"). Any other ``$ref`` (another core definition, a remote URL, a definition of the
fragment's own) is refused when the pack loads (:func:`ref_error`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

#: Definitions of the core schema (``src/filelint/schemas/manifest-core.json``) packs may reference.
PUBLIC_DEFS = (
    "date",
    "id",
    "path",
    "set",
    "device",
    "method",
    "service",
    "request_list",
    "request_groups",
)
PREFIX = "#/$defs/"


def core_ref(name: str, description: str | None = None) -> dict[str, Any]:
    """``{"$ref": "#/$defs/<name>"}`` for one of :data:`PUBLIC_DEFS`, with an optional description.

    >>> core_ref("request_list")
    {'$ref': '#/$defs/request_list'}
    """
    if name not in PUBLIC_DEFS:
        raise ValueError(f"{name!r} is not a public core definition; use one of {', '.join(PUBLIC_DEFS)}")
    ref: dict[str, Any] = {"$ref": PREFIX + name}
    if description is not None:
        ref["description"] = description
    return ref


def ref_error(fragment: Mapping[Any, Any]) -> str | None:
    """Why a fragment's ``$ref`` cannot stand in the full schema, or None (every one names a public core
    definition). Cheap: no jsonschema import, so it runs on filelint's own packs too."""
    for where, ref in _refs(fragment, ()):
        name = ref[len(PREFIX) :] if isinstance(ref, str) and ref.startswith(PREFIX) else None
        if name not in PUBLIC_DEFS:
            at = "/".join(where) or "the top"
            return (
                f"refers to {ref!r} (at {at}); a fragment may reference only the core definitions "
                f"{', '.join(PREFIX + n for n in PUBLIC_DEFS)} (filelint.core_ref), or define the value itself"
            )
    return None


def _refs(node: Any, where: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "$ref":
                yield where, value
            else:
                yield from _refs(value, (*where, str(key)))
    elif isinstance(node, list | tuple):
        for i, value in enumerate(node):
            yield from _refs(value, (*where, str(i)))
