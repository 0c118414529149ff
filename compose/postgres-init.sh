#!/usr/bin/env bash
# The postgres image runs this once, when the data volume is empty (docker-entrypoint-initdb.d), against its
# temporary socket-only server: a role and a database for each service. Later changes of the passwords in .env
# do not reach an initialised volume; the README says how to rotate them.
set -euo pipefail

: "${PRISONERS_DATABASE_PASSWORD:?set PRISONERS_DATABASE_PASSWORD}"
: "${CONTENT_DATABASE_PASSWORD:?set CONTENT_DATABASE_PASSWORD}"

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
	-v prisoners_password="$PRISONERS_DATABASE_PASSWORD" -v content_password="$CONTENT_DATABASE_PASSWORD" \
	-f "${DATABASES_SQL:-/solidarity-post/databases.sql}"
