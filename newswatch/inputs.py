"""Reading a text file a user hands to a command, in whatever encoding the newsroom saved it.

French newsrooms still save Latin-1 (windows-1252) and Word exports UTF-16: those are decoded,
not refused. A byte-order mark wins; then strict UTF-8; then charset-normalizer, limited to the
encodings of newswatch's languages so that French Latin-1 is not mistaken for Central-European
cp1250. A file that decodes as none of them is binary, and said so.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from newswatch.errors import InputFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# French and English (windows-1252, Latin-1), Arabic (windows-1256, ISO 8859-6), Unicode.
_CANDIDATES = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp1252", "latin_1", "cp1256", "iso8859_6"]


class Undecodable(ValueError):
    """The bytes are not text in any encoding newswatch reads."""


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of ``data``; raises ``Undecodable`` for binary data."""
    for mark, encoding in _BOMS:  # UTF-32 LE's mark starts like UTF-16 LE's: it is tried first
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Undecodable(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or (b"\x00" in data and not best.encoding.startswith("utf_")):
        raise Undecodable("binary data, not text")
    return str(best), best.encoding


def read_text_file(path: Path) -> str:
    """The text of ``path``; a missing file, a directory or binary data is an InputFileError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a directory, expected a text file") from None
    except PermissionError:
        raise InputFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    try:
        return decode_text(data)[0]
    except Undecodable as exc:
        raise InputFileError(f"{path}: {exc}") from None


def open_binary(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes (JSON lines are split on b"\\n" only)."""
    if path.is_dir():
        raise InputFileError(f"{path}: is a directory, expected a file of JSON lines")
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read: {exc.strerror or exc}") from None
