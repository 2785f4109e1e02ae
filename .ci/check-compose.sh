#!/usr/bin/env bash
# Checks docker-compose.yml for structure with Debian's docker-compose (1.29): `config -q` validates the file
# against the Compose schema, resolves anchors and build paths, and needs no Docker engine (none here).
# Installs docker-compose when missing. Exits non-zero when the file is invalid or the tool cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose > /dev/null 2>&1; then
    echo "check-compose: installing docker-compose (apt-get)"
    if [ "$(id -u)" -ne 0 ]; then
        echo "check-compose: docker-compose is missing and installing it needs root" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt_log=$(mktemp)
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose; } > "$apt_log" 2>&1; then
        cat "$apt_log" >&2
        rm -f "$apt_log"
        echo "check-compose: could not install docker-compose" >&2
        exit 1
    fi
    rm -f "$apt_log"
fi

for file in deploy/Dockerfile deploy/postgres/init.sql; do
    if [ ! -f "$file" ]; then
        echo "check-compose: $file (used by docker-compose.yml) is missing" >&2
        exit 1
    fi
done

if docker-compose -f docker-compose.yml config -q; then
    echo "check-compose: docker-compose.yml is valid ($(docker-compose version --short 2>/dev/null || echo docker-compose))"
else
    echo "check-compose: docker-compose.yml is NOT valid" >&2
    exit 1
fi
