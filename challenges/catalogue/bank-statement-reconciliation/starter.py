import sys


def main():
    text = sys.stdin.read()
    statement, _, invoices = text.partition("---")
    # Your code here: nothing is matched yet.
    payments = [line for line in statement.splitlines()[1:] if line.strip()]
    print("MATCHED 0")
    print(f"UNMATCHED {len(payments)}")
    print("OPEN 0")
    print("TOTALS received=0.00 matched=0.00 unmatched=0.00 outstanding=0.00 ignored=0")


main()
