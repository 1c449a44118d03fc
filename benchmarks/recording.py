"""What recording the C traffic costs, off and on, against a floor measured in the same run.

One sync round trip (TIMConvGetTotalUnreadMessageCount: a read, so SQLite adds little noise) is
made three ways, in interleaved rounds so that drift hits all three alike:

* floor: the cffi library called directly with the C waiter, as ``call_and_wait`` does, but
  without the binding's recording checks: what the call costs with no recording code at all;
* off: ``NativeLibrary.call_and_wait`` with no recorder attached (the default);
* on: the same with a recorder attached.

    python benchmarks/recording.py                 # 5 rounds of 2,000 calls each
    python benchmarks/recording.py --rounds 2 --count 200
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time

from timconv_nb import Client, native
from timconv_nb._callbacks import lib as _completions
from timconv_nb.completions import text_of

log = logging.getLogger("benchmarks.recording")

CALL = "TIMConvGetTotalUnreadMessageCount"


def floor_call(lib: native.NativeLibrary) -> tuple[int, tuple[int, str, str]]:
    """call_and_wait's work, line for line, without its recording checks: the raw library called
    with the C waiter of the binding's completions, its reply read as text."""
    waiter = _completions.timconv_waiter_new(0)
    accepted = False
    try:
        accepted = getattr(lib.lib, CALL)(native._WAITER_DONE, waiter) == 0
        assert accepted and _completions.timconv_waiter_wait(waiter, 5.0)
        reply = _completions.timconv_waiter_reply(waiter)
        return 0, (reply.code, text_of(reply.desc), text_of(reply.json))
    finally:
        if not accepted:
            _completions.timconv_waiter_refused(waiter)
        _completions.timconv_waiter_release(waiter)


def median_us(run, count: int) -> float:
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder, Client(folder, replace=True) as client:
        client.login("me")
        lib = client.native
        ways = {
            "floor (no recording code)": lambda: floor_call(lib),
            "recording off": lambda: lib.call_and_wait(CALL, timeout=5.0),
        }
        results: dict[str, list[float]] = {name: [] for name in [*ways, "recording on"]}
        for _ in range(args.rounds):
            for name, run in ways.items():
                results[name].append(median_us(run, args.count))
            with lib.recording() as recorder:
                results["recording on"].append(median_us(lambda: lib.call_and_wait(CALL, timeout=5.0), args.count))
            recorder.clear()
        floor = statistics.median(results["floor (no recording code)"])
        log.info("| way | median of round medians (µs) | spread of rounds (µs) | vs floor |")
        log.info("| --- | --- | --- | --- |")
        for name, medians in results.items():
            middle = statistics.median(medians)
            log.info("| %s | %.1f | %.1f to %.1f | %.2fx |", name, middle, min(medians), max(medians), middle / floor)
        off = statistics.median(results["recording off"]) / floor
        on = statistics.median(results["recording on"]) / floor
        spread = (max(results["floor (no recording code)"]) - min(results["floor (no recording code)"])) / floor
        log.info("summary: recording off %.2fx the floor (rounds of the floor itself vary by %.0f%%), on %.2fx",
                 off, spread * 100, on)


if __name__ == "__main__":
    main()
