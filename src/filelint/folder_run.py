"""One folder's run: the values every stage after the model needs, passed as one object.

The rules stage (`filelint.engine`) and the suppressions stage (`filelint.suppressions`) both need
the loaded packs, the settings, the loaded manifest (for line:col), the path the user sees and the
working directory; the runner builds this once per folder instead of passing the five values along.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelint.manifest.yamlload import LoadedYaml
    from filelint.plugins import Plugins
    from filelint.settings import Settings


@dataclass(frozen=True)
class FolderRun:
    plugins: Plugins
    settings: Settings
    loaded: LoadedYaml
    shown: str  # the manifest's path as the user sees it
    cwd: Path
