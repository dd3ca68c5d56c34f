#!/usr/bin/env bash
# The weekly link workflow's check: runs `npm run links` (any arguments are passed on) and writes
# the pull request's description to pull-request.md (or to $PULL_REQUEST_BODY). A newly broken link is a result: the status
# file records it and the pull request says so (exit 0). Bad input, a crash, or no network at all
# is a failure (the exit code of `npm run links`), and no description is written.
set -uo pipefail
report=$(mktemp)
npm run --silent links -- "$@" 2>&1 | tee "$report"
code=${PIPESTATUS[0]}
case "$code" in
  0) verdict="No reference broke since the last check." ;;
  3) verdict="Some references broke since the last check: see below, and fix or replace them before merging." ;;
  *)
    echo "::error::npm run links failed (exit $code): nothing is proposed" >&2
    exit "$code"
    ;;
esac
{
  echo "The weekly link check of $(date -u +%Y-%m-%d) updated content/link-status.json. $verdict"
  echo
  echo '```'
  cat "$report"
  echo '```'
} > "${PULL_REQUEST_BODY:-pull-request.md}"
