"""One-line messages for configuration mistakes: which variable, file, line or key, and what
is expected. pydantic's own dumps name the Python field, never the variable a user typed."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from newswatch.errors import ConfigError

# What each pydantic error type expects, in the words of the person who set the variable.
_EXPECTED = {
    "time_delta_parsing": "an ISO 8601 duration such as P7D or PT30M",
    "time_delta_type": "an ISO 8601 duration such as P7D or PT30M",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "json_invalid": 'JSON, e.g. ["first", "second"]',
    "list_type": 'a JSON list, e.g. ["first", "second"]',
    "url_parsing": "a URL such as https://host/path",
}
_SECRET_WORDS = ("password", "webhook", "apprise", "token", "secret")
_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def read_config_file(path: Path) -> dict[str, Any]:
    """The TOML named by NEWSWATCH_CONFIG; a missing file or a syntax error is a ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"NEWSWATCH_CONFIG: no such file {str(path)!r}") from None
    except IsADirectoryError:
        raise ConfigError(f"NEWSWATCH_CONFIG: {str(path)!r} is a directory, expected a TOML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"NEWSWATCH_CONFIG: cannot read {str(path)!r}: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {_toml_problem(str(exc))}") from None


def _toml_problem(message: str) -> str:
    match = _TOML_POSITION.match(message)
    if not match:
        return f"not valid TOML: {message}"
    return f"line {match['line']}, column {match['col']}: not valid TOML: {match['msg'].lower()}"


def env_name(loc: tuple[Any, ...], prefix: str) -> str:
    return prefix + "__".join(str(part) for part in loc).upper()


def _where(loc: tuple[Any, ...], prefix: str, config_file: Path | None, config: dict[str, Any]) -> str:
    """The variable that set the value (or the config file's key), as the user spelled it."""
    environ = {name.upper() for name in os.environ}
    for depth in range(len(loc), 0, -1):  # a nested value may come from a JSON parent variable
        if env_name(loc[:depth], prefix) in environ:
            return env_name(loc[:depth], prefix)
    node: Any = config
    for part in loc:
        node = node.get(str(part)) if isinstance(node, dict) else None
    if config_file is not None and node is not None:
        return f"{config_file}: key {'.'.join(str(p) for p in loc)}"
    return env_name(loc, prefix)


def _expected(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}"
    if kind == "literal_error":
        return f"expected one of {error.get('ctx', {}).get('expected', '')}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, ")
    if message.startswith("Input should be "):
        wanted = message.removeprefix("Input should be ")
        bound = wanted.startswith(("greater", "less"))  # "greater than or equal to 1"
        return f"expected {'a number ' if bound else ''}{wanted}"
    return message[:1].lower() + message[1:]


def _got(loc: tuple[Any, ...], error: dict[str, Any]) -> str:
    value = error.get("input")
    secret = any(word in str(part).lower() for part in loc for word in _SECRET_WORDS)
    if secret or error["type"] == "value_error" or not isinstance(value, (str, int, float)):
        return ""
    return f", got {value!r}"


def describe_validation(errors: list[dict[str, Any]], prefix: str, config_file: Path | None) -> str:
    """``NEWSWATCH_ALERT_WINDOW: expected an ISO 8601 duration such as P7D, got 'x'``; several
    problems joined on one line."""
    config = read_config_file(config_file) if config_file else {}
    lines = []
    for error in errors:
        loc = tuple(error["loc"])
        lines.append(f"{_where(loc, prefix, config_file, config)}: {_expected(error)}{_got(loc, error)}")
    return "; ".join(lines)


def describe_settings_error(message: str, prefix: str) -> str:
    """pydantic-settings' SettingsError (a value that is not the JSON a list or dict needs)."""
    field = re.search(r'field "([^"]+)"', message)
    if not field:
        return message
    return f"{env_name((field.group(1),), prefix)}: expected JSON, e.g. [\"first\", \"second\"]"
