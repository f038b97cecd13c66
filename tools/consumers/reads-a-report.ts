// A TypeScript consumer of the generated declarations: `tsc --noEmit` must type-check this file
// (every row and column of each table is a typed field; a wrong id would not compile).
import type { ApplicationsGrantedRow2021, Report } from "./generated/report";

export function grantedTotal(report: Report): number | null {
  const granted = report.applications.granted;
  return granted.total;
}

export function naturalPersons(row: ApplicationsGrantedRow2021): number | null {
  return row.natural_person;
}

export function feeNotices(report: Report): number | null | undefined {
  return report.other_matters?.processing_fee_notices_count;
}

export function reviewTotal(report: Report): number | null {
  return report.review_litigation.administrative_review.total;
}

export function fees(report: Report): string | null {
  // The 2021 and 2019 layouts of section 二 differ: narrow before reading a cell of one of
  // them. An amount is an exact decimal written as a string, never a float.
  const row = report.proactive.administrative_fees;
  return "amount_10k_yuan" in row ? row.amount_10k_yuan : null;
}
