"""Broker Login Console: log in to brokers by hand, watch and diagnose the connection."""

import time

STARTED = time.perf_counter()  # the earliest stamp the app's own code can take, for start-up timing

APP_NAME = "BrokerLoginConsole"
APP_TITLE = "Broker Login Console"
__version__ = "0.2.0"  # the one place; pyproject.toml reads it (importlib.metadata is slow)
WORKER_FLAG = "--broker-worker"  # argv of a worker process: the flag alone, never a secret
