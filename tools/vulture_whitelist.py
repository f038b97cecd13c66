"""Names vulture reports as unused that are used, read by ``vulture`` (see ``[tool.vulture]``).

Each line says why the name is not dead. Add a name here only for such a false positive; dead
code is deleted instead.
"""

# Interfaces whose signature is fixed by the caller
signum  # signal handler parameters (cli/batch.py _stop): signal.signal passes them
checker  # jsonschema type-checker functions take (checker, instance) (codec/json.py)
kwargs  # test doubles accept the keyword arguments of the function they replace
_.do_GET  # http.server.BaseHTTPRequestHandler calls do_GET (tests/xml/test_xml_attacks.py)
_.get_function_hook  # mypy's Plugin interface (tools/compiled/attrs_fields.py)
plugin  # mypy's entry point of a plugin module, named in tools/compiled/mypy.ini
_patched_source  # an autouse pytest fixture (tests/importers/test_fast_paths_text.py)
_.log_message  # BaseHTTPRequestHandler hook, overridden to keep the test output quiet
_.prec  # decimal.localcontext() attributes, set for their effect on the arithmetic

# Public API and published data fields: used by callers, not inside the project
method  # TextSimilarity.method (analysis/compare.py): names the similarity measure in the output
_.review_litigation_sum  # Report.review_litigation_sum: public, documented in docs/index.md
uncertain  # the "uncertain" member of tests/data/corpus/expected/*.json, read into Expected
trace  # the traceback parameter of AtomicFile.__exit__: the context-manager protocol passes it
_.compress_type  # zipfile.ZipInfo.compress_type, read by ZipFile.writestr (render/docx.py)
_.lzwdecode  # pdfminer.pdftypes.lzwdecode, replaced by a bounded one while a PDF is read
_.rldecode  # pdfminer.pdftypes.rldecode, likewise (importers/_pdf_inflate.py)
