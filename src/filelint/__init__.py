"""filelint: lint a motion folder for procedural defects before filing."""

__version__ = "0.1.0"
