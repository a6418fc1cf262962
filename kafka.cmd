@echo off
rem Kafka's own command-line tools (Kafka 4.3) against the local stack, for Windows: the twin of ./kafka, with the
rem same tools and the same main classes. --bootstrap-server is filled in (127.0.0.1 and KAFKA_PORT, 9092 by
rem default) unless you give one.
rem
rem   kafka.cmd topics --list
rem   kafka.cmd console-consumer --topic orders --from-beginning
rem   kafka.cmd consumer-groups --describe --group catalog-service
rem
rem Tools: topics, console-producer, console-consumer, consumer-groups, configs, get-offsets, metadata-quorum,
rem producer-perf-test, consumer-perf-test. With docker compose: docs/kafka-tools.md.
setlocal EnableExtensions
cd /d "%~dp0"

set "tool=%~1"
if "%tool%"=="" goto :help
if "%tool%"=="-h" goto :help
if "%tool%"=="--help" goto :help
set "main="
if "%tool%"=="topics" set "main=org.apache.kafka.tools.TopicCommand"
if "%tool%"=="console-producer" set "main=org.apache.kafka.tools.ConsoleProducer"
if "%tool%"=="console-consumer" set "main=org.apache.kafka.tools.consumer.ConsoleConsumer"
if "%tool%"=="consumer-groups" set "main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"
if "%tool%"=="configs" set "main=kafka.admin.ConfigCommand"
if "%tool%"=="get-offsets" set "main=org.apache.kafka.tools.GetOffsetShell"
if "%tool%"=="metadata-quorum" set "main=org.apache.kafka.tools.MetadataQuorumCommand"
if "%tool%"=="producer-perf-test" set "main=org.apache.kafka.tools.ProducerPerformance"
if "%tool%"=="consumer-perf-test" set "main=org.apache.kafka.tools.ConsumerPerformance"
if not defined main (
  echo Unknown tool: %tool% ^(see kafka.cmd --help^) 1>&2
  exit /b 2
)

if not exist "launchers\target\lib" (
  echo Building ^(mvnw.cmd -q package -DskipTests^) ...
  call mvnw.cmd -q package -DskipTests || exit /b 1
)

::  Everything after the tool's name, as typed (cmd would split "key.separator=:" at its "=" into two arguments).
set "args=%*"
call set "args=%%args:*%tool%=%%"
if not defined KAFKA_PORT set "KAFKA_PORT=9092"
set "given=false"
if defined args if not "%args%"=="%args:--bootstrap-server=%" set "given=true"
::  producer-perf-test names it inside --producer-props.
if "%tool%"=="producer-perf-test" set "given=true"
if "%given%"=="false" set "args=--bootstrap-server 127.0.0.1:%KAFKA_PORT%%args%"
java -Xmx256m -cp "launchers\target\lib\*" %main% %args%
exit /b %errorlevel%

:help
for /f "usebackq tokens=* delims=" %%l in (`findstr /b /c:"rem" "%~f0"`) do call :show "%%l"
exit /b 0

:show
set "line=%~1"
if "%line:~0,4%"=="rem " echo(%line:~4%
if "%line%"=="rem" echo(
exit /b 0
