"""Render docxtpl Word templates fast and reproducibly: patch and compile once, then render many.

docxtpl's `DocxTemplate(path).render(ctx)` reloads the package, re-patches the XML with regexes and
recompiles the Jinja source on every call. `compile_template` does that work once per template (the
patching is docxtpl's own, so the tag syntax is exactly docxtpl's); `CompiledTemplate.render_bytes`
then only runs the compiled Jinja code over the parts that hold fields and writes the zip itself:
untouched parts are copied as compressed once, timestamps are fixed, nothing depends on the clock,
so the same context always gives the same bytes. The compiled form is kept on disk between runs
(`pyxl.plan.cache`): a warm start neither patches nor compiles, nor imports docxtpl.

Values are inserted literally: the environment is sandboxed and autoescaping, and `_finalize`
turns line breaks and tabs inside a value into Word line breaks and tabs, as docxtpl does. A
rendered part is parsed as a check only where it could be broken (`pyxl.plan.xmlcheck`).
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import posixpath
import re
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, meta
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from pyxl.core.errors import ParbookError
from pyxl.files import atomic_path
from pyxl.plan.docxzip import RENDERED_LEVEL, Stored, ZipWriter, compress, deterministic_docx  # noqa: F401 - deterministic_docx for scripts
from pyxl.plan import cache
from pyxl.plan.suggest import Phrase
from pyxl.plan.widths import TextStyles, fit_tables, has_fitted_tables
from pyxl.plan.xmlcheck import LOOSE, prepare

__all__ = ["PLAN_FIELDS", "CompiledTemplate", "compile_template", "deterministic_docx", "environment"]

# The names a parbook plan template reads; a template using none of them is not a parbook template.
PLAN_FIELDS = frozenset({"front", "plan", "sections", "appendix"})

_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_RENDERED_RELS = {  # the parts docxtpl renders besides the body
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
}
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_PKG_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_TAG = re.compile(r"\{\{|\{%|\{#")
# Tags that change a table's column count; only then does the table grid need docxtpl's fix_tables.
_COLUMN_TAGS = re.compile(r"\{%-?\s*(?:tc\s|colspan\s|hm\s*-?%\})|\{\{-?\s*tc\s")
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\sid=")\d+(")')
# docxtpl's escapes for a literal "{{" typed in a template, resolved at compile time so that a
# value holding "{_{" is not changed.
_LITERAL_BRACES = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}
_BREAK = Markup('</w:t><w:br/><w:t xml:space="preserve">')
_TAB = Markup('</w:t><w:tab/><w:t xml:space="preserve">')
# Characters XML 1.0 forbids; a cell can hold them (Excel writes _x0007_) but Word cannot.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile(r"[\x00-\x1f\ufffe\uffff]")


class _Seen(threading.local):
    """What the values of the rendering under way put in: a Word break outside a run's text, or markup
    parbook did not make (either may break the XML; see `pyxl.plan.xmlcheck`)."""

    loose_break = False
    foreign = False


_SEEN = _Seen()


def _finalize(value: object) -> object:
    """Every {{ value }}: escaped, line breaks and tabs as Word breaks and tabs, bad characters dropped."""
    if value.__class__ is str and _SPECIAL.search(value) is None:
        return value  # the common case: autoescape escapes it
    if value is None:
        return ""
    if hasattr(value, "__html__"):  # RichText, Listing and other ready-made XML
        if not isinstance(value, Phrase):  # a Phrase is whole runs; other markup may be anything
            _SEEN.foreign = True
        return value
    text = str(value)
    if _SPECIAL.search(text) is None:
        return text
    text = _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(text).replace("\n", _BREAK).replace("\t", _TAB)


def _loose(value: object) -> object:
    """The value of a field outside a run's text, unchanged; noted when it would put a Word break there."""
    if value is not None and not hasattr(value, "__html__"):
        text = value if value.__class__ is str else str(value)
        if "\n" in text or "\r" in text or "\t" in text:
            _SEEN.loose_break = True
    return value


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Sandbox(SandboxedEnvironment):
    """The sandbox, reading `plan.title` of a plain dict as its key straight away: what the sandbox finds
    too (a dict has no such attribute), without raising and catching AttributeError thousands of times."""

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES and attribute in obj:  # type: ignore[operator]
            return obj[attribute]  # type: ignore[index]
        return super().getattr(obj, attribute)


