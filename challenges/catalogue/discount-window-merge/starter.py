def sale_periods(windows):
    """Return {sku: [[start, end], ...]}: the merged sale periods of each product."""
    periods = {}
    # Your code here.
    return periods
