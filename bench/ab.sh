#!/usr/bin/env bash
# A/B of two builds of the sample app over HTTP, for a change too small for req/s alone to show (single wrk runs vary
# by +-15 % on a 2-core machine). Per build: the bytes the whole server process allocates per request (dotnet-counters'
# total_allocated over the requests wrk counted; exact run after run), then alternating wrk runs reporting req/s and the
# server's processor time per request (its /proc CPU ticks over the same requests), and the median B/A ratio of that.
#
#   git worktree add --detach ../before <rev> && (cd ../before && dotnet build sample-app -c Release)
#   dotnet build sample-app -c Release
#   bench/ab.sh ../before .                       # Echo at /soap/calculator
#   bench/ab.sh ../before . soap-svc-echo.lua /Calculator.svc
#
# Knobs (environment): AB_RUNS (default 6), AB_SECONDS per run (default 8), AB_PORT first of two ports (default 5601).
set -euo pipefail
A="$(cd "$1" && pwd)"; B="$(cd "$2" && pwd)"
SCRIPT="${3:-soap-echo.lua}"; URL_PATH="${4:-/soap/calculator}"
RUNS="${AB_RUNS:-6}"; SECONDS_PER_RUN="${AB_SECONDS:-8}"; PORT="${AB_PORT:-5601}"
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production

command -v wrk >/dev/null || { echo "ab: wrk is missing (apt-get install wrk)" >&2; exit 1; }
TOOLS="$PWD/.tools"
if [ ! -x "$TOOLS/dotnet-counters" ]; then
  dotnet tool install dotnet-counters --tool-path "$TOOLS" >/dev/null
fi

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# start DIR PORT: runs DIR's sample app (from DIR, which holds its appsettings.json); sets STARTED.
start() {
  (cd "$1" && exec dotnet sample-app/bin/Release/net10.0/SampleApp.dll --urls "http://127.0.0.1:$2" \
    --Logging:LogLevel:Default=Warning >/dev/null 2>&1) &
  STARTED=$!
  PIDS+=("$STARTED")
  for _ in $(seq 150); do
    curl -fsS -o /dev/null "http://127.0.0.1:$2/health" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "ab: $1 did not answer /health on port $2" >&2; exit 1
}

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# load PORT PID SECONDS: one wrk run; prints "req/s cpu-us-per-request".
load() {
  local t0 t1 out requests
  t0=$(ticks "$2")
  out=$(wrk -t2 -c32 -d"$3"s -s "$SCRIPT" "http://127.0.0.1:$1$URL_PATH")
  t1=$(ticks "$2")
  if echo "$out" | grep -q "Non-2xx"; then echo "ab: non-2xx answers on port $1" >&2; exit 1; fi
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/Requests\/sec/{print $2}') $(awk -v t=$((t1 - t0)) -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t / hz * 1e6 / r}')"
}

# allocated PORT PID: bytes allocated by the server per request over one 8 s wrk run.
allocated() {
  local csv; csv=$(mktemp --suffix=.csv)
  "$TOOLS/dotnet-counters" collect -p "$2" --counters System.Runtime --format csv -o "$csv" --refresh-interval 1 \
    --duration 00:00:00:12 >/dev/null 2>&1 &
  local counters=$!
  sleep 2
  local requests
  requests=$(wrk -t1 -c16 -d8s -s "$SCRIPT" "http://127.0.0.1:$1$URL_PATH" | awk '/requests in/{print $1}')
  wait "$counters"
  grep total_allocated "$csv" | awk -F, -v r="$requests" '{s += $5} END{printf "%.0f", s / r}'
  rm -f "$csv"
}

start "$A" "$PORT"; PA=$STARTED
start "$B" "$((PORT + 1))"; PB=$STARTED
load "$PORT" "$PA" 10 >/dev/null; load "$((PORT + 1))" "$PB" 10 >/dev/null   # warm-up (JIT tiers, pools)
echo "bytes allocated per request: A $(allocated "$PORT" "$PA"), B $(allocated "$((PORT + 1))" "$PB")"

ratios=()
for i in $(seq "$RUNS"); do
  if (( i % 2 )); then a=$(load "$PORT" "$PA" "$SECONDS_PER_RUN"); b=$(load "$((PORT + 1))" "$PB" "$SECONDS_PER_RUN")
  else b=$(load "$((PORT + 1))" "$PB" "$SECONDS_PER_RUN"); a=$(load "$PORT" "$PA" "$SECONDS_PER_RUN"); fi
  read -r ra ca <<<"$a"; read -r rb cb <<<"$b"
  echo "run $i: A $ra req/s, $ca us CPU/request; B $rb req/s, $cb us CPU/request"
  ratios+=("$(awk -v a="$ca" -v b="$cb" 'BEGIN{printf "%.3f", b / a}')")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR] = $1} END{printf "median CPU per request, B/A: %.3f\n", (r[int((NR + 1) / 2)] + r[int(NR / 2) + 1]) / 2}'
