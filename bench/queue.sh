#!/usr/bin/env bash
# Queue benchmark: end-to-end throughput of queued Add calls (enqueue N, time until all Succeeded) and idle pickup
# latency (enqueue -> method_call, p50/p99), on SQLite and PostgreSQL with 4 workers, beside a ceiling measured in
# the same run on the same database: bare loops doing only the fetch-and-complete SQL, in batches as large as the
# workers fetch (workers + prefetch, 68 by default).
#   bench/queue.sh                 # 20,000 tasks, 4 workers
#   QUEUE_TASKS=5000 bench/queue.sh
# PostgreSQL: uses $SOAPMW_PG_CONNECTION, or starts the throwaway cluster of eng/postgres.sh (and stops it after).
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${QUEUE_TASKS:-20000}
workers=${QUEUE_WORKERS:-4}
dotnet build bench/SoapMiddleware.QueueBench -c Release -nologo -v quiet >/tmp/soapmw-queue-bench-build.log 2>&1 \
  || { cat /tmp/soapmw-queue-bench-build.log >&2; exit 1; }
if [ -z "${SOAPMW_PG_CONNECTION:-}" ]; then
  SOAPMW_PG_CONNECTION="$(eng/postgres.sh start)"
  trap 'eng/postgres.sh stop' EXIT
fi

bench=bench/SoapMiddleware.QueueBench/bin/Release/net10.0/SoapMiddleware.QueueBench.dll
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); commit $(git rev-parse --short HEAD)"
echo
echo "| storage | workers | tasks | ceiling tasks/s | end-to-end calls/s | ratio | pickup p50 ms | pickup p99 ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
dotnet "$bench" sqlite "$(mktemp -d)/queue.db" "$tasks" "$workers"
dotnet "$bench" postgresql "$SOAPMW_PG_CONNECTION" "$tasks" "$workers"
