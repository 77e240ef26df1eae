"""parbook: read, score and check PHỤ LỤC tables of PAR Index remediation plans, and write the plans.

What a script needs, importable from `pyxl` directly:

    import pyxl
    tables = pyxl.read_tables("PHU LUC 2024.xlsx", as_of=date(2024, 6, 30))   # read, score, check
    print(pyxl.to_text("PHU LUC 2024.xlsx", tables))                         # the `parbook check` report
    front, _ = pyxl.read_front_matter("PHU LUC 2024.xlsx")                     # the Thông tin sheet
    pyxl.write_plan(tables[0], "Ke hoach.docx", by="field", front=front)       # the plan .docx
    result = pyxl.merge("Huyen 2025.xlsx", "Ke hoach cac xa")                  # a plan per commune

The names are re-exported lazily from the packages that define them (core, readers, plan, merge), so
`import pyxl` stays cheap for a command that needs only part of it.
"""
from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)

__version__ = "0.1.0"

_EXPORTS = {
    "ParbookError": "pyxl.core.errors",
    "Deadline": "pyxl.core.model",
    "Finding": "pyxl.core.model",
    "Item": "pyxl.core.model",
    "Table": "pyxl.core.model",
    "Totals": "pyxl.core.model",
    "tables_from_grids": "pyxl.core.workbook",
    "to_json": "pyxl.core.report",
    "to_text": "pyxl.core.report",
    "read_tables": "pyxl.readers",
    "read_workbook": "pyxl.readers",
    "FrontMatter": "pyxl.plan",
    "read_front_matter": "pyxl.plan",
    "write_plan": "pyxl.plan",
    "merge": "pyxl.merge",
}
__all__ = [*_EXPORTS, "__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from pyxl.core.errors import ParbookError
    from pyxl.core.model import Deadline, Finding, Item, Table, Totals
    from pyxl.core.report import to_json, to_text
    from pyxl.core.workbook import tables_from_grids
    from pyxl.merge import merge
    from pyxl.plan import FrontMatter, read_front_matter, write_plan
    from pyxl.readers import read_tables, read_workbook


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pyxl' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
