"""HTTP API for submissions: create a run or submit, poll it, list my submissions."""
