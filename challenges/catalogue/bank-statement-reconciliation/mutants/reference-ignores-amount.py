import csv
import re
import sys
from collections import defaultdict

TOKEN = re.compile(r"[A-Za-z0-9-]+")


def cents(text):
    """'-12.50' -> -1250, exactly (amounts always have two decimals)."""
    sign = -1 if text.startswith("-") else 1
    whole, fraction = text.lstrip("-").split(".")
    return sign * (int(whole) * 100 + int(fraction))


def money(amount):
    return f"{amount // 100}.{amount % 100:02d}"


def rows(lines):
    """The CSV records after the header line, skipping blank lines."""
    records = [row for row in csv.reader(lines) if row]
    return records[1:]


def main():
    lines = sys.stdin.read().splitlines()
    split = lines.index("---")
    statement = [(date, cents(amount), text) for date, amount, text in rows(lines[:split])]
    invoices = [
        (number, customer, cents(amount)) for number, customer, amount in rows(lines[split + 1 :])
    ]

    by_number = {number.upper(): index for index, (number, _, _) in enumerate(invoices)}
    open_by_amount = defaultdict(set)
    for index, (_, _, amount) in enumerate(invoices):
        open_by_amount[amount].add(index)

    payments = [i for i, (_, amount, _) in enumerate(statement) if amount > 0]
    matched = {}  # statement line -> (invoice index, method)

    def close(line, invoice, method):
        matched[line] = (invoice, method)
        open_by_amount[invoices[invoice][2]].discard(invoice)

    for line in payments:
        _, amount, text = statement[line]
        for token in TOKEN.findall(text):
            invoice = by_number.get(token.upper())
            if invoice is not None and invoice in open_by_amount[invoices[invoice][2]]:
                close(line, invoice, "reference")
                break

    unmatched = {}
    for line in payments:
        if line in matched:
            continue
        candidates = open_by_amount[statement[line][1]]
        if len(candidates) == 1:
            close(line, next(iter(candidates)), "amount")
        else:
            unmatched[line] = "ambiguous" if candidates else "no-match"

    still_open = sorted(set().union(*open_by_amount.values()))
    received = sum(statement[line][1] for line in payments)
    matched_total = sum(statement[line][1] for line in matched)
    out = [f"MATCHED {len(matched)}"]
    for line in sorted(matched):
        date, amount, _ = statement[line]
        invoice, method = matched[line]
        out.append(f"{date} {money(amount)} {invoices[invoice][0]} {method}")
    out.append(f"UNMATCHED {len(unmatched)}")
    for line in sorted(unmatched):
        date, amount, text = statement[line]
        out.append(f"{date} {money(amount)} {unmatched[line]} {text}")
    out.append(f"OPEN {len(still_open)}")
    for invoice in still_open:
        number, customer, amount = invoices[invoice]
        out.append(f"{number} {money(amount)} {customer}")
    out.append(
        f"TOTALS received={money(received)} matched={money(matched_total)} "
        f"unmatched={money(received - matched_total)} "
        f"outstanding={money(sum(invoices[i][2] for i in still_open))} "
        f"ignored={len(statement) - len(payments)}"
    )
    print("\n".join(out))


main()
