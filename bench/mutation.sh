#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json), one scope at a time:
#   ./test.sh --mutation SCOPE        (or bench/mutation.sh SCOPE)
# Each scope names the project to mutate, the files to mutate and the tests that pin them, so a run stays small on a
# two-core machine (one test process: --concurrency 1, or STRYKER_CONCURRENCY). The HTML and JSON reports go to
# artifacts/mutation/SCOPE/; the score is the last line printed. Figures are recorded in docs/testing.md.
set -uo pipefail
cd "$(dirname "$0")/.."

# scope | test project | project to mutate | files to mutate (comma-separated globs) | test filter (dotnet test syntax)
scopes='
critical-path|tests/Throughline.Scheduling.Tests|Throughline.Scheduling.csproj|**/CriticalPath.cs|FullyQualifiedName!~Leveling&FullyQualifiedName!~Forecasting
calendars|tests/Throughline.Scheduling.Tests|Throughline.Scheduling.csproj|**/Calendars/*.cs|FullyQualifiedName!~Leveling&FullyQualifiedName!~Forecasting
genetic-search|tests/Throughline.Scheduling.Tests|Throughline.Scheduling.csproj|**/Leveling/GeneticSearch.cs|FullyQualifiedName~Leveling
leveling|tests/Throughline.Scheduling.Tests|Throughline.Scheduling.csproj|**/Leveling/*.cs|FullyQualifiedName~Leveling
forecasting|tests/Throughline.Scheduling.Tests|Throughline.Scheduling.csproj|**/Forecasting/*.cs|FullyQualifiedName~Forecasting|FullyQualifiedName~MonteCarlo
domain|tests/Throughline.Domain.Tests|Throughline.Domain.csproj|**/*.cs|
plan-reader|tests/Throughline.Interop.Tests|Throughline.Interop.csproj|**/Plan/PlanReader*.cs,**/Plan/PlanValues.cs,**/Plan/YamlFields.cs|FullyQualifiedName~Interop.Tests.Plan
mspdi-import|tests/Throughline.Interop.Tests|Throughline.Interop.csproj|**/Mspdi/MspdiImporter*.cs,**/Mspdi/MspdiReader.cs,**/Mspdi/MspdiFormat.cs|FullyQualifiedName~Mspdi
storage-plan|tests/Throughline.Storage.Tests|Throughline.Storage.csproj|**/Plans/PlanRows.cs,**/Plans/ProgramSnapshot.cs|
'

scope="${1:-}"
line=$(printf '%s\n' "$scopes" | awk -F'|' -v s="$scope" '$1 == s && s != ""')
if [ -z "$line" ]; then
  echo "usage: ./test.sh --mutation SCOPE, where SCOPE is one of:" >&2
  printf '%s\n' "$scopes" | awk -F'|' 'NF > 1 { printf "  %-15s %s in %s\n", $1, $4, $3 }' >&2
  [ "$scope" = list ] && exit 0
  exit 2
fi

IFS='|' read -r _ test_project project mutate filter <<<"$line"
# The filter may itself hold a '|' (an "or" in dotnet test syntax): everything after the fourth field.
filter=$(printf '%s\n' "$line" | cut -d'|' -f5-)

dotnet tool restore >/dev/null || { echo "mutation.sh: dotnet tool restore failed" >&2; exit 1; }

out="$PWD/artifacts/mutation/$scope"
rm -rf "$out"
args=(--project "$project" --configuration Release --concurrency "${STRYKER_CONCURRENCY:-1}"
      --reporter Progress --reporter Html --reporter Json --reporter ClearText --output "$out" --skip-version-check)
IFS=',' read -r -a globs <<<"$mutate"
for g in "${globs[@]}"; do args+=(--mutate "$g"); done
[ -n "$filter" ] && args+=(--test-case-filter "$filter")

echo "== mutation: $scope ($mutate in $project; tests: ${filter:-all of $test_project}); $(nproc) cores, $(date -u +%F)"
(cd "$test_project" && dotnet dotnet-stryker "${args[@]}")
status=$?
# Stryker's ClearText reporter has printed the per-file table and "The final mutation score is N %" above.
echo "== reports: $out/reports/mutation-report.html and .json"
exit $status
