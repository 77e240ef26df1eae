"""Generate pyxl/data/times_widths.json: advance widths of Times New Roman for the plan's column widths.

    pip install fonttools && python scripts/build_metrics.py LiberationSerif-Regular.ttf \
        LiberationSerif-Bold.ttf DejaVuSerif.ttf DejaVuSerif-Bold.ttf [--out pyxl/data/times_widths.json]

Liberation Serif has the metrics of Times New Roman. Its older releases (1.x, still shipped by many
Linux distributions) lack the precomposed Vietnamese letters, and LibreOffice then draws those from
DejaVu Serif, which is wider; each character gets the wider of the two widths it can be drawn with,
so that a column sized with these widths keeps its words whole in Word and in LibreOffice alike.
Widths are in thousandths of an em.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWELS = "aăâeêioôơuưy"
_EXTRA = "đĐ‐‑–—‘’‚“”„…•·×÷°±§№€¢£¥©®™«»¹²³¼½¾"


def characters() -> list[str]:
    """Printable ASCII, Latin-1 letters, every Vietnamese letter with every tone, common punctuation."""
    chars = [chr(c) for c in range(32, 127)] + [chr(c) for c in range(0xC0, 0x100)]
    for vowel in _VOWELS + _VOWELS.upper():
        for tone in _TONES:
            chars.append(unicodedata.normalize("NFC", vowel + tone))
    chars += list(_EXTRA)
    return list(dict.fromkeys(chars))


def widths(primary: Path, fallback: Path, chars: list[str]) -> dict[str, int]:
    """Each character's width in thousandths of an em: the primary font's, or the wider fallback's."""
    out = {}
    fonts = []
    for path in (primary, fallback):
        font = TTFont(str(path))
        fonts.append((font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm))
    for ch in chars:
        found = [hmtx[cmap[ord(ch)]][0] * 1000 / upm for cmap, hmtx, upm in fonts if ord(ch) in cmap]
        if not found:
            continue
        primary_has = ord(ch) in fonts[0][0]
        out[ch] = round(found[0] if primary_has else max(found))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regular", type=Path)
    parser.add_argument("bold", type=Path)
    parser.add_argument("fallback_regular", type=Path)
    parser.add_argument("fallback_bold", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "pyxl" / "data" / "times_widths.json")
    args = parser.parse_args(argv)
    chars = characters()
    data = {
        "font": "Times New Roman (Liberation Serif metrics; DejaVu Serif where a letter is missing)",
        "unit": "1/1000 em",
        "regular": widths(args.regular, args.fallback_regular, chars),
        "bold": widths(args.bold, args.fallback_bold, chars),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(args.out, len(data["regular"]), "characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
