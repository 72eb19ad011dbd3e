#!/usr/bin/env bash
# HTTP benchmarks of the sample app (see bench/README.md). Builds Release once, then for each scenario starts the
# servers it needs on 127.0.0.1, checks their responses (status, content type, body; real vs ceiling byte for byte),
# warms them up and loads them with wrk, alternating subject and baseline for BENCH_ROUNDS rounds and reporting the
# median. Prints a Markdown table and writes it to bench/results/latest.md.
#
# Knobs (environment):
#   BENCH_DURATION  seconds of each measured wrk run        (default 10)
#   BENCH_ROUNDS    rounds of subject/baseline alternation  (default 3; the median is reported)
#   BENCH_WARMUP    seconds of warm-up load per server      (default 8)
#   BENCH_SOAK      seconds of mixed load before reading the working set (default 60)
#   BENCH_THREADS / BENCH_CONNECTIONS   wrk -t / -c         (default 2 / 32)
#   BENCH_PORT      first port to use                       (default 5310; 6 consecutive ports)
#   BENCH_SKIP_BUILD=1  reuse the existing Release build
# Quick run: BENCH_DURATION=3 BENCH_WARMUP=1 BENCH_SOAK=5 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${BENCH_DURATION:-10}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP:-8}"
SOAK="${BENCH_SOAK:-60}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
PORT="${BENCH_PORT:-5310}"

RESULTS=bench/results
mkdir -p "$RESULTS"
WORK="$(mktemp -d)"
PIDS=()

log() { echo "bench: $*" >&2; }

declare -A STOPPED=()
stop_pid() {
  local pid="$1"
  STOPPED[$pid]=1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  # Only the servers this script started, by PID. A server that died early says how (137: SIGKILL, e.g. the OOM killer).
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null && [ -z "${STOPPED[$pid]:-}" ]; then
      local rc=0; wait "$pid" 2>/dev/null || rc=$?
      log "server pid $pid had died on its own (exit status $rc)"
    fi
    stop_pid "$pid"
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building Release"
  dotnet build bench/SoapMiddleware.Bench/SoapMiddleware.Bench.csproj -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; exit 1; }
fi
SAMPLE=sample-app/bin/Release/net10.0/SampleApp.dll
BENCH=bench/SoapMiddleware.Bench/bin/Release/net10.0/SoapMiddleware.Bench.dll
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production

# start_server NAME PORT ARGS... : starts `dotnet ARGS --urls ...`, waits for /health, sets SERVER_PID.
start_server() {
  local name="$1" port="$2"; shift 2
  dotnet "$@" --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$RESULTS/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 150); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RESULTS/$name.log" >&2; log "$name exited"; exit 1; }
    sleep 0.2
  done
  log "$name did not answer /health on port $port"; exit 1
}

# soap_call PORT OP OUTFILE : POSTs bench/requests/OP.xml; checks 200 and the content type; leaves the body in OUTFILE.
# OP echo|getorder|add goes to /soap/calculator; svc-echo|svc-getorder to /Calculator.svc (the WCF-contract calculator).
soap_call() {
  local port="$1" op="$2" out="$3" action path=/soap/calculator
  case "$op" in
    echo) action='"http://example.com/calc/CalculatorService/Echo"' ;;
    getorder) action='"http://example.com/calc/CalculatorService/GetOrder"' ;;
    add) action='"http://example.com/calc/CalculatorService/Add"' ;;
    svc-echo) action='"http://example.com/calculator/CalculatorService/Echo"'; path=/Calculator.svc ;;
    svc-getorder) action='"http://example.com/calculator/CalculatorService/GetOrder"'; path=/Calculator.svc ;;
  esac
  local meta
  meta="$(curl -sS -o "$out" -w '%{http_code} %{content_type}' -X POST "http://127.0.0.1:$port$path" \
    -H 'Content-Type: text/xml; charset=utf-8' -H "SOAPAction: $action" --data-binary "@bench/requests/$op.xml")"
  if [ "$meta" != "200 text/xml; charset=utf-8" ]; then
    log "port $port $op: expected '200 text/xml; charset=utf-8', got '$meta'"; cat "$out" >&2; exit 1
  fi
}

# check_content OP FILE : the body is the right answer, not just a 200. Any prefix (or none, as SoapCore writes).
check_content() {
  local op="$1" file="$2" p='<([A-Za-z0-9_]+:)?' e='</([A-Za-z0-9_]+:)?'
  case "${op#svc-}" in
    echo) grep -qE "${p}EchoResult>0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_${e}EchoResult>" "$file" ;;
    getorder) [ "$(grep -oE "${p}Sku>SKU-[0-9]*${e}Sku>" "$file" | wc -l)" = 100 ] && grep -qE "${p}Sku>SKU-100${e}Sku>" "$file" \
                && grep -qE "${p}Customer>Customer 1${e}Customer>" "$file" ;;
    add) grep -qE "${p}AddResult>42${e}AddResult>" "$file" ;;
  esac || { log "wrong $op response:"; cat "$file" >&2; echo >&2; exit 1; }
}

