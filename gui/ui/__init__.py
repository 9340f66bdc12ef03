"""The thin Qt layer: renders the core's sessions and events, never decides their state."""
