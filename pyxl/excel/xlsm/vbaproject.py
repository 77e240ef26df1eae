"""Build a vbaProject.bin from the VBA project of xlwings' standalone template plus our own modules.

The template's project information and references are kept byte for byte (they include the Office
object library that `control As IRibbonControl` needs, and the protection fields of the PROJECT
stream are keyed to its project id); only the module list is rewritten. Every module is stored as
compressed source without compiled code and the project is marked as needing a recompile
(`_VBA_PROJECT` version 0xFFFF), which Office does from source on first open.
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Iterator, Literal, Sequence

import olefile

from pyxl.excel.xlsm.cfb import write_compound_file
from pyxl.excel.xlsm.ovba import compress, decompress, has_raw_chunks

ModuleKind = Literal["document", "standard", "class"]

CODEPAGE = "cp1252"  # PROJECTCODEPAGE of the template (1252); module names and source use it
# MS-OVBA 2.3.4.1: reserved 0x61CC, version 0xFFFF ("recompile from source"), reserved 0x00, 0x0001.
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")

# dir-stream record ids (MS-OVBA 2.3.4.2). The "unicode" ids are formally reserved fields inside the
# record before them, but they are laid out like records of their own, so one reader handles both.
_PROJECTVERSION = 0x09
_PROJECTMODULES, _PROJECTCOOKIE, _DIR_TERMINATOR = 0x0F, 0x13, 0x10
_MODULE_NAME, _MODULE_NAME_UNICODE = 0x19, 0x47
_MODULE_STREAM_NAME, _MODULE_STREAM_NAME_UNICODE = 0x1A, 0x32
_MODULE_DOCSTRING, _MODULE_DOCSTRING_UNICODE = 0x1C, 0x48
_MODULE_OFFSET, _MODULE_HELP_CONTEXT, _MODULE_COOKIE = 0x31, 0x1E, 0x2C
_MODULE_STANDARD, _MODULE_OTHER, _MODULE_TERMINATOR = 0x21, 0x22, 0x2B
_PROJECT_LINE_KINDS: dict[str, ModuleKind] = {"Document": "document", "Module": "standard", "Class": "class"}


@dataclass(frozen=True)
class Module:
    """A VBA module: its name, kind and full source text (attribute lines included)."""

    name: str
    kind: ModuleKind
    source: str
    description: str = ""  # the module's doc string (the VB_Description of a class)

    def source_bytes(self) -> bytes:
        """The source as stored: CRLF line endings, encoded in the project's code page."""
        text = self.source.replace("\r\n", "\n").replace("\n", "\r\n")
        try:
            return text.encode(CODEPAGE)
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"VBA module {self.name} has text outside {CODEPAGE} ({exc.object[exc.start:exc.end]!r}); "
                "user-facing Vietnamese text belongs in the workbook or the ribbon XML"
            ) from None


@dataclass(frozen=True)
class Template:
    """The parts of an existing vbaProject.bin that a rebuilt project keeps."""

    dir_head: bytes  # decompressed dir stream: project information and references
    project_cookie: bytes  # the PROJECTCOOKIE record
    project_text: str  # the PROJECT stream
    modules: dict[str, Module]

    @classmethod
    def read(cls, vba_project_bin: bytes) -> "Template":
        """Parse a vbaProject.bin (e.g. xlwings' quickstart_standalone.xlsm's)."""
        with olefile.OleFileIO(io.BytesIO(vba_project_bin)) as ole:
            project_text = ole.openstream("PROJECT").read().decode(CODEPAGE)
            kinds = _project_module_kinds(project_text)
            dir_stream = decompress(ole.openstream("VBA/dir").read())
            records = list(_records(dir_stream))
            at = next(i for i, (rid, _, _) in enumerate(records) if rid == _PROJECTMODULES)
            (_, head_end, _), (cookie_id, _, cookie_data) = records[at], records[at + 1]
            if cookie_id != _PROJECTCOOKIE:
                raise ValueError("dir stream: PROJECTCOOKIE does not follow PROJECTMODULES")
            modules: dict[str, Module] = {}
            fields: dict[int, bytes] = {}
            for rid, _, data in records[at + 2 :]:
                fields[rid] = data
                if rid != _MODULE_TERMINATOR:
                    continue
                name = fields[_MODULE_NAME].decode(CODEPAGE)
                stream = ole.openstream("VBA/" + fields[_MODULE_STREAM_NAME].decode(CODEPAGE)).read()
                offset = struct.unpack("<I", fields[_MODULE_OFFSET])[0]  # compiled code comes first
                source = decompress(stream[offset:]).decode(CODEPAGE)
                description = fields.get(_MODULE_DOCSTRING_UNICODE, b"").decode("utf-16-le")
                modules[name] = Module(name, kinds[name], source, description)
                fields = {}
        head, cookie = dir_stream[:head_end], _record(_PROJECTCOOKIE, cookie_data)
        return cls(head, cookie, project_text, modules)


