#!/usr/bin/env python3
"""What one tool cost each database side, from outside the tool: the side's CPU seconds and the bytes it sent.

    meter.py OUT.json SIDE=mariadb:PORT ... SIDE=postgres:DATABASE ...

Runs until SIGTERM, then writes {SIDE: {"cpu": seconds, "bytes": bytes sent}} to OUT.json.
- MariaDB: the server's CPU from /proc/<pid>/stat (the whole mariadbd: everything it did meanwhile), and the bytes
  sent to the account the benchmark connects with (information_schema.USER_STATISTICS of BENCH_USER, userstat on),
  so other clients of a shared server do not count. Both read at start and at stop.
- PostgreSQL: every backend of DATABASE (a child of the postmaster whose title names the database) and the parallel
  workers they lead, polled every 0.1 s: CPU from /proc and, from the backend's title, its client port, whose
  socket's bytes_sent `ss` reports. A process's last 0.1 s before it exits can be missed.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time

BENCH_USER = "parity_bench"
TICK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def mariadb(port, sql):
    out = subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", f"-P{port}", "-N", "-e", sql],
                         capture_output=True, text=True).stdout.strip()
    return out


class MariaDbSide:
    def __init__(self, port):
        self.port = port
        self.pid = int(open(mariadb(port, "SELECT @@pid_file")).read().strip())
        self.cpu0, self.bytes0 = self.read()

    def read(self):
        sent = mariadb(self.port, "SELECT COALESCE(SUM(BYTES_SENT), 0) FROM information_schema.USER_STATISTICS"
                                  f" WHERE USER = '{BENCH_USER}'")
        return proc_cpu(self.pid), int(sent or 0)

    def poll(self):
        pass

    def result(self):
        cpu, sent = self.read()
        return {"cpu": round(cpu - self.cpu0, 2), "bytes": sent - self.bytes0}


class PostgresSide:
    postmaster = None

    def __init__(self, database):
        self.database = database.encode()
        if PostgresSide.postmaster is None:
            out = subprocess.run(["psql", "-h127.0.0.1", "-p5432", "-Upostgres", "-d", "postgres", "-tAc",
                                  "SELECT pg_postmaster_start_time(), setting FROM pg_settings"
                                  " WHERE name = 'data_directory'"], capture_output=True, text=True).stdout
            datadir = out.strip().split("|")[1]
            PostgresSide.postmaster = int(open(f"{datadir}/postmaster.pid").readline())
        self.seen = {}   # backend pid -> [cpu, client port, bytes sent]

    def poll(self, sockets):
        pm = PostgresSide.postmaster
        try:
            kids = open(f"/proc/{pm}/task/{pm}/children").read().split()
        except OSError:
            return
        for kid in kids:
            try:
                title = open(f"/proc/{kid}/cmdline", "rb").read()
                leader = re.search(rb"parallel worker for PID (\d+)", title)
                if leader and leader.group(1).decode() in self.seen:
                    # a parallel query's worker: its CPU is this side's, its rows go through the leader's socket
                    self.seen.setdefault(kid, [0.0, None, 0])[0] = proc_cpu(kid)
                    continue
                if self.database not in title.split(b" "):
                    continue
                entry = self.seen.setdefault(kid, [0.0, None, 0])
                entry[0] = proc_cpu(kid)
                m = re.search(rb"\((\d+)\)", title)
                if m:
                    entry[1] = int(m.group(1))
            except OSError:
                continue
        for entry in self.seen.values():
            if entry[1] in sockets:
                entry[2] = max(entry[2], sockets[entry[1]])

    def result(self):
        return {"cpu": round(sum(e[0] for e in self.seen.values()), 2), "bytes": sum(e[2] for e in self.seen.values())}


def postgres_sockets():
    """client port -> bytes_sent of every established socket of the server on 5432."""
    out = subprocess.run(["ss", "-tinH", "state", "established", "( sport = :5432 )"],
                         capture_output=True, text=True).stdout
    found, port = {}, None
    for line in out.splitlines():
        if not line.startswith((" ", "\t")):
            port = int(line.split()[-1].rsplit(":", 1)[1])
            continue
        m = re.search(r"bytes_sent:(\d+)", line)
        if port is not None:
            found[port] = int(m.group(1)) if m else 0
    return found


def main():
    out = sys.argv[1]
    sides = {}
    for arg in sys.argv[2:]:
        name, spec = arg.split("=", 1)
        kind, where = spec.split(":", 1)
        sides[name] = MariaDbSide(int(where)) if kind == "mariadb" else PostgresSide(where)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    polled = [s for s in sides.values() if isinstance(s, PostgresSide)]
    open(out + ".ready", "w").close()
    while not stop:
        if polled:
            sockets = postgres_sockets()
            for s in polled:
                s.poll(sockets)
        time.sleep(0.1)
    if polled:
        sockets = postgres_sockets()
        for s in polled:
            s.poll(sockets)
    # written whole, then renamed: the benchmark reads the file as soon as it appears
    with open(out + ".tmp", "w") as f:
        json.dump({name: s.result() for name, s in sides.items()}, f)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
