"""`python -m accordtui` runs the command line."""

import sys

from accordtui.cli import main

sys.exit(main())