def environment() -> SandboxedEnvironment:
    """The Jinja environment every template is compiled with: sandboxed, autoescaping, strict."""
    env = _Sandbox(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
    env.filters[LOOSE] = _loose
    return env


_ENV = environment()


@functools.cache
def _patcher():
    """docxtpl's patching, imported only to compile a template (a cached one needs none of it)."""
    from docxtpl import DocxTemplate

    return DocxTemplate.__new__(DocxTemplate)  # patch_xml and fix_tables use no instance state


def _etree():
    from lxml import etree

    return etree


@dataclass(frozen=True)
class _Part:
    """A part rendered per document."""

    template: object  # jinja2.Template
    kind: str  # "word" (WordprocessingML) or "core" (document properties)
    fix_tables: bool
    docpr_ids: bool
    fit: bool  # holds tables sized to their content after rendering (pyxl.plan.widths)
    balanced: bool  # its statements keep the XML balanced (pyxl.plan.xmlcheck)


class CompiledTemplate:
    """A Word template patched and compiled once; `render_bytes(context)` makes one document.

    Pickles as the template's bytes, so worker processes get it once each (see `_restore`).
    """

    def __init__(self, name: str, source: bytes, required: Iterable[str] | None = PLAN_FIELDS) -> None:
        self.name = name
        self.source = source
        self.required = frozenset(required) if required is not None else None
        self._order: list[str] = []
        self._static: dict[str, Stored] = {}
        self._parts: dict[str, _Part] = {}
        self.fields: frozenset[str] = frozenset()
        self._styles = TextStyles({}, {})
        stored_as = cache.key(source, self.required)
        if not self._load(cache.load(stored_as)):
            cache.store(stored_as, self._compile())

    def __reduce__(self):
        return _restore, (self.name, self.source, self.required)

    def __repr__(self) -> str:
        return f"CompiledTemplate({self.name!r}, parts={sorted(self._parts)})"

    # -- compiling --------------------------------------------------------------------------
    def _compile(self) -> tuple:
        """Compile the template; returns what `_load` needs to make it again (for the cache)."""
        etree = _etree()
        try:
            archive = zipfile.ZipFile(io.BytesIO(self.source))
            members = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise self._error("không phải tệp Word .docx (không mở được như một tệp nén .docx)") from exc
        main = _main_part(members)
        if main is None or main not in members:
            raise self._error("không phải tệp Word .docx (thiếu phần nội dung word/document.xml)")
        rendered = {main: "word"}
        rendered.update({name: "word" for name in _related(members, main, _RENDERED_RELS)})
        rendered.update({name: "core" for name in _related(members, "", {_CORE_PROPERTIES})})
        styles = _related(members, main, {_STYLES})
        try:
            self._styles = TextStyles.from_xml(members.get(styles[0]) if styles else None)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise self._error(f"có phần kiểu chữ (styles) hỏng ({exc})") from exc
        fields: set[str] = set()
        compiled = []
        for name, blob in members.items():
            self._order.append(name)
            kind = rendered.get(name)
            if kind is not None and (name == main or _has_tags(blob)):
                code, flags, tree = self._compile_part(name, blob, kind, is_main=name == main)
                self._parts[name] = _Part(_template(code), kind, *flags)
                compiled.append((name, code, kind, *flags))
                fields |= meta.find_undeclared_variables(tree)
            else:
                method, packed = compress(blob)
                self._static[name] = Stored(method, zlib.crc32(blob), packed, len(blob))
        self.fields = frozenset(fields)
        if self.required is not None and not (self.fields & self.required):
            raise self._error(
                "không có trường trộn nào của parbook (ví dụ {{ front.unit }} hoặc {%p for s in sections %}); "
                "hãy lấy một mẫu của parbook (lệnh: parbook templates) làm gốc rồi sửa lời văn"
            )
        static = [(name, s.method, s.crc, s.data, s.size) for name, s in self._static.items()]
        styles_state = (self._styles.sizes, self._styles.bold, self._styles.default_size, self._styles.default_style)
        return (cache.FORMAT, self._order, static, compiled, sorted(self.fields), styles_state)

    def _load(self, stored: object) -> bool:
        """Make the template from what `_compile` returned in an earlier run; False when that is unusable."""
        if not (isinstance(stored, tuple) and len(stored) == 6 and stored[0] == cache.FORMAT):
            return False
        try:
            _, order, static, compiled, fields, styles = stored
            parts = {name: _Part(_template(code), kind, *flags) for name, code, kind, *flags in compiled}
            self._static = {name: Stored(*entry) for name, *entry in static}
            self._styles = TextStyles(*styles)
        except (TypeError, ValueError):  # a file from another parbook that slipped past the key
            self._static = {}
            return False
        self._order, self._parts, self.fields = list(order), parts, frozenset(fields)
        return True

    def _compile_part(self, name: str, blob: bytes, kind: str, is_main: bool) -> tuple:
        """(Jinja code, (fix_tables, docpr_ids, fit, balanced), parsed template) of one rendered part."""
        etree = _etree()
        try:
            root = etree.fromstring(blob)
        except etree.XMLSyntaxError as exc:
            raise self._error(f"có phần {name} hỏng, Word cũng sẽ không mở được ({exc})") from exc
        xml = etree.tostring(root, encoding="unicode")
        fix_tables = False
        if kind == "word":
            fix_tables = bool(_COLUMN_TAGS.search(re.sub(r"<[^>]*>", "", xml)))
            xml = _patcher().patch_xml(xml)
            # docxtpl puts each paragraph on its own line so that errors point at a paragraph.
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        for literal, expression in _LITERAL_BRACES.items():
            xml = xml.replace(literal, expression)
        try:
            tree, balanced = prepare(_ENV, xml)
        except TemplateSyntaxError as exc:
            raise self._error(
                f"có thẻ trộn sai cú pháp gần đoạn “{_snippet(xml, exc.lineno)}”: {exc.message}. "
                "Hãy mở mẫu bằng Word và sửa thẻ {{ … }} hoặc {% … %} ở đoạn đó"
            ) from exc
        flags = (fix_tables, is_main and "<wp:docPr" in xml, kind == "word" and has_fitted_tables(xml), balanced)
        return _ENV.compile(tree), flags, tree

    # -- rendering --------------------------------------------------------------------------
    def render_bytes(self, context: Mapping[str, object]) -> bytes:
        """The .docx bytes for one context; the same context always gives the same bytes."""
        writer = ZipWriter()
        for name in self._order:
            static = self._static.get(name)
            if static is not None:
                writer.add_compressed(name, static.method, static.crc, static.data, static.size)
            else:
                writer.add(name, self._render_part(name, self._parts[name], context), RENDERED_LEVEL)
        return writer.getvalue()

    def render(self, context: Mapping[str, object], out: str | os.PathLike[str], overwrite: bool = False) -> Path:
        """Write the document for context to out (atomically; never over a file unless overwrite)."""
        data = self.render_bytes(context)
        with atomic_path(out, overwrite) as tmp:
            tmp.write_bytes(data)
        return Path(out)

    def _render_part(self, name: str, part: _Part, context: Mapping[str, object]) -> bytes:
        _SEEN.loose_break = _SEEN.foreign = False
        try:
            xml = part.template.render(context)
        except UndefinedError as exc:
            raise self._error(f"dùng trường không có trong dữ liệu của parbook ({exc.message})") from exc
        except SecurityError as exc:
            raise self._error(f"dùng lệnh không được phép trong mẫu ({exc})") from exc
        except TemplateError as exc:
            raise self._error(f"có thẻ trộn không chạy được ({exc.message or exc})") from exc
        except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
            raise self._error(f"có thẻ trộn không chạy được ({exc})") from exc
        check = (not part.balanced or _SEEN.loose_break or _SEEN.foreign
                 or os.environ.get("PARBOOK_CHECK_XML") == "1")
        if part.kind == "word":
            xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            if part.fix_tables:
                xml = _etree().tostring(_patcher().fix_tables(xml), encoding="unicode")
            if part.fit:
                xml = fit_tables(xml, self._styles)
            if part.docpr_ids:
                counter = iter(range(1001, 1 << 31))
                xml = _DOCPR_ID.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(2)}", xml)
        data = (_XML_DECLARATION + xml).encode("utf-8")
        if check:
            self._check(name, data)
        return data

    def _check(self, name: str, data: bytes) -> None:
        """Raise ParbookError when a rendered part is not well-formed XML (Word would not open the document)."""
        etree = _etree()
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise self._error(
                f"tạo ra phần {name} hỏng ({exc}); thường do thẻ {{%p …%}} hoặc {{%tr …%}} không nằm riêng "
                "một đoạn/một dòng bảng, hoặc {% if %}/{% for %} mở ở đoạn này đóng ở đoạn khác"
            ) from exc

    def _error(self, problem: str) -> ParbookError:
        return ParbookError(f"Mẫu Word '{self.name}' {problem}.")


