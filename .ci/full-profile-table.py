#!/usr/bin/env python3
"""Print the table of a full-profile run (.ci/full-profile writes its folder): one row per scenario row the full
profile ran or skipped for its own reasons (rows of the smoke profile only are left out), with its id (to run it
alone), its target, its outcome (pass / FAIL with the failed step's message / skipped with its reason, and every step
skipped with its reason), its duration, the key numbers its judged steps measured, and the seed's values from its
Examples columns named "seed ...". Then the sweep tables the run wrote (measured beside the seed's).

usage: full-profile-table.py RUN_FOLDER"""
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
# xUnit shortens a long argument in a test's name ("···" after 50 characters): the name loses its id, the Row trait keeps it.
ROW_ID = re.compile(r'\s*\(id: "(?P<id>[^"]*)"(?P<cut>···)?\)$')
NOT_OWN_SKIPS = ("skipped because of previous errors",)


def cell(text):
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def ids_from_trx(folder):
    """{'feature › scenario [values]': 'file:line:row'} from every TRX file under the folder (the Row trait, else the name)."""
    ids = {}
    for trx in folder.rglob("*.trx"):
        root = ET.parse(trx).getroot()
        rows = {}
        for test in root.iterfind(".//t:TestDefinitions/t:UnitTest", NS):
            execution = test.find("t:Execution", NS)
            for prop in test.iterfind("t:Properties/t:Property", NS):
                if prop.findtext("t:Key", "", NS) == "Row" and execution is not None:
                    rows[execution.get("id")] = prop.findtext("t:Value", "", NS)
        for r in root.iterfind(".//t:Results/t:UnitTestResult", NS):
            name = r.get("testName", "")
            m = ROW_ID.search(name)
            if m:
                row = rows.get(r.get("executionId"))
                ids[ROW_ID.sub("", name)] = row or (m.group("id") + ("…" if m.group("cut") else ""))
    return ids


def target_of(allure):
    props = allure / "environment.properties"
    if not props.is_file():
        return "?"
    for line in props.read_text(encoding="utf-8").splitlines():
        if line.startswith("target="):
            m = re.search(r"Kafka target\\?: (\w+)", line)
            return m.group(1) if m else line[len("target="):]
    return "?"


def attachments(node):
    for a in node.get("attachments") or []:
        yield a
    for s in node.get("steps") or []:
        yield from attachments(s)


def fmt(n, digits=0):
    return f"{n:,.{digits}f}"


def key_numbers(verdicts):
    """A few numbers per judged step, in the order the steps ran."""
    shown = []
    for step in (verdicts or {}).get("judged") or []:
        v = step.get("verdict") or {}
        c, n, ok = v.get("checker", "?"), v.get("numbers") or {}, v.get("validity", "")
        mark = "" if ok == "Valid" else f" ({ok.lower()})"
        if c == "lost":
            text = f"acked {fmt(n.get('acked', 0))}, lost {fmt(n.get('lost', 0))}"
            if n.get("below-log-start"):
                text += f", skipped by the cluster (below log-start offset) {fmt(n['below-log-start'])}"
        elif c == "producer-stall":
            j = n.get("judged-seconds", -1)
            text = "producer stall " + (f"{j:.1f} s" if j >= 0 else "for the rest of the run")
        elif c == "recovery":
            t = n.get("to-first-consume-seconds", -1)
            text = "consumers resumed " + (f"after {t:.1f} s" if t >= 0 else "never")
        elif c in ("producer-rate", "consumer-rate", "consumer-rate-ratio", "read-all", "idle-consumers", "producer-counts"):
            text = step.get("measured", "")[:100]
        elif c == "send-finished":
            text = f"send finished after {n.get('seconds', 0):.1f} s"
        elif c == "ack-latency":
            text = step.get("measured", "").split(" (")[0]
        elif c == "caught-up":
            text = f"unread {fmt(n.get('acked-unread', 0))} of {fmt(n.get('acked', 0))}"
            if n.get("below-log-start"):
                text += f" ({fmt(n['below-log-start'])} skipped by the cluster)"
        elif c in ("leaders-moved", "not-led-by", "leader-changes", "broker-back"):
            text = step.get("measured", "")[:90]
        elif "numbers" in v and "count" in n:
            text = f"{c}: {fmt(n['count'])}"
        else:
            continue
        shown.append(text + mark)
    return "; ".join(dict.fromkeys(shown))


