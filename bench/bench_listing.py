"""A listing of 20 children, cached and uncached, against the same limits.

The issue asks for the Vitrine listing with 20 projects; until `vitrine` merges,
the strategy page stands in (it lists its measures, 20 here, with their axis and
summary). When VitrineIndexPage exists, seed 20 ProjectPages under it in
`SEED_LISTING` and point `path` at it.

    python bench/bench_listing.py            # about a minute
    python bench/bench_listing.py --quick
"""

from harness import Site, against_limits, common_facts, main, seed_site, timed

LISTED = 20


def run(quick=False):
    seconds = 3 if quick else 12
    with Site("listing") as site, timed() as duration:
        paths = seed_site(site, listed=LISTED)
        site.start()
        site.capture("listing", paths["listing"])
        site.restart()
        rows = against_limits(site, "listing", paths["listing"], seconds)
        result = {
            "scenario": "listing of 20 children (strategy page until the Vitrine)",
            **common_facts(site, seconds),
            "path": paths["listing"],
            "items_listed": paths["listed"],
            "rows": rows,
            "server_peak_memory_mb": site.peak_memory_mb(),
            "setup_seconds": site.timings,
        }
    result["duration_seconds"] = duration["seconds"]
    return result


if __name__ == "__main__":
    main(run)
