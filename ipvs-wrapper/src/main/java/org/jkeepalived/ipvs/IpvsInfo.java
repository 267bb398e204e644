package org.jkeepalived.ipvs;

/** What {@code IPVS_CMD_GET_INFO} reports: the IPVS version (e.g. 0x010201 = 1.2.1) and connection table size. */
public record IpvsInfo(int version, int connectionTableSize) {
    /** The version as ipvsadm prints it: {@code 1.2.1}. */
    public String versionText() {
        return ((version >> 16) & 0xff) + "." + ((version >> 8) & 0xff) + "." + (version & 0xff);
    }
}
