"""Frozen value classes without dataclasses.

Importing dataclasses loads inspect, ast, dis and tokenize, and making a dataclass compiles the code it
generates: together a fifth of a `parbook check`. A `Record` gives what a frozen dataclass gives (==,
hash, repr, no assignment, `replace`) from its FIELDS, with the __init__ each class writes out.
"""
from __future__ import annotations


class Record:
    """A frozen value: its FIELDS, in the order __init__ takes them, set once by __init__ through __dict__.

    HIDDEN names fields left out of ==, hash and repr (a dataclass field with compare=False, repr=False).
    """

    __slots__ = ()
    FIELDS: tuple[str, ...] = ()
    HIDDEN: frozenset[str] = frozenset()

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS if name not in self.HIDDEN)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared() == other._compared()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS if name not in self.HIDDEN)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def replace(self, **changes: object):
        """A copy with the fields named changed (what dataclasses.replace gives)."""
        unknown = changes.keys() - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{name: changes.get(name, getattr(self, name)) for name in self.FIELDS})
