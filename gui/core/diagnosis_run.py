"""A diagnosis run, in a worker process: every endpoint's network phases, and the vendor SDK.

Endpoints are reached side by side (a dead network costs one endpoint's bounds, not the sum)
and reported in the settings' order, each phase as soon as it is known. The SDK loads at the
same time; a native crash while loading ends only this process, and the console says so. In
the simulator environment the endpoints are the simulator's own front (gui.core.fronts).
"""

from __future__ import annotations

import contextlib
import importlib
import queue
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from gui.core.diagnosis import Step, failed
from gui.core.errors import SdkMismatch, SdkUnavailable
from gui.core.failure_class import FailureClass
from gui.core.probes import StepTimeout, bounded, endpoint_from_url, network_steps
from gui.core.registry import BrokerSpec, Environment

SDK_SECONDS = 20.0  # loading a vendor SDK (Mono and three assemblies, a native library)
ENDPOINT_SECONDS = 30.0  # a phase that never reports (each is bounded well below this)

Report = Callable[[Step], None]


def diagnose(
    spec: BrokerSpec,
    environment: Environment,
    scenario: str,
    settings: Mapping[str, Any],
    report: Report,
) -> str:
    """Run every phase, `report` each step in order; returns a one-line summary."""
    sdk: queue.Queue[Step] = queue.Queue()
    threading.Thread(
        target=lambda: sdk.put(sdk_step(spec, environment, scenario, settings)),
        name="diagnosis-sdk",
        daemon=True,
    ).start()
    with contextlib.ExitStack() as stack:
        if environment is Environment.SIMULATOR:
            simulator = importlib.import_module(f"gui.brokers.{spec.id}.simulator")
            urls = stack.enter_context(simulator.front(scenario, settings))
        else:
            urls = spec.endpoints(settings) if spec.endpoints is not None else []
        for steps in [_reach(url) for url in urls]:
            while True:
                try:
                    step = steps.get(timeout=ENDPOINT_SECONDS)
                except queue.Empty:
                    break
                if step is None:
                    break
                report(step)
    try:
        report(sdk.get(timeout=SDK_SECONDS + 1))
    except queue.Empty:
        report(
            failed("sdk", spec.title, FailureClass.SDK_MISMATCH, SDK_SECONDS * 1000, "did not load")
        )
    where = ", ".join(urls) if urls else "no endpoint in the settings"
    return f"diagnosed {where}"


def _reach(url: str) -> queue.Queue[Step | None]:
    """The phases of one endpoint, produced on a thread of their own."""
    steps: queue.Queue[Step | None] = queue.Queue()

    def run() -> None:
        ep = endpoint_from_url(url)
        if ep is None:
            steps.put(
                failed(
                    "dns",
                    url,
                    FailureClass.DNS_FAILED,
                    0.0,
                    f"'{url}' is not an address (scheme://host:port)",
                    "Correct the address in the settings.",
                )
            )
        else:
            for step in network_steps(ep):
                steps.put(step)
        steps.put(None)

    threading.Thread(target=run, name=f"diagnosis {url}", daemon=True).start()
    return steps


def sdk_step(
    spec: BrokerSpec, environment: Environment, scenario: str, settings: Mapping[str, Any]
) -> Step:
    """The vendor SDK loads (bounded), with what was loaded and its versions."""
    if environment is Environment.SIMULATOR:
        return Step(
            "sdk",
            spec.title,
            True,
            detail=f"the built-in simulator ({scenario}): no vendor SDK needed",
        )
    started = time.perf_counter()
    try:
        if spec.surface is None:
            raise SdkUnavailable(f"{spec.title}: not available yet. {spec.unavailable_note}")
        loader = spec.surface(environment, scenario)
        binding = importlib.import_module(f"gui.brokers.{spec.id}.binding")
        detail = bounded(lambda: str(binding.describe(loader(settings), settings)), SDK_SECONDS)
    except StepTimeout:
        return failed(
            "sdk",
            spec.title,
            FailureClass.SDK_MISMATCH,
            _ms(started),
            f"the SDK did not finish loading within {SDK_SECONDS:g} s",
        )
    except SdkMismatch as exc:
        return failed("sdk", spec.title, FailureClass.SDK_MISMATCH, _ms(started), exc.reason)
    except SdkUnavailable as exc:
        return failed("sdk", spec.title, FailureClass.SDK_MISSING, _ms(started), exc.reason)
    except Exception as exc:
        return failed(
            "sdk",
            spec.title,
            FailureClass.SDK_MISMATCH,
            _ms(started),
            f"{type(exc).__name__}: {exc}",
        )
    return Step("sdk", spec.title, True, ms=_ms(started), detail=detail)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
