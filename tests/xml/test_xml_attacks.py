"""Hostile XML: XXE, entity bombs, external DTDs and XInclude are refused without any access.

Each file in ``attacks/`` names a sentinel file (``@SENTINEL@``) and a local HTTP server
(``@PORT@``). The proof that nothing was read is taken outside Python: inotify reports any open
or read of the sentinel file by any code in the process (libxml2 included), and the HTTP
server records every request. A control test shows both monitors do see a naive parser's access.
"""

from __future__ import annotations

import builtins
import ctypes
import http.server
import io
import os
import random
import socket
import struct
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from gi_report import UnsafeXMLError, XMLDocumentError, from_xml, load_xml, to_xml
from gi_report.codec.xml import _parser, parse_tree
from gi_report.synthetic import random_report
from tests.xml.helpers import ATTACKS

ATTACK_FILES = sorted(p.name for p in ATTACKS.glob("*.xml"))
IN_ACCESS, IN_OPEN = 0x001, 0x020


class Monitor:
    """A sentinel file watched with inotify, and a local HTTP server that records requests."""

    def __init__(self, directory: Path) -> None:
        self.secret = f"SENTINEL-{uuid.uuid4().hex}"
        self.file = directory / "secret.txt"
        self.file.write_text(self.secret, "utf-8")
        self.requests: list[str] = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        if self.fd < 0:
            pytest.skip("inotify is not available")
        watch = self.libc.inotify_add_watch(self.fd, str(self.file).encode(), IN_OPEN | IN_ACCESS)
        if watch < 0:
            pytest.skip("inotify cannot watch the sentinel file")

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        monitor = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                monitor.requests.append(self.path)
                body = f'<!ENTITY fromdtd "{monitor.secret}">'.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def file_events(self) -> int:
        """How many opens or reads of the sentinel file happened since the last call."""
        count = 0
        while True:
            try:
                data = os.read(self.fd, 4096)
            except BlockingIOError:
                return count
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                offset += 16 + length
                count += 1

    def attack(self, name: str) -> bytes:
        text = (ATTACKS / name).read_text("utf-8")
        text = text.replace("@SENTINEL@", str(self.file)).replace("@PORT@", str(self.port))
        return text.encode("utf-8")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        os.close(self.fd)


@pytest.fixture
def monitor(tmp_path: Path) -> Iterator[Monitor]:
    watching = Monitor(tmp_path)
    try:
        yield watching
    finally:
        watching.close()


def test_the_monitors_see_a_naive_parser(monitor: Monitor) -> None:
    """Control: an unhardened parser does read the sentinel, and inotify and the server notice."""
    naive = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    root = etree.fromstring(monitor.attack("xxe-file.xml"), naive)
    assert monitor.secret in "".join(root.itertext())
    assert monitor.file_events() > 0
    with urllib.request.urlopen(f"http://127.0.0.1:{monitor.port}/control") as response:
        assert monitor.secret.encode() in response.read()
    assert monitor.requests == ["/control"]


@pytest.mark.parametrize("name", ATTACK_FILES)
def test_attack_files_are_refused_without_access(monitor: Monitor, name: str) -> None:
    """Every attack file raises UnsafeXMLError; the file is not opened, nothing is requested."""
    data = monitor.attack(name)
    assert monitor.file_events() == 0
    with pytest.raises(UnsafeXMLError) as caught:
        from_xml(data, source=name)
    message = str(caught.value)
    assert name in message and ("DOCTYPE" in message or "XInclude" in message)
    assert monitor.secret not in message
    assert monitor.file_events() == 0
    assert monitor.requests == []


@pytest.mark.parametrize("name", ATTACK_FILES)
def test_attack_files_through_the_file_reader(monitor: Monitor, name: str, tmp_path: Path
                                              ) -> None:
    """load_xml refuses them the same way (the attack file itself is of course read)."""
    path = tmp_path / name
    path.write_bytes(monitor.attack(name))
    with pytest.raises(UnsafeXMLError):
        load_xml(path)
    assert monitor.file_events() == 0
    assert monitor.requests == []


@pytest.mark.parametrize("name", ATTACK_FILES)
def test_the_parser_itself_is_hardened(monitor: Monitor, name: str) -> None:
    """Defence in depth: even without the DOCTYPE check, the parser expands and loads nothing."""
    data = monitor.attack(name)
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, UnsafeXMLError):
        pass
    else:
        text = etree.tostring(root)
        assert monitor.secret.encode() not in text
        assert len(text) < 100_000  # no entity bomb was expanded
        assert not root.xpath("//*[local-name()='include']/following-sibling::text()")
    assert monitor.file_events() == 0
    assert monitor.requests == []


def test_utf16_cannot_smuggle_a_doctype(monitor: Monitor) -> None:
    """A DOCTYPE in UTF-16 (which a byte scan would miss) is refused as not UTF-8."""
    data = monitor.attack("xxe-file.xml").decode("utf-8").replace('encoding="UTF-8"',
                                                                  'encoding="UTF-16"')
    for encoded in (data.encode("utf-16"), data.encode("utf-16-le")):
        with pytest.raises(XMLDocumentError):
            from_xml(encoded)
    assert monitor.file_events() == 0


def test_schema_location_hints_are_not_followed(monitor: Monitor) -> None:
    """xsi:schemaLocation naming a remote XSD is ignored: gi-report validates with its own."""
    report = random_report(random.Random(21))
    data = to_xml(report).replace(
        b'format_version="1.0"',
        f'xsi:schemaLocation="urn:gi-report:xml:2021:1.0 '
        f'http://127.0.0.1:{monitor.port}/evil.xsd" format_version="1.0"'.encode(),
        1,
    )
    assert from_xml(data) == report
    assert monitor.requests == []


def test_no_python_level_file_or_network_access(monitor: Monitor,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """While reading valid and hostile documents, Python opens no file and no socket."""
    report = random_report(random.Random(22))
    valid = to_xml(report)
    attacks = [monitor.attack(name) for name in ATTACK_FILES]
    from_xml(valid)  # warm the compiled XSD cache first: it is built in memory anyway
    calls: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def call(*args: object, **kwargs: object) -> None:
            calls.append(f"{what}{args!r}")
            raise AssertionError(f"unexpected {what}")

        return call

    monkeypatch.setattr(builtins, "open", refuse("open"))
    monkeypatch.setattr(io, "open", refuse("io.open"))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    assert from_xml(valid) == report
    for data in attacks:
        with pytest.raises(UnsafeXMLError):
            from_xml(data)
    monkeypatch.undo()
    assert calls == []
    assert monitor.file_events() == 0
    assert monitor.requests == []


def test_entities_without_doctype_are_not_defined() -> None:
    """An entity reference with no DTD is simply malformed (only the five XML ones exist)."""
    with pytest.raises(XMLDocumentError) as caught:
        parse_tree(b"<report>&xxe;</report>")
    assert "xxe" in str(caught.value)
    root = parse_tree(b"<r>&lt;&amp;&#x4E2D;</r>")
    assert root.text == "<&中"


def test_deep_nesting_is_limited() -> None:
    """A document nested deeper than libxml2's safe limit is refused, not parsed."""
    depth = 100_000
    data = b"<a>" * depth + b"</a>" * depth
    with pytest.raises(XMLDocumentError):
        parse_tree(data)
