#!/bin/sh
# No false transition at VRRPv3 advert_int 0.01 while the VRRP children's JVMs are under allocation
# pressure (root; a benchmark, not a test). Two jkeepalived routers on one veth LAN in two throwaway network
# namespaces (192.0.2.0/24, VIP 198.51.100.1): A priority 150 (MASTER), B priority 100 (BACKUP). Both VRRP
# children allocate ALLOC_MBPS MB/s of garbage (the JKEEPALIVED_BENCH_ALLOC_MBPS benchmark hook, read only by
# the VRRP child) with the GC options in GC_OPTS, logging GC pauses and safepoints (-Xlog). Prints, after
# DURATION seconds: B's entries into MASTER (must be 0), A's exits from MASTER, adverts seen on the wire, the
# longest gap between two of A's adverts (tcpdump timestamps in B's namespace), the longest GC pause and the
# longest safepoint of each child. Master_Down_Interval is 3 x 10 ms + skew 6.1 ms = 36.1 ms.
# The child JVMs keep the serial collector and get a fixed heap with a large young generation (GC_OPTS,
# default -Xms64m -Xmx64m -Xmn32m): the garbage dies young, so each collection copies only the few MiB that
# live and takes about a millisecond, the heap never resizes and nothing reaches a full collection; and the
# serial collector runs no concurrent threads that would compete with the advert thread for the CPUs.
# Both configurations set vrrp_rt_priority RT (default 10): jkeepalived then runs only its scheduler and
# advert receive threads under SCHED_RR, so that other work on a shared 2-vCPU machine (and the garbage
# thread itself) does not pass for a GC effect. RT= (empty) leaves it out; PRIO wraps both daemons in a
# command (default none; 'chrt -r 10' puts every thread of both JVMs under SCHED_RR, as the first runs did).
# Compare: GC_OPTS='-XX:-UseSerialGC -XX:+UseZGC -Xms64m -Xmx64m', RT= , or PRIO='chrt -r 10'.
# KEEPALIVED=1 runs a keepalived 2.2.7 pair on its own veth LAN at the same time, with the same configuration
# (no garbage, no JVM): the same figures for it tell what the host itself does to a real-time process (the
# gaps over 30 ms of both pairs are listed with their times, and the CPU time the hypervisor stole).
# GLOBAL_EXTRA adds lines to both global_defs, e.g. 'max_auto_priority 10' and 'min_auto_priority_delay 15000'
# to have each daemon log its scheduler running more than 15 ms late ("A thread timer expired ...").
# Usage: bench/gc-pressure.sh [DURATION_SECONDS (600)] [ALLOC_MBPS (100)]
#        GC_OPTS='-XX:-UseSerialGC -XX:+UseZGC -Xms64m -Xmx64m' PRIO=env bench/gc-pressure.sh 60
# Build first: mvn -B -q package -DskipTests
set -eu
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
duration=${1:-600}
rate=${2:-100}
gc_opts=${GC_OPTS:--Xms64m -Xmx64m -Xmn32m}
prio=${PRIO:-env}
rt=${RT-10}
pairs="jk"; [ -n "${KEEPALIVED:-}" ] && pairs="jk ka"
tag="jkgc$$"
work=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill -9 $p $(pgrep -P "$p" 2>/dev/null) 2>/dev/null || true; done
    for n in $pairs; do ip netns del "$tag$n-a" 2>/dev/null || true; ip netns del "$tag$n-b" 2>/dev/null || true; done
    [ -n "${KEEP_WORK:-}" ] && echo "work files kept in $work" || rm -rf "$work"
}
trap cleanup EXIT INT TERM

conf() { # priority
    cat <<C
global_defs {
    router_id GC$1
    vrrp_version 3
${rt:+    vrrp_rt_priority $rt}
${GLOBAL_EXTRA:-}
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priority $1
    advert_int 0.01
    virtual_ipaddress {
        198.51.100.1/32
    }
}
C
}
conf 150 > "$work/a.conf"; conf 100 > "$work/b.conf"

launch() { # pair router(a|b)
    ns="$tag$1-$2"
    if [ "$1" = ka ]; then
        ip netns exec "$ns" $prio keepalived -n -l -P -G -f "$work/$2.conf" -p "$work/$1$2.pid" \
            -r "$work/$1$2_vrrp.pid" > "$work/$1$2.log" 2>&1 &
    else
        ip netns exec "$ns" $prio env JKEEPALIVED_BENCH_ALLOC_MBPS="$rate" \
            JKEEPALIVED_CHILD_JAVA_OPTS="$gc_opts -Xlog:gc,gc+phases,safepoint:file=$work/gc-$2-%p.log" \
            "$root/bin/jkeepalived" -n -l -P -G -f "$work/$2.conf" -p "$work/$1$2.pid" -r "$work/$1$2_vrrp.pid" \
            > "$work/$1$2.log" 2>&1 &
    fi
    pids="$pids $!"
}
waitlog() { # file pattern seconds
    i=0; while ! grep -q "$2" "$1" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt $(($3 * 10)) ] && { echo "timeout waiting for '$2' in $1" >&2; cat "$1" >&2; exit 1; }
        sleep 0.1
    done
}

