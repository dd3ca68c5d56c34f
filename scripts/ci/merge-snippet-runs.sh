#!/usr/bin/env bash
# The deploy workflow's merge: adds the record file of every snippet job (the shell expands the
# pattern it is given) to content/snippet-runs.json. It fails when a job's file is missing, when
# two files are of one interpreter, or when a file carries runs of an interpreter that did not
# make it; the interpreters expected are the snippet job's matrix, read from the workflow itself.
set -euo pipefail
workflow=.github/workflows/deploy.yml
expected=$(node_modules/.bin/tsx scripts/ci/workflow-matrix.ts "$workflow" snippets python)
npm run snippets -- --merge --expect "$expected" "$@"
