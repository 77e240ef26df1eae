"""`python -m pyxl` runs the parbook command."""
import sys

from .cli import main

sys.exit(main())
