package bench;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.ports.Catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark estates, from the corpus (-Dwso2ports.corpus, default ../shared/corpus from the repo root). */
final class Estate {

    static final List<String> TWENTY = List.of("wso2am-2.6.0", "wso2am-3.2.0", "wso2am-4.2.0", "wso2am-4.5.0",
            "wso2am-tm-4.5.0", "wso2am-universal-gw-4.5.0", "wso2is-5.3.0", "wso2is-5.11.0", "wso2is-7.0.0",
            "wso2ei-6.1.1", "wso2ei-6.4.0", "wso2ei-6.6.0", "wso2esb-5.0.0", "wso2mi-1.2.0", "wso2mi-4.3.0",
            "wso2das-3.2.0", "wso2iot-3.3.0", "wso2sp-4.4.0", "wso2carbon-4.4.40", "wso2emm-2.2.0");

    private Estate() {
    }

    static Path corpus() {
        return Path.of(System.getProperty("wso2ports.corpus", "../shared/corpus")).toAbsolutePath().normalize()
                .resolve("files");
    }

    /** The 20 distributions, each on its own host. */
    static List<EstateReader.InstanceSpec> twenty() {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < TWENTY.size(); i++) {
            String d = TWENTY.get(i);
            specs.add(new EstateReader.InstanceSpec(d, corpus().resolve(d), d, "host" + i, null, null, null, "apply"));
        }
        return specs;
    }

    /** {@code count} instances: the 20 distributions again and again, 20 to a host. */
    static List<RuntimeInstance> instances(int count) {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String d = TWENTY.get(i % TWENTY.size());
            specs.add(new EstateReader.InstanceSpec(d + "-" + i, corpus().resolve(d), d, "host" + i / TWENTY.size(),
                    null, null, null, "apply"));
        }
        EstateReader.Result r = EstateReader.read(specs, Catalog.builtIn());
        if (!r.errors().isEmpty()) {
            throw new IllegalStateException(r.errors().get(0).describe());
        }
        return r.instances();
    }
}
