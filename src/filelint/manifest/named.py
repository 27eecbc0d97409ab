"""The files a manifest names, read from its loaded data before it is validated: the papers are read
while it is (`filelint.readahead`). Kept apart from `filelint.model` so that starting to read imports
nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.manifest.yamlload import LoadedYaml

#: `named_paths` gives up past this many names (a manifest past the caps is refused by `build_case`).
_MOST_NAMED = 1_000


def named_paths(data: Any) -> list[str]:
    """The files a manifest names, as `Case.named_files` gives them, read from the loaded data before it
    is validated (so the papers can be read while it is): text values only, nothing when the data is
    not shaped like a manifest or names more than `_MOST_NAMED` files."""
    if not isinstance(data, dict):
        return []
    found: dict[str, None] = {}
    for section, keys in (("papers", ("path",)), ("responses", ("file",)), ("meet_and_confer", ("file", "source"))):
        entries = data.get(section)
        for key in keys:
            for entry in entries if isinstance(entries, list) else ():
                value = entry.get(key) if isinstance(entry, dict) else None
                if isinstance(value, str) and value:
                    found[value] = None
    return list(found) if len(found) <= _MOST_NAMED else []


def read_early(manifest: Path) -> tuple[str, LoadedYaml] | None:
    """The manifest's text and its parse, read for a head start on the files it names; None when it
    cannot be read or parsed (the run reads it again and reports why)."""
    from filelint.manifest.text import read_manifest_text
    from filelint.manifest.yamlload import ManifestSyntaxError, load_yaml

    text = read_manifest_text(manifest)
    if not isinstance(text, str):
        return None
    try:
        return text, load_yaml(text)
    except ManifestSyntaxError:
        return None
