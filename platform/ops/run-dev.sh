#!/usr/bin/env bash
# Development server: the web server, one grading worker per sandbox slot (SANDBOX_CONCURRENCY,
# default 2) and one worker for authors' validations (the authoring queue); Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
GRADING_WORKERS="${SANDBOX_CONCURRENCY:-2}"

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# As many grading workers as slots: a slow submission holds one, and the per-user running cap
# (SUBMISSIONS_MAX_RUNNING_PER_USER) keeps the others for everyone else.
for _ in $(seq "$GRADING_WORKERS"); do
    "$PY" manage.py runworker --queue default &
    pids+=($!)
done
# Validation never runs in a web request, and never takes the last sandbox slot.
"$PY" manage.py runworker --queue authoring &
pids+=($!)
"$PY" manage.py runserver --noreload "$HOST:$PORT" &
pids+=($!)
echo "Serving on http://$HOST:$PORT/ (web + $GRADING_WORKERS grading workers + 1 authoring" \
    "worker). Press Ctrl-C to stop them all."
# Whichever stops first (a crash, or Ctrl-C) stops the others.
wait -n
