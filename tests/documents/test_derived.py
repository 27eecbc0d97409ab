"""Derived facts of a document (request references, mentions, statement sections, date hits) are
cached by content beside the text: a hit computes nothing, a damaged or planted entry is ignored
and rewritten, a new version or a changed file is computed again, --no-cache writes nothing."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import shutil
from pathlib import Path

import pytest

from filelint import refs
from filelint.cli import main
from filelint.documents import derived, read_documents
from filelint.papers import page_date_hits, parse_sections, read_paper, request_pages
from filelint.papers import statement_parse as statement_module
from filelint.testing.pdfwrite import write_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm-fixed"
LETTER = [
    "August 17, 2023",
    "Re: Plaintiff's Requests for Production, Set One",
    "We write about your responses to RFP Nos. 13-16 and Request No. 34.",
    "Your objections to Nos. 2, 3 and 8 are not well taken.",
]
STATEMENT = [
    "REQUEST FOR PRODUCTION NO. 13:",
    "All documents concerning repairs to the vehicle.",
    "RESPONSE TO REQUEST FOR PRODUCTION NO. 13:",
    "Objection; overbroad.",
    "REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:",
    "The repairs go to the defect at issue.",
]


def _read(path: Path, cache: Path | None) -> object:
    return read_documents([path], cache_dir=cache)[path]


def _facts(doc: object) -> tuple[object, ...]:
    paper = read_paper(doc, "rfp")  # type: ignore[arg-type]
    day = dt.date(2023, 8, 17)
    return (
        request_pages(doc, "rfp"),  # type: ignore[arg-type]
        paper.mentions,
        paper.boundaries,
        paper.date_hits(day),
        page_date_hits(doc, day),  # type: ignore[arg-type]
        parse_sections(doc),  # type: ignore[arg-type]
    )


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "derived").glob("*.json")) if (cache / "derived").is_dir() else []


def _split(entry: str) -> tuple[dict[str, str], dict[str, object]]:
    """An entry's header (version, checksum) and its facts."""
    head, _, facts = entry.partition("\n")
    return json.loads(head), json.loads(facts)


def _forbid_searching(monkeypatch: pytest.MonkeyPatch) -> None:
    def searched(*_: object) -> None:
        raise AssertionError("a cached fact was computed again")

    monkeypatch.setattr(refs, "find_request_mentions", searched)
    monkeypatch.setattr(statement_module, "_parse_sections", searched)


def _fresh_copy(paper: Path, name: str) -> Path:
    """The same bytes under another name: a document this process has not seen (no memory hit)."""
    gc.collect()
    return Path(shutil.copy(paper, paper.with_name(name)))


@pytest.fixture
def papers(tmp_path: Path) -> tuple[Path, Path]:
    letter = write_pdf(tmp_path / "letter.pdf", [LETTER, ["Page two mentions RFP No. 35."]])
    statement = write_pdf(tmp_path / "statement.pdf", [STATEMENT])
    return letter, statement


