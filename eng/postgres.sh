#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#   eng/postgres.sh start   -> prints a connection string on stdout
#   eng/postgres.sh stop    -> stops the cluster started by this script and removes its data
# The cluster lives in $SOAPMW_PG_DIR (default /tmp/soapmw-pg) and listens on $SOAPMW_PG_PORT (default 55432).
set -euo pipefail
dir=${SOAPMW_PG_DIR:-/tmp/soapmw-pg}
port=${SOAPMW_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"; mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres "$dir"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=on -c shared_buffers=256MB" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
