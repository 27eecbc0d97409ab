"""With --jobs above 1 the papers are read in the background: the workers start before the manifest
is validated, the rules run while they read, and a rule waits only for the paper it asks for
(filelint.pdf.batch.Background). The findings are those of a one-job run."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint import runner
from filelint.documents.read import read_documents, start_documents
from filelint.manifest.aliases import normalize
from filelint.manifest.named import named_paths
from filelint.manifest.schema import validate
from filelint.manifest.yamlload import ManifestSyntaxError, load_yaml
from filelint.model import ModelError, build_case
from filelint.paperreader import PaperReader
from filelint.pdf import pool
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings
from filelint.testing.pdfwrite import write_pdf
from hostile.pdfbytes import busy_content, busy_files
from procs import descendants

from .test_parts import exhibit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"


def _findings(folder: Path, jobs: int) -> list[tuple[str, str, str, int]]:
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=jobs)
    result = lint_folder(folder, load_plugins(autoload=False), settings, cwd=folder)
    return sorted((f.code, f.message, f.location.path, f.location.line) for f in result.findings)


def test_two_jobs_start_reading_before_validation_and_find_what_one_job_finds(monkeypatch: Any) -> None:
    events: list[str] = []
    real_start, real_validate = PaperReader.start, runner._validate

    def start(self: PaperReader, relpaths: list[str], **kwargs: Any) -> Any:
        events.append("start " + ",".join(sorted(relpaths)))
        return real_start(self, relpaths, **kwargs)

    def validate_(*args: Any) -> Any:
        events.append("validate")
        return real_validate(*args)

    monkeypatch.setattr(PaperReader, "start", start)
    monkeypatch.setattr(runner, "_validate", validate_)
    two = _findings(SEED, 2)
    named = ",".join(sorted(p.relative_to(SEED).as_posix() for p in SEED.rglob("*.pdf")))
    assert events == [f"start {named}", "validate"]
    assert two == _findings(SEED, 1)
    assert not descendants()  # the folder's workers are gone when it is done


def test_a_manifest_that_fails_validation_stops_the_reading(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(SEED, folder)
    text = (folder / "filelint.yaml").read_text("utf-8")
    (folder / "filelint.yaml").write_text(text.replace("court:", "court_name_typo: x\ncourt:", 1), "utf-8")
    codes = {code for code, *_ in _findings(folder, 2)}
    assert "FL004" in codes  # unknown key: the rules did not run
    assert not descendants()


def _papers(folder: Path) -> list[Path]:
    """Short papers, a long exhibit read in page ranges, and two files with the same bytes."""
    folder.mkdir()
    lines = [f"Plaintiff moves to compel further responses to Request No. {i}." for i in range(1, 21)]
    short = [write_pdf(folder / f"p{i}.pdf", [lines] * (i + 1), pleading_paper=True) for i in range(3)]
    long = exhibit(folder / "exhibit.pdf", 40)
    copy = folder / "copy-of-p0.pdf"
    copy.write_bytes(short[0].read_bytes())
    return [*short, long, copy]


def test_the_background_batch_gives_each_path_what_a_one_job_read_gives(tmp_path: Path) -> None:
    paths = _papers(tmp_path / "papers")
    expected = read_documents(paths, jobs=1)
    batch = start_documents(paths, jobs=2)
    try:
        for path in reversed(paths):  # asked in any order
            got = batch.result(path)
            assert got == expected[path]
    finally:
        batch.close()
    assert not descendants()


def test_a_path_the_batch_does_not_hold_is_answered_at_once(tmp_path: Path) -> None:
    busy = tmp_path / "busy.pdf"
    busy.write_bytes(busy_content())  # keeps pdfminer busy far longer than this test
    batch = start_documents([busy], jobs=2, backend="pdfminer")
    try:
        assert batch.result(tmp_path / "not-in-the-batch.pdf") is None
        assert descendants()  # answered while the batch is still being read
    finally:
        batch.close()
    assert not descendants()  # a busy worker is killed


def test_workers_stopped_at_their_time_limit_are_replaced_from_the_feeding_thread(tmp_path: Path) -> None:
    """Both workers time out on busy files; the papers still waiting get new workers, started by the
    feeding thread through a fork server (it never forks itself while the rules run)."""
    busy = busy_files(tmp_path, 2)
    papers = _papers(tmp_path / "papers")[:3]
    batch = start_documents([*busy, *papers], jobs=2, backend="pdfminer", timeout=3.0)
    try:
        assert [batch.result(path).status for path in busy] == ["timeout", "timeout"]  # type: ignore[union-attr]
        assert all(batch.result(path).status == "ok" for path in papers)  # type: ignore[union-attr]
    finally:
        batch.close()
    assert not descendants()


def test_closing_a_batch_stops_its_workers_at_once(tmp_path: Path) -> None:
    paths = _papers(tmp_path / "papers")
    batch = start_documents(paths, jobs=2)
    batch.close()
    batch.close()  # idempotent
    assert not descendants()


def _valid_manifests() -> list[Path]:
    found = sorted(ROOT.glob("examples/*/filelint.yaml")) + sorted(ROOT.glob("tests/rules/*/*/filelint.yaml"))
    assert len(found) > 100
    return found


@pytest.mark.parametrize("manifest", _valid_manifests()[::5], ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_named_paths_read_before_validation_are_the_cases_named_files(manifest: Path) -> None:
    try:
        loaded = load_yaml(manifest.read_text("utf-8-sig"))
        schema = load_plugins(autoload=False).schema()
        list(normalize(loaded.data, schema))
        if validate(loaded, schema):
            pytest.skip("not a valid manifest")
        case = build_case(loaded.data)
    except (ManifestSyntaxError, ModelError):
        pytest.skip("not a valid manifest")
    assert named_paths(loaded.data) == [path for path, _ in case.named_files()]


@pytest.mark.parametrize(
    "data",
    [
        None,
        ["papers"],
        {"papers": "notice.pdf"},
        {"papers": [None, 3, {"path": 7}, {"path": ""}, {"path": ["a.pdf"]}]},
        {"meet_and_confer": [{"file": {"nested": "x.pdf"}}]},
        {"papers": [{"path": f"p{i}.pdf"} for i in range(1_001)]},
    ],
)
def test_named_paths_of_data_that_is_no_manifest_are_none(data: Any) -> None:
    assert named_paths(data) == []


def test_named_paths_keep_the_manifests_order_once_each() -> None:
    data = yaml.safe_load(
        "papers: [{path: notice.pdf}, {path: ex/letter.pdf}]\n"
        "responses: [{file: ex/responses.pdf}]\n"
        "meet_and_confer: [{file: ex/letter.pdf, source: ex/src.eml}, {file: ex/reply.pdf}]\n"
    )
    assert named_paths(data) == ["notice.pdf", "ex/letter.pdf", "ex/responses.pdf", "ex/reply.pdf", "ex/src.eml"]


def _pool_of(count: int, on_done: Any = None) -> pool._Pool:
    tasks = [pool.Task(Path(f"p{i}.pdf"), b"%PDF-", str(i) * 64) for i in range(count)]
    work = pool._Pool(tasks, 2, None, None, on_done)
    work.cancelled = True  # nothing is assigned: the order alone is looked at
    return work


def test_the_papers_a_rule_waits_for_are_read_next_in_its_order() -> None:
    work = _pool_of(6)
    work.pending.popleft()  # p0 is being read
    work.hurry([5, 0, 3, 5])  # p0 is no longer waiting; p5 asked twice
    work._reorder()
    assert list(work.pending) == [5, 3, 1, 2, 4]


def test_a_files_cleaning_goes_before_the_other_waiting_units() -> None:
    cleaning = pool.Task(Path("exhibit.pdf"), b"", "e" * 64, raw=((), 0))
    work = _pool_of(3, on_done=lambda index, result: [cleaning] if index == 0 else [])
    work.pending.popleft()
    work._finished(0, None)
    assert list(work.pending) == [3, 1, 2] and work.tasks[3] is cleaning
