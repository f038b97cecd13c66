// Ajv (JSON Schema 2020-12, strict mode) as a consumer of the published schema: it must compile
// the schema, accept every document in VALID_DIR and refuse every document in INVALID_DIR, and
// agree with gi_report.from_dict on every line of MUTATED (JSON Lines: {accepted, document}).
//   node ajv-check.mjs SCHEMA VALID_DIR INVALID_DIR MUTATED
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, validDir, invalidDir, mutatedPath] = process.argv.slice(2);
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
const mutated = readFileSync(mutatedPath, "utf8").split("\n").filter((l) => l.trim())
  .map((l) => JSON.parse(l));
let disagreements = 0;
mutated.forEach(({ accepted, document }, index) => {
  if (validate(document) !== accepted) {
    disagreements += 1;
    console.error(`line ${index + 1} of ${mutatedPath}: the reader ` +
      `${accepted ? "accepts" : "refuses"} it, Ajv does not:`, JSON.stringify(validate.errors?.slice(0, 2)));
  }
});
console.log(`ajv (strict): ${valid.length} valid documents accepted, ` +
  `${invalid.length} broken documents refused, agrees with the reader on ` +
  `${mutated.length - disagreements}/${mutated.length} mutated ones; ` +
  `${failures + disagreements} failures`);
failures += disagreements;
process.exit(failures === 0 ? 0 : 1);
