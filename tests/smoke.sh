#!/usr/bin/env bash
# End-to-end check with curl, as a new user would run it (see the README):
# start the server, ask for a shortlist as a rekrutteringsrådgiver, tag a candidate as their
# veileder, and see the tag lift that candidate in the next shortlist.
#
#   bash tests/smoke.sh                  # uses target/release/jobbmatch (cargo build --release)
#   JOBBMATCH_BIN=target/debug/jobbmatch bash tests/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${JOBBMATCH_BIN:-target/release/jobbmatch}
PORT=${PORT:-18080}
WORK=$(mktemp -d)
URL="http://127.0.0.1:$PORT"
ADVISOR="Authorization: Bearer dev-radgiver"
VEILEDER="Authorization: Bearer dev-veileder"   # V1042
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -x "$BIN" ] || { echo "build first: cargo build --release (or set JOBBMATCH_BIN)"; exit 1; }
"$BIN" serve --addr "127.0.0.1:$PORT" --index "$WORK/index" --candidates fixtures/candidates.jsonl >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$URL/health"; echo

# A shortlist for the workshop need, as the advisor: everyone who qualifies, so there is room to climb.
python3 -c 'import json,sys; n=json.load(open("fixtures/needs/bilverksted.json")); n["top"]=500; print(json.dumps(n))' >"$WORK/need.json"
shortlist() { curl -fs -H "$ADVISOR" -H 'Content-Type: application/json' --data @"$WORK/need.json" "$URL/v1/shortlists"; }
shortlist >"$WORK/before.json"

# A candidate V1042 follows, on the list, whose interest in cars nobody has recorded.
ID=$(python3 - "$WORK/before.json" <<'PY'
import json, sys
followed = {json.loads(l)["id"] for l in open("fixtures/candidates.jsonl") if '"veileder":"V1042"' in l}
shortlist = json.load(open(sys.argv[1]))
for entry in reversed(shortlist["candidates"]):
    interest = next(c for c in entry["criteria"] if c["kind"] == "interest")
    if entry["id"] in followed and not interest["matched"]:
        print(entry["id"]); break
PY
)
[ -n "$ID" ] || { echo "no untagged candidate of V1042 on the shortlist"; exit 1; }
rank() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(next(e["rank"] for e in s["candidates"] if e["id"]==sys.argv[2]))' "$1" "$ID"; }
BEFORE=$(rank "$WORK/before.json")
echo "before: $ID is number $BEFORE"

# The veileder tags the interest (201 Created: durable when answered).
curl -fs -H "$VEILEDER" -H 'Content-Type: application/json' \
  --data '{"label":"interessert i bil og motor","kind":"interest"}' "$URL/v1/candidates/$ID/tags"; echo

sleep 1   # acknowledged changes reach shortlists within a second
shortlist >"$WORK/after.json"
AFTER=$(rank "$WORK/after.json")
python3 - "$WORK/after.json" "$ID" <<'PY'
import json, sys
entry = next(e for e in json.load(open(sys.argv[1]))["candidates"] if e["id"] == sys.argv[2])
interest = next(c for c in entry["criteria"] if c["kind"] == "interest")
print(f'after:  {entry["id"]} is number {entry["rank"]}; interest matched by {interest["how"]}:',
      interest["evidence"]["text"], "— tagged by", interest["evidence"]["tagged_by"])
assert interest["how"] == "tag" and interest["evidence"]["tagged_by"] == "V1042"
PY
[ "$AFTER" -lt "$BEFORE" ] || { echo "the tag did not lift $ID ($BEFORE → $AFTER)"; exit 1; }
grep -c '"action":"shortlist"' "$WORK/index/audit.jsonl" | xargs echo "audit lines for shortlists:"
kill -TERM "$SERVER"; wait "$SERVER" || true
echo "smoke test passed: the tag lifted $ID from $BEFORE to $AFTER"
