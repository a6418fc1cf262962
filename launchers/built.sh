# Sourced by ./run-local.sh, ./run-benchmarks.sh and ./kafka from the checkout's root: the services' jars, and
# `built <maven args> -- <paths>`, which runs ./mvnw -q <maven args> package -DskipTests when one of the paths is
# missing (or always, after --rebuild set rebuild=true).
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
order_jar="order-service/target/order-service-$version-exec.jar"
catalog_jar="catalog-service/target/catalog-service-$version-exec.jar"

built() {
  local maven=() missing=${rebuild:-false}
  while [[ $1 != -- ]]; do maven+=("$1"); shift; done
  shift
  for path in "$@"; do
    [[ -e $path ]] || missing=true
  done
  if $missing; then
    echo "Building (./mvnw ${maven[*]+"${maven[*]} "}package -DskipTests) ..."
    ./mvnw -q ${maven[@]+"${maven[@]}"} package -DskipTests
  fi
}
