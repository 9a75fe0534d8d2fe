package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/** A port a config file declares: which catalog entry it is, its base value and where it is written. */
public record DeclaredPort(CatalogEntry entry, int base, Location location) {
}
