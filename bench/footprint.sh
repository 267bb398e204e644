#!/bin/sh
# Footprint of jkeepalived beside keepalived 2.2.7 on the same configuration (root; not a test):
#   - start-up: time from launching the daemon to its first VRRP advert on the wire (tcpdump's
#     timestamp of the first packet minus the launch time), one address-owner instance (priority 255,
#     which is MASTER at once in both programs, so no protocol timer is measured);
#   - memory: RSS and PSS (/proc/PID/smaps_rollup; PSS counts pages shared between the JVMs, such as
#     libjvm and the class-data-sharing archive, once) of the parent plus its children, idle for
#     IDLE seconds, with 1 and with 255 instances.
# Runs in a throwaway network namespace with a documentation prefix; removes everything it made.
# Usage: bench/footprint.sh [IDLE_SECONDS]   (build first: mvn -B -q package -DskipTests)
set -eu
idle=${1:-15}
. "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_namespace jkfoot

config() { # instances priority > file
    awk -v n="$1" -v p="$2" 'BEGIN {
        print "global_defs {\n    router_id FOOT\n}"
        for (i = 1; i <= n; i++) {
            printf "vrrp_instance VI_%d {\n    interface eth0\n    virtual_router_id %d\n", i, i
            printf "    priority %d\n    advert_int 1\n", p
            printf "    virtual_ipaddress {\n        198.51.100.%d/32\n    }\n}\n", i
        }
    }'
}

startup() { # program: milliseconds from launch to the first advert
    config 1 255 > "$work/s.conf"
    ip netns exec "$ns" tcpdump -i eth1 -n -c 1 -tt -l 'ip proto 112' > "$work/tcpdump.out" 2>/dev/null &
    dump=$!
    sleep 1 # tcpdump needs a moment to open its capture
    t0=$(date +%s.%N)
    launch "$1" "$work/s.conf"
    i=0; while kill -0 "$dump" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    kill "$dump" 2>/dev/null || true
    t1=$(cut -d' ' -f1 "$work/tcpdump.out" | head -1)
    stop
    awk -v a="$t0" -v b="$t1" 'BEGIN { if (b == "") print "none"; else printf "%.0f\n", (b - a) * 1000 }'
}

memory() { # program instances: "RSS_MiB PSS_MiB processes" of the parent and its children
    config "$2" 100 > "$work/m.conf"
    launch "$1" "$work/m.conf"
    sleep "$idle"
    pids="$daemon $(pgrep -P "$daemon" | tr '\n' ' ')"
    # the launcher exec's the JVM, so $daemon is the parent itself; count its descendants (children)
    rss=0; pss=0; n=0
    for p in $pids; do
        r=$(awk '/^Rss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
        s=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
        rss=$((rss + r)); pss=$((pss + s)); n=$((n + 1))
    done
    stop
    awk -v r="$rss" -v s="$pss" -v n="$n" 'BEGIN { printf "%.1f %.1f %d\n", r / 1024, s / 1024, n }'
}

printf '%-12s %-22s %s\n' program measure value
for prog in jkeepalived keepalived; do
    command -v "$prog" > /dev/null 2>&1 || [ "$prog" = jkeepalived ] || { echo "$prog: not installed"; continue; }
    printf '%-12s %-22s %s ms\n' "$prog" "start-up to 1st advert" "$(startup "$prog")"
    for n in 1 255; do
        set -- $(memory "$prog" "$n")
        printf '%-12s %-22s RSS %s MiB, PSS %s MiB (%s processes)\n' "$prog" "idle, $n instance(s)" "$1" "$2" "$3"
    done
done
