"""``filelint check FOLDER --jobs N`` starts reading before the command line parser, the configuration
machinery and the packs load (filelint.earlyargs, readahead.begin_from_argv); the run keeps that start
only when its own settings read the papers the same way."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from filelint import config, earlyargs, readahead
from filelint.cli import app
from filelint.earlyargs import ReadingOptions, reading_options
from filelint.settings import Settings
from procs import descendants

SEED = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SEED, tmp_path / "case")
    return tmp_path / "case"


@pytest.fixture(autouse=True)
def _nothing_left() -> object:
    yield
    readahead.discard()


def test_a_plain_check_command_line_gives_its_reading_options(folder: Path) -> None:
    f = str(folder)
    assert reading_options(["check", f, "-j", "2"]) == (folder, ReadingOptions(2, "auto", False, None))
    assert reading_options([f, "-j2", "--no-cache"]) == (folder, ReadingOptions(2, "auto", True, None))
    both = ["check", "-v", f, "--jobs=2", "--pdf-backend", "pdfminer", "--format", "json", "-q", "--select", "CAL"]
    assert reading_options(both) == (folder, ReadingOptions(2, "pdfminer", False, None))
    assert reading_options(["check", f, "-j", "1"]) == (folder, ReadingOptions(1, "auto", False, None))


@pytest.mark.parametrize(
    "words",
    [
        ["check", "{f}", "--job", "2"],  # argparse takes abbreviations; read here only in full
        ["check", "{f}", "{f}", "-j2"],
        ["check", "-j", "2"],
        ["check", "{f}", "-j", "2", "--isolate-plugins"],
        ["check", "{f}", "-j2", "--config", "other.toml"],
        ["check", "{f}", "-j2", "--format", "html"],
        ["check", "{f}", "--", "-j2"],
        ["check", "{f}", "-j", "two"],
        ["check", "{f}", "-j", "0"],
        ["check", "{f}", "-j2", "--pdf-backend", "fastest"],
        ["check", "{f}/filelint.yaml", "-j2"],
        ["check", "{f}", "-j"],
        ["rules"],
        ["--version"],
        [],
    ],
)
def test_anything_else_starts_nothing_early(folder: Path, words: list[str]) -> None:
    assert reading_options([w.format(f=folder) for w in words]) is None


def test_a_configuration_file_is_read_as_the_run_reads_it(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (folder / "filelint.toml").write_text(f'jobs = 2\npdf-backend = "pdfminer"\ncache-dir = "{cache.as_posix()}"\n')
    assert reading_options(["check", str(folder)]) == (folder, ReadingOptions(2, "pdfminer", False, cache.as_posix()))
    assert reading_options(["check", str(folder), "-j", "3", "--pdf-backend", "pdfium"]) == (
        folder,
        ReadingOptions(3, "pdfium", False, cache.as_posix()),
    )
    (folder / "filelint.toml").write_text("jobs = -1\n")
    assert reading_options(["check", str(folder), "-j", "2"]) is None  # the run reports the bad file


def test_what_is_read_here_is_what_the_cli_knows() -> None:
    """The commands, configuration names, defaults and every option of `check` are the CLI's own."""
    assert earlyargs.COMMANDS == app.COMMANDS
    assert earlyargs.CONFIG_NAMES == config.CONFIG_NAMES
    defaults = Settings()
    assert (defaults.jobs, defaults.pdf_backend, defaults.cache_dir) == (1, "auto", None)
    sub = next(a for a in app.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    options = {
        s for action in sub.choices["check"]._actions for s in action.option_strings if s not in ("-h", "--help")
    }
    assert options == set(earlyargs.VALUED) | earlyargs.FLAGS
    valued = {s for action in sub.choices["check"]._actions if action.nargs != 0 for s in action.option_strings}
    assert valued == set(earlyargs.VALUED)


def test_the_run_keeps_an_early_start_that_reads_as_it_does(folder: Path) -> None:
    readahead.begin_from_argv(["check", str(folder), "-j", "2", "--no-cache"])
    early = readahead._STARTED[folder.resolve()]
    readahead.begin([folder], Settings(jobs=2, no_cache=True))
    assert readahead._STARTED[folder.resolve()] is early
    assert isinstance(early.reader.settings, Settings)  # later reads use the run's own settings


def test_the_run_stops_an_early_start_that_reads_otherwise(folder: Path) -> None:
    readahead.begin_from_argv(["check", str(folder), "-j", "2", "--no-cache"])
    early = readahead._STARTED[folder.resolve()]
    readahead.begin([folder], Settings(jobs=2, no_cache=True, pdf_backend="pdfminer"))
    again = readahead._STARTED[folder.resolve()]
    assert again is not early and again.reading[1] == "pdfminer"
    readahead.begin([folder], Settings(jobs=1, no_cache=True))
    assert not readahead._STARTED
    readahead.begin_from_argv(["check", str(folder), "-j", "2", "--no-cache"])
    readahead.begin([folder], Settings(jobs=2, no_cache=True, isolate_plugins=True))
    assert not readahead._STARTED and not descendants()


def test_one_job_starts_nothing_early(folder: Path) -> None:
    readahead.begin_from_argv(["check", str(folder), "-j", "1", "--no-cache"])
    assert not readahead._STARTED


def _run(args: list[str], importtime: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FILELINT_")}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "filelint", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_command_reads_before_its_parser_loads_and_finds_what_one_job_finds(folder: Path) -> None:
    base = ["check", str(folder), "--today", "2026-11-28", "--no-cache", "--format", "json"]
    two = _run([*base, "-j", "2"], importtime=True)
    one = _run([*base, "-j", "1"])
    assert two.returncode == one.returncode == 1 and two.stdout == one.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in two.stderr.splitlines() if line.startswith("import time")]
    assert imported.index("filelint.readerproc") < imported.index("argparse")  # it forks the reader process


def test_a_usage_error_after_an_early_start_is_reported(folder: Path) -> None:
    run = _run(["check", str(folder), "-j", "2", "--no-cache", "--fail-on", "never"])
    assert run.returncode == 2 and "--fail-on" in run.stderr


def test_a_failing_early_start_is_left_to_the_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a head start: whatever goes wrong there, the run reads and reports as it always does."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("a manifest too deep for the parser")

    monkeypatch.setattr("filelint.manifest.yamlload.load_yaml", broken)
    monkeypatch.setattr(
        "filelint.readerproc.usable", lambda: False
    )  # the parent parses (a reader process: test_readerproc)
    readahead.begin_from_argv(["check", str(folder), "-j", "2", "--no-cache"])
    assert not readahead._STARTED and not descendants()