# same_response OP PORT_A NAME_A PORT_B NAME_B : both answer 200 with the right content and identical bytes.
same_response() {
  local op="$1"
  soap_call "$2" "$op" "$WORK/$3.$op.xml"
  soap_call "$4" "$op" "$WORK/$5.$op.xml"
  check_content "$op" "$WORK/$3.$op.xml"
  if ! cmp -s "$WORK/$3.$op.xml" "$WORK/$5.$op.xml"; then
    log "$op: $3 and $5 answer different bytes"; diff <(cat "$WORK/$3.$op.xml"; echo) <(cat "$WORK/$5.$op.xml"; echo) >&2 || true; exit 1
  fi
  log "$op: $3 and $5 both answer 200, text/xml; charset=utf-8, identical $(wc -c <"$WORK/$3.$op.xml")-byte bodies"
}

# same_values FILE_A FILE_B : the two SOAP responses carry the same answer: the same Body element and the same leaf
# elements in the same order, each with the same namespace URI, local name and text. Prefixes, whitespace between
# elements and the envelope's own declarations are not compared (SoapCore indents, we do not).
same_values() {
  python3 - "$1" "$2" <<'PY' || { log "$1 and $2 carry different answers"; exit 1; }
import sys, xml.etree.ElementTree as ET
def facts(path):
    body = ET.parse(path).getroot().find('{http://schemas.xmlsoap.org/soap/envelope/}Body')
    first = list(body)[0]
    return [first.tag] + [(e.tag, (e.text or '').strip()) for e in first.iter() if len(e) == 0]
a, b = facts(sys.argv[1]), facts(sys.argv[2])
if a != b:
    for x, y in zip(a, b):
        if x != y: print(f'first difference: {x!r} != {y!r}', file=sys.stderr); break
    print(f'{len(a)} facts against {len(b)}', file=sys.stderr)
    sys.exit(1)
PY
}

# load PORT SCRIPT SECONDS : runs wrk, fails on any non-2xx or socket error, prints "rps p99_us".
load() {
  local port="$1" script="$2" seconds="$3" out line
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s "$script" "http://127.0.0.1:$port")"
  line="$(grep '^BENCH ' <<<"$out")" || { echo "$out" >&2; log "wrk printed no BENCH line"; exit 1; }
  echo "$line" >>"$RESULTS/wrk-raw.log"
  local non2xx errors
  non2xx="$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")"
  errors="$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<<"$line")"
  if [ "$non2xx" != 0 ] || [ "$errors" != 0 ]; then log "port $port $script: $non2xx non-2xx, $errors socket errors"; exit 1; fi
  sed -E 's/.* rps=([0-9.]+) .* p99_us=([0-9]+) .*/\1 \2/' <<<"$line"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ROWS=()
DETAILS=()

# compare TITLE SCRIPT TARGET_PCT SUBJECT_NAME SUBJECT_PORT BASELINE_NAME BASELINE_PORT
compare() {
  local title="$1" script="$2" target="$3" sname="$4" sport="$5" bname="$6" bport="$7"
  log "$title: warming up $sname and $bname (${WARMUP}s each)"
  load "$sport" "$script" "$WARMUP" >/dev/null
  load "$bport" "$script" "$WARMUP" >/dev/null
  : >"$WORK/s"; : >"$WORK/b"
  for round in $(seq "$ROUNDS"); do
    # Alternate which side goes first, so drift (thermal, noisy neighbours) hits both sides alike.
    local order=("s $sport" "b $bport")
    [ $((round % 2)) = 0 ] && order=("b $bport" "s $sport")
    for entry in "${order[@]}"; do
      read -r side port <<<"$entry"
      local loadavg; loadavg="$(cut -d' ' -f1 /proc/loadavg)"
      local result; result="$(load "$port" "$script" "$DURATION")"
      echo "$result" >>"$WORK/$side"
      local who="$sname"; [ "$side" = b ] && who="$bname"
      log "$title round $round: $who $(awk '{ printf "%.0f req/s, p99 %.2f ms", $1, $2 / 1000 }' <<<"$result")"
      DETAILS+=("| $title | $round | $who | $(awk '{ printf "%.0f | %.2f", $1, $2 / 1000 }' <<<"$result") | $loadavg |")
    done
  done
  local srps sp99 brps bp99 ratio met
  srps="$(cut -d' ' -f1 "$WORK/s" | median)"; sp99="$(cut -d' ' -f2 "$WORK/s" | median)"
  brps="$(cut -d' ' -f1 "$WORK/b" | median)"; bp99="$(cut -d' ' -f2 "$WORK/b" | median)"
  ratio="$(awk -v s="$srps" -v b="$brps" 'BEGIN { printf "%.1f", 100 * s / b }')"
  met="$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r >= t) ? "met" : "**missed**" }')"
  ROWS+=("| $title | $sname | $(printf '%.0f' "$srps") | $(awk -v p="$sp99" 'BEGIN { printf "%.2f", p / 1000 }') | $bname | $(printf '%.0f' "$brps") | $(awk -v p="$bp99" 'BEGIN { printf "%.2f", p / 1000 }') | $ratio % | >= $target % | $met |")
}

