"""Qt-free core: events, field schema, session state machine, context, registry.

Nothing in this package imports PySide6, so the CLI, tests and any future service run headless.
"""