def test_a_miss_computes_and_stores_a_private_entry_then_a_hit_computes_nothing(
    papers: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    letter, statement = papers
    cold = [_facts(_read(p, cache)) for p in papers]
    assert cold[0][0] == {"13": [1], "14": [1], "15": [1], "16": [1], "34": [1], "2": [1], "3": [1], "8": [1]} | {
        "35": [2]
    }
    assert list(cold[1][5]) == ["13"]
    assert len(_entries(cache)) == 2
    assert all(e.stat().st_mode & 0o077 == 0 for e in _entries(cache))
    assert (cache / "derived").stat().st_mode & 0o077 == 0
    _forbid_searching(monkeypatch)
    warm = [_facts(_read(_fresh_copy(p, f"copy-{p.name}"), cache)) for p in (letter, statement)]
    assert warm == cold


def test_without_a_text_cache_nothing_is_stored(papers: tuple[Path, Path], tmp_path: Path) -> None:
    letter, _ = papers
    _facts(_read(letter, None))
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "[" * 100_000,
        "[]",
        "",
        '{"version": 1, "check": ""}\n{}',
        "\n\n",
    ],
)
def test_a_damaged_entry_is_ignored_and_rewritten(papers: tuple[Path, Path], tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    letter, statement = papers
    cold = [_facts(_read(p, cache)) for p in papers]
    for entry in _entries(cache):
        entry.write_text(damage, "utf-8")
    again = [_facts(_read(_fresh_copy(p, f"again-{p.name}"), cache)) for p in (letter, statement)]
    assert again == cold
    assert all(_split(e.read_text("utf-8"))[1] for e in _entries(cache))


def test_a_planted_entry_is_not_trusted(
    papers: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited fact without its checksum, a fact of the wrong shape with a matching checksum, and
    an entry others may write are all computed again."""
    cache = tmp_path / "cache"
    letter, _ = papers
    cold = _facts(_read(letter, cache))
    (entry,) = [e for e in _entries(cache) if "page-refs" in e.read_text("utf-8")]
    good = entry.read_text("utf-8")
    header, facts = _split(good)
    edited = json.loads(json.dumps(facts))
    edited["page-refs"] = [[["rfp", "99", None]], []]  # checksum not updated
    wrong = json.loads(json.dumps(facts))
    wrong["page-refs"] = [[["rfp", 99, None]], []]
    wrong_check = {**header, "check": derived._checksum(json.dumps(wrong).encode())}
    for n, planted in enumerate(
        (f"{json.dumps(header)}\n{json.dumps(edited)}", f"{json.dumps(wrong_check)}\n{json.dumps(wrong)}")
    ):
        entry.write_text(planted, "utf-8")
        assert _facts(_read(_fresh_copy(letter, f"planted{n}.pdf"), cache)) == cold
    entry.write_text(good, "utf-8")
    entry.chmod(0o666)
    assert _facts(_read(_fresh_copy(letter, "writable.pdf"), cache)) == cold
    assert entry.stat().st_mode & 0o022 == 0  # rewritten private


def test_a_new_version_computes_again(
    papers: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    letter, _ = papers
    cold = _facts(_read(letter, cache))
    old = _entries(cache)
    monkeypatch.setattr(derived, "derived_version", lambda: "2-changed")
    calls: list[str] = []
    find = refs.find_request_mentions
    monkeypatch.setattr(refs, "find_request_mentions", lambda text: calls.append(text) or find(text))
    assert _facts(_read(_fresh_copy(letter, "v2.pdf"), cache)) == cold
    assert calls  # searched again
    assert [e for e in _entries(cache) if e not in old] and all(
        ".2-changed." in e.name for e in _entries(cache) if e not in old
    )


def test_the_version_hashes_the_code_that_computes_facts() -> None:
    package = Path(derived.__file__).resolve().parent.parent
    assert all((package / name).is_file() for name in derived.VERSION_SOURCES)
    assert {"refs.py", "papers/passages.py", "papers/statement_parse.py"} <= set(derived.VERSION_SOURCES)


def test_a_changed_file_is_read_again_even_with_the_same_size_and_times(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "letter.pdf", [["We raised RFP No. 34 on August 17, 2023."]])
    first = _read(paper, cache)
    assert request_pages(first, "rfp") == {"34": [1]}  # type: ignore[arg-type]
    before = paper.stat()
    data = paper.read_bytes().replace(b"No. 34", b"No. 43")
    assert len(data) == before.st_size
    paper.write_bytes(data)
    os.utime(paper, ns=(before.st_atime_ns, before.st_mtime_ns))
    del first
    gc.collect()
    assert request_pages(_read(paper, cache), "rfp") == {"43": [1]}  # type: ignore[arg-type]


def test_check_with_no_cache_writes_no_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "motion"))
    monkeypatch.setenv("FILELINT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["check", str(folder), "--no-cache", "--today", "2023-12-01", "--format", "json"]) in (0, 1)
    no_cache = capsys.readouterr().out
    assert not (tmp_path / "cache").exists()
    for _ in range(2):  # cold, then warm from the facts cache: the same findings
        assert main(["check", str(folder), "--today", "2023-12-01", "--format", "json"]) in (0, 1)
        assert capsys.readouterr().out == no_cache
    assert len(_entries(tmp_path / "cache")) >= 4


def test_a_warm_check_compiles_no_reference_pattern(tmp_path: Path) -> None:
    """A warm run of a folder whose papers and facts are cached imports neither filelint.refs (its
    patterns), nor the message readers of a folder without `source:`, nor another output format."""
    import subprocess
    import sys

    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "motion"))
    code = (
        "import contextlib, io, sys; from filelint.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['check', {str(folder)!r}, '--today', '2023-12-01'])\n"
        "print(sorted(m for m in ('filelint.refs', 'filelint.papers.correspondence', 'filelint.papers.sides',"
        " 'filelint.output.junit', 'jsonschema') if m in sys.modules))"
    )
    env = {**os.environ, "FILELINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        for _ in range(2)
    ]
    assert "filelint.refs" in runs[0].stdout  # cold: the papers were searched
    assert runs[1].stdout.strip() == "[]", runs[1].stderr


def test_a_document_that_cannot_be_hashed_is_still_searched(tmp_path: Path) -> None:
    """A pack's reader may leave lists in its document: its facts are computed, not remembered."""
    from filelint.pdf.model import DocumentText

    doc = DocumentText(tmp_path / "x.pdf", "a" * 64, ["RFP No. 7 is at issue."], "ok", "")  # type: ignore[arg-type]
    assert request_pages(doc, "rfp") == {"7": [1]}
    assert [m.numbers for m in read_paper(doc, "rfp").mentions] == [("7",)]
