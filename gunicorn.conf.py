"""gunicorn settings for actionplan: `gunicorn --config gunicorn.conf.py actionplan.wsgi`.

gunicorn reads this file by itself when started from the folder that holds it. Each value can be
changed from the environment, as docs/deployment.md describes.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# More than one worker, so one slow report or import preview never blocks everyone else.
# Two per core plus one is gunicorn's own advice; at most 8, as each worker holds a copy of Django.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
worker_class = "sync"

# Reports and import previews of large plans take tens of seconds; two minutes leaves room
# without letting a stuck request hold a worker for ever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5

# A fresh worker now and then returns the memory a large report or import used.
max_requests = 500
max_requests_jitter = 50

# Headers stay small; bodies are limited by the application (MAX_REQUEST_BYTES) and the proxy.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# The proxy on this machine may say the request came over HTTPS; nobody else may.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
