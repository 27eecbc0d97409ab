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
#: The packs filelint's own distribution declares in ``[project.entry-points.filelint]`` (read from
#: there when installed; this copy serves a source checkout run without installing, and a test keeps
#: the two equal). They load even with plugin autoloading off: they are part of filelint.
BUILTIN_PACKS = {"core": "filelint.packs.core", "california": "filelint.packs.california"}
#: Packs every run relies on (manifest, waiver and crash findings): they cannot be disabled.
ESSENTIAL_PACKS = frozenset({"core"})
CORE_SECTIONS = frozenset(
    {
        "$schema",
        "filelint",
        "court",
        "case",
        "parties",
        "motion",
        "discovery",
        "responses",
        "extensions",
        "meet_and_confer",
        "papers",
        "waivers",
    }
)
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
    properties: dict[str, dict[str, Mapping[str, Any]]] = field(default_factory=dict)
    calendars: dict[str, Any] = field(default_factory=dict)
    #: ``{"CA": CourtCalendar}``: each state's legal holidays, from the pack that knows the state.
    state_holidays: dict[str, Any] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    _schema: tuple[Any, dict[str, Any]] | None = field(
        default=None, repr=False
    )  # "system:X" / "section:X" / "property:o.p" -> dist
    readers: list[Any] = field(default_factory=list)  # filelint.documents.DocumentReader
    infos: list[PluginInfo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def schema(self) -> dict[str, Any]:
        """The full manifest schema: core, every pack's sections and properties, the court systems.

        Built once per load (packs register nothing after loading) and shared by every folder of a
        run; callers must not change it."""
        key = (len(self.sections), sum(map(len, self.properties.values())), tuple(sorted(self.calendars)))
        if self._schema is None or self._schema[0] != key:
            from filelint.manifest.schema import full_schema

            self._schema = (key, full_schema(self.sections, self.properties, self.calendars))
        return self._schema[1]

    def deadline_reports(self, case: Any, today: Any) -> list[Any]:
        """Every pack's :class:`filelint.deadlines.DeadlineReport` for ``case`` (filelint_deadlines),
        on the court's calendar with the manifest's ``court.closures``; empty for a court system no
        pack registered a calendar for."""
        cal = self.calendars.get(case.system)
        if cal is None:
            return []
        closures = [d for d in case.court.get("closures", []) if isinstance(d, str)]
        if closures:
            import datetime as dt

            cal = cal.with_closures([dt.date.fromisoformat(d) for d in closures])
        kwargs = {"case": case, "calendar": cal, "today": today, "state_holidays": dict(self.state_holidays)}
        return _deadline_reports(self, kwargs)

    def rule_by_name_or_code(self, key: str) -> Rule | None:
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        return next((r for r in self.rules.values() if r.name == key.lower()), None)


def load_plugins(*, autoload: bool | None = None, extra: Iterable[object] = (), blocked: Iterable[str] = ()) -> Plugins:
    """Register the built-in packs, then entry points (unless disabled), then ``extra`` objects.

    ``blocked`` names packs (entry-point names) the user disabled; an essential pack cannot be."""
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(manager=pm)
    for name in blocked:
        _check_disable(name)
        pm.set_blocked(name)
    from filelint import __version__

    for name, modname in builtin_packs().items():
        _register(plugins, lambda m=modname: importlib.import_module(m), name, "filelint", __version__)
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


def pack_names() -> list[str]:
    """Every pack that could load: filelint's own and every installed ``filelint`` entry point."""
    from importlib.metadata import entry_points

    return sorted({*builtin_packs(), *(ep.name for ep in entry_points(group=GROUP))})


def _check_disable(name: str) -> None:
    from filelint.errors import UsageError

    if name in ESSENTIAL_PACKS:
        raise UsageError(
            f"the {name!r} pack is essential and cannot be disabled (essential: {', '.join(sorted(ESSENTIAL_PACKS))})"
        )
    if name not in pack_names():
        raise UsageError(f"cannot disable pack {name!r}: no such pack; installed: {', '.join(pack_names())}")


def builtin_packs() -> dict[str, str]:
    """``{name: module}`` of filelint's own packs, from its entry points when installed."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        eps = distribution("filelint").entry_points
    except PackageNotFoundError:
        return dict(BUILTIN_PACKS)
    own = {ep.name: ep.value for ep in eps if ep.group == GROUP}
    return own or dict(BUILTIN_PACKS)


def _load_entry_points(plugins: Plugins) -> None:
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        if plugins.manager.is_blocked(ep.name) or (ep.dist is not None and ep.dist.name == "filelint"):
            continue  # disabled by the user, or one of filelint's own packs (registered above)
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
    """Read the plugin's rules, sections, properties and calendars; commit them only if all are
    valid. Each hook runs behind filelint.boundary and its return value is checked (filelint.contracts)."""
    from filelint import contracts

    rules = [replace(_checked_rule(r), plugin=dist) for r in _hook(plugins, obj, "filelint_register_rules", list, None)]
    deep = dist != "filelint"  # third-party schemas are checked as JSON Schema; filelint's own by its tests
    sections = _hook(plugins, obj, "filelint_manifest_schema", dict, lambda v: contracts.sections_error(v, deep=deep))
    properties = _hook(
        plugins, obj, "filelint_schema_properties", dict, lambda v: contracts.properties_error(v, deep=deep)
    )
    calendars = _hook(plugins, obj, "filelint_court_calendars", dict, contracts.calendars_error)
    states = _hook(plugins, obj, "filelint_state_holidays", dict, contracts.state_holidays_error)
    readers = _hook(plugins, obj, "filelint_document_readers", list, None)
    _check_codes(plugins, rules, dist)
    claims = _claims(plugins, sections, properties, calendars, dist)
    claims += [f"state:{state}" for state in states]
    _check_claims(plugins, claims, dist)
    plugins.rules.update((r.code, r) for r in rules)
    plugins.sections.update(sections)
    for o, props in properties.items():
        plugins.properties.setdefault(o, {}).update(props)
    plugins.calendars.update(calendars)
    plugins.state_holidays.update(states)
    plugins.owners.update(dict.fromkeys(claims, dist))
    plugins.readers.extend(readers)
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


def _claims(
    plugins: Plugins,
    sections: Mapping[str, Any],
    properties: Mapping[str, Mapping[str, Any]],
    calendars: Mapping[str, Any],
    dist: str,
) -> list[str]:
    """What this plugin claims (sections, properties, court systems); raise on a claim no pack may
    make. A court system, like a code, belongs to one pack (:func:`_check_claims`), so no pack can
    quietly replace another's calendar."""
    from filelint.courtdays import CourtCalendar
    from filelint.hookspecs import PROPERTY_OBJECTS
    from filelint.manifest.schema import OTHER_SYSTEM, core_property_names

    claims = []
    for section in sections:
        if section in CORE_SECTIONS:
            raise ValueError(f"manifest section {section!r} is a core key")
        claims.append(f"section:{section}")
    for obj, props in properties.items():
        if obj not in PROPERTY_OBJECTS:
            raise ValueError(f"filelint_schema_properties names {obj!r}; objects are {', '.join(PROPERTY_OBJECTS)}")
        for prop in props:
            if prop in core_property_names(obj):
                raise ValueError(f"property {obj}.{prop} is a core property")
            claims.append(f"property:{obj}.{prop}")
    for system, calendar in calendars.items():
        if system == OTHER_SYSTEM or not isinstance(system, str) or not system:
            raise ValueError(f"court system {system!r} cannot be registered")
        if not isinstance(calendar, CourtCalendar):
            raise TypeError(
                f"the calendar for {system!r} is a {type(calendar).__name__}, not a filelint.courtdays.CourtCalendar"
            )
        claims.append(f"system:{system}")
    return claims


def _check_claims(plugins: Plugins, claims: list[str], dist: str) -> None:
    """Raise on a claim another pack made first, naming both distributions."""
    for claim in claims:
        if claim in plugins.owners:
            kind, _, name = claim.partition(":")
            what = {"system": "court system", "state": "the holidays of state"}.get(kind, kind)
            verb = "are" if kind == "state" else "is"
            raise ValueError(
                f"{what} {name!r} {verb} already registered by {plugins.owners[claim]!r}; "
                f"{dist!r} must use a name of its own"
            )


def _deadline_reports(plugins: Plugins, kwargs: dict[str, Any]) -> list[Any]:
    """Each pack's filelint_deadlines, called one by one behind the boundary (pluggy would stop at
    the first that raises); a failure or a value that is not a DeadlineReport goes to ``errors``."""
    from filelint.deadlines import DeadlineReport

    reports = []
    for impl in plugins.manager.hook.filelint_deadlines.get_hookimpls():
        args = {name: kwargs[name] for name in impl.argnames}
        try:
            value = _guarded(lambda f=impl.function, a=args: f(**a), f"hook filelint_deadlines of {impl.plugin_name!r}")
        except PluginFault as exc:
            plugins.errors.append(f"plugin {impl.plugin_name!r}: filelint_deadlines failed: {exc}")
            continue
        if value is not None and not isinstance(value, DeadlineReport):
            plugins.errors.append(
                f"plugin {impl.plugin_name!r}: filelint_deadlines returned "
                f"{type(value).__name__}, not a filelint.deadlines.DeadlineReport"
            )
        elif value is not None:
            reports.append(value)
    return reports


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
            raise ValueError(
                f"rule code {rule.code} is claimed by both {other!r} and {dist!r}; a code belongs to one rule"
            )
        seen.add(rule.code)
        owner = next((r.plugin for r in plugins.rules.values() if r.prefix == rule.prefix and r.plugin != dist), None)
        if owner is not None:
            raise ValueError(f"code prefix {rule.prefix} belongs to {owner!r}; {dist!r} must use a prefix of its own")


def builtin_module(name: str) -> ModuleType:
    """Import a built-in plugin module by its dotted name (used by tests)."""
    return importlib.import_module(name)
