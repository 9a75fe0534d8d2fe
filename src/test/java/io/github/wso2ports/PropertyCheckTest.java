package io.github.wso2ports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PropertyCheckTest {

    private static final Map<String, Boolean> KNOWN = Map.of("wso2-ports.dryRun", true, "wso2-ports.home", false,
            "wso2-ports.skip", true, "wso2-ports.runtime", false, "wso2-ports.outputDirectory", false);

    private static List<String> problems(PropertyCheck.Given... given) {
        return PropertyCheck.problems(List.of(given), KNOWN);
    }

    private static PropertyCheck.Given d(String name, String value) {
        return new PropertyCheck.Given(name, value, "-D");
    }

    @Test
    void aMistypedNameIsRefusedWithTheNearestKnownOne() {
        assertEquals(List.of("-Dwso2-ports.dryrun is not a setting of wso2-ports (did you mean wso2-ports.dryRun?); "
                + "nothing was read or written. Fix the name"), problems(d("wso2-ports.dryrun", "true")));
        assertEquals(List.of("-Dwso2-ports.hom is not a setting of wso2-ports (did you mean wso2-ports.home?); nothing "
                + "was read or written. Fix the name"), problems(d("wso2-ports.hom", "/opt/wso2")));
        assertEquals(List.of("wso2-ports.outputDir in pom.xml <properties> is not a setting of wso2-ports (did you mean "
                + "wso2-ports.outputDirectory?); nothing was read or written. Fix the name"),
                problems(new PropertyCheck.Given("wso2-ports.outputDir", "x", "pom.xml <properties>")));
        assertEquals(1, problems(d("wso2-ports.zzzzzzzzzzzz", "1")).size());
        assertEquals(false, problems(d("wso2-ports.zzzzzzzzzzzz", "1")).get(0).contains("did you mean"));
    }

    @Test
    void aSwitchIsTrueOrFalse() {
        assertEquals(List.of("-Dwso2-ports.dryRun is 'yes', not true or false; nothing was read or written. Write "
                + "wso2-ports.dryRun=true, wso2-ports.dryRun=false, or -Dwso2-ports.dryRun alone for true"),
                problems(d("wso2-ports.dryRun", "yes")));
        assertEquals(List.of(), problems(d("wso2-ports.dryRun", ""), d("wso2-ports.skip", "FALSE"),
                d("wso2-ports.home", "yes")));
    }

    @Test
    void othersPropertiesAndExportedPortsAreNotOurs() {
        assertEquals(List.of(), problems(d("wso2ports.corpus", "x"), d("offset", "3"), d("wso2-ports.apim.offset", "3"),
                d("wso2-ports.apim.passthrough-http", "8280"), d("wso2-ports.version", "0.1.0")));
    }
}
