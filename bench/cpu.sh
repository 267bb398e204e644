#!/bin/sh
# CPU use of jkeepalived beside keepalived 2.2.7 on the same configuration (root; a benchmark, not a test):
# INSTANCES VRRPv3 instances (default 255) with advert_int 0.1, each MASTER of its VRID on one veth in a
# throwaway network namespace (192.0.2.0/24, VIPs in 198.51.100.0/24 and 203.0.113.0/24), so every instance
# sends 10 adverts a second. After WARMUP seconds (default 15; JIT and start-up done) it samples utime+stime of
# every process of the daemon (/proc/PID/stat of the parent and its children) over WINDOW seconds (default 60)
# and prints CPU seconds per minute, and the adverts per second seen on the wire.
# Usage: bench/cpu.sh [WINDOW_SECONDS] [INSTANCES] [WARMUP_SECONDS]   (build first: mvn -B -q package -DskipTests)
set -eu
window=${1:-60}
count=${2:-255}
warmup=${3:-15}
. "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_namespace jkcpu

awk -v n="$count" 'BEGIN {
    print "global_defs {\n    router_id CPU\n    vrrp_version 3\n}"
    for (i = 1; i <= n; i++) {
        printf "vrrp_instance VI_%d {\n    interface eth0\n    virtual_router_id %d\n", i, i
        printf "    priority 100\n    advert_int 0.1\n"
        printf "    virtual_ipaddress {\n        %s.%d/32\n    }\n}\n", (i < 128 ? "198.51.100" : "203.0.113"), i % 128 + 1
    }
}' > "$work/cpu.conf"

ticks() { # clock ticks used by the daemon and its children so far
    t=0
    for p in $daemon $(pgrep -P "$daemon" | tr '\n' ' '); do
        # fields 14 and 15 after the ")" that ends the command name
        v=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 }') || v=0
        t=$((t + ${v:-0}))
    done
    echo "$t"
}

hz=$(getconf CLK_TCK)
printf '%-12s %s\n' program "CPU over ${window} s, $count instances x advert_int 0.1 (VRRPv3)"
for prog in jkeepalived keepalived; do
    launch "$prog" "$work/cpu.conf"
    sleep "$warmup"
    n=$(pgrep -P "$daemon" | wc -l)
    t0=$(ticks)
    ip netns exec "$ns" timeout "$window" tcpdump -i eth1 -n -q 'ip proto 112' 2>/dev/null | wc -l > "$work/adverts" &
    counter=$!
    sleep "$window"
    t1=$(ticks)
    wait "$counter" # not a bare wait: the daemon is a background job too
    adverts=$(cat "$work/adverts")
    stop
    awk -v a="$t0" -v b="$t1" -v hz="$hz" -v w="$window" -v n="$n" -v ad="$adverts" -v p="$prog" 'BEGIN {
        s = (b - a) / hz
        printf "%-12s %.2f CPU s per minute (%.1f%% of one core), %d processes, %.0f adverts/s on the wire\n",
            p, s * 60 / w, s * 100 / w, n + 1, ad / w }'
done
