"""The Excel doors: worksheet functions, ribbon macros, the live-book adapter, marks, and the xlsm build.

May import core, readers, plan and merge, and xlwings, openpyxl and XlsxWriter.
"""
