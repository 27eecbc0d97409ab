"""``filelint config [PATH]``: the resolved settings and where each value came from."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from filelint.config import FIELDS, find_config, load_settings, read_layers
from filelint.findings import Severity
from filelint.output.escape import plain
from filelint.settings import Settings


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("config", help="show the resolved configuration and the source of each value")
    p.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="a motion folder (default: the current folder); its closest config file is used",
    )
    p.add_argument("--config", type=Path, default=None, help="use this configuration file")
    p.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")
    p.set_defaults(handler=config_cmd)


def config_cmd(args: argparse.Namespace) -> int:
    from filelint.config import check_selectors
    from filelint.plugins import load_plugins

    paths = [args.path] if args.path else []
    settings = load_settings(paths, args.config)
    check_selectors(settings, load_plugins())
    files = _files(args)
    if args.output_format == "json":
        json.dump({"files": files, "settings": _values(settings)}, sys.stdout, indent=2, default=str)
        print()
        return 0
    print("config files: " + (" <- ".join(map(plain, reversed(files))) if files else "none (defaults)"))
    for key, (value, source) in _values(settings).items():
        print(f"{key:<17} = {json.dumps(value, default=str):<40} # {plain(source)}")
    return 0


def _files(args: argparse.Namespace) -> list[str]:
    """The configuration files used, base first."""
    path = args.config or find_config(args.path or Path.cwd())
    return [layer.label for layer in read_layers(path)] if path else []


def _values(settings: Settings) -> dict[str, tuple[Any, str]]:
    out: dict[str, tuple[Any, str]] = {}
    for key, name in FIELDS.items():
        value = getattr(settings, name)
        if isinstance(value, dict):
            value = {k: _plain(v) for k, v in value.items()}
        out[key] = (_plain(value), settings.sources.get(name, "default"))
    return out


def _plain(value: Any) -> Any:
    """Dates and severities as the configuration file writes them."""
    return str(value) if isinstance(value, Severity | dt.date) else value
