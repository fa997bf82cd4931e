/**
 * No web part: the public site's wish list (`/wishes`) and the staff page (`/admin/wishes`) belong
 * to the site itself, so the web host's registry records `wishes` as null.
 */
export const wishesWebPlugin = null;
