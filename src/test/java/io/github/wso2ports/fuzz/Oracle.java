package io.github.wso2ports.fuzz;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.introspector.BeanAccess;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent oracle for the fuzzer: the port offset a WSO2 server really runs at, given the raw bytes of its
 * offset file. Every rule follows WSO2's own code (sources are cited next to each rule); where that code leaves the
 * outcome open (environment, library version, product resources) the verdict is {@link Unsure}.
 *
 * <p>Sources read (snapshots of the public repositories):
 * <ul>
 * <li>wso2/carbon-kernel branches 4.4.x .. 4.12.x: {@code core/org.wso2.carbon.base/.../ServerConfiguration.java},
 *     {@code .../base/internal/CarbonBaseActivator.java}, {@code core/org.wso2.carbon.tomcat.ext/.../
 *     ServletTransportManager.java}, {@code core/org.wso2.carbon.utils/.../CarbonUtils.java}
 *     (getPortFromServerConfig); Axiom 1.2.11 (apache/ws-axiom tag 1.2.11, OMElementImpl.getText).</li>
 * <li>wso2/micro-integrator v4.3.0: {@code CarbonServerConfigurationService}, {@code core/internal/Activator},
 *     {@code org/wso2/micro/core/util/CarbonUtils.resolveSystemProperty}; wso2/wso2-synapse
 *     {@code PassThroughHttpListener.init}.</li>
 * <li>wso2/config-mapper (1.0.x and master): {@code TomlParser}, {@code ReferenceResolver}, {@code JinjaParser},
 *     {@code ConfigParser}; ConsenSys/cava tag 0.5.0 (cava-toml, the TOML parser config-mapper uses);
 *     carbon-kernel 4.9.x and micro-integrator v4.3.0 {@code carbon.xml.j2}; HubSpot/jinjava DefaultFilter.</li>
 * <li>wso2/carbon-kernel tags v5.1.0 (YAMLBasedConfigProvider, carbon.yml) and v5.2.x/v5.3.x (CarbonConfiguration,
 *     PortsConfig); wso2/carbon-config ({@code ConfigurationUtils.getDeploymentConfigMap},
 *     {@code ConfigProviderImpl.getConfigurationObject}, {@code ConfigFileReader.getFileContent});
 *     snakeyaml/snakeyaml at v1.17 and 2.5 (Resolver, Constructor.constructJavaBean2ndStep, Node.useClassConstructor,
 *     StreamReader.isPrintable).</li>
 * </ul>
 */
public final class Oracle {

    /** What WSO2 makes of a runtime's offset file. */
    public sealed interface Verdict permits Runs, Unreadable, Unsure {}

    /** WSO2 runs at this offset, read from this file. */
    public record Runs(int offset) implements Verdict {}

    /**
     * WSO2 cannot read a number here: it fails to start, or logs an error and falls back to a default. A tool that
     * claims to read the offset must report an error.
     */
    public record Unreadable(String why) implements Verdict {}

    /** WSO2's behaviour here is not established from its code: any clean outcome is acceptable. */
    public record Unsure(String why) implements Verdict {}

    private Oracle() {
    }

    // ------------------------------------------------------------------------------------------------------------
    // Carbon 4: carbon.xml
    // ------------------------------------------------------------------------------------------------------------

    /** Carbon 4 carbon.xml: Ports/Offset as ServerConfiguration + CarbonUtils read it. */
    public static Verdict carbonXml(byte[] file) {
        if (file.length == 0) {
            return new Unreadable("empty file: not XML, StAXOMBuilder throws and ServerConfiguration.init fails");
        }
        Verdict encoding = bomConflict(file);
        if (encoding != null) {
            return encoding;
        }
        CarbonXmlHandler handler = new CarbonXmlHandler();
        try {
            XMLReader reader = secureSaxParser().getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            // belt and braces: nothing is ever fetched (the DOCTYPE itself already aborts the parse, see below)
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            reader.parse(new InputSource(new ByteArrayInputStream(file)));
        } catch (DoctypeSeen e) {
            // Axiom 1.2.11 creates an OMDocType (StAXOMBuilder.next, case DTD) and Woodstox may expand entities
            // declared there; WSO2's patched Axiom builds may instead refuse DTDs. Not established.
            return new Unsure("DOCTYPE: whether WSO2's Axiom/Woodstox accepts it and what its entities expand to"
                    + " is not established");
        } catch (SAXParseException e) {
            if (handler.rootClosed) {
                // ServerConfiguration.init reads the root's children and then toStringWithConsume(): Axiom stops at
                // the root's end tag, so junk after it may never be parsed.
                return new Unsure("malformed only after the root element (" + e.getMessage()
                        + "): Axiom may never read that far");
            }
            return new Unreadable("not well-formed XML (" + e.getMessage() + "): ServerConfiguration.init fails");
        } catch (SAXException | IOException e) {
            return new Unreadable("unreadable XML (" + e.getMessage() + "): ServerConfiguration.init fails");
        }
        return handler.verdict();
    }

