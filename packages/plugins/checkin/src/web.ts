/** No web part yet: the web host's registry records `checkin` as null until there is one. */
export const checkinWebPlugin = null;
