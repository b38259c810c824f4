#!/usr/bin/env bash
# Mutation testing of the domain tests with Stryker.NET, on the files you name (a whole run takes about an hour on 2 cores).
#
#   scripts/mutation.sh Accounts/AccountDeletionService.cs Accounts/PasswordResetService.cs
#
# Each argument is a path under InFocus.Domain/ (globs allowed, e.g. 'Accounts/*.cs'). Starts the local services the
# domain tests need unless they already run (from this checkout or another). The HTML and JSON reports go to
# .local/mutation/<time>/reports; the score is the last line.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -eq 0 ]]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi

# A second checkout (a clean clone to mutate while you keep working) uses the services the first one started: the
# domain tests only need them listening on their ports.
if (exec 3<>"/dev/tcp/127.0.0.1/${INFOCUS_PG_PORT:-55432}") 2>/dev/null; then
  echo "mutation.sh: PostgreSQL already answers on port ${INFOCUS_PG_PORT:-55432}; using the services running there"
else
  "$ROOT_DIR/scripts/services.sh" start
fi
dotnet tool restore >/dev/null
mutate=()
for path in "$@"; do
  mutate+=(--mutate "**/InFocus.Domain/$path")
done

output="$ROOT_DIR/.local/mutation/$(date -u +%Y%m%dT%H%M%SZ)"
cd "$ROOT_DIR/tests/InFocus.Domain.Tests"
dotnet stryker --project InFocus.Domain.csproj "${mutate[@]}" --reporter html --reporter json --reporter progress --output "$output"
