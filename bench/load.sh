#!/usr/bin/env bash
# The load benchmark (docs/performance.md): publishes Inlet and the baseline app in Release, then drives each with wrk on
# loopback in alternating rounds and prints a Markdown table. Arguments go to the driver, e.g.
#   bench/load.sh --loads point-add@64,mixed@64 --rounds 3 --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

# Quiet builds, unless one fails.
quietly() { local output; output=$("$@" 2>&1) || { echo "$output"; exit 1; }; }
quietly dotnet publish src/Inlet -c Release -o bench/out/inlet -nologo
quietly dotnet publish bench/Baseline -c Release -o bench/out/baseline -nologo
quietly dotnet build bench/Inlet.Load -c Release -nologo

echo "Load benchmark of $(git rev-parse --short HEAD 2>/dev/null || echo 'this tree') on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet bench/Inlet.Load/bin/Release/net10.0/Inlet.Load.dll --inlet bench/out/inlet/Inlet.dll --baseline bench/out/baseline/Baseline.dll "$@"
