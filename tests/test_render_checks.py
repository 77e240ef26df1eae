"""The renderer's shortcuts keep its promises: a broken rendering is still refused with the template named,
a template compiled in an earlier run renders the same bytes, and a damaged or unwritable cache only
means compiling again."""
from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import os
from datetime import date

import docx
import pytest
from lxml import etree

from conftest import ROOT
from plan_fixtures import PHUOC_MY, SON_GIANG
from pyxl.core.errors import ParbookError
from pyxl.plan import FrontMatter, build_context, compile_template, default_template
from pyxl.plan import render as render_module
from pyxl.plan.render import CompiledTemplate

SHIPPED = [(SON_GIANG, "criterion"), (SON_GIANG, "field"), (SON_GIANG, "lead"), (PHUOC_MY, "criterion")]
FRONT = FrontMatter(unit="UBND xã Sơn Giang", number="18", symbol="KH-UBND", issued=date(2021, 3, 19),
                    eval_year=2020, plan_year=2021, authority="TM.", signer_title="Chủ tịch", signer="Nguyễn Văn A")


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test with its own cache folder, and nothing compiled earlier in this process."""
    monkeypatch.setenv("PARBOOK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PARBOOK_CHECK_XML", raising=False)
    monkeypatch.setattr(render_module, "_BY_DIGEST", {})
    monkeypatch.setattr(render_module, "_BY_FILE", {})


@pytest.fixture
def parses(monkeypatch):
    """The names of the rendered parts the renderer parsed as a check."""
    seen: list[str] = []
    real = CompiledTemplate._check

    def check(self, name, data):
        seen.append(name)
        return real(self, name, data)

    monkeypatch.setattr(CompiledTemplate, "_check", check)
    return seen


def _template(tmp_path: Path, build) -> CompiledTemplate:
    document = docx.Document()
    build(document)
    path = tmp_path / "mau.docx"
    document.save(path)
    return CompiledTemplate(path.name, path.read_bytes(), required=None)


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


@pytest.mark.parametrize("table,by", SHIPPED)
def test_shipped_templates_render_well_formed_plans_without_a_parse(table, by, parses):
    template = compile_template(default_template(table.kind, by))
    front = dataclasses.replace(FRONT, unit="UBND xã Sơn Giang\nhuyện Sơn Hà", signer="Nguyễn\tVăn A")
    data = template.render_bytes(build_context(table, front, by))
    assert parses == []  # a line break in run text cannot break the XML
    etree.fromstring(_document_xml(data))


def test_a_statement_that_cuts_the_xml_is_refused_when_it_does(tmp_path, parses):
    def build(document):
        document.add_paragraph("Mở đầu {% if front.unit == 'Có' %}")
        document.add_table(rows=1, cols=1).cell(0, 0).text = "trong bảng {% endif %} cuối"

    template = _template(tmp_path, build)
    etree.fromstring(_document_xml(template.render_bytes({"front": {"unit": "Có"}})))
    with pytest.raises(ParbookError, match="mau.docx.*tạo ra phần word/document.xml hỏng"):
        template.render_bytes({"front": {"unit": "Không"}})
    assert parses == ["word/document.xml", "word/document.xml"]


def test_a_line_break_where_only_runs_may_stand_is_refused(tmp_path, parses):
    template = _template(tmp_path, lambda document: document.add_paragraph("{{r front.unit }}"))
    template.render_bytes({"front": {"unit": "một dòng"}})
    assert parses == []
    with pytest.raises(ParbookError, match="tạo ra phần word/document.xml hỏng"):
        template.render_bytes({"front": {"unit": "hai\ndòng"}})


def test_every_part_is_parsed_on_request(monkeypatch, parses):
    monkeypatch.setenv("PARBOOK_CHECK_XML", "1")
    template = compile_template(default_template("scores", "criterion"))
    template.render_bytes(build_context(SON_GIANG, FRONT, "criterion"))
    assert parses == ["word/document.xml"]


_RENDER = """
import sys
from pyxl.plan import build_context, compile_template, default_template
from plan_fixtures import SON_GIANG
template = compile_template(default_template("scores", "field"))
sys.stdout.buffer.write(template.render_bytes(build_context(SON_GIANG, None, "field")))
sys.stderr.write("docxtpl" if "docxtpl" in sys.modules else "-")
"""


def _render_in_a_new_process(cache: Path) -> tuple[bytes, str]:
    done = subprocess.run([sys.executable, "-c", _RENDER], capture_output=True, cwd=ROOT / "tests", timeout=300,
                          env={**os.environ, "PARBOOK_CACHE_DIR": str(cache),
                               "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])})
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout, done.stderr.decode()[-7:]


def test_a_template_compiled_in_an_earlier_run_renders_the_same_bytes(tmp_path):
    first, imported = _render_in_a_new_process(tmp_path / "cache")
    assert imported == "docxtpl" and len(list((tmp_path / "cache").glob("*.parbook-template"))) == 1
    again, imported = _render_in_a_new_process(tmp_path / "cache")
    assert again == first and imported.endswith("-")  # neither patched nor compiled again
    for stored in (tmp_path / "cache").iterdir():
        stored.write_bytes(b"\x00not what was stored")
    damaged, imported = _render_in_a_new_process(tmp_path / "cache")
    assert damaged == first and imported == "docxtpl"
    for stored in (tmp_path / "cache").iterdir():  # one bit flipped inside: never unmarshalled, never run
        data = bytearray(stored.read_bytes())
        data[len(data) // 2] ^= 0x01
        stored.write_bytes(bytes(data))
    flipped, imported = _render_in_a_new_process(tmp_path / "cache")
    assert flipped == first and imported == "docxtpl"


def test_a_cache_that_cannot_be_written_only_means_compiling(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("PARBOOK_CACHE_DIR", str(blocked / "cache"))
    template = compile_template(default_template("scores", "criterion"))
    expected = build_context(SON_GIANG, FRONT, "criterion")
    monkeypatch.setenv("PARBOOK_CACHE_DIR", "")
    monkeypatch.setattr(render_module, "_BY_DIGEST", {})
    monkeypatch.setattr(render_module, "_BY_FILE", {})
    uncached = compile_template(default_template("scores", "criterion"))
    assert template.render_bytes(expected) == uncached.render_bytes(expected)
