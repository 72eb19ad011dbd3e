#!/usr/bin/env bash
# Builds the sample app from a shallow clone of this repository's HEAD at a path that contains /src/
# (~/src/SoapMiddleware is where many developers clone to). Which projects count as src projects (public-API analyzers,
# warnings as errors, packable) must depend on the path inside the repository, not on the folders above it; and a
# shallow clone (depth 1, as many CI systems make) must build, version included. test.sh runs this before the tests.
# Prints "clone build check passed" and exits 0 when the build passed. The clone is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

parent=$(mktemp -d)
trap 'rm -rf "$parent"' EXIT
clone="$parent/src/SoapMiddleware"
mkdir -p "$clone"
git -C "$clone" init -q
git -C "$clone" fetch -q --depth 1 "file://$PWD" HEAD
git -C "$clone" checkout -q FETCH_HEAD
echo "== $(date +%T) dotnet build sample-app in a depth-1 clone at $clone"
dotnet build "$clone/sample-app" -c Release -nologo -v q
echo "clone build check passed"
