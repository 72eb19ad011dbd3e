#!/usr/bin/env bash
# Queue benchmark, one run on one PostgreSQL, every subject in a fresh process and a fresh schema/file:
#   built-in engine on SQLite and on PostgreSQL: enqueue N Add calls (batched), time until all Succeeded, beside a ceiling
#     measured in the same run on the same database (bare loops doing only the fetch-and-complete SQL, in batches as
#     large as the workers fetch: workers + prefetch); idle pickup latency (enqueue -> method_call, p50/p99).
#   Hangfire engine (IRpcQueue.EnqueueAsync through UseHangfire() on Hangfire.PostgreSql) and raw Hangfire
#     (Enqueue(() => NoOp.Run(i)), the same storage options, server and worker count): enqueue/s, drain/s, end-to-end
#     calls/s (enqueue N while the workers run, until all Succeeded), pickup enqueue -> job start.
# Rounds alternate the order of the Hangfire subjects; the table gives medians (of 2 rounds: their mean) and ratios
# (built-in / its ceiling; Hangfire engine / raw Hangfire).
#   bench/queue.sh                      # 2 rounds: built-in 20,000 tasks, Hangfire 2,000 tasks, 4 workers
#   QUEUE_ROUNDS=1 QUEUE_TASKS=5000 QUEUE_HANGFIRE_TASKS=500 bench/queue.sh   # quick check
# Knobs: QUEUE_WORKERS (4), QUEUE_ROUNDS (2), QUEUE_TASKS (20000), QUEUE_HANGFIRE_TASKS (2000),
#   QUEUE_HANGFIRE_OPTIONS (default "--cross-process-pickup 50"; see bench/SoapMiddleware.QueueBench/Program.cs, e.g.
#   "--poll-ms 200 --long-polling"), QUEUE_SUBJECTS (default "sqlite postgresql hangfire").
# PostgreSQL: uses $SOAPMW_PG_CONNECTION, or starts the throwaway cluster of eng/postgres.sh (and stops it after, unless it
# was already running). Results: stdout, and bench/results/queue-latest.md (+ .jsonl, the raw results, and .log).
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${QUEUE_TASKS:-20000}
hangfire_tasks=${QUEUE_HANGFIRE_TASKS:-2000}
workers=${QUEUE_WORKERS:-4}
rounds=${QUEUE_ROUNDS:-2}
subjects=${QUEUE_SUBJECTS:-sqlite postgresql hangfire}
read -r -a hangfire_options <<<"${QUEUE_HANGFIRE_OPTIONS:---cross-process-pickup 50}"

dotnet build bench/SoapMiddleware.QueueBench -c Release -nologo -v quiet >/tmp/soapmw-queue-bench-build.log 2>&1 \
  || { cat /tmp/soapmw-queue-bench-build.log >&2; exit 1; }
if [ -z "${SOAPMW_PG_CONNECTION:-}" ]; then
  # A cluster that is already running is someone else's: use it and leave it running.
  already_running=
  [ -f "${SOAPMW_PG_DIR:-/tmp/soapmw-pg}/data/postmaster.pid" ] && already_running=1
  SOAPMW_PG_CONNECTION="$(eng/postgres.sh start)"
  [ -n "$already_running" ] || trap 'eng/postgres.sh stop' EXIT
fi

mkdir -p bench/results
export QUEUE_RESULTS=bench/results/queue-latest.jsonl
details=bench/results/queue-latest.log   # the Hangfire subjects' detail lines (CPU per job, enqueue under load)
: >"$QUEUE_RESULTS"
: >"$details"
bench=bench/SoapMiddleware.QueueBench/bin/Release/net10.0/SoapMiddleware.QueueBench.dll
header="Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); commit $(git rev-parse --short HEAD); $rounds round(s)"
echo "$header"
echo
echo "Each run as it ends (subject | storage | workers | tasks | enqueue/s | drain/s | end-to-end calls/s | ceiling/s | pickup p50 | p99 | cross-process p50 | p99):"
for round in $(seq 1 "$rounds"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for subject in $subjects; do
    case $subject in
      sqlite) dotnet "$bench" sqlite "$(mktemp -d)/queue.db" "$tasks" "$workers" ;;
      postgresql) dotnet "$bench" postgresql "$SOAPMW_PG_CONNECTION" "$tasks" "$workers" ;;
      hangfire)
        order="raw engine"
        [ $((round % 2)) = 0 ] && order="engine raw"
        for which in $order; do
          dotnet "$bench" "hangfire-$which" "$SOAPMW_PG_CONNECTION" "$hangfire_tasks" "$workers" "${hangfire_options[@]}" 2>>"$details"
        done
        ;;
      *) echo "unknown subject $subject" >&2; exit 2 ;;
    esac
  done
done
echo
{
  echo "$header"
  echo
  dotnet "$bench" report "$QUEUE_RESULTS"
} | tee bench/results/queue-latest.md
