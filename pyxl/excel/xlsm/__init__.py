"""Build parbook.xlsm: the sheets, the VBA project (xlwings + ribbon callbacks + UDF wrappers), the ribbon.
May import core (agency names), the excel doors it wraps (udfs, ribbon), XlsxWriter and olefile.

Route (../shared/refs/xlsm_build.md): take the VBA project of xlwings' standalone template, keep its
settings and references and rewrite its module list; write the sheets with XlsxWriter around it; add
the customUI part last. Everything is deterministic, so the committed workbook can be compared with
a fresh build.
"""
from __future__ import annotations

import functools
import importlib
import os
import warnings
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence

import xlsxwriter
import xlwings

from pyxl.files import atomic_write_bytes
from pyxl.excel.xlsm import content, package, ribbon, sheets, vba_source
from pyxl.excel.xlsm.content import PINNED_XLWINGS
from pyxl.excel.xlsm.vbaproject import Module, Template, build_vba_project

__all__ = ["PINNED_XLWINGS", "UDF_MODULE", "agency_names", "build_bytes", "build_workbook", "udf_functions",
           "vba_modules"]

UDF_MODULE = "pyxl.excel.udfs"
_TEMPLATE = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")


@functools.lru_cache(maxsize=1)
def _template() -> Template:
    with zipfile.ZipFile(_TEMPLATE) as package:
        return Template.read(package.read("xl/vbaProject.bin"))


def _optional_module(name: str) -> ModuleType | None:
    """The module `name`, or None when that very module does not exist (other import errors propagate)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise


def udf_functions(udf_module: str = UDF_MODULE) -> list[Callable[..., object]]:
    """The worksheet functions to wrap; none (with a warning) while the module does not exist."""
    if _optional_module(udf_module) is None:
        warnings.warn(f"{udf_module} not found: the workbook gets no worksheet-function wrappers", stacklevel=2)
        return []
    return vba_source.udf_functions(udf_module)


def agency_names() -> list[str]:
    """The agency list for Danh mục: parbook's built-in catalogue, or the fallback list until it exists."""
    agencies = _optional_module("pyxl.core.agencies")
    if agencies is None:
        return list(content.FALLBACK_AGENCIES)
    return list(agencies.Catalogue.builtin().names())


def vba_modules(udf_module: str, functions: list[Callable[..., object]]) -> list[Module]:
    """Every module of the workbook's VBA project, in project order, with the source it is stored with."""
    template = _template()
    sheet_modules = [
        vba_source.document_module(f"Sheet{number}", template.modules["Sheet1"])
        for number in range(1, len(content.SHEET_NAMES) + 1)
    ]
    return [
        template.modules["ThisWorkbook"],
        *sheet_modules,
        vba_source.xlwings_module(),
        template.modules["Dictionary"],  # xlwings.bas uses it on the Mac
        vba_source.par_module(ribbon.BUTTONS),
        vba_source.udf_module(udf_module, functions),
    ]


def build_bytes(udf_module: str = UDF_MODULE, settings: Sequence[tuple[str, str]] = ()) -> bytes:
    """The complete parbook.xlsm as bytes; settings are extra xlwings.conf rows (e.g. Interpreter_Win)."""
    if xlwings.__version__ != PINNED_XLWINGS:
        raise RuntimeError(f"xlwings {xlwings.__version__} is installed but the workbook pins {PINNED_XLWINGS}")
    functions = udf_functions(udf_module)
    vba_project = build_vba_project(_template(), vba_modules(udf_module, functions))
    # The tool versions go into the file so a stale-workbook failure can tell a changed toolchain apart.
    tools = f"XlsxWriter {xlsxwriter.__version__}, xlwings {xlwings.__version__}"
    workbook = sheets.write_workbook(vba_project, agency_names(), [f.__name__ for f in functions], tools, settings)
    parts = package.read_parts(workbook)
    package.mark_empty_string_results(parts)
    ribbon.add_ribbon(parts, ribbon.customui_xml())
    return package.write_parts(parts)


def build_workbook(out_path: str | os.PathLike[str], udf_module: str = UDF_MODULE,
                   settings: Sequence[tuple[str, str]] = ()) -> Path:
    """Build the workbook and write it to out_path (replacing it atomically); returns the path."""
    return atomic_write_bytes(out_path, build_bytes(udf_module, settings), overwrite=True)
