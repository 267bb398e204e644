#!/bin/bash
# Failover timing, jkeepalived beside keepalived 2.2.7 (root; builds and deletes its own namespaces).
# For each scenario and daemon (the same daemon on both routers, priorities 150 and 100), RUNS times:
#   takeover  = VIP added on the backup (ip -ts monitor address) - the master's last advert on the
#               wire (tcpdump -tt on the master's bridge port), after SIGKILL of the master;
#               compared with Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time.
#   announce  = first GARP/NA for the VIP seen by the client - the same last advert.
#   handover  = SIGTERM of the (restarted, preempted-back) master -> VIP added on the backup;
#   prio0     = the same VIP event - the master's priority-0 advert, compared with Skew_Time.
# Usage: bench/failover.sh [RUNS] [DAEMONS...]     (default: 3 jkeepalived keepalived)
#        RT=10 bench/failover.sh 7     both daemons with vrrp_rt_priority 10
# Build first: mvn -B -q package -DskipTests
set -u
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=${1:-3}; shift || true
daemons=${*:-jkeepalived keepalived}
work=$(mktemp -d /tmp/jkfo-bench.XXXXXX)
pfx="jkfo$$"
pids=""

cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
    for ns in br r1 r2 c; do
        for p in $(ip netns pids "$pfx-$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
        ip netns del "$pfx-$ns" 2>/dev/null
    done
}
trap 'cleanup; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

die() { echo "failover.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root"
for t in tcpdump keepalived ip awk; do command -v $t >/dev/null || die "needs $t"; done

lan() { # bridge namespace, two routers, one client; documentation addresses only
    cleanup
    ip netns add "$pfx-br"
    ip netns exec "$pfx-br" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$pfx-br" link add br0 type bridge mcast_snooping 0 forward_delay 0
    ip -n "$pfx-br" link set br0 up
    local n i=0 host
    for n in r1 r2 c; do
        i=$((i + 1)); host=$i; [ "$n" = c ] && host=100
        ip netns add "$pfx-$n"
        ip netns exec "$pfx-$n" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv4.conf.all.promote_secondaries=1 net.ipv4.conf.default.promote_secondaries=1
        ip -n "$pfx-br" link add "p$n" type veth peer name eth0 netns "$pfx-$n"
        ip -n "$pfx-br" link set "p$n" master br0 up
        ip -n "$pfx-$n" link set lo up
        ip -n "$pfx-$n" link set eth0 address "02:00:00:00:0f:$(printf %02x $host)"
        ip -n "$pfx-$n" addr add "192.0.2.$host/24" dev eth0
        ip -n "$pfx-$n" addr add "2001:db8::$host/64" dev eth0 nodad
        ip -n "$pfx-$n" link set eth0 up
    done
}

conf() { # version family advert_int priority
    local vip=192.0.2.200/24; [ "$2" = 6 ] && vip=2001:db8::200/64
    cat <<CONF
global_defs {
  vrrp_version $1
${RT:+  vrrp_rt_priority $RT}
}
vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority $4
  advert_int $3
  virtual_ipaddress {
    $vip
  }
}
CONF
}

start() { # daemon router priority dir -> sets $started
    local d=$1 r=$2 dir=$4 cmd
    mkdir -p "$dir"
    conf "$ver" "$fam" "$adv" "$3" > "$dir/keepalived.conf"
    if [ "$d" = jkeepalived ]; then cmd="$root/bin/jkeepalived"; else cmd=keepalived; fi
    ip netns exec "$pfx-$r" "$cmd" -n -l -D -P -f "$dir/keepalived.conf" -p "$dir/p.pid" -r "$dir/r.pid" \
        -c "$dir/c.pid" >> "$dir/log" 2>&1 &
    started=$!; pids="$pids $started"
}

crash() { # SIGKILL a daemon and its children; the parent is stopped first so it cannot respawn or hand over
    local p=$1 c g
    kill -STOP "$p" 2>/dev/null
    for c in $(pgrep -P "$p"); do
        for g in $(pgrep -P "$c"); do kill -9 "$g"; done
        kill -9 "$c"
    done
    kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null
}

