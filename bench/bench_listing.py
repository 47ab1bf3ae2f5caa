"""The Vitrine listing with 20 projects, cached and uncached, against the same limits.

The foundation's demo content, then the Vitrine's (its index and its 20 projects
in both languages, milestones, benefits). The figure is the French index page,
`VitrineIndexPage`, as a visitor first sees it: newest first, the first page of
results (the Vitrine shows `vitrine.listing.PER_PAGE` cards a page) and the count
of all 20 projects, with its phase and axis facets.

    python bench/bench_listing.py            # about a minute
    python bench/bench_listing.py --quick
"""

from harness import Site, against_limits, common_facts, main, timed

LISTED = 20

SEED_VITRINE = """
import io, json
from home import demo
from vitrine import demo as vitrine_demo
from vitrine.listing import PER_PAGE, projects_of
from vitrine.models import VitrineIndexPage

demo.seed(io.StringIO())
vitrine_demo.seed(io.StringIO())
index = VitrineIndexPage.objects.get(locale__language_code="fr")
projects = projects_of(index).count()
if projects != {listed}:
    raise SystemExit(f"the Vitrine has {{projects}} projects, not {listed}")
print(json.dumps({{
    "listing": index.url, "projects": projects, "per_page": PER_PAGE,
}}))
"""


def run(quick=False):
    seconds = 3 if quick else 12
    with Site("listing") as site, timed() as duration:
        seeded = site.prepare(SEED_VITRINE.format(listed=LISTED))
        site.start()
        site.capture("listing", seeded["listing"])
        page = site.get(seeded["listing"]).body.decode()
        shown = page.count('class="card project-card"')
        site.restart()
        rows = against_limits(site, "listing", seeded["listing"], seconds)
        for row in rows:
            row["figure"] = row["figure"].replace("listing", "Vitrine of 20", 1)
        result = {
            "scenario": "the Vitrine index with 20 projects (VitrineIndexPage)",
            **common_facts(site, seconds),
            "path": seeded["listing"],
            "projects": seeded["projects"],
            "cards_on_the_page": shown,
            "per_page": seeded["per_page"],
            "rows": rows,
            "server_peak_memory_mb": site.peak_memory_mb(),
            "setup_seconds": site.timings,
        }
    result["duration_seconds"] = duration["seconds"]
    return result


if __name__ == "__main__":
    main(run)