    /**
     * Reproduces ServerConfiguration.readChildElements (carbon-kernel 4.4.x..4.12.x, same in micro-integrator
     * CarbonServerConfigurationService): walk the root's children recursively, key = local names below the root
     * joined with '.', namespaces ignored (OMElement.getLocalName); an element counts when getText().trim() is
     * non-empty, where Axiom 1.2.11 OMElementImpl.getText() concatenates the element's own TEXT and CDATA children
     * only (not comments, PIs or child elements; entity and character references arrive already expanded).
     * getFirstProperty("Ports.Offset") is the first such value in document order.
     */
    private static final class CarbonXmlHandler extends DefaultHandler2 {
        private final Deque<String> path = new ArrayDeque<>();          // local names below the root
        private final Deque<StringBuilder> texts = new ArrayDeque<>();  // own text of each open element
        private final Deque<Boolean> aliased = new ArrayDeque<>();
        private int depth;
        private int maxDepth;
        private int deniedAdminServicesDepth;
        private boolean rootClosed;
        private String offset;
        private boolean offsetAliased;
        private Verdict crash;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            depth++;
            maxDepth = Math.max(maxDepth, depth);
            if (depth > 1) {
                path.addLast(localName);
            }
            texts.push(new StringBuilder());
            boolean alias = false;
            for (int i = 0; i < atts.getLength(); i++) {
                alias |= "secretAlias".equals(atts.getLocalName(i));
            }
            aliased.push(alias);
            if (depth > 1 && deniedAdminServicesDepth == 0 && "DeniedAdminServices".equals(localName)) {
                deniedAdminServicesDepth = depth;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!texts.isEmpty()) {
                texts.peek().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String text = texts.pop().toString();
            boolean alias = aliased.pop();
            // ServerConfiguration.elementHasText: getText().trim().length() != 0 (String.trim: chars <= U+0020 only)
            if (depth > 1 && !text.trim().isEmpty()) {
                if (offset == null && "Ports.Offset".equals(String.join(".", path))) {
                    offset = text;
                    offsetAliased = alias;
                } else {
                    noteReplaceSystemPropertyCrash(text, deniedAdminServicesDepth != 0);
                }
            }
            if (depth > 1) {
                path.removeLast();
            }
            if (depth == deniedAdminServicesDepth) {
                deniedAdminServicesDepth = 0;
            }
            depth--;
            rootClosed = depth == 0;
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new DoctypeSeen();
        }

        /**
         * Every element with text goes through ServerConfiguration.replaceSystemProperty, whose
         * {@code text.substring(start + 2, text.indexOf('}'))} throws when the first '}' is not past "${" (and
         * System.getProperty("") throws for "${}"). The exception escapes ServerConfiguration.init, so
         * CarbonBaseActivator.start (kernel) / Activator.start (MI) fails.
         */
        private void noteReplaceSystemPropertyCrash(String text, boolean insideDeniedAdminServices) {
            int pass = replaceSystemPropertyCrashPass(text);
            if (pass == 0) {
                return;
            }
            Verdict v;
            if (pass == 1 && !miResolvesEarly(text) && !insideDeniedAdminServices) {
                v = new Unreadable("ServerConfiguration.replaceSystemProperty throws on " + quote(text)
                        + ": ServerConfiguration.init fails");
            } else if (pass == 1) {
                // 4.9.x+ skip the DeniedAdminServices subtree (4.4.x reads it); MI's resolveSystemProperty returns
                // before the ${ loop when the text holds $sys{..} or $env{..}.
                v = new Unsure("replaceSystemProperty would throw on " + quote(text)
                        + " in some Carbon/MI versions only");
            } else {
                v = new Unsure("replaceSystemProperty throws on " + quote(text)
                        + " only if an earlier ${...} property is set");
            }
            if (crash == null || (crash instanceof Unsure && v instanceof Unreadable)) {
                crash = v;
            }
        }

