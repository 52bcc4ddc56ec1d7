#!/usr/bin/env python3
"""Print the soak table of a folder of runs (.ci/soak writes them as run-1, run-2, ...).

One row per test: its outcome in every run (from the run's TRX file) and the measured numbers that
vary most between runs (from the checker verdicts the Allure writer attached to each scenario, and the
scenario's duration). Exits 1 when any outcome differs between runs or a run left no TRX file, else 0.

usage: soak-table.py SOAK_FOLDER RUNS"""
import json
import pathlib
import re
import statistics
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
SHORT = {"Passed": "pass", "Failed": "FAIL", "Skipped": "skip", None: "none"}
TOP = 3  # numbers shown per row
ROW_ID = re.compile(r'\s*\(id: "[^"]*"\)$')  # xUnit appends the row's data, the scenario id, to a theory row's name


def outcome_of(trx_outcome):
    if trx_outcome == "Passed":
        return "Passed"
    if trx_outcome in ("NotExecuted", "Inconclusive", "Pending", "Disconnected", "Warning"):
        return "Skipped"
    return "Failed"


def read_trx(run_folder):
    """{test name: outcome} from every TRX file of one run, or None when there is none."""
    files = sorted(run_folder.rglob("*.trx"))
    if not files:
        return None
    outcomes = {}
    for f in files:
        root = ET.parse(f).getroot()
        for r in root.iterfind(".//t:Results/t:UnitTestResult", NS):
            outcomes[r.get("testName", "?")] = outcome_of(r.get("outcome"))
    return outcomes


def numbers_of_verdicts(doc):
    """checker.number -> value, for every verdict of the 'verdicts' attachment (judged steps first, then whole run)."""
    found = {}
    for part in ("judged", "asserted", "wholeRun"):
        for verdict in (doc or {}).get(part) or []:
            verdict = verdict.get("verdict") or verdict  # a judged step holds its checker's verdict
            checker = verdict.get("checker") or verdict.get("Checker") or "?"
            for name, value in (verdict.get("numbers") or verdict.get("Numbers") or {}).items():
                if isinstance(value, (int, float)):
                    found.setdefault(f"{checker}.{name}", float(value))
    return found


def read_allure(run_folder):
    """{test name without its id: {number: value}} from one run's Allure results."""
    folder = run_folder / "allure-results"
    numbers = {}
    if not folder.is_dir():
        return numbers
    for result_file in folder.glob("*-result.json"):
        try:
            result = json.loads(result_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        full_name = result.get("fullName") or ""
        # fullName is "<file>:<line> <feature> › <scenario>"; the TRX names a test "<feature> › <scenario>".
        name = full_name.split(" ", 1)[1] if " " in full_name else full_name
        values = {}
        if result.get("start") and result.get("stop"):
            values["duration s"] = (result["stop"] - result["start"]) / 1000.0
        for attachment in result.get("attachments") or []:
            if attachment.get("name") == "verdicts":
                try:
                    values.update(numbers_of_verdicts(json.loads((folder / attachment["source"]).read_text(encoding="utf-8"))))
                except (OSError, ValueError, KeyError):
                    pass
        numbers[name] = values
    return numbers


def spread(values):
    """(max - min) relative to the median's size; 0 when every run measured the same."""
    low, high = min(values), max(values)
    if high == low:
        return 0.0
    middle = abs(statistics.median(values))
    return (high - low) / middle if middle > 0 else float("inf")


def fmt(value):
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    soak = pathlib.Path(sys.argv[1])
    runs = int(sys.argv[2])
    folders = [soak / f"run-{i}" for i in range(1, runs + 1)]
    outcomes = [read_trx(f) for f in folders]
    numbers = [read_allure(f) for f in folders]

    print(f"# Soak: {runs} run(s) of the smoke profile")
    print()
    for i, (folder, run) in enumerate(zip(folders, outcomes), start=1):
        exit_file = folder / "exit-code"
        exit_code = exit_file.read_text().strip() if exit_file.exists() else "?"
        seconds_file = folder / "seconds"
        seconds = seconds_file.read_text().strip() if seconds_file.exists() else "?"
        if run is None:
            print(f"- run {i}: no TRX file (dotnet test exit {exit_code}, {seconds} s); see {folder / 'dotnet-test.log'}")
            continue
        counts = {k: sum(1 for o in run.values() if o == k) for k in ("Passed", "Failed", "Skipped")}
        print(f"- run {i}: {counts['Passed']} passed, {counts['Failed']} failed, {counts['Skipped']} skipped "
              f"(dotnet test exit {exit_code}, {seconds} s)")
    print()

    # Differing verdicts first, then failures, passes and skips; by name within each.
    every = {n for run in outcomes if run for n in run}

    def order(name):
        per_run = [(run or {}).get(name) for run in outcomes]
        rank = 0 if len(set(per_run)) > 1 else {"Failed": 1, "Passed": 2, "Skipped": 3}.get(per_run[0], 0)
        return rank, name

    names = sorted(every, key=order)
    differing = []
    header = "| " + " | ".join(f"run {i}" for i in range(1, runs + 1)) + " | test | numbers that vary most (run 1 / run 2 / ...) |"
    print(header)
    print("|" + "---|" * (runs + 2))
    for name in names:
        per_run = [(run or {}).get(name) for run in outcomes]
        if len(set(per_run)) > 1:
            differing.append(name)
        measured = [numbers[i].get(ROW_ID.sub("", name), {}) for i in range(runs)]
        keys = {k for m in measured for k in m}
        varied = []
        for key in keys:
            values = [m[key] for m in measured if key in m]
            if len(values) >= 2 and spread(values) > 0:
                varied.append((spread(values), key, [fmt(m[key]) if key in m else "-" for m in measured]))
        varied.sort(key=lambda v: (-v[0], v[1]))
        shown = "; ".join(
            f"{key}: {' / '.join(vals)} ({'∞' if s == float('inf') else f'{s:.0%}'})" for s, key, vals in varied[:TOP])
        marks = " | ".join(SHORT[o] for o in per_run)
        flag = "**differs** " if name in differing else ""
        print(f"| {marks} | {flag}{name.replace('|', '/')} | {shown or '-'} |")
    print()

    missing = [i for i, run in enumerate(outcomes, start=1) if run is None]
    if missing:
        print(f"FAILED: run(s) {', '.join(map(str, missing))} left no TRX file.")
        return 1
    if differing:
        print(f"FAILED: {len(differing)} test(s) had different verdicts between runs:")
        for name in differing:
            print(f"  - {name}")
        return 1
    failed_everywhere = [n for n in names if all((run or {}).get(n) == "Failed" for run in outcomes)]
    print(f"Every verdict was the same in all {runs} run(s)"
          + (f"; {len(failed_everywhere)} test(s) failed in every run." if failed_everywhere else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
