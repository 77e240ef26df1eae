"""MS-OVBA compression (section 2.4.1): the LZ77 container that VBA stores source code and `dir` in.

The data is cut into 4096-byte chunks, each compressed on its own. A copy token is 16 bits whose
split between offset and length depends on how far into the chunk it sits (the further in, the more
offset bits), so the encoder and decoder must compute that split identically.
"""
from __future__ import annotations

CHUNK_SIZE = 4096
_SIGNATURE = 0x01
_CHUNK_SIGNATURE = 0b011 << 12
_COMPRESSED_FLAG = 0x8000
_MIN_MATCH = 3


def _bit_count(position_in_chunk: int) -> int:
    """Offset bits of a copy token written `position_in_chunk` bytes into its chunk (at least 4)."""
    return max((position_in_chunk - 1).bit_length(), 4)


def _longest_match(data: bytes, chunk_start: int, pos: int, end: int, max_len: int) -> tuple[int, int]:
    """The longest earlier match inside the chunk for data[pos:], as (length, offset); (0, 0) if none.

    Ties go to the nearest candidate, as in the specification's reference algorithm. `bytes.rfind`
    does the scanning in C; a match may overlap the current position (run-length style).
    """
    best_len = best_offset = 0
    length = _MIN_MATCH
    limit = min(max_len, end - pos)
    while length <= limit:
        candidate = data.rfind(data[pos:pos + length], chunk_start, pos + length - 1)
        if candidate < 0:
            break
        length_here = length
        while length_here < limit and data[candidate + length_here] == data[pos + length_here]:
            length_here += 1
        best_len, best_offset = length_here, pos - candidate
        length = length_here + 1
    return best_len, best_offset


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    """One CompressedChunk (header included) for data[start:end]."""
    body = bytearray()
    pos = start
    while pos < end:
        flag_at = len(body)
        body.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            bits = _bit_count(pos - start)
            length, offset = _longest_match(data, start, pos, end, (0xFFFF >> bits) + _MIN_MATCH)
            if length:
                token = ((offset - 1) << (16 - bits)) | (length - _MIN_MATCH)
                body += token.to_bytes(2, "little")
                flags |= 1 << bit
                pos += length
            else:
                body.append(data[pos])
                pos += 1
        body[flag_at] = flags
    if len(body) <= CHUNK_SIZE:
        header = (len(body) + 2 - 3) | _CHUNK_SIGNATURE | _COMPRESSED_FLAG
        return header.to_bytes(2, "little") + bytes(body)
    # Incompressible: a raw chunk always holds exactly 4096 bytes, so a short last chunk is padded
    # with zeros (section 2.4.1.3.10) and decompresses longer than it went in. VBA text never gets here.
    raw = data[start:end].ljust(CHUNK_SIZE, b"\x00")
    header = (CHUNK_SIZE + 2 - 3) | _CHUNK_SIGNATURE
    return header.to_bytes(2, "little") + raw


def compress(data: bytes) -> bytes:
    """Compress data into an MS-OVBA CompressedContainer."""
    data = bytes(data)
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK_SIZE):
        out += _compress_chunk(data, start, min(start + CHUNK_SIZE, len(data)))
    return bytes(out)


def has_raw_chunks(container: bytes) -> bool:
    """Whether a CompressedContainer stores any chunk uncompressed (Excel itself never writes those)."""
    pos = 1
    while pos + 2 <= len(container):
        header = int.from_bytes(container[pos:pos + 2], "little")
        if not header & _COMPRESSED_FLAG:
            return True
        pos += (header & 0x0FFF) + 3
    return False


def decompress(container: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer (section 2.4.1.3.1)."""
    if not container or container[0] != _SIGNATURE:
        raise ValueError("not an MS-OVBA compressed container (bad signature byte)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        header = int.from_bytes(container[pos:pos + 2], "little")
        if header & 0x7000 != _CHUNK_SIGNATURE:
            raise ValueError(f"bad chunk signature at byte {pos}")
        chunk_end = min(pos + (header & 0x0FFF) + 3, len(container))
        pos += 2
        if not header & _COMPRESSED_FLAG:
            out += container[pos:pos + CHUNK_SIZE]
            pos += CHUNK_SIZE
            continue
        chunk_start = len(out)
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if flags >> bit & 1:
                    token = int.from_bytes(container[pos:pos + 2], "little")
                    pos += 2
                    bits = _bit_count(len(out) - chunk_start)
                    length = (token & (0xFFFF >> bits)) + _MIN_MATCH
                    source = len(out) - ((token >> (16 - bits)) + 1)
                    if source < chunk_start:
                        raise ValueError(f"copy token reaches before its chunk at byte {pos - 2}")
                    for i in range(length):  # byte by byte: the copy may overlap its own output
                        out.append(out[source + i])
                else:
                    out.append(container[pos])
                    pos += 1
    return bytes(out)
