"""What ``from_json`` and ``from_xml`` make of mutated documents, one line each: for comparing
two versions of the readers (a performance change must accept and refuse the same documents,
with the same errors).

The documents: five real reports as imported (the corpus) and generated ones, each clean, with
a value replaced by a wrong or borderline one, a member left out or one added; as JSON text,
as UTF-8 bytes, and as XML (clean, and with a cell's text or an element's attributes changed);
plus JSON texts naming a member twice. With ``--xml N`` also N generated reports of every
template written with ``to_xml`` (pretty and not), some with texts that need ``char`` elements
or blanks around them, each clean and damaged (an element renamed or left out, a cell's text or
an element's attributes changed, comments, CDATA, processing instructions, blanks and ``char``
elements inserted into a text, a DOCTYPE, an entity). Each line is the case, then ``OK`` and a
hash of the report's JSON form, or the error's class and a hash of its problems (pointer,
expected, got, line, path).

    PYTHONPATH=/path/to/old/src python benchmarks/codec_outcomes.py /tmp/before.txt
    PYTHONPATH=src python benchmarks/codec_outcomes.py /tmp/after.txt
    PYTHONPATH=src python benchmarks/codec_outcomes.py --xml 2000 /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

import gi_report as g
from gi_report.form import TEMPLATES
from gi_report.synthetic import random_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
REAL = ("2023-shuyang-drc.html", "2019-shanghai-gov-office.html", "2021-pingtan.txt",
        "2019-pingtan.txt")
BAD: list[Any] = [None, -1, 0, 1, 2**53, 2**53 - 1, -(2**53), 1.5, "1", "0.35", "0.35\n", " 1",
                  "", "a:b", "\ud800", True, [], {}, "xxxxx", "2024-02-30", "2024-01-01",
                  "national", "123456", 2023]
XML_TEXTS = [b"-1", b"x", b"", b" 3 ", b"1.5", b"99999999999999999999999", b"&#48;",
             b"<!--c-->7", b"<?pi x?>4"]
XML_ATTRIBUTES = [b' extra="1"', b' xsi:nil="true"', b' label="z"', b' template="2019"']
XML_INSERTS = [b"  <!--c-->", b"<!--c-->  ", b"<![CDATA[ ]]>", b"  <![CDATA[x]]>", b" <?pi x?> ",
               b"  <char code=\"0001\"/>", b"<char code=\"0001\"/>  <char code=\"001F\"/> ",
               b"\n  <char code=\"0001\"/>\n", b"   ", b"\n", b"&#32;&#32;", b"&#x3C;&#60;",
               b"  &amp;  ", b"<zz/>", b"  <zz>1</zz>  ", b"&x;"]
XML_PROLOGS = [b'<!DOCTYPE report [<!ENTITY x "y">]>\n', b"<!-- before -->\n", b"<?pi x?>\n",
               b'<!DOCTYPE report SYSTEM "http://example.invalid/x.dtd">\n']
HOSTILE = ["\x01", " \x01", "\x01 ", "  \x01  \x1f  ", "\n\x0c\n", "\ufffe", "  ", " a ", "\r\n",
           "<&>]]>", "\x01\x02", "\t\x0b"]


def outcome(read: Callable[[Any], g.Report], data: Any) -> str:
    """``OK`` and the report's hash, or the error's class and the hash of its problems."""
    try:
        report = read(data)
    except Exception as error:  # any outcome is recorded, to be compared
        problems = getattr(error, "problems", None)
        detail = repr([(type(p).__name__, *(getattr(p, k, None) for k in
                        ("pointer", "expected", "got", "line", "path"))) for p in problems]
                      ) if problems else str(error)
        return f"{type(error).__name__} {hashlib.sha256(detail.encode()).hexdigest()[:16]}"
    return "OK " + hashlib.sha256(g.to_json(report).encode()).hexdigest()[:16]


def documents(generated: int) -> list[dict[str, Any]]:
    out = [json.loads((ROOT / "examples" / "2022-beijing-xicheng-cgzx.json").read_text("utf-8"))]
    out += [g.to_dict(g.read_document(CORPUS / name, warn=False).report) for name in REAL]
    rng = random.Random(7)
    out += [g.to_dict(random_report(rng)) for _ in range(generated)]
    return out


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path


def _changed(document: dict[str, Any], path: tuple[Any, ...], value: Any = None,
             *, delete: bool = False) -> dict[str, Any]:
    copy: Any = json.loads(json.dumps(document))
    holder = copy
    for key in path[:-1]:
        holder = holder[key]
    if delete:
        holder.pop(path[-1])
    else:
        holder[path[-1]] = value
    result: dict[str, Any] = copy
    return result


def json_cases(docs: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    rng = random.Random(11)
    for n, document in enumerate(docs):
        yield f"{n}:clean", document
        paths = list(_leaves(document))
        for j, path in enumerate(rng.sample(paths, min(60, len(paths)))):
            yield f"{n}:set{j}", _changed(document, path, rng.choice(BAD))
            if j % 3 == 0:
                yield f"{n}:del{j}", _changed(document, path, delete=True)
            if j % 5 == 0 and len(path) > 1:
                yield f"{n}:extra{j}", _changed(document, (*path[:-1], "zz_extra"), 1)


def xml_mutations(xml: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    texts = [m.start(1) for m in re.finditer(rb">([^<]+)</", xml)]
    for k in range(12):
        start = rng.choice(texts)
        yield f"t{k}", xml[:start] + rng.choice(XML_TEXTS) + xml[xml.index(b"<", start):]
    tags = [m.start() for m in re.finditer(rb"<[a-z_]+ ", xml)]
    for k in range(6):
        end = xml.index(b">", rng.choice(tags))
        yield f"a{k}", xml[:end] + rng.choice(XML_ATTRIBUTES) + xml[end:]


def _leaf_elements(xml: bytes) -> list[re.Match[bytes]]:
    return list(re.finditer(rb"<([a-z_]+)((?: [^>]*)?)>([^<]*)</\1>", xml))


def xml_damage(xml: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """Structural damage and markup inside texts (beyond :func:`xml_mutations`)."""
    leaves = _leaf_elements(xml)
    for k in range(4):
        m = rng.choice(leaves)
        yield f"rename{k}", (xml[:m.start()] + b"<zz_wrong" + m[2] + b">" + m[3]
                             + b"</zz_wrong>" + xml[m.end():])
        m = rng.choice(leaves)
        yield f"drop{k}", xml[:m.start()] + xml[m.end():]
    for k, insert in enumerate(XML_INSERTS):
        m = rng.choice(leaves)
        at = rng.choice((m.start(3), m.end(3)))
        yield f"ins{k}", xml[:at] + insert + xml[at:]
    end = xml.index(b"?>") + 3
    for k, prolog in enumerate(XML_PROLOGS):
        yield f"prolog{k}", xml[:end] + prolog + xml[end:]
    yield "space", xml.replace(b"<text ", b'<text xml:space="preserve" ', 1)


def hostile(report: g.Report, rng: random.Random) -> g.Report:
    """``report`` with its narrative texts made of blanks and characters XML cannot hold."""
    metadata = attrs.evolve(report.metadata, agency=rng.choice(HOSTILE) + "x")
    problems = attrs.evolve(report.problems, heading=rng.choice([None, *HOSTILE]),
                            text=rng.choice(HOSTILE) + "y" + rng.choice(HOSTILE))
    return attrs.evolve(report, metadata=metadata, problems=problems,
                        preamble=rng.choice([None, *HOSTILE]), closing=rng.choice(HOSTILE))


def xml_generated(count: int) -> Iterator[str]:
    """Lines for ``count`` generated reports of every template (see the module's docstring)."""
    rng = random.Random(13)
    versions = sorted(TEMPLATES)
    for n in range(count):
        report = random_report(rng, template=versions[n % len(versions)],
                               blank_rate=rng.choice((0.0, 0.0, 0.1, 0.5, 1.0)),
                               consistent=bool(n % 3))
        if n % 4 == 3:
            report = hostile(report, rng)
        for pretty in (True, False):
            xml = g.to_xml(report, pretty=pretty)
            yield f"gen {n}:{pretty:d} {outcome(g.from_xml, xml)}"
            if n % 10 == 0:
                yield from (f"genm {n}:{pretty:d}:{m} {outcome(g.from_xml, data)}" for m, data in
                            [*xml_mutations(xml, rng), *xml_damage(xml, rng)])


def repeated_names(docs: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    for n, document in enumerate(docs[:5]):
        text = json.dumps(document, ensure_ascii=False)
        for k, key in enumerate(['"agency": ', '"total": ', '"heading": ', '"template": ',
                                 '"text": ']):
            start = text.find(key)
            end = text.find(",", start) if start >= 0 else -1
            if end >= 0:
                yield f"{n}:{k}", f"{text[:end + 1]} {text[start:end]},{text[end + 1:]}"


def _xml_lines(cid: str, document: dict[str, Any], rng: random.Random) -> list[str]:
    try:
        xml = g.to_xml(g.from_dict(document))
    except Exception:  # a document from_dict refuses has no XML form
        return []
    lines = [f"xml {cid} {outcome(g.from_xml, xml)}"]
    if cid.endswith(("clean", "set0", "set5", "set10")):
        lines += [f"xmlm {cid}:{m} {outcome(g.from_xml, data)}"
                  for m, data in xml_mutations(xml, rng)]
    if cid.endswith("clean"):
        lines += [f"xmld {cid}:{m} {outcome(g.from_xml, data)}"
                  for m, data in xml_damage(xml, rng)]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--generated", type=int, default=15)
    parser.add_argument("--xml", type=int, default=0, metavar="N",
                        help="also N generated reports as XML, clean and damaged")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)
    docs = documents(args.generated)
    rng = random.Random(5)
    lines: list[str] = []
    for cid, document in json_cases(docs):
        text = json.dumps(document, ensure_ascii=False)
        lines.append(f"json {cid} {outcome(g.from_json, text)}")
        lines.append(f"jsonb {cid} {outcome(g.from_json, text.encode('utf-8', 'surrogatepass'))}")
        lines += _xml_lines(cid, document, rng)
    lines += [f"rep {cid} {outcome(g.from_json, text)}" for cid, text in repeated_names(docs)]
    lines += xml_generated(args.xml)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} outcomes -> {args.out}")


if __name__ == "__main__":
    main()
