#!/usr/bin/env bash
# The history benchmark (docs/performance.md, "History at a million rows"): publishes Inlet in Release, seeds a fresh
# store with a month of request logs and events straight through SQL, starts Inlet on it and times what a user reads
# (the Backoffice webhook list, log searches), each a median and a ratio to a primary-key look-up of the same run.
#   bench/history.sh                                   # SQLite, 1,000,000 logs and events over 30 days
#   bench/history.sh --store postgres --runs 15        # PostgreSQL (--postgres or INLET_BENCH_POSTGRES names the server)
#   bench/history.sh --logs 100000 --events 100000     # smaller, quicker
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

quietly() { local output; output=$("$@" 2>&1) || { echo "$output"; exit 1; }; }
quietly dotnet publish src/Inlet -c Release -o bench/out/inlet -nologo
quietly dotnet build bench/Inlet.Load -c Release -nologo

echo "History benchmark of $(git rev-parse --short HEAD 2>/dev/null || echo 'this tree') on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
# A run takes minutes (most of it the seeding); the timeout stops one that hangs, and the driver cleans up on SIGTERM.
timeout 45m dotnet bench/Inlet.Load/bin/Release/net10.0/Inlet.Load.dll history --inlet bench/out/inlet/Inlet.dll "$@"
