"""The Word-and-email example rebuilds byte for byte and reports exactly the seed case's findings."""

from __future__ import annotations

import sys
from pathlib import Path

from filelint.testing import run_folder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
sys.path.insert(0, str(EXAMPLES))
import build_word_email  # noqa: E402


def test_rebuild_is_identical() -> None:
    assert build_word_email.main(["--check"]) == 0


def test_same_findings_as_the_seed_case() -> None:
    def seen(folder: str) -> list[tuple[str, str]]:
        return [(f.code, f.message.replace(".docx", ".pdf")) for f in run_folder(EXAMPLES / folder)]

    word = seen(build_word_email.NAME)
    assert word == seen("palominos-cervantes-v-gm")
    assert {"CAL002", "CAL003", "CAL004", "CAL204"} <= {code for code, _ in word}


def test_a_changed_fact_is_caught_from_the_email(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "case"
    shutil.copytree(EXAMPLES / build_word_email.NAME, folder)
    manifest = folder / "filelint.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("    date: 2023-08-17 ", "    date: 2023-08-18 "), "utf-8")
    expected = (
        "m1 is dated 2023-08-18, but its source correspondence/m1-letter-of-aug-17.eml is dated "
        "2023-08-17 (in the court's time zone)"
    )
    assert [f.message for f in run_folder(folder, select=["FL114"])] == [expected]
