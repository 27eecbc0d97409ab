"""Configuration files: ``.filelint.toml``, ``filelint.toml``, ``pyproject.toml [tool.filelint]``.

ruff's model: the closest file (searching up from the motion folder, or the working directory)
wins; there is no implicit cascade, but ``extend = "path"`` inherits from another file. In one
directory ``.filelint.toml`` beats ``filelint.toml`` beats ``pyproject.toml``. Every problem is a
:class:`ConfigError` naming the file (the CLI prints it and exits 2).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import fnmatch
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from filelint.earlyargs import CONFIG_NAMES
from filelint.errors import UsageError
from filelint.findings import Finding, Severity
from filelint.settings import Settings, matches_selector

if TYPE_CHECKING:
    from filelint.plugins import Plugins

SELECTOR_KEYS = ("select", "ignore", "extend-select", "extend-ignore")
KEYS = (
    *SELECTOR_KEYS,
    "per-path-ignores",
    "severity",
    "fail-on",
    "output-format",
    "jobs",
    "pdf-backend",
    "cache-dir",
    "today",
    "extend",
    "disable-packs",
    "exclude",
)
DEFAULT = "default"
CLI = "command line"


class ConfigError(UsageError):
    """A configuration file that cannot be used; the message starts with the file's path."""


@dataclass(frozen=True)
class Layer:
    """One configuration file's validated values (kebab-case keys)."""

    path: Path
    values: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.path} [tool.filelint]" if self.path.name == "pyproject.toml" else str(self.path)


