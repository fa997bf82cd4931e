/** No web part: the web site's "my registrations" page belongs to the registration plugin. */
export const myRegistrationsWebPlugin = null;
