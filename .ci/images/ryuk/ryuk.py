"""Stand-in for testcontainers/ryuk: the same wire protocol on port 8080.

A client sends filter lines ("label=key%3Dvalue&label=..."), each answered with "ACK". When every client has
disconnected and none came back within RYUK_RECONNECTION_TIMEOUT (default 10 s), the containers, networks and
volumes matching any received filter are removed through the Docker socket, and the process exits.
"""
import http.client
import json
import os
import socket
import socketserver
import threading
import time
import urllib.parse

filters = []
clients = 0
last_disconnect = None
lock = threading.Lock()


class DockerSocket(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost")

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect("/var/run/docker.sock")


def docker(method, path):
    connection = DockerSocket()
    connection.request(method, path)
    response = connection.getresponse()
    body = response.read()
    return json.loads(body) if body and response.status < 300 else None


class Client(socketserver.StreamRequestHandler):
    def handle(self):
        global clients, last_disconnect
        with lock:
            clients += 1
        try:
            for line in self.rfile:
                query = urllib.parse.parse_qs(line.decode().strip())
                with lock:
                    filters.append({key: values for key, values in query.items()})
                self.wfile.write(b"ACK\n")
        finally:
            with lock:
                clients -= 1
                last_disconnect = time.monotonic()


def prune():
    for wanted in filters:
        encoded = urllib.parse.quote(json.dumps(wanted))
        for container in docker("GET", "/containers/json?all=1&filters=" + encoded) or []:
            docker("DELETE", "/containers/" + container["Id"] + "?force=1&v=1")
        for network in docker("GET", "/networks?filters=" + encoded) or []:
            docker("DELETE", "/networks/" + network["Id"])
        for volume in (docker("GET", "/volumes?filters=" + encoded) or {}).get("Volumes") or []:
            docker("DELETE", "/volumes/" + volume["Name"])


def main():
    timeout = float(os.environ.get("RYUK_RECONNECTION_TIMEOUT", "10s").rstrip("s"))
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("0.0.0.0", int(os.environ.get("RYUK_PORT", "8080"))), Client)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("Started", flush=True)
    while True:
        time.sleep(1)
        with lock:
            idle = clients == 0 and last_disconnect is not None
            if idle and time.monotonic() - last_disconnect > timeout:
                break
    prune()
    print("Removed what matched %d filters" % len(filters), flush=True)


if __name__ == "__main__":
    main()
