import csv
import re
import sys

TOKEN = re.compile(r"[A-Za-z0-9-]+")


def cents(text):
    sign = -1 if text.startswith("-") else 1
    whole, fraction = text.lstrip("-").split(".")
    return sign * (int(whole) * 100 + int(fraction))


def money(amount):
    return f"{amount // 100}.{amount % 100:02d}"


def rows(lines):
    return [row for row in csv.reader(lines) if row][1:]


def main():
    # Wrong: tries reference then amount for each payment before moving to the next one, so an
    # earlier payment can take by amount the invoice a later payment names explicitly.
    lines = sys.stdin.read().splitlines()
    split = lines.index("---")
    statement = [(d, cents(a), t) for d, a, t in rows(lines[:split])]
    invoices = [(n, c, cents(a)) for n, c, a in rows(lines[split + 1 :])]
    by_number = {n.upper(): i for i, (n, _, _) in enumerate(invoices)}
    is_open = [True] * len(invoices)
    matched, unmatched = {}, {}
    payments = [i for i, (_, amount, _) in enumerate(statement) if amount > 0]
    for line in payments:
        _, amount, text = statement[line]
        for token in TOKEN.findall(text):
            inv = by_number.get(token.upper())
            if inv is not None and is_open[inv] and invoices[inv][2] == amount:
                matched[line] = (inv, "reference")
                is_open[inv] = False
                break
        else:
            candidates = [i for i, inv in enumerate(invoices) if is_open[i] and inv[2] == amount]
            if len(candidates) == 1:
                matched[line] = (candidates[0], "amount")
                is_open[candidates[0]] = False
            else:
                unmatched[line] = "ambiguous" if candidates else "no-match"
    still_open = [i for i in range(len(invoices)) if is_open[i]]
    received = sum(statement[line][1] for line in payments)
    matched_total = sum(statement[line][1] for line in matched)
    print(f"MATCHED {len(matched)}")
    for line in sorted(matched):
        date, amount, _ = statement[line]
        print(f"{date} {money(amount)} {invoices[matched[line][0]][0]} {matched[line][1]}")
    print(f"UNMATCHED {len(unmatched)}")
    for line in sorted(unmatched):
        date, amount, text = statement[line]
        print(f"{date} {money(amount)} {unmatched[line]} {text}")
    print(f"OPEN {len(still_open)}")
    for i in still_open:
        print(f"{invoices[i][0]} {money(invoices[i][2])} {invoices[i][1]}")
    print(
        f"TOTALS received={money(received)} matched={money(matched_total)} "
        f"unmatched={money(received - matched_total)} "
        f"outstanding={money(sum(invoices[i][2] for i in still_open))} "
        f"ignored={len(statement) - len(payments)}"
    )


main()
