#!/usr/bin/env bash
# Starts Keycloak 26.7.3 in the foreground on 127.0.0.1:8180 with a fresh import of the repo's realm:
# org.keycloak:keycloak-quarkus-dist from Maven Central, unpacked once under ~/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."
KC_VERSION=26.7.3
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/allowlist-portal
KC_HOME=$CACHE/keycloak-$KC_VERSION
KC_JAVA=${KC_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$KC_JAVA/bin/java" ] || KC_JAVA=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
mkdir -p "$CACHE"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$CACHE"
  rm -rf "$KC_HOME" && unzip -q "$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$CACHE"
  [ -d "$KC_HOME" ] || mv "$CACHE/keycloak-$KC_VERSION" "$KC_HOME"
fi
rm -rf "$KC_HOME/data/h2"   # a fresh realm import every run
mkdir -p "$KC_HOME/data/import"
cp src/main/docker/keycloak/portal-realm.json "$KC_HOME/data/import/portal-realm.json"
export JAVA_HOME=$KC_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
exec "$KC_HOME/bin/kc.sh" start-dev --http-port=8180 --http-host=127.0.0.1 --import-realm
