#!/usr/bin/env python3
"""Sum the outcome counters of every TRX file under a folder and print 'N passed, N failed, N skipped'.

When some were skipped, one line on stderr tells apart the rows of another run profile (their skip reason starts
with "not in this profile:") from the scenarios skipped for what the target cannot model, or @ignore.
Exits 1 when there is no TRX file or no test was executed, so an empty run never looks green."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
files = sorted(folder.rglob("*.trx"))
passed = failed = skipped = not_in_profile = 0
NOT_IN_PROFILE = "not in this profile:"
for f in files:
    root = ET.parse(f).getroot()
    for r in root.iterfind(".//t:Results/t:UnitTestResult", NS):
        outcome = r.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Pending", "Disconnected", "Warning"):
            skipped += 1
            out = r.find("t:Output/t:StdOut", NS)
            lines = (out.text or "").strip().splitlines() if out is not None else []
            if lines and lines[-1].startswith(NOT_IN_PROFILE):
                not_in_profile += 1
        else:
            failed += 1
if not files:
    print("0 passed, 1 failed, 0 skipped  (no TRX file found under %s)" % folder)
    sys.exit(1)
if skipped:
    print(f"of the {skipped} skipped: {not_in_profile} not in this profile (rows of another run profile), "
          f"{skipped - not_in_profile} for what the target cannot model or @ignore", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if passed + failed > 0 else 1)
