# Sourced by the benchmark scripts (protocol/*.sh, netlab/link-bench.sh), not run: picks a Java 25
# JAVA_HOME when the current one is older, compiles the protocol module's test classes, and sets
# `classpath` to them, the main classes and every test dependency, for a plain `java -cp` (JMH
# forks fresh JVMs, and the netlab peers run in other namespaces: neither can use Maven's).
# Needs `root` (the repository) set; leaves the working directory at `root`.

if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" ]] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME

cd "${root}"
mvn -B -o -q -pl protocol test-compile
classpath_file="${root}/protocol/target/bench-classpath.txt"
mvn -B -o -q -pl protocol dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="${classpath_file}" >/dev/null
classpath="${root}/protocol/target/test-classes:${root}/protocol/target/classes:$(cat "${classpath_file}")"