def find_config(start: Path) -> Path | None:
    """The closest configuration file at or above ``start``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


#: A ``[tool.filelint]`` table (or ``[tool.filelint.x]``, or ``tool.filelint.key =``) as written.
_OURS = re.compile(r"^\s*(\[+\s*tool\s*\.\s*[\"']?filelint\b|tool\s*\.\s*filelint\s*[.=])", re.MULTILINE)


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "filelint" in _parse(pyproject).get("tool", {})
    except ConfigError:
        # A broken pyproject that holds our table would silently drop fail-on, ignores and today,
        # weakening a CI gate without a word: report it. Anyone else's broken pyproject is not ours.
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if _OURS.search(pyproject.read_text(encoding="utf-8")):
                raise
        return False


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML: the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        end = len(path.read_text(encoding="utf-8").splitlines()) or 1  # "(at end of document)"
        line = f":{where[1] if where else end}"
        words = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(
            f"{path}{line}: not valid TOML: {words}; filelint's settings there were not "
            "applied, so the run stops (exit 2)"
        ) from None


def read_layers(path: Path, _seen: tuple[Path, ...] = ()) -> list[Layer]:
    """``path`` and every file it extends, base first."""
    path = path.resolve()
    if path in _seen:
        chain = " -> ".join(str(p) for p in (*_seen, path))
        raise ConfigError(f"{path}: `extend` forms a cycle ({chain})")
    data = _parse(path)
    table = data.get("tool", {}).get("filelint", {}) if path.name == "pyproject.toml" else data
    layer = Layer(path, {})
    layer.values.update(_validated(layer, table))
    base: list[Layer] = []
    if "extend" in layer.values:
        target = (path.parent / os.path.expanduser(layer.values["extend"])).resolve()
        if not target.is_file():
            raise ConfigError(f"{layer.label}: extend = {layer.values['extend']!r}: no such file")
        base = read_layers(target, (*_seen, path))
    return [*base, layer]


def _validated(layer: Layer, table: Any) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{layer.label}: expected a table of settings")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{layer.label}: unknown key {key!r}{_did_you_mean(key, KEYS)}")
        out[key] = _CHECKS[key](layer, key, value)
    return out


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _codes(layer: Layer, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f'{layer.label}: {key} must be a list of codes, e.g. ["CAL", "FL010"]')
    return [v.strip() for v in value]


def _pack_names(layer: Layer, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f'{layer.label}: {key} must be a list of pack names, e.g. ["california"]')
    return [v.strip() for v in value]


def _globs(layer: Layer, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f'{layer.label}: {key} must be a list of folder names or globs, e.g. ["archive", "old-*"]')
    return [v.strip() for v in value]


def _per_path(layer: Layer, key: str, value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{layer.label}: {key} must be a table of glob = [codes]")
    return {str(glob): _codes(layer, f"{key}.{glob!r}", codes) for glob, codes in value.items()}


def _severity_table(layer: Layer, key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{layer.label}: {key} must be a table of CODE = "error|warning|info"')
    return {str(code): _severity(layer, f"{key}.{code}", level) for code, level in value.items()}


def _severity(layer: Layer, key: str, value: Any) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise ConfigError(f"{layer.label}: {key}: {exc}") from None


def _output_format(layer: Layer, key: str, value: Any) -> str:
    from filelint.output import FORMAT_NAMES

    names = sorted(FORMAT_NAMES)
    if value not in names:
        raise ConfigError(
            f"{layer.label}: {key} = {value!r} is not a format; use one of "
            f"{', '.join(names)}{_did_you_mean(str(value), names)}"
        )
    return str(value)


def _jobs(layer: Layer, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{layer.label}: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _pdf_backend(layer: Layer, key: str, value: Any) -> str:
    from filelint.pdf.backends import BACKENDS

    if value not in BACKENDS:
        raise ConfigError(f"{layer.label}: {key} = {value!r} is not a PDF backend; use one of {', '.join(BACKENDS)}")
    return str(value)


def _path(layer: Layer, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{layer.label}: {key} must be a path (a string)")
    return value


def _today(layer: Layer, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{layer.label}: {key} must be a date like 2026-11-28, not {value!r}") from None


_CHECKS: dict[str, Callable[[Layer, str, Any], Any]] = {
    **dict.fromkeys(SELECTOR_KEYS, _codes),
    "per-path-ignores": _per_path,
    "severity": _severity_table,
    "fail-on": _severity,
    "output-format": _output_format,
    "jobs": _jobs,
    "pdf-backend": _pdf_backend,
    "cache-dir": _path,
    "today": _today,
    "extend": _path,
    "disable-packs": _pack_names,
    "exclude": _globs,
}


def resolve(layers: Sequence[Layer], settings: Settings | None = None) -> Settings:
    """Settings from defaults and ``layers`` (base first); ``sources`` says where each came from."""
    settings = settings or Settings()
    settings.sources = {f: DEFAULT for f in FIELDS.values()}
    for layer in layers:
        for key, value in layer.values.items():
            if key != "extend":
                _assign(settings, layer, key, value)
    settings.config_path = layers[-1].path if layers else None  # per-path globs are relative to it
    if settings.sources["output_format"] == DEFAULT and os.environ.get("GITHUB_ACTIONS"):
        settings.output_format = "github"  # yamllint's `auto`: annotate when running in Actions
        settings.sources["output_format"] = "environment (GITHUB_ACTIONS)"
    return settings


FIELDS = {
    "select": "select",
    "ignore": "ignore",
    "extend-select": "extend_select",
    "extend-ignore": "extend_ignore",
    "per-path-ignores": "per_path_ignores",
    "severity": "severity",
    "fail-on": "fail_on",
    "output-format": "output_format",
    "jobs": "jobs",
    "pdf-backend": "pdf_backend",
    "cache-dir": "cache_dir",
    "today": "today",
    "disable-packs": "disable_packs",
    "exclude": "exclude",
}


def _assign(settings: Settings, layer: Layer, key: str, value: Any) -> None:
    name = FIELDS[key]
    current = getattr(settings, name)
    if key in ("extend-select", "extend-ignore"):
        value = [*current, *value]  # an extending file adds to its base's extensions
    elif key == "exclude":
        value = [*current, *value]  # an extending file adds folders to skip
    elif key in ("per-path-ignores", "severity"):
        value = {**current, **value}
    elif key == "cache-dir":
        value = str((layer.path.parent / value).resolve())
    setattr(settings, name, value)
    settings.sources[name] = layer.label


def load_settings(paths: Sequence[Path], explicit: Path | None = None) -> Settings:
    """Settings for a run over ``paths``: the closest file to the first path (or the cwd)."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        config: Path | None = explicit
    else:
        config = find_config(paths[0] if paths else Path.cwd())
    return resolve(read_layers(config) if config else [])


