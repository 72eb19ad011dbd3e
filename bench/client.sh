#!/usr/bin/env bash
# Client benchmarks (see bench/README.md, "Client"): builds Release once, then
#  1. wsdl-timing: WsdlImporter on the corpus's two biggest WSDLs, alone and with the mapping to a client
#     (RpcClient.FromWsdl), run twice on one fresh cache folder (the second process's first import is the cold
#     read from the disk cache);
#  2. client: starts the sample app on 127.0.0.1, and runs one RpcClient with 64 concurrent callers (Echo) against a
#     hand-written HttpClient loop posting the same bytes, alternating rounds; prints the ratio.
# Knobs: BENCH_DURATION (s per round, default 10), BENCH_ROUNDS (3), BENCH_CALLERS (64), BENCH_PORT (5330),
# SOAPMW_WSDL_CORPUS (default ../shared/wsdl_corpus), BENCH_SKIP_BUILD=1. Stops only the PID it started.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${BENCH_DURATION:-10}"; ROUNDS="${BENCH_ROUNDS:-3}"; CALLERS="${BENCH_CALLERS:-64}"; PORT="${BENCH_PORT:-5330}"
CORPUS="${SOAPMW_WSDL_CORPUS:-$(cd .. && pwd)/shared/wsdl_corpus}"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  dotnet build bench/SoapMiddleware.Bench/SoapMiddleware.Bench.csproj -c Release -nologo -v quiet >/dev/null
fi
BENCH=bench/SoapMiddleware.Bench/bin/Release/net10.0/SoapMiddleware.Bench.dll
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -d "$CORPUS" ]; then
  echo "## wsdl-timing (first process: parse; second: the same from the disk cache)"
  dotnet "$BENCH" wsdl-timing "$CORPUS" "$WORK/cache"
  dotnet "$BENCH" wsdl-timing "$CORPUS" "$WORK/cache"
else
  echo "wsdl-timing skipped: no corpus at $CORPUS (set SOAPMW_WSDL_CORPUS)" >&2
fi

echo "## client: one RpcClient, $CALLERS callers, Echo, vs a hand-written HttpClient loop"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
dotnet sample-app/bin/Release/net10.0/SampleApp.dll --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning \
  --Queue:ConnectionString "$WORK/queue.db" >"$WORK/sample.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
dotnet "$BENCH" client "http://127.0.0.1:$PORT" "$DURATION" "$CALLERS" "$ROUNDS"
