#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has only the .NET SDK.
# Installs what the tests need when it is missing, builds warning-free, runs every test project,
# and ends with one line of totals: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet) is required: https://dot.net" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== build (warnings are errors)"
if ! dotnet build Throughline.slnx -c Release 2>&1 | tee "$log" | grep -E "error|Warn|Build succeeded|Time Elapsed"; then
  :
fi
if ! grep -q "Build succeeded" "$log"; then
  echo "test.sh: the build failed (see the errors above)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "== test"
dotnet test Throughline.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:")  f += $(i+1)
      if ($i == "Passed:")  p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a test failing: a crash or a project that did not run.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
