"""Broker Login Console: log in to brokers by hand, watch and diagnose the connection."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "BrokerLoginConsole"
APP_TITLE = "Broker Login Console"

try:
    __version__ = version("broker-login-console")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
