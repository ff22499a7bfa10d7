def latency_report(lines, top_n):
    """Summarise access-log lines per endpoint: see the statement for every rule."""
    endpoints = {}
    malformed = 0
    for line in lines:
        fields = line.split()
        # Your code here: validate the fields, normalise the path, collect latencies.
        if len(fields) != 5:
            malformed += 1
    return {"endpoints": endpoints, "slowest": [], "malformed": malformed}
