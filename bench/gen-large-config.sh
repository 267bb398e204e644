#!/bin/sh
# Writes a keepalived.conf with INSTANCES vrrp_instances (250 VRIDs per interface eth0, eth1, ...)
# and SERVERS virtual_servers (two real servers each, alternating TCP_CHECK and HTTP_GET).
# Usage: gen-large-config.sh INSTANCES SERVERS > file.conf
set -e
instances=${1:-10000}
servers=${2:-1000}
awk -v n="$instances" -v m="$servers" 'BEGIN {
    print "global_defs {\n    router_id BENCH\n}"
    for (i = 0; i < n; i++) {
        ifc = int(i / 250); vrid = i % 250 + 1
        printf "vrrp_instance VI_%d {\n    state BACKUP\n    interface eth%d\n    virtual_router_id %d\n", i, ifc, vrid
        printf "    priority %d\n    advert_int 1\n", 100 + i % 50
        printf "    authentication {\n        auth_type PASS\n        auth_pass p%d\n    }\n", i % 1000
        printf "    virtual_ipaddress {\n        198.51.%d.%d/32 dev eth%d\n    }\n}\n", int(i / 250) % 256, i % 250 + 1, ifc
    }
    for (j = 0; j < m; j++) {
        printf "virtual_server 203.0.113.%d %d {\n    delay_loop 6\n    lvs_sched wlc\n    lvs_method NAT\n    protocol TCP\n", j % 250 + 1, 1000 + j
        for (k = 1; k <= 2; k++) {
            printf "    real_server 192.0.2.%d %d {\n        weight 1\n", (j * 2 + k) % 250 + 1, 8000 + j
            if (k == 1) printf "        TCP_CHECK {\n            connect_timeout 3\n        }\n"
            else printf "        HTTP_GET {\n            url {\n                path /healthz\n                status_code 200\n            }\n            connect_timeout 3\n        }\n"
            printf "    }\n"
        }
        printf "}\n"
    }
}'
