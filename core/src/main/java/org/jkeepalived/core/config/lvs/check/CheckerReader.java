package org.jkeepalived.core.config.lvs.check;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.check.CommonBuilder.KindDefaults;

/**
 * Reads one checker block of a {@code real_server} into a {@link CheckerDraft}, reporting what keepalived
 * reports: a checker keepalived drops (no url, no misc_path, no track_file, …) is an error and yields nothing.
 */
public final class CheckerReader {
    /** The checker block keywords a real server accepts. */
    public static final Set<String> KINDS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK",
            "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK");

    /** A checker with only the common settings (TCP_CHECK, PING_CHECK). */
    static final class Plain implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    static final class Dns implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        String type = DnsCheck.DEFAULT_TYPE;
        Optional<String> name = Optional.empty();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    static final class File implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        Optional<String> trackFile = Optional.empty();
        ConfigNode trackFileNode;
        OptionalInt weight = OptionalInt.empty();
        boolean reverse;

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    static final class Bfd implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        Optional<String> name = Optional.empty();
        ConfigNode nameNode;

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    /** DNS query types keepalived 2.2.7 knows. */
    static final Set<String> DNS_TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY");

    private static final KeywordTable<Plain> TCP = CommonKeywords.install(new KeywordTable<>("TCP_CHECK"), true);
    private static final KeywordTable<Plain> PING = CommonKeywords.install(new KeywordTable<>("PING_CHECK"), true);
    private static final KeywordTable<Dns> DNS = CommonKeywords.install(new KeywordTable<Dns>("DNS_CHECK"), true)
            .on("type", CheckerReader::dnsType)
            .on("name", CheckerReader::dnsName);
    private static final KeywordTable<File> FILE = new KeywordTable<File>("FILE_CHECK")
            .on("track_file", (b, n, d) -> LvsArguments.word(n, "track_file name", d).ifPresent(s -> {
                b.trackFile = Optional.of(s);
                b.trackFileNode = n;
            }))
            // The man page lists "dynamic", but keepalived 2.2.7 rejects it as an unknown keyword.
            .on("weight", CheckerReader::fileWeight);
    private static final KeywordTable<Bfd> BFD = new KeywordTable<Bfd>("BFD_CHECK")
            .on("name", (b, n, d) -> {
                if (n.args().size() != 1) {
                    d.error(n, "BFD_CHECK needs exactly one bfd_instance name; checker skipped");
                    b.name = Optional.of("");
                } else {
                    b.name = Optional.of(n.arg(0));
                    b.nameNode = n;
                }
            });

    private CheckerReader() {
    }

    /** Reads {@code block} (whose keyword is one of {@link #KINDS}); empty when keepalived would drop it. */
    public static Optional<CheckerDraft> read(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        var loc = block.location();
        switch (block.keyword()) {
            case "TCP_CHECK": {
                Plain b = new Plain();
                TCP.apply(b, block.children(), d);
                return connection(block, b.common, ctx, d)
                        ? Optional.of((inh, vh) -> new TcpCheck(b.common.resolve(inh, KindDefaults.STANDARD), loc))
                        : Optional.empty();
            }
            case "PING_CHECK": {
                Plain b = new Plain();
                PING.apply(b, block.children(), d);
                return connection(block, b.common, ctx, d)
                        ? Optional.of((inh, vh) -> new PingCheck(b.common.resolve(inh, KindDefaults.STANDARD), loc))
                        : Optional.empty();
            }
            case "DNS_CHECK": {
                Dns b = new Dns();
                DNS.apply(b, block.children(), d);
                String name = b.name.orElse(DnsCheck.DEFAULT_NAME);
                return connection(block, b.common, ctx, d)
                        ? Optional.of((inh, vh) -> new DnsCheck(b.common.resolve(inh, KindDefaults.DNS), b.type, name,
                                loc))
                        : Optional.empty();
            }
            case "FILE_CHECK":
                return file(block, ctx, d);
            case "BFD_CHECK":
                return bfd(block, ctx, d);
            case "UDP_CHECK":
                return UdpCheckReader.read(block, ctx, d);
            case "MISC_CHECK":
                return MiscCheckReader.read(block, d);
            case "SMTP_CHECK":
                return SmtpCheckReader.read(block, ctx, d);
            case "HTTP_GET":
            case "SSL_GET":
                return HttpCheckReader.read(block, ctx, d);
            default:
                throw new IllegalArgumentException("not a checker: " + block.keyword());
        }
    }

    /**
     * Validates the connection options at the end of a checker block, as keepalived's check_conn_opts does;
     * false when keepalived drops the checker.
     */
    static boolean connection(ConfigNode block, CommonBuilder c, CheckerContext ctx, Diagnostics d) {
        if (c.bindIf.isPresent() && !ctx.host().exists(c.bindIf.get())) {
            // keepalived 2.2.7 does not check this at -t; the checker then fails to bind at run time.
            d.warning(block.location(), "bind_if", "interface " + c.bindIf.get() + " does not exist on this host");
        }
        if (c.connectIp.isPresent() && LvsArguments.isLinkLocal(c.connectIp.get()) && c.bindIf.isEmpty()) {
            d.error(block.location(), block.keyword(), "link-local connect_ip "
                    + LvsArguments.text(c.connectIp.get()) + " requires a bind_if; checker skipped");
            return false;
        }
        return true;
    }

    private static void dnsType(Dns b, ConfigNode n, Diagnostics d) {
        Arguments.string(n, 0, "DNS query type", d).ifPresent(t -> {
            String u = t.toUpperCase(java.util.Locale.ROOT);
            if (DNS_TYPES.contains(u)) {
                b.type = u;
            } else {
                d.error(n, "unknown DNS query type " + t + " (expected one of A NS CNAME SOA MX TXT AAAA RRSIG"
                        + " DNSKEY); using " + b.type);
            }
        });
    }

    private static void dnsName(Dns b, ConfigNode n, Diagnostics d) {
        if (b.name.isPresent()) {
            d.warning(n, "DNS_CHECK name already specified; this one is ignored");
            return;
        }
        Arguments.string(n, 0, "domain name", d).ifPresent(name -> {
            String trimmed = name.startsWith(".") && name.length() > 1 ? name.substring(1) : name;
            if (!trimmed.equals(".") && (trimmed.contains("..") || trimmed.startsWith("."))) {
                d.error(n, "DNS_CHECK name '" + name + "' has an empty label; ignored");
            } else {
                b.name = Optional.of(name);
            }
        });
    }

    private static void fileWeight(File b, ConfigNode n, Diagnostics d) {
        if (n.args().isEmpty()) {
            d.error(n, "track file weight missing");
            return;
        }
        LvsArguments.number(n, 0, -2147483647L, 2147483647L, d).ifPresent(w -> b.weight = OptionalInt.of((int) w));
        String opt = n.arg(1);
        if ("reverse".equals(opt)) {
            b.reverse = true;
        } else if ("noreverse".equals(opt)) {
            b.reverse = false;
        } else if (opt != null) {
            d.warning(n, "unknown track file weight option " + opt + " (expected reverse or noreverse); ignored");
        }
    }

    private static Optional<CheckerDraft> file(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        File b = new File();
        FILE.apply(b, block.children(), d);
        if (b.trackFile.isPresent() && !ctx.trackFiles().contains(b.trackFile.get())) {
            d.error(b.trackFileNode, "track_file " + b.trackFile.get()
                    + " is not defined by any track_file or vrrp_track_file block; FILE_CHECK skipped");
            return Optional.empty();
        }
        if (b.trackFile.isEmpty()) {
            d.error(block.location(), block.keyword(), "FILE_CHECK has no track_file; checker skipped");
            return Optional.empty();
        }
        String tf = b.trackFile.get();
        return Optional.of((inh, vh) -> new FileCheck(b.common.resolve(inh, KindDefaults.STANDARD), tf, b.weight,
                b.reverse, block.location()));
    }

    private static Optional<CheckerDraft> bfd(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        Bfd b = new Bfd();
        BFD.apply(b, block.children(), d);
        if (b.name.isEmpty()) {
            d.error(block.location(), block.keyword(), "no bfd_instance name given; checker skipped");
            return Optional.empty();
        }
        String name = b.name.get();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (!ctx.bfdInstances().contains(name)) {
            d.error(b.nameNode, "BFD_CHECK names bfd_instance " + name
                    + ", which is not configured; checker skipped");
            return Optional.empty();
        }
        return Optional.of((inh, vh) -> new BfdCheck(b.common.resolve(inh, KindDefaults.STANDARD), name,
                block.location()));
    }
}
