package io.github.wso2ports.check;

import io.github.wso2ports.Location;

/**
 * Who holds a port in a finding: an instance (with what listens and where it is configured) or a reservation.
 *
 * @param name        the instance id, or {@code reserved: <reason>}
 * @param purpose     what listens there; null for reservations
 * @param where       the file and line, the catalog entry, or where the reservation is declared
 * @param location    the file and line when there is one, for reports that annotate files
 * @param bindAddress the one address it binds, or null when it binds every address (or is not a listener)
 */
public record Owner(String name, String purpose, String where, Location location, String bindAddress) {

    public Owner(String name, String purpose, String where, Location location) {
        this(name, purpose, where, location, null);
    }

    /** The owner and where it holds the port, without what listens there: a console line that fits a terminal. */
    public String brief() {
        // a file and line says where; a file without a line holds no value: the port is the product's default
        if (location == null) {
            return name + " " + where;
        }
        return name + " " + location + (location.line() > 0 ? "" : " (default)");
    }

    public String describe() {
        return name + " (" + (purpose == null ? "" : purpose + ", ") + (bindAddress == null ? "" : "bound to "
                + bindAddress + ", ") + where + ")";
    }
}
