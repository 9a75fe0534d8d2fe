package io.github.wso2ports.ports;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where WSO2's images take their configuration from: config volumes, whose content the entrypoint copies over the
 * product home at start, and the product home itself under a home parent ({@code /home/wso2carbon/wso2am-2.6.0}).
 */
public record ContainerHomes(List<String> configVolumes, List<String> homeParents) {

    private static final Pattern HOME = Pattern.compile("wso2[a-z0-9-]*-\\d+(?:\\.\\d+)*");

    public ContainerHomes {
        configVolumes = List.copyOf(configVolumes);
        homeParents = List.copyOf(homeParents);
    }

    /**
     * Where a path in the container lands in the product home: the path relative to the home ("" for the home
     * itself), or null when it is no configuration (a data or artifact volume).
     */
    public String inHome(String containerPath) {
        String path = containerPath.replaceAll("/+$", "");
        for (String volume : configVolumes) {
            if (path.equals(volume)) {
                return "";
            }
            if (path.startsWith(volume + "/")) {
                return path.substring(volume.length() + 1);
            }
        }
        for (String parent : homeParents) {
            if (path.startsWith(parent + "/")) {
                String rest = path.substring(parent.length() + 1);
                int slash = rest.indexOf('/');
                String first = slash < 0 ? rest : rest.substring(0, slash);
                if (HOME.matcher(first).matches()) {
                    return slash < 0 ? "" : rest.substring(slash + 1);
                }
            }
        }
        return null;
    }
}
