#!/usr/bin/env bash
# The official image's contract, in short: on an empty data directory, install the system tables, set the root
# password (MARIADB_ROOT_PASSWORD / MYSQL_ROOT_PASSWORD, or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD) for root@localhost and
# root@MARIADB_ROOT_HOST (default %, none when localhost), create
# MARIADB_DATABASE and MARIADB_USER / MARIADB_PASSWORD (MYSQL_* aliases), a healthcheck user for healthcheck.sh,
# then run /docker-entrypoint-initdb.d/* (*.sh sourced or run, *.sql piped in) on a server without networking.
set -euo pipefail

if [[ ${1:-} == -* ]]; then
  set -- mariadbd "$@"
fi

env_or_alias() {
  local mariadb="MARIADB_$1" mysql="MYSQL_$1"
  printf '%s' "${!mariadb:-${!mysql:-}}"
}

sql_escape() {
  printf '%s' "${1//\'/\'\'}"
}

# What init scripts call, as in the official image: runs SQL from stdin as root, in MARIADB_DATABASE if set.
docker_process_sql() {
  local database=()
  if [[ -n ${MARIADB_DATABASE:-} ]]; then
    database=(--database="$MARIADB_DATABASE")
  fi
  mariadb --no-defaults --protocol=socket --socket=/run/mysqld/mysqld.sock -uroot \
      ${MARIADB_ROOT_PASSWORD:+-p"$MARIADB_ROOT_PASSWORD"} "${database[@]}" "$@"
}

initialize() {
  MARIADB_ROOT_PASSWORD=$(env_or_alias ROOT_PASSWORD)
  MARIADB_DATABASE=$(env_or_alias DATABASE)
  local user password allow_empty root_host
  root_host=$(env_or_alias ROOT_HOST)
  root_host=${root_host:-%}
  user=$(env_or_alias USER)
  password=$(env_or_alias PASSWORD)
  allow_empty=$(env_or_alias ALLOW_EMPTY_ROOT_PASSWORD)
  allow_empty=${allow_empty:-${MYSQL_ALLOW_EMPTY_PASSWORD:-}}
  if [[ -z $MARIADB_ROOT_PASSWORD && -z $allow_empty ]]; then
    echo "error: database is uninitialized and MARIADB_ROOT_PASSWORD (or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD) is not set" >&2
    exit 1
  fi

  echo "Installing the system tables"
  mariadb-install-db --defaults-file=/etc/mysql/my.cnf --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve > /dev/null
  mariadbd --defaults-file=/etc/mysql/my.cnf --skip-networking &
  local pid=$!
  local root_pw=$MARIADB_ROOT_PASSWORD
  MARIADB_ROOT_PASSWORD=
  until echo 'SELECT 1' | MARIADB_DATABASE= docker_process_sql > /dev/null 2>&1; do
    kill -0 "$pid" || { echo "error: temporary server did not start" >&2; exit 1; }
    sleep 0.5
  done

  local healthcheck_password
  healthcheck_password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  {
    echo "DELETE FROM mysql.global_priv WHERE User = '';"
    echo "CREATE USER 'healthcheck'@'localhost' IDENTIFIED BY '$healthcheck_password';"
    echo "GRANT USAGE ON *.* TO 'healthcheck'@'localhost';"
    if [[ -n $root_pw ]]; then
      echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$(sql_escape "$root_pw")';"
    fi
    # As the official image: a second root for MARIADB_ROOT_HOST (default %), none when it is localhost.
    if [[ $root_host != localhost ]]; then
      echo "CREATE USER 'root'@'$(sql_escape "$root_host")' IDENTIFIED BY '$(sql_escape "$root_pw")';"
      echo "GRANT ALL ON *.* TO 'root'@'$(sql_escape "$root_host")' WITH GRANT OPTION;"
    fi
    if [[ -n $MARIADB_DATABASE ]]; then
      echo "CREATE DATABASE IF NOT EXISTS \`$MARIADB_DATABASE\`;"
    fi
    if [[ -n $user && -n $password && $user != root ]]; then
      echo "CREATE USER '$(sql_escape "$user")'@'%' IDENTIFIED BY '$(sql_escape "$password")';"
      if [[ -n $MARIADB_DATABASE ]]; then
        echo "GRANT ALL ON \`$MARIADB_DATABASE\`.* TO '$(sql_escape "$user")'@'%';"
      fi
    fi
  } | MARIADB_DATABASE= docker_process_sql
  MARIADB_ROOT_PASSWORD=$root_pw
  printf '[mariadb-client]\nport=3306\nsocket=/run/mysqld/mysqld.sock\nuser=healthcheck\npassword=%s\n' \
      "$healthcheck_password" > /var/lib/mysql/.my-healthcheck.cnf

  local file
  for file in /docker-entrypoint-initdb.d/*; do
    case $file in
      *.sh)
        echo "Running $file"
        if [[ -x $file ]]; then "$file"; else
          # shellcheck disable=SC1090
          . "$file"
        fi ;;
      *.sql)
        echo "Running $file"
        docker_process_sql < "$file" ;;
      */\*) ;;
      *) echo "Ignoring $file" ;;
    esac
  done

  kill "$pid"
  wait "$pid" || true
  echo "Initialization finished"
}

if [[ $1 == mariadbd || $1 == mysqld ]]; then
  shift
  if [[ ! -d /var/lib/mysql/mysql ]]; then
    initialize
  fi
  exec mariadbd --defaults-file=/etc/mysql/my.cnf "$@"
fi
exec "$@"
