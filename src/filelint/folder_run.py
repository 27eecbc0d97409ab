"""One folder's run: the values every stage after the model needs, passed as one object.

The rules stage (`filelint.engine`) and the suppressions stage (`filelint.suppressions`) both need
the loaded packs and the path the user sees (the runner's :class:`filelint.engine.Stamper`, built
before the manifest is read), the settings, the loaded manifest (for line:col) and the working
directory; the runner builds this once per folder instead of passing the values along.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelint.engine import Stamper
    from filelint.manifest.yamlload import LoadedYaml
    from filelint.plugins import Plugins
    from filelint.settings import Settings


@dataclass(frozen=True)
class FolderRun:
    stamper: Stamper  # the loaded packs and the manifest's path as the user sees it
    settings: Settings
    loaded: LoadedYaml
    cwd: Path

    @property
    def plugins(self) -> Plugins:
        return self.stamper.plugins

    @property
    def shown(self) -> str:
        """The manifest's path as the user sees it."""
        return self.stamper.shown
