"""parbook: read, score and check PHỤ LỤC tables of PAR Index remediation plans, and write the plans."""
from .errors import ParbookError
from .model import Deadline, Finding, Item, Table, Totals

__version__ = "0.1.0"
__all__ = ["ParbookError", "Deadline", "Finding", "Item", "Table", "Totals", "__version__"]