        Verdict verdict() {
            if (maxDepth > 1000) {
                // readChildElements recurses once per level; a deep enough tree overflows the JVM stack.
                return new Unsure("nesting depth " + maxDepth + ": ServerConfiguration's recursive walk may overflow");
            }
            Verdict value;
            if (offset == null) {
                // No default: CarbonBaseActivator.start (kernel 4.4.x..4.12.x) and MI Activator do
                // System.setProperty("portOffset", System.getProperty("portOffset", getFirstProperty("Ports.Offset")))
                // which throws NullPointerException for a null value; ServletTransportManager.init says
                // "There is a default value in carbon.xml, therefor not doing a null check here".
                value = new Unreadable("no Ports/Offset with text: CarbonBaseActivator passes null to"
                        + " System.setProperty (NullPointerException)");
            } else if (offsetAliased) {
                // 4.6.x+ ServerConfiguration: MiscellaneousUtil.resolve(element, secretResolver) takes the value
                // from the secure vault when the element carries svns:secretAlias.
                value = new Unsure("Offset has a secretAlias attribute: the value comes from the secure vault");
            } else {
                value = offsetText(offset);
            }
            if (crash instanceof Unreadable) {
                return crash;
            }
            if (value instanceof Unreadable || crash == null) {
                return value;
            }
            return crash;
        }
    }

    /** Thrown to stop the parse at a DOCTYPE, before any DTD is read. */
    private static final class DoctypeSeen extends SAXException {
        private static final long serialVersionUID = 1L;

        DoctypeSeen() {
            super("DOCTYPE");
        }
    }

    /**
     * The text of the first Ports/Offset, as the runtime turns it into a number.
     * <ul>
     * <li>ServerConfiguration.replaceSystemProperty (kernel) replaces ${name} with a system property or environment
     * variable and leaves it as is when unset; MI's CarbonUtils.resolveSystemProperty also resolves $sys{..} and
     * $env{..} and leaves them (logging an error) when unset. Assumed unset: the text stays, not a number.</li>
     * <li>No trim: ServletTransportManager.init and CarbonUtils.getPortFromServerConfig (kernel 4.4.x..4.12.x),
     * MicroIntegratorBaseUtils.getPortFromServerConfig (MI v4.3.0) and synapse PassThroughHttpListener.init all call
     * Integer.parseInt on the raw string (System property "portOffset" as CarbonBaseActivator set it). Only MI's
     * PersistenceUtils.getPortOffset trims, for the inbound endpoints. So " 3" fails where the HTTP(S) ports are
     * bound. Integer.parseInt accepts a leading '+' or '-', leading zeros, and any Unicode decimal digit
     * (Character.digit), which is exactly what calling it here reproduces.</li>
     * </ul>
     */
    private static Verdict offsetText(String value) {
        if (value.contains("${") || between(value, "$sys{", "}") || between(value, "$env{", "}")) {
            return new Unreadable("Offset " + quote(value) + " is a placeholder: with the property unset the text"
                    + " stays and Integer.parseInt fails");
        }
        try {
            return range(Integer.parseInt(value), "Offset " + quote(value));
        } catch (NumberFormatException e) {
            return new Unreadable("Integer.parseInt(" + quote(value) + ") throws NumberFormatException"
                    + " (ServletTransportManager.init / PassThroughHttpListener.init; no trim)");
        }
    }

    private static Verdict range(long offset, String what) {
        if (offset < 0) {
            return new Unreadable(what + " is negative");
        }
        if (offset > 65535) {
            return new Unreadable(what + " is above 65535");
        }
        return new Runs((int) offset);
    }