def _template(code):
    """A Jinja template from its compiled code (what `Environment.from_string` does after compiling)."""
    return _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None), None)


def _has_tags(blob: bytes) -> bool:
    # A tag typed in Word is often split over several runs: look at the text without the markup.
    return bool(_TAG.search(re.sub(r"<[^>]*>", "", blob.decode("utf-8", "replace"))))


def _snippet(source: str, lineno: int | None) -> str:
    lines = source.split("\n")
    index = max((lineno or 1) - 1, 0)
    text = " ".join(re.sub(r"<[^>]+>", "", line) for line in lines[max(index - 1, 0) : index + 2])
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 160 else text[:157] + "…"


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _related(members: Mapping[str, bytes], part: str, types: set[str]) -> list[str]:
    """Names of the parts related to part (the package when part is '') by one of types."""
    rels = members.get(_rels_name(part) if part else "_rels/.rels")
    if rels is None:
        return []
    etree = _etree()
    try:
        root = etree.fromstring(rels)
    except etree.XMLSyntaxError:
        return []
    folder = posixpath.dirname(part)
    names = []
    for rel in root.iter(f"{_PKG_RELS_NS}Relationship"):
        if rel.get("Type") in types and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            names.append(path)
    return names


def _main_part(members: Mapping[str, bytes]) -> str | None:
    found = _related(members, "", {_OFFICE_DOCUMENT})
    return found[0] if found else None


