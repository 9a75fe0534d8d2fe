#!/usr/bin/env bash
# Mojo time on a deployment.toml holding a 2 MB string (issue 11), side by side with the same distribution without it:
# check and apply, each a whole `mvn` run without a pom, medians of PAIRS pairs. Called by run.sh (the plugin
# installed, OUT and CORPUS set); alone: benchmarks/long-string.sh after `./mvnw install -DskipTests -Dinvoker.skip`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=$(cd "${CORPUS:-${WSO2PORTS_CORPUS:-../shared/corpus}}" && pwd)
OUT=${OUT:-$ROOT/target/benchmarks}/long-string
PAIRS=${PAIRS:-5}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
GOAL="io.github.wso2ports:wso2-ports-maven-plugin:$VERSION"
MVN="$ROOT/mvnw -B -q"

rm -rf "$OUT" && mkdir -p "$OUT"
for kind in plain long; do
    cp -r "$CORPUS/files/wso2am-4.2.0" "$OUT/$kind"
    chmod -R u+w "$OUT/$kind"
done
toml=repository/conf/deployment.toml
{
    sed -n '0,/^\[server\]/p' "$OUT/plain/$toml"
    printf 'description = "'; head -c 2000000 /dev/zero | tr '\0' x; printf '"\n'
    sed '0,/^\[server\]/d' "$OUT/plain/$toml"
} > "$OUT/long/$toml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
ms() { # ms of one mvn run in the distribution $1 with the goal and flags that follow
    local dir=$1; shift
    local start end
    start=$(date +%s%N)
    (cd "$dir" && $MVN "$@" > /dev/null 2>&1) || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
# median ms of PAIRS runs of plain and long side by side: "plain long"
pair() {
    local p=() l=() i
    ms "$OUT/plain" "$@" > /dev/null
    for i in $(seq "$PAIRS"); do
        p+=("$(ms "$OUT/plain" "${@//OFFSET/$(( i % 2 + 1 ))}")")
        l+=("$(ms "$OUT/long" "${@//OFFSET/$(( i % 2 + 1 ))}")")
    done
    echo "$(printf '%s\n' "${p[@]}" | median) $(printf '%s\n' "${l[@]}" | median)"
}
row() { # the goal and its flags
    local r
    r=($(pair "$@"))
    printf '| %s | %s ms | %s ms | +%s ms |\n' "$*" "${r[0]}" "${r[1]}" "$(( r[1] - r[0] ))"
}
{
    echo "| API Manager 4.2.0, mvn without a pom | as shipped | with a 2 MB string in deployment.toml | added |"
    echo "|---|---|---|---|"
    row "$GOAL:check" -Dwso2-ports.cache=false
    row "$GOAL:apply" -Doffset=OFFSET
} | sed "s/$GOAL:/wso2-ports:/" > "$OUT/results.md"
cat "$OUT/results.md"
