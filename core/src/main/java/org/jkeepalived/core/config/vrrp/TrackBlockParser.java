package org.jkeepalived.core.config.vrrp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * Parses {@code track_interface}, {@code track_script}, {@code track_file}, {@code track_process} and
 * {@code track_bfd} blocks: one {@code NAME [weight N [reverse|noreverse]]} per line.
 */
final class TrackBlockParser {
    private TrackBlockParser() {
    }

    /**
     * @param maxWeight 253 for interfaces, scripts and BFD; 254 for files and processes. keepalived
     *                  clamps an interface or script weight of +/-254 to +/-253 with a warning.
     */
    static List<TrackedItem> parse(ConfigNode block, String owner, int maxWeight, Diagnostics d) {
        List<TrackedItem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String what = block.keyword();
        for (ConfigNode line : block.children()) {
            String name = line.keyword();
            OptionalInt weight = OptionalInt.empty();
            boolean reverse = false;
            boolean ok = true;
            for (int i = 0; i < line.args().size(); i++) {
                String k = line.arg(i);
                switch (k) {
                    case "weight" -> {
                        String v = line.arg(++i);
                        Integer w = null;
                        try {
                            w = v == null ? null : Integer.valueOf(v);
                        } catch (NumberFormatException e) {
                            w = null;
                        }
                        if (w == null || Math.abs(w) > 254) {
                            d.error(line.location(), what, "(" + owner + ") weight for " + name + " must be between -"
                                    + maxWeight + " and " + maxWeight + " - ignoring " + name);
                            ok = false;
                        } else if (Math.abs(w) > maxWeight) {
                            int used = w > 0 ? maxWeight : -maxWeight;
                            d.warning(line.location(), what, "(" + owner + ") weight for " + name
                                    + " cannot be +/-254, using " + used);
                            weight = OptionalInt.of(used);
                        } else {
                            weight = OptionalInt.of(w);
                        }
                    }
                    case "reverse" -> reverse = true;
                    case "noreverse", "no_reverse" -> reverse = false;
                    default -> d.warning(line.location(), what, "(" + owner + ") unknown option '" + k + "' for "
                            + name + " - ignoring");
                }
            }
            if (!ok) {
                continue;
            }
            if (!seen.add(name)) {
                d.warning(line.location(), what, "(" + owner + ") duplicate " + what + " " + name + " - ignoring");
                continue;
            }
            out.add(new TrackedItem(name, weight, reverse, line.location()));
        }
        return out;
    }
}
