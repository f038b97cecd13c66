// `tsc` must refuse this file: a misspelt column and a count read as text. If it compiled, the
// generated declarations would not type the table cells.
import type { Report } from "./generated/report";

export function misspelt(report: Report): number | null {
  return report.applications.granted.totl;
}

export function countAsText(report: Report): string {
  return report.applications.granted.total;
}
