#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing (Debian's Chromium and PostgreSQL), starts PostgreSQL,
# then runs the whole suite on SQLite and the HTTP suite again on PostgreSQL. Extra arguments go to both test runs.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq && apt_updated=1; }
  as_root apt-get install -y -qq "$@" >/dev/null || { echo "test.sh: could not install $*" >&2; exit 1; }
}

# The Backoffice tests drive Debian's Chromium through Playwright (it cannot download a browser of its own here).
[ -x "${INLET_CHROMIUM:-/usr/bin/chromium}" ] || install chromium

# The PostgreSQL pass runs on a local cluster unless INLET_TEST_POSTGRES names a server already.
if [ -z "${INLET_TEST_POSTGRES:-}" ]; then
  command -v pg_lsclusters >/dev/null || install postgresql
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1)
  [ -n "${version:-}" ] || { echo "test.sh: no PostgreSQL cluster found" >&2; exit 1; }
  as_root pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  # pg_signal_backend: dropping a test database WITH (FORCE) ends an autovacuum worker that may be in it.
  as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'inlet_test'\" | grep -q 1 ||
    psql -qc \"CREATE ROLE inlet_test LOGIN CREATEDB PASSWORD 'inlet_test'\"; psql -qc \"GRANT pg_signal_backend TO inlet_test\"" >/dev/null
  export INLET_TEST_POSTGRES="Host=127.0.0.1;Username=inlet_test;Password=inlet_test"
fi

dotnet build -v quiet -nologo || exit 1
status=0
echo "== the suite on SQLite"
dotnet test --no-build --ignore-exit-code 8 --filter-not-trait "Store=postgres" "$@" || status=1
echo "== the HTTP suite on PostgreSQL"
INLET_TEST_STORE=postgres dotnet test --no-build --ignore-exit-code 8 --project tests/Inlet.Tests --filter-not-trait "Store=sqlite" "$@" || status=1
exit $status
