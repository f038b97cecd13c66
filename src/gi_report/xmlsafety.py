"""The one hardened lxml XML parser configuration every XML reader of gi-report starts from."""

from __future__ import annotations

from typing import Any

from lxml import etree


def hardened_xml_parser(**options: Any) -> etree.XMLParser:
    """An XML parser that expands no entity, loads no DTD, touches no network, builds no huge
    tree and drops comments and processing instructions; ``options`` add reader-specific ones."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
        **options,
    )
