"""The core: read, score and check PHỤ LỤC tables from plain grids of cell values, with Decimal scores.

May import only the standard library and itself: no Office, Word, XML or Excel library.
"""
