#!/usr/bin/env python3
"""Summarises bench/compare.sh's runs.tsv: per phase and tool the median (min-max) of wall time,
throughput, CPU (user + system) and peak RSS, and per number the median of the pairs' ratios
(ours / kcat; for throughput ours / kcat too, so above 1 means ours is faster). The one `dotnet run`
run, when there is one, is shown beside the shipped executable's median, with what it adds."""
import csv
import statistics
import sys


def numbers(r):
    wall = float(r["wall_s"])
    records = int(r["records"]) if r["records"].isdigit() else 0
    return {
        "wall s": wall,
        "throughput msg/s": records / wall if wall > 0 else 0.0,
        "CPU s (user+sys)": float(r["user_s"]) + float(r["sys_s"]),
        "peak RSS MB": int(r["peak_rss_kb"]) / 1024,
    }


NAMES = ("wall s", "throughput msg/s", "CPU s (user+sys)", "peak RSS MB")


def main(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    checks = []
    for phase in ("produce", "consume"):
        runs = [r for r in rows if r["phase"] == phase]
        if not runs:
            continue
        by_pair = {}
        for r in runs:
            by_pair.setdefault(r["pair"], {})[r["tool"]] = r
        pairs = [p for p in by_pair.values() if "kcat" in p and "ours" in p]

        records = sorted({r["records"] for r in runs})
        print(f"\n{phase}: {len(pairs)} alternated pairs; records per run: {', '.join(records)}")
        print(f"  {'':18} {'kcat median (min-max)':>28} {'ours median (min-max)':>28} {'ours/kcat, median of pairs':>28}")
        for name in NAMES:
            k = [numbers(p["kcat"])[name] for p in pairs]
            o = [numbers(p["ours"])[name] for p in pairs]
            ratios = [numbers(p["ours"])[name] / numbers(p["kcat"])[name] for p in pairs if numbers(p["kcat"])[name] > 0]
            print(f"  {name:18} {cell(k, name):>28} {cell(o, name):>28} {ratio(ratios):>28}")
            if ratios:
                checks.append((phase, name, statistics.median(ratios), statistics.median(o)))
        reference = [r for r in runs if r["tool"] == "dotnet-run"]
        if reference and pairs:
            print(f"  the same run through `dotnet run -c Release` (once, built before; beside ours' median):")
            for name in NAMES:
                ref = numbers(reference[0])[name]
                mine = statistics.median([numbers(p["ours"])[name] for p in pairs])
                print(f"    {name:18} {fmt(ref, name):>10}  ({ref / mine:.2f}x the shipped executable's {fmt(mine, name)})" if mine > 0 else f"    {name:18} {fmt(ref, name):>10}")
    # Issue 25's targets and floors, read off the medians above.
    marks = {(p, n): (r, m) for p, n, r, m in checks}
    lines = []
    if ("produce", "throughput msg/s") in marks:
        r = marks[("produce", "throughput msg/s")][0]
        lines.append(f"produce whole-process speed {r:.3f}x kcat (its wall / ours): floor 0.9x {'met' if r >= 0.9 else 'NOT met'}, target 1.0x {'met' if r >= 1.0 else 'not met'}")
        c = marks[("produce", "CPU s (user+sys)")][0]
        lines.append(f"produce CPU {c:.2f}x kcat: target 1.0x {'met' if c <= 1.0 else 'not met'}")
        m = marks[("produce", "peak RSS MB")][1]
        lines.append(f"produce peak RSS {m:.1f} MB: floor 40 MB {'met' if m <= 40 else 'NOT met'}, target 30 MB {'met' if m <= 30 else 'not met'}")
    if ("consume", "throughput msg/s") in marks:
        r = marks[("consume", "throughput msg/s")][0]
        lines.append(f"consume throughput {r:.2f}x kcat -C -e: target 1.4x {'met' if r >= 1.4 else 'NOT met'}")
    if lines:
        print("\nissue 25 (medians of the pairs' ratios; median peak RSS):")
        for line in lines:
            print("  " + line)


def fmt(v, name):
    if name.startswith("throughput"):
        return f"{v / 1000:,.0f}k"
    return f"{v:.2f}" if v < 100 else f"{v:.0f}"


def cell(values, name):
    if not values:
        return "-"
    return f"{fmt(statistics.median(values), name)} ({fmt(min(values), name)}-{fmt(max(values), name)})"


def ratio(values):
    if not values:
        return "-"
    return f"{statistics.median(values):.2f}x ({min(values):.2f}-{max(values):.2f})"


if __name__ == "__main__":
    main(sys.argv[1])