has_vip() { ip -n "$pfx-$1" -br addr | grep -qw "${vip%/*}/[0-9]*"; }
await() { # seconds command...: bounded poll every 10 ms
    local n=$(( $1 * 100 )); shift
    while [ "$n" -gt 0 ]; do "$@" && return 0; sleep 0.01; n=$((n - 1)); done
    return 1
}
r1_master() { has_vip r1 && ! has_vip r2 && grep -q "Entering BACKUP STATE" "$dir2/log"; }
r2_only() { has_vip r2 && ! has_vip r1; }

capture() { # namespace iface extra-args out
    ip netns exec "$pfx-$1" tcpdump -i "$2" $3 -n -tt -e -l -U \
        'ip proto 112 or ip6 proto 112 or arp or icmp6' > "$4" 2> "$4.err" &
    pids="$pids $!"; echo $! > "$4.pid"
    await 5 grep -qs "listening on" "$4.err" || die "tcpdump did not start: $(cat "$4.err")"
}
stop() { kill "$(cat "$1.pid")" 2>/dev/null; wait "$(cat "$1.pid")" 2>/dev/null; }

monitor() { # namespace out
    ip -ts -n "$pfx-$1" monitor address > "$2" 2>&1 &
    pids="$pids $!"; echo $! > "$2.pid"; sleep 0.2
}

# First "VIP added" time in an ip -ts monitor file, as epoch seconds with microseconds.
vip_added() {
    local line; line=$(grep -v Deleted "$1" | grep -m1 " ${vip%/*}/") || return 1
    local ts=${line#[}; ts=${ts%%]*}
    printf '%s.%s\n' "$(date -d "${ts%.*}" +%s)" "${ts##*.}"
}
# Timestamp of the last advert with priority > 0 (or = 0 with "zero") before $2.
last_advert() {
    awk -v before="$2" -v zero="${3:-}" '/VRRPv[23].*Advertisement/ && $1 <= before {
        p = $0; sub(/.*prio /, "", p); sub(/[^0-9].*/, "", p);
        if ((zero == "" && p > 0) || (zero != "" && p == 0)) t = $1 } END { if (t != "") print t }' "$1"
}
first_announce() { # file after
    if [ "$fam" = 6 ]; then pat="neighbor advertisement.*tgt is ${vip%/*},"; else pat="tell ${vip%/*},"; fi
    awk -v after="$2" -v pat="$pat" '$1 >= after && $0 ~ pat { print $1; exit }' "$1"
}
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

results="$work/results"; : > "$results"
# The figures move by milliseconds with other load on the machine: say how busy it was.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
run_one() { # daemon run
    local d=$1 k=$2 base="$work/$d-$ver-$fam-$adv-$k"
    lan
    start "$d" r1 150 "$base/r1a"; local p1=$started
    dir2="$base/r2"; start "$d" r2 100 "$dir2"; local p2=$started
    await 40 r1_master || { echo "$d run $k: no election; see $base" >&2; tail -5 "$base/r1a/log" >&2; return 1; }
    capture br pr1 "-Q in" "$base/from-r1.txt"
    capture c eth0 "" "$base/client.txt"
    monitor r2 "$base/mon.txt"
    sleep "$(awk -v a="$adv" 'BEGIN { print 3 * a + 0.2 }')"
    local t0; t0=$(date +%s.%N)
    crash "$p1"
    await 15 vip_added "$base/mon.txt" >/dev/null || { echo "$d run $k: no takeover" >&2; return 1; }
    sleep 0.3
    stop "$base/from-r1.txt"; stop "$base/client.txt"; stop "$base/mon.txt"
    local added last ann; added=$(vip_added "$base/mon.txt")
    last=$(last_advert "$base/from-r1.txt" "$added")
    ann=$(first_announce "$base/client.txt" "$t0")
    # Handover: restart r1, let it preempt, then SIGTERM it.
    start "$d" r1 150 "$base/r1b"; p1=$started
    await 40 r1_master || { echo "$d run $k: no preemption" >&2; return 1; }
    capture br pr1 "-Q in" "$base/from-r1b.txt"
    monitor r2 "$base/mon2.txt"
    sleep "$(awk -v a="$adv" 'BEGIN { print 2 * a + 0.2 }')"
    local t1; t1=$(date +%s.%N)
    kill -TERM "$p1"
    await 15 vip_added "$base/mon2.txt" >/dev/null || { echo "$d run $k: no handover" >&2; return 1; }
    sleep 0.2
    stop "$base/from-r1b.txt"; stop "$base/mon2.txt"
    local added2 zero; added2=$(vip_added "$base/mon2.txt")
    zero=$(last_advert "$base/from-r1b.txt" "$added2" zero)
    wait "$p1" 2>/dev/null
    echo "$d $ver $fam $adv $(ms "$last" "$added") $(ms "$last" "$ann") $(ms "$t1" "$added2") $(ms "$zero" "$added2")" \
        >> "$results"
    kill -TERM "$p2" 2>/dev/null; wait "$p2" 2>/dev/null
}

