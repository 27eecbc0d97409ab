"""Start reading the papers of the motion folder named on the command line before the packs load.

With ``--jobs`` above 1, loading the packs and validating the manifest take about as long as
reading a motion's papers with pdfium, and the workers would wait for both. `begin` parses the
manifest of the one folder ``filelint check FOLDER`` names and starts the workers on the papers it
names (formats a built-in reader reads; a pack's format waits for its pack), so the two overlap.
The folder's run then takes the started reader (`take`) and the parsed manifest (used only if the file
still holds the same text). Nothing is started for several paths, a walk, or --isolate-plugins
(whose forks must not copy a running reader thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelint.manifest.yamlload import LoadedYaml
    from filelint.paperreader import PaperReader
    from filelint.settings import Settings


@dataclass(frozen=True)
class Early:
    """A folder's manifest text, as parsed, and the reader started on the papers it names."""

    text: str
    loaded: LoadedYaml
    reader: PaperReader


_STARTED: dict[Path, Early] = {}


def begin(paths: Sequence[Path], settings: Settings) -> None:
    """Start reading the papers of the motion folder ``paths`` names, when it names exactly one."""
    if settings.jobs < 2 or settings.isolate_plugins or len(paths) != 1:
        return
    from filelint.manifest.text import MANIFEST_NAME

    folder = paths[0]
    if not (folder / MANIFEST_NAME).is_file():  # a file, or a folder to walk: the run finds them
        return
    from filelint.manifest.named import named_paths
    from filelint.manifest.text import read_manifest_text
    from filelint.manifest.yamlload import ManifestSyntaxError, load_yaml
    from filelint.paperreader import paper_reader

    text = read_manifest_text(folder / MANIFEST_NAME)
    if not isinstance(text, str):
        return  # the run reports why the manifest cannot be read
    try:
        loaded = load_yaml(text)
    except ManifestSyntaxError:
        return
    named = named_paths(loaded.data)
    if named:
        reader = paper_reader(folder, settings)  # the packs' readers join when the packs are loaded
        reader.start(named, builtin_only=True)
        _STARTED[_key(folder)] = Early(text, loaded, reader)


def take(folder: Path) -> Early | None:
    """What `begin` started for ``folder`` (once), or None."""
    return _STARTED.pop(_key(folder), None) if _STARTED else None


def discard() -> None:
    """Stop what no folder's run took (the run ended early: a usage error, an interrupt)."""
    while _STARTED:
        _STARTED.popitem()[1].reader.close()


def _key(folder: Path) -> Path:
    return folder.resolve()
