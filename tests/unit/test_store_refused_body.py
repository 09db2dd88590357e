"""A server that refuses a write before reading its body (as Virtuoso does with a 401)
may reset the connection while the body is still being sent; the error must still name
the refusal and its fix, not a broken connection. The server here is a real socket
server on the loopback: it resets a write's connection unanswered, and answers a GET
with the 401 it means."""
from __future__ import annotations

import socket
import threading

import pytest

from graphbuild.errors import StoreError
from graphbuild.store.gsp import Target, send, session


def _refusing_server() -> tuple[socket.socket, int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                head = conn.recv(4096)  # the request line and headers only
                if head.startswith(b"GET "):
                    conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
                                 b"Unauthorized")
                else:  # a write: reset the connection, its body unread and unanswered
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    threading.Thread(target=serve, daemon=True).start()
    return server, server.getsockname()[1]


def test_a_refusal_before_the_body_is_read_is_reported_as_the_refusal():
    server, port = _refusing_server()
    try:
        target = Target(f"http://127.0.0.1:{port}", "/store", retries=0, timeout=10)
        body = b"<http://a> <http://b> <http://c> .\n" * 1000
        with session(target) as http, pytest.raises(StoreError, match="HTTP 401"):
            send(http, target, "PUT", "http://g", body)
    finally:
        server.close()
