import re
from collections import defaultdict

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}
STATUS = re.compile(r"[0-9]{3}")
LATENCY = re.compile(r"([0-9]+)ms")


def parse(line):
    """(endpoint, status, latency_ms) for a well-formed line, else None."""
    fields = line.split()
    if len(fields) != 5:
        return None
    _timestamp, method, path, status, latency = fields
    if method not in METHODS or not path.startswith("/"):
        return None
    if not STATUS.fullmatch(status) or not 100 <= int(status) <= 599:
        return None
    match = LATENCY.fullmatch(latency)
    if not match:
        return None
    path = path.split("?", 1)[0]
    segments = path.split("/")
    return f"{method} {'/'.join(segments)}", int(status), int(match.group(1))


def nearest_rank(sorted_values, percent):
    """The smallest value with at least `percent`% of the values <= it (nearest-rank method)."""
    rank = -(-percent * len(sorted_values) // 100)  # ceil(percent * n / 100), exactly
    return sorted_values[max(rank, 1) - 1]


def latency_report(lines, top_n):
    latencies = defaultdict(list)
    errors = defaultdict(int)
    malformed = 0
    for line in lines:
        if not line.strip():
            continue
        parsed = parse(line)
        if parsed is None:
            malformed += 1
            continue
        endpoint, status, latency = parsed
        latencies[endpoint].append(latency)
        if status >= 500:
            errors[endpoint] += 1

    endpoints = {}
    for endpoint, values in latencies.items():
        values.sort()
        endpoints[endpoint] = {
            "requests": len(values),
            "p50": nearest_rank(values, 50),
            "p95": nearest_rank(values, 95),
            "errors": errors[endpoint],
            "error_rate": errors[endpoint] / len(values),
        }
    ranked = sorted(endpoints, key=lambda e: (-endpoints[e]["p95"], e))
    return {
        "endpoints": endpoints,
        "slowest": ranked[:top_n],
        "malformed": malformed,
    }
