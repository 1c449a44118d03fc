"""Group messages against a floor measured in the same run: sync sends through the Python API to
groups of growing size, over a C2C send (one recipient's store) as the floor.

A group send takes the group's seq in the group registry (one transaction there), stores the
message in the sender's store and delivers it to every other member's store (one transaction
each), so its cost should grow with the members and stay near "C2C send x members" at most.

    python benchmarks/groups.py                  # 2,000 sends per case, groups of 1, 5 and 20
    python benchmarks/groups.py --count 200 --members 1 5
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
from pathlib import Path

from roundtrip import timed
from timconv_nb import Client

log = logging.getLogger("benchmarks.groups")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="sends per case")
    parser.add_argument("--members", type=int, nargs="+", default=[1, 5, 20], help="group sizes (the sender included)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder, \
            Client(Path(folder) / "data", replace=True) as client:
        for size in args.members:  # every member has logged in once: their stores exist
            for member in range(1, size):
                client.login(f"member{member}")
        client.login("sender")
        floor = timed(lambda i: client.send_text("member1", f"c2c {i}"), args.count)
        floor_median = statistics.median(floor)
        rows = [("floor: C2C send (one recipient)", floor)]
        for size in args.members:
            group = f"group{size}"
            client.create_group(group, group, "work", members=[f"member{m}" for m in range(1, size)])
            rows.append((f"group send, {size} member{'s' if size > 1 else ''}",
                         timed(lambda i, group=group: client.send_text(group, f"g {i}", "group"), args.count)))
    lines = [f"group sends, {args.count:,} each (latencies in microseconds)",
             "| case | sends/s | median | p99 | median / floor |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, samples in rows:
        ordered = sorted(samples)
        median = statistics.median(ordered)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        lines.append(f"| {name} | {len(samples) / sum(samples):,.0f} | {median * 1e6:.0f} | {p99 * 1e6:.0f} |"
                     f" {median / floor_median:.2f}x |")
    per_member = [(statistics.median(s) / floor_median) / max(1, size - 1)
                  for (_, s), size in zip(rows[1:], args.members) if size > 1]
    lines.append("summary: a group send costs {} the floor per other member".format(
        ", ".join(f"{x:.2f}x" for x in per_member) or "(no group with other members)"))
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
