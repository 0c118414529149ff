#!/usr/bin/env bash
# After `docker compose up`: is the campaign reachable through the published gateway, and is a reported card
# counted? Waits for the gateway, draws a prisoner as a new visitor, reports a postcard under the campaign
# "smoke-test" and waits until the counters have it. Exits non-zero on the first thing that fails.
#
#   compose/smoke-test.sh [gateway URL, default http://localhost:${GATEWAY_PORT:-8080}] [seconds to wait, default 300]
#
# It counts one card (under the campaign "smoke-test", so the real campaign's figures stay apart): run it before a
# campaign opens, after an upgrade, or on a staging copy. The registry must hold at least one prisoner to draw.
set -euo pipefail

base="${1:-http://localhost:${GATEWAY_PORT:-8080}}"
wait_seconds="${2:-300}"
base="${base%/}"

fail() {
	echo "SMOKE TEST FAILED: $*" >&2
	exit 1
}

# the value of a field of the gateway's small JSON answers: the first occurrence, which for the fields read here is
# the top-level one (an assignment's own id comes before its prisoner's)
field() {
	grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}[^\",}]*" | head -n 1 | sed 's/.*:[[:space:]]*"\{0,1\}//'
}

echo "Waiting up to ${wait_seconds}s for ${base} ..."
deadline=$((SECONDS + wait_seconds))
until stats="$(curl -fsS --max-time 5 "${base}/api/stats" 2>/dev/null)"; do
	[ "$SECONDS" -lt "$deadline" ] || fail "no answer from ${base}/api/stats within ${wait_seconds}s"
	sleep 3
done
prisoners="$(field prisoners <<<"$stats")"
[ -n "$prisoners" ] || fail "/api/stats answered without a prisoner count: $stats"
[ "$prisoners" -gt 0 ] || fail "the registry holds no prisoner to draw; import the campaign's prisoners first"
before="$(curl -fsS --max-time 5 "${base}/api/stats?campaign=smoke-test" | field cardsSent)"
[ -n "$before" ] || fail "/api/stats?campaign=smoke-test answered without cardsSent"
echo "Gateway answers: ${prisoners} prisoners, ${before} smoke-test cards so far."

curl -fsS --max-time 5 -o /dev/null "${base}/" || fail "the campaign page does not load"

visitor="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
assignment="$(curl -sS --max-time 10 -X POST -H "Visitor-Token: ${visitor}" -w '\n%{http_code}' "${base}/api/assignments")"
status="${assignment##*$'\n'}"
[ "$status" = 201 ] || fail "drawing a prisoner answered ${status}: ${assignment%$'\n'*}"
id="$(field id <<<"${assignment%$'\n'*}")"
[ -n "$id" ] || fail "the assignment has no id: ${assignment%$'\n'*}"
echo "Drew an assignment."

report="$(curl -sS --max-time 10 -X POST -H "Visitor-Token: ${visitor}" -H 'Content-Type: application/json' \
	-d '{"item":"POSTCARD","campaign":"smoke-test"}' -w '\n%{http_code}' "${base}/api/assignments/${id}/report")"
status="${report##*$'\n'}"
[ "$status" = 202 ] || fail "reporting the card answered ${status}: ${report%$'\n'*}"
echo "Reported a postcard; waiting for the counters ..."

deadline=$((SECONDS + 60))
while :; do
	after="$(curl -fsS --max-time 5 "${base}/api/stats?campaign=smoke-test" | field cardsSent || true)"
	if [ -n "$after" ] && [ "$after" -gt "$before" ]; then
		break
	fi
	[ "$SECONDS" -lt "$deadline" ] || fail "the reported card was not counted within 60s (smoke-test cards: ${after:-?})"
	sleep 2
done
echo "Smoke test passed: the card was counted (smoke-test cards: ${before} -> ${after})."