for scenario in "2 4 1" "3 4 0.1" "3 6 0.1"; do
    set -- $scenario; ver=$1; fam=$2; adv=$3
    vip=192.0.2.200/24; [ "$fam" = 6 ] && vip=2001:db8::200/64
    for d in $daemons; do
        k=1
        while [ "$k" -le "$runs" ]; do run_one "$d" "$k"; k=$((k + 1)); done
    done
done
cleanup

# Report: median (min-max) per scenario and daemon, and the ratios of the medians to keepalived's.
awk -v runs="$runs" '
function skew(v, a) { return v == 2 ? (256 - 100) / 256 * 1000 : (256 - 100) * a * 1000 / 256 }
function med(s,   n, x, i, j, t) { n = split(s, x, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return n ? sprintf("%.1f (%.1f-%.1f)", x[int((n + 1) / 2)], x[1], x[n]) : "-" }
function mid(s,   n, x, i, j, t) { n = split(s, x, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return x[int((n + 1) / 2)] }
{ k = $2 " " $3 " " $4; key = k SUBSEP $1; seen[k] = 1; daemons[$1] = 1
  take[key] = take[key] " " $5; over[key] = over[key] " " ($5 - (3 * $4 * 1000 + skew($2, $4)))
  ann[key] = ann[key] " " $6; hand[key] = hand[key] " " $7; p0[key] = p0[key] " " ($8 - skew($2, $4)) }
END {
  printf "%-30s %-11s %-22s %-20s %-22s %-22s %-20s %s\n", "scenario", "daemon", "takeover ms", "over MDI ms",
      "first GARP/NA ms", "SIGTERM->VIP ms", "prio0->VIP - skew", "ratio to keepalived (takeover, handover)"
  for (k in seen) {
    split(k, f, " "); mdi = 3 * f[3] * 1000 + skew(f[1], f[3])
    for (d in daemons) { key = k SUBSEP d; if (!(key in take)) continue
      ka = k SUBSEP "keepalived"
      ratio = ka in take ? sprintf("%.4f, %.3f", mid(take[key]) / mid(take[ka]), mid(hand[key]) / mid(hand[ka])) : "-"
      printf "%-30s %-11s %-22s %-20s %-22s %-22s %-20s %s\n", sprintf("v%s IPv%s int %ss", f[1], f[2], f[3]) " MDI=" mdi,
          d, med(take[key]), med(over[key]), med(ann[key]), med(hand[key]), med(p0[key]), ratio } } }' "$results" | sort
echo "load average $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at the end ($(nproc) CPUs)"
echo "($runs runs each; median (min-max); raw: daemon version family advert_int takeover announce handover prio0)"
cat "$results"
