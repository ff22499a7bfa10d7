"""The readiness API: a candidate's scores and verdicts, roles, their goal, what to practise."""
