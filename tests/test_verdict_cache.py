"""An unchanged, valid manifest is not validated again (issue 16: a warm run skips jsonschema).

A valid manifest is mostly validated without jsonschema anyway (filelint.manifest.quickcheck); the
probe can turn that quick check off, so the import of jsonschema shows whether validation ran."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXED = ROOT / "examples" / "palominos-cervantes-v-gm-fixed"
NO_QUICK = "import filelint.manifest.quickcheck as q; q.quick_valid = lambda data, schema: None; "
PROBE = (
    "import sys; from filelint.cli import main; code = main(sys.argv[1:]); "
    "print('JSONSCHEMA' if 'jsonschema' in sys.modules else 'NO-JSONSCHEMA'); sys.exit(code)"
)


def _run(folder: Path, cache: Path, *extra: str, quick: bool = True) -> tuple[int, str]:
    env = {**os.environ, "FILELINT_CACHE_DIR": str(cache), "FILELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE if quick else NO_QUICK + PROBE, "check", str(folder), "--select", "FL0", *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return proc.returncode, proc.stdout


def test_second_run_skips_validation_and_an_edit_validates_again(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    shutil.copytree(FIXED, folder)
    first = _run(folder, tmp_path / "cache2", quick=False)
    second = _run(folder, tmp_path / "cache2", quick=False)
    assert first[1].rstrip().splitlines()[-1] == "JSONSCHEMA"
    assert second[1].rstrip().splitlines()[-1] == "NO-JSONSCHEMA" and second[0] == first[0]
    manifest = folder / "filelint.yaml"
    manifest.write_text(manifest.read_text().replace("23STCV03596", "23STCV03597"))
    assert _run(folder, tmp_path / "cache2", quick=False)[1].rstrip().splitlines()[-1] == "JSONSCHEMA"


def test_a_valid_manifest_needs_no_jsonschema_even_on_a_cold_cache(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    shutil.copytree(FIXED, folder)
    code, out = _run(folder, tmp_path / "cold")
    slow_code, slow_out = _run(folder, tmp_path / "cold-too", quick=False)
    assert out.rstrip().splitlines()[-1] == "NO-JSONSCHEMA" and slow_out.rstrip().splitlines()[-1] == "JSONSCHEMA"
    assert (code, out.rstrip().splitlines()[:-1]) == (slow_code, slow_out.rstrip().splitlines()[:-1])


def test_an_invalid_manifest_is_validated_every_time(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    shutil.copytree(FIXED, folder)
    manifest = folder / "filelint.yaml"
    manifest.write_text(manifest.read_text().replace("system: ca-superior", "system: ca-superor"))
    for _ in range(2):
        code, out = _run(folder, tmp_path / "cache")
        assert code == 2 and "FL003" in out and out.rstrip().splitlines()[-1] == "JSONSCHEMA"


def test_no_cache_and_a_cache_inside_the_folder_write_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    shutil.copytree(FIXED, folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    _run(folder, folder / ".cache")
    _run(folder, folder / ".cache")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    _run(folder, tmp_path / "c", "--no-cache")
    assert not (tmp_path / "c" / "verdicts").exists()
