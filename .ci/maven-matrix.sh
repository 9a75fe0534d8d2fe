#!/usr/bin/env bash
# Runs the invoker ITs and the examples under every Maven a user runs: the oldest supported (3.6.3), the wrapper's
# (3.9.16, already covered by the main build), the newest 3.10 served (3.10.0: 3.10.1 and 3.10.2 are listed in the
# metadata but their distributions are not served) and Maven 4 (4.0.0-rc-4 until 4.0.0 final is served).
# Each Maven distribution is fetched from Maven Central once, into target/mavens.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then versions=("$@"); else versions=(3.6.3 3.10.0 4.0.0-rc-4); fi
dest="$PWD/target/mavens"
mkdir -p "$dest"

for v in "${versions[@]}"; do
  home="$dest/apache-maven-$v"
  if [ ! -x "$home/bin/mvn" ]; then
    ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.apache.maven:apache-maven:$v:zip:bin" -DoutputDirectory="$dest"
  fi
  echo "=== invoker ITs and examples under Maven $v"
  # the plugin is built by the wrapper's Maven; the IT builds fork the Maven under test
  ./mvnw -B -ntp verify -DskipTests -Dinvoker.mavenHome="$home"
  ran=$(cat target/it/apply-no-pom/maven-version.txt)
  if [ "$ran" != "$v" ]; then
    echo "the ITs ran under Maven $ran, not $v" >&2
    exit 1
  fi
done