    /**
     * ServerConfiguration.replaceSystemProperty's loop, with every property assumed unset on the first pass and set
     * (to a plain value) afterwards: 0 = never throws, 1 = throws whatever the environment, 2 = throws only if the
     * earlier properties are set.
     */
    private static int replaceSystemPropertyCrashPass(String text) {
        int start = -1;
        int pass = 0;
        while (start < text.indexOf("${") && (start = text.indexOf("${")) != -1) {
            int close = text.indexOf('}');
            if (close == -1) {
                return 0;
            }
            pass++;
            if (close <= start + 2) {   // substring(start + 2, close) throws, or System.getProperty("") throws
                return pass == 1 ? 1 : 2;
            }
            text = text.substring(0, start) + "0" + text.substring(close + 1);
        }
        return 0;
    }

    /** MI CarbonUtils.resolveSystemProperty returns before its ${ loop when it finds $sys{..} or $env{..}. */
    private static boolean miResolvesEarly(String text) {
        return between(text, "$sys{", "}") || between(text, "$env{", "}");
    }

    /** StringUtils.substringBetween(text, open, close) != null. */
    private static boolean between(String text, String open, String close) {
        int i = text.indexOf(open);
        return i >= 0 && text.indexOf(close, i + open.length()) >= 0;
    }

