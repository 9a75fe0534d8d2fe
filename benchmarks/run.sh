#!/usr/bin/env bash
# The benchmark: ./benchmarks/run.sh from the repository root (about 25 minutes). Needs the corpus at
# ../shared/corpus (or WSO2PORTS_CORPUS=DIR). It installs the plugin, builds the benchmark estates under
# target/benchmarks, times whole Maven builds side by side with the same build under -Dwso2-ports.skip, runs the JMH
# benchmarks of the domain, and writes the figures, with the machine, to target/benchmarks/results.md and into
# CONTRIBUTING.md (Performance) between the benchmark markers.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=$(cd "${WSO2PORTS_CORPUS:-../shared/corpus}" && pwd)
OUT=$ROOT/target/benchmarks
MVN="$ROOT/mvnw -B -q"
PAIRS=${PAIRS:-7}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)

echo "== installing the plugin $VERSION"
$MVN install -DskipTests -Dinvoker.skip -Dwso2ports.corpus=skip
rm -rf "$OUT" && mkdir -p "$OUT"
echo "== building the estates"
java benchmarks/Estates.java "$CORPUS" "$OUT" "$VERSION"
cp -r benchmarks/twenty-hosts "$OUT/twenty-hosts"

# ms of one quiet build in $1 with the given flags
build() {
    local dir=$1; shift
    local start end
    start=$(date +%s%N)
    (cd "$dir" && $MVN verify -Dwso2ports.corpus="$CORPUS" "$@" > /dev/null 2>&1) || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# PAIRS interleaved rounds in $1: the build with flags $2 and the same under -Dwso2-ports.skip, and, where the estate has
# a peer profile, the peer (xml-maven-plugin validate of the same XML files, -Ppeer) and the peer skipped (-Dxml.skip);
# prints "on skip ratio peer-on peer-skip peer-ratio" (medians; the peer's three are "-" without a peer)
pairs() {
    local dir=$1 flags=$2 on=() skip=() peer=() peerskip=() has_peer=0
    grep -q '<id>peer</id>' "$dir/pom.xml" && has_peer=1
    build "$dir" $flags > /dev/null   # warm the file cache (and fill the check cache when it is on)
    for _ in $(seq "$PAIRS"); do
        on+=("$(build "$dir" $flags)")
        skip+=("$(build "$dir" -Dwso2-ports.skip)")
        if [ $has_peer = 1 ]; then
            peer+=("$(build "$dir" -Ppeer -Dwso2-ports.skip)")
            peerskip+=("$(build "$dir" -Ppeer -Dwso2-ports.skip -Dxml.skip)")
        fi
    done
    local m_on m_skip
    m_on=$(printf '%s\n' "${on[@]}" | median)
    m_skip=$(printf '%s\n' "${skip[@]}" | median)
    printf '%s %s %s' "$m_on" "$m_skip" "$(awk -v a="$m_on" -v b="$m_skip" 'BEGIN {printf "%.2f", a / b}')"
    if [ $has_peer = 1 ]; then
        local m_peer m_peerskip
        m_peer=$(printf '%s\n' "${peer[@]}" | median)
        m_peerskip=$(printf '%s\n' "${peerskip[@]}" | median)
        echo " $m_peer $m_peerskip $(awk -v a="$m_peer" -v b="$m_peerskip" 'BEGIN {printf "%.2f", a / b}')"
    else
        echo " - - -"
    fi
}

row() { # name, estate, flags, what
    local r
    r=$(pairs "$OUT/$2" "$3")
    set -- "$1" "$2" "$3" "$4" $r
    local peer="no peer (it reads no archive)"
    [ "$8" != "-" ] && peer="$8 ms against $9 ms: ${10}x"
    printf '| %s | %s | %s ms | %s ms | %+d ms | %sx | %s |\n' "$1" "$4" "$5" "$6" "$(( $5 - $6 ))" "$7" "$peer"
    echo "   $1 ($4): $5 ms against $6 ms ($7x); peer: $peer" >&2
}

echo "== timing whole builds ($PAIRS rounds each)"
if [ -n "${QUICK:-}" ]; then
    # QUICK=1: the 20-distribution rows only, printed, nothing written (for trying a change)
    row "20 distributions, 20 hosts" twenty-hosts "-Dwso2-ports.cache=false" "every file read"
    row "20 distributions, 20 hosts" twenty-hosts "" "repeated, nothing changed (cache)"
    exit 0
fi
{
    echo "| estate | check | mvn verify | with -Dwso2-ports.skip | added | ratio | peer: xml-maven-plugin validate, against skipped |"
    echo "|---|---|---|---|---|---|---|"
    row "20 distributions, 20 hosts" twenty-hosts "" "repeated, nothing changed (cache)"
    row "20 distributions, 20 hosts" twenty-hosts "-Dwso2-ports.cache=false" "every file read"
    row "1,000 instances (20 distributions x 50 hosts)" thousand "" "repeated, nothing changed (cache)"
    row "1,000 instances (20 distributions x 50 hosts)" thousand "-Dwso2-ports.cache=false" "every file read"
    row "200 distinct distribution copies" copies "" "repeated, nothing changed (cache)"
    row "200 distinct distribution copies" copies "-Dwso2-ports.cache=false" "every file read"
    row "API Manager 4.2.0, unpacked (300 MB)" big/folder "-Dwso2-ports.cache=false" "every file read"
    row "API Manager 4.2.0, 300 MB zip" big/zip "-Dwso2-ports.cache=false" "every file read"
} > "$OUT/builds.md"

echo "== 1,000 instances under a 256 MB heap"
if (cd "$OUT/thousand" && MAVEN_OPTS=-Xmx256m $MVN verify -Dwso2-ports.cache=false > "$OUT/heap.log" 2>&1) \
        || grep -q "wso2-ports:check: .* in 1000 instances\|clash" "$OUT/heap.log"; then
    grep -q OutOfMemoryError "$OUT/heap.log" && HEAP="ran out of memory" || HEAP="completes under -Xmx256m"
else
    HEAP="failed (see target/benchmarks/heap.log)"
fi

echo "== a deployment.toml holding a 2 MB string"
OUT="$OUT" CORPUS="$CORPUS" PAIRS=$PAIRS benchmarks/long-string.sh > /dev/null

echo "== JMH"
(cd benchmarks/jmh && $MVN package -Dwso2ports.version="$VERSION" && $MVN dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dwso2ports.version="$VERSION")
jmh() {
    java -Dwso2ports.corpus="$CORPUS" -cp "benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/cp.txt)" \
        org.openjdk.jmh.Main "$@"
}
jmh -f 1 -wi 3 -i 5 -w 1s -r 1s -rf text -rff "$OUT/jmh-read-apply.txt" 'ReadBenchmark|ApplyBenchmark' \
    > "$OUT/jmh.log" 2>&1
# detection as the estate doubles, with two forks and more iterations: whether it grows linearly must not drown in noise
jmh -f 2 -wi 5 -i 10 -w 1s -r 1s -p instances=1000,2000,4000,8000 -rf text -rff "$OUT/jmh-detect.txt" DetectBenchmark \
    >> "$OUT/jmh.log" 2>&1
{ cat "$OUT/jmh-read-apply.txt"; echo; cat "$OUT/jmh-detect.txt"; } > "$OUT/jmh.txt"
# per instance, so linear growth shows as a flat column
DETECT=$(awk '/DetectBenchmark.detect/ {printf "%s%d instances: %.2f µs per instance", sep, $2, $5 * 1000 / $2; sep="; "}' \
    "$OUT/jmh-detect.txt")

{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
    echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1), $($ROOT/mvnw -v 2>/dev/null | head -1 | sed 's/ (.*//');"
    echo "medians of $PAIRS interleaved rounds (each a new JVM: the check, it skipped, the peer, it skipped); the"
    echo "1,000-instance build $HEAP."
    echo
    cat "$OUT/builds.md"
    echo
    cat "$OUT/long-string/results.md"
    echo
    echo "JMH (warm, ms per operation):"
    echo
    echo '```'
    cat "$OUT/jmh.txt"
    echo '```'
    echo
    echo "Detection per instance: $DETECT."
} > "$OUT/results.md"

# CONTRIBUTING.md (Performance) keeps the latest figures between its markers
awk -v file="$OUT/results.md" '
    /<!-- benchmark results: written by benchmarks\/run.sh -->/ {print; while ((getline line < file) > 0) print line; skip=1; next}
    /<!-- end of benchmark results -->/ {skip=0}
    !skip {print}' CONTRIBUTING.md > "$OUT/CONTRIBUTING.md" && cp "$OUT/CONTRIBUTING.md" CONTRIBUTING.md
cat "$OUT/results.md"
