#!/usr/bin/env bash
# Makes sure a Docker engine is reachable for the sandbox runner.
#
# Why: candidate code runs in containers, so `make run` / CI need a dockerd.
# If none answers, this installs Debian's docker.io (root on Debian only) and
# starts dockerd WITHOUT a bridge network or iptables changes: sandbox
# containers always run with --network none, and the hosts we run on often
# cannot (or must not) get a docker0 bridge / NAT rules.
#
# Usage: platform/ops/docker-engine.sh
# Log:   /var/log/dockerd-interview.log (override: DOCKERD_LOG_FILE)
set -euo pipefail

LOG_FILE="${DOCKERD_LOG_FILE:-/var/log/dockerd-interview.log}"
WAIT_SECONDS=60

log() { printf 'docker-engine: %s\n' "$*" >&2; }

engine_up() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_up; then
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    log "no Docker engine is reachable and this script is not running as root."
    log "Start Docker yourself, e.g. one of:"
    log "  sudo systemctl start docker"
    log "  sudo $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "$0")"
    log "or point DOCKER_HOST at a running engine (your user needs access to its socket)."
    exit 1
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    if [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing docker.io from Debian"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io
    else
        log "dockerd is not installed and this is not Debian; install Docker Engine and rerun."
        exit 1
    fi
fi

# A dockerd may already be starting (e.g. a parallel run); only start one if
# none is running, otherwise just wait for it.
if pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd is already running; waiting for it to answer"
else
    log "starting dockerd --bridge=none --iptables=false --ip-masq=false (log: $LOG_FILE)"
    mkdir -p "$(dirname "$LOG_FILE")"
    # setsid: own session, so it survives this script and its process group.
    setsid nohup dockerd --bridge=none --iptables=false --ip-masq=false \
        >>"$LOG_FILE" 2>&1 </dev/null &
    DOCKERD_PID=$!
    log "dockerd pid $DOCKERD_PID"
fi

reason="did not answer \`docker info\` within ${WAIT_SECONDS}s"
for ((i = 0; i < WAIT_SECONDS; i++)); do
    if engine_up; then
        log "Docker engine is up"
        exit 0
    fi
    if [[ -n "${DOCKERD_PID:-}" ]] && ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
        reason="exited during startup"
        break
    fi
    sleep 1
done

log "ERROR: dockerd $reason."
if [[ -z "${DOCKERD_PID:-}" ]]; then
    log "A dockerd was already running (not started by this script); check DOCKER_HOST and the socket it listens on."
fi
if [[ -s "$LOG_FILE" ]]; then
    log "last lines of $LOG_FILE:"
    tail -n 30 "$LOG_FILE" >&2
fi
exit 1
