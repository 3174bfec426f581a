#!/usr/bin/env bash
# Private PostgreSQL clusters for local runs and tests (sourced by scripts/run and scripts/test).
#
# Every cluster listens on 127.0.0.1 only, its superuser is consulting/consulting, and its data directory
# belongs to an unprivileged user because initdb and postgres refuse to run as root.
# Paths given to these functions must be absolute: commands run as the owner start in / (see pg_run_as_owner).
set -euo pipefail

PG_SUPERUSER=consulting
PG_PASSWORD=consulting
PG_APT_UPDATED=${PG_APT_UPDATED:-}
PG_OWNER=${PG_OWNER:-}

# Runs a command as root: directly when we are root, through sudo when we are not and it exists.
pg_as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: '$*' needs root and sudo is not available" >&2
        return 1
    fi
}

# Installs Debian packages, running apt-get update at most once per script run.
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: apt-get not found; install these packages by hand: $*" >&2
        return 1
    fi
    if [[ -z $PG_APT_UPDATED ]]; then
        pg_as_root apt-get update
        PG_APT_UPDATED=1
    fi
    pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# Newest /usr/lib/postgresql/*/bin that has initdb, pg_ctl and postgres; empty when there is none.
pg_find_bin() {
    local dir
    # sort -V so that 16 ranks above 9.6
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
            echo "$dir"
            return 0
        fi
    done
}

# Exports PG_BIN, installing the Debian postgresql package when no server binaries are present.
pg_ensure_binaries() {
    PG_BIN=$(pg_find_bin)
    if [[ -z $PG_BIN ]]; then
        echo "PostgreSQL server binaries not found; installing the postgresql package..." >&2
        apt_install postgresql
        PG_BIN=$(pg_find_bin)
        if [[ -z $PG_BIN ]]; then
            echo "error: still no initdb/pg_ctl/postgres under /usr/lib/postgresql/*/bin" >&2
            return 1
        fi
    fi
    export PG_BIN
}

# The unprivileged user that owns clusters when we run as root: the Debian 'postgres' user if present,
# else a dedicated system user created on first use.
pg_owner() {
    if [[ -n $PG_OWNER ]]; then
        echo "$PG_OWNER"
    elif [[ $(id -u) -ne 0 ]]; then
        id -un
    elif id -u postgres >/dev/null 2>&1; then
        echo postgres
    else
        if ! id -u consulting-pg >/dev/null 2>&1; then
            useradd --system --no-create-home --shell /usr/sbin/nologin consulting-pg >&2
        fi
        echo consulting-pg
    fi
}

