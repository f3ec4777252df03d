#!/usr/bin/env bash
# Makes sure RabbitMQ answers at 127.0.0.1:5672 with the guest account (the broker RemoteVerifyIT uses): installs
# rabbitmq-server when missing and starts it detached when nothing listens. Safe to run any number of times.
set -euo pipefail

ping_broker() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

if ping_broker; then
  echo "[rabbitmq] up at 127.0.0.1:5672"
  exit 0
fi

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  echo "[rabbitmq] installing rabbitmq-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rabbitmq-server >/dev/null
fi

echo "[rabbitmq] starting"
# Debian's wrapper switches to the rabbitmq user itself when called as root
rabbitmq-server -detached
for _ in $(seq 1 90); do
  ping_broker && break
  sleep 1
done
ping_broker || { echo "[rabbitmq] not reachable at 127.0.0.1:5672" >&2; exit 1; }
# the listener opens before the node has finished booting; wait until it serves AMQP
rabbitmqctl await_startup >/dev/null 2>&1 || sleep 5
echo "[rabbitmq] up at 127.0.0.1:5672"