def _records(dir_stream: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(id, start offset, data) of each dir-stream record, in order."""
    pos = 0
    while pos < len(dir_stream):
        rid, size = struct.unpack_from("<HI", dir_stream, pos)
        if rid == _PROJECTVERSION:  # its size field says 4 but a 2-byte minor version follows
            size = 6
        yield rid, pos, dir_stream[pos + 6 : pos + 6 + size]
        pos += 6 + size


def _project_module_kinds(project_text: str) -> dict[str, ModuleKind]:
    kinds: dict[str, ModuleKind] = {}
    for line in project_text.split("\r\n"):
        key, _, value = line.partition("=")
        if key in _PROJECT_LINE_KINDS:
            kinds[value.split("/")[0]] = _PROJECT_LINE_KINDS[key]
    return kinds


def _record(rid: int, data: bytes = b"") -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _module_record(module: Module) -> bytes:
    """The MODULE record (MS-OVBA 2.3.4.2.3.2) of a module stored as source only."""
    name, uname = module.name.encode(CODEPAGE), module.name.encode("utf-16-le")
    doc = module.description
    return b"".join(
        [
            _record(_MODULE_NAME, name),
            _record(_MODULE_NAME_UNICODE, uname),
            _record(_MODULE_STREAM_NAME, name),  # the stream is named after the module
            _record(_MODULE_STREAM_NAME_UNICODE, uname),
            _record(_MODULE_DOCSTRING, doc.encode(CODEPAGE, "replace")),
            _record(_MODULE_DOCSTRING_UNICODE, doc.encode("utf-16-le")),
            _record(_MODULE_OFFSET, struct.pack("<I", 0)),  # source starts the stream: no p-code
            _record(_MODULE_HELP_CONTEXT, struct.pack("<I", 0)),
            _record(_MODULE_COOKIE, struct.pack("<H", 0xFFFF)),  # "MUST be 0xFFFF on write"
            _record(_MODULE_STANDARD if module.kind == "standard" else _MODULE_OTHER),
            _record(_MODULE_TERMINATOR),
        ]
    )


def _project_stream(template_text: str, modules: Sequence[Module]) -> bytes:
    """The PROJECT stream: the template's, with the module lines and [Workspace] rewritten."""
    info, _, sections = template_text.partition("\r\n\r\n")
    lines = [line for line in info.split("\r\n") if line.partition("=")[0] not in _PROJECT_LINE_KINDS]
    kind_line = {"document": "Document={}/&H00000000", "standard": "Module={}", "class": "Class={}"}
    module_lines = [kind_line[m.kind].format(m.name) for m in modules]
    kept_sections = [s for s in sections.split("\r\n\r\n") if s and not s.startswith("[Workspace]")]
    workspace = "[Workspace]\r\n" + "".join(f"{m.name}=0, 0, 0, 0, C\r\n" for m in modules)
    text = "\r\n".join(lines[:1] + module_lines + lines[1:]) + "\r\n\r\n"
    text += "".join(s.rstrip("\r\n") + "\r\n\r\n" for s in kept_sections) + workspace
    return text.encode(CODEPAGE)


def _projectwm_stream(modules: Sequence[Module]) -> bytes:
    """PROJECTwm: each module name in the code page and in UTF-16, both null-terminated."""
    names = b"".join(m.name.encode(CODEPAGE) + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in modules)
    return names + b"\0\0"


def build_vba_project(template: Template, modules: Sequence[Module]) -> bytes:
    """A vbaProject.bin with the template's project settings and exactly `modules`, in that order."""
    names = [m.name for m in modules]
    if len(set(n.lower() for n in names)) != len(names):
        raise ValueError(f"duplicate VBA module names: {names}")
    dir_stream = (
        template.dir_head
        + _record(_PROJECTMODULES, struct.pack("<H", len(modules)))
        + template.project_cookie
        + b"".join(_module_record(m) for m in modules)
        + _record(_DIR_TERMINATOR)
    )
    compressed = {"dir": compress(dir_stream)}
    compressed.update((m.name, compress(m.source_bytes())) for m in modules)
    for name, data in compressed.items():
        # Excel-written projects never hold raw chunks and VBA text always compresses, so a raw
        # chunk here means binary junk slipped into a module.
        if has_raw_chunks(data):
            raise ValueError(f"VBA stream {name} did not compress; is it really VBA text?")
    streams = {
        "PROJECT": _project_stream(template.project_text, modules),
        "PROJECTwm": _projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
    }
    streams.update((f"VBA/{name}", data) for name, data in compressed.items())
    return write_compound_file(streams)
