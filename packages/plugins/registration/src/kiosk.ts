// No kiosk part yet — on-site signup comes later.
export const registrationKioskPlugin = null;
