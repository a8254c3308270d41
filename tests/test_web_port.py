"""`make run` refuses a port something listens on, but not one a stopped server just left."""

import socket

from scripts.web import port_is_free


def test_a_listening_port_is_taken():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        assert not port_is_free(server.getsockname()[1])


def test_a_port_left_in_time_wait_by_a_stopped_server_is_free():
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # The server side closes first, so its end of the connection waits in TIME_WAIT.
    client.close()
    server.close()
    assert port_is_free(port)