def check_selectors(
    settings: Settings, plugins: Plugins, command_line: Mapping[str, Iterable[str]] | None = None
) -> None:
    """Every code, prefix or name in the configuration, and on the command line (``{"--select":
    [...]}``), must pick at least one loaded rule: one that picks none is a usage error, never a
    silent pass. The configuration is checked first (ConfigError names the file)."""
    rules = list(plugins.rules.values())
    known = [r.code for r in rules] + [r.name for r in rules]

    def picks_none(sel: str) -> bool:
        return sel.upper() != "ALL" and not any(matches_selector(sel, r) for r in rules)

    for field_name, source, selectors in _configured_selectors(settings):
        for sel in filter(picks_none, selectors):
            raise ConfigError(
                f"{source}: unknown rule code, prefix or name {sel!r} in {field_name}"
                f"{_did_you_mean(sel, known)}; `filelint rules` lists them"
            )
    for flag, given in (command_line or {}).items():
        for sel in filter(picks_none, given):
            raise UsageError(
                f"{flag}: unknown rule code, prefix or name {sel!r}; `filelint rules` lists the loaded rules"
            )


def _configured_selectors(settings: Settings) -> Iterable[tuple[str, str, list[str]]]:
    for key in (*SELECTOR_KEYS, "severity"):
        name = FIELDS[key]
        source = settings.sources.get(name, DEFAULT)
        if source not in (DEFAULT, CLI):
            yield key, source, list(getattr(settings, name))
    source = settings.sources.get("per_path_ignores", DEFAULT)
    if source not in (DEFAULT, CLI):
        for glob, codes in settings.per_path_ignores.items():
            yield f"per-path-ignores {glob!r}", source, codes


def per_path_ignored(settings: Settings, finding: Finding, plugins: Plugins, cwd: Path) -> bool:
    """True if a ``per-path-ignores`` glob matching the finding's path (or a folder above it,
    relative to the configuration file's folder) ignores its code."""
    if not settings.per_path_ignores:
        return False
    rule = plugins.rules.get(finding.code)
    root = settings.config_path.parent if settings.config_path else cwd
    candidates = _relative_forms((cwd / finding.location.path).resolve(), root.resolve())
    for glob, codes in settings.per_path_ignores.items():
        pattern = glob.rstrip("/").removesuffix("/**")
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates) and _picks(codes, finding, rule):
            return True
    return False


def _picks(codes: list[str], finding: Finding, rule: Any) -> bool:
    if rule is not None:
        return any(matches_selector(c, rule) for c in codes)
    return any(finding.code.startswith(c.upper()) or c.upper() == "ALL" for c in codes)


def _relative_forms(path: Path, root: Path) -> list[str]:
    """The path relative to ``root`` and each folder above it (``a/b/c.pdf``, ``a/b``, ``a``)."""
    try:
        rel = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        rel = PurePosixPath(path.as_posix())
    return [str(rel), *(str(p) for p in rel.parents if str(p) not in (".", "/"))]


def apply_cli_extensions(settings: Settings, args: Any) -> None:
    """Add ``--extend-select``/``--extend-ignore`` and record which values the command line set."""
    for flag, name in (("extend_select", "extend_select"), ("extend_ignore", "extend_ignore"), ("exclude", "exclude")):
        given = getattr(args, flag, None)
        if given:
            setattr(settings, name, [*getattr(settings, name), *_split(given)])
    for flag, name in (
        ("select", "select"),
        ("ignore", "ignore"),
        ("fail_on", "fail_on"),
        ("output_format", "output_format"),
        ("jobs", "jobs"),
        ("today", "today"),
        ("pdf_backend", "pdf_backend"),
    ):
        if getattr(args, flag, None):
            settings.sources[name] = CLI


def _split(items: Iterable[str]) -> list[str]:
    return [s.strip() for item in items for s in item.split(",") if s.strip()]
