#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need when it is missing
# (python3-zeep, python3-msgpack, python3-spyne, PostgreSQL server, chromium for the dashboard's browser tests, curl and ps for the docs
# tests, Node.js and npm for node-soap), starts a throwaway PostgreSQL cluster on 127.0.0.1,
# builds the sample app from a shallow clone under a path containing /src/ (eng/clone-build-check.sh),
# runs every test of the solution, and stops the cluster again.
set -euo pipefail
cd "$(dirname "$0")"

need=()
/usr/bin/python3 -c "import zeep" >/dev/null 2>&1 || need+=(python3-zeep)
/usr/bin/python3 -c "import msgpack" >/dev/null 2>&1 || need+=(python3-msgpack)
/usr/bin/python3 -c "import spyne" >/dev/null 2>&1 || need+=(python3-spyne)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
php -m 2>/dev/null | grep -qx soap || need+=(php-cli php-soap)
# node-soap's interop tests (the client tests install its pinned npm package into their output on first use).
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
# The docs tests run the README's curl lines and its scale-out recipe (eng/scale-out-check.sh uses ps).
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v ps >/dev/null 2>&1 || need+=(procps)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -z "${SOAPMW_PG_CONNECTION:-}" ]; then
  SOAPMW_PG_CONNECTION="$(eng/postgres.sh start)"
  export SOAPMW_PG_CONNECTION
  trap 'eng/postgres.sh stop' EXIT
fi

# A clone under a path containing /src/ (and only one commit deep) builds the sample app: the first command of the
# README from where many developers clone to.
eng/clone-build-check.sh

# Build in parallel, then run the test assemblies one after another: several of them start real processes (sample
# apps, Hangfire servers, PostgreSQL clients, chromium) and time live behaviour, which starved each other when run at once.
dotnet build SoapMiddleware.sln -c Release -nologo -v q
dotnet test SoapMiddleware.sln -c Release --no-build -m:1 --logger "console;verbosity=minimal" "$@"
