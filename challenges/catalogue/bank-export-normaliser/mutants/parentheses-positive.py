import csv
import io
import re
from datetime import date

MINOR_UNITS = {"EUR": 2, "GBP": 2, "USD": 2, "CHF": 2, "JPY": 0, "KWD": 3}
NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
UK_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


class RowError(Exception):
    """A row that can't be imported, with the reason reported to the user."""


def _date(text):
    text = text.strip()
    if m := ISO_DATE.fullmatch(text):
        y, mo, d = m.groups()
    elif m := UK_DATE.fullmatch(text):
        d, mo, y = m.groups()
    else:
        raise RowError("bad_date")
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        raise RowError("bad_date") from None


def _minor(text, currency):
    """Parse an amount into integer minor units of the currency, never through float."""
    text = text.strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    elif text.startswith("-"):
        negative, text = True, text[1:]
    m = NUMBER.fullmatch(text)
    if not m:
        raise RowError("bad_amount")
    whole, fraction = m.group(1).replace(",", ""), m.group(2) or ""
    places = MINOR_UNITS[currency]
    if len(fraction) > places:
        raise RowError("bad_amount")
    value = int(whole) * 10**places + int(fraction.ljust(places, "0") or "0")
    return -value if negative else value


def normalise_statement(csv_text, default_currency="EUR"):
    """Turn a bank's CSV export into transactions in minor units, and a list of rejected rows."""
    if csv_text.startswith("\ufeff"):
        csv_text = csv_text[1:]
    records = csv.reader(io.StringIO(csv_text, newline=""))
    header = next(records, None)
    names = [name.strip().lower() for name in header or []]
    columns = {name: i for i, name in enumerate(names)}
    has_amount = "amount" in columns
    has_split = "debit" in columns and "credit" in columns
    if (
        len(columns) != len(names)
        or "date" not in columns
        or "description" not in columns
        or has_amount == has_split
    ):
        return {"transactions": [], "errors": [{"row": 1, "reason": "bad_header"}]}

    transactions, errors = [], []
    for row_number, record in enumerate(records, start=2):
        if not record or all(not field.strip() for field in record):
            continue
        try:
            if len(record) != len(names):
                raise RowError("field_count")
            currency = default_currency
            if "currency" in columns and record[columns["currency"]].strip():
                currency = record[columns["currency"]].strip().upper()
            if currency not in MINOR_UNITS:
                raise RowError("bad_currency")
            when = _date(record[columns["date"]])
            if has_amount:
                amount = _minor(record[columns["amount"]], currency)
            else:
                debit = record[columns["debit"]].strip()
                credit = record[columns["credit"]].strip()
                if bool(debit) == bool(credit):
                    raise RowError("debit_and_credit")
                # The column already says which way the money went: a sign there is ambiguous.
                if (debit or credit)[0] in "-(":
                    raise RowError("bad_amount")
                amount = -_minor(debit, currency) if debit else _minor(credit, currency)
        except RowError as error:
            errors.append({"row": row_number, "reason": str(error)})
            continue
        description = " ".join(record[columns["description"]].split())
        transactions.append(
            {"date": when, "description": description, "amount_minor": amount, "currency": currency}
        )
    return {"transactions": transactions, "errors": errors}
