import heapq
from collections import defaultdict


def schedule_jobs(jobs):
    names = {job["name"] for job in jobs}
    for job in sorted(jobs, key=lambda job: job["name"]):
        for dependency in sorted(job["depends_on"]):
            if dependency not in names:
                return {
                    "error": "unknown_dependency",
                    "job": job["name"],
                    "dependency": dependency,
                }

    priority = {job["name"]: job["priority"] for job in jobs}
    waiting_on = {job["name"]: len(job["depends_on"]) for job in jobs}
    dependents = defaultdict(list)
    for job in jobs:
        for dependency in job["depends_on"]:
            dependents[dependency].append(job["name"])

    # Highest priority first, then name: a min-heap on (-priority, name).
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
    stuck = {job["name"]: job["depends_on"] for job in jobs if waiting_on[job["name"]] > 0}
    return {"error": "cycle", "jobs": sorted(jobs_on_cycles(stuck))}


def jobs_on_cycles(graph):
    """Jobs that can reach themselves along depends_on edges (iterative Tarjan SCC)."""
    index, low, on_stack, stack = {}, {}, set(), []
    found = set()
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            advanced = False
            for nxt in edges:
                if nxt not in graph:
                    continue  # already scheduled: not part of any cycle
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.update(component)
    return found
