#!/usr/bin/env python3
"""A loopback static server that logs each response's Content-Length to $BYTES_LOG, to count
what a search downloads.

    counting_server.py PORT FOLDER
"""
import http.server, os, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def send_header(self, key, value):
        if key.lower() == "content-length":
            with open(os.environ["BYTES_LOG"], "a") as log:
                log.write(f"{self.path} {value}\n")
        super().send_header(key, value)
os.chdir(sys.argv[2])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
