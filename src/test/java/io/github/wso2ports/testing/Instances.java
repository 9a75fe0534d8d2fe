package io.github.wso2ports.testing;

import io.github.wso2ports.Location;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.CatalogEntry;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Instances built in memory, for tests of what happens after the files are read. */
public final class Instances {

    private static final Catalog CATALOG = Catalog.builtIn();

    private Instances() {
    }

    /** An instance with the given ports (catalog id and base), each declared in conf/x.xml at the given line. */
    public static RuntimeInstance instance(String id, String host, int offset, Integer planned, Object... idBaseLine) {
        ProductRuntime runtime = new ProductRuntime("default", RuntimeRole.PRIMARY, "repository/conf",
                "repository/conf/carbon.xml", OffsetFormat.CARBON_XML, null, null);
        Distribution d = new Distribution(new FolderSource(Path.of(id), id), Layout.CLASSIC, List.of(runtime));
        List<PortUse> ports = new ArrayList<>();
        for (int i = 0; i < idBaseLine.length; i += 3) {
            CatalogEntry e = CATALOG.entry((String) idBaseLine[i]).orElseThrow();
            ports.add(PortUse.declared(e, (Integer) idBaseLine[i + 1], e.rule(),
                    Location.of(id + "/conf/x.xml").atLine((Integer) idBaseLine[i + 2])));
        }
        RuntimeConfig config = new RuntimeConfig(d, runtime, new ProductDetector.Detected(
                CATALOG.product("wso2carbon").orElseThrow(), "4.4.0", "test"), offset,
                Location.of(id + "/repository/conf/carbon.xml").atLine(1), id + "/repository/conf/carbon.xml:1", ports,
                List.of(), List.of(), List.of());
        return new RuntimeInstance(id, host, config, planned, "mvn wso2-ports:apply -Dwso2-ports.instance=" + id);
    }

    /** The same instance with its ports bound to the given addresses, in port order (null: every address). */
    public static RuntimeInstance bound(RuntimeInstance i, String... addresses) {
        RuntimeConfig c = i.config();
        List<PortUse> ports = new ArrayList<>();
        for (int k = 0; k < c.ports().size(); k++) {
            ports.add(c.ports().get(k).bindingTo(addresses[k]));
        }
        return new RuntimeInstance(i.id(), i.host(), new RuntimeConfig(c.distribution(), c.runtime(), c.product(),
                c.offset(), c.offsetLocation(), c.offsetSource(), ports, c.urls(), c.notes(), c.notices()),
                i.plannedOffset(), i.applyCommand());
    }

}
