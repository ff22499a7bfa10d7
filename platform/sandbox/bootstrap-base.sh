#!/usr/bin/env bash
# Builds the sandbox base image without any image registry.
#
# Why: on hosts that cannot pull python:3.11-slim-bookworm (no Docker Hub),
# platform/sandbox/build.sh falls back to this. It debootstraps a minimal
# Debian bookworm with python3 + python3-flask from Debian's package mirror
# (debootstrap's own default), trims it, and `docker import`s it as
# interview-sandbox-base:bookworm (override with SANDBOX_BASE_IMAGE).
#
# Usage: bootstrap-base.sh [--force]    (needs root)
#   Does nothing if the image already exists, unless --force is given.
set -euo pipefail

BASE_IMAGE="${SANDBOX_BASE_IMAGE:-interview-sandbox-base:bookworm}"
SUITE=bookworm
FORCE=0

log() { printf 'bootstrap-base: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for arg in "$@"; do
    case "$arg" in
        --force) FORCE=1 ;;
        -h | --help)
            sed -n '2,12p' "$0"
            exit 0
            ;;
        *) die "unknown argument: $arg (usage: $0 [--force])" ;;
    esac
done

command -v docker >/dev/null 2>&1 || die "docker client not found"
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    if [[ "$(id -u)" -ne 0 ]]; then
        die "Docker engine not reachable, and this script needs root anyway (debootstrap): sudo $0 $*"
    fi
    die "Docker engine not reachable (start it with platform/ops/docker-engine.sh)"
fi

if [[ "$FORCE" -eq 0 ]] && docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "$BASE_IMAGE already exists (use --force to rebuild)"
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    die "must run as root (debootstrap needs root): sudo $0 $*"
fi

if ! command -v debootstrap >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and apt-get is unavailable; install debootstrap"
    log "installing debootstrap"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
fi

ROOTFS=""
cleanup() {
    local rc=$?
    if [[ -n "$ROOTFS" && -d "$ROOTFS" ]]; then
        # A failed debootstrap can leave /proc, /sys, ... mounted inside the
        # target; unmount them (deepest first) before deleting anything.
        local mnt
        while read -r mnt; do
            umount -l "$mnt" 2>/dev/null || true
        done < <(awk -v root="$ROOTFS" 'index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r)
        rm -rf --one-file-system "$ROOTFS"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ROOTFS="$(mktemp -d /var/tmp/interview-sandbox-base.XXXXXX)"
chmod 0755 "$ROOTFS"

log "debootstrap $SUITE into $ROOTFS (takes a few minutes)"
debootstrap --variant=minbase --include=python3,python3-flask "$SUITE" "$ROOTFS"

log "trimming rootfs"
rm -rf "${ROOTFS:?}"/var/lib/apt/lists/* \
    "$ROOTFS"/var/cache/apt/* \
    "$ROOTFS"/var/cache/debconf/*-old \
    "$ROOTFS"/var/cache/ldconfig/* \
    "$ROOTFS"/var/lib/dpkg/*-old \
    "$ROOTFS"/usr/share/doc/* \
    "$ROOTFS"/usr/share/man/* \
    "$ROOTFS"/usr/share/info/* \
    "$ROOTFS"/usr/share/lintian \
    "$ROOTFS"/usr/share/linda \
    "$ROOTFS"/var/log/*.log \
    "$ROOTFS"/var/log/apt/* \
    "$ROOTFS"/tmp/* \
    "$ROOTFS"/var/tmp/* \
    "$ROOTFS"/root/.cache
# Translations: keep only the C locale (C.UTF-8 lives in /usr/lib/locale).
if [[ -d "$ROOTFS/usr/share/locale" ]]; then
    find "$ROOTFS/usr/share/locale" -mindepth 1 -maxdepth 1 \
        ! -name 'C' ! -name 'C.*' ! -name 'locale.alias' -exec rm -rf {} +
fi
# debootstrap copies the host's resolv.conf / hostname; Docker provides its own.
: > "$ROOTFS/etc/resolv.conf"
: > "$ROOTFS/etc/hostname"

chroot "$ROOTFS" python3 -c 'import flask, sqlite3' \
    || die "python3/flask not importable in the bootstrapped rootfs"

log "importing as $BASE_IMAGE"
tar --numeric-owner -C "$ROOTFS" -c . \
    | docker import \
        -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'ENV LANG=C.UTF-8' \
        -c 'CMD ["python3"]' \
        -m "debootstrap --variant=minbase $SUITE + python3, python3-flask" \
        - "$BASE_IMAGE" >/dev/null

log "done: $(docker image inspect --format '{{.Id}} {{.Size}} bytes' "$BASE_IMAGE")"
