import sys
from collections import defaultdict


def minutes(hhmm):
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def clock(total):
    return f"{total // 60:02d}:{total % 60:02d}"


def main():
    # Wrong: chops free time into back-to-back slots (after a free slot, the next candidate
    # starts where it ends), so overlapping start times are never offered.
    config = {}
    hours, booked = defaultdict(list), defaultdict(list)
    for line in sys.stdin.read().splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] == "FROM":
            config["from"] = (fields[1], minutes(fields[2]))
        elif fields[0] in ("LENGTH", "GRID", "COUNT"):
            config[fields[0].lower()] = int(fields[1])
        elif fields[0] in ("HOURS", "BOOKED"):
            start, end = fields[3].split("-")
            target = hours if fields[0] == "HOURS" else booked
            target[(fields[1], fields[2])].append((minutes(start), minutes(end)))
    length, grid = config["length"], config["grid"]
    slots = []
    for (clinician, date), shifts in hours.items():
        merged = []
        for s, e in sorted(shifts):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for work_start, work_end in merged:
            start = -(-work_start // grid) * grid
            while start + length <= work_end:
                end = start + length
                free = (date, start) >= config["from"] and not any(
                    b < end and start < e for b, e in booked[(clinician, date)]
                )
                if free:
                    slots.append((date, start, clinician))
                    start = -(-end // grid) * grid
                else:
                    start += grid
    slots.sort()
    if not slots:
        print("no free slots")
    for date, start, clinician in slots[: config["count"]]:
        print(f"{date} {clock(start)}-{clock(start + length)} {clinician}")


main()
