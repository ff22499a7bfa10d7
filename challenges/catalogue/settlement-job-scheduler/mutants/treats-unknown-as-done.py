import heapq
from collections import defaultdict


def schedule_jobs(jobs):
    # Wrong: a dependency on a job that isn't in the batch is silently treated as satisfied.
    names = {job["name"] for job in jobs}
    depends = {job["name"]: [d for d in job["depends_on"] if d in names] for job in jobs}
    priority = {job["name"]: job["priority"] for job in jobs}
    waiting_on = {name: len(deps) for name, deps in depends.items()}
    dependents = defaultdict(list)
    for name, deps in depends.items():
        for dependency in deps:
            dependents[dependency].append(name)
    ready = [(-priority[name], name) for name, count in waiting_on.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(name)
        for dependent in dependents[name]:
            waiting_on[dependent] -= 1
            if waiting_on[dependent] == 0:
                heapq.heappush(ready, (-priority[dependent], dependent))
    if len(order) == len(jobs):
        return {"order": order}
    return {"error": "cycle", "jobs": sorted(n for n, c in waiting_on.items() if c > 0)}
