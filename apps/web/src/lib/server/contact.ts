import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@seoro/api';
import type { ProgramContact } from '$lib/api-types';
import { readApiFailure } from './api-error';

/**
 * The contact block's details, or null when they cannot be read: the page around them still
 * shows (the footer keeps the office's name).
 */
export async function loadContact(api: TRPCClient<AppRouter>): Promise<ProgramContact | null> {
  try {
    return await api.catalogue.contact.query();
  } catch (cause) {
    console.error('[web] catalogue.contact failed', readApiFailure(cause) ?? cause);
    return null;
  }
}