_BY_DIGEST: dict[tuple[str, frozenset[str] | None], CompiledTemplate] = {}
_BY_FILE: dict[tuple[str, int, int], CompiledTemplate] = {}


def _restore(name: str, source: bytes, required: frozenset[str] | None) -> CompiledTemplate:
    """Unpickle: compile once per process per template content."""
    key = (hashlib.sha256(source).hexdigest(), required)
    compiled = _BY_DIGEST.get(key)
    if compiled is None:
        compiled = _BY_DIGEST[key] = CompiledTemplate(name, source, required)
    return compiled


def compile_template(path: str | os.PathLike[str], required: Iterable[str] | None = PLAN_FIELDS) -> CompiledTemplate:
    """The template at path, compiled (cached per process while the file is unchanged).

    Raises ParbookError naming the template when it is missing, not a .docx, has a broken field,
    or (unless required is None) uses none of the `required` names.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ParbookError(f"Không tìm thấy mẫu Word '{path}'. Hãy kiểm tra đường dẫn.") from exc
    if not path.is_file():
        raise ParbookError(f"Mẫu Word '{path}' không phải một tệp .docx.")
    required = frozenset(required) if required is not None else None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    compiled = _BY_FILE.get(key)
    if compiled is None or compiled.required != required:
        compiled = _restore(path.name, path.read_bytes(), required)
        _BY_FILE[key] = compiled
    return compiled