: >"$RESULTS/wrk-raw.log"
P_SAMPLE=$PORT; P_CEIL_ECHO=$((PORT + 1)); P_CEIL_ORDER=$((PORT + 2)); P_WRAPPED=$((PORT + 3)); P_BARE=$((PORT + 4))
P_SOAPCORE=$((PORT + 5))

# 1 and 2: the sample app against the ceiling, Echo then GetOrder.
start_server sample "$P_SAMPLE" "$SAMPLE"; SAMPLE_PID=$SERVER_PID
start_server ceiling-echo "$P_CEIL_ECHO" "$BENCH" ceiling echo; CEIL_ECHO_PID=$SERVER_PID
start_server ceiling-getorder "$P_CEIL_ORDER" "$BENCH" ceiling getorder; CEIL_ORDER_PID=$SERVER_PID
same_response echo "$P_SAMPLE" sample "$P_CEIL_ECHO" ceiling
same_response getorder "$P_SAMPLE" sample "$P_CEIL_ORDER" ceiling
stop_pid "$CEIL_ORDER_PID"
compare "Echo, 64-char string" bench/soap-echo.lua 85 "sample app" "$P_SAMPLE" "ceiling" "$P_CEIL_ECHO"
stop_pid "$CEIL_ECHO_PID"
start_server ceiling-getorder "$P_CEIL_ORDER" "$BENCH" ceiling getorder; CEIL_ORDER_PID=$SERVER_PID
compare "GetOrder(id=1, lines=100)" bench/soap-getorder.lua 55 "sample app" "$P_SAMPLE" "ceiling" "$P_CEIL_ORDER"
stop_pid "$CEIL_ORDER_PID"

# 3 and 4: the sample app against SoapCore 1.2.1.18 (issue 10: ours >= 1.5x). Both serve the sample's WCF-contract
# twin (SampleApp.Wcf.ICalculator and Calculator) at /Calculator.svc: ours with MapRpc<ICalculator>, SoapCore with
# UseSoapEndpoint in its XmlSerializer mode and default settings. Both get the same request bytes (requests/svc-*.xml).
start_server soapcore "$P_SOAPCORE" "$BENCH" soapcore; SOAPCORE_PID=$SERVER_PID
for op in echo getorder; do
  soap_call "$P_SAMPLE" "svc-$op" "$WORK/ours.$op.xml"
  soap_call "$P_SOAPCORE" "svc-$op" "$WORK/soapcore.$op.xml"
  check_content "$op" "$WORK/ours.$op.xml"; check_content "$op" "$WORK/soapcore.$op.xml"
  same_values "$WORK/ours.$op.xml" "$WORK/soapcore.$op.xml"
  log "$op: sample app and SoapCore at /Calculator.svc both answer 200, text/xml; charset=utf-8, the same values;" \
      "$(wc -c <"$WORK/ours.$op.xml") against $(wc -c <"$WORK/soapcore.$op.xml") bytes"
done
compare "Echo, 64-char string, vs SoapCore" bench/soap-svc-echo.lua 150 "sample app" "$P_SAMPLE" "SoapCore" "$P_SOAPCORE"
compare "GetOrder(id=1, lines=100), vs SoapCore" bench/soap-svc-getorder.lua 150 "sample app" "$P_SAMPLE" "SoapCore" "$P_SOAPCORE"
stop_pid "$SOAPCORE_PID"; stop_pid "$SAMPLE_PID"

