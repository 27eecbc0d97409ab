"""The libyaml fast path reads every manifest exactly as PyYAML's own parser does (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from filelint.manifest import yamlload

ROOT = Path(__file__).resolve().parents[1]


def _both(text: str) -> tuple[object, object]:
    fast = yamlload.load_yaml(text)
    saved = yamlload._FAST_LOADER
    yamlload._FAST_LOADER = None
    try:
        slow = yamlload.load_yaml(text)
    finally:
        yamlload._FAST_LOADER = saved
    return (fast.data, fast.values, fast.keys), (slow.data, slow.values, slow.keys)


@pytest.mark.skipif(getattr(yaml, "CSafeLoader", None) is None, reason="PyYAML built without libyaml")
def test_every_manifest_in_the_repo_loads_identically() -> None:
    manifests = sorted(ROOT.glob("**/filelint.yaml"))
    assert len(manifests) > 100
    for path in manifests:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            fast, slow = _both(text)
        except yamlload.ManifestSyntaxError:
            continue  # hostile manifests: the error path is PyYAML's either way
        assert fast == slow, path


def test_errors_come_from_the_same_parser_either_way() -> None:
    bad = "filelint: 1\ncourt:\n  system: ca-superior\n   county: x\n"
    with pytest.raises(yamlload.ManifestSyntaxError) as fast:
        yamlload.load_yaml(bad)
    saved = yamlload._FAST_LOADER
    yamlload._FAST_LOADER = None
    try:
        with pytest.raises(yamlload.ManifestSyntaxError) as slow:
            yamlload.load_yaml(bad)
    finally:
        yamlload._FAST_LOADER = saved
    assert (fast.value.message, fast.value.mark) == (slow.value.message, slow.value.mark)
