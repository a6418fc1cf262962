#!/usr/bin/env bash
# The official healthcheck.sh's two most used checks: --connect (the server accepts a TCP connection and a login)
# and --innodb_initialized (InnoDB has started). Exits non-zero as soon as one fails.
set -euo pipefail
query() {
  mariadb --defaults-extra-file=/var/lib/mysql/.my-healthcheck.cnf --protocol=tcp -h127.0.0.1 \
      --skip-ssl --skip-column-names -e "$1"
}
for check in "$@"; do
  case $check in
    --connect) query 'SELECT 1' > /dev/null ;;
    --innodb_initialized)
      [[ $(query "SELECT 1 FROM information_schema.ENGINES WHERE engine = 'InnoDB' AND support IN ('YES', 'DEFAULT')") == 1 ]] ;;
    *) echo "healthcheck.sh stand-in: unsupported check $check" >&2; exit 2 ;;
  esac
done