    /**
     * A byte order mark that disagrees with the XML declaration: the JDK parser follows the declaration, Woodstox
     * (which Axiom uses) may follow the BOM or fail. Not established.
     */
    private static Verdict bomConflict(byte[] b) {
        String bom = null;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            bom = "UTF-8";
            skip = 3;
        } else if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0))) {
            return new Unsure("UTF-32 byte order mark: Woodstox and the JDK parser may disagree");
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            bom = "UTF-16BE";
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            bom = "UTF-16LE";
            skip = 2;
        }
        if (bom == null) {
            return null;
        }
        String head = new String(b, skip, Math.min(b.length - skip, 400),
                bom.equals("UTF-8") ? StandardCharsets.ISO_8859_1
                        : bom.equals("UTF-16BE") ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        Matcher m = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']").matcher(head);
        if (!m.find()) {
            return null;
        }
        String declared = m.group(1).toUpperCase(Locale.ROOT).replace("_", "-");
        boolean agrees = bom.equals("UTF-8") ? declared.equals("UTF-8") || declared.equals("UTF8")
                : declared.startsWith("UTF-16") || declared.startsWith("UNICODE");
        return agrees ? null : new Unsure("byte order mark " + bom + " but encoding=\"" + m.group(1)
                + "\": Woodstox and the JDK parser may disagree");
    }

    private static SAXParser secureSaxParser() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);   // Axiom builds namespace-aware: unbound prefixes are errors
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // Axiom/Woodstox set no depth limit; JDK 24+ default jdk.xml.maxElementDepth to 100 (depths past 1000 are
            // Unsure above)
            p.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "0");
            return p;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Carbon 4.6+: deployment.toml through config-mapper
    // ------------------------------------------------------------------------------------------------------------

    /**
     * A config-mapper deployment.toml ([server] offset), rendered into carbon.xml and then read as Carbon 4 does;
     * defaultOffset when the toml sets none (the value the product's carbon.xml.j2 template falls back to).
     */
    public static Verdict deploymentToml(byte[] file, int defaultOffset) {
        // config-mapper TomlParser.parse: cava-toml 0.5.0 Toml.parse(Path) (TomlVersion.LATEST = V0_5_0, UTF-8 via
        // ANTLR CharStreams); any error -> ConfigParserException -> carbon Main.handleConfiguration System.exit(1).
        // ANTLR's CharStreams decode UTF-8 reporting malformed input: an IOException, the server exits
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file));
        } catch (java.nio.charset.CharacterCodingException e) {
            return new Unreadable("not valid UTF-8: config-mapper cannot read it, the server exits");
        }
        TomlParseResult v1;
        TomlParseResult v05;
        try {
            v1 = parseToml(file, TomlVersion.V1_0_0);
            v05 = parseToml(file, TomlVersion.V0_5_0);
        } catch (AssertionError e) {
            // tomlj asserts (under -ea) where it would report a bad escape: invalid TOML either way
            return new Unreadable("not valid TOML (a malformed escape): config-mapper throws, the server exits");
        }
        if (v1.hasErrors() && v05.hasErrors()) {
            return new Unreadable("not valid TOML (" + v1.errors().get(0) + "): config-mapper throws, the server"
                    + " exits");
        }
        if (v1.hasErrors() || v05.hasErrors()) {
            return new Unsure("valid TOML " + (v1.hasErrors() ? "0.5" : "1.0") + " only; config-mapper parses with"
                    + " cava-toml 0.5.0");
        }
        // TomlParser.parseToml keys the context by dottedKeySet(); a quoted top-level key "server.offset" becomes
        // the context key 'server.offset' (JinjaParser.getDottedKeyArray keeps it one segment). Whether Jinjava's
        // {{server.offset}} can reach it is not established.
        if (v1.keySet().contains("server.offset")) {
            return new Unsure("a quoted top-level key \"server.offset\" is not [server] offset; how the template"
                    + " sees it is not established");
        }
        Object server = v1.get(List.of("server"));
        if (server == null) {
            return range(defaultOffset, "the template default");
        }
        if (!(server instanceof TomlTable)) {
            // "server" becomes a list or scalar in the template context, and the product's default.json server.*
            // keys may replace it with a map (JinjaParser.changeToHierarchicalMap). Not established.
            return new Unsure("server is a " + tomlType(server) + ", not a table: what {{server.offset}} renders"
                    + " depends on the product's default.json and Jinjava");
        }
        Object value = ((TomlTable) server).get(List.of("offset"));
        Object value05 = v05.get(List.of("server", "offset"));
        if (value == null) {
            // carbon.xml.j2 (kernel 4.9.x, MI v4.3.0): <Offset>{{server.offset | default('N')}}</Offset>; Jinjava's
            // DefaultFilter returns the default only for null.
            return range(defaultOffset, "the template default");
        }
        if ((value instanceof Long || value instanceof String) && !value.equals(value05)) {
            return new Unsure("TOML 1.0 and 0.5 read server.offset differently");
        }
        if (value instanceof Long n) {
            // rendered as its decimal digits, parsed back by Integer.parseInt
            return range(n, "server.offset " + n);
        }
        if (value instanceof String s) {
            return renderedString(s);
        }
        if (value instanceof TomlTable t && t.isEmpty()) {
            // cava-toml 0.5.0 TomlTable.keyPathSet() leaves out empty tables, so the key never reaches the template
            return range(defaultOffset, "the template default (empty table dropped by dottedKeySet)");
        }
        return new Unreadable("server.offset is a " + tomlType(value) + ": it renders as text that is not an"
                + " integer");
    }

    /** A string server.offset, rendered verbatim into {@code <Offset>...</Offset>} and read back by Carbon. */
    private static Verdict renderedString(String s) {
        // config-mapper ReferenceResolver resolves $sys{..}, $env{..}, $ref{..} (other keys) and $secret{..}.
        for (String ref : List.of("$sys{", "$env{", "$ref{", "$secret{")) {
            if (s.contains(ref)) {
                return new Unsure("server.offset " + quote(s) + " holds a " + ref + "..} reference, resolved at"
                        + " startup from outside this file");
            }
        }
        if (s.contains("{{") || s.contains("{%") || s.contains("{#")) {
            return new Unsure("server.offset " + quote(s) + " looks like Jinja: nested interpretation depends on"
                    + " the Jinjava version");
        }
        if (s.contains("<")) {
            return new Unsure("server.offset " + quote(s) + " injects markup into carbon.xml: the outcome depends"
                    + " on the rest of the template");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                // ConfigParser.deploy writes UTF-8, but carbon.xml.j2 declares encoding="ISO-8859-1": every
                // non-ASCII character comes back as 2-4 Latin-1 characters, none a digit nor trimmable.
                return new Unreadable("server.offset " + quote(s) + " has non-ASCII characters: carbon.xml is"
                        + " written as UTF-8 but declares ISO-8859-1");
            }
        }
        // Jinjava writes the string as is (no autoescape); Carbon then reads it as XML text (entities expand).
        String carbonXml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"><Ports><Offset>" + s
                + "</Offset></Ports></Server>";
        Verdict v = carbonXml(carbonXml.getBytes(StandardCharsets.ISO_8859_1));
        return v instanceof Unreadable u ? new Unreadable("server.offset " + quote(s) + " rendered into carbon.xml: "
                + u.why()) : v;
    }

    private static TomlParseResult parseToml(byte[] file, TomlVersion version) {
        try {
            return Toml.parse(new ByteArrayInputStream(file), version);
        } catch (IOException e) {
            throw new IllegalStateException(e);   // a byte array never fails to read
        }
    }

    private static String tomlType(Object value) {
        if (value instanceof TomlTable) {
            return "table";
        }
        if (value instanceof TomlArray a) {
            return !a.isEmpty() && a.get(0) instanceof TomlTable ? "array of tables" : "array";
        }
        return value.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Carbon 5: deployment.yaml (carbon-config) and carbon.yml (kernel 5.1.x)
    // ------------------------------------------------------------------------------------------------------------

    /** A Carbon 5 deployment.yaml (path "wso2.carbon", key ports -> offset) or carbon.yml (path "", ports -> offset). */
    public static Verdict carbon5Yaml(byte[] file, String parentPath) {
        // carbon-config ConfigFileReader.getFileContent: new String(bytes, UTF_8); kernel 5.1.x
        // YAMLBasedConfigProvider: Scanner(in, "UTF-8"). Both replace malformed input with U+FFFD.
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.codePoints().anyMatch(c -> c > 0xFFFF)) {
            // SnakeYAML 1.17 StreamReader rejects surrogate pairs ("special characters are not allowed"), 2.x
            // accepts them; which SnakeYAML a Carbon 5 product bundles is not established.
            return new Unsure("characters beyond U+FFFF: SnakeYAML 1.x rejects them, 2.x accepts them");
        }
        try {
            return parentPath == null || parentPath.isEmpty() ? carbonYml(text) : deploymentYaml(text, parentPath);
        } catch (StackOverflowError e) {
            return new Unsure("nesting too deep for a recursive YAML constructor");
        }
    }

    /**
     * carbon-config: ConfigurationUtils.getDeploymentConfigMap loads the file with {@code new Yaml().loadAs(text,
     * Map.class)} and keeps each top-level entry as {@code yaml.dumpAsMap(value)}; ConfigProviderImpl then binds the
     * namespace's text to the bean with BeanAccess.FIELD ({@code loadAs(text, CarbonConfiguration.class)}), or uses
     * {@code new CarbonConfiguration()} when the namespace is missing or null.
     */
    private static Verdict deploymentYaml(String text, String namespace) {
        Object loaded;
        try {
            loaded = new Yaml(loaderOptions()).loadAs(text, Map.class);
        } catch (RuntimeException e) {
            return yamlFailure(e, "deployment.yaml does not load as a map");
        }
        if (loaded == null) {
            return new Unreadable("empty YAML document: getDeploymentConfigMap dereferences null");
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return new Unreadable("top level is not a mapping: getDeploymentConfigMap's cast to Map fails");
        }
        Object ns = map.get(namespace);
        if (ns == null) {
            // ConfigProviderImpl.getConfigurationObject: "creating configuration instance with default values";
            // PortsConfig: private int offset = 0.
            return new Runs(0);
        }
        if (ns instanceof List) {
            return new Unsure(namespace + " is a sequence: binding a bean from it is SnakeYAML-version specific");
        }
        if (!(ns instanceof Map<?, ?> nsMap)) {
            return new Unreadable(namespace + " is a scalar: CarbonConfiguration has no single-argument"
                    + " constructor");
        }
        if (nsMap.get("ports") instanceof Map<?, ?> ports && ports.get("offset") instanceof String s
                && s.contains("${")) {
            return placeholder(s);
        }
        // Binding rules (SnakeYAML 1.17 and 2.5 alike): a scalar whose tag was resolved implicitly, plain or quoted,
        // bound to an int field goes through Node.useClassConstructor -> ConstructScalar.constructStandardJavaInstance
        // -> ConstructYamlInt on its text, then Integer.parseInt: so '3' binds as 3, 010 as 8, 0x1F as 31, 1:30 as
        // 90, while 3.0, true, null, ' 3' and 09 fail. Unknown keys fail ("Unable to find property"); the last of
        // duplicate keys wins. Running the same pipeline on field-for-field copies of the beans reproduces this.
        String dumped = new Yaml().dumpAsMap(ns);
        CarbonConfiguration52 config;
        try {
            Yaml binder = new Yaml(new Constructor(CarbonConfiguration52.class, loaderOptions()));
            binder.setBeanAccess(BeanAccess.FIELD);
            config = binder.loadAs(dumped, CarbonConfiguration52.class);
        } catch (RuntimeException e) {
            return yamlFailure(e, "binding " + namespace + " to CarbonConfiguration fails");
        }
        Verdict v = portsOffset(config == null ? null : config.ports, config == null);
        ScalarNode raw = rawOffset(text, List.of(namespace, "ports", "offset"));
        if (v instanceof Runs && raw != null && raw.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && floatIn117(raw.getValue())) {
            // SnakeYAML 1.17 resolves this plain scalar to a float: the map keeps a Double, dumped as "n.0", which
            // ConstructYamlInt cannot read. 2.x keeps the text and reads it as an integer.
            return new Unsure("offset " + quote(raw.getValue()) + " is a float in SnakeYAML 1.17, not in 2.x");
        }
        return v;
    }

    /**
     * kernel v5.1.0 YAMLBasedConfigProvider.getCarbonConfiguration: Scanner(...).useDelimiter("\\A").next() (throws
     * on an empty file), Utils.substituteVariables, then {@code new Yaml()} with BeanAccess.FIELD and
     * {@code loadAs(text, CarbonConfiguration.class)}.
     */
    private static Verdict carbonYml(String text) {
        if (text.isEmpty()) {
            return new Unreadable("empty carbon.yml: Scanner.next() throws NoSuchElementException");
        }
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return yamlFailure(e, "carbon.yml is not valid YAML");
        }
        // Utils.substituteVariables runs over the whole text before it is parsed.
        ScalarNode raw = rawOffset(text, List.of("ports", "offset"));
        if (raw != null && raw.getValue().contains("${")) {
            return placeholder(raw.getValue());
        }
        CarbonConfiguration51 config;
        try {
            Yaml binder = new Yaml(new Constructor(CarbonConfiguration51.class, loaderOptions()));
            binder.setBeanAccess(BeanAccess.FIELD);
            config = binder.loadAs(text, CarbonConfiguration51.class);
        } catch (RuntimeException e) {
            return yamlFailure(e, "binding carbon.yml to CarbonConfiguration fails");
        }
        Verdict v = portsOffset(config == null ? null : config.ports, config == null);
        if (v instanceof Runs && hasDuplicateKeys(root)) {
            // SnakeYAML 1.x constructJavaBean2ndStep constructs every tuple (an earlier duplicate that does not bind
            // fails the load); 2.x drops earlier duplicates first (SafeConstructor.processDuplicateKeys).
            return new Unsure("duplicate keys in carbon.yml: SnakeYAML 1.x also binds the earlier values");
        }
        return v;
    }

    /**
     * carbon-config ConfigProviderImpl.processPlaceholder (${sys:..}, ${env:..}, ${sec:..}) and
     * ConfigurationUtils.substituteVariables / kernel 5.1 Utils.substituteVariables (${name}: system property or
     * environment variable, else RuntimeException) resolve it at startup.
     */
    private static Verdict placeholder(String s) {
        return new Unsure("offset " + quote(s) + " is a placeholder resolved from the environment");
    }

    /**
     * SnakeYAML 1.17 Resolver: a plain scalar starting with one of "-+0123456789." is an int if it matches INT,
     * else a float if it matches FLOAT (checked in that order).
     */
    private static boolean floatIn117(String plain) {
        return !plain.isEmpty() && "-+0123456789.".indexOf(plain.charAt(0)) >= 0
                && !INT_117.matcher(plain).matches() && FLOAT_117.matcher(plain).matches();
    }

    private static final Pattern INT_117 = Pattern.compile("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern FLOAT_117 = Pattern.compile("^([-+]?(\\.[0-9]+|[0-9_]+(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

    /** The scalar node at this key path (last duplicate wins), or null when absent or reached through merge keys. */
    private static ScalarNode rawOffset(String text, List<String> keys) {
        Node node;
        try {
            node = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return null;
        }
        for (String key : keys) {
            if (!(node instanceof MappingNode map) || hasMergeKey(map)) {
                return null;
            }
            node = last(map, key);
        }
        return node instanceof ScalarNode s ? s : null;
    }

    private static Verdict portsOffset(PortsConfig ports, boolean noConfiguration) {
        if (noConfiguration) {
            return new Unreadable("empty YAML document: the CarbonConfiguration is null");
        }
        if (ports == null) {
            return new Unsure("ports: null sets CarbonConfiguration.ports to null; what reads it then is not"
                    + " established");
        }
        return range(ports.offset, "ports.offset " + ports.offset);
    }

    private static Verdict yamlFailure(RuntimeException e, String what) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Global tag is not allowed")) {
            // SnakeYAML 1.x new Yaml() would try to construct the named class.
            return new Unsure("a global tag: SnakeYAML 1.x constructs arbitrary classes, 2.x refuses");
        }
        if (message.contains("Nesting Depth exceeded")) {
            return new Unsure("nesting deeper than this oracle's SnakeYAML limit");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = firstLine(message);
        if (root != e) {
            detail += " (" + firstLine(String.valueOf(root.getMessage())) + ")";
        }
        return new Unreadable(what + ": " + detail.replaceAll(" for JavaBean=\\S+", ""));
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }

    /** SnakeYAML 2.x options set back to SnakeYAML 1.17's unlimited behaviour where they differ. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);                    // 1.x: the last value wins
        o.setWarnOnDuplicateKeys(false);
        o.setMaxAliasesForCollections(Integer.MAX_VALUE); // 1.17 had no alias limit
        o.setCodePointLimit(Integer.MAX_VALUE);           // nor a size limit
        o.setNestingDepthLimit(1000);
        return o;
    }

    private static Node last(MappingNode map, String key) {
        Node found = null;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                found = t.getValueNode();
            }
        }
        return found;
    }

    private static boolean hasMergeKey(MappingNode map) {
        return map.getValue().stream().anyMatch(t -> Tag.MERGE.equals(t.getKeyNode().getTag()));
    }

    private static boolean hasDuplicateKeys(Node root) {
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n instanceof MappingNode m) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && !keys.add(k.getValue())) {
                        return true;
                    }
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
        return false;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F && c != '"' ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return b.append('"').toString();
    }

    // Field-for-field copies of the Carbon 5 configuration beans (SnakeYAML binds them with BeanAccess.FIELD, so an
    // unknown key or a value of the wrong type fails exactly as it would against the real class).

    /** org.wso2.carbon.kernel.config.model.CarbonConfiguration, carbon-kernel v5.2.10 .. v5.3.4 (deployment.yaml). */
    @SuppressWarnings("unused")
    private static final class CarbonConfiguration52 {
        private String id = "carbon-kernel";
        private String name = "WSO2 Carbon Kernel";
        private String type;
        private boolean hostnameVerificationEnabled = false;
        private String version;
        private String tenant = "default";
        private PortsConfig ports = new PortsConfig();
        private StartupResolverConfig startupResolver = new StartupResolverConfig();
        private JmxConfiguration jmx = new JmxConfiguration();
    }

    /** The same class at carbon-kernel v5.1.0 (carbon.yml). */
    @SuppressWarnings("unused")
    private static final class CarbonConfiguration51 {
        private String id = "carbon-kernel";
        private String name = "WSO2 Carbon Kernel";
        private String version = "5.0.0";
        private String tenant = "default";
        private PortsConfig ports = new PortsConfig();
        private DeploymentConfig deployment = new DeploymentConfig();
        private StartupResolverConfig startupResolver = new StartupResolverConfig();
        private JmxConfiguration jmx = new JmxConfiguration();
    }

    /** PortsConfig (v5.0.0 .. master): {@code private int offset = 0}. */
    private static final class PortsConfig {
        private int offset = 0;
    }

    @SuppressWarnings("unused")
    private static final class StartupResolverConfig {
        private Timer capabilityListenerTimer = new Timer();
        private Timer pendingCapabilityTimer = new Timer();
    }

    /** CapabilityListenerTimer and PendingCapabilityTimer have the same two fields. */
    @SuppressWarnings("unused")
    private static final class Timer {
        private long delay;
        private long period;
    }

    @SuppressWarnings("unused")
    private static final class JmxConfiguration {
        private boolean enabled;
        private String hostName;
        private int rmiServerPort;
        private int rmiRegistryPort;
    }

    @SuppressWarnings("unused")
    private static final class DeploymentConfig {
        private DeploymentModeEnum mode = DeploymentModeEnum.scheduled;
        private String repositoryLocation;
        private int updateInterval = 15;
    }

    @SuppressWarnings("unused")
    private enum DeploymentModeEnum { triggered, scheduled }
}
