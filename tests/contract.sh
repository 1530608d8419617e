#!/usr/bin/env bash
# The OpenAPI document against the running service, with schemathesis (PyPI): generated requests
# from the document, for each role, and every answer checked against what the document declares
# (status codes, content types, headers, bodies), plus no 5xx and no accepted invalid input.
#
#   bash tests/contract.sh               # uses target/debug/jobbmatch (cargo build)
#   JOBBMATCH_CONTRACT_SECONDS=600 bash tests/contract.sh   # a longer run (default 30 s a role)
#
# Left out: `positive_data_acceptance`, which expects every request the schema allows to be
# accepted. Some rules span fields and cannot be said in the schema — a distance needs the job's
# location, the lowest acceptable extent must be within the job's extent, a criterion's value
# must suit its kind (a number for extent and distance, a date, a shift) — and such requests get
# a 400 that names the field.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${JOBBMATCH_BIN:-target/debug/jobbmatch}
PORT=${PORT:-18081}
SECONDS_PER_ROLE=${JOBBMATCH_CONTRACT_SECONDS:-30}
SCHEMATHESIS_VERSION=4.32.5
WORK=$(mktemp -d)
URL="http://127.0.0.1:$PORT"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if ! python3 -m schemathesis.cli --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    python3 -m pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
[ -x "$BIN" ] || { echo "build first: cargo build (or set JOBBMATCH_BIN)"; exit 1; }
"$BIN" serve --addr "127.0.0.1:$PORT" --lexical-only --index "$WORK/index" \
    --candidates fixtures/candidates.jsonl >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done

status=0
for token in dev-radgiver dev-veileder dev-admin; do
    echo "== schemathesis as $token ($SECONDS_PER_ROLE s)"
    log="$WORK/schemathesis-$token.log"
    if (cd "$WORK" && python3 -m schemathesis.cli run "$URL/openapi.json" \
        -H "Authorization: Bearer $token" --max-time "$SECONDS_PER_ROLE" \
        --exclude-checks positive_data_acceptance --no-color) >"$log" 2>&1; then
        tail -"${JOBBMATCH_CONTRACT_LINES:-25}" "$log"
    else
        # A failure is rare and random (fuzzing): print every failing case with its request
        # (operation, status, body and the curl line to replay it), not only the summary.
        cat "$log"
        status=1
    fi
done
exit $status
