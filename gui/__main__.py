"""`python -m gui` is the same as the `broker-console` command (and starts workers)."""

from gui.launch import main

raise SystemExit(main())
