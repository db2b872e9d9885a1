#!/usr/bin/env bash
# The server's soak and contention figures (#14, docs/benchmarks.md "Server under load"): builds the server and the
# bench driver in Release, then runs, on loopback only,
#   sqlite   : one node on a SQLite file in a temp folder
#   postgres : two nodes on one database of a throwaway PostgreSQL cluster (as test.sh starts one)
# each with the soak (--writes writes at --rate per second, 4 readers, RSS every 10 s) or, with --writers, the
# 64-concurrent-writer test. The cluster and the servers are stopped however the run ends.
# Usage: bench/server-soak.sh sqlite|postgres [soak|writers] [driver options, e.g. --writes 10000 --rate 10]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?sqlite or postgres}; mode=${2:-soak}; shift; shift || true
dotnet build src/Throughline.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Throughline.Bench -c Release -v q -nologo >/dev/null
dll=src/Throughline.Web/bin/Release/net10.0/Throughline.Web.dll
work=$(mktemp -d)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -f "$work/pg/data/postmaster.pid" ]; then pg_as "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$db" = postgres ]; then
  port=""
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  mkdir -p "$work/pg"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$work"; fi
  pg_as "$pg_bin/initdb" -D "$work/pg/data" -A trust -U postgres >"$work/pg/initdb.log" 2>&1
  pg_as "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  target="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=60;Command Timeout=120"
else
  target="$work/soak.db"
fi
echo "== $mode on $db, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Throughline.Bench/bin/Release/net10.0/Throughline.Bench.dll "--server-$mode" "$dll" "$target" "$@"
