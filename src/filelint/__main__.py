"""``python -m filelint``."""

import sys

from filelint.cli import main

sys.exit(main())
