#!/bin/sh
# Runs a shell command inside a throwaway VM whose kernel has IPVS (the build machines' kernels have none):
#   test-tools/ipvs-vm/run-in-vm.sh 'ipvsadm -A -t 10.0.0.1:80 -s rr && ipvsadm -Ln'
# The VM is Debian's linux-image-amd64 kernel under qemu-system-x86_64 with software emulation (-accel tcg),
# booted with a busybox initramfs (see build.sh and init). It sees the host's root read-only over 9p with a tmpfs
# overlay for writes (so the JDK, ipvsadm and the built jars are there at their usual paths) and one writable
# folder shared with the host, mounted at the same path: $IPVS_VM_SHARED, else a fresh temporary folder. The
# command runs as root in that folder; its stdout and stderr are copied to ours and its exit status is ours.
# Environment: IPVS_VM_MEMORY (MiB, default 1024), IPVS_VM_CPUS (default 2), IPVS_VM_TIMEOUT (s, default 300),
# IPVS_VM_CONSOLE=1 to see the kernel console. Exit 125: the VM could not run the command.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 125; }
here=$(cd "$(dirname "$0")" && pwd)
command -v qemu-system-x86_64 >/dev/null || { echo "no qemu-system-x86_64: apt-get install qemu-system-x86" >&2; exit 125; }
"$here/build.sh" || exit 125
cache=${IPVS_VM_CACHE:-$HOME/.cache/jkeepalived/ipvs-vm}
if [ -n "${IPVS_VM_SHARED:-}" ]; then
    shared=$(cd "$IPVS_VM_SHARED" && pwd)
    keep=1
else
    shared=$(mktemp -d /tmp/ipvs-vm.XXXXXX)
    keep=0
fi
rm -f "$shared/rc" "$shared/stdout" "$shared/stderr"
printf '%s\n' "$*" > "$shared/cmd.sh"
console=/dev/null
[ "${IPVS_VM_CONSOLE:-0}" = 1 ] && console=/dev/stderr
timeout "${IPVS_VM_TIMEOUT:-300}" qemu-system-x86_64 -accel tcg -M q35 -cpu ${IPVS_VM_CPU:-qemu64} -smp "${IPVS_VM_CPUS:-2}" \
    -m "${IPVS_VM_MEMORY:-1024}" -nographic -no-reboot -nodefaults -serial stdio -display none \
    -kernel "$cache/vmlinux" -initrd "$cache/initramfs.gz" \
    -append "console=ttyS0 quiet loglevel=3 panic=-1 mitigations=off tsc=reliable ipvsvm.shared=$shared" \
    -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap" \
    -virtfs "local,path=$shared,mount_tag=shared,security_model=none" \
    < /dev/null > "$console" 2>&1 || true
rc=125
[ -s "$shared/rc" ] && rc=$(cat "$shared/rc")
[ -f "$shared/stdout" ] && cat "$shared/stdout"
[ -f "$shared/stderr" ] && cat "$shared/stderr" >&2
[ "$rc" = 125 ] && echo "ipvs-vm: the VM did not run the command (IPVS_VM_CONSOLE=1 shows its console)" >&2
[ "$keep" = 1 ] || rm -rf "$shared"
exit "$rc"
