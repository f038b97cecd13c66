"""What ``from_json`` and ``from_xml`` make of mutated documents, one line each: for comparing
two versions of the readers (a performance change must accept and refuse the same documents,
with the same errors).

The documents: five real reports as imported (the corpus) and generated ones, each clean, with
a value replaced by a wrong or borderline one, a member left out or one added; as JSON text,
as UTF-8 bytes, and as XML (clean, and with a cell's text or an element's attributes changed);
plus JSON texts naming a member twice. Each line is the case, then ``OK`` and a hash of the
report's JSON form, or the error's class and a hash of its problems (pointer, expected, got,
line, path).

    PYTHONPATH=/path/to/old/src python benchmarks/codec_outcomes.py /tmp/before.txt
    PYTHONPATH=src python benchmarks/codec_outcomes.py /tmp/after.txt
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

import gi_report as g
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
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--generated", type=int, default=15)
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
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} outcomes -> {args.out}")


if __name__ == "__main__":
    main()
