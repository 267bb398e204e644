# jkeepalived %post: like %systemd_post without presets. A fresh install neither enables nor starts
# the service (docs/packaging.md).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
