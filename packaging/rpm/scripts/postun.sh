# jkeepalived %postun: after an upgrade, a running daemon restarts on the new jars
# (%systemd_postun_with_restart).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart jkeepalived.service >/dev/null 2>&1 || :
    fi
fi
# On erase, the launcher's class-data archive (made from the removed jars) goes too.
if [ "$1" -eq 0 ]; then
    rm -rf /var/cache/jkeepalived
fi
