# Set-up shared by bench/cpu.sh and bench/footprint.sh (sourced, POSIX sh): a throwaway network namespace with
# one veth (eth0 192.0.2.1/24, eth1 its peer for tcpdump), a work folder, and the launch and stop of one daemon
# (jkeepalived or keepalived 2.2.7) in it; everything is removed on exit.
# Use: . "$(dirname "$(readlink -f "$0")")/lib.sh"; bench_namespace PREFIX   (the namespace is PREFIX<pid>)
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
work=$(mktemp -d)
daemon=""
ns=""
cleanup() {
    [ -n "$daemon" ] && kill -9 $daemon $(pgrep -P "$daemon" 2>/dev/null) 2>/dev/null || true
    [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

bench_namespace() { # prefix: creates the namespace $ns
    ns="$1$$"
    ip netns add "$ns"
    ip -n "$ns" link add eth0 type veth peer name eth1
    for l in lo eth0 eth1; do ip -n "$ns" link set "$l" up; done
    ip -n "$ns" addr add 192.0.2.1/24 dev eth0
}

launch() { # program conf: starts it in the foreground mode, sets $daemon
    case "$1" in
        jkeepalived) ip netns exec "$ns" "$root/bin/jkeepalived" -n -P -G -f "$2" -p "$work/p.pid" \
            -r "$work/v.pid" > "$work/out.log" 2>&1 & ;;
        keepalived) ip netns exec "$ns" keepalived -n -P -G -f "$2" -p "$work/p.pid" -r "$work/v.pid" \
            > "$work/out.log" 2>&1 & ;;
    esac
    daemon=$!
}

stop() { # SIGTERM, SIGKILL after 10 s; removes the VIPs a killed daemon leaves
    kill -TERM "$daemon" 2>/dev/null || true
    i=0; while kill -0 "$daemon" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    kill -9 "$daemon" $(pgrep -P "$daemon" 2>/dev/null) 2>/dev/null || true
    daemon=""
    ip -n "$ns" addr flush dev eth0 scope global to 198.51.100.0/24 2>/dev/null || true
    ip -n "$ns" addr flush dev eth0 scope global to 203.0.113.0/24 2>/dev/null || true
}
