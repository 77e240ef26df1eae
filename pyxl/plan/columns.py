"""How wide each column of a table should be: at least its longest word, then as short a table as can be."""
from __future__ import annotations

from collections.abc import Sequence

_WRAP = 1.08  # a wrapped line holds a little less than its width: words do not fill it to the edge
_STEPS = 24  # the room above the words' widths is handed out in this many steps


def fit(lo: list[float], hi: list[float], rows: list[list[Sequence[float]]], total: float, pad: float) -> list[float]:
    """Column widths adding up to total, none below lo, that make the table about as short as it can be.

    rows[r][c] lists the one-line widths of cell (r, c)'s lines. Starting from lo, each step widens
    the column that shortens the table most (a cell's height ~ its text width over the column's);
    room left when no column helps any more goes to the columns by how much text they hold.
    """
    if sum(lo) >= total:
        return [value * total / sum(lo) for value in lo]  # even the words do not fit: shrink evenly
    count = len(lo)
    widths = list(lo)
    cells = [{r: row[c] for r, row in enumerate(rows) if row[c]} for c in range(count)]

    def heights(c: int, width: float) -> dict[int, float]:
        """The height in lines of every filled cell of column c at width."""
        k = _WRAP / max(width - pad, 1.0)
        # _height, inlined for the one-line cells most are
        return {r: (lines[0] * k if lines[0] * k > 1.0 else 1.0) if len(lines) == 1 else _height(lines, k)
                for r, lines in cells[c].items()}

    table = [[0.0] * count for _ in rows]  # the height of each cell, in lines
    for c in range(count):
        for r, height in heights(c, widths[c]).items():
            table[r][c] = height
    tops = [_top_two(row) for row in table]  # (tallest, its column, the next tallest) per row
    # A column's heights one step wider: unchanged until the column (or the step) changes.
    trial: dict[int, tuple[float, dict[int, float]]] = {}
    step = (total - sum(lo)) / _STEPS
    left = total - sum(widths)
    while left > 0.5:
        room = min(step, left)
        making: dict[int, list[int]] = {}  # column → the rows whose height it makes
        for r, top in enumerate(tops):
            making.setdefault(top[1], []).append(r)
        best, gain = None, 1e-9
        for c, made in making.items():
            if c < 0 or widths[c] >= hi[c]:
                continue  # at its natural width: widening it saves nothing
            wider = min(widths[c] + room, hi[c])
            if c not in trial or trial[c][0] != wider:
                trial[c] = (wider, heights(c, wider))
            taller = trial[c][1]
            saved = sum([tops[r][0] - max(tops[r][2], taller[r]) for r in made])
            if saved > gain:
                best, gain = c, saved
        if best is None:
            break
        widths[best] = min(widths[best] + room, hi[best])
        taller = trial[best][1] if trial.get(best, (None,))[0] == widths[best] else heights(best, widths[best])
        for r, height in taller.items():
            before, table[r][best] = table[r][best], height
            first, column, second = tops[r]
            # A wider cell is only shorter: the row's two tallest change only when this was one of them.
            if column == best and height > second:
                tops[r] = (height, best, second)
            elif height != before and (column == best or before >= second):
                tops[r] = _top_two(table[r])
        left = total - sum(widths)
    if left > 0.5:
        text = [sum(w for lines in cells[c].values() for w in lines) for c in range(count)]
        shares = text if sum(text) > 0 else [1.0] * count
        widths = [w + left * s / sum(shares) for w, s in zip(widths, shares)]
    return widths


def _height(lines: Sequence[float], k: float) -> float:
    """Lines a cell takes: each of its lines wraps to its width times k (a line at least)."""
    if len(lines) == 1:
        w = lines[0] * k
        return w if w > 1.0 else 1.0
    return sum(w * k if w * k > 1.0 else 1.0 for w in lines)


def _top_two(row: list[float]) -> tuple[float, int, float]:
    first, column, second = 0.0, -1, 0.0
    for c, value in enumerate(row):
        if value > first:
            first, column, second = value, c, first
        elif value > second:
            second = value
    return first, column, second
