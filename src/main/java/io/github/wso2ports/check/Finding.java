package io.github.wso2ports.check;

import java.util.List;

/**
 * One problem of the estate, printed as one line:
 * {@code <host> <protocol>/<port> <kind>: <owner> <-> <owner>}, or {@code <host> <kind>: <message>} when it is
 * not about one port.
 *
 * @param port    the port, or 0 when the finding is not about one port
 * @param owners  every holder of the port, sorted
 * @param message     what is wrong and how to fix it, where owners alone do not say it; may be null
 * @param suppression the accepted-findings entry that covers it, or null
 */
public record Finding(FindingKind kind, Severity severity, String host, String protocol, long port, List<Owner> owners,
        String message, Suppression suppression) {

    public Finding {
        owners = List.copyOf(owners);
    }

    public Finding(FindingKind kind, Severity severity, String host, String protocol, long port, List<Owner> owners,
            String message) {
        this(kind, severity, host, protocol, port, owners, message, null);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(kind, s, host, protocol, port, owners, message, suppression);
    }

    public Finding suppressedBy(Suppression s) {
        return new Finding(kind, severity, host, protocol, port, owners, message, s);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** True when this finding fails the build: an unsuppressed error, or a warning with failOnWarning. */
    public boolean fails(boolean failOnWarning) {
        return !isSuppressed() && (severity == Severity.ERROR || (failOnWarning && severity == Severity.WARNING));
    }

    /** {@code <host> <protocol>/<port> <kind>}: the part of {@link #describe()} before the owners. */
    public String head() {
        return host + " " + (port != 0 ? portColumn() + " " : "") + kind.label();
    }

    /** {@code tcp/9443}, or empty when the finding is not about one port. */
    public String portColumn() {
        return port != 0 ? protocol + "/" + port : "";
    }

    public String describe() {
        return describe(0, 0, 0);
    }

    /**
     * The one-line form with its columns (host, protocol/port, kind) padded to the given widths, so a list of
     * findings lines up; widths of 0 give the plain form.
     */
    public String describe(int hostWidth, int portWidth, int kindWidth) {
        return describe(hostWidth, portWidth, kindWidth, false);
    }

    /**
     * As {@link #describe(int, int, int)}; {@code brief} leaves out what listens on the port (the purposes go to the
     * verbose output and the reports), so a line names the port, the owners and their files and lines.
     */
    public String describe(int hostWidth, int portWidth, int kindWidth, boolean brief) {
        StringBuilder sb = new StringBuilder();
        pad(sb, host, hostWidth).append(' ');
        if (port != 0 || portWidth > 0) {
            pad(sb, portColumn(), portWidth).append(' ');
        }
        pad(sb, kind.label() + ":", kindWidth == 0 ? 0 : kindWidth + 1).append(' ');
        for (int i = 0; i < owners.size(); i++) {
            // a link's owners say which URL points where: that stays, even brief
            boolean shortOwner = brief && kind != FindingKind.LINK;
            sb.append(i == 0 ? "" : " <-> ").append(shortOwner ? owners.get(i).brief() : owners.get(i).describe());
        }
        if (message != null) {
            sb.append(owners.isEmpty() ? "" : ": ").append(message);
        }
        return sb.toString().stripTrailing();
    }

    private static StringBuilder pad(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }
}
