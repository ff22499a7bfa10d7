from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def sale_periods(windows):
    """Return {sku: [[start, end], ...]}: the merged sale periods of each product."""
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
            # Touching windows (end + 1 day == next start) leave no full-price day between them.
            if start <= current[1] + ONE_DAY:
                current[1] = max(current[1], end)
            else:
                merged.append([start, end])
        periods[sku] = [[s.isoformat(), e.isoformat()] for s, e in merged]
    return periods
