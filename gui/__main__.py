"""`python -m gui` is the same as the `broker-console` command."""

from gui.cli import main

raise SystemExit(main())
