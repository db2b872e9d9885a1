#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has only the .NET SDK.
# Installs what the tests need when it is missing, builds warning-free, runs every test project, prints every skipped
# test with its reason, and ends with one line of totals: "N passed, N failed, N skipped".
#
#   ./test.sh                     the suite
#   ./test.sh --coverage          the suite with line and branch coverage; HTML report in artifacts/coverage/index.html
#   ./test.sh --mutation SCOPE    Stryker.NET on one scope (./test.sh --mutation list names them); see docs/testing.md
#
# With CI=true a skipped test fails the run unless tests/skips-allowed.txt lists it with a reason: CI has the shared
# data, PostgreSQL and Chromium, so a skip there means a test did not run that should have.
set -uo pipefail
cd "$(dirname "$0")"

mode=test
case "${1:-}" in
  "") ;;
  --coverage) mode=coverage ;;
  --mutation) exec bench/mutation.sh "${2:-}" ;;
  *) echo "usage: ./test.sh [--coverage | --mutation SCOPE]" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet) is required: https://dot.net" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT

# == PostgreSQL: the server's integration tests run on SQLite always, and on PostgreSQL when THROUGHLINE_TEST_POSTGRES
# names a server. Without one, start a throwaway cluster (installing Debian's postgresql when missing and root) on a
# free local port in a temp folder, and stop and remove it on exit.
pg_dir=""
pg_bin=""
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}
trap 'stop_postgres; rm -rf "$log" "$results"' EXIT
if [ -n "${THROUGHLINE_TEST_POSTGRES:-}" ]; then
  echo "== postgres: using THROUGHLINE_TEST_POSTGRES"
else
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== postgres: installing postgresql (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$pg_bin" ]; then
    echo "== postgres: not installed and cannot install it (needs root and apt-get); the PostgreSQL runs of the server tests are skipped"
  elif [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "== postgres: no 'postgres' user to run the cluster as; the PostgreSQL runs of the server tests are skipped"
  else
    pg_dir=$(mktemp -d)
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    pg_port=""
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
    done
    if pg_as "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >"$pg_dir/initdb.log" 2>&1 \
      && pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
           -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" start >/dev/null 2>&1; then
      export THROUGHLINE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
      echo "== postgres: throwaway cluster on port $pg_port"
    else
      echo "== postgres: the throwaway cluster did not start (see below); the PostgreSQL runs of the server tests are skipped"
      cat "$pg_dir"/*.log 2>/dev/null | tail -n 20
    fi
  fi
fi

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== chromium: installing chromium (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || echo "== chromium: could not install it; the browser tests are skipped"
  else
    echo "== chromium: not installed and cannot install it (needs root and apt-get); the browser tests are skipped"
  fi
fi

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
# The TRX files carry each skipped test's reason, which the console logger does not print.
collect=()
if [ "$mode" = coverage ]; then
  rm -rf artifacts/coverage
  collect=(--collect "XPlat Code Coverage" --settings tests/coverage.runsettings)
fi
dotnet test Throughline.slnx -c Release --no-build --logger trx --results-directory "$results" "${collect[@]}" 2>&1 | tee "$log"
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
# Every skipped test with its reason, from the TRX files: "test name<TAB>reason".
skips="$results/skips.tsv"
find "$results" -name '*.trx' -print0 | xargs -0 -r awk '
  function unescape(s) { gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s); return s }
  /<UnitTestResult / && /outcome="NotExecuted"/ {
    name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); pending = 1; next
  }
  pending && /<Message>/ {
    reason = $0; sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason)
    printf "%s\t%s\n", unescape(name), unescape(reason); pending = 0
  }
  pending && /<\/UnitTestResult>/ { printf "%s\t(no reason given)\n", unescape(name); pending = 0 }
' | sort > "$skips"
if [ -s "$skips" ]; then
  echo "== skipped ($(wc -l < "$skips")), with their reasons"
  sed 's/\t/  --  /' "$skips"
fi

# Under CI every skip must be allowed by tests/skips-allowed.txt ("name prefix<TAB>reason"; # starts a comment).
if [ "${CI:-}" = "true" ] && [ -s "$skips" ]; then
  unexpected=$(awk -F'\t' '
    FNR == NR { if ($0 !~ /^#/ && NF >= 2 && $1 != "") allowed[$1] = 1; next }
    { ok = 0; for (p in allowed) if (index($1, p) == 1) ok = 1; if (!ok) print }
  ' tests/skips-allowed.txt "$skips")
  if [ -n "$unexpected" ]; then
    count=$(printf '%s\n' "$unexpected" | wc -l)
    echo "== CI=true: $count skipped test(s) not in tests/skips-allowed.txt; a skip in CI is a test that did not run:" >&2
    printf '%s\n' "$unexpected" | sed 's/\t/  --  /' >&2
    failed=$((failed + count))
  fi
fi

if [ "$mode" = coverage ]; then
  echo "== coverage report"
  if dotnet tool restore >/dev/null && dotnet reportgenerator "-reports:$results/**/coverage.cobertura.xml" \
       -targetdir:artifacts/coverage "-reporttypes:Html;TextSummary;MarkdownSummary" >/dev/null; then
    cat artifacts/coverage/Summary.txt | sed -n '1,/^$/p'
    grep -E '^Throughline\.' artifacts/coverage/Summary.txt
    echo "HTML report: artifacts/coverage/index.html"
  else
    echo "test.sh: the coverage report could not be written" >&2
    failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
