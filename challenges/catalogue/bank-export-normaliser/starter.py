import csv
import io


def normalise_statement(csv_text, default_currency="EUR"):
    """Turn a bank's CSV export into transactions in minor units, and a list of rejected rows."""
    transactions, errors = [], []
    rows = list(csv.reader(io.StringIO(csv_text)))
    # Your code here.
    return {"transactions": transactions, "errors": errors}
