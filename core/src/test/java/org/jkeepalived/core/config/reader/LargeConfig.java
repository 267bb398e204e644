package org.jkeepalived.core.config.reader;

/** Generates big but ordinary configurations for the size tests and for timing by hand. */
final class LargeConfig {
    private LargeConfig() {
    }

    /** {@code instances} VRRP instances of 30 lines each, behind a small global_defs block. */
    static String instances(int instances) {
        StringBuilder sb = new StringBuilder(instances * 700);
        sb.append("# generated\nglobal_defs {\n    router_id big\n}\n$IF=eth0\n");
        for (int i = 0; i < instances; i++) {
            int vrid = i % 255 + 1;
            sb.append("vrrp_instance VI_").append(i).append(" {   # instance ").append(i).append('\n')
                    .append("    state BACKUP\n")
                    .append("    interface $IF\n")
                    .append("    virtual_router_id ").append(vrid).append('\n')
                    .append("    @main priority 150\n")
                    .append("    @^main priority 100\n")
                    .append("    advert_int 1\n")
                    .append("    nopreempt\n")
                    .append("    authentication {\n")
                    .append("        auth_type PASS\n")
                    .append("        auth_pass \"secret ").append(i).append("\"\n")
                    .append("    }\n")
                    .append("    unicast_src_ip 10.0.").append(i / 250).append('.').append(i % 250 + 1).append('\n')
                    .append("    unicast_peer {\n")
                    .append("        10.1.0.1\n")
                    .append("        10.1.0.2\n")
                    .append("    }\n")
                    .append("    virtual_ipaddress {\n")
                    .append("        192.0.2.").append(vrid).append("/32 dev ${IF} label ${IF}:").append(vrid).append('\n')
                    .append("        198.51.100.").append(vrid).append("/32\n")
                    .append("    }\n")
                    .append("    track_interface {\n")
                    .append("        eth1 weight -10\n")
                    .append("    }\n")
                    .append("    notify_master \"/usr/local/bin/notify master VI_").append(i).append("\"\n")
                    .append("    notify_backup \"/usr/local/bin/notify backup VI_").append(i).append("\"\n")
                    .append("    notify_fault \"/usr/local/bin/notify fault VI_").append(i).append("\"\n")
                    .append("    ! end of instance\n")
                    .append("    garp_master_delay 5\n")
                    .append("}\n");
        }
        return sb.toString();
    }

    /** Times reading a 10,000-instance configuration after warm-up; run by hand, never by the suite. */
    public static void main(String[] args) {
        String text = instances(args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
        long lines = text.chars().filter(c -> c == '\n').count();
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            var d = new org.jkeepalived.core.config.Diagnostics();
            var nodes = ConfigReader.read(text, "big.conf", java.nio.file.Path.of("/"), new ReaderOptions("main", false), d);
            long t1 = System.nanoTime();
            System.out.printf("round %d: %d lines, %d top-level nodes, %d diagnostics, %.1f ms%n",
                    round, lines, nodes.size(), d.all().size(), (t1 - t0) / 1e6);
        }
    }
}
