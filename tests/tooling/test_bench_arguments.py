"""`make bench` refuses what it does not understand instead of running every
scenario at full length (they take many minutes)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench(*arguments):
    return subprocess.run(
        [sys.executable, "bench/run_all.py", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_unknown_option_is_refused_with_the_list_of_scenarios():
    result = bench("--quik")
    assert result.returncode == 2
    assert "Unknown option --quik" in result.stderr
    assert "feedback_posts" in result.stderr


def test_a_scenario_name_that_matches_nothing_is_refused():
    result = bench("--quick", "no-such-scenario")
    assert result.returncode == 2
    assert "No scenario matches no-such-scenario" in result.stderr
    assert "Scenarios:" in result.stderr


def test_help_lists_the_scenarios():
    result = bench("--help")
    assert result.returncode == 0
    assert "--quick" in result.stdout
    assert "feedback_posts" in result.stdout
