#!/usr/bin/env python3
"""A TCP proxy on loopback that makes a link look like a WAN: a fixed one-way delay in each direction and a
bandwidth cap per direction, shared by every connection through it (as a real link is).

    wan-proxy.py LISTEN_PORT TARGET_PORT --rtt-ms 10 --mbit 200 [--stats FILE]

Each chunk read from one end is delivered to the other at
    max(arrival, when the link is free) + its size / rate + rtt / 2,
in order, so a request-response round trip costs the RTT plus each message's transmission time. Reading pauses
while more than --window bytes wait in a direction (a TCP window), so a fast sender cannot queue unboundedly.
On SIGTERM the proxy writes the bytes it carried each way to --stats (JSON) and exits.
"""
import argparse
import asyncio
import json
import signal
import time


class Link:
    """One direction of the link: when it is free again, and how many bytes it carried."""

    def __init__(self, rate_bytes_per_s, one_way_s):
        self.rate = rate_bytes_per_s
        self.one_way = one_way_s
        self.free_at = 0.0
        self.carried = 0

    def deliver_at(self, now, size):
        start = max(now, self.free_at)
        self.free_at = start + size / self.rate
        self.carried += size
        return self.free_at + self.one_way


async def pump(reader, writer, link, window):
    queue = asyncio.Queue()
    queued = 0
    room = asyncio.Event()
    room.set()
    loop = asyncio.get_running_loop()

    async def deliver():
        nonlocal queued
        while True:
            when, data = await queue.get()
            if data is None:
                break
            delay = when - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            writer.write(data)
            await writer.drain()
            queued -= len(data)
            if queued <= window:
                room.set()
        try:
            writer.write_eof()
        except (OSError, RuntimeError):
            pass

    sender = asyncio.create_task(deliver())
    try:
        while True:
            await room.wait()
            data = await reader.read(65536)
            if not data:
                break
            queued += len(data)
            if queued > window:
                room.clear()
            queue.put_nowait((link.deliver_at(loop.time(), len(data)), data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((0.0, None))
    try:
        await sender
    except (ConnectionError, OSError):
        pass


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("listen", type=int)
    p.add_argument("target", type=int)
    p.add_argument("--rtt-ms", type=float, default=10.0)
    p.add_argument("--mbit", type=float, default=200.0)
    p.add_argument("--window", type=int, default=4 << 20)
    p.add_argument("--stats")
    a = p.parse_args()
    rate = a.mbit * 1e6 / 8
    up = Link(rate, a.rtt_ms / 2000.0)     # client -> server
    down = Link(rate, a.rtt_ms / 2000.0)   # server -> client

    async def handle(client_r, client_w):
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", a.target)
        except OSError:
            client_w.close()
            return
        for w in (client_w, server_w):
            sock = w.get_extra_info("socket")
            if sock is not None:
                import socket
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await asyncio.gather(pump(client_r, server_w, up, a.window), pump(server_r, client_w, down, a.window))
        for w in (client_w, server_w):
            w.close()

    server = await asyncio.start_server(handle, "127.0.0.1", a.listen)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    async with server:
        await stop.wait()
    if a.stats:
        with open(a.stats, "w") as f:
            json.dump({"to_server": up.carried, "to_client": down.carried, "at": time.time()}, f)


if __name__ == "__main__":
    asyncio.run(main())