# 5: three call wrappers and two listeners against the same host without them.
start_server wrapped "$P_WRAPPED" "$BENCH" wrapped; WRAPPED_PID=$SERVER_PID
start_server bare "$P_BARE" "$BENCH" bare; BARE_PID=$SERVER_PID
same_response echo "$P_WRAPPED" wrapped "$P_BARE" bare
compare "Echo, 3 wrappers + 2 listeners" bench/soap-echo.lua 90 "wrapped" "$P_WRAPPED" "bare" "$P_BARE"
stop_pid "$WRAPPED_PID"; stop_pid "$BARE_PID"

# JSON: the sample app's JSON Echo (POST /json/calculator/Echo) against a JSON ceiling answering the byte-identical
# response. Self-contained block (its own helpers; reuses two ports freed above).
json_echo_call() {
  local port="$1" out="$2" meta
  meta="$(curl -sS -o "$out" -w '%{http_code} %{content_type}' -X POST "http://127.0.0.1:$port/json/calculator/Echo" \
    -H 'Content-Type: application/json' --data-binary @bench/requests/echo.json)"
  [ "$meta" = "200 application/json; charset=utf-8" ] || { log "port $port JSON echo: expected '200 application/json; charset=utf-8', got '$meta'"; cat "$out" >&2; exit 1; }
}
start_server sample-json "$P_SAMPLE" "$SAMPLE"; JSON_SAMPLE_PID=$SERVER_PID
start_server ceiling-json "$P_CEIL_ECHO" "$BENCH" json-ceiling; JSON_CEIL_PID=$SERVER_PID
json_echo_call "$P_SAMPLE" "$WORK/sample.echo.json"; json_echo_call "$P_CEIL_ECHO" "$WORK/ceiling.echo.json"
grep -q '"EchoResult":"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"' "$WORK/sample.echo.json" \
  || { log "wrong JSON echo response:"; cat "$WORK/sample.echo.json" >&2; echo >&2; exit 1; }
cmp -s "$WORK/sample.echo.json" "$WORK/ceiling.echo.json" || { log "JSON echo: sample and ceiling answer different bytes"; exit 1; }
log "JSON echo: sample and ceiling both answer 200, application/json; charset=utf-8, identical $(wc -c <"$WORK/sample.echo.json")-byte bodies"
compare "JSON Echo, 64-char string" bench/json-echo.lua 85 "sample app" "$P_SAMPLE" "JSON ceiling" "$P_CEIL_ECHO"
stop_pid "$JSON_CEIL_PID"; stop_pid "$JSON_SAMPLE_PID"

# 6: working set of a fresh sample app after BENCH_SOAK seconds of mixed load.
start_server sample-soak "$P_SAMPLE" "$SAMPLE"; SOAK_PID=$SERVER_PID
for op in echo add getorder; do soap_call "$P_SAMPLE" "$op" "$WORK/soak.$op.xml"; check_content "$op" "$WORK/soak.$op.xml"; done
rss_idle="$(awk '/^VmRSS/ { print $2 }' "/proc/$SOAK_PID/status")"
log "working set: ${SOAK}s of mixed Echo/Add/GetOrder load (idle VmRSS $((rss_idle / 1024)) MB)"
soak="$(load "$P_SAMPLE" bench/soap-mixed.lua "$SOAK")"
rss="$(awk '/^VmRSS/ { print $2 }' "/proc/$SOAK_PID/status")"
hwm="$(awk '/^VmHWM/ { print $2 }' "/proc/$SOAK_PID/status")"
stop_pid "$SOAK_PID"
rss_mb="$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
ws_met="$(awk -v m="$rss_mb" 'BEGIN { print (m < 150) ? "met" : "**missed**" }')"

{
  echo "| Scenario | Subject | req/s | p99 ms | Baseline | req/s | p99 ms | Ratio | Target | |"
  echo "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo "| Working set after ${SOAK} s mixed load | sample app | $(awk '{ printf "%.0f", $1 }' <<<"$soak") | $(awk '{ printf "%.2f", $2 / 1000 }' <<<"$soak") | VmRSS (peak VmHWM) | $rss_mb MB ($(awk -v k="$hwm" 'BEGIN { printf "%.1f", k / 1024 }') MB) | | | < 150 MB | $ws_met |"
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per run after ${WARMUP} s warm-up, median of $ROUNDS alternating rounds;" \
       "wrk and the server share the machine's $(nproc) cores. Idle VmRSS before the soak: $((rss_idle / 1024)) MB."
  echo
  echo "Each run (load average = 1-minute load before the run; it includes the benchmark's own wrk and server threads, so use it only to spot outliers):"
  echo
  echo "| Scenario | Round | Server | req/s | p99 ms | load average |"
  echo "| --- | ---: | --- | ---: | ---: | ---: |"
  printf '%s\n' "${DETAILS[@]}"
} | tee "$RESULTS/latest.md"
