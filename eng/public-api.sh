#!/usr/bin/env bash
# Records the public API of every src project in its PublicAPI.Unshipped.txt (Microsoft.CodeAnalysis.PublicApiAnalyzers):
# run it after a deliberate change to the public surface, and review the diff of the PublicAPI.*.txt files.
# The build fails (RS0016/RS0017, warnings as errors in src/) while a public change is not recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' >"$dir/$file"
  done
  echo "public-api.sh: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info -v q
done
