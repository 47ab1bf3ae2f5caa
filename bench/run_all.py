"""Run every bench/bench_*.py scenario and write one JSON file of results.

    python bench/run_all.py            # every scenario, full length
    python bench/run_all.py --quick    # short phases, for a smoke test
    python bench/run_all.py content    # only the scenarios whose name has "content"

Writes bench/results/bench-<UTC time>.json and prints a Markdown table of the
ratios, ready for bench/README.md. PostgreSQL when DATABASE_URL is set, Redis
when REDIS_URL is set; both get a key space or database of their own.

Each scenario runs in a process of its own (several set Django up in-process,
each over its own throw-away database). A scenario that needs a server it cannot
reach (PostgreSQL, Redis) returns {"skipped": reason}; it is listed as skipped,
not as a failure.
"""

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
    }


def commit():
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=BENCH,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip()


RUNNER = """
import json, sys
sys.path.insert(0, {bench!r})
import {name} as scenario
result = scenario.run(quick={quick!r})
with open({out!r}, "w") as out:
    json.dump(result, out)
"""


def run_scenario(name, quick):
    """Run bench/<name>.py's run() in a process of its own; returns its dict."""
    with tempfile.TemporaryDirectory(prefix="bench-result-") as workdir:
        out = Path(workdir) / "result.json"
        code = RUNNER.format(bench=str(BENCH), name=name, quick=quick, out=str(out))
        process = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code],
            cwd=BENCH.parent,
            stdout=sys.stderr,
            check=False,
        )
        if process.returncode != 0 or not out.exists():
            raise RuntimeError(f"{name} ended with status {process.returncode}")
        return json.loads(out.read_text())


def scenarios(selected):
    names = sorted(path.stem for path in BENCH.glob("bench_*.py"))
    return [name for name in names if not selected or any(s in name for s in selected)]


def table(results):
    lines = [
        "| scenario | figure | req/s (median, p99 ms) | server CPU ms/req | limit "
        "| limit req/s (median, p99 ms) | limit CPU ms/req | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        for row in result.get("rows", []):
            lines.append(
                f"| {name} | {row['figure']} | {row['requests_per_second']} "
                f"({row['median_ms']}, {row['p99_ms']}) | "
                f"{row.get('cpu_ms_per_request', '–')} | {row['limit']} | "
                f"{row['limit_requests_per_second']} ({row['limit_median_ms']}, "
                f"{row['limit_p99_ms']}) | "
                f"{row.get('limit_cpu_ms_per_request', '–')} | {row['ratio']} |"
            )
    other = [
        f"| {name} | {row['figure']} | {row['measured']} | {row['limit']} | "
        f"{row['ratio']} |"
        for name, result in results.items()
        for row in result.get("ratios", [])
    ]
    if other:
        lines += [
            "",
            "| scenario | figure | measured | limit | ratio |",
            "|---|---|---|---|---|",
            *other,
        ]
    skipped = [
        f"- {name}: skipped ({result['skipped']})"
        for name, result in results.items()
        if "skipped" in result
    ]
    failed = [
        f"- {name}: failed (see `error` in the JSON)"
        for name, result in results.items()
        if "error" in result
    ]
    if skipped or failed:
        lines += ["", *skipped, *failed]
    return "\n".join(lines)


USAGE = """Usage: make bench [BENCH_ARGS="[--quick] [scenario …]"]
       python bench/run_all.py [--quick] [scenario …]

  --quick     short phases, for a smoke test
  scenario    run only the scenarios whose name contains it (default: all)

Scenarios:
"""


def parse(arguments):
    """(quick, scenario names), or an exit code and a message: an unknown flag or
    a name that matches no scenario is refused, never run as "every scenario"."""
    names = scenarios([])
    usage = USAGE + "\n".join(f"  {name.removeprefix('bench_')}" for name in names)
    if any(arg in {"-h", "--help"} for arg in arguments):
        return 0, usage
    unknown = [arg for arg in arguments if arg.startswith("-") and arg != "--quick"]
    if unknown:
        return 2, f"Unknown option {' '.join(unknown)}.\n\n{usage}"
    selected = [arg for arg in arguments if not arg.startswith("-")]
    unmatched = [arg for arg in selected if not scenarios([arg])]
    if unmatched:
        return 2, f"No scenario matches {' '.join(unmatched)}.\n\n{usage}"
    return "--quick" in arguments, scenarios(selected)


def main():
    parsed = parse(sys.argv[1:])
    if isinstance(parsed[1], str):
        print(parsed[1], file=sys.stderr if parsed[0] else sys.stdout)
        return parsed[0]
    quick, chosen = parsed
    sys.path.insert(0, str(BENCH))
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    os.environ["BENCH_STATIC_ROOT"] = static_root
    report = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "quick": quick,
        "machine": machine(),
        "scenarios": {},
    }
    failed = False
    try:
        for name in chosen:
            print(f"{name}…", file=sys.stderr, flush=True)
            started = time.monotonic()
            try:
                result = run_scenario(name, quick)
            except Exception:
                failed = True
                result = {"error": traceback.format_exc()}
                print(result["error"], file=sys.stderr)
            result["wall_seconds"] = round(time.monotonic() - started, 1)
            report["scenarios"][name] = result
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    report["machine"]["load_average_at_end"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(table(report["scenarios"]))
    print(f"\nResults: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
