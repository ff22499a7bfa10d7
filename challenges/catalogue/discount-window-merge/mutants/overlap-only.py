from datetime import date


def sale_periods(windows):
    by_sku = {}
    for window in windows:
        start = date.fromisoformat(window["start"])
        end = date.fromisoformat(window["end"])
        if end < start:
            continue
        by_sku.setdefault(window["sku"], []).append((start, end))
    periods = {}
    for sku, spans in by_sku.items():
        spans.sort()
        merged = [list(spans[0])]
        for start, end in spans[1:]:
            current = merged[-1]
            if start <= current[1]:
                current[1] = max(current[1], end)
            else:
                merged.append([start, end])
        periods[sku] = [[s.isoformat(), e.isoformat()] for s, e in merged]
    return periods
