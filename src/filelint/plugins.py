"""Find, load and register plugins; collect their rules, schema sections and calendars.

Built-in rule packs are registered through exactly the same call as third-party ones
(pytest's model); only the discovery differs. Every load failure is recorded, never raised,
so the CLI can report it with the distribution's name and exit 2.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

import pluggy

from filelint import hookspecs
from filelint.rules import Rule

GROUP = "filelint"
hookimpl = pluggy.HookimplMarker(GROUP)
BUILTIN_PLUGINS = ("filelint.packs.core.manifest_rules", "filelint.packs.core.waiver_rules",
                   "filelint.packs.core.papers", "filelint.packs.california")
CORE_SECTIONS = frozenset({
    "$schema", "filelint", "court", "case", "parties", "motion", "discovery", "responses",
    "extensions", "meet_and_confer", "idc", "papers", "waivers"})
DISABLE_ENV = "FILELINT_DISABLE_PLUGIN_AUTOLOAD"


@dataclass(frozen=True)
class PluginInfo:
    name: str
    distribution: str
    version: str
    codes: tuple[str, ...] = ()


@dataclass
class Plugins:
    """What was loaded: rules by code, manifest sections, court calendars and any errors."""

    manager: pluggy.PluginManager
    rules: dict[str, Rule] = field(default_factory=dict)
    sections: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    calendars: dict[str, Any] = field(default_factory=dict)
    infos: list[PluginInfo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def rule_by_name_or_code(self, key: str) -> Rule | None:
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        return next((r for r in self.rules.values() if r.name == key.lower()), None)


def load_plugins(*, autoload: bool | None = None, extra: Iterable[object] = (),
                 blocked: Iterable[str] = ()) -> Plugins:
    """Register built-ins, then entry points (unless disabled), then ``extra`` objects."""
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(manager=pm)
    for name in blocked:
        pm.set_blocked(name)
    from filelint import __version__

    for modname in BUILTIN_PLUGINS:
        _register(plugins, lambda m=modname: importlib.import_module(m), modname, "filelint",
                  __version__)
    if autoload is None:
        autoload = not os.environ.get(DISABLE_ENV)
    if autoload:
        _load_entry_points(plugins)
    for i, obj in enumerate(extra):
        name = getattr(obj, "__name__", None) or f"extra-{i}"
        _register(plugins, lambda o=obj: o, name, name, "")
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        plugins.errors.append(f"plugin {exc.plugin!r} implements an unknown hook: {exc}")
    return plugins


def _load_entry_points(plugins: Plugins) -> None:
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        if plugins.manager.is_blocked(ep.name) or plugins.manager.has_plugin(ep.name):
            continue
        dist = ep.dist.name if ep.dist else ep.value
        version = ep.dist.version if ep.dist else ""
        _register(plugins, ep.load, ep.name, dist, version)


def _register(plugins: Plugins, load: Any, name: str, dist: str, version: str) -> None:
    """Import and register one plugin behind the boundary; record any failure instead of raising."""
    if plugins.manager.is_blocked(name):
        return

    def load_and_register() -> object:
        obj = load()
        plugins.manager.register(obj, name=name)
        return obj

    try:
        obj = _guarded(load_and_register, f"plugin {name!r} ({dist}) while importing")
    except PluginFault as exc:
        plugins.errors.append(_failure(name, dist, exc))
        return
    try:
        rules = _collect(plugins, obj, dist)
    except Exception as exc:
        plugins.errors.append(_failure(name, dist, exc))
        plugins.manager.unregister(name=name)
        return
    plugins.infos.append(PluginInfo(name, dist, version, tuple(r.code for r in rules)))


class PluginFault(Exception):
    """A plugin call raised (any BaseException), ran out of time or returned something invalid."""


def _guarded(function: Any, what: str) -> Any:
    """``function()`` through filelint.boundary; its output is reported, a failure raised as PluginFault."""
    from filelint import boundary

    limit = boundary.time_limit()
    outcome = boundary.call(function, what=what, limit=limit)
    boundary.report_output(what, outcome.output)
    if outcome.timed_out:
        raise PluginFault(f"{what}: did not finish within {limit:g} s ({boundary.TIMEOUT_ENV})")
    if outcome.error is not None:
        raise PluginFault(boundary.describe(outcome.error))
    return outcome.value


def _failure(name: str, dist: str, exc: BaseException) -> str:
    from filelint.boundary import describe

    reason = str(exc) if isinstance(exc, PluginFault) else describe(exc)
    return f"plugin {name!r} from distribution {dist!r} failed to load: {reason}"


def _collect(plugins: Plugins, obj: object, dist: str) -> list[Rule]:
    """Read the plugin's rules, sections and calendars; commit them only if all are valid."""
    from filelint import contracts

    rules = [replace(_checked_rule(r), plugin=dist)
             for r in _hook(plugins, obj, "filelint_register_rules", list, None)]
    sections = _hook(plugins, obj, "filelint_manifest_schema", dict, contracts.sections_error)
    calendars = _hook(plugins, obj, "filelint_court_calendars", dict, contracts.calendars_error)
    _check_codes(plugins, rules, dist)
    for section in sections:
        if section in CORE_SECTIONS or section in plugins.sections:
            raise ValueError(f"manifest section {section!r} is already taken")
    for system in calendars:
        if system in plugins.calendars:  # a pack must not move another's deadlines silently
            raise ValueError(f"court system {system!r} already has a calendar from an earlier pack; "
                             "a pack cannot replace it")
    plugins.rules.update((r.code, r) for r in rules)
    plugins.sections.update(sections)
    plugins.calendars.update(calendars)
    return rules


def _hook(plugins: Plugins, obj: object, hook_name: str, convert: Any, check: Any) -> Any:
    """Call this plugin's own implementation of a hook behind the boundary; convert and check its
    return value there too (iterating a plugin's generator or mapping runs plugin code)."""
    impl = _own_impl(plugins.manager, obj, hook_name)
    if impl is None:
        return convert()

    def run() -> tuple[Any, str | None]:
        value = impl()
        problem = check(value) if check is not None else None
        return (None, problem) if problem else (convert(value or ()), None)

    value, problem = _guarded(run, f"hook {hook_name} of {getattr(obj, '__name__', obj)!r}")
    if problem:
        raise PluginFault(problem)
    return value


def _checked_rule(rule: object) -> Rule:
    if not isinstance(rule, Rule):
        raise TypeError(f"filelint_register_rules returned {type(rule).__name__}, not a Rule")
    return rule


def _own_impl(pm: pluggy.PluginManager, obj: object, hook_name: str) -> Any:
    """This plugin's own implementation of a hook (so results are attributed to it)."""
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        if impl.plugin is obj:
            return impl.function
    return None


def _check_codes(plugins: Plugins, rules: list[Rule], dist: str) -> None:
    seen: set[str] = set()
    for rule in rules:
        existing = plugins.rules.get(rule.code)
        if existing is not None or rule.code in seen:
            other = existing.plugin if existing else dist
            raise ValueError(f"rule code {rule.code} is claimed by both {other!r} and "
                             f"{dist!r}; a code belongs to one rule")
        seen.add(rule.code)
        owner = next((r.plugin for r in plugins.rules.values()
                      if r.prefix == rule.prefix and r.plugin != dist), None)
        if owner is not None:
            raise ValueError(f"code prefix {rule.prefix} belongs to {owner!r}; {dist!r} "
                             "must use a prefix of its own")


def builtin_module(name: str) -> ModuleType:
    """Import a built-in plugin module by its dotted name (used by tests)."""
    return importlib.import_module(name)
