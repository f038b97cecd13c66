// json-schema-to-typescript as a consumer of the published schema: writes the TypeScript
// declarations of a report (one named interface per table and row) for tsc to check.
//   node to-typescript.mjs SCHEMA OUT.d.ts
import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const [schemaPath, outPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ts = await compile(schema, "Report", {
  additionalProperties: false,
  bannerComment: "/* Generated from report.schema.json by json-schema-to-typescript. */",
  unreachableDefinitions: true,
});
writeFileSync(outPath, ts);
console.log(`json-schema-to-typescript: ${outPath}, ` +
  `${(ts.match(/^export interface /gm) ?? []).length} interfaces, ` +
  `${(ts.match(/^export type /gm) ?? []).length} type aliases`);
