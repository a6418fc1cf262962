@echo off
rem Runs the whole system on this machine, no Docker needed, for Windows: the twin of ./run-local.sh. Kafka
rem (KRaft), MariaDB, Kafka Connect, catalog-service and order-service, all on 127.0.0.1. Ctrl-C stops everything.
rem
rem   run-local.cmd               build what is missing, then start everything
rem   run-local.cmd --stack-only  only Kafka, MariaDB and Kafka Connect
rem   run-local.cmd --fresh       forget all orders, stock and topics first (deletes .local-stack\)
rem   run-local.cmd --rebuild     rebuild the jars first
rem   run-local.cmd --registry    Avro on the topics and a schema registry (Apicurio; it needs a Java 21+:
rem                               REGISTRY_JAVA_HOME, else one is looked for); data in .local-stack-avro\
rem
rem Ports: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), MARIADB_PORT (3306), CONNECT_PORT (8083),
rem ORDER_SERVICE_PORT (8081), CATALOG_SERVICE_PORT (8082), REGISTRY_PORT (8085). Data: LOCAL_STACK_DATA
rem (.local-stack\).
setlocal EnableExtensions
cd /d "%~dp0"

set "stack_only=false"
set "fresh="
set "rebuild=false"
:options
if "%~1"=="" goto :options_done
if "%~1"=="--stack-only" (set "stack_only=true" & shift & goto :options)
if "%~1"=="--fresh" (set "fresh=--fresh" & shift & goto :options)
if "%~1"=="--rebuild" (set "rebuild=true" & shift & goto :options)
if "%~1"=="--registry" (set "RECORD_FORMAT=avro" & shift & goto :options)
if "%~1"=="-h" goto :help
if "%~1"=="--help" goto :help
echo Unknown option: %~1 ^(see run-local.cmd --help^) 1>&2
exit /b 2
:options_done

::  The project's version: the first <version> indented by two spaces in pom.xml, as ./run-local.sh reads it.
set "version="
for /f "tokens=3 delims=<>" %%v in ('findstr /r /c:"^  <version>" pom.xml') do if not defined version set "version=%%v"
set "launcher_jar=launchers\target\launchers-%version%.jar"
set "order_jar=order-service\target\order-service-%version%-exec.jar"
set "catalog_jar=catalog-service\target\catalog-service-%version%-exec.jar"

set "missing=%rebuild%"
for %%p in ("%launcher_jar%" "launchers\target\lib" "connect-plugins\target\plugins" "local-stack\target\apicurio-registry" "%order_jar%" "%catalog_jar%") do (
  if not exist %%p set "missing=true"
)
if "%missing%"=="true" (
  echo Building ^(mvnw.cmd -q package -DskipTests^) ...
  call mvnw.cmd -q package -DskipTests || exit /b 1
)

set "classpath=%launcher_jar%;launchers\target\lib\*"
if "%stack_only%"=="true" (
  java -cp "%classpath%" io.github.ordersync.localstack.LocalStackMain %fresh%
) else (
  java -cp "%classpath%" io.github.ordersync.launchers.RunDemo %fresh% "%order_jar%" "%catalog_jar%"
)
exit /b %errorlevel%

:help
for /f "usebackq tokens=* delims=" %%l in (`findstr /b /c:"rem" "%~f0"`) do call :show "%%l"
exit /b 0

:show
set "line=%~1"
if "%line:~0,4%"=="rem " echo(%line:~4%
if "%line%"=="rem" echo(
exit /b 0
