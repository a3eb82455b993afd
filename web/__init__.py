"""The read-only web face of newswatch: a dashboard, Atom feeds and a JSON API.

Built on Starlette and Jinja2. It reads the database through `storage` and never writes;
the CLI (`newswatch serve`) builds the engine and the options and hands them over, so this
package knows nothing of settings or the command line.
"""

from web.app import create_app
from web.options import WebOptions

__all__ = ["WebOptions", "create_app"]
