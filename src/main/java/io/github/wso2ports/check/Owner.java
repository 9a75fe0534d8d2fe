package io.github.wso2ports.check;

import io.github.wso2ports.Location;

/**
 * Who holds a port in a finding: an instance (with what listens and where it is configured) or a reservation.
 *
 * @param name     the instance id, or {@code reserved: <reason>}
 * @param purpose  what listens there; null for reservations
 * @param where    the file and line, the catalog entry, or where the reservation is declared
 * @param location the file and line when there is one, for reports that annotate files
 */
public record Owner(String name, String purpose, String where, Location location) {

    public String describe() {
        return name + " (" + (purpose == null ? "" : purpose + ", ") + where + ")";
    }
}
