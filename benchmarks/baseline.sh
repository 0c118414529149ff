#!/usr/bin/env bash
# Builds the assignment service as it was at an earlier commit, for the draw-cost benchmark:
#   benchmarks/baseline.sh c7db48c
#   java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar drawcost
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk

commit="$(git rev-parse --short "${1:?usage: benchmarks/baseline.sh <commit>}")"
source=$(mktemp -d)
trap 'rm -rf "$source"' EXIT
git archive "$commit" | tar -x -C "$source"
(cd "$source" && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip -pl assignment-service -am package)
mkdir -p benchmarks/target/baseline
cp "$source"/assignment-service/target/assignment-service-*-exec.jar "benchmarks/target/baseline/assignment-service-$commit.jar"
echo "benchmarks/target/baseline/assignment-service-$commit.jar"
