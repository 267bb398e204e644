# jkeepalived %preun: on erase (not upgrade), stop the daemon and drop its enable link (%systemd_preun).
if [ "$1" -eq 0 ]; then
    systemctl --no-reload disable --now jkeepalived.service >/dev/null 2>&1 || :
fi
