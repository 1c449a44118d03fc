"""Growth: how listing and per-call costs scale from 1,000 to 1,000,000 conversations.

Listing should grow linearly (its time per conversation flat), per-call costs should stay flat.
Per size: ``conversations()`` (median of --repeats), and the medians of --calls round trips of
``conversation()`` (a read) and ``create_conversation`` on an existing one. Each time per
conversation is also given against the smallest size's (the floor of the same run). Saves a
plot (matplotlib) to --plot.

    python benchmarks/growth.py --sizes 1000 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _populate import populate  # noqa: E402
from timconv_nb import Client  # noqa: E402

log = logging.getLogger("benchmarks.growth")


def median_call(action, calls: int) -> float:
    samples = []
    for i in range(calls):
        start = time.perf_counter()
        action(i)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(size: int, repeats: int, calls: int, folder: Path) -> dict:
    # Listing a million conversations takes longer than the default 10 s timeout.
    with Client(folder / f"data{size}", replace=True, timeout=600) as client:
        client.login("bench")
        populate(client, size)
        rng = random.Random(size)
        ids = [f"g{rng.randrange(size):07d}" for _ in range(calls)]
        read = median_call(lambda i: client.conversation(ids[i], "group"), calls)
        create = median_call(lambda i: client.create_conversation(ids[i], "group"), calls)
        listing = []
        for _ in range(repeats):
            start = time.perf_counter()
            frame = client.conversations()
            listing.append(time.perf_counter() - start)
            assert len(frame) == size
            del frame
    return {"size": size, "listing": statistics.median(listing), "read": read, "create": create}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--plot", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "images" / "growth.png")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("timconv_nb").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        rows = [measure(size, args.repeats, args.calls, Path(folder)) for size in sorted(args.sizes)]
    base = rows[0]
    lines = ["growth (listing: median of repeats; calls: medians of round trips)",
             "| conversations | conversations() s | µs per conversation | vs smallest | conversation() µs "
             "| vs smallest | create (existing) µs | vs smallest |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        per = r["listing"] / r["size"]
        lines.append(f"| {r['size']:,} | {r['listing']:.3f} | {per * 1e6:.1f} | "
                     f"{per / (base['listing'] / base['size']):.2f}x | {r['read'] * 1e6:.1f} | "
                     f"{r['read'] / base['read']:.2f}x | {r['create'] * 1e6:.1f} | "
                     f"{r['create'] / base['create']:.2f}x |")
    last = rows[-1]
    lines.append(f"summary: from {base['size']:,} to {last['size']:,} conversations, listing time per conversation "
                 f"is {last['listing'] / last['size'] / (base['listing'] / base['size']):.2f}x and a read call "
                 f"{last['read'] / base['read']:.2f}x")
    log.info("\n".join(lines))
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    sizes = [r["size"] for r in rows]
    left.loglog(sizes, [r["listing"] for r in rows], "o-", label="conversations()")
    left.loglog(sizes, [base["listing"] * s / base["size"] for s in sizes], "--", color="gray", label="linear")
    left.set_xlabel("conversations")
    left.set_ylabel("seconds")
    left.set_title("Listing")
    left.legend()
    right.semilogx(sizes, [r["read"] * 1e6 for r in rows], "o-", label="conversation()")
    right.semilogx(sizes, [r["create"] * 1e6 for r in rows], "s-", label="create (existing)")
    right.set_ylim(bottom=0)
    right.set_xlabel("conversations")
    right.set_ylabel("µs per call (median)")
    right.set_title("Per-call cost")
    right.legend()
    figure.tight_layout()
    args.plot.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(args.plot, dpi=110)
    log.info("plot: %s", args.plot)


if __name__ == "__main__":
    main()
