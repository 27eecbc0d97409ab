"""``python -m filelint``."""

from filelint.cli import console

console()
