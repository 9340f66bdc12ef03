"""Broker Login Console: log in to brokers by hand, watch and diagnose the connection."""

import time
from importlib.metadata import PackageNotFoundError, version

STARTED = time.perf_counter()  # the earliest stamp the app's own code can take, for start-up timing

APP_NAME = "BrokerLoginConsole"
APP_TITLE = "Broker Login Console"

try:
    __version__ = version("broker-login-console")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
