#!/usr/bin/env bash
# Run one command against a throwaway PostgreSQL server, then remove the server.
#
#   scripts/pg_throwaway.sh .venv/bin/python -m pytest
#
# Why a script and not a service: CI starts on a fresh machine with nothing running, and a
# test run must neither depend on nor touch a PostgreSQL someone already has. So this installs
# Debian's `postgresql` package when its binaries are missing, creates a cluster in a temporary
# folder (owned by the `postgres` user when run as root, since PostgreSQL refuses to run as
# root), listens on a free port of 127.0.0.1 only (its socket stays inside that folder), and
# exports DATABASE_URL for the command. The bootstrap role is a superuser, so pytest-django can
# create its `test_<name>` database. The server is stopped and its folder deleted however the
# command ends; the command's exit status is this script's.
#
# It deliberately trades durability for speed (fsync off): the data lives as long as one run.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG ...]" >&2
    exit 2
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bindir() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null |
        sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

PGBIN=$(pg_bindir)
if [ -z "$PGBIN" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL test run" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(pg_bindir)
    if [ -z "$PGBIN" ]; then
        echo "postgresql installed but no initdb under /usr/lib/postgresql/*/bin" >&2
        exit 1
    fi
fi

WORKDIR=$(mktemp -d -t timeline-pg-XXXXXX)
DATADIR="$WORKDIR/data"
ROLE=timeline
DBNAME=timeline

if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$WORKDIR"
    as_server() { runuser -u postgres -- "$@"; }
else
    as_server() { "$@"; }
fi

cleanup() {
    local status=$?
    if [ -f "$DATADIR/postmaster.pid" ]; then
        as_server "$PGBIN/pg_ctl" -D "$DATADIR" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORKDIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_server "$PGBIN/initdb" -D "$DATADIR" -U "$ROLE" --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >/dev/null
as_server "$PGBIN/pg_ctl" -D "$DATADIR" -l "$WORKDIR/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -k $WORKDIR -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null ||
    { cat "$WORKDIR/server.log" >&2; exit 1; }
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$ROLE" "$DBNAME"

export DATABASE_URL="postgres://$ROLE@127.0.0.1:$PORT/$DBNAME"
echo "throwaway $("$PGBIN/postgres" --version) at $DATABASE_URL" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
