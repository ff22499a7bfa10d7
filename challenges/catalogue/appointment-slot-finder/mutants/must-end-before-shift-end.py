import sys
from collections import defaultdict


def minutes(hhmm):
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def clock(total):
    return f"{total // 60:02d}:{total % 60:02d}"


def interval(text):
    start, end = text.split("-")
    return minutes(start), minutes(end)


def merged(intervals):
    """Union of half-open intervals, as sorted disjoint intervals (touching ones joined)."""
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return result


def main():
    config = {}
    hours = defaultdict(list)  # (clinician, date) -> working intervals
    booked = defaultdict(list)  # (clinician, date) -> booked intervals
    for line in sys.stdin.read().splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        keyword = fields[0]
        if keyword == "FROM":
            config["from"] = (fields[1], minutes(fields[2]))
        elif keyword in ("LENGTH", "GRID", "COUNT"):
            config[keyword.lower()] = int(fields[1])
        elif keyword in ("HOURS", "BOOKED"):
            clinician, date, span = fields[1:4]
            target = hours if keyword == "HOURS" else booked
            target[(clinician, date)].append(interval(span))

    length, grid = config["length"], config["grid"]
    slots = []
    for (clinician, date), shifts in hours.items():
        busy = booked[(clinician, date)]
        for work_start, work_end in merged(shifts):
            first = -(-work_start // grid) * grid  # the first grid point inside the shift
            for start in range(first, work_end - length, grid):
                end = start + length
                if (date, start) < config["from"]:
                    continue
                if any(b_start < end and start < b_end for b_start, b_end in busy):
                    continue
                slots.append((date, start, clinician))

    slots.sort()
    if not slots:
        print("no free slots")
    for date, start, clinician in slots[: config["count"]]:
        print(f"{date} {clock(start)}-{clock(start + length)} {clinician}")


main()
