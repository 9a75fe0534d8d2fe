package io.github.wso2ports.ports;

import java.util.List;

/**
 * The catalog's {@code [inbound]} table: inbound endpoints are listeners a user deploys as synapse artifacts, so the
 * catalog cannot list their ports; it says where their files are, which of their parameters make them listen and
 * what the offset does to each. Every endpoint found becomes a port with an entry of its own ({@link #entry}).
 *
 * @param id         the prefix of each endpoint's entry id: {@code <id>.<endpoint name>}
 * @param purpose    what listens there; the endpoint's name and protocol are added
 * @param groups     the port groups of the runtimes whose inbound endpoints are read
 * @param folder     where the endpoint files are, relative to the runtime's home; {@code *} is any one folder (the
 *                   synapse configuration's name)
 * @param parameters the parameters that hold a listening port, in the order they are tried
 */
public record InboundScan(String id, String purpose, List<String> groups, String folder, String source,
        List<Parameter> parameters) {

    public InboundScan {
        groups = List.copyOf(groups);
        parameters = List.copyOf(parameters);
    }

    /**
     * A parameter of an inbound endpoint that makes it listen on the port it holds.
     *
     * @param names   the parameter's names (some listeners read two spellings)
     * @param address the parameter that holds its bind address, or null when it binds every address
     * @param rule    conditional (moved when {@code shifts} is on) or fixed
     * @param shifts  the flag that moves it with the offset
     * @param stays   why it does not move, for fixed ports
     * @param source  the code that binds it
     */
    public record Parameter(List<String> names, String address, OffsetRule rule, Condition shifts, String stays,
            String source) {

        public Parameter {
            names = List.copyOf(names);
        }
    }

    /** The entry of one endpoint: its own id (a Maven property key), purpose and offset rule. */
    public CatalogEntry entry(String endpoint, String kind, Parameter p, int port) {
        return CatalogEntry.of(id + "." + endpoint, port, p.rule(), e -> {
            e.purpose = purpose + " " + endpoint + " (" + kind + ")";
            e.shifts = p.shifts();
            e.groups = groups;
            e.source = p.source();
            e.stays = p.stays();
        });
    }
}
