"""A content page against the limits of this server, in the same run.

(1) The page served from the page cache against a static file of the same bytes
served by WhiteNoise; (2) the page rendered (the cache passed by) against a bare
Django view returning the same bytes. The page is a measure of the strategy with
its real demo text. Also: latency (median, p99) of each, and the server's peak
memory, and the caching headers of the page and of a static file.

    python bench/bench_content_page.py            # about a minute
    python bench/bench_content_page.py --quick
"""

from harness import Site, against_limits, common_facts, main, seed_site, timed


def headers_of(response, *names):
    return {name: response.getheader(name) for name in names}


def static_headers(site):
    """The caching headers WhiteNoise gives a versioned (hashed) static file."""
    manifest = site.static_root / "staticfiles.json"
    import json

    hashed = json.loads(manifest.read_text())["paths"]["css/numeriqc.css"]
    response = site.get(f"/static/{hashed}", {"Accept-Encoding": "gzip, br"})
    return {"path": f"/static/{hashed}", "status": response.status} | headers_of(
        response, "Cache-Control", "Content-Encoding", "ETag"
    )


def run(quick=False):
    seconds = 3 if quick else 12
    with Site("content") as site, timed() as duration:
        paths = seed_site(site)
        site.start()
        site.capture("content", paths["content"])
        site.restart()
        first = site.get(paths["content"])
        rows = against_limits(site, "content", paths["content"], seconds)
        result = {
            "scenario": "content page: cached vs static file, uncached vs bare view",
            **common_facts(site, seconds),
            "path": paths["content"],
            "page_headers": headers_of(
                first, "Cache-Control", "ETag", "Vary", "X-Page-Cache"
            ),
            "static_headers": static_headers(site),
            "rows": rows,
            "server_peak_memory_mb": site.peak_memory_mb(),
            "setup_seconds": site.timings,
        }
    result["duration_seconds"] = duration["seconds"]
    return result


if __name__ == "__main__":
    main(run)
