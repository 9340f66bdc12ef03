"""Entry point of the packaged executable (the same as `broker-console`)."""

import sys

from gui.cli import main

sys.exit(main())
