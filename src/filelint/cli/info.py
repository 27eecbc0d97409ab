"""Informational commands: ``plugins``, ``rules``, ``rule CODE``, ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from filelint.output.ruledoc import defined_in, render_rule, rule_dict


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("plugins", help="list loaded plugins with versions")
    p.set_defaults(handler=plugins_cmd)
    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")
    p.set_defaults(handler=rules_cmd)
    p = sub.add_parser("rule", help="explain one rule: what, why, example, fix, authority")
    p.add_argument("code", help="a rule code (CAL002) or name (request-not-conferred)")
    p.set_defaults(handler=rule_cmd)
    p = sub.add_parser("schema", help="print the full manifest JSON Schema (core and packs)")
    p.set_defaults(handler=schema_cmd)


def _plugins() -> Any:
    from filelint.plugins import load_plugins

    plugins = load_plugins()
    for error in plugins.errors:
        print(f"filelint: error: {error}", file=sys.stderr)
    return plugins


def plugins_cmd(args: argparse.Namespace) -> int:
    plugins = _plugins()
    for info in plugins.infos:
        codes = f"{len(info.codes)} rules" if info.codes else "no rules"
        print(f"{info.name:<36} {info.distribution} {info.version}  ({codes})")
    return 2 if plugins.errors else 0


def rules_cmd(args: argparse.Namespace) -> int:
    plugins = _plugins()
    rules = sorted(plugins.rules.values(), key=lambda r: r.code)
    if args.output_format == "json":
        json.dump([rule_dict(r) for r in rules], sys.stdout, indent=2)
        print()
    else:
        for r in rules:
            print(f"{r.code:<7} {r.name:<34} {r.severity!s:<8} {r.citation}")
    return 2 if plugins.errors else 0


def rule_cmd(args: argparse.Namespace) -> int:
    from filelint.errors import UsageError

    plugins = _plugins()
    rule = plugins.rule_by_name_or_code(args.code)
    if rule is None:
        raise UsageError(f"no rule {args.code!r}; `filelint rules` lists them")
    print(render_rule(rule).rstrip())
    print(f"\nDefined in: {defined_in(rule)}")
    return 0


def schema_cmd(args: argparse.Namespace) -> int:

    plugins = _plugins()
    json.dump(plugins.schema(), sys.stdout, indent=2)
    print()
    return 2 if plugins.errors else 0
