#!/usr/bin/env bash
# Development server: the web server and the grading worker together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

"$PY" manage.py runworker &
pids+=($!)
"$PY" manage.py runserver --noreload "$HOST:$PORT" &
pids+=($!)
echo "Serving on http://$HOST:$PORT/ (web + worker). Press Ctrl-C to stop both."
# Whichever stops first (a crash, or Ctrl-C) stops the other.
wait -n
