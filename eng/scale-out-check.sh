#!/usr/bin/env bash
# Runs the scale-out recipe of docs/operations.md (the ```sh block after <!-- scale-out-recipe -->) exactly as written,
# on loopback ports, and checks it: calls enqueued on the web process are executed by the workers of the two worker
# processes (every task's worker id names one of their PIDs, and both take part), and no process logs a `fail:` or
# `crit:` line (such as three processes racing to create Hangfire's schema). Then the recipe's own teardown (from its
# `kill` line) stops them.
#   SCALE_OUT_PORTS="p0 p1 p2"   ports used instead of the documented 5000 5001 5002 (default: those)
#   Queue__Engine=Hangfire        runs the recipe on the Hangfire engine (its commented line)
#   Queue__ConnectionString       used by the recipe when set; else it starts eng/postgres.sh and stops it at the end
#                                 (so do not run this without it while another run uses that throwaway cluster)
# Prints "scale-out check passed" and exits 0 when everything held. Everything it started is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a ports <<<"${SCALE_OUT_PORTS:-5000 5001 5002}"
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

doc=docs/operations.md
recipe=$(awk '/<!-- scale-out-recipe -->/{found=1; next} found && /^```sh/{inside=1; next} inside && /^```/{exit} inside{print}' "$doc")
[ -n "$recipe" ] || { echo "$doc has no <!-- scale-out-recipe --> sh block" >&2; exit 1; }
recipe=$(sed -e "s/127\.0\.0\.1:5000/127.0.0.1:${ports[0]}/g" -e "s/127\.0\.0\.1:5001/127.0.0.1:${ports[1]}/g" -e "s/127\.0\.0\.1:5002/127.0.0.1:${ports[2]}/g" <<<"$recipe")
start=$(sed '/^kill /,$d' <<<"$recipe")      # everything before the recipe's own teardown
teardown=$(sed -n '/^kill /,$p' <<<"$recipe")
[ -n "$teardown" ] || { echo "the recipe has no 'kill' line to stop what it starts" >&2; exit 1; }

pids=""
log=$(mktemp)
cleanup() {
  # Whatever happened, nothing the recipe started outlives this script (by PID, never by name).
  for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
  rm -f "$log"
}
trap cleanup EXIT
# Everything printed from here on, the three processes' logs included, is also kept to be searched for failures.
exec > >(tee "$log") 2>&1

# The sample limits Sleep to 2 calls at once across all processes (Queue:Concurrency:Sleep); the process that ends one
# takes the next at once, so with the limit one worker process could run all 16 and this check could not see both
# processes work. The limit is lifted for the check; the recipe itself is run as written.
export Queue__Concurrency__Sleep=0
echo "== $(date +%T) the recipe, as written (ports ${ports[*]})"
echo "$start"
eval "$start"
[ "$(wc -w <<<"$pids")" = 3 ] || { echo "the recipe should start 3 processes and collect their PIDs in \$pids, got '$pids'" >&2; exit 1; }
read -r web worker1 worker2 <<<"$pids"
i=0
for pid in $pids; do
  # The collected PIDs are the processes serving the recipe's ports (so killing them stops exactly those).
  args=$(ps -o args= -p "$pid" || true)
  grep -q "127.0.0.1:${ports[$i]}" <<<"$args" || { echo "PID $pid is not the process for port ${ports[$i]}: '$args'" >&2; exit 1; }
  i=$((i + 1))
done

base="http://127.0.0.1:${ports[0]}"
# The first value of a JSON string property (top-level ones come before any nested history): plain sed, so the check
# needs nothing but bash, curl and coreutils.
json_string() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | sed 's/^"[^"]*":"\(.*\)"$/\1/'; }
for port in "${ports[@]}"; do
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    for pid in $pids; do kill -0 "$pid" 2>/dev/null || { echo "process $pid exited early" >&2; exit 1; }; done
    sleep 1
  done
done

echo "== $(date +%T) enqueue 16 Sleep(1) calls on the web process (PID $web)"
handles=()
for _ in $(seq 16); do
  handles+=("$(curl -sSf -H 'Content-Type: application/json' -d '{"Sleep":{"seconds":1}}' "$base/queue/calculator" | json_string id)")
done

echo "== $(date +%T) wait until every call Succeeded"
deadline=$((SECONDS + 120))
workers=()
for handle in "${handles[@]}"; do
  while :; do
    task=$(curl -sSf "$base/queue/api/tasks/$handle")
    state=$(json_string state <<<"$task")
    [ "$state" = Succeeded ] && break
    [ "$state" = Failed ] && { echo "task $handle failed: $task" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "task $handle still $state after 120 s" >&2; exit 1; }
    sleep 0.2
  done
  # A worker id is host:pid:tag/n: the PID says which process ran the call.
  workers+=("$(json_string workerId <<<"$task" | cut -d: -f2)")
done

ran_by=$(printf '%s\n' "${workers[@]}" | sort | uniq -c)
echo "== $(date +%T) calls per process PID:"; echo "$ran_by"
for pid in "${workers[@]}"; do
  [ "$pid" = "$worker1" ] || [ "$pid" = "$worker2" ] || { echo "a call ran in process $pid, not in a worker process ($worker1 $worker2)" >&2; exit 1; }
done
grep -qw "$worker1" <<<"${workers[*]}" || { echo "worker process $worker1 ran no call" >&2; exit 1; }
grep -qw "$worker2" <<<"${workers[*]}" || { echo "worker process $worker2 ran no call" >&2; exit 1; }

echo "== $(date +%T) the recipe's teardown: $teardown"
eval "$teardown" || { echo "the recipe's teardown failed (a process did not exit cleanly?)" >&2; exit 1; }
for pid in $pids; do
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "process $pid still runs 30 s after the recipe's kill" >&2; exit 1; fi
done
pids=""
sleep 0.5   # tee writes what the processes printed last
if grep -nE '^(fail|crit): ' "$log" >&2; then echo "the recipe's processes logged failures (above)" >&2; exit 1; fi
echo "scale-out check passed"
