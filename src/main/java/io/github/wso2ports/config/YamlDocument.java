package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML config (Carbon 5 deployment.yaml, cassandra.yaml) as a node tree that keeps line numbers. Only
 * composed, never constructed into objects: no tags are resolved to classes, aliases are capped.
 */
public final class YamlDocument {

    /** A scalar found by {@link #select}: its text and where it is. */
    public record Value(String text, Location location) {
    }

    private final TextFile file;
    private final Node root;

    private YamlDocument(TextFile file, Node root) {
        this.file = file;
        this.root = root;
    }

    /** The file as read. */
    public TextFile file() {
        return file;
    }

    /** Parses UTF-8 bytes read at {@code location}. */
    public static YamlDocument parse(Location location, byte[] bytes) {
        return parse(TextFile.utf8(location, bytes));
    }

    public static YamlDocument parse(TextFile file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        // what Yaml.compose does, without building the constructor, representer and dumper a Yaml instance carries
        // and composing never uses
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(file.text())), options),
                    new Resolver(), options);
            return new YamlDocument(file, composer.getSingleNode());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Wso2PortsException(file.location().atLine(mark == null ? 0 : mark.getLine() + 1),
                    "invalid YAML: " + e.getProblem(), "Fix the YAML; WSO2 would not start with it either");
        } catch (YAMLException e) {
            throw new Wso2PortsException(file.location(), "invalid YAML: " + e.getMessage(),
                    "Fix the YAML; WSO2 would not start with it either");
        }
    }

    /**
     * The scalars at a path of mapping keys separated by {@code /} ({@code wso2.carbon/ports/offset}; keys may
     * hold dots), where {@code *} steps into every item of a sequence, and {@code [key=value]} after a segment
     * keeps only mappings whose {@code key} is {@code value} ({@code [key!=value]}: whose key is absent or differs).
     */
    public List<Value> select(String path) {
        List<Value> values = new ArrayList<>();
        for (Node n : nodes(path)) {
            Value v = scalar(n);
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    private List<Node> nodes(String path) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(root);
        for (String segment : path.split("/")) {
            List<Node> next = new ArrayList<>();
            for (Node n : nodes) {
                step(n, segment, next);
            }
            nodes = next;
        }
        return nodes;
    }

    /**
     * Where a scalar is written: {@code [start, end)} of the file's text, quotes included, and its quote character
     * (0 for a plain scalar). Null for a block scalar ({@code |}, {@code >}), which an edit does not touch.
     */
    public record Span(Value value, int start, int end, char quote) {
    }

    /** The spans of the scalars at a path (see {@link #select(String)}). */
    public List<Span> spans(String path) {
        List<Span> out = new ArrayList<>();
        for (Node n : nodes(path)) {
            if (n instanceof ScalarNode s) {
                DumperOptions.ScalarStyle style = s.getScalarStyle();
                char quote = style == DumperOptions.ScalarStyle.PLAIN ? 0
                        : style == DumperOptions.ScalarStyle.DOUBLE_QUOTED ? '"'
                        : style == DumperOptions.ScalarStyle.SINGLE_QUOTED ? '\'' : 1;
                if (quote != 1) {
                    out.add(new Span(scalar(s), offset(s.getStartMark()), offset(s.getEndMark()), quote));
                }
            }
        }
        return out;
    }

    /** A mark's place in the text: SnakeYAML counts columns in code points, the text is in chars. */
    private int offset(Mark mark) {
        int lineStart = file.lineStart(mark.getLine() + 1);
        return file.text().offsetByCodePoints(lineStart, mark.getColumn());
    }

    /** True when both documents hold the same tree, the scalars at {@code path} aside. */
    public boolean sameExcept(YamlDocument other, String path) {
        return shape(root, new HashSet<>(nodes(path))).equals(other.shape(other.root, new HashSet<>(other.nodes(path))));
    }

    private static String shape(Node n, Set<Node> skip) {
        if (skip.contains(n)) {
            return "?";
        }
        if (n instanceof ScalarNode s) {
            return s.getTag().getValue() + ":" + s.getValue();
        }
        StringBuilder sb = new StringBuilder();
        if (n instanceof MappingNode map) {
            sb.append('{');
            for (NodeTuple t : map.getValue()) {
                sb.append(shape(t.getKeyNode(), skip)).append('=').append(shape(t.getValueNode(), skip)).append(',');
            }
            return sb.append('}').toString();
        }
        if (n instanceof SequenceNode seq) {
            sb.append('[');
            for (Node item : seq.getValue()) {
                sb.append(shape(item, skip)).append(',');
            }
            return sb.append(']').toString();
        }
        return String.valueOf(n);
    }

    /** A scalar found by {@link #select(String, String)} and a sibling of it: another key of the same mapping. */
    public record Pair(Value value, Value sibling) {
    }

    /**
     * The scalars at a path, each with the value of {@code siblingKey} in the mapping that holds it (null when that
     * mapping has no such key): {@code select("a/*[x=y]/port", "host")}.
     */
    public List<Pair> select(String path, String siblingKey) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        List<Node> parents = new ArrayList<>();
        parents.add(root);
        if (slash > 0) {
            for (String segment : path.substring(0, slash).split("/")) {
                List<Node> next = new ArrayList<>();
                for (Node n : parents) {
                    step(n, segment, next);
                }
                parents = next;
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Node parent : parents) {
            List<Node> found = new ArrayList<>();
            step(parent, last, found);
            List<Node> siblings = new ArrayList<>();
            step(parent, siblingKey, siblings);
            Value sibling = siblings.isEmpty() ? null : scalar(siblings.get(0));
            for (Node n : found) {
                Value v = scalar(n);
                if (v != null) {
                    out.add(new Pair(v, sibling));
                }
            }
        }
        return out;
    }

    /** The document's top node, to walk by key and item; null when the file holds no document. */
    public Item root() {
        return root == null ? null : new Item(root);
    }

    /**
     * A node of the tree, walked by key and by item. A scalar is its text exactly as written, never resolved (YAML 1.1
     * would read {@code 22:22} as the base-60 number 1342), so values are read as the tool that reads the file reads them.
     */
    public final class Item {

        private final Node node;

        private Item(Node node) {
            this.node = node;
        }

        /** Where the node starts. */
        public Location location() {
            return file.location().atLine(node.getStartMark().getLine() + 1);
        }

        public boolean isMapping() {
            return node instanceof MappingNode;
        }

        public boolean isList() {
            return node instanceof SequenceNode;
        }

        /** A scalar that is not an explicit or empty null. */
        public boolean isText() {
            return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL);
        }

        /** The scalar's text as written; null for a mapping, a list or a null. */
        public String text() {
            return isText() ? ((ScalarNode) node).getValue() : null;
        }

        /** The value of a key of a mapping; null when this is no mapping or has no such key. */
        public Item get(String key) {
            if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                        return new Item(t.getValueNode());
                    }
                }
            }
            return null;
        }

        /** The keys of a mapping with their values, in the file's order; empty for anything else. */
        public List<Map.Entry<Item, Item>> entries() {
            List<Map.Entry<Item, Item>> out = new ArrayList<>();
            if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    out.add(Map.entry(new Item(t.getKeyNode()), new Item(t.getValueNode())));
                }
            }
            return out;
        }

        /** The items of a list; empty for anything else. */
        public List<Item> items() {
            List<Item> out = new ArrayList<>();
            if (node instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    out.add(new Item(n));
                }
            }
            return out;
        }

        /** What the node is, for messages: a mapping, a list, a value or nothing. */
        public String kind() {
            return isText() || isMapping() || isList() ? YamlDocument.kind(node) : "empty";
        }
    }

    /** True when the file holds no YAML document at all (empty, or comments only). */
    public boolean isEmpty() {
        return root == null;
    }

    /** True when the file's top level is a mapping of keys. */
    public boolean isMapping() {
        return root instanceof MappingNode;
    }

    /**
     * What a configuration bean takes, as SnakeYAML binds a node to it field by field: a mapping of known fields, or a
     * scalar of a kind. A key the bean does not have, or a value of another kind, fails the binding.
     */
    public sealed interface Shape permits Fields, Scalar {
    }

    /** A bean: its fields by name. */
    public record Fields(String bean, Map<String, Shape> fields) implements Shape {
    }

    /** A scalar field: text (a String), a YAML 1.1 int or bool, or one of some names (an enum). */
    public record Scalar(String kind, Set<String> names) implements Shape {

        public static final Scalar TEXT = new Scalar("text", Set.of());
        public static final Scalar INT = new Scalar("a whole number", Set.of());
        public static final Scalar BOOL = new Scalar("true or false", Set.of());
    }

    /** SnakeYAML's Resolver: the YAML 1.1 integers (octal 010, hex, binary, sexagesimal 1:30, underscores). */
    public static final Pattern YAML_INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");

    private static final Pattern YAML_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");

    /**
     * Refuses the node at {@code path} (when there is one) where binding it to {@code shape} would fail, naming the key
     * and its line: an unknown key, a mapping where a value belongs, a value of the wrong kind, a merge key.
     *
     * @param what how the path is named in messages, e.g. {@code wso2.carbon}
     */
    public void requireShape(String path, Shape shape, String what) {
        for (Node n : path.isEmpty() ? List.of(root) : nodes(path)) {
            requireShape(n, shape, what);
        }
    }

    private void requireShape(Node n, Shape shape, String what) {
        Location at = file.location().atLine(n.getStartMark().getLine() + 1);
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return; // a field left null: SnakeYAML binds it so
        }
        if (shape instanceof Fields fields) {
            if (!(n instanceof MappingNode map)) {
                throw unbound(at, what + " is " + kind(n) + ", not a mapping of settings", fields.bean());
            }
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                Location keyAt = file.location().atLine(t.getKeyNode().getStartMark().getLine() + 1);
                if ("<<".equals(key)) {
                    throw new Wso2PortsException(keyAt, what + " merges keys in with '<<', which this plugin does not "
                            + "follow", "Write the keys out in " + what);
                }
                Shape field = key == null ? null : fields.fields().get(key);
                if (field == null) {
                    throw unbound(keyAt, what + " has the key '" + (key == null ? kind(t.getKeyNode()) : key)
                            + "', which " + fields.bean() + " does not have", fields.bean());
                }
                requireShape(t.getValueNode(), field, what + "." + key);
            }
            return;
        }
        Scalar scalar = (Scalar) shape;
        if (!(n instanceof ScalarNode s)) {
            throw unbound(at, what + " is " + kind(n) + ", where " + scalar.kind() + " belongs", null);
        }
        String v = s.getValue();
        boolean ok = scalar == Scalar.TEXT || scalar == Scalar.INT ? scalar == Scalar.TEXT || YAML_INT.matcher(v).matches()
                : scalar == Scalar.BOOL ? YAML_BOOL.matcher(v).matches() : scalar.names().contains(v);
        if (!ok) {
            throw unbound(at, what + " is '" + OffsetValue.visible(v) + "', where " + (scalar.names().isEmpty()
                    ? scalar.kind() : "one of " + new java.util.TreeSet<>(scalar.names())) + " belongs", null);
        }
    }

    private static String kind(Node n) {
        return n instanceof MappingNode ? "a mapping" : n instanceof SequenceNode ? "a list" : "a value";
    }

    private static Wso2PortsException unbound(Location at, String problem, String bean) {
        return new Wso2PortsException(at, problem + ": Carbon binds it to its configuration" + (bean == null ? ""
                : " (" + bean + ")") + " and fails, so the server would not start", "Fix it as the distribution's "
                        + "own file has it");
    }

    private Value scalar(Node n) {
        return n instanceof ScalarNode s ? new Value(s.getValue(), file.location().atLine(s.getStartMark().getLine() + 1))
                : null;
    }

    private static void step(Node node, String segment, List<Node> out) {
        String key = segment;
        String filterKey = null;
        String filterValue = null;
        boolean negate = false;
        int bracket = segment.indexOf('[');
        if (bracket >= 0 && segment.endsWith("]")) {
            String filter = segment.substring(bracket + 1, segment.length() - 1);
            negate = filter.contains("!=");
            String[] f = filter.split(negate ? "!=" : "=", 2);
            filterKey = f[0];
            filterValue = f.length > 1 ? f[1] : "";
            key = segment.substring(0, bracket);
        }
        List<Node> found = new ArrayList<>();
        if (key.equals("*")) {
            if (node instanceof SequenceNode seq) {
                found.addAll(seq.getValue());
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    found.add(t.getValueNode());
                }
            }
        }
        for (Node n : found) {
            if (filterKey == null || matches(n, filterKey, filterValue) != negate) {
                out.add(n);
            }
        }
    }

    private static boolean matches(Node node, String key, String value) {
        if (!(node instanceof MappingNode map)) {
            return false;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                    && t.getValueNode() instanceof ScalarNode v && v.getValue().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
