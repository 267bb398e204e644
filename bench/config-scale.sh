#!/bin/sh
# Times `-t` on a generated 10,000-instance / 1,000-virtual-server config, jkeepalived beside
# keepalived, inside a throwaway namespace that has the interfaces the config names (root needed).
# Usage: bench/config-scale.sh [INSTANCES] [SERVERS] [RUNS]
set -eu
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
instances=${1:-10000}; servers=${2:-1000}; runs=${3:-5}
work=$(mktemp -d); ns="jkbench$$"
trap 'ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/bench/gen-large-config.sh" "$instances" "$servers" > "$work/large.conf"
ip netns add "$ns"
ifaces=$(( (instances + 249) / 250 ))
i=0
while [ "$i" -lt "$ifaces" ]; do
    ip -n "$ns" link add "eth$i" type veth peer name "peer$i"
    ip -n "$ns" link set "eth$i" up
    i=$((i + 1))
done
echo "config: $(wc -l < "$work/large.conf") lines, $instances vrrp_instances, $servers virtual_servers"
now() { date +%s%N; }
for tool in jkeepalived keepalived; do
    best=""; total=0; r=0
    while [ "$r" -lt "$runs" ]; do
        if [ "$tool" = jkeepalived ]; then cmd="$root/bin/jkeepalived"; else cmd=keepalived; fi
        t0=$(now)
        ip netns exec "$ns" "$cmd" -t -f "$work/large.conf" > "$work/$tool.out" 2>&1 && rc=0 || rc=$?
        ms=$(( ($(now) - t0) / 1000000 ))
        total=$((total + ms)); r=$((r + 1))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$tool -t: exit $rc, best ${best} ms, mean $((total / runs)) ms over $runs runs (whole process)"
done
# In-process figure: the loader alone, after JVM start-up, best of 5 after warm-up.
ip netns exec "$ns" java -cp "$root/watchdog/target/lib/*:$root/watchdog/target/test-classes" \
    org.jkeepalived.watchdog.ConfigLoadBenchmark "$work/large.conf"
