"""Qt-free: each live login's driver runs in a worker process of its own (vendor isolation).

`process` is the worker's side, `handle` the console's, `protocol` the framed pipe between
them, `lifetime` what ends a worker with its console.
"""
