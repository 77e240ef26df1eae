"""Whether a template part renders well-formed XML, decided as far as can be when it is compiled.

A rendered part can only be broken by its own statements or by a value that is not plain text:
- an `{% if %}`/`{% for %}` whose body (or a branch of it) opens an element it does not close, or
  closes one it did not open, leaves broken XML whenever the body is skipped or repeated; a
  statement or field inside a tag can break the tag;
- a value is escaped, but a line break or tab in it becomes `</w:t><w:br/><w:t>`, which is right
  only inside a run's text (w:r/w:t); markup of unknown origin may be anything.

`prepare` reads the parsed template once: whether its statements keep the XML balanced, and it
marks every field outside a run's text with the `parbook_loose` filter, which notes a value that
would put a break there. The renderer parses a rendered part only when its statements are not
balanced or such a value was rendered (see `pyxl.plan.render`); PARBOOK_CHECK_XML=1 parses every one.
"""
from __future__ import annotations

import re

from jinja2 import Environment, nodes

LOOSE = "parbook_loose"  # the filter marking fields outside a run's text
_TAG = re.compile(r"<[^>]*>?|[^<]+")  # a tag may end in the next piece of text
_NAME = re.compile(r"</?([^\s/>]+)")
_RUN_TEXT = ["w:r", "w:t"]


class _Unknown(Exception):
    """The part does something this reading does not follow: its renderings are parsed instead."""


def prepare(environment: Environment, source: str) -> tuple[nodes.Template, bool]:
    """The parsed part with its loose fields marked, and whether its statements keep the XML balanced.

    Raises jinja2.TemplateSyntaxError for a template Jinja cannot parse.
    """
    tree = environment.parse(source)
    if "<!--" in source or "<![CDATA[" in source:
        return tree, False  # comments and CDATA could hide tags from the simple reading below
    reading = _Reading()
    try:
        reading.body(tree.body)
        return tree, not reading.stack and not reading.in_tag
    except _Unknown:
        return tree, False


class _Reading:
    """Follows the elements a part opens and closes, statement by statement."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.in_tag = ""  # a tag started by template text that the text has not ended yet

    def body(self, statements: list[nodes.Node]) -> None:
        for node in statements:
            if isinstance(node, nodes.Output):
                self.output(node)
            elif isinstance(node, nodes.If):
                self.branches([node.body, *(branch.body for branch in node.elif_), node.else_])
            elif isinstance(node, nodes.For):
                self.branches([node.body, node.else_])
            elif not isinstance(node, nodes.Assign):
                raise _Unknown(type(node).__name__)

    def branches(self, bodies: list[list[nodes.Node]]) -> None:
        """Each body may run or not, or run again: each must leave the elements as it found them."""
        if self.in_tag:
            raise _Unknown("a statement inside a tag")
        start = list(self.stack)
        for body in bodies:
            self.body(body)
            if self.stack != start or self.in_tag:
                raise _Unknown("an unbalanced statement body")

    def output(self, node: nodes.Output) -> None:
        for n, child in enumerate(node.nodes):
            if isinstance(child, nodes.TemplateData):
                self.text(child.data)
            elif self.in_tag:
                raise _Unknown("a field inside a tag")
            elif self.stack[-2:] != _RUN_TEXT:
                node.nodes[n] = nodes.Filter(child, LOOSE, [], [], None, None, lineno=child.lineno)

    def text(self, data: str) -> None:
        for match in _TAG.finditer(self.in_tag + data):
            token = match.group(0)
            if not token.startswith("<"):
                continue
            if not token.endswith(">"):
                self.in_tag = token  # the tag goes on in the next piece of text
                return
            self.tag(token)
        self.in_tag = ""

    def tag(self, token: str) -> None:
        if token.startswith(("<?", "<!")) or token.endswith("/>"):
            return
        name = _NAME.match(token)
        if name is None:
            raise _Unknown(token)
        if token.startswith("</"):
            if not self.stack or self.stack[-1] != name.group(1):
                raise _Unknown(token)
            self.stack.pop()
        else:
            self.stack.append(name.group(1))
