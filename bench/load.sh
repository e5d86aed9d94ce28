#!/usr/bin/env bash
# The load benchmark (docs/performance.md): publishes Inlet and the baseline app in Release, then drives each with wrk on
# loopback in alternating rounds and prints a Markdown table. Arguments go to the driver, e.g.
#   bench/load.sh --loads point-add@64,mixed@64 --rounds 3 --seconds 10
#   bench/load.sh --store postgres-2      # Inlet on PostgreSQL, two nodes behind nginx (--store sqlite|postgres|postgres-2)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt_updated=
install() {
  [ -n "$apt_updated" ] || { apt-get update -qq && apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v wrk >/dev/null || install wrk

# --store postgres-2 puts nginx in front of two nodes; a postgres store runs on a local cluster unless --postgres or
# INLET_BENCH_POSTGRES names a server (the driver's default: role inlet, password inlet, which may create databases).
store=sqlite postgres_server=${INLET_BENCH_POSTGRES:-} previous=
for argument in "$@"; do
  case $previous in --store) store=$argument ;; --postgres) postgres_server=$argument ;; esac
  previous=$argument
done
if [ "$store" = postgres-2 ]; then command -v nginx >/dev/null || install nginx; fi
if [[ $store == postgres* && -z $postgres_server ]]; then
  command -v pg_lsclusters >/dev/null || install postgresql
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1) || { echo "load.sh: no PostgreSQL cluster" >&2; exit 1; }
  pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true # "already running" is fine
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'inlet'\" | grep -q 1 ||
    psql -qc \"CREATE ROLE inlet LOGIN CREATEDB PASSWORD 'inlet'\"" >/dev/null
fi

# Quiet builds, unless one fails.
quietly() { local output; output=$("$@" 2>&1) || { echo "$output"; exit 1; }; }
quietly dotnet publish src/Inlet -c Release -o bench/out/inlet -nologo
quietly dotnet publish bench/Baseline -c Release -o bench/out/baseline -nologo
quietly dotnet build bench/Inlet.Load -c Release -nologo

echo "Load benchmark of $(git rev-parse --short HEAD 2>/dev/null || echo 'this tree') on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet bench/Inlet.Load/bin/Release/net10.0/Inlet.Load.dll --inlet bench/out/inlet/Inlet.dll --baseline bench/out/baseline/Baseline.dll "$@"