for n in $pairs; do
    ip netns add "$tag$n-a"; ip netns add "$tag$n-b"
    ip link add eth0 netns "$tag$n-a" type veth peer name eth0 netns "$tag$n-b"
    ip -n "$tag$n-a" addr add 192.0.2.1/24 dev eth0
    ip -n "$tag$n-b" addr add 192.0.2.2/24 dev eth0
    for r in a b; do ip -n "$tag$n-$r" link set eth0 up; ip -n "$tag$n-$r" link set lo up; done
    launch "$n" a
    waitlog "$work/${n}a.log" "(VI_1) Entering MASTER STATE" 60
    launch "$n" b
    waitlog "$work/${n}b.log" "(VI_1) Entering BACKUP STATE" 60
done
sleep 2
for n in $pairs; do
    ip netns exec "$tag$n-b" tcpdump -i eth0 -n -tt -l 'ip proto 112 and src 192.0.2.1' > "$work/$n-adverts.txt" 2>/dev/null &
    pids="$pids $!"
done
echo "running $duration s: VRRPv3 advert_int 0.01, $rate MB/s of garbage in each jkeepalived VRRP child, vrrp_rt_priority '${rt}', under '$prio', child JVM options: $gc_opts; pairs: $pairs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
steal0=$(awk '/^cpu /{print $9}' /proc/stat)
sleep "$duration"
steal1=$(awk '/^cpu /{print $9}' /proc/stat)
for p in $pids; do kill -TERM $p 2>/dev/null || true; done
sleep 3

for n in $pairs; do
    b_master=$(grep -c "Entering MASTER STATE" "$work/${n}b.log" || true)
    a_left=$(grep -c "Entering BACKUP STATE$\|Entering FAULT STATE" "$work/${n}a.log" || true)
    died=$(cat "$work/${n}a.log" "$work/${n}b.log" | grep -c "died" || true)
    echo "== $n"
    printf 'B entered MASTER: %s times (must be 0)\n' "$b_master"
    printf 'A left MASTER:    %s times; VRRP children that died: %s\n' "$a_left" "$died"
    awk '{ t = $1; if (p != "" && t - p > m) m = t - p; p = t; n++ } END { printf "A adverts at B:   %d adverts, longest gap %.1f ms\n", n, m * 1000 }' "$work/$n-adverts.txt"
    # the gaps over 30 ms with their wall-clock times, to set beside the logs and the other pair's gaps
    awk '{ t = $1; if (p != "" && t - p > 0.03) printf "  gap %.1f ms ending at %s%s\n", (t - p) * 1000, strftime("%H:%M:%S", t), substr(sprintf("%.3f", t), index(sprintf("%.3f", t), ".")); p = t }' "$work/$n-adverts.txt" | head -20
done
printf 'CPU time stolen by the hypervisor meanwhile: %s ticks of 10 ms\n' "$((steal1 - steal0))"
for f in "$work"/gc-*.log; do
    # "Pause Young (Allocation Failure) 5M->1M(30M) 0.512ms", ZGC's "Pause Mark Start 0.012ms" (gc+phases);
    # a safepoint's Total (reaching it plus time at it) is what the advert thread waits, whatever the collector
    awk -v f="$(basename "$f")" '
        /Pause/ && match($0, /[0-9.]+ms$/) { v = substr($0, RSTART, RLENGTH - 2) + 0; n++; if (v > m) m = v
            # the JVM uptime in brackets: the first collections copy what start-up left, before VRRP runs
            split($0, u, /[][s]/); if (u[2] + 0 >= 5 && v > w) w = v }
        /Safepoint/ && match($0, /Total: [0-9]+ ns/) { s = substr($0, RSTART + 7, RLENGTH - 10) / 1e6; k++; if (s > x) x = s }
        /Allocation Stall/ { st++ }
        END { printf "%s: %d GC pauses, longest %.2f ms (%.2f ms after the first 5 s); %d safepoints, longest %.2f ms; %d allocation stalls\n", f, n, m, w, k, x, st }' "$f"
done
