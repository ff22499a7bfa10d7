import sys


def main():
    lines = [line.split() for line in sys.stdin.read().splitlines()]
    # Your code here: bookings, the grid and FROM are all ignored.
    for fields in lines:
        if fields and fields[0] == "HOURS":
            clinician, date, span = fields[1:4]
            print(f"{date} {span} {clinician}")


main()
