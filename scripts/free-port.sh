#!/usr/bin/env bash
# Prints a TCP port free on the loopback at this moment (the system's choice of an ephemeral port).
exec python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
