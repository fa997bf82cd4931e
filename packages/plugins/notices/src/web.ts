/**
 * No web part: staff write notices in the admin (`/admin/notices`, with the other admin
 * sections), so the web host's registry records `notices` as null.
 */
export const noticesWebPlugin = null;
