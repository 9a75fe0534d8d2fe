package io.github.wso2ports.maven;

import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.RecordingLog;

import org.apache.maven.plugin.AbstractMojo;

import java.nio.file.Path;
import java.util.Map;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;

/** What the mojo tests share: a mojo injected by the harness set up as Maven would, and instances for its pom. */
final class Mojos {

    private Mojos() {
    }

    /**
     * Sets the project folder, the defaults Maven gives the estate's settings, the log and then {@code parameters}
     * (the harness leaves the defaults of the plugin descriptor unset).
     */
    static <M extends AbstractMojo> M configure(M mojo, Path basedir, RecordingLog log, Map<String, Object> parameters)
            throws Exception {
        setVariableValueToObject(mojo, "basedir", basedir.toFile());
        if (mojo instanceof AbstractEstateMojo) {
            setVariableValueToObject(mojo, "ephemeralPorts", "32768-60999");
        }
        if (mojo instanceof AbstractCheckMojo) {
            setVariableValueToObject(mojo, "failOnClash", true);
        }
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            setVariableValueToObject(mojo, p.getKey(), p.getValue());
        }
        mojo.setLog(log);
        return mojo;
    }

    /** An {@code <instance>} of the pom. */
    static Instance instance(String id, Dist home, String offset) {
        Instance i = new Instance();
        i.setId(id);
        i.setHome(home.home().toString());
        i.setOffset(offset);
        return i;
    }
}