# Runs a command as the cluster owner (directly when we are not root). Starts in / because the owner
# may not be allowed into the caller's working directory, and PostgreSQL tools complain about that.
pg_run_as_owner() {
    if [[ $(id -u) -ne 0 ]]; then
        "$@"
        return
    fi
    local user
    user=$(pg_owner)
    if command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$user" -- "$@")
    else
        # su takes one shell string, so quote every argument
        (cd / && su "$user" -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
}

# Makes every directory above DIR enterable (o+x, nothing else) by the owner, who must reach the data
# directory, e.g. /root/... or a mktemp -d directory (mode 700).
pg_make_parents_traversable() {
    local dir=$1 path=""
    local -a parts
    [[ $(id -u) -eq 0 ]] || return 0
    IFS=/ read -r -a parts <<<"${dir#/}"
    local i
    for ((i = 0; i < ${#parts[@]} - 1; i++)); do
        [[ -n ${parts[i]} ]] || continue
        path+=/${parts[i]}
        if ! pg_run_as_owner test -x "$path"; then
            chmod o+x "$path"
        fi
    done
}

# Removes postmaster.pid when the process it names is not a live postgres. pg_ctl copes with a dead pid,
# but after a container restart the pid is often reused by an unrelated process, and then postgres
# refuses to start ("lock file already exists").
pg_clear_stale_pid() {
    local data=$1 pid
    [[ -f $data/postmaster.pid ]] || return 0
    pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null || true) == postgres ]]; then
        return 0
    fi
    echo "Removing stale $data/postmaster.pid (pid ${pid:-?} is not a running postgres)" >&2
    rm -f "$data/postmaster.pid"
}

# Usage: pg_start DATA_DIR PORT. Creates the cluster on first use, then starts it on 127.0.0.1:PORT.
# A server already running on DATA_DIR is left alone. PG_FSYNC=off trades durability for speed (tests).
pg_start() {
    local data=$1 port=$2 user fsync=${PG_FSYNC:-on}
    if [[ $data != /* ]]; then
        echo "error: pg_start needs an absolute data directory, got '$data'" >&2
        return 1
    fi
    [[ -n ${PG_BIN:-} ]] || pg_ensure_binaries
    user=$(pg_owner)

    mkdir -p "$data"
    if [[ $(id -u) -eq 0 ]]; then
        pg_make_parents_traversable "$data"
        # chown -R only when needed: a cluster created earlier under another owner must move over whole
        if [[ $(stat -c %U "$data") != "$user" ]]; then
            chown -R "$user:" "$data"
        fi
    fi
    chmod 700 "$data" # initdb and postgres insist on it

    if [[ ! -f $data/PG_VERSION ]]; then
        local pwfile initlog locale=C.UTF-8
        pwfile=$(mktemp)
        initlog=$(mktemp)
        printf '%s\n' "$PG_PASSWORD" >"$pwfile"
        [[ $(id -u) -ne 0 ]] || chown "$user:" "$pwfile"
        if ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
            locale=C
        fi
        if ! pg_run_as_owner "$PG_BIN/initdb" -D "$data" -U "$PG_SUPERUSER" --auth=scram-sha-256 \
            --pwfile="$pwfile" -E UTF8 --locale="$locale" >"$initlog" 2>&1; then
            cat "$initlog" >&2
            rm -f "$pwfile" "$initlog"
            return 1
        fi
        rm -f "$pwfile" "$initlog"
    fi

    if pg_run_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        local running
        running=$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)
        if [[ $running != "$port" ]]; then
            echo "warning: the server on $data is already running on port $running, not $port" >&2
        fi
        return 0
    fi
    pg_clear_stale_pid "$data"

    # The socket lives in the data directory (nothing shared in /tmp); unix sockets are off when that path
    # is too long for a socket (107 bytes) or would need quoting, since every client here uses TCP anyway.
    local sockets=$data
    if ((${#data} > 90)) || [[ ! $data =~ ^[A-Za-z0-9/._-]+$ ]]; then
        sockets="''"
    fi
    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$sockets"
    opts+=" -c max_connections=200 -c fsync=$fsync"
    if [[ $fsync == off ]]; then
        # a throwaway cluster: no point waiting for the disk at all
        opts+=" -c synchronous_commit=off -c full_page_writes=off"
    fi
    if ! pg_run_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "$opts" start >/dev/null; then
        echo "error: PostgreSQL did not start; last lines of $data/server.log:" >&2
        tail -n 20 "$data/server.log" >&2 || true
        return 1
    fi
}

# Usage: pg_stop DATA_DIR. Fast shutdown; quiet, and no error when nothing is running.
pg_stop() {
    local data=$1
    [[ -n ${PG_BIN:-} ]] || pg_ensure_binaries
    [[ -f $data/postmaster.pid ]] || return 0
    pg_run_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# Prints a TCP port that nothing on 127.0.0.1 uses, from 55000-59999 starting at a random point.
pg_free_port() {
    local start=$((55000 + RANDOM % 5000)) i port
    for ((i = 0; i < 5000; i++)); do
        port=$((55000 + (start - 55000 + i) % 5000))
        if command -v python3 >/dev/null 2>&1; then
            # binding is the real test: it also catches ports bound but not (yet) listening
            if python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' \
                "$port" 2>/dev/null; then
                echo "$port"
                return 0
            fi
        elif ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            # nobody answered a connect
            echo "$port"
            return 0
        fi
    done
    echo "error: no free port in 55000-59999" >&2
    return 1
}

# Usage: pg_create_db PORT DBNAME. Creates the database unless it exists.
pg_create_db() {
    local port=$1 db=$2 exists
    [[ -n ${PG_BIN:-} ]] || pg_ensure_binaries
    exists=$(PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" \
        -d postgres -tA -v ON_ERROR_STOP=1 -v db="$db" \
        <<<"select 1 from pg_database where datname = :'db'")
    if [[ $exists != 1 ]]; then
        PGPASSWORD=$PG_PASSWORD "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" "$db"
    fi
}
