"""The words people write for a legal category, read as the manifest's own value before validation.

A service method, channel or motion kind is a legal category: mail adds 5 calendar days, e-service
2 court days. A string-similar suggestion ("email" -> "mail") would change the law, so FL003 never
offers one for these values. Instead the common ways of writing the same category are read as the
canonical value here, and each reading is reported (FL006, info) so the user sees what was assumed.
Only words that mean exactly one category are listed; anything else stays an FL003 error that
says what each value means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from filelint.manifest.yamlload import Path_

#: What each service method means for time (so an unknown word gets an explanation, not a guess).
METHOD_MEANING = {
    "personal": "personal or hand delivery",
    "mail": "mail inside the state (California for the CCP), e.g. first-class or U.S. mail",
    "mail-out-of-state": "mail with either end outside the state but inside the United States",
    "mail-international": "mail with either end outside the United States",
    "electronic": "electronic service, e.g. email, e-service or an e-filing provider's service",
    "overnight": "overnight delivery or express mail, e.g. FedEx",
    "fax": "fax transmission",
}

#: $defs name -> {normalized word: canonical value}. Keys are compared after `_key`.
ALIASES: Mapping[str, Mapping[str, str]] = {
    "method": {
        "email": "electronic",
        "e-mail": "electronic",
        "e-service": "electronic",
        "eservice": "electronic",
        "electronic-service": "electronic",
        "electronically": "electronic",
        "e-served": "electronic",
        "electronic-transmission": "electronic",
        "mail-ca": "mail",
        "us-mail": "mail",
        "u-s-mail": "mail",
        "first-class-mail": "mail",
        "first-class": "mail",
        "first-class-us-mail": "mail",
        "usps": "mail",
        "mail-us": "mail-out-of-state",
        "mail-intl": "mail-international",
        "fedex": "overnight",
        "federal-express": "overnight",
        "overnight-delivery": "overnight",
        "overnight-mail": "overnight",
        "express-mail": "overnight",
        "ups-overnight": "overnight",
        "hand": "personal",
        "hand-delivery": "personal",
        "hand-delivered": "personal",
        "personal-delivery": "personal",
        "personal-service": "personal",
        "personally": "personal",
        "facsimile": "fax",
        "fax-transmission": "fax",
    },
    "channel": {
        "e-mail": "email",
        "telephone": "phone",
        "phone-call": "phone",
        "call": "phone",
        "videoconference": "video",
        "video-conference": "video",
        "zoom": "video",
        "in-person-meeting": "in-person",
        "in-person": "in-person",
        "meeting-in-person": "in-person",
        "voice-mail": "voicemail",
        "text-message": "text",
        "sms": "text",
    },
}


@dataclass(frozen=True)
class Reading:
    """One value read as another: where, what was written, what it means."""

    path: Path_
    written: str
    value: str
    category: str


def read_as_message(r: Reading) -> str:
    """The FL006 message: what was written, what it was read as, and what that means."""
    meaning = f" ({METHOD_MEANING[r.value]})" if r.category == "method" else ""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in r.path).lstrip(".")
    return f"`{where}: {r.written}` was read as `{r.value}`{meaning}; write `{r.value}` to say so directly"


def _key(word: str) -> str:
    """Case, dots, spaces and underscores do not matter: "U.S. Mail" -> "u-s-mail"."""
    return re.sub(r"[\s_.]+", "-", word.strip().lower()).strip("-").replace("--", "-")


def canonical(category: str, word: str, allowed: list[str]) -> str | None:
    """The canonical value ``word`` stands for, or None when it is not an accepted way to write one."""
    key = _key(word)
    if key in allowed:
        return key
    return ALIASES.get(category, {}).get(key)


def normalize(data: Any, schema: Mapping[str, Any]) -> list[Reading]:
    """Rewrite, in place, every aliased value at a schema node that refers to an aliased category."""
    defs = schema.get("$defs", {})
    return list(_walk(data, schema, defs, ()))


def _walk(data: Any, node: Mapping[str, Any], defs: Mapping[str, Any], path: Path_) -> Iterator[Reading]:
    ref = str(node.get("$ref", ""))
    if ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name in ALIASES:
            return
        yield from _walk(data, defs.get(name, {}), defs, path)
        return
    if isinstance(data, dict):
        yield from _walk_mapping(data, node, defs, path)
    elif isinstance(data, list) and isinstance(node.get("items"), Mapping):
        for i in range(len(data)):
            yield from _walk_item(data, i, node["items"], defs, (*path, i))


def _walk_mapping(
    data: dict[str, Any], node: Mapping[str, Any], defs: Mapping[str, Any], path: Path_
) -> Iterator[Reading]:
    props = node.get("properties", {})
    for key in list(data):
        child = props.get(key)
        if isinstance(child, Mapping):
            yield from _walk_item(data, key, child, defs, (*path, key))


def _walk_item(
    container: Any, key: Any, node: Mapping[str, Any], defs: Mapping[str, Any], path: Path_
) -> Iterator[Reading]:
    category = _category(node)
    value = container[key]
    if category is None or not isinstance(value, str):
        yield from _walk(value, node, defs, path)
        return
    allowed = [str(v) for v in _enum(node, defs)]
    found = canonical(category, value, allowed)
    if found is not None and found != value:
        container[key] = found
        yield Reading(path, value, found, category)


def _category(node: Mapping[str, Any]) -> str | None:
    ref = str(node.get("$ref", ""))
    name = ref.removeprefix("#/$defs/") if ref.startswith("#/$defs/") else None
    if name in ALIASES:
        return name
    if "enum" in node and set(ALIASES["channel"].values()) <= set(map(str, node["enum"])):
        return "channel"  # the meet_and_confer channel enum is written inline
    return None


def _enum(node: Mapping[str, Any], defs: Mapping[str, Any]) -> list[Any]:
    ref = str(node.get("$ref", ""))
    if ref.startswith("#/$defs/"):
        return list(defs.get(ref.removeprefix("#/$defs/"), {}).get("enum", []))
    return list(node.get("enum", []))
