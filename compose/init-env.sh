#!/usr/bin/env bash
# Writes the secrets a compose installation needs into .env beside docker-compose.yml, once: an existing .env is
# never overwritten, because a new ASSIGNMENT_TOKEN_KEY makes open assignments unreportable and new database
# passwords do not reach an initialised volume. Keep a copy of .env with the campaign's other secrets.
set -euo pipefail
cd "$(dirname "$0")/.."

# the load balancer's TLS pair for docker-compose.ha.yml: self-signed until the operator puts the real one there
if [ ! -e compose/tls/certificate.pem ] && command -v openssl >/dev/null 2>&1; then
	mkdir -p compose/tls
	openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
		-keyout compose/tls/key.pem -out compose/tls/certificate.pem 2>/dev/null
	echo "Wrote a self-signed TLS pair to compose/tls (replace it with the campaign's certificate)." >&2
fi

if [ -e .env ]; then
	echo ".env exists; nothing changed." >&2
	exit 0
fi

secret() { # 32 random bytes, printable and safe in a URL, a shell and a PostgreSQL password
	head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

umask 077
cat >.env <<ENV
# Made by compose/init-env.sh on $(date -u +%Y-%m-%d). Secrets: keep them, do not commit them.
ADMIN_PASSWORD=$(secret)
POSTGRES_PASSWORD=$(secret)
PRISONERS_DATABASE_PASSWORD=$(secret)
CONTENT_DATABASE_PASSWORD=$(secret)
ASSIGNMENT_TOKEN_KEY=$(secret)
RATE_LIMIT_KEY_SECRET=$(secret)
ADMIN_TOKEN_SECRET=$(secret)
# the Kafka cluster's id: 16 random bytes in URL-safe base64, fixed for the life of the kafka-data volume
KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
ENV
echo "Wrote .env (admin user: admin, password in .env)." >&2
