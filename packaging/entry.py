"""Entry point of the packaged executable (the same as `broker-console`)."""

import sys

from gui.launch import main

sys.exit(main())
