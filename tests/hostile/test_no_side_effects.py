"""Nothing written, nothing sent: every command leaves each example folder byte-identical, and
every example runs with all network access blocked."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .helpers import TODAY, run_cli

EXAMPLES = sorted(
    p for p in (Path(__file__).resolve().parents[2] / "examples").iterdir() if (p / "filelint.yaml").is_file()
)
COMMANDS: list[Callable[[str], list[str]]] = [
    lambda f: ["check", f, "--today", TODAY, "--no-plugins"],
    lambda f: ["check", f, "--today", TODAY, "--no-plugins", "--format", "json"],
    lambda f: ["check", f, "--today", TODAY, "--no-plugins", "--no-cache", "--jobs", "2"],
    lambda f: ["rules"],
    lambda f: ["rules", "--format", "json"],
    lambda f: ["rule", "CAL002"],
    lambda f: ["schema"],
    lambda f: ["plugins"],
    lambda f: ["deadlines", f, "--today", TODAY],
    lambda f: ["deadlines", f, "--today", TODAY, "--format", "json"],
    lambda f: ["init", f],  # refuses: a manifest is there
    lambda f: ["init", f, "--stdout"],
]


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (hidden ones too) with the SHA-256 of each file."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("command", range(len(COMMANDS)))
def test_command_writes_nothing_in_the_folder(
    example: Path, command: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FILELINT_CACHE_DIR", str(tmp_path / "cache"))  # the text cache lives outside
    monkeypatch.chdir(example)
    before = snapshot(example)
    run = run_cli(capsys, *COMMANDS[command](str(example)))
    assert snapshot(example) == before
    assert "Traceback" not in run.out + run.err
    assert run.code in (0, 1, 2)


class NetworkBlocked(AssertionError):
    pass


def _blocked(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked(f"filelint tried to use the network: {args!r}")


def _inet_only(original: Callable[..., Any]) -> Callable[..., Any]:
    """Block a socket method on internet sockets; local AF_UNIX pairs (multiprocessing's pipes to
    the PDF workers) keep working."""

    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _blocked(*args)
        return original(self, *args, **kwargs)

    return guarded


def _count_pdf_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Run the PDF workers as forked children, which inherit the patched socket module, and
    record each one started: a worker that touched the network would die, and its document
    would be reported unreadable (FL111)."""
    import multiprocessing

    from filelint.pdf import pool

    spawned: list[int] = []
    original = pool._Pool._spawn

    def counting(self: Any) -> Any:
        spawned.append(1)
        return original(self)

    monkeypatch.setattr(pool, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(pool._Pool, "_spawn", counting)
    return spawned


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_runs_with_the_network_blocked(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("connect", "connect_ex", "sendto", "sendall", "send", "bind"):
        monkeypatch.setattr(socket.socket, name, _inet_only(getattr(socket.socket, name)))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _blocked)
    monkeypatch.setenv("FILELINT_CACHE_DIR", str(tmp_path / "cache"))
    spawned = _count_pdf_workers(monkeypatch)
    for command in COMMANDS:
        run = run_cli(capsys, *command(str(example)))
        assert "NetworkBlocked" not in run.out + run.err
        assert "Traceback" not in run.out + run.err
        assert run.code in (0, 1, 2)
    check = run_cli(capsys, "check", str(example), "--today", TODAY, "--no-plugins")
    assert check.code in (0, 1)  # a real result, not an error from a blocked call
    assert spawned, "no PDF worker process ran, so the block did not cover them"
    # a worker that hit the block dies and its paper is reported unreadable (exit 1, not 2)
    assert "FL110" not in check.out and "FL111" not in check.out, check.out
    with pytest.raises(NetworkBlocked):  # the block itself works
        socket.create_connection(("example.invalid", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkBlocked):
        sock.connect(("127.0.0.1", 9))
