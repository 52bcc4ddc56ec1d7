#!/usr/bin/env python3
"""Print, for every bounded step of every scenario row a soak ran, the bound and the distribution measured.

A floor or ceiling in the smoke profile must say what it was set from: min, median and max of at least 5
healthy runs (issue 11). This reads the judged verdicts that each run's Allure results carry (.ci/soak keeps
them under run-<i>/allure-results) and prints one Markdown table per feature: row, step, bound, the measured
min / median / max over the runs that measured it (passed or failed alike), and the runs counted. Numbers only
from those files; nothing is estimated.

usage: soak-bounds.py SOAK_FOLDER RUNS"""
import json
import pathlib
import re
import statistics
import sys

WITHIN = re.compile(r"within (\d+(?:\.\d+)?) seconds?")


def measures(checker, step, numbers):
    """(what, measured, bound, unit, kind) of one judged step, or None when it has no numeric bound."""
    n = numbers
    if checker in ("producer-rate", "consumer-rate") and "rate" in n and "floor" in n:
        return ("rate", n["rate"], n["floor"], "msg/s", "floor")
    if checker == "consumer-rate-ratio" and "ratio" in n:
        return ("ratio", n["ratio"], n.get("bound"), "x", "ceiling")
    if checker == "producer-stall" and "judged-seconds" in n:
        return ("stall", n["judged-seconds"], n.get("bound-seconds"), "s", "ceiling")
    if checker == "ack-latency" and "bound-ms" in n:
        key = "p50-ms" if re.search(r"\bp50\b|median", step) else "p99-ms"
        return (key.replace("-ms", ""), n.get(key), n["bound-ms"], "ms", "floor" if "at least" in step else "ceiling")
    if checker in ("send-finished", "broker-back", "transactions-finished", "transactions-caught-up") and "seconds" in n:
        return ("seconds", n["seconds"], n.get("bound-seconds"), "s", "ceiling")
    if checker == "recovery" and "to-first-consume-seconds" in n:
        m = WITHIN.search(step)
        return ("first read after fault", n["to-first-consume-seconds"], float(m.group(1)) if m else None, "s", "ceiling")
    return None


def read_run(folder):
    """{(feature, row, step, what): (value, bound, unit, kind, status)} for one run."""
    found = {}
    results = folder / "allure-results"
    if not results.is_dir():
        return found
    for result_file in results.glob("*-result.json"):
        try:
            result = json.loads(result_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        full = result.get("fullName") or ""
        location = full.split(" ", 1)[0]
        feature = location.split(":", 1)[0]
        # The row's Examples line, then its title (its values, which follow the title in brackets, left out).
        line = location.split(":", 1)[1] if ":" in location else "?"
        row = f"line {line}: " + re.sub(r" \[[^\]]*\]$", "", result.get("name") or "?")
        for attachment in result.get("attachments") or []:
            if attachment.get("name") != "verdicts":
                continue
            try:
                doc = json.loads((results / attachment["source"]).read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError):
                continue
            for judged in doc.get("judged") or []:
                verdict = judged.get("verdict") or {}
                m = measures(verdict.get("checker", ""), judged.get("step", ""), verdict.get("numbers") or {})
                if m is None or m[1] is None:
                    continue
                what, value, bound, unit, kind = m
                key = (feature, row, judged.get("step", "").strip(), what)
                found[key] = (float(value), bound, unit, kind, result.get("status"))
    return found


def fmt(value, unit):
    if value is None:
        return "-"
    if unit == "msg/s":
        return f"{value:,.0f}"
    if unit == "ms":
        return f"{value:,.1f}"
    if unit == "x":
        return f"{value:.2f}"
    return f"{value:.2f}"


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    soak = pathlib.Path(sys.argv[1])
    runs = int(sys.argv[2])
    per_run = [read_run(soak / f"run-{i}") for i in range(1, runs + 1)]
    keys = sorted({k for run in per_run for k in run})
    if not keys:
        print(f"no judged bounds found under {soak}/run-*/allure-results", file=sys.stderr)
        return 1
    print(f"# Bounds of the smoke profile, measured over {runs} run(s)")
    feature = None
    for key in keys:
        if key[0] != feature:
            feature = key[0]
            print()
            print(f"## {feature}")
            print()
            print("| row | step | bound | min | median | max | runs | failed |")
            print("|---|---|---|---|---|---|---|---|")
        values = [run[key] for run in per_run if key in run]
        numbers = [v[0] for v in values]
        bound, unit, kind = values[0][1], values[0][2], values[0][3]
        failed = sum(1 for v in values if v[4] != "passed")
        bound_text = f"{'>=' if kind == 'floor' else '<='} {fmt(bound, unit)} {unit}" if bound is not None else "-"
        print(f"| {key[1].replace('|', '/')} | {key[2].replace('|', '/')} ({key[3]}) | {bound_text} | "
              f"{fmt(min(numbers), unit)} | {fmt(statistics.median(numbers), unit)} | {fmt(max(numbers), unit)} | "
              f"{len(numbers)} | {failed} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
