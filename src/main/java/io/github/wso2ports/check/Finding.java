package io.github.wso2ports.check;

import java.util.List;

/**
 * One problem of the estate, printed as one line:
 * {@code <host> <protocol>/<port> <kind>: <owner> <-> <owner>}, or {@code <host> <kind>: <message>} when it is
 * not about one port.
 *
 * @param port    the port, or 0 when the finding is not about one port
 * @param owners  every holder of the port, sorted
 * @param message what is wrong and how to fix it, where owners alone do not say it; may be null
 */
public record Finding(FindingKind kind, Severity severity, String host, String protocol, long port, List<Owner> owners,
        String message) {

    public Finding {
        owners = List.copyOf(owners);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(kind, s, host, protocol, port, owners, message);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(host).append(' ');
        if (port != 0) {
            sb.append(protocol).append('/').append(port).append(' ');
        }
        sb.append(kind.label()).append(": ");
        for (int i = 0; i < owners.size(); i++) {
            sb.append(i == 0 ? "" : " <-> ").append(owners.get(i).describe());
        }
        if (message != null) {
            sb.append(owners.isEmpty() ? "" : ": ").append(message);
        }
        return sb.toString();
    }
}
