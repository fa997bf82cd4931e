/** What the API tells us when a call fails (see docs/api-contract.md, "Errors"). */
export interface ApiFailure {
  /** A sentence for the resident, already in the requested language. */
  message: string;
  domainCode: string | null;
  field: string | null;
  httpStatus: number | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Reads a TRPCClientError without `instanceof`: with an in-process link from the host, the error
 * may come from another copy of @trpc/client. Returns null for anything that is not one.
 */
export function readApiFailure(error: unknown): ApiFailure | null {
  if (!(error instanceof Error) || error.name !== 'TRPCClientError') return null;
  const data = isRecord((error as { data?: unknown }).data)
    ? ((error as { data?: unknown }).data as Record<string, unknown>)
    : {};
  return {
    message: error.message,
    domainCode: typeof data.domainCode === 'string' ? data.domainCode : null,
    field: typeof data.field === 'string' ? data.field : null,
    httpStatus: typeof data.httpStatus === 'number' ? data.httpStatus : null,
  };
}
