#!/bin/sh
# Builds what the IPVS test VM boots, into $IPVS_VM_CACHE (default ~/.cache/jkeepalived/ipvs-vm):
#   vmlinux        Debian's linux-image-amd64 kernel, uncompressed (QEMU boots it through its PVH entry,
#                  ~1 s faster under TCG than letting the bzImage decompress itself)
#   initramfs.gz   busybox-static, the init script beside this file, and the modules for virtio/9p/overlay
#                  and ip_vs with every scheduler, in modules.dep order
# Rebuilt only when the kernel, busybox or init changed. Needs: linux-image-amd64, busybox-static, xz-utils.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${IPVS_VM_CACHE:-$HOME/.cache/jkeepalived/ipvs-vm}
vmlinuz=${IPVS_VM_KERNEL:-$(ls -1 /boot/vmlinuz-*-amd64 2>/dev/null | sort -V | tail -n 1)}
[ -n "$vmlinuz" ] && [ -r "$vmlinuz" ] || { echo "no /boot/vmlinuz-*-amd64: apt-get install linux-image-amd64" >&2; exit 2; }
release=${vmlinuz#*/vmlinuz-}
moddir=/lib/modules/$release
[ -r "$moddir/modules.dep" ] || { echo "no $moddir/modules.dep" >&2; exit 2; }
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "no busybox: apt-get install busybox-static" >&2; exit 2; }
mkdir -p "$cache"

stamp="$release $(stat -c %Y "$vmlinuz" "$busybox" "$here/init" "$here/build.sh" | tr '\n' ' ')"
if [ -f "$cache/stamp" ] && [ "$(cat "$cache/stamp")" = "$stamp" ] && [ -f "$cache/vmlinux" ] && [ -f "$cache/initramfs.gz" ]; then
    exit 0
fi

# Uncompressed kernel: find the payload's compression magic in the bzImage and decompress from there, as the
# kernel's scripts/extract-vmlinux does; the first candidate that yields an ELF file wins.
extract() { # $1 magic (grep -P bytes) $2 decompressor
    for off in $(LC_ALL=C grep -obUaP "$1" "$vmlinuz" | cut -d: -f1); do
        tail -c +"$((off + 1))" "$vmlinuz" | $2 > "$cache/vmlinux.tmp" 2>/dev/null || true
        if [ "$(head -c 4 "$cache/vmlinux.tmp" | od -An -c | tr -d ' ')" = "177ELF" ]; then
            mv "$cache/vmlinux.tmp" "$cache/vmlinux"
            return 0
        fi
    done
    return 1
}
extract '\xFD7zXZ\x00' 'xz -dc' || extract '\x1F\x8B\x08' 'gzip -dc' || extract '\x28\xB5\x2F\xFD' 'zstd -dc' || {
    echo "could not extract vmlinux from $vmlinuz; booting the bzImage instead" >&2
    cp "$vmlinuz" "$cache/vmlinux"
}
rm -f "$cache/vmlinux.tmp"

# Modules with their dependencies first (modules.dep lists a module's dependencies, deepest last).
root=$cache/initramfs
rm -rf "$root"
mkdir -p "$root/bin" "$root/modules" "$root/proc" "$root/sys" "$root/dev" "$root/mnt"
cp "$busybox" "$root/bin/busybox"
cp "$here/init" "$root/init"
chmod 755 "$root/init"
order=$root/modules/order
: > "$order"
add() { # $1 path relative to $moddir
    grep -qx "$1" "$order" && return 0
    deps=$(grep "^$1:" "$moddir/modules.dep" | cut -d: -f2)
    for d in $deps; do add "$d"; done
    grep -qx "$1" "$order" || echo "$1" >> "$order"
}
want="virtio_pci 9pnet_virtio 9p overlay crc32c_generic crc32c-intel ip_vs ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc
      ip_vs_lblc ip_vs_lblcr ip_vs_dh ip_vs_sh ip_vs_sed ip_vs_nq ip_vs_fo ip_vs_ovf ip_vs_mh ip_vs_twos
      ip_vs_pe_sip veth"
for m in $want; do
    path=$(grep -E "(^|/)$(echo "$m" | sed 's/[-_]/[-_]/g')\.ko(\.xz|\.zst)?:" "$moddir/modules.dep" | head -n 1 | cut -d: -f1)
    [ -n "$path" ] && add "$path"
done
while read -r path; do
    name=$(basename "$path")
    case "$name" in
        *.ko.xz) xz -dc "$moddir/$path" > "$root/modules/${name%.xz}"; name=${name%.xz} ;;
        *.ko.zst) zstd -qdc "$moddir/$path" > "$root/modules/${name%.zst}"; name=${name%.zst} ;;
        *) cp "$moddir/$path" "$root/modules/$name" ;;
    esac
    echo "$name"
done < "$order" > "$root/modules/load"
rm "$order"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$cache/initramfs.gz"
echo "$stamp" > "$cache/stamp"
echo "ipvs-vm: built $cache/vmlinux ($release) and initramfs.gz ($(wc -l < "$root/modules/load") modules)" >&2
