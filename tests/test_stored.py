"""The per-user cache of what parbook works out from its shipped lists (pyxl.core.stored): never needed
for a correct result, whatever is found on disk."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from pyxl.core import stored
from pyxl.core.library import Library

TITLE = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PARBOOK_CACHE_DIR", str(folder))
    return folder


def test_a_value_comes_back_only_for_the_same_source_and_stamp(cache):
    value = {"a": (1, "hai", frozenset({"ba", ("bốn", "năm")})), "b": [None, 2.5]}
    stored.store("thing", b"source", "stamp", value)
    assert stored.load("thing", b"source", "stamp") == value
    assert stored.load("thing", b"source changed", "stamp") is None
    assert stored.load("thing", b"source", "other code") is None
    assert stored.load("other", b"source", "stamp") is None


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe9\x00\x00\x00garbage"])
def test_a_damaged_file_is_worked_out_again(cache, content):
    stored.store("library", b"x", "y", (1, 2))
    (cache / "library.parbook-data").write_bytes(content)
    assert stored.load("library", b"x", "y") is None
    assert _match_in_new_process(cache) == _match_without_cache()


def test_a_flipped_byte_is_caught_before_unmarshalling(cache):
    stored.store("thing", b"source", "stamp", ("bốn", 5))
    path = cache / "thing.parbook-data"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x40  # one bit of the value changed on disk
    path.write_bytes(bytes(data))
    assert stored.load("thing", b"source", "stamp") is None


def test_the_library_from_the_cache_matches_as_worked_out(cache):
    first = _match_in_new_process(cache)  # works it out and stores it
    assert (cache / "library.parbook-data").is_file()
    assert _match_in_new_process(cache) == first == _match_without_cache()


def test_an_unwritable_or_empty_setting_only_means_no_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("PARBOOK_CACHE_DIR", str(blocked / "cache"))
    stored.store("thing", b"s", "t", 1)  # raises nothing
    assert stored.load("thing", b"s", "t") is None
    monkeypatch.setenv("PARBOOK_CACHE_DIR", "")
    assert stored.folder() is None
    stored.store("thing", b"s", "t", 1)
    assert stored.load("thing", b"s", "t") is None


def test_an_extended_library_reuses_the_built_in_entries_and_matches_their_own(cache):
    rows = [["Mã", "Lĩnh vực", "Chủ đề", "Từ khóa nhận biết", "Mục tiêu"],
            ["rieng-01", "Cải cách hành chính", "Trang trại mẫu", "trang trại mẫu", "Có một trang trại mẫu"]]
    library = Library.builtin().extended(rows)
    assert library.match("Xây dựng trang trại mẫu của xã")[0].id == "rieng-01"
    assert library.match(TITLE)[0].id == Library.builtin().match(TITLE)[0].id


def _match_without_cache() -> str:
    return _match_in_new_process(None)


def _match_in_new_process(cache) -> str:
    env = {**os.environ, "PARBOOK_CACHE_DIR": str(cache) if cache else ""}
    code = ("from pyxl.core.library import Library\n"
            "lib = Library.builtin()\n"
            f"print(len(lib.entries), lib.match({TITLE!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return done.stdout


def test_the_agency_catalogue_from_the_cache_reads_names_as_worked_out(cache):
    first = _names_in_new_process(cache)  # works the index out and stores it
    assert (cache / "agencies.parbook-data").is_file()
    assert _names_in_new_process(cache) == first == _names_in_new_process(None)
    assert "Văn phòng HĐND và UBND" in first


def _names_in_new_process(cache) -> str:
    env = {**os.environ, "PARBOOK_CACHE_DIR": str(cache) if cache else ""}
    code = ("from pyxl.core.agencies import Catalogue\n"
            "catalogue = Catalogue.builtin()\n"
            "for name in ('VP HĐND-UBND', 'Phòng LĐTB&XH huyện', 'Công an xã', 'Ủy ban nhân dân xã'):\n"
            "    print(catalogue.canonical(name, 'commune'), catalogue.kind(name, 'district'))\n"
            "print(len(catalogue.agencies), sorted(catalogue._index))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return done.stdout
