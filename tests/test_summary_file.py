"""Tổng hợp.xlsx written while a merge runs: the same workbook whatever order the communes' chunks come back in."""
from __future__ import annotations

import random
from datetime import date

import pytest

from conftest import SAMPLES
from pyxl.files import TEMP_PREFIX
from pyxl.merge import SUMMARY_NAME, merge
from pyxl.merge.summary_file import SummaryFile

AS_OF = date(2026, 1, 15)


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The sample district merged once in this process (its summary written as the chunks came back)."""
    out = tmp_path_factory.mktemp("merge") / "out"
    return merge(SAMPLES / "district_2025.xlsx", out, as_of=AS_OF, jobs=1)


def _chunks(outcomes, size):
    return [list(outcomes[i:i + size]) for i in range(0, len(outcomes), size)]


def _written(result, target, chunks, complete=lambda n: True, order=None):
    summary = SummaryFile(target, True, result.source, result.out_dir)
    for n in order if order is not None else range(len(chunks)):
        summary.add_chunk(n, chunks[n], complete(n))
    summary.finish(result, AS_OF)
    return target.read_bytes()


def test_the_summary_is_the_same_whatever_order_the_chunks_come_back_in(district, tmp_path):
    assert sum(len(o.findings) for o in district.outcomes) > 10  # the findings sheet has rows to place
    merged = (district.out_dir / SUMMARY_NAME).read_bytes()
    whole = _written(district, tmp_path / "whole.xlsx", [])  # nothing streamed: all written by finish
    assert whole == merged
    chunks = _chunks(district.outcomes, 3)
    for seed in range(3):
        order = list(range(len(chunks)))
        random.Random(seed).shuffle(order)
        assert _written(district, tmp_path / f"shuffled{seed}.xlsx", chunks, order=order) == merged, seed


def test_a_chunk_the_run_stopped_in_leaves_the_rest_to_finish(district, tmp_path):
    chunks = _chunks(district.outcomes, 4)
    short = [chunk if n != 2 else chunk[:1] for n, chunk in enumerate(chunks)]  # chunk 2 came back short
    got = _written(district, tmp_path / "stopped.xlsx", short, complete=lambda n: n != 2,
                   order=reversed(range(len(short))))
    assert got == (district.out_dir / SUMMARY_NAME).read_bytes()


def test_a_discarded_summary_leaves_no_file(district, tmp_path):
    target = tmp_path / SUMMARY_NAME
    summary = SummaryFile(target, False, district.source, district.out_dir)
    summary.add(district.outcomes[:5])
    assert list(tmp_path.glob(TEMP_PREFIX + "*"))
    summary.discard()
    assert not target.exists() and not list(tmp_path.glob(TEMP_PREFIX + "*"))
