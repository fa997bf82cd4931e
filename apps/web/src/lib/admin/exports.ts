/**
 * Why a download was sent back to the export page (`/admin/exports?kind=…&error=…`): no purpose,
 * no such course or term, or the file could not be made.
 */
export const EXPORT_ERRORS = ['purpose', 'not_found', 'failed'] as const;
export type ExportError = (typeof EXPORT_ERRORS)[number];

export function isExportError(value: string | null): value is ExportError {
  return (EXPORT_ERRORS as readonly (string | null)[]).includes(value);
}
