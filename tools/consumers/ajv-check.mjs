// Ajv (JSON Schema 2020-12, strict mode) as a consumer of the published schema: it must compile
// the schema, accept every document in VALID_DIR and refuse every document in INVALID_DIR.
//   node ajv-check.mjs SCHEMA VALID_DIR INVALID_DIR
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, validDir, invalidDir] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-label-zh"); // the Chinese label of a property: an annotation
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

const read = (dir) =>
  readdirSync(dir).filter((n) => n.endsWith(".json")).sort()
    .map((n) => [join(dir, n), JSON.parse(readFileSync(join(dir, n), "utf8"))]);
let failures = 0;
const valid = read(validDir);
for (const [path, document] of valid) {
  if (!validate(document)) {
    failures += 1;
    console.error(`refused a valid document ${path}:`, JSON.stringify(validate.errors?.slice(0, 3)));
  }
}
const invalid = read(invalidDir);
for (const [path, document] of invalid) {
  if (validate(document)) {
    failures += 1;
    console.error(`accepted a broken document ${path}`);
  }
}
console.log(`ajv (strict): ${valid.length} valid documents accepted, ` +
  `${invalid.length} broken documents refused, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
