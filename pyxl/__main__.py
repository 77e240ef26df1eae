"""`python -m pyxl` runs the parbook command."""
import sys

from pyxl.cli import main

sys.exit(main())
