"""A minimal MS-CFB (compound file, version 3) writer: enough to write a vbaProject.bin.

olefile cannot add or grow streams and the one writer that can (cfbwrite) is AGPL, so this writes
the whole file in one pass: 512-byte sectors, streams under 4096 bytes in the mini stream, no DIFAT
sectors (the 109 FAT sectors the header can list cover 7 MB, far more than a VBA project needs), and
no timestamps or class ids, so the same input always gives the same bytes.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Mapping

SECTOR_SIZE = 512
MINI_SECTOR_SIZE = 64
MINI_STREAM_CUTOFF = 4096
_ENTRY_SIZE = 128
_HEADER_FAT_SLOTS = 109
_FREESECT, _ENDOFCHAIN, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass
class _Entry:
    """A directory entry while the file is being laid out."""

    name: str
    kind: int
    data: bytes = b""
    children: dict[str, "_Entry"] = field(default_factory=dict)
    sid: int = 0
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM
    color: int = _BLACK
    start: int = _ENDOFCHAIN  # what an empty stream keeps
    size: int = 0


def _sort_key(name: str) -> tuple[int, str]:
    """MS-CFB sibling order: shorter names first, then code points compared upper-cased."""
    upper = "".join(c.upper() if len(c.upper()) == 1 else c for c in name)
    return len(name.encode("utf-16-le")), upper


def _tree(entries: list[_Entry]) -> int:
    """Link sorted siblings into a balanced binary tree coloured as a valid red-black tree.

    Splitting at the middle keeps every empty leaf at depth D or D+1 (D = depth of the deepest
    node); colouring the nodes at depth D red when the tree is not perfect gives every path the
    same number of black nodes and never two reds in a row. Returns the root's stream id.
    """
    depths: dict[int, int] = {}

    def link(lo: int, hi: int, depth: int) -> int:
        if lo >= hi:
            return _NOSTREAM
        mid = (lo + hi) // 2
        node = entries[mid]
        node.left = link(lo, mid, depth + 1)
        node.right = link(mid + 1, hi, depth + 1)
        depths[id(node)] = depth
        return node.sid

    root = link(0, len(entries), 0)
    deepest = max(depths.values(), default=0)
    perfect = len(entries) == 2 ** (deepest + 1) - 1
    for node in entries:
        node.color = _RED if not perfect and depths[id(node)] == deepest else _BLACK
    return root


def _chain(first: int, count: int) -> list[int]:
    """FAT entries for `count` consecutive sectors starting at `first`."""
    return [first + i + 1 for i in range(count - 1)] + [_ENDOFCHAIN] if count else []


def _sectors(nbytes: int, size: int = SECTOR_SIZE) -> int:
    return -(-nbytes // size)


def _pad(data: bytes, size: int = SECTOR_SIZE) -> bytes:
    return data + b"\x00" * (-len(data) % size)


def _direntry(entry: _Entry | None) -> bytes:
    if entry is None:  # unused slot at the end of the last directory sector
        return b"\x00" * 68 + struct.pack("<III", _NOSTREAM, _NOSTREAM, _NOSTREAM) + b"\x00" * 48
    name = (entry.name + "\x00").encode("utf-16-le")
    if len(name) > 64:
        raise ValueError(f"compound-file name too long: {entry.name!r}")
    return (
        name.ljust(64, b"\x00")
        + struct.pack("<HBB", len(name), entry.kind, entry.color)
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + b"\x00" * 16  # class id
        + b"\x00" * 4  # state bits
        + b"\x00" * 16  # creation and modification times
        + struct.pack("<IQ", entry.start, entry.size)
    )


def _words(values: list[int]) -> bytes:
    return struct.pack(f"<{len(values)}I", *values)


def _directory(streams: Mapping[str, bytes]) -> list[_Entry]:
    """All directory entries, root first, each storage's children linked into their sibling tree."""
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        *folders, leaf = path.split("/")
        parent = root
        for folder in folders:
            # A storage's start sector and size "MUST be set to all zeroes" (MS-CFB 2.6.3).
            parent = parent.children.setdefault(folder, _Entry(folder, _STORAGE, start=0))
        parent.children[leaf] = _Entry(leaf, _STREAM, bytes(data), size=len(data))
    ordered: list[_Entry] = []

    def collect(entry: _Entry) -> None:
        entry.sid = len(ordered)
        ordered.append(entry)
        for kid in entry.children.values():
            collect(kid)

    collect(root)
    for entry in ordered:
        if entry.children:
            entry.child = _tree(sorted(entry.children.values(), key=lambda e: _sort_key(e.name)))
    return ordered


def write_compound_file(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding `streams`, keyed by '/'-separated paths ('VBA/dir'); storages are implied."""
    ordered = _directory(streams)
    root = ordered[0]
    per_sector = SECTOR_SIZE // 4
    mini_stream = bytearray()
    mini_fat: list[int] = []
    big: list[_Entry] = []
    for entry in ordered:
        if entry.kind != _STREAM or not entry.size:
            continue
        if entry.size < MINI_STREAM_CUTOFF:
            entry.start = len(mini_fat)
            mini_fat += _chain(entry.start, _sectors(entry.size, MINI_SECTOR_SIZE))
            mini_stream += _pad(entry.data, MINI_SECTOR_SIZE)
        else:
            big.append(entry)
    mini_fat += [_FREESECT] * (-len(mini_fat) % per_sector)

    # Layout after the header: FAT sectors, directory, mini FAT, mini stream, large streams.
    dir_slots = len(ordered) + (-len(ordered) % (SECTOR_SIZE // _ENTRY_SIZE))
    sizes = [dir_slots * _ENTRY_SIZE, len(mini_fat) * 4, len(mini_stream)] + [e.size for e in big]
    counts = [_sectors(size) for size in sizes]
    fat_count = 1
    while fat_count * per_sector < fat_count + sum(counts):
        fat_count += 1
    if fat_count > _HEADER_FAT_SLOTS:
        raise ValueError("compound file too large for a header-only FAT list")
    fat = [_FATSECT] * fat_count
    starts = []
    for count in counts:
        starts.append(len(fat) if count else _ENDOFCHAIN)
        fat += _chain(len(fat), count)
    fat += [_FREESECT] * (-len(fat) % per_sector)

    dir_start, mini_fat_start, mini_stream_start = starts[:3]
    for entry, start in zip(big, starts[3:]):
        entry.start = start
    root.start, root.size = mini_stream_start, len(mini_stream)
    directory = b"".join(_direntry(e) for e in ordered) + _direntry(None) * (dir_slots - len(ordered))

    header = (
        _SIGNATURE
        + b"\x00" * 16  # class id
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)  # version 3.62, little-endian, 2^9, 2^6
        + b"\x00" * 6
        + struct.pack("<II", 0, fat_count)  # directory sector count is always 0 in version 3
        + struct.pack("<II", dir_start, 0)  # first directory sector, transaction signature
        + struct.pack("<I", MINI_STREAM_CUTOFF)
        + struct.pack("<II", mini_fat_start, counts[1])
        + struct.pack("<II", _ENDOFCHAIN, 0)  # no DIFAT sectors
        + _words(list(range(fat_count)) + [_FREESECT] * (_HEADER_FAT_SLOTS - fat_count))
    )
    parts = [_words(fat), directory, _words(mini_fat), bytes(mini_stream)] + [e.data for e in big]
    return header + b"".join(_pad(part) for part in parts)
