#!/bin/sh
# Checker benchmark: CPU and detection latency of the health checker with N real servers on loopback
# (TCP_CHECK or HTTP_GET at delay_loop 1 s, IPVS in memory). Builds the checkers module's test classes first.
# Usage: bench/checkers.sh [tcp|http] [N] [SECONDS]     e.g. bench/checkers.sh tcp 10000; bench/checkers.sh http 2000
set -eu
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
kind=${1:-tcp}; n=${2:-10000}; seconds=${3:-20}
cd "$root"
mvn -B -q -o -pl checkers -am test-compile
# The reactor's own classes plus the two jars the checker needs (from the local Maven repository).
cp=""
for m in core ipvs-wrapper; do cp="$cp:$root/$m/target/classes:$root/$m/target/test-classes"; done
cp="$cp:$root/netlink/target/classes:$root/vrrp/target/classes"
cp="$cp:$(find ~/.m2/repository/org/slf4j/slf4j-api/2.0.16 ~/.m2/repository/net/java/dev/jna/jna/5.14.0 \
    -name '*[0-9].jar' | tr '\n' ':')"
exec java -Xmx512m -cp "$root/checkers/target/test-classes:$root/checkers/target/classes:$cp" \
    org.jkeepalived.checkers.bench.CheckerBenchmark "$kind" "$n" "$seconds"
