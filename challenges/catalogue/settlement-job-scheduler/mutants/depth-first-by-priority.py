import sys


def schedule_jobs(jobs):
    # Plausible but wrong: a depth-first topological sort that starts from the most urgent job.
    # Every job still runs after its dependencies, but a low-priority dependency of an urgent
    # job is pulled forward ahead of other ready jobs with higher priority.
    sys.setrecursionlimit(100000)
    by_name = {job["name"]: job for job in jobs}
    for job in jobs:
        for dependency in job["depends_on"]:
            if dependency not in by_name:
                return {
                    "error": "unknown_dependency",
                    "job": job["name"],
                    "dependency": dependency,
                }
    done, visiting, order, on_cycle = set(), [], [], set()

    def visit(name):
        if name in done:
            return
        if name in visiting:
            on_cycle.update(visiting[visiting.index(name) :])
            return
        visiting.append(name)
        deps = sorted(by_name[name]["depends_on"], key=lambda d: (-by_name[d]["priority"], d))
        for dependency in deps:
            visit(dependency)
        visiting.pop()
        done.add(name)
        order.append(name)

    for job in sorted(jobs, key=lambda job: (-job["priority"], job["name"])):
        visit(job["name"])
    if on_cycle:
        return {"error": "cycle", "jobs": sorted(on_cycle)}
    return {"order": order}
