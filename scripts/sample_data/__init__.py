"""The sample tables typed from the seeds: one data module per sample, and the markers they use.

Each module holds the rows exactly as the officer typed them (typos, stray spaces and all), with
markers for what a plain value cannot say: a bold cell, a group line merged across the table, a
title line, the two-sided letterhead, a page-repeated header. scripts/build_samples.py writes them.
"""
from __future__ import annotations

from dataclasses import dataclass


class Bold(str):
    """A cell the officer made bold."""


@dataclass(frozen=True)
class Span:
    """One bold cell merged across the whole table width (a group line typed as one cell)."""
    text: str


@dataclass(frozen=True)
class Line:
    """A title line above the table, merged across the table width."""
    text: str
    italic: bool = False


@dataclass(frozen=True)
class Pair:
    """A line of the two-sided letterhead: issuing body on the left, national motto on the right."""
    left: str
    right: str


HEADER = "<the header rows again, as printed at the top of a new page>"
BLANK: tuple = ()


def bold(*cells: str) -> tuple:
    """A row whose every cell is bold."""
    return tuple(Bold(c) for c in cells)


@dataclass(frozen=True)
class SheetSpec:
    """One worksheet: its titles, header rows (None = covered by a merge), columns and rows."""
    name: str
    titles: tuple
    header: tuple
    widths: tuple
    centred: frozenset
    rows: list
