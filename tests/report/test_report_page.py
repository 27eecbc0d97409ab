"""``filelint report``: the seed shows its two defects at a glance; every user string is escaped."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from filelint.cli import main
from filelint.report.build import folder_reports
from filelint.settings import Settings

from .large_motion import write as write_large

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"
FIXED = ROOT / "examples" / "palominos-cervantes-v-gm-fixed"
TODAY = dt.date(2023, 12, 5)


def report_html(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", *args, "--today", "2023-12-05"])
    out, err = capsys.readouterr()
    return code, out, err


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_seed_shows_34_35_never_raised_and_aug_30_offer_unanswered(capsys: pytest.CaptureFixture[str]) -> None:
    code, html, _ = report_html(capsys, str(SEED))
    assert code == 1  # the seed has errors: the same exit code as `filelint check`
    glance = html[html.index('class="glance"') : html.index("<h2>Findings")]
    assert "Never raised" in glance and "RFP Nos. 34 and 35" in glance
    assert "Unanswered" in glance and "m2 letter of Aug 30, 2023" in glance
    tags = parse(html).tags
    unanswered = [a for t, a in tags if t == "g" and "unanswered" in (a.get("class") or "").split()]
    assert [a["id"] for a in unanswered] == ["ev-mc-1"]
    assert unanswered[0]["data-date"] == "2023-08-30"
    # the matrix rows of Nos. 34 and 35: not raised by either communication, both cells flagged
    for number in ("34", "35"):
        row = re.search(rf'<tr id="rq-\d"[^>]*><th scope="row" class="req">RFP No\. {number} .*?</tr>', html)
        assert row is not None
        assert row.group(0).count('class="not-raised flagged"') == 2
        assert "CAL002" in row.group(0)


def test_seed_each_event_has_its_date_source_file_and_manifest_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, html, _ = report_html(capsys, str(SEED))
    events = {a["id"]: a for t, a in parse(html).tags if t == "g" and "ev" in (a.get("class") or "").split()}
    manifest = yaml.safe_load((SEED / "filelint.yaml").read_text())
    expected = (
        len(manifest["discovery"])
        + len(manifest["responses"])  # served
        + sum("verification_served" in r for r in manifest["responses"])
        + len(manifest["meet_and_confer"])
        + 3
    )  # filed, served, hearing
    assert len(events) == expected == 8
    m2 = events["ev-mc-1"]
    assert (m2["data-source"], m2["data-line"]) == ("exhibits/ex4-gm-reply.pdf", "45")
    lines = (SEED / "filelint.yaml").read_text().splitlines()
    assert lines[int(m2["data-line"]) - 1].strip() == "- id: m2"
    assert events["ev-hearing"]["data-date"] == "2023-12-05" and events["ev-mc-0"]["tabindex"] == "0"
    assert 'class="answer-arrow"' in html  # m2 answers m1


def test_findings_link_to_the_events_and_rows_they_concern(capsys: pytest.CaptureFixture[str]) -> None:
    _, html, _ = report_html(capsys, str(SEED))
    items = re.findall(r'<li class="(?:error|warning|info)" id="f-\d+">.*?</li>', html)
    by_code = {re.search(r'class="code">(\w+)<', i).group(1): i for i in items}  # type: ignore[union-attr]
    assert 'href="#ev-mc-1"' in by_code["CAL003"]
    assert 'href="#ev-mc-0"' in by_code["CAL004"]
    assert re.search(r'href="#rq-\d"', by_code["CAL002"])
    assert '<ul class="counts"' in html and "3 errors" in html and "2 warnings" in html and "1 info<" in html


def test_deadlines_show_each_step_and_authority(capsys: pytest.CaptureFixture[str]) -> None:
    _, html, _ = report_html(capsys, str(SEED))
    block = html[html.index("<h3>45 days to move to compel further") :]
    block = block[: block.index("</div>")]
    assert "Trigger: Fri 2023-08-04" in block and "[CCP 2031.310(c)]" in block
    assert "Result: <strong>Wed 2023-09-20" in block


def test_fixed_example_has_no_glance_warnings_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, html, _ = report_html(capsys, str(FIXED))
    assert code == 0
    assert 'class="glance"' not in html and "UNANSWERED" not in html.replace("UNANSWERED offer or ask", "")


def test_output_file_and_nothing_written_into_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "case"
    shutil.copytree(SEED, folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    out = tmp_path / "report.html"
    code, stdout, err = report_html(capsys, str(folder), "-o", str(out))
    assert code == 1 and stdout == "" and "wrote" in err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


def test_self_contained_no_external_reference(capsys: pytest.CaptureFixture[str]) -> None:
    _, html, _ = report_html(capsys, str(SEED))
    for tag, attrs in parse(html).tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, attrs)
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "@import" not in html and "url(http" not in html


def test_unreadable_manifest_still_writes_a_page_with_the_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "filelint.yaml").write_text("filelint: 1\ncourt: [unclosed\n", encoding="utf-8")
    code, html, _ = report_html(capsys, str(tmp_path))
    assert code == 2
    assert "FL001" in html and "the manifest cannot be read" in html and "<svg" not in html


HOSTILE = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"


def test_every_user_string_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load((SEED / "filelint.yaml").read_text())
    data["case"]["title"] = HOSTILE
    data["motion"]["title"] = HOSTILE
    data["court"]["department"] = HOSTILE
    data["meet_and_confer"][0]["file"] = "exhibits/" + HOSTILE + ".pdf"
    data["responses"][0]["file"] = HOSTILE
    (tmp_path / "filelint.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    code, html, _ = report_html(capsys, str(tmp_path))
    assert code in (1, 2)
    assert "<script>alert" not in html and "<img" not in html and "onerror=alert(2)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    scripts = [a for t, a in parse(html).tags if t == "script"]
    assert len(scripts) == 1  # only the page's own


def test_check_format_html_one_page_a_section_per_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SEED), str(FIXED), "--format", "html", "--today", "2023-12-05"])
    html, _ = capsys.readouterr()
    assert code == 1
    assert html.count("<!DOCTYPE html>") == 1 and html.count('<section class="folder"') == 2
    ids = [a["id"] for _, a in parse(html).tags if "id" in a]
    assert len(ids) == len(set(ids))  # the second folder's ids are prefixed, never clash
    assert 'id="s0-ev-mc-1"' in html and 'id="s1-ev-mc-1"' in html


def test_large_motion_groups_rows_and_keeps_one_column_per_communication(tmp_path: Path) -> None:
    folder = write_large(tmp_path / "large")
    ((data, _),) = folder_reports([folder], _plugins(), Settings(today=TODAY))
    assert len(data.columns) == 300 and len(data.events) == 300 + 3 + 1 + 3
    assert sum(len(r.reqs) for r in data.rows) == 200
    assert all(len(r.cells) == 300 for r in data.rows)
    assert [e.comm_id for e in data.unanswered] == ["mc300"]


def _plugins():  # type: ignore[no-untyped-def]
    from filelint.plugins import load_plugins

    return load_plugins(autoload=False)


RULES = ROOT / "tests" / "rules"


def _data(folder: Path):  # type: ignore[no-untyped-def]
    ((data, _),) = folder_reports([folder], _plugins(), Settings(today=TODAY))
    return data


def test_two_readings_give_a_safe_and_a_legal_last_day() -> None:
    data = _data(RULES / "CAL103" / "fail-served-between-readings")
    labels = {m.label: m.date for m in data.deadline_marks}
    safe = labels["last day to move (45 days) (safe)"]
    legal = labels["last day to move (45 days) (legal, later reading)"]
    assert safe < legal
    window = next(s for s in data.spans if s.kind == "window")
    assert window.end == legal  # the shaded window runs to the legal last day


def test_cutoff_trial_date_extension_and_call_are_drawn() -> None:
    cutoff = _data(RULES / "CAL107" / "fail-hearing-after-cutoff")
    assert any(m.label.startswith("discovery-motion cut-off") for m in cutoff.deadline_marks)
    assert [e.kind for e in cutoff.events if e.side == "court"] == ["hearing", "trial"]
    called = _data(RULES / "CAL004" / "pass-012-fixed-waited-and-called")
    assert any(e.live and e.kind == "communication" for e in called.events)
    assert any(e.kind == "extension" and e.label == "responses due (ext.)" for e in called.events)


def test_output_file_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = report_html(capsys, str(SEED), "-o", str(tmp_path / "no-such-dir" / "r.html"))
    assert code == 2 and "cannot write" in err and "Traceback" not in err


def test_control_and_bidi_characters_are_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load((SEED / "filelint.yaml").read_text())
    data["case"]["title"] = "Smith v. \u202eJones\nline two"
    (tmp_path / "filelint.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    _, html, _ = report_html(capsys, str(tmp_path))
    assert "\u202e" not in html and "Smith v. \\u202eJones\\nline two" in html
