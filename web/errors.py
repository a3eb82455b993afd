"""Web errors.

    WebError
    ├── BadQuery       a query parameter or cursor the API cannot read (HTTP 400)
    ├── InsecureBind   asked to listen beyond the loopback without a token
    ├── CannotListen   the host and port cannot be bound (in use, no such address)
    └── ServerDidNotStart  the server thread ended or hung before listening
"""


class WebError(Exception):
    """Base of every error the web package raises."""


class BadQuery(WebError):
    """Raised for a query parameter that does not parse; the message names the parameter."""


class InsecureBind(WebError):
    """Raised by `web.server.check_bind` for a non-loopback host with no token configured."""


class ServerDidNotStart(WebError):
    """Raised by `web.server.running` when uvicorn does not come up."""


class CannotListen(WebError):
    """Raised by `web.server.bound_socket` when the address cannot be bound."""
