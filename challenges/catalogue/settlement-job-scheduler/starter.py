def schedule_jobs(jobs):
    """Order the night's jobs, or explain why they can't be ordered: see the statement."""
    # Your code here: this ignores dependencies entirely.
    ordered = sorted(jobs, key=lambda job: (-job["priority"], job["name"]))
    return {"order": [job["name"] for job in ordered]}