def main():
    run = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".ci/out/full-profile")
    allure = run / "allure-results"
    if not allure.is_dir():
        print(f"no Allure results under {allure}: the run did not get as far as the scenarios (see {run / 'dotnet-test.log'})")
        return 1
    ids = ids_from_trx(run / "TestResults")
    target = target_of(allure)
    rows = []
    other_profile = 0
    for f in sorted(allure.glob("*-result.json")):
        r = json.loads(f.read_text(encoding="utf-8"))
        message = (r.get("statusDetails") or {}).get("message") or ""
        if r.get("status") == "skipped" and (message.startswith("not in this profile") or message.startswith("profile '")):
            other_profile += 1
            continue  # a row of the other profile: not this table's business
        feature = next((l["value"] for l in r.get("labels") or [] if l["name"] == "feature"), "")
        params = r.get("parameters") or []
        seed = ", ".join(f"{p['name'][5:]}: {p['value']}" if p["name"].startswith("seed ") else p["value"]
                         for p in params if p["name"].startswith("seed"))
        own = [f"{p['name']}: {p['value']}" for p in params if not p["name"].startswith("seed")]
        scenario = r.get("name", "")
        title = scenario.split(" [", 1)[0]
        row = f"{feature} › {title}" + (f" [{', '.join(own)}]" if own else "")
        trx_name = f"{feature} › {scenario}"
        status = r.get("status")
        if status == "passed":
            outcome = "pass"
        elif status == "skipped":
            outcome = f"skipped: {message}"
        else:
            failed = next((s for s in r.get("steps") or [] if s.get("status") in ("failed", "broken")), None)
            where = f'step "{failed["name"]}": ' if failed else ""
            outcome = f"FAIL: {where}{message.splitlines()[0] if message else status}"
        step_skips = [(s["name"], (s.get("statusDetails") or {}).get("message", ""))
                      for s in r.get("steps") or [] if s.get("status") == "skipped"]
        step_skips = [(n, m) for n, m in step_skips if m and m not in NOT_OWN_SKIPS and status != "skipped"]
        for name, why in step_skips:
            outcome += f'; step "{name}" skipped: {why}'
        numbers = ""
        for a in attachments(r):
            if a.get("name") == "verdicts":
                try:
                    numbers = key_numbers(json.loads((allure / a["source"]).read_text(encoding="utf-8")))
                except (OSError, ValueError, KeyError):
                    numbers = "(verdicts unreadable)"
        seconds = ((r.get("stop") or 0) - (r.get("start") or 0)) / 1000.0
        rows.append((r.get("start") or 0, ids.get(trx_name, "?"), row, outcome, seconds, numbers, seed))

    rows.sort()
    counts = {"pass": 0, "FAIL": 0, "skipped": 0}
    print(f"Full profile on the {target} target: {len(rows)} rows\n")
    print("| # | id | row | target | outcome | duration | key numbers measured | the seed's |")
    print("|---|---|---|---|---|---|---|---|")
    for i, (_, rid, row, outcome, seconds, numbers, seed) in enumerate(rows, 1):
        counts[outcome.split(":")[0].split(";")[0]] = counts.get(outcome.split(":")[0].split(";")[0], 0) + 1
        print(f"| {i} | {cell(rid)} | {cell(row)} | {target} | {cell(outcome)} | {seconds:.1f} s | {cell(numbers) or '-'} | {cell(seed) or '-'} |")
    print(f"\n{counts.get('pass', 0)} pass, {counts.get('FAIL', 0)} fail, {counts.get('skipped', 0)} skipped"
          + (f" ({other_profile} rows of another profile left out)" if other_profile else ""))
    for table in sorted((run / "sweeps").rglob("*.md")):
        print(f"\n### Sweep table: {table.stem}\n")
        print(table.read_text(encoding="utf-8").strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
